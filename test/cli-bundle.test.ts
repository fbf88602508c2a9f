// The bundled CLI (scripts/bundle.js): what a no-model commit loads, and the packed package running from its tarball.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from './helpers/cli.js';
import { createRepo, makeTempDir } from './helpers/git-repo.js';
import { npmCacheDir, npmInstall, packSchemaguard, PROJECT, run, runOk, USER_MODEL, type PackedPackage } from './helpers/packed.js';
import { trackedResources } from './helpers/tracked.js';

const FILES = { 'app/models/user.py': USER_MODEL, '.schemaguardrc.yaml': 'models:\n  - "app/models/**/*.py"\n', 'README.md': '# app\n' };
const BUNDLE = join(dirname(BIN), '..', 'dist', 'bundle');
/** a --require preload (the bundle is CommonJS): writes every file node loaded to $SG_LOADED at exit */
const PROBE = "process.on('exit', () => require('node:fs').writeFileSync(process.env.SG_LOADED, JSON.stringify(Object.keys(require.cache))));";

const { track, defer } = trackedResources();

/** `check --staged` with the probe; returns the files loaded from node_modules and the bundle chunks by name. */
function checkLoading(repo: ReturnType<typeof createRepo>) {
  const dir = makeTempDir('schemaguard-probe-');
  defer(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'probe.cjs'), PROBE);
  const loaded = join(dir, 'loaded.json');
  const result = spawnSync(process.execPath, ['--require', join(dir, 'probe.cjs'), BIN, 'check', '--staged'], {
    cwd: repo.dir,
    env: { ...repo.env, NO_COLOR: '1', SG_LOADED: loaded },
    encoding: 'utf8',
  });
  const files = JSON.parse(readFileSync(loaded, 'utf8')) as string[];
  return {
    result,
    dependencies: files.filter((file) => file.includes('/node_modules/')),
    // chunk names without rolldown's 8-character content hash
    chunks: files.filter((file) => file.startsWith(`${BUNDLE}/`)).map((file) => basename(file).replace(/-[\w-]{8}\.cjs$/, '')).sort(),
  };
}

describe('the bundled CLI', () => {
  it('checks a commit that stages no model from its fast chunk alone: no parser, config or dependency is loaded', () => {
    const repo = track(createRepo({ files: FILES }));
    repo.write('README.md', '# app\n\nmore\n');
    repo.git('add', 'README.md');
    const { result, dependencies, chunks } = checkLoading(repo);
    expect(result.stdout).toContain('no schema change');
    expect(result.status).toBe(0);
    expect(dependencies).toEqual([]);
    // a module the no-model path loads outside the `fast` group of scripts/bundle.js shows up here as a chunk of its own
    // client.cjs and its chunk come first: bin/ asks for a resident server before it loads the CLI
    expect(chunks).toEqual(['cli.cjs', 'client', 'client.cjs', 'fast', 'rolldown-runtime']);
  });

  it('loads the parser chunk and web-tree-sitter once a model is staged (the probe sees lazy loads)', () => {
    const repo = track(createRepo({ files: FILES }));
    repo.write('app/models/user.py', `${USER_MODEL}    name: Mapped[str | None] = mapped_column(String(100))\n`);
    repo.git('add', 'app/models/user.py');
    const { result, dependencies, chunks } = checkLoading(repo);
    expect(result.status, result.stderr).toBe(0);
    expect(chunks).toContain('parser');
    expect(dependencies.some((file) => file.includes('/node_modules/web-tree-sitter/'))).toBe(true);
  });
});

describe('the packed package', () => {
  let packed: PackedPackage;
  let prefix: string;

  beforeAll(() => {
    packed = packSchemaguard();
    prefix = makeTempDir('schemaguard-install-');
    const env = { ...process.env, npm_config_cache: npmCacheDir(), npm_config_update_notifier: 'false' };
    npmInstall(prefix, env, [packed.tarball]);
  }, 300_000);

  afterAll(() => {
    packed?.cleanup();
    if (prefix !== undefined) rmSync(prefix, { recursive: true, force: true });
  });

  it('ships the bundle and its CommonJS launcher', () => {
    const listing = runOk('tar', ['-tzf', packed.tarball], { cwd: prefix, env: process.env }).stdout.split('\n');
    for (const file of ['package/bin/schemaguard.js', 'package/bin/package.json', 'package/dist/bundle/cli.cjs']) {
      expect(listing).toContain(file);
    }
    expect(listing.some((file) => /^package\/dist\/bundle\/parser-[\w-]{8}\.cjs$/.test(file))).toBe(true);
    expect(listing).toContain('package/dist/bundle/queries/syntax-errors.scm');
  });

  it('prints the package version through node_modules/.bin', () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { version: string };
    const result = runOk(join(prefix, 'node_modules', '.bin', 'schemaguard'), ['--version'], { cwd: prefix, env: process.env });
    expect(result.stdout.trim()).toBe(version);
  });

  it('finds both WASM files and its query files from the installed copy', () => {
    const repo = track(createRepo({ files: FILES }));
    // an unfinished last line: reporting it takes the syntax-errors query, read from dist/bundle/queries/
    repo.write('app/models/user.py', `${USER_MODEL}    name = mapped_column(String(\n`);
    const result = run(join(prefix, 'node_modules', '.bin', 'schemaguard'), ['schema', 'app/models/user.py'], { cwd: repo.dir, env: { ...repo.env, NO_COLOR: '1' } });
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^users\b/m);
    expect(result.stdout).toMatch(/^\s+email\b/m);
    expect(result.stderr).toContain('app/models/user.py:14: invalid Python syntax');
  });
});
