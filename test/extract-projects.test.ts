// A repository of several Python projects (fixtures/projects): each service below a directory whose name is no
// Python identifier, or whose files import its packages by their short names, is extracted as the oracle extracts
// that directory, and the root project as the oracle extracts its files; a table name two projects share and a
// script no import reaches are said.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';
import { projectRoots } from '../src/extract/project-roots.js';
import { readWorktreeFiles } from '../src/git/worktree.js';
import type { Schema } from '../src/schema/types.js';
import { compareSchemas } from './helpers/compare-schema.js';

const DIR = fileURLToPath(new URL('../fixtures/projects/', import.meta.url));
const expected = (file: string): Schema => JSON.parse(readFileSync(`${DIR}${file}`, 'utf8')) as Schema;

const file = (path: string, text = '') => ({ path, text });

describe('project roots', () => {
  it('a plain directory whose files import its packages by short names, and nothing of the top level', () => {
    const backend = [file('backend/app/__init__.py'), file('backend/app/db.py'), file('backend/app/models.py', 'import os\nfrom app.db import Base\n')];
    expect(projectRoots(backend)('backend/app/models.py')).toBe('backend/');
    // a script beside it, `python backend/main.py`, votes the same way
    expect(projectRoots([...backend.slice(0, 2), file('backend/main.py', 'from app import db')])('backend/app/db.py')).toBe('backend/');
  });

  it('stays in the repository project when its files also import the top level, or name themselves from it', () => {
    const scripts = [file('app/__init__.py'), file('app/db.py'), file('scripts/helpers.py'), file('scripts/nightly.py', 'import helpers\nfrom app.db import Base\n')];
    expect(projectRoots(scripts)('scripts/nightly.py')).toBe('');
    const spelled = [file('backend/app/__init__.py'), file('backend/app/db.py', 'from app import x'), file('backend/app/models.py', 'from backend.app.db import Base')];
    expect(projectRoots(spelled)('backend/app/models.py')).toBe('');
    // relative imports say nothing about where the project starts
    expect(projectRoots([file('backend/app/__init__.py'), file('backend/app/m.py', 'from .db import Base')])('backend/app/m.py')).toBe('');
  });

  it("takes `import time` beside a project's time.py for the standard library, not for a root (SQLBot's common/utils)", () => {
    const utils = [file('common/utils/time.py', 'def get_timestamp():\n    return 0\n'), file('common/utils/snowflake.py', 'import time\n'), file('app/models.py', 'from common.utils.time import get_timestamp\n')];
    expect(projectRoots(utils)('common/utils/snowflake.py')).toBe('');
    // a sibling that is no standard module still votes
    const own = [file('tools/helpers.py'), file('tools/nightly.py', 'import helpers\n')];
    expect(projectRoots(own)('tools/nightly.py')).toBe('tools/');
  });
});

describe('a monorepo of Python projects (fixtures/projects)', () => {
  it('extracts each project as the oracle extracts its directory', async () => {
    const files = await readWorktreeFiles(DIR);
    const { schema } = await extractSchema(files, { dialect: 'postgresql' });
    const projectOf = projectRoots(files);
    const projects = [
      ['users-api/', 'users-api/expected.json'],
      ['billing-service/', 'billing-service/expected.json'],
      ['services/orders/', 'services/orders/expected.json'],
      ['', 'expected.root.json'],
    ] as const;
    for (const [project, file] of projects) {
      const tables = schema.tables.filter((t) => projectOf(t.source?.file ?? '') === project);
      expect(compareSchemas(expected(file), { ...schema, tables }), project || 'root').toEqual([]);
    }
    expect(schema.tables.map((t) => `${t.name} ${t.source?.file}`)).toEqual([
      'addresses users-api/app/models.py',
      'invoices billing-service/src/billing/models.py',
      'orders services/orders/app/models.py',
      'report_runs tools/report.py',
      'shipments services/orders/app/models.py',
      'users billing-service/src/billing/models.py',
      'users users-api/app/models.py',
    ]);
    expect(schema.diagnostics.map((d) => `${d.severity} ${d.file}:${d.line} ${d.message.split(':')[0]}`)).toEqual([
      'warning scripts/seed-users.py:1 this file imports SQLAlchemy, but its name is no Python module name (a script, `create-tables.py`), so no import reaches it',
      'warning users-api/app/models.py:9 table users is declared in two Python projects of this repository (the other in billing-service/src/billing/models.py)',
    ]);
  });
});
