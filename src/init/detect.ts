// Reads what init needs to know about the repository: git's hook locations, the files it may edit, the model files.
import { execFile } from 'node:child_process';
import { access, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { UserError } from '../cli/errors.js';
import { DEDICATED_PLACES } from '../config/places.js';
import { GitError } from '../git/errors.js';
import { runGit, splitNul, type GitRunner } from '../git/process.js';
import { INIT_MESSAGES as M } from './messages.js';
import { isModelCandidatePath, isModelSource } from './models.js';
import { HUSKY_FILES, LINT_STAGED_CONFIG_FILES } from './plan-husky.js';
import { SAVED_SUFFIX } from './plan-git-hooks.js';
import { PRE_COMMIT_CONFIG } from './pre-commit-yaml.js';
import { HOOK_NAMES, type GitHookState, type HookName, type PackageManager, type RepoFacts } from './types.js';

const READ_FILES = [
  'package.json', 'pyproject.toml', PRE_COMMIT_CONFIG, ...HUSKY_FILES, ...LINT_STAGED_CONFIG_FILES, ...DEDICATED_PLACES,
];
/** A model file is small; a bigger .py file is generated code or data, not worth reading at init. */
const MAX_MODEL_FILE_BYTES = 1_000_000;
const READ_BATCH = 64;
const SHIPPED_HOOKS_DIR = new URL('../../hooks/', import.meta.url);

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);
const readText = (file: string | URL): Promise<string | undefined> => readFile(file, 'utf8').catch(() => undefined);

/** git's stdout; a known git failure (not a repository, ...) becomes init's one-line UserError. */
async function gitOutput(runner: GitRunner, args: string[], okCodes?: number[]): Promise<Buffer> {
  try {
    return (await runGit(runner, args, okCodes)).stdout;
  } catch (error) {
    if (error instanceof GitError) throw new UserError(error.message, error.hint);
    throw error;
  }
}

const git = async (runner: GitRunner, args: string[], okCodes?: number[]): Promise<string> =>
  (await gitOutput(runner, args, okCodes)).toString('utf8').trim();

async function readFiles(root: string, names: readonly string[]): Promise<Map<string, string>> {
  const texts = await Promise.all(names.map((name) => readText(path.join(root, name))));
  return new Map(names.flatMap((name, i) => (texts[i] === undefined ? [] : [[name, texts[i]] as [string, string]])));
}

async function readGitHooks(hooksDir: string): Promise<Record<HookName, GitHookState>> {
  const states = await Promise.all(
    HOOK_NAMES.map(async (name): Promise<GitHookState> => {
      const current = await readText(path.join(hooksDir, name));
      const hasSaved = await exists(path.join(hooksDir, `${name}${SAVED_SUFFIX}`));
      return current === undefined ? { hasSaved } : { current, hasSaved };
    }),
  );
  return Object.fromEntries(HOOK_NAMES.map((name, i) => [name, states[i]])) as Record<HookName, GitHookState>;
}

async function isModelFile(file: string): Promise<boolean> {
  const buffer = await readFile(file).catch(() => undefined);
  return buffer !== undefined && buffer.length <= MAX_MODEL_FILE_BYTES && isModelSource(buffer.toString('utf8'));
}

/** Tracked and untracked-but-not-ignored .py files that look like models (a text scan, models.ts). */
async function findModelFiles(root: string, runner: GitRunner): Promise<string[]> {
  const listed = await gitOutput(runner, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '*.py']);
  const candidates = [...new Set(splitNul(listed))].filter(isModelCandidatePath).sort();
  const models: string[] = [];
  // in batches: a large repository has more .py files than a process may hold open at once
  for (let i = 0; i < candidates.length; i += READ_BATCH) {
    const batch = candidates.slice(i, i + READ_BATCH);
    const found = await Promise.all(batch.map((file) => isModelFile(path.join(root, file))));
    models.push(...batch.filter((_, j) => found[j]));
  }
  return models;
}

async function packageManager(root: string): Promise<PackageManager> {
  if (await exists(path.join(root, 'pnpm-lock.yaml'))) return 'pnpm';
  return (await exists(path.join(root, 'yarn.lock'))) ? 'yarn' : 'npm';
}

async function readShippedHooks(): Promise<Record<HookName, string>> {
  const texts = await Promise.all(HOOK_NAMES.map((name) => readFile(new URL(name, SHIPPED_HOOKS_DIR), 'utf8')));
  return Object.fromEntries(HOOK_NAMES.map((name, i) => [name, texts[i]])) as Record<HookName, string>;
}

/** `pre-commit --version` ("pre-commit 3.0.4"), undefined when the executable is not on PATH. */
function readPreCommitVersion(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('pre-commit', ['--version'], { env, timeout: 20_000 }, (error, stdout) => {
      resolve(error === null ? /\d+\.\d+(?:\.\d+)?/.exec(stdout)?.[0] : undefined);
    });
  });
}

export interface DetectOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** --hooks pre-commit: ask for the framework's version even without a config file */
  isPreCommitWanted: boolean;
}

export async function detectRepo(options: DetectOptions): Promise<RepoFacts> {
  const runner: GitRunner = { executable: 'git', cwd: options.cwd, env: options.env };
  if ((await git(runner, ['rev-parse', '--is-bare-repository'])) === 'true') throw new UserError(M.bareRepository);
  const root = path.resolve(await git(runner, ['rev-parse', '--show-toplevel']));
  const atRoot = { ...runner, cwd: root };
  const [hooksDir, hooksPath, files] = await Promise.all([
    git(atRoot, ['rev-parse', '--git-path', 'hooks']),
    git(atRoot, ['config', '--get', 'core.hooksPath'], [0, 1]),
    readFiles(root, READ_FILES),
  ]);
  const absoluteHooksDir = path.resolve(root, hooksDir);
  const wantsPreCommit = options.isPreCommitWanted || files.has(PRE_COMMIT_CONFIG);
  const [gitHooks, modelFiles, hasHuskyDir, isHuskyInstalled, isInstalledLocally, pm, preCommitVersion, shippedHooks] =
    await Promise.all([
      readGitHooks(absoluteHooksDir),
      findModelFiles(root, atRoot),
      exists(path.join(root, '.husky')),
      exists(path.join(root, 'node_modules', 'husky', 'package.json')),
      exists(path.join(root, 'node_modules', '.bin', 'schemaguard')),
      packageManager(root),
      wantsPreCommit ? readPreCommitVersion(options.env) : Promise.resolve(undefined),
      readShippedHooks(),
    ]);
  return {
    root,
    hooksDir: absoluteHooksDir,
    ...(hooksPath === '' ? {} : { hooksPathConfig: hooksPath }),
    files,
    gitHooks,
    modelFiles,
    hasHuskyDir,
    isHuskyInstalled,
    isInstalledLocally,
    packageManager: pm,
    ...(preCommitVersion === undefined ? {} : { preCommitVersion }),
    shippedHooks,
  };
}
