// husky 9: the prepare script, schemaguard's block appended to .husky hooks, lint-staged's function task.
// The hook files run under `sh -e` as husky runs them, with a recording stand-in for schemaguard on PATH.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createRepo, type TestRepo } from './helpers/git-repo.js';
import { has, read, runInit, snapshot } from './helpers/init.js';
import { PROJECT } from './helpers/packed.js';

let repos: TestRepo[] = [];
afterEach(() => {
  for (const repo of repos) repo.cleanup();
  repos = [];
});

function nodeRepo(pkg: object | string, files: Record<string, string> = {}): TestRepo {
  const repo = createRepo();
  repos.push(repo);
  repo.write('package.json', typeof pkg === 'string' ? pkg : `${JSON.stringify(pkg, null, 2)}\n`);
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  return repo;
}

const WITH_LINT_STAGED = { name: 'shop', devDependencies: { husky: '^9.1.7', 'lint-staged': '^16.4.0' } };
const HUSKY_FILES = ['package.json', '.husky/pre-commit', '.husky/pre-push', '.husky/commit-msg', '.lintstagedrc.mjs'];

/** Runs a .husky hook file the way husky's wrapper does (`sh -e`), with a stand-in schemaguard that logs. */
function runHuskyHook(repo: TestRepo, hook: string, options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const bin = join(repo.dir, '..', 'stub-bin');
  const log = join(repo.dir, '..', 'stub.log');
  mkdirSync(bin, { recursive: true });
  const stub = `#!/bin/sh\necho "$(basename "$0") $*" >> "${log}"\n[ "$2" != --pre-push ] || sed 's/^/  stdin: /' >> "${log}"\n`;
  for (const name of ['schemaguard', 'lint-staged']) writeFileSync(join(bin, name), stub, { mode: 0o755 });
  writeFileSync(log, '');
  const result = spawnSync('sh', ['-e', `.husky/${hook}`, '.git/COMMIT_EDITMSG'], {
    cwd: repo.dir,
    env: { ...repo.env, PATH: `${bin}:${repo.env.PATH ?? ''}`, ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, log: readFileSync(log, 'utf8') };
}

describe('init in a Node repository (husky)', () => {
  it('without husky installed: prepare script, three hook files, and the install step to do next', async () => {
    const repo = nodeRepo({ name: 'shop', scripts: { test: 'vitest' } });
    const result = await runInit(repo);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(read(repo, 'package.json'))).toEqual({ name: 'shop', scripts: { test: 'vitest', prepare: 'husky' } });
    expect(read(repo, '.husky/pre-commit')).toContain('[ "${SCHEMAGUARD:-}" = 0 ] || schemaguard check --staged');
    expect(read(repo, '.husky/commit-msg')).toContain('schemaguard commit-msg "$1"');
    expect(read(repo, '.husky/pre-push')).toContain('schemaguard check --pre-push');
    expect(result.stdout).toContain('lint-staged is not among the dependencies');
    expect(result.stdout).toContain('npm install --save-dev husky');
    expect(has(repo, '.lintstagedrc.mjs')).toBe(false);
  });

  it('joins an existing prepare script, keeps tab indentation, and leaves one that runs husky', async () => {
    const repo = nodeRepo('{\n\t"name": "shop",\n\t"scripts": {\n\t\t"prepare": "npm run build"\n\t}\n}\n');
    await runInit(repo);
    expect(read(repo, 'package.json')).toBe('{\n\t"name": "shop",\n\t"scripts": {\n\t\t"prepare": "npm run build && husky"\n\t}\n}\n');
    const again = await runInit(repo);
    expect(again.stdout).not.toContain('package.json');
  });

  it('appends to an existing husky hook, and a second run changes nothing', async () => {
    const repo = nodeRepo({ name: 'shop', devDependencies: { husky: '^9' } }, { '.husky/pre-commit': 'npm test' });
    const first = await runInit(repo);
    expect(first.stdout).toMatch(/update\s+\.husky\/pre-commit/);
    expect(read(repo, '.husky/pre-commit')).toMatch(/^npm test\n\n# >>> schemaguard.*\n\[ "\$\{SCHEMAGUARD:-\}" = 0 \] \|\| schemaguard check --staged\n# <<< schemaguard\n$/);
    const before = snapshot(repo, HUSKY_FILES);
    const second = await runInit(repo);
    expect(second.stdout).toContain('nothing changed');
    expect(snapshot(repo, HUSKY_FILES)).toEqual(before);
  });

  it('rewrites its own block in place, keeping the lines around it', async () => {
    const repo = nodeRepo({ name: 'shop' }, { '.husky/pre-commit': 'echo a\n# >>> schemaguard: old\nschemaguard old\n# <<< schemaguard\necho b\n' });
    await runInit(repo);
    const text = read(repo, '.husky/pre-commit');
    expect(text).toMatch(/^echo a\n# >>> schemaguard: written by/);
    expect(text).toMatch(/schemaguard check --staged\n# <<< schemaguard\necho b\n$/);
    expect(text).not.toContain('schemaguard old');
  });

  it('puts the pre-push block first (after a shebang): it must read stdin before the lines already there', async () => {
    const repo = nodeRepo({ name: 'shop' }, { '.husky/pre-push': '#!/usr/bin/env sh\nsed "s/^/theirs: /"\n' });
    await runInit(repo);
    expect(read(repo, '.husky/pre-push')).toMatch(/^#!\/usr\/bin\/env sh\n# >>> schemaguard[\s\S]*# <<< schemaguard\n\nsed/);
    const lines = 'refs/heads/main 1111 refs/heads/main 2222\nrefs/heads/x 3333 refs/heads/x 4444';
    const run = runHuskyHook(repo, 'pre-push', { input: `${lines}\n` });
    expect(run.status).toBe(0);
    expect(run.log).toBe(`schemaguard check --pre-push\n  stdin: ${lines.replace('\n', '\n  stdin: ')}\n`);
    expect(run.stdout).toBe(`theirs: ${lines.replace('\n', '\ntheirs: ')}\n`);
    expect(runHuskyHook(repo, 'pre-push', { input: `${lines}\n`, env: { SCHEMAGUARD: '0' } }).log).toBe('');
  });

  it('activates the hooks when husky is installed (core.hooksPath), and only once', async () => {
    const repo = nodeRepo({ name: 'shop', devDependencies: { husky: '^9' } });
    mkdirSync(join(repo.dir, 'node_modules'));
    symlinkSync(join(PROJECT, 'node_modules/husky'), join(repo.dir, 'node_modules/husky'));
    const first = await runInit(repo);
    expect(first.stdout).toMatch(/run\s+node node_modules\/husky\/bin\.js/);
    expect(repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(has(repo, '.husky/_/h')).toBe(true);
    expect(first.stdout).not.toContain('Install husky');
    const second = await runInit(repo);
    expect(second.stdout).toContain('nothing changed');
  });
});

describe('init with lint-staged', () => {
  it('writes a function task in .lintstagedrc.mjs and runs lint-staged from the hook', async () => {
    const repo = nodeRepo(WITH_LINT_STAGED, { '.husky/pre-commit': 'npm test\n' });
    const result = await runInit(repo);
    expect(result.stdout).toMatch(/create\s+\.lintstagedrc\.mjs/);
    expect(read(repo, '.husky/pre-commit')).toMatch(/# >>> schemaguard.*\nlint-staged\n/);
    const config = (await import(pathToFileURL(join(repo.dir, '.lintstagedrc.mjs')).href)) as {
      default: Record<string, (files: string[]) => string | string[]>;
    };
    const task = config.default['*.py'];
    // lint-staged calls a function task with the staged files; the command it returns names none of them
    expect(task?.(['app/models/user.py', 'app/models/order.py'])).toBe('schemaguard check --staged');
  });

  it('does not add a second lint-staged line when the hook runs lint-staged already', async () => {
    const repo = nodeRepo(WITH_LINT_STAGED, { '.husky/pre-commit': 'npx lint-staged\n' });
    await runInit(repo);
    expect(read(repo, '.husky/pre-commit').match(/lint-staged\n/g)).toHaveLength(1);
  });

  it('checks directly a commit that stages no .py file for lint-staged, such as a deleted model', async () => {
    const repo = nodeRepo(WITH_LINT_STAGED);
    repo.write('app/models/user.py', 'class User: pass\n');
    repo.write('app/models/order.py', 'class Order: pass\n');
    repo.commit('models');
    await runInit(repo);
    repo.git('rm', '-q', 'app/models/user.py');
    expect(runHuskyHook(repo, 'pre-commit').log).toBe('lint-staged \nschemaguard check --staged\n');
    repo.write('app/models/order.py', 'class Order: changed\n');
    repo.git('add', 'app/models/order.py');
    // a staged .py file: lint-staged's task runs the check, the block does not run it a second time
    expect(runHuskyHook(repo, 'pre-commit').log).toBe('lint-staged \n');
    expect(runHuskyHook(repo, 'pre-commit', { env: { SCHEMAGUARD: '0' } }).log).toBe('lint-staged \n');
  });

  it("leaves a lint-staged config in package.json alone and runs the check directly", async () => {
    const repo = nodeRepo({ ...WITH_LINT_STAGED, 'lint-staged': { '*.js': 'eslint --fix' } });
    const result = await runInit(repo);
    expect(result.stdout).toContain('package.json (lint-staged) was left as it is');
    expect(JSON.parse(read(repo, 'package.json'))['lint-staged']).toEqual({ '*.js': 'eslint --fix' });
    expect(has(repo, '.lintstagedrc.mjs')).toBe(false);
    expect(read(repo, '.husky/pre-commit')).toContain('|| schemaguard check --staged');
  });

  it('recognises its task in a config the user keeps, and wires the hook through lint-staged', async () => {
    const repo = nodeRepo(WITH_LINT_STAGED, {
      'lint-staged.config.js': "export default { '*.py': () => 'schemaguard check --staged', '*.ts': 'eslint' };\n",
    });
    await runInit(repo);
    expect(read(repo, '.husky/pre-commit')).toContain("git diff --cached --quiet --diff-filter=ACMR -- '*.py'");
    expect(has(repo, '.lintstagedrc.mjs')).toBe(false);
  });

  it('the task returns no command with SCHEMAGUARD=0', async () => {
    const repo = nodeRepo(WITH_LINT_STAGED);
    await runInit(repo);
    const script = `import c from ${JSON.stringify(pathToFileURL(join(repo.dir, '.lintstagedrc.mjs')).href)}; console.log(JSON.stringify(c['*.py'](['a.py'])))`;
    const off = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, SCHEMAGUARD: '0' }, encoding: 'utf8' });
    expect(off.stdout.trim()).toBe('[]');
  });
});
