// Finding and reading the config: every file form, precedence, --config, defaults, pyproject aliases.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { DEDICATED_PLACES, SHARED_PLACES } from '../src/config/places.js';
import { configDir, loadError } from './helpers/config-dir.js';

const YAML_BODY = 'dialect: mysql\ncontracts:\n  - tables: [users]\n    owners: ["@team"]\n';
const OBJECT = { dialect: 'mysql', contracts: [{ tables: ['users'], owners: ['@team'] }] };
const JSON_BODY = JSON.stringify(OBJECT, null, 2);

const FORMS: Array<[string, string]> = [
  ['.schemaguardrc', YAML_BODY],
  ['.schemaguardrc', JSON_BODY],
  ['.schemaguardrc.json', JSON_BODY],
  ['.schemaguardrc.yaml', YAML_BODY],
  ['.schemaguardrc.yml', YAML_BODY],
  ['.schemaguardrc.js', `module.exports = ${JSON_BODY};\n`],
  ['.schemaguardrc.cjs', `module.exports = ${JSON_BODY};\n`],
  ['.schemaguardrc.mjs', `export default ${JSON_BODY};\n`],
  ['schemaguard.config.js', `module.exports = ${JSON_BODY};\n`],
  ['schemaguard.config.cjs', `module.exports = ${JSON_BODY};\n`],
  ['schemaguard.config.mjs', `export default ${JSON_BODY};\n`],
  ['package.json', JSON.stringify({ name: 'app', schemaguard: OBJECT })],
  [
    'pyproject.toml',
    '[project]\nname = "app"\n\n[tool.schemaguard]\ndialect = "mysql"\n\n[[tool.schemaguard.contracts]]\ntables = ["users"]\nowners = ["@team"]\n',
  ],
];

describe('config search', () => {
  it.each(FORMS)('finds %s', async (name, content) => {
    const dir = configDir({ [name]: content });
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.filepath).toBe(join(dir, name));
    expect(loaded.rootDir).toBe(dir);
    expect(loaded.config.dialect).toBe('mysql');
    expect(loaded.config.contracts[0]).toMatchObject({ tables: ['users'], owners: ['@team'], policy: 'block' });
  });

  it('follows the documented precedence when several files exist', async () => {
    const order = [...DEDICATED_PLACES, ...SHARED_PLACES];
    const files = Object.fromEntries(FORMS.filter(([name]) => name !== '.schemaguardrc').map(([n, c]) => [n, c]));
    const dir = configDir({ ...files, '.schemaguardrc': YAML_BODY });
    for (const name of order) {
      const loaded = await loadConfig({ cwd: dir });
      expect(loaded.filepath).toBe(join(dir, name));
      rmSync(join(dir, name));
    }
    expect((await loadConfig({ cwd: dir })).filepath).toBeNull();
  });

  it('skips package.json without "schemaguard" and pyproject.toml without [tool.schemaguard]', async () => {
    const dir = configDir({
      'package.json': '{"name": "app"}',
      'pyproject.toml': '[project]\nname = "app"\n[tool.ruff]\nline-length = 100\n',
    });
    expect((await loadConfig({ cwd: dir })).filepath).toBeNull();
  });

  it('falls through to pyproject.toml when package.json has no section', async () => {
    const dir = configDir({ 'package.json': '{"name": "app"}', 'pyproject.toml': '[tool.schemaguard]\ndialect = "sqlite"\n' });
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.filepath).toBe(join(dir, 'pyproject.toml'));
    expect(loaded.config.dialect).toBe('sqlite');
  });

  it('searches only the given directory, neither parents nor children', async () => {
    const dir = configDir({ '.schemaguardrc.yaml': 'dialect: mysql\n', 'repo/sub/.schemaguardrc.yaml': 'dialect: sqlite\n' });
    const loaded = await loadConfig({ cwd: join(dir, 'repo') });
    expect(loaded.filepath).toBeNull();
    expect(loaded.rootDir).toBe(join(dir, 'repo'));
  });

  it('gives the schema defaults when there is no config', async () => {
    const dir = configDir();
    const { config, filepath, rootDir } = await loadConfig({ cwd: dir });
    expect(filepath).toBeNull();
    expect(rootDir).toBe(dir);
    expect(config).toEqual({
      exclude: [],
      dialect: 'postgresql',
      rules: {},
      onError: 'block',
      contracts: [],
      renames: [],
      lineage: { snapshot: '.schemaguard/lineage.json', maxAgeDays: 14, sources: [] },
    });
    expect(config.models).toBeUndefined();
  });

  it('takes an empty or comment-only dedicated file as all defaults, ahead of later places', async () => {
    for (const content of ['', '# nothing set yet\n']) {
      const dir = configDir({ '.schemaguardrc.yaml': content, 'package.json': '{"schemaguard": {"dialect": "mysql"}}' });
      const loaded = await loadConfig({ cwd: dir });
      expect(loaded.filepath).toBe(join(dir, '.schemaguardrc.yaml'));
      expect(loaded.config.dialect).toBe('postgresql');
    }
  });

  it('fills contract defaults', async () => {
    const dir = configDir({ '.schemaguardrc.yaml': 'contracts:\n  - tables: [orders]\n' });
    const { config } = await loadConfig({ cwd: dir });
    expect(config.contracts).toEqual([{ tables: ['orders'], owners: [], policy: 'block', allowOverride: true, deprecations: {} }]);
  });
});

describe('--config', () => {
  it('reads exactly the file given, relative to cwd, and ignores the search places', async () => {
    const dir = configDir({ '.schemaguardrc.yaml': 'dialect: mysql\n', 'ci/strict.yaml': 'dialect: sqlite\nonError: warn\n' });
    const loaded = await loadConfig({ cwd: dir, configPath: 'ci/strict.yaml' });
    expect(loaded.filepath).toBe(join(dir, 'ci/strict.yaml'));
    expect(loaded.rootDir).toBe(join(dir, 'ci'));
    expect(loaded.config).toMatchObject({ dialect: 'sqlite', onError: 'warn' });
  });

  it('accepts an absolute path and any file form', async () => {
    const dir = configDir({
      'a.json': '{"dialect": "sqlite"}',
      'b.cjs': 'module.exports = { dialect: "sqlite" };',
      'c.mjs': 'export default { dialect: "sqlite" };',
      'package.json': '{"schemaguard": {"dialect": "sqlite"}}',
      'other.conf': 'dialect: sqlite\n',
    });
    for (const name of ['a.json', 'b.cjs', 'c.mjs', 'package.json', 'other.conf']) {
      const loaded = await loadConfig({ cwd: '/', configPath: join(dir, name) });
      expect(loaded.config.dialect, name).toBe('sqlite');
    }
  });

  it('reads a .toml file as [tool.schemaguard] or, without a [tool] table, as top-level keys', async () => {
    const dir = configDir({
      'pyproject.toml': '[tool.schemaguard]\ndialect = "sqlite"\n',
      'schemaguard.toml': 'dialect = "mysql"\non-error = "warn"\n',
    });
    expect((await loadConfig({ cwd: dir, configPath: 'pyproject.toml' })).config.dialect).toBe('sqlite');
    expect((await loadConfig({ cwd: dir, configPath: 'schemaguard.toml' })).config).toMatchObject({ dialect: 'mysql', onError: 'warn' });
  });

  it('rejects a file without a schemaguard section, and a missing file', async () => {
    const dir = configDir({ 'package.json': '{"name": "app"}', 'pyproject.toml': '[tool.black]\nline-length = 88\n' });
    expect((await loadError({ cwd: dir, configPath: 'package.json' })).message).toBe('package.json: has no "schemaguard" key');
    expect((await loadError({ cwd: dir, configPath: 'pyproject.toml' })).message).toBe('pyproject.toml: has no [tool.schemaguard] table');
    const missing = await loadError({ cwd: dir, configPath: 'nope.yaml' });
    expect(missing.message).toBe('nope.yaml: no such file');
    expect(missing.hint).toBe('check the file given to --config');
  });
});

describe('pyproject.toml', () => {
  it('accepts kebab-case keys and leaves user-chosen names alone', async () => {
    const dir = configDir({
      'pyproject.toml': [
        '[tool.schemaguard]',
        'on-error = "warn"',
        '[tool.schemaguard.rules]',
        'no-drop-column = "warn"',
        '[tool.schemaguard.lineage]',
        'max-age-days = 3',
        '[[tool.schemaguard.lineage.sources]]',
        'dbt = { url = "https://dbt.example/manifest.json", token-env = "DBT_TOKEN", timeout-ms = 500 }',
        '[[tool.schemaguard.contracts]]',
        'tables = ["user-events"]',
        'allow-override = false',
        'deprecations = { "user-events.old-col" = 2025-06-30 }',
        '',
      ].join('\n'),
    });
    const { config } = await loadConfig({ cwd: dir });
    expect(config.onError).toBe('warn');
    expect(config.rules).toEqual({ 'no-drop-column': 'warn' });
    expect(config.lineage.maxAgeDays).toBe(3);
    expect(config.lineage.sources).toEqual([{ dbt: { url: 'https://dbt.example/manifest.json', tokenEnv: 'DBT_TOKEN', timeoutMs: 500 } }]);
    expect(config.contracts[0]).toMatchObject({ tables: ['user-events'], allowOverride: false });
    expect(config.contracts[0]?.deprecations).toEqual({ 'user-events.old-col': '2025-06-30' });
  });
});
