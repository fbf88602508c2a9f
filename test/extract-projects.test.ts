// A repository of several Python projects (fixtures/projects): each service below a directory whose name is no
// Python identifier is extracted as the oracle extracts that directory, and the root project as the oracle
// extracts the root; a table name two projects share and a script no import reaches are said.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';
import { projectOf } from '../src/extract/module-names.js';
import { readWorktreeFiles } from '../src/git/worktree.js';
import type { Schema } from '../src/schema/types.js';
import { compareSchemas } from './helpers/compare-schema.js';

const DIR = fileURLToPath(new URL('../fixtures/projects/', import.meta.url));
const expected = (file: string): Schema => JSON.parse(readFileSync(`${DIR}${file}`, 'utf8')) as Schema;

describe('a monorepo of Python projects (fixtures/projects)', () => {
  it('extracts each project as the oracle extracts its directory', async () => {
    const { schema } = await extractSchema(await readWorktreeFiles(DIR), { dialect: 'postgresql' });
    for (const [project, file] of [['users-api/', 'users-api/expected.json'], ['billing-service/', 'billing-service/expected.json'], ['', 'expected.root.json']] as const) {
      const tables = schema.tables.filter((t) => projectOf(t.source?.file ?? '') === project);
      expect(compareSchemas(expected(file), { ...schema, tables }), project || 'root').toEqual([]);
    }
    expect(schema.tables.map((t) => `${t.name} ${t.source?.file}`)).toEqual([
      'addresses users-api/app/models.py',
      'invoices billing-service/src/billing/models.py',
      'report_runs tools/report.py',
      'users billing-service/src/billing/models.py',
      'users users-api/app/models.py',
    ]);
    expect(schema.diagnostics.map((d) => `${d.severity} ${d.file}:${d.line} ${d.message.split(':')[0]}`)).toEqual([
      'warning scripts/seed-users.py:1 this file imports SQLAlchemy, but its name is no Python module name (a script, `create-tables.py`), so no import reaches it',
      'warning users-api/app/models.py:9 table users is declared in two Python projects of this repository (the other in billing-service/src/billing/models.py)',
    ]);
  });
});
