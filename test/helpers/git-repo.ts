// Hermetic temporary git repositories for tests: own HOME, no system or global config, removed by cleanup().
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TestRepo {
  /** working tree (the git dir itself for a bare repository) */
  dir: string;
  /** the environment every git call of this repo runs with; pass it to spawned hooks and scripts */
  env: NodeJS.ProcessEnv;
  /** runs git in `dir`, returns stdout; throws with git's stderr on failure */
  git(...args: string[]): string;
  /** like git(), with extra environment (GIT_INDEX_FILE...) or stdin */
  gitWith(options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string }, ...args: string[]): string;
  write(path: string, text: string): void;
  symlink(path: string, target: string): void;
  remove(path: string): void;
  /** stages everything (`git add -A`) and commits; returns the new commit id */
  commit(message: string): string;
  cleanup(): void;
}

export interface CreateRepoOptions {
  bare?: boolean;
  /** files written and committed as the first commit */
  files?: Record<string, string>;
}

const GLOBAL_CONFIG = `[user]
\tname = schemaguard test
\temail = test@schemaguard.invalid
[commit]
\tgpgSign = false
[tag]
\tgpgSign = false
[gc]
\tauto = 0
[init]
\tdefaultBranch = main
[protocol "file"]
\tallow = always
`;

/** process.env without anything git would read from the outer repository or the developer's setup. */
export function hermeticEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) env[key] = value;
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
}

export function makeTempDir(prefix = 'schemaguard-git-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

export function createRepo(options: CreateRepoOptions = {}): TestRepo {
  const root = makeTempDir();
  const home = join(root, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), GLOBAL_CONFIG);
  const dir = join(root, options.bare ? 'repo.git' : 'repo');
  const env = hermeticEnv(home);
  execFileSync('git', ['init', '-q', '-b', 'main', ...(options.bare ? ['--bare'] : []), dir], { env });
  const repo = repoAt(dir, env, () => rmSync(root, { recursive: true, force: true }));
  for (const [key, value] of Object.entries(LOCAL_CONFIG)) repo.git('config', key, value);
  repo.git('config', '--unset-all', 'core.hooksPath');
  if (options.files) {
    for (const [path, text] of Object.entries(options.files)) repo.write(path, text);
    repo.commit('initial');
  }
  return repo;
}

const LOCAL_CONFIG = {
  'user.name': 'schemaguard test',
  'user.email': 'test@schemaguard.invalid',
  'commit.gpgSign': 'false',
  'gc.auto': '0',
};

/** `git clone --depth <depth> file://...` of a repository, in the same temporary root's HOME. */
export function cloneShallow(source: TestRepo, depth = 1): TestRepo {
  const root = makeTempDir();
  const dir = join(root, 'clone');
  source.git('clone', '-q', '--depth', String(depth), `file://${source.dir}`, dir);
  return repoAt(dir, source.env, () => rmSync(root, { recursive: true, force: true }));
}

/** `git worktree add -b <branch>`; cleanup() removes the worktree directory (the main repo keeps its record). */
export function addWorktree(repo: TestRepo, branch: string): TestRepo {
  const root = makeTempDir();
  const dir = join(root, branch);
  repo.git('worktree', 'add', '-q', '-b', branch, dir);
  return repoAt(dir, repo.env, () => rmSync(root, { recursive: true, force: true }));
}

function repoAt(dir: string, env: NodeJS.ProcessEnv, cleanup: () => void): TestRepo {
  const gitWith: TestRepo['gitWith'] = (options, ...args) => {
    try {
      return execFileSync('git', args, {
        cwd: options.cwd ?? dir,
        env: { ...env, ...options.env },
        input: options.input ?? '',
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      const status = (error as { status?: number }).status;
      // `config --unset-all` of an absent key exits 5: nothing to unset is fine
      if (args[0] === 'config' && args[1] === '--unset-all' && status === 5) return '';
      throw new Error(`git ${args.join(' ')} failed: ${stderr.trim()}`);
    }
  };
  const file = (path: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    return full;
  };
  return {
    dir,
    env,
    git: (...args) => gitWith({}, ...args),
    gitWith,
    write: (path, text) => writeFileSync(file(path), text),
    symlink: (path, target) => {
      rmSync(file(path), { force: true });
      symlinkSync(target, file(path));
    },
    remove: (path) => unlinkSync(join(dir, path)),
    commit: (message) => {
      gitWith({}, 'add', '-A');
      gitWith({}, 'commit', '-q', '--allow-empty', '-m', message);
      return gitWith({}, 'rev-parse', 'HEAD').trim();
    },
    cleanup,
  };
}
