// Lists the extraction golden fixtures: fixtures/models/<case>/expected[.<dialect>].json and
// fixtures/models-unresolved/<case>/expected-unresolved.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect, Schema } from '../../src/schema/types.js';
import type { UnresolvedExpectation } from './check-unresolved.js';

export const MODELS_DIR = fileURLToPath(new URL('../../fixtures/models/', import.meta.url));
export const UNRESOLVED_DIR = fileURLToPath(new URL('../../fixtures/models-unresolved/', import.meta.url));

export interface GoldenCase {
  name: string;
  dir: string;
  dialect: Dialect;
  expectedFile: string;
}

const DIALECT_FILES: ReadonlyArray<readonly [Dialect, string]> = [
  ['postgresql', 'expected.json'],
  ['mysql', 'expected.mysql.json'],
  ['sqlite', 'expected.sqlite.json'],
];

export function listCaseDirs(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** One entry per (case, dialect) that has an expected file. */
export function listGoldenCases(): GoldenCase[] {
  return listCaseDirs(MODELS_DIR).flatMap((name) => {
    const dir = join(MODELS_DIR, name);
    return DIALECT_FILES.filter(([, file]) => existsSync(join(dir, file))).map(([dialect, file]) => ({
      name,
      dir,
      dialect,
      expectedFile: join(dir, file),
    }));
  });
}

export function readExpectedSchema(file: string): Schema {
  return JSON.parse(readFileSync(file, 'utf8')) as Schema;
}

export function readUnresolvedExpectation(caseDir: string): UnresolvedExpectation {
  return JSON.parse(readFileSync(join(caseDir, 'expected-unresolved.json'), 'utf8')) as UnresolvedExpectation;
}
