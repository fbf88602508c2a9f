// Bad configs: syntax errors with line numbers, wrong types with dotted paths, unknown keys, enums, semantics.
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/cli/errors.js';
import { ConfigError, formatConfigIssue } from '../src/config/errors.js';
import { validateConfig } from '../src/config/validate.js';
import { configDir, loadError } from './helpers/config-dir.js';

/** The problem lines of a ConfigError from a YAML config, without the summary line. */
async function yamlProblems(yaml: string, knownRuleIds?: readonly string[]): Promise<string[]> {
  const dir = configDir({ '.schemaguardrc.yaml': yaml });
  const error = await loadError({ cwd: dir, ...(knownRuleIds ? { knownRuleIds } : {}) });
  return error.issues.map(formatConfigIssue);
}

describe('syntax errors', () => {
  it('YAML: file, line and column, the parser reason, no stack trace', async () => {
    const dir = configDir({ '.schemaguardrc.yaml': 'dialect: mysql\ncontracts:\n  - tables: [users\n    owners: x\nrules: {}\n' });
    const error = await loadError({ cwd: dir });
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(/^\.schemaguardrc\.yaml:\d+:\d+: YAML syntax error: \S/);
    expect(error.issues[0]?.line).toBeGreaterThanOrEqual(3);
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(error.hint).toBe('fix the syntax at the place shown, then run again');
  });

  it('YAML: a duplicate key is an error at its line', async () => {
    const dir = configDir({ '.schemaguardrc.yml': 'dialect: mysql\nonError: warn\ndialect: sqlite\n' });
    const error = await loadError({ cwd: dir });
    expect(error.message).toBe('.schemaguardrc.yml:3:1: YAML syntax error: Map keys must be unique');
  });

  it('JSON: line and column of the first fault', async () => {
    const dir = configDir({ '.schemaguardrc.json': '{\n  "dialect": "mysql",\n  "rules": {"x": tru}\n}\n' });
    expect((await loadError({ cwd: dir })).message).toBe(
      '.schemaguardrc.json:3:18: JSON syntax error: expected a value, unexpected character "t"',
    );
    const trailing = configDir({ '.schemaguardrc.json': '{\n  "dialect": "mysql",\n}\n' });
    expect((await loadError({ cwd: trailing })).message).toBe(
      '.schemaguardrc.json:3:1: JSON syntax error: expected a double-quoted string, unexpected character "}"',
    );
  });

  it('TOML (pyproject.toml): line and column', async () => {
    const dir = configDir({ 'pyproject.toml': '[tool.schemaguard]\ndialect = "mysql"\nrules = { a = }\n' });
    const error = await loadError({ cwd: dir });
    expect(error.message).toMatch(/^pyproject\.toml:3:\d+: TOML syntax error: \S/);
    expect(error.issues[0]?.line).toBe(3);
  });

  it('a JS config that throws: the file, its message and line, no stack trace', async () => {
    const dir = configDir({ '.schemaguardrc.mjs': 'const base = {};\nthrow new Error("DB_URL is not set");\nexport default base;\n' });
    const error = await loadError({ cwd: dir });
    expect(error.message).toBe('.schemaguardrc.mjs:2:7: loading the file failed: DB_URL is not set');
    expect(error.hint).toBe('fix the error in the config file, or use .schemaguardrc.yaml instead');
  });

  it('a JS config with a syntax error', async () => {
    const dir = configDir({ 'schemaguard.config.cjs': 'module.exports = {\n  dialect: "mysql",,\n};\n' });
    const error = await loadError({ cwd: dir });
    expect(error.message).toMatch(/^schemaguard\.config\.cjs:2: loading the file failed: Unexpected token ','$/);
  });
});

describe('schema problems', () => {
  it('wrong types name the dotted path, what was expected and what was found', async () => {
    expect(await yamlProblems('models: app/models\ncontracts:\n  - tables: [users]\n  - tables: [orders]\n    owners: 3\n')).toEqual([
      '.schemaguardrc.yaml: models: expected a list of strings, found a string',
      '.schemaguardrc.yaml: contracts[1].owners: expected a list of strings, found a number',
    ]);
  });

  it('lists every problem at once, with a count', async () => {
    const dir = configDir({ '.schemaguardrc.yaml': 'dialect: oracle\nonError: 1\ncontracts:\n  - owners: []\n' });
    const error = await loadError({ cwd: dir });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message.split('\n')).toEqual([
      '3 problems in the configuration:',
      '  .schemaguardrc.yaml: dialect: expected one of postgresql, mysql, sqlite, found "oracle"',
      '  .schemaguardrc.yaml: onError: expected one of block, warn, found 1',
      '  .schemaguardrc.yaml: contracts[0].tables: expected a non-empty list of strings, found nothing (the key is missing)',
    ]);
    expect(error.hint).toMatch(/\.schemaguardrc\.example/);
  });

  it('unknown keys get a "did you mean" for near misses, else the allowed keys', async () => {
    expect(await yamlProblems('onEror: warn\ncontracts:\n  - tables: [a]\n    owner: [x]\nlineage:\n  snapshots: x.json\n')).toEqual([
      '.schemaguardrc.yaml: contracts[0].owner: unknown key, did you mean owners?',
      '.schemaguardrc.yaml: lineage.snapshots: unknown key, did you mean snapshot?',
      '.schemaguardrc.yaml: onEror: unknown key, did you mean onError?',
    ]);
    expect(await yamlProblems('renames:\n  - table: a\n    from: b\n    because: typo\n')).toEqual([
      '.schemaguardrc.yaml: renames[0].because: unknown key; keys allowed here: table, column, from',
    ]);
  });

  it('kebab-case in YAML is unknown, with the camelCase key suggested', async () => {
    expect(await yamlProblems('on-error: warn\n')).toEqual(['.schemaguardrc.yaml: on-error: unknown key, did you mean onError?']);
  });

  it('in TOML, suggestions and paths keep the kebab-case spelling', async () => {
    const dir = configDir({ 'pyproject.toml': '[tool.schemaguard.lineage]\nmax-age-days = "old"\nmax_agedays = 3\n' });
    expect((await loadError({ cwd: dir })).issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'lineage.max-age-days: expected a number greater than 0, found a string',
      'lineage.max_agedays: unknown key, did you mean max-age-days?',
    ]);
  });

  it('a key given in both spellings in TOML', async () => {
    const dir = configDir({ 'pyproject.toml': '[tool.schemaguard]\non-error = "warn"\nonError = "block"\n' });
    expect((await loadError({ cwd: dir })).message).toBe('pyproject.toml: onError: given twice, as on-error and as onError; keep one');
  });

  it('bad enum values list the choices and suggest a near one', async () => {
    expect(await yamlProblems('dialect: postgres\nrules:\n  no-drop-column: blok\ncontracts:\n  - tables: [a]\n    policy: info\n')).toEqual([
      '.schemaguardrc.yaml: dialect: expected one of postgresql, mysql, sqlite, found "postgres" (did you mean "postgresql"?)',
      '.schemaguardrc.yaml: rules.no-drop-column: expected one of block, warn, info, off, found "blok" (did you mean "block"?)',
      '.schemaguardrc.yaml: contracts[0].policy: expected one of block, warn, found "info"',
    ]);
  });

  it('formats, bounds and the config root', async () => {
    expect(
      await yamlProblems('lineage:\n  maxAgeDays: 0\ncontracts:\n  - tables: [a]\n    deprecations:\n      a.b: "2025-02-30"\n'),
    ).toEqual([
      '.schemaguardrc.yaml: contracts[0].deprecations["a.b"]: expected a date written YYYY-MM-DD, found "2025-02-30"',
      '.schemaguardrc.yaml: lineage.maxAgeDays: expected a number greater than 0, found 0',
    ]);
    expect(await yamlProblems('- dialect: mysql\n')).toEqual(['.schemaguardrc.yaml: expected a mapping of settings, found a list']);
  });

  it('lineage sources are checked against the kind of source given', async () => {
    const yaml = [
      'lineage:',
      '  sources:',
      '    - dbt: {manifest: m.json, timeoutMs: soon}',
      '    - dbt: {manifests: m.json}',
      '    - dbt: {}',
      '    - openlineage: {url: "ftp://marquez", tokenEnv: "my token"}',
      '    - {dbt: {manifest: a}, file: b}',
      '    - graph: x',
      '    - lineage.json',
      '',
    ].join('\n');
    expect(await yamlProblems(yaml)).toEqual([
      '.schemaguardrc.yaml: lineage.sources[0].dbt.timeoutMs: expected a whole number greater than 0, found a string',
      '.schemaguardrc.yaml: lineage.sources[1].dbt.manifests: unknown key, did you mean manifest?',
      '.schemaguardrc.yaml: lineage.sources[1].dbt: give exactly one of manifest (a path) or url',
      '.schemaguardrc.yaml: lineage.sources[2].dbt: give exactly one of manifest (a path) or url',
      '.schemaguardrc.yaml: lineage.sources[3].openlineage.url: expected an http(s) URL, found "ftp://marquez"',
      '.schemaguardrc.yaml: lineage.sources[3].openlineage.tokenEnv: expected an environment variable name (letters, digits, _), found "my token"',
      '.schemaguardrc.yaml: lineage.sources[4]: expected a mapping with exactly one of the keys dbt, openlineage, file, found the keys dbt, file',
      '.schemaguardrc.yaml: lineage.sources[5]: expected a mapping with exactly one of the keys dbt, openlineage, file, found the key graph',
      '.schemaguardrc.yaml: lineage.sources[6]: expected a mapping with exactly one of the keys dbt, openlineage, file, found a string',
    ]);
  });
});

describe('semantic checks', () => {
  it('globs that do not compile', async () => {
    expect(await yamlProblems('models: ["app/[models/*.py"]\ncontracts:\n  - tables: ["orders_{a,b"]\n    columns: ["ok", "bad)"]\n')).toEqual([
      '.schemaguardrc.yaml: models[0]: not a valid glob: Missing closing: "]" - use "\\\\]" to match literal characters',
      '.schemaguardrc.yaml: contracts[0].tables[0]: not a valid glob: Missing closing: "}" - use "\\\\}" to match literal characters',
      '.schemaguardrc.yaml: contracts[0].columns[1]: not a valid glob: Missing opening: "(" - use "\\\\(" to match literal characters',
    ]);
  });

  it('a deprecation the contract does not cover', async () => {
    const yaml = [
      'contracts:',
      '  - tables: ["sales.orders", users]',
      '    columns: [email]',
      '    deprecations:',
      '      users.email: "2025-01-01"',
      '      orders: "2025-01-01"',
      '      sales.orders.email: "2025-01-01"',
      '      users.phone: "2025-01-01"',
      '      payments: "2025-01-01"',
      '',
    ].join('\n');
    expect(await yamlProblems(yaml)).toEqual([
      '.schemaguardrc.yaml: contracts[0].deprecations["users.phone"]: "users.phone" names no table (or column) that this contract covers, so it would never apply',
      '.schemaguardrc.yaml: contracts[0].deprecations.payments: "payments" names no table (or column) that this contract covers, so it would never apply',
    ]);
  });

  it('unknown rule ids, only when the known ids are given', async () => {
    const yaml = 'rules:\n  no-drop-colum: warn\n  totally-made-up: off\n  no-drop-column: block\n';
    expect(await yamlProblems(yaml, ['no-drop-column', 'no-drop-table'])).toEqual([
      '.schemaguardrc.yaml: rules.no-drop-colum: unknown rule, did you mean no-drop-column?',
      '.schemaguardrc.yaml: rules.totally-made-up: unknown rule',
    ]);
    const dir = configDir({ '.schemaguardrc.yaml': yaml });
    const { loadConfig } = await import('../src/config/load.js');
    expect((await loadConfig({ cwd: dir })).config.rules).toEqual({ 'no-drop-colum': 'warn', 'totally-made-up': 'off', 'no-drop-column': 'block' });
  });
});

describe('validateConfig (pure)', () => {
  it('returns values, not exceptions', () => {
    const bad = validateConfig({ contracts: [{ tables: ['a'], owners: 'x' }] }, { file: 'inline' });
    expect(bad).toEqual({
      ok: false,
      issues: [{ file: 'inline', path: 'contracts[0].owners', message: 'expected a list of strings, found a string' }],
    });
    const good = validateConfig(null, { file: 'inline' });
    expect(good.ok && good.config.dialect).toBe('postgresql');
  });

  it('a JS config exporting a function is rejected, not called', () => {
    const result = validateConfig(() => ({}), { file: 'x.js' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues[0]?.message).toBe('expected a mapping of settings, found a function');
  });
});
