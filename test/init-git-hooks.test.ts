// Plain git hooks: init copies the shipped scripts, chains the hooks already there, and runs twice without change.
// The scripts themselves run under real `git commit` / `git push`, with a recording stand-in for the
// schemaguard command on PATH (the check is tested on its own; here the subject is the shell script).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HOOK_NAMES } from '../src/init/types.js';
import { createRepo, type TestRepo } from './helpers/git-repo.js';
import { has, isExecutable, read, runInit, snapshot, writeHook } from './helpers/init.js';
import { PROJECT } from './helpers/packed.js';

let repos: TestRepo[] = [];
afterEach(() => {
  for (const repo of repos) repo.cleanup();
  repos = [];
});

function newRepo(): TestRepo {
  const repo = createRepo({ files: { 'README.md': 'x\n' } });
  repos.push(repo);
  return repo;
}

/** A directory beside the work tree, inside the temporary root that repo.cleanup() removes. */
function inRepoRoot(repo: TestRepo, name: string): string {
  const dir = join(repo.dir, '..', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const HOOK_FILES = HOOK_NAMES.flatMap((name) => [`.git/hooks/${name}`, `.git/hooks/${name}.pre-schemaguard`]);

/** A `schemaguard` on PATH that logs its arguments and stdin, and exits with STUB_EXIT. */
function stubSchemaguard(repo: TestRepo): { env: NodeJS.ProcessEnv; log: () => string } {
  const bin = inRepoRoot(repo, 'stub-bin');
  const log = join(repo.dir, '..', 'stub.log');
  writeFileSync(
    join(bin, 'schemaguard'),
    `#!/bin/sh\necho "schemaguard $*" >> "${log}"\nif [ "$1" = check ] && [ "$2" = --pre-push ]; then sed 's/^/stdin: /' >> "${log}"; fi\nexit "\${STUB_EXIT:-0}"\n`,
    { mode: 0o755 },
  );
  writeFileSync(log, '');
  return { env: { ...repo.env, PATH: `${bin}:${repo.env.PATH ?? ''}` }, log: () => readFileSync(log, 'utf8') };
}

function git(repo: TestRepo, env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync('git', args, { cwd: repo.dir, env, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('init with plain git hooks', () => {
  it('installs the three shipped scripts, executable, byte for byte', async () => {
    const repo = newRepo();
    const result = await runInit(repo);
    expect(result.exitCode, result.stderr).toBe(0);
    for (const name of HOOK_NAMES) {
      expect(read(repo, `.git/hooks/${name}`)).toBe(readFileSync(join(PROJECT, 'hooks', name), 'utf8'));
      expect(isExecutable(repo, `.git/hooks/${name}`)).toBe(true);
    }
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const repo = newRepo();
    const result = await runInit(repo, ['--dry-run']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Dry run: nothing was changed');
    expect(result.stdout).toMatch(/create\s+\.git\/hooks\/pre-push/);
    expect(HOOK_NAMES.some((name) => has(repo, `.git/hooks/${name}`))).toBe(false);
    expect(has(repo, '.schemaguardrc.yaml')).toBe(false);
  });

  it('keeps a hook that was there as <name>.pre-schemaguard, and a second run changes nothing', async () => {
    const repo = newRepo();
    writeHook(repo, '.git/hooks/pre-commit', '#!/bin/sh\necho theirs\n');
    const first = await runInit(repo);
    expect(first.stdout).toMatch(/move\s+\.git\/hooks\/pre-commit -> pre-commit\.pre-schemaguard/);
    expect(read(repo, '.git/hooks/pre-commit.pre-schemaguard')).toBe('#!/bin/sh\necho theirs\n');
    const before = snapshot(repo, [...HOOK_FILES, '.schemaguardrc.yaml']);
    const second = await runInit(repo);
    expect(second.stdout).toContain('nothing changed');
    expect(snapshot(repo, [...HOOK_FILES, '.schemaguardrc.yaml'])).toEqual(before);
  });

  it('replaces an older schemaguard hook instead of chaining it', async () => {
    const repo = newRepo();
    writeHook(repo, '.git/hooks/pre-push', '#!/bin/sh\n# schemaguard-hook 0\nexit 0\n');
    await runInit(repo);
    expect(has(repo, '.git/hooks/pre-push.pre-schemaguard')).toBe(false);
    expect(read(repo, '.git/hooks/pre-push')).toBe(readFileSync(join(PROJECT, 'hooks/pre-push'), 'utf8'));
  });

  it('leaves a foreign hook alone, and says so, when a saved one exists already', async () => {
    const repo = newRepo();
    writeHook(repo, '.git/hooks/commit-msg', '#!/bin/sh\necho new\n');
    writeHook(repo, '.git/hooks/commit-msg.pre-schemaguard', '#!/bin/sh\necho old\n');
    const result = await runInit(repo);
    expect(result.stdout).toContain('commit-msg was left as it is');
    expect(read(repo, '.git/hooks/commit-msg')).toBe('#!/bin/sh\necho new\n');
    expect(read(repo, '.git/hooks/commit-msg.pre-schemaguard')).toBe('#!/bin/sh\necho old\n');
  });

  it('installs into core.hooksPath and chains the hook found there', async () => {
    const repo = newRepo();
    repo.git('config', 'core.hooksPath', '.githooks');
    writeHook(repo, '.githooks/pre-commit', '#!/bin/sh\necho shared >> .git/shared.log\n');
    const result = await runInit(repo);
    expect(result.stdout).toContain('Commit .githooks/');
    expect(read(repo, '.githooks/pre-commit.pre-schemaguard')).toContain('shared');
    const stub = stubSchemaguard(repo);
    expect(git(repo, stub.env, 'commit', '--allow-empty', '-qm', 'x').status).toBe(0);
    expect(read(repo, '.git/shared.log')).toBe('shared\n');
    expect(stub.log()).toContain('schemaguard check --staged');
  });
});

describe('the shipped hook scripts under git', () => {
  async function installed(): Promise<TestRepo> {
    const repo = newRepo();
    await runInit(repo);
    return repo;
  }

  it('pre-commit runs the chained hook first, then `check --staged`; commit-msg passes the message file', async () => {
    const repo = newRepo();
    writeHook(repo, '.git/hooks/pre-commit', `#!/bin/sh\necho "schemaguard-is-not-me $*" >> ../stub.log\n`);
    await runInit(repo);
    const stub = stubSchemaguard(repo);
    expect(git(repo, stub.env, 'commit', '--allow-empty', '-qm', 'x').status).toBe(0);
    expect(stub.log()).toMatch(/^schemaguard-is-not-me \nschemaguard check --staged\nschemaguard commit-msg \.git\/COMMIT_EDITMSG\n$/);
  });

  it('a failing check (exit 1) stops the commit; a failing chained hook stops it before the check', async () => {
    const repo = await installed();
    const stub = stubSchemaguard(repo);
    const head = repo.git('rev-parse', 'HEAD');
    expect(git(repo, { ...stub.env, STUB_EXIT: '1' }, 'commit', '--allow-empty', '-qm', 'x').status).toBe(1);
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    writeHook(repo, '.git/hooks/pre-commit.pre-schemaguard', '#!/bin/sh\nexit 3\n');
    writeFileSync(join(repo.dir, '..', 'stub.log'), '');
    expect(git(repo, stub.env, 'commit', '--allow-empty', '-qm', 'x').status).toBe(1);
    expect(stub.log()).toBe('');
  });

  it('pre-push hands the same ref lines to the chained hook and to `check --pre-push`', async () => {
    const repo = newRepo();
    writeHook(repo, '.git/hooks/pre-push', `#!/bin/sh\necho "chained $1" >> ../stub.log\nsed 's/^/chained stdin: /' >> ../stub.log\n`);
    await runInit(repo);
    const remote = createRepo({ bare: true });
    repos.push(remote);
    const stub = stubSchemaguard(repo);
    const push = git(repo, stub.env, 'push', remote.dir, 'main');
    expect(push.status, push.output).toBe(0);
    const oid = repo.git('rev-parse', 'HEAD').trim();
    const line = `refs/heads/main ${oid} refs/heads/main ${'0'.repeat(40)}`;
    expect(stub.log()).toBe(`chained ${remote.dir}\nchained stdin: ${line}\nschemaguard check --pre-push\nstdin: ${line}\n`);
  });

  it('SCHEMAGUARD=0 skips schemaguard but still runs the chained hook', async () => {
    const repo = newRepo();
    writeHook(repo, '.git/hooks/pre-commit', '#!/bin/sh\necho chained >> ../stub.log\n');
    await runInit(repo);
    const stub = stubSchemaguard(repo);
    expect(git(repo, { ...stub.env, SCHEMAGUARD: '0', STUB_EXIT: '1' }, 'commit', '--allow-empty', '-qm', 'x').status).toBe(0);
    expect(stub.log()).toBe('chained\n');
  });

  it('without schemaguard anywhere, the hook says what it looked for and exits 127', async () => {
    const repo = await installed();
    const result = spawnSync('sh', ['.git/hooks/pre-commit'], {
      cwd: repo.dir,
      env: { ...repo.env, npm_config_offline: 'true', npm_config_prefix: inRepoRoot(repo, 'empty-prefix') },
      encoding: 'utf8',
    });
    expect(result.status).toBe(127);
    expect(result.stderr).toContain('cannot find schemaguard (looked in node_modules/.bin, on PATH, with npx)');
  });

  it('without node on PATH, the hook says so and exits 127', async () => {
    const repo = await installed();
    const bin = inRepoRoot(repo, 'no-node-bin');
    // the hook needs only cat (and sh's builtins) before it looks for node
    symlinkSync(spawnSync('sh', ['-c', 'command -v cat'], { encoding: 'utf8' }).stdout.trim(), join(bin, 'cat'));
    const result = spawnSync('/bin/sh', ['.git/hooks/pre-push'], { cwd: repo.dir, env: { ...repo.env, PATH: bin }, input: '', encoding: 'utf8' });
    expect(result.status).toBe(127);
    expect(result.stderr).toContain('node is not on PATH');
  });

  it('prefers the repository node_modules/.bin/schemaguard over PATH', async () => {
    const repo = await installed();
    const stub = stubSchemaguard(repo);
    mkdirSync(join(repo.dir, 'node_modules/.bin'), { recursive: true });
    writeFileSync(join(repo.dir, 'node_modules/.bin/schemaguard'), '#!/bin/sh\necho "local $*" >> ../stub.log\n', { mode: 0o755 });
    expect(git(repo, stub.env, 'commit', '--allow-empty', '-qm', 'x').status).toBe(0);
    expect(stub.log()).toContain('local check --staged');
    expect(stub.log()).not.toContain('schemaguard check');
  });

  const shellcheck = spawnSync('shellcheck', ['--version']).status === 0;
  it.skipIf(!shellcheck)('are shellcheck-clean POSIX sh', () => {
    const result = spawnSync('shellcheck', ['-s', 'sh', ...HOOK_NAMES.map((name) => join(PROJECT, 'hooks', name))], { encoding: 'utf8' });
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  it('share one copy of the lookup function (they are installed standalone, so it is repeated)', () => {
    const lookup = (name: string) => /run_schemaguard\(\) \{[\s\S]*?\n\}\n/.exec(readFileSync(join(PROJECT, 'hooks', name), 'utf8'))?.[0];
    expect(lookup('pre-commit')).toBeDefined();
    expect(lookup('pre-push')).toBe(lookup('pre-commit'));
    expect(lookup('commit-msg')).toBe(lookup('pre-commit'));
  });
});
