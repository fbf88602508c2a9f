// End to end: the packed package installed into temp repositories, `schemaguard init`, then real
// `git commit` / `git push` to a bare remote through husky + lint-staged, plain git hooks and the
// pre-commit framework.
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepo, makeTempDir, type TestRepo } from './helpers/git-repo.js';
import { npmCacheDir, npmInstall, packSchemaguard, PROJECT, run, runOk, USER_MODEL, versionOf, type PackedPackage, type RunResult } from './helpers/packed.js';

const MODEL = `${USER_MODEL}    name: Mapped[str | None] = mapped_column(String(100))\n`;
const MODEL_FILE = 'app/models/user.py';
const EMAIL_LINE = '    email: Mapped[str] = mapped_column(String(255))\n';
const SAFE_MODEL = `${MODEL}    nickname: Mapped[str | None] = mapped_column(String(50))\n`;
const BREAKING_MODEL = MODEL.replace(EMAIL_LINE, '');
const CONTRACT_YAML = `models: ["app/models/**/*.py"]
contracts:
  - name: user-exports
    tables: [users]
    owners: ["@data-team"]
`;
const EXISTING_HOOK_LOG = '.git/existing-hook.log';

let packed: PackedPackage;
let npmCache: string;
/** one install in an npm "global" prefix, shared by the scenarios that do not install into the repository */
let globalPrefix: string | undefined;
const cleanups: (() => void)[] = [];

beforeAll(() => {
  packed = packSchemaguard();
  npmCache = npmCacheDir();
}, 300_000);

afterAll(() => {
  for (const cleanup of cleanups) cleanup();
  packed?.cleanup();
});

function installGlobally(env: NodeJS.ProcessEnv): string {
  if (globalPrefix === undefined) {
    globalPrefix = makeTempDir('schemaguard-prefix-');
    const dir = globalPrefix;
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    npmInstall(globalPrefix, env, [packed.tarball], ['--global', '--prefix', globalPrefix]);
  }
  return globalPrefix;
}

interface Scenario {
  repo: TestRepo;
  remote: TestRepo;
  /** environment of every git command: the repo's hermetic one plus what the hook manager needs */
  env: NodeJS.ProcessEnv;
  /** how to start the installed schemaguard directly */
  schemaguard: string[];
  initRuns: RunResult[];
  /** the set-up files before and after the second init */
  snapshots: [string, string];
  baseline: string;
}

function git(s: Scenario, args: string[], extraEnv: NodeJS.ProcessEnv = {}): RunResult {
  return run('git', args, { cwd: s.repo.dir, env: { ...s.env, ...extraEnv } });
}

/** What init may have written, as one string: the second run must leave it byte for byte. */
function snapshot(repo: TestRepo, files: readonly string[]): string {
  return files.map((file) => `${file}:\n${existsSync(join(repo.dir, file)) ? readFileSync(join(repo.dir, file), 'utf8') : '<absent>'}`).join('\n');
}

interface Setup {
  files: Record<string, string>;
  env: (repo: TestRepo) => NodeJS.ProcessEnv;
  install: (repo: TestRepo, env: NodeJS.ProcessEnv) => string[];
  /** after the first init, before the baseline commit (e.g. a contract added to the starter config) */
  afterInit?: (repo: TestRepo) => void;
  watched: readonly string[];
}

/** A developer's shell has no NODE_ENV=test: with it lint-staged switches to its JSON test renderer. */
function withoutTestRunnerVars(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
}

function setUp(setup: Setup): Scenario {
  const repo = createRepo();
  const remote = createRepo({ bare: true });
  cleanups.push(repo.cleanup, remote.cleanup);
  for (const [file, text] of Object.entries(setup.files)) {
    repo.write(file, text);
    // git runs only executable hooks
    if (file.startsWith('.git/hooks/')) chmodSync(join(repo.dir, file), 0o755);
  }
  const env = withoutTestRunnerVars({ ...setup.env(repo), NO_COLOR: '1', npm_config_cache: npmCache, npm_config_update_notifier: 'false' });
  const schemaguard = setup.install(repo, env);
  const [command = 'npx', ...rest] = schemaguard;
  const first = run(command, [...rest, 'init'], { cwd: repo.dir, env });
  const before = snapshot(repo, setup.watched);
  const second = run(command, [...rest, 'init'], { cwd: repo.dir, env });
  const after = snapshot(repo, setup.watched);
  setup.afterInit?.(repo);
  repo.git('remote', 'add', 'origin', remote.dir);
  runOk('git', ['add', '-A'], { cwd: repo.dir, env });
  runOk('git', ['commit', '-q', '--no-verify', '-m', 'baseline'], { cwd: repo.dir, env });
  runOk('git', ['push', '-q', '--no-verify', 'origin', 'main'], { cwd: repo.dir, env });
  const baseline = repo.git('rev-parse', 'HEAD').trim();
  return { repo, remote, env, schemaguard, initRuns: [first, second], snapshots: [before, after], baseline };
}

const head = (s: Scenario): string => s.repo.git('rev-parse', 'HEAD').trim();
const remoteMain = (s: Scenario): string => s.remote.git('rev-parse', 'main').trim();
/** Back to the last good commit with a clean tree (node_modules is ignored, so it stays). */
function restore(s: Scenario): void {
  s.repo.git('reset', '-q', '--hard', s.baseline);
  s.repo.git('clean', '-q', '-fd');
}

/** The hook behaviour every manager must show; `scenario()` is set by the describe's beforeAll. */
function hookBehaviour(scenario: () => Scenario): void {
  it('init runs, and a second init changes nothing', () => {
    const s = scenario();
    expect(s.initRuns[0].status, s.initRuns[0].output).toBe(0);
    expect(s.initRuns[1].status, s.initRuns[1].output).toBe(0);
    expect(s.initRuns[1].stdout).toContain('nothing changed');
    expect(s.snapshots[1]).toBe(s.snapshots[0]);
  });

  it('a safe commit passes and is pushed; the hook that was there before still runs', () => {
    const s = scenario();
    restore(s);
    s.repo.write(MODEL_FILE, SAFE_MODEL);
    const commit = git(s, ['commit', '-am', 'add users.nickname']);
    expect(commit.status, commit.output).toBe(0);
    expect(readFileSync(join(s.repo.dir, EXISTING_HOOK_LOG), 'utf8')).toContain('existing hook ran');
    const push = git(s, ['push', 'origin', 'main']);
    expect(push.status, push.output).toBe(0);
    expect(remoteMain(s)).toBe(head(s));
    s.baseline = head(s);
  });

  it('a breaking commit is blocked with exit 1 and the explanation', () => {
    const s = scenario();
    restore(s);
    s.repo.write(MODEL_FILE, BREAKING_MODEL);
    const commit = git(s, ['commit', '-am', 'drop users.email']);
    expect(commit.status, commit.output).not.toBe(0);
    expect(commit.output).toMatch(/email/);
    expect(head(s)).toBe(s.baseline);
    s.repo.git('add', MODEL_FILE);
    const [command = 'npx', ...rest] = s.schemaguard;
    const direct = run(command, [...rest, 'check', '--staged'], { cwd: s.repo.dir, env: s.env });
    expect(direct.status, direct.output).toBe(1);
  });

  it('a staged deletion of a model file is blocked', () => {
    const s = scenario();
    restore(s);
    s.repo.git('rm', '-q', MODEL_FILE);
    const commit = git(s, ['commit', '-m', 'remove the User model']);
    expect(commit.status, commit.output).not.toBe(0);
    expect(commit.output).toMatch(/users/);
    expect(head(s)).toBe(s.baseline);
  });

  it('SCHEMAGUARD=0 skips schemaguard in the hooks', () => {
    const s = scenario();
    restore(s);
    s.repo.write(MODEL_FILE, BREAKING_MODEL);
    const commit = git(s, ['commit', '-am', 'drop users.email, unchecked'], { SCHEMAGUARD: '0' });
    expect(commit.status, commit.output).toBe(0);
    expect(head(s)).not.toBe(s.baseline);
  });

  it('the override passes and leaves the trailer', () => {
    const s = scenario();
    restore(s);
    s.repo.write(MODEL_FILE, BREAKING_MODEL);
    const reason = 'email moved to contacts, readers migrated in #42';
    const commit = git(s, ['commit', '-am', 'drop users.email'], { SCHEMAGUARD_OVERRIDE: reason });
    expect(commit.status, commit.output).toBe(0);
    expect(s.repo.git('log', '-1', '--format=%B')).toContain(`Schemaguard-Override: ${reason}`);
  });

  it('a push of a --no-verify breaking commit is blocked by pre-push', () => {
    const s = scenario();
    restore(s);
    s.repo.write(MODEL_FILE, BREAKING_MODEL);
    const commit = git(s, ['commit', '--no-verify', '-am', 'drop users.email, hooks skipped']);
    expect(commit.status, commit.output).toBe(0);
    const push = git(s, ['push', 'origin', 'main']);
    expect(push.status, push.output).not.toBe(0);
    expect(push.output).toMatch(/email/);
    expect(remoteMain(s)).toBe(s.baseline);
  });
}

describe('Node repository: husky + lint-staged', () => {
  let s: Scenario;
  beforeAll(() => {
    s = setUp({
      files: {
        'package.json': `${JSON.stringify({ name: 'shop', private: true, scripts: { test: 'echo ok' } }, null, 2)}\n`,
        '.gitignore': 'node_modules/\n',
        '.husky/pre-commit': `echo "existing hook ran" >> ${EXISTING_HOOK_LOG}\n`,
        '.schemaguardrc.yaml': CONTRACT_YAML,
        [MODEL_FILE]: MODEL,
      },
      env: (repo) => repo.env,
      install: (repo, env) => {
        npmInstall(repo.dir, env, [packed.tarball, `husky@${versionOf('husky')}`, `lint-staged@${versionOf('lint-staged')}`], ['--save-dev']);
        return ['npx', '--no-install', 'schemaguard'];
      },
      watched: ['package.json', '.husky/pre-commit', '.husky/pre-push', '.husky/commit-msg', '.lintstagedrc.mjs'],
    });
  }, 300_000);

  it('init wired husky and lint-staged: prepare script, hooks active, function task', () => {
    const pkg = JSON.parse(readFileSync(join(s.repo.dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('husky');
    expect(s.repo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(readFileSync(join(s.repo.dir, '.lintstagedrc.mjs'), 'utf8')).toContain("'*.py': () =>");
    expect(readFileSync(join(s.repo.dir, '.husky/pre-commit'), 'utf8')).toMatch(/^echo "existing hook ran"/);
  });

  it('a commit with a staged .py file runs the check through lint-staged', () => {
    restore(s);
    s.repo.write(MODEL_FILE, BREAKING_MODEL);
    const commit = git(s, ['commit', '-am', 'drop users.email']);
    expect(commit.status, commit.output).not.toBe(0);
    expect(commit.output).toContain('schemaguard check --staged');
    expect(commit.output).toMatch(/lint-staged|Running tasks/i);
  });

  hookBehaviour(() => s);

  it("the GitHub Action's script blocks a breaking branch: exit 1, markdown in the job summary", () => {
    restore(s);
    s.repo.write(MODEL_FILE, BREAKING_MODEL);
    git(s, ['commit', '--no-verify', '-qam', 'drop users.email']);
    const action = runAction(s, s.baseline);
    expect(action.result.status, action.result.output).toBe(1);
    expect(action.output).toContain('exit-code=1');
    expect(action.summary).toMatch(/email/);
    expect(action.result.stdout).toMatch(/::(error|warning)/);
  });

  it("the GitHub Action's script fails with exit 2 and an annotation when there is no base", () => {
    const action = runAction(s, '0'.repeat(40));
    expect(action.result.status).toBe(2);
    expect(action.result.stdout).toContain('::error title=schemaguard::no base revision');
    expect(action.output).toContain('exit-code=2');
  });
});

/** Runs the shell step of action.yml as the runner does (`bash -eo pipefail`), with the runner's files and the inputs as env. */
function runAction(s: Scenario, base: string): { result: RunResult; summary: string; output: string } {
  const action = parse(readFileSync(join(PROJECT, 'action.yml'), 'utf8')) as { runs: { steps: { id?: string; run?: string }[] } };
  const script = action.runs.steps.find((step) => step.id === 'check')?.run ?? '';
  const runner = makeTempDir('schemaguard-runner-');
  cleanups.push(() => rmSync(runner, { recursive: true, force: true }));
  const files = { GITHUB_STEP_SUMMARY: join(runner, 'summary.md'), GITHUB_OUTPUT: join(runner, 'output') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env = { ...s.env, ...files, RUNNER_TEMP: runner, SCHEMAGUARD_BASE: base, SCHEMAGUARD_VERSION: 'latest', SCHEMAGUARD_CONFIG: '' };
  const result = run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: s.repo.dir, env });
  return { result, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), output: readFileSync(files.GITHUB_OUTPUT, 'utf8') };
}

describe('Python repository: plain git hooks', () => {
  let s: Scenario;
  beforeAll(() => {
    s = setUp({
      files: {
        'pyproject.toml': '[project]\nname = "shop"\nversion = "1.0.0"\n',
        '.git/hooks/pre-commit': `#!/bin/sh\necho "existing hook ran" >> ${EXISTING_HOOK_LOG}\n`,
        [MODEL_FILE]: MODEL,
      },
      env: (repo) => repo.env,
      install: (repo, env) => {
        const prefix = installGlobally(env);
        env.PATH = `${join(prefix, 'bin')}:${env.PATH ?? ''}`;
        return [join(prefix, 'bin', 'schemaguard')];
      },
      // the contract goes into the [tool.schemaguard] table init appended
      afterInit: (repo) =>
        appendFileSync(join(repo.dir, 'pyproject.toml'), '\n[[tool.schemaguard.contracts]]\ntables = ["users"]\nowners = ["@data-team"]\n'),
      watched: ['pyproject.toml', '.git/hooks/pre-commit', '.git/hooks/pre-commit.pre-schemaguard', '.git/hooks/pre-push', '.git/hooks/commit-msg'],
    });
  }, 300_000);

  it('init chained the existing hook and wrote [tool.schemaguard] with the model glob', () => {
    expect(readFileSync(join(s.repo.dir, '.git/hooks/pre-commit.pre-schemaguard'), 'utf8')).toContain('existing hook ran');
    expect(readFileSync(join(s.repo.dir, '.git/hooks/pre-commit'), 'utf8')).toContain('# schemaguard-hook');
    expect(readFileSync(join(s.repo.dir, 'pyproject.toml'), 'utf8')).toContain('models = ["app/models/**/*.py"]');
  });

  hookBehaviour(() => s);
});

const hasPreCommit = run('pre-commit', ['--version'], { cwd: '/', env: process.env }).status === 0;
if (!hasPreCommit) {
  console.warn('e2e-hooks: the pre-commit framework test is skipped: no `pre-commit` on PATH (apt install pre-commit; .ci/run does)');
}

describe.skipIf(!hasPreCommit)('Python repository: the pre-commit framework', () => {
  let s: Scenario;
  beforeAll(() => {
    s = setUp({
      files: {
        '.pre-commit-config.yaml': [
          'repos:',
          '-   repo: local',
          '    hooks:',
          '    -   id: existing',
          '        name: existing hook',
          `        entry: sh -c 'echo "existing hook ran" >> ${EXISTING_HOOK_LOG}'`,
          '        language: system',
          '        pass_filenames: false',
          '        always_run: true',
          '',
        ].join('\n'),
        '.schemaguardrc.yaml': CONTRACT_YAML,
        [MODEL_FILE]: MODEL,
      },
      env: (repo) => {
        const home = join(repo.dir, '..', 'pre-commit-home');
        mkdirSync(home, { recursive: true });
        return { ...repo.env, PRE_COMMIT_HOME: home };
      },
      install: (_repo, env) => {
        // `npx --no-install schemaguard` in the hooks finds npm's global packages: point npm's prefix there
        env.npm_config_prefix = installGlobally(env);
        return ['npx', '--no-install', 'schemaguard'];
      },
      watched: ['.pre-commit-config.yaml', '.schemaguardrc.yaml', '.git/hooks/pre-commit', '.git/hooks/pre-push', '.git/hooks/commit-msg'],
    });
  }, 300_000);

  it('init added the local hooks and installed all three hook types', () => {
    const config = readFileSync(join(s.repo.dir, '.pre-commit-config.yaml'), 'utf8');
    expect(config).toContain('id: schemaguard-pre-push');
    expect(config).toContain('default_install_hook_types: [pre-commit, pre-push, commit-msg]');
    for (const hook of ['pre-commit', 'pre-push', 'commit-msg']) {
      expect(readFileSync(join(s.repo.dir, '.git/hooks', hook), 'utf8')).toContain('File generated by pre-commit');
    }
  });

  hookBehaviour(() => s);
});
