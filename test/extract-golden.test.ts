// The extractor against real SQLAlchemy: every fixtures/models case (and dialect) must match the oracle's
// expected JSON field by field, with no warning; every fixtures/models-unresolved case must keep its known columns and
// name what it could not resolve.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';
import { readWorktreeFiles } from '../src/git/worktree.js';
import { checkUnresolved } from './helpers/check-unresolved.js';
import { compareSchemas } from './helpers/compare-schema.js';
import {
  MODELS_DIR,
  UNRESOLVED_DIR,
  listCaseDirs,
  listGoldenCases,
  readExpectedSchema,
  readUnresolvedExpectation,
} from './helpers/golden-cases.js';

function failWith(mismatches: string[]): void {
  if (mismatches.length > 0) {
    expect.fail(`${mismatches.length} mismatch(es):\n  ${mismatches.join('\n  ')}`);
  }
}

describe('extraction goldens (fixtures/models, oracle = SQLAlchemy 2.0)', () => {
  for (const c of listGoldenCases()) {
    const title = c.dialect === 'postgresql' ? c.name : `${c.name} [${c.dialect}]`;
    it(title, async () => {
      const expected = readExpectedSchema(c.expectedFile);
      const files = await readWorktreeFiles(c.dir);
      const { schema } = await extractSchema(files, { dialect: c.dialect });
      failWith(compareSchemas(expected, schema));
      // every construct here is one schemaguard reads: a warning would be a false alarm on a correct schema, but for
      // a foreign key SQLAlchemy cannot resolve, which both sides name
      const dangling = (pattern: RegExp, messages: string[]): string[] =>
        messages.flatMap((m) => {
          const hit = pattern.exec(m);
          return hit ? [`${hit[1]} -> ${hit[2]}`] : [];
        });
      const oracleDangling = dangling(/^unresolved foreign key (\S+) -> (\S+):/, expected.diagnostics.map((d) => d.message));
      const ourDangling = dangling(/^foreign key of (\S+) to (\S+) \(/, schema.diagnostics.map((d) => d.message));
      expect(ourDangling.sort()).toEqual(oracleDangling.sort());
      const warnings = [
        ...schema.tables.flatMap((t) => t.unresolved.map((u) => `${t.name}: ${u.reason}`)),
        ...schema.diagnostics.filter((d) => !d.message.startsWith('foreign key of ')).map((d) => `${d.file}:${d.line}: ${d.message}`),
      ];
      expect(warnings).toEqual([]);
    });
  }
});

describe('unresolvable constructs (fixtures/models-unresolved)', () => {
  for (const name of listCaseDirs(UNRESOLVED_DIR)) {
    it(name, async () => {
      const dir = join(UNRESOLVED_DIR, name);
      const files = await readWorktreeFiles(dir);
      const { schema } = await extractSchema(files, { dialect: 'postgresql' });
      failWith(checkUnresolved(readUnresolvedExpectation(dir), schema));
    });
  }
});

describe('golden fixture set', () => {
  const cases = listCaseDirs(MODELS_DIR);

  it('has at least 35 cases, each with an oracle expected.json holding at least one table', () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
    for (const name of cases) {
      const file = join(MODELS_DIR, name, 'expected.json');
      expect(existsSync(file), `${name}: expected.json missing`).toBe(true);
      expect(readExpectedSchema(file).tables.length, `${name}: no tables`).toBeGreaterThanOrEqual(1);
    }
  });

  it('has expected files the oracle produced cleanly, for the dialect their name says', () => {
    for (const c of listGoldenCases()) {
      const expected = readExpectedSchema(c.expectedFile);
      expect(expected.dialect, c.expectedFile).toBe(c.dialect);
      const errors = expected.diagnostics.filter((d) => d.severity === 'error');
      expect(errors, `${c.expectedFile}: the oracle could not import the case`).toEqual([]);
    }
  });

  it('describes every case, and only existing ones, in fixtures/models/README.md', () => {
    const readme = readFileSync(join(MODELS_DIR, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| ([a-z0-9-]+) \|/gm)].map((m) => m[1]).filter((n) => n !== 'case');
    const unresolved = listCaseDirs(UNRESOLVED_DIR);
    expect([...listed].sort()).toEqual([...cases, ...unresolved].sort());
  });

  it('has 3 to 5 unresolvable cases, each with a hand-written expectation naming tables and mentions', () => {
    const unresolved = listCaseDirs(UNRESOLVED_DIR);
    expect(unresolved.length).toBeGreaterThanOrEqual(3);
    expect(unresolved.length).toBeLessThanOrEqual(5);
    for (const name of unresolved) {
      const tables = Object.values(readUnresolvedExpectation(join(UNRESOLVED_DIR, name)).tables);
      expect(tables.length, name).toBeGreaterThanOrEqual(1);
      expect(tables.some((t) => t.unresolved_mentions.length > 0), `${name}: mentions nothing`).toBe(true);
    }
  });
});
