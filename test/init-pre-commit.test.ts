// The pre-commit framework: schemaguard's hooks merged into .pre-commit-config.yaml by text, in the file's own style.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { frameworkHooks, mergePreCommitConfig, preCommitStageNames } from '../src/init/pre-commit-yaml.js';
import { createRepo, makeTempDir, type TestRepo } from './helpers/git-repo.js';
import { read, runInit } from './helpers/init.js';
import { PROJECT } from './helpers/packed.js';

const OLD = preCommitStageNames('3.0.4');
const HOOKS = frameworkHooks('npx --no-install schemaguard', OLD);

let repos: TestRepo[] = [];
afterEach(() => {
  for (const repo of repos) repo.cleanup();
  repos = [];
});

const SAMPLE_4 = `# See https://pre-commit.com for more information
repos:
-   repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v3.2.0
    hooks:
    -   id: trailing-whitespace
`;

describe('merging into .pre-commit-config.yaml', () => {
  it("adds a local repo in the file's 4-space list style, keeping every existing line", () => {
    const merged = mergePreCommitConfig(SAMPLE_4, HOOKS);
    expect(merged).toBe(`${SAMPLE_4}-   repo: local
    hooks:
    -   id: schemaguard
        name: schemaguard (staged schema changes)
        entry: sh -c '[ "\${SCHEMAGUARD:-}" = 0 ] || exec npx --no-install schemaguard check --staged'
        language: system
        pass_filenames: false
        always_run: true
        stages: [commit]
    -   id: schemaguard-pre-push
        name: schemaguard (pushed schema changes)
        entry: sh -c '[ "\${SCHEMAGUARD:-}" = 0 ] || [ -z "\${PRE_COMMIT_FROM_REF:-}" ] || exec npx --no-install schemaguard check --base "$PRE_COMMIT_FROM_REF" --head "$PRE_COMMIT_TO_REF"'
        language: system
        pass_filenames: false
        always_run: true
        stages: [push]
    -   id: schemaguard-commit-msg
        name: schemaguard (override trailer)
        entry: sh -c '[ "\${SCHEMAGUARD:-}" = 0 ] || exec npx --no-install schemaguard commit-msg "$1"' --
        language: system
        pass_filenames: true
        stages: [commit-msg]
default_install_hook_types: [pre-commit, pre-push, commit-msg]
`);
  });

  it('follows an indented 2-space list style, inserting before the next top-level key', () => {
    const text = 'repos:\n  - repo: local\n    hooks:\n      - id: x\n        entry: x\n        language: system\nfail_fast: true\n';
    const merged = mergePreCommitConfig(text, HOOKS);
    expect(merged).toContain('        language: system\n  - repo: local\n    hooks:\n      - id: schemaguard\n        name:');
    expect(merged).toMatch(/stages: \[commit-msg\]\nfail_fast: true\n/);
    expect(parse(merged).repos.map((repo: { hooks: { id: string }[] }) => repo.hooks.map((hook) => hook.id))).toEqual([
      ['x'],
      ['schemaguard', 'schemaguard-pre-push', 'schemaguard-commit-msg'],
    ]);
  });

  it('writes a config from nothing, and from `repos: []`', () => {
    for (const text of ['', 'repos: []\n', 'repos:\n']) {
      const config = parse(mergePreCommitConfig(text, HOOKS));
      expect(config.repos).toHaveLength(1);
      expect(config.repos[0].repo).toBe('local');
      expect(config.default_install_hook_types).toEqual(['pre-commit', 'pre-push', 'commit-msg']);
    }
  });

  it('adds the missing hook types to an existing default_install_hook_types', () => {
    const merged = mergePreCommitConfig('default_install_hook_types: [pre-commit, post-merge]\nrepos: []\n', HOOKS);
    expect(parse(merged).default_install_hook_types).toEqual(['pre-commit', 'post-merge', 'pre-push', 'commit-msg']);
  });

  it('is idempotent, and leaves a config that names schemaguard hooks already as it is', () => {
    const once = mergePreCommitConfig(SAMPLE_4, HOOKS);
    expect(mergePreCommitConfig(once, HOOKS)).toBe(once);
    const custom = 'repos:\n- repo: local\n  hooks:\n  - {id: schemaguard, entry: schemaguard check --staged, language: system}\n' +
      'default_install_hook_types: [pre-commit, pre-push, commit-msg]\n';
    expect(mergePreCommitConfig(custom, HOOKS)).toBe(custom);
  });

  it('pre-commit before 3.2 gets the old stage names, later versions the git hook names', () => {
    expect(preCommitStageNames('2.17.0')).toEqual({ commit: 'commit', push: 'push' });
    expect(preCommitStageNames('3.0.4')).toEqual({ commit: 'commit', push: 'push' });
    expect(preCommitStageNames('3.2.0')).toEqual({ commit: 'pre-commit', push: 'pre-push' });
    expect(preCommitStageNames('4.3.0')).toEqual({ commit: 'pre-commit', push: 'pre-push' });
    expect(preCommitStageNames(undefined)).toEqual({ commit: 'pre-commit', push: 'pre-push' });
  });
});

describe('init with the pre-commit framework', () => {
  it('a config that is not YAML is an error with file and line, exit 2', async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.write('.pre-commit-config.yaml', 'repos:\n  - repo: local\n    hooks: [\n');
    const result = await runInit(repo);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^schemaguard: \.pre-commit-config\.yaml:\d+: not valid YAML/);
    expect(read(repo, '.pre-commit-config.yaml')).toBe('repos:\n  - repo: local\n    hooks: [\n');
  });

  const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
  it.skipIf(version.status !== 0)('writes a config the installed pre-commit accepts, and installs the three hooks', async () => {
    const repo = createRepo();
    repos.push(repo);
    repo.write('.pre-commit-config.yaml', SAMPLE_4);
    const env = { PRE_COMMIT_HOME: join(repo.dir, '..', 'pre-commit-home') };
    const result = await runInit(repo, [], env);
    expect(result.exitCode, result.stderr).toBe(0);
    const validate = spawnSync('pre-commit', ['validate-config', '.pre-commit-config.yaml'], { cwd: repo.dir, env: { ...repo.env, ...env }, encoding: 'utf8' });
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    for (const hook of ['pre-commit', 'pre-push', 'commit-msg']) {
      expect(read(repo, `.git/hooks/${hook}`)).toContain('File generated by pre-commit');
    }
    expect((await runInit(repo, [], env)).stdout).toContain('nothing changed');
  });
});

describe("this repository's .pre-commit-hooks.yaml", () => {
  it('ships the same three hooks as init writes, as language: node with the git hook stage names', () => {
    const manifest = parse(readFileSync(join(PROJECT, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    const expected = frameworkHooks('schemaguard', preCommitStageNames('3.2.0')).map((hook) => ({
      id: hook.id,
      name: hook.name,
      entry: hook.entry,
      language: 'node',
      pass_filenames: hook.passFilenames,
      ...(hook.passFilenames ? {} : { always_run: true }),
      stages: hook.stages,
      minimum_pre_commit_version: '3.2.0',
    }));
    expect(manifest).toEqual(expected);
  });

  // stdout is null where pre-commit is not installed: the test is skipped, as .ci/run says it will be
  const version = (spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).stdout ?? '').match(/(\d+)\.(\d+)/);
  const isModern = version !== null && (Number(version[1]) > 3 || (Number(version[1]) === 3 && Number(version[2]) >= 2));
  it.skipIf(!isModern)('is a manifest the installed pre-commit (3.2 or newer) accepts', () => {
    const dir = makeTempDir('schemaguard-manifest-');
    try {
      writeFileSync(join(dir, '.pre-commit-hooks.yaml'), readFileSync(join(PROJECT, '.pre-commit-hooks.yaml')));
      const result = spawnSync('pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], { cwd: dir, encoding: 'utf8' });
      expect(result.status, result.stdout).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
