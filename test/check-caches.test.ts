// The check's speed caches: the validated config and whole extraction results, under the git dir, never stale.
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfigCached } from '../src/check/config-cache.js';
import { openResultCache } from '../src/check/result-cache.js';
import { loadConfig } from '../src/config/load.js';
import { createRepo, makeTempDir, type TestRepo } from './helpers/git-repo.js';
import { commonDir } from './helpers/hook-scripts.js';
import { schemaguard } from './helpers/scenario-repo.js';
import { PROJECT_FILES, USERS_FILE, usersModel } from './helpers/situation-models.js';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups = [];
});

function tempDir(): string {
  const dir = makeTempDir('schemaguard-caches-');
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A file as a user left it a minute ago: older than the racy window, so its load may be cached. */
function writeSettled(path: string, text: string): void {
  writeFileSync(path, text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(path, past, past);
}

describe('config cache', () => {
  const options = (cwd: string, dir: string) => ({ cwd, dir, toolVersion: '9.9.9', knownRuleIds: ['drop-column'] });

  it('answers from the cache until a config place changes', async () => {
    const cwd = tempDir();
    const dir = join(tempDir(), 'schemaguard');
    writeSettled(join(cwd, '.schemaguardrc.yaml'), 'dialect: mysql\n');
    const first = await loadConfigCached(options(cwd, dir));
    expect(first).toEqual(await loadConfig({ cwd, knownRuleIds: ['drop-column'] }));
    // a hit is what the cache file says: doctor it, and the next load shows the doctored value
    const file = join(dir, 'config.json');
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { loaded: { config: { dialect: string } } };
    entry.loaded.config.dialect = 'sqlite';
    writeFileSync(file, JSON.stringify(entry));
    expect((await loadConfigCached(options(cwd, dir))).config.dialect).toBe('sqlite');
    writeSettled(join(cwd, '.schemaguardrc.yaml'), 'dialect: postgresql\n');
    expect((await loadConfigCached(options(cwd, dir))).config.dialect).toBe('postgresql');
    // a config appearing earlier in the search order wins, cache or not
    writeSettled(join(cwd, '.schemaguardrc.json'), '{ "dialect": "mysql" }\n');
    expect((await loadConfigCached(options(cwd, dir))).config.dialect).toBe('mysql');
  });

  it('never caches a JS config, nor a file changed in the last moments', async () => {
    const cwd = tempDir();
    const dir = join(tempDir(), 'schemaguard');
    writeSettled(join(cwd, '.schemaguardrc.cjs'), 'module.exports = { dialect: "mysql" };\n');
    expect((await loadConfigCached(options(cwd, dir))).config.dialect).toBe('mysql');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
    const fresh = tempDir();
    writeFileSync(join(fresh, '.schemaguardrc.yaml'), 'dialect: sqlite\n');
    expect((await loadConfigCached(options(fresh, dir))).config.dialect).toBe('sqlite');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });

  it('runs a JS config again once it changed, in the same process (a resident server lives through edits)', async () => {
    for (const [name, text] of [
      ['.schemaguardrc.cjs', (d: string) => `module.exports = { dialect: "${d}" };\n`],
      ['.schemaguardrc.mjs', (d: string) => `export default { dialect: "${d}" };\n`],
    ] as const) {
      const cwd = tempDir();
      const dir = join(tempDir(), 'schemaguard');
      writeSettled(join(cwd, name), text('mysql'));
      expect((await loadConfigCached(options(cwd, dir))).config.dialect).toBe('mysql');
      writeSettled(join(cwd, name), text('sqlite'));
      expect((await loadConfigCached(options(cwd, dir))).config.dialect).toBe('sqlite');
    }
  });

  it('caches the defaults when there is no config, and still reports a broken one', async () => {
    const cwd = tempDir();
    const dir = join(tempDir(), 'schemaguard');
    expect((await loadConfigCached(options(cwd, dir))).filepath).toBeNull();
    expect(existsSync(join(dir, 'config.json'))).toBe(true);
    writeSettled(join(cwd, '.schemaguardrc.yaml'), 'dialect: oracle\n');
    await expect(loadConfigCached(options(cwd, dir))).rejects.toThrow(/dialect/);
  });
});

describe('result cache', () => {
  const key = (n: number) => n.toString(16).padStart(40, '0');

  it('round-trips values by key and keeps only the four most recently used', async () => {
    const dir = tempDir();
    const cache = openResultCache<{ n: number }>(dir, '1.0.0-s3.1');
    for (let n = 1; n <= 6; n += 1) {
      cache.set(key(n), { n });
      await cache.flush();
      // mtimes order the entries; keep them apart on coarse file systems
      const past = new Date(Date.now() - (10 - n) * 1000);
      utimesSync(join(dir, 'results-v1.0.0-s3.1', `${key(n)}.json`), past, past);
    }
    const reopened = openResultCache<{ n: number }>(dir, '1.0.0-s3.1');
    expect(await reopened.get(key(2))).toBeUndefined();
    expect(await reopened.get(key(3))).toEqual({ n: 3 });
    expect(readdirSync(join(dir, 'results-v1.0.0-s3.1')).length).toBe(4);
    expect(await openResultCache(dir, '1.0.1-s3.1').get(key(6))).toBeUndefined();
  });

  it('ignores keys that are not hex ids and never throws when it cannot write', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const cache = openResultCache<number>(file, 'v');
    cache.set('../escape', 1);
    cache.set(key(1), 1);
    await expect(cache.flush()).resolves.toBeUndefined();
    expect(await cache.get('../escape')).toBeUndefined();
  });
});

describe('a check with the caches', () => {
  const project = (): TestRepo => {
    const repo = createRepo({ files: PROJECT_FILES });
    cleanups.push(() => repo.cleanup());
    return repo;
  };
  const check = (repo: TestRepo) => {
    const run = schemaguard(repo, ['check', '--staged', '--format', 'json']);
    return { status: run.status, report: run.json<unknown>() };
  };

  it('keys its caches by the build as well as the version: another build never reads them', () => {
    const repo = project();
    repo.write(USERS_FILE, usersModel({ add: ['nickname'] }));
    repo.git('add', USERS_FILE);
    expect(check(repo).status).toBe(0);
    const { id } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'build-id.json'), 'utf8')) as { id: string };
    expect(id).toMatch(/^[0-9a-f]{10}$/);
    const names = readdirSync(join(commonDir(repo), 'schemaguard', 'cache'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain(`+${id}-`);
  });

  it('reports the same whether the schemas come from the cache or from the files', () => {
    const repo = project();
    repo.write(USERS_FILE, usersModel({ drop: ['email'], add: ['nickname'] }));
    repo.git('add', USERS_FILE);
    const cold = check(repo);
    const results = join(commonDir(repo), 'schemaguard', 'cache');
    expect(readdirSync(results).some((name) => name.startsWith('results-v'))).toBe(true);
    expect(check(repo)).toEqual(cold);
    expect(cold.status).toBe(1);
    // the next edit reuses HEAD's cached schema and must still see both changes
    repo.write(USERS_FILE, usersModel({ drop: ['email', 'name'], add: ['nickname'] }));
    repo.git('add', USERS_FILE);
    const next = check(repo);
    rmSync(join(commonDir(repo), 'schemaguard'), { recursive: true, force: true });
    expect(check(repo)).toEqual(next);
    expect(JSON.stringify(next.report)).toContain('"name"');
  });
  it('--debug says how each schema was obtained: HEAD from the result cache, the index by a partial extraction', () => {
    const repo = project();
    const models = ['a', 'b', 'c'].map((name) => `app/extra/${name}.py`);
    const table = (name: string, extra = '') =>
      `import sqlalchemy as sa\nfrom app.models import Base\n\nclass ${name.toUpperCase()}(Base):\n    __tablename__ = "${name}"\n    id = sa.Column(sa.Integer, primary_key=True)\n${extra}`;
    for (const [i, path] of models.entries()) repo.write(path, table(['a', 'b', 'c'][i]!));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'more models');
    repo.write(models[0]!, table('a', '    note = sa.Column(sa.Text)\n'));
    repo.git('add', models[0]!);
    const first = schemaguard(repo, ['check', '--staged', '--debug']);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/schema of [0-9a-f]{12}: whole extraction of \d+ Python files/);
    expect(first.stderr).toContain(`schema of the index: partial extraction (model files scanned: ${models[0]})`);
    expect(first.stderr).toMatch(/schemaguard debug: exit 0 after \d+ ms/);
    repo.write(models[0]!, table('a', '    note = sa.Column(sa.Text, nullable=False)\n'));
    repo.git('add', models[0]!);
    const second = schemaguard(repo, ['check', '--staged', '--debug']);
    expect(second.stderr).toMatch(/schema of [0-9a-f]{12}: from the result cache/);
  });
});
