// Builds a temp git repository from a fixtures/repos/<scenario>/ directory and runs the built CLI in it.
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli, type CliResult } from './cli.js';
import type { TestRepo } from './git-repo.js';
import { expectedSchema, type ChangeJson, type Expected, type FindingJson } from './scenario-match.js';

const SCENARIOS_DIR = fileURLToPath(new URL('../../fixtures/repos', import.meta.url));

/** Files of `index/` that are instructions, not content. */
const INSTRUCTION_FILES = new Set(['.deleted', '.moves']);

export function listScenarios(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((name) => statSync(join(SCENARIOS_DIR, name)).isDirectory())
    .sort();
}

/** Repository-relative POSIX paths of every file under `dir`, dot files included. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function copyTree(repo: TestRepo, from: string, skip: ReadonlySet<string> = new Set()): string[] {
  const paths = filesUnder(from).filter((p) => !skip.has(p));
  for (const path of paths) repo.write(path, readFileSync(join(from, path), 'utf8'));
  return paths;
}

/** Non-empty, non-comment lines of an instruction file, or none when it is absent. */
function instructionLines(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** head/ (and the scenario's .schemaguardrc.yaml) as the first commit. */
export function commitHead(repo: TestRepo, scenario: string): string {
  const dir = join(SCENARIOS_DIR, scenario);
  copyTree(repo, join(dir, 'head'));
  const rc = join(dir, '.schemaguardrc.yaml');
  if (statSync(rc, { throwIfNoEntry: false })?.isFile()) repo.write('.schemaguardrc.yaml', readFileSync(rc, 'utf8'));
  return repo.commit('head');
}

/** index/: `git mv` the .moves, `git rm` the .deleted, write and `git add` every other file. */
export function stageIndex(repo: TestRepo, scenario: string): void {
  const dir = join(SCENARIOS_DIR, scenario, 'index');
  for (const line of instructionLines(join(dir, '.moves'))) {
    const [from, to, ...rest] = line.split(/\s+/);
    if (from === undefined || to === undefined || rest.length > 0) throw new Error(`${scenario}/index/.moves: expected "old new", got "${line}"`);
    mkdirSync(dirname(join(repo.dir, to)), { recursive: true });
    repo.git('mv', from, to);
  }
  for (const path of instructionLines(join(dir, '.deleted'))) repo.git('rm', '-q', path);
  const written = statSync(dir, { throwIfNoEntry: false }) ? copyTree(repo, dir, INSTRUCTION_FILES) : [];
  if (written.length > 0) repo.git('add', '--', ...written);
}

/** worktree/: written over the working tree and left unstaged. */
export function writeWorktree(repo: TestRepo, scenario: string): void {
  const dir = join(SCENARIOS_DIR, scenario, 'worktree');
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) copyTree(repo, dir);
}

export function readExpected(scenario: string): Expected {
  const file = join(SCENARIOS_DIR, scenario, 'expected.json');
  const parsed = expectedSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}

export interface SchemaguardRun extends CliResult {
  /** stdout as JSON; throws with stderr when the command printed none */
  json<T = unknown>(): T;
}

/**
 * runCli starts from process.env: a GIT_* variable of the outer process (tests run from a git hook get
 * GIT_INDEX_FILE) would point the CLI at another repository, so those are unset (spawn drops undefined values).
 */
function isolatedEnv(repo: TestRepo, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const unset = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('GIT_')).map((k) => [k, undefined]));
  return { ...unset, ...repo.env, ...extra };
}

/** The built CLI in the repository, with the repository's hermetic environment. */
export function schemaguard(repo: TestRepo, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): SchemaguardRun {
  const result = runCli(args, { cwd: options.cwd ?? repo.dir, env: isolatedEnv(repo, options.env), input: options.input ?? '' });
  return {
    ...result,
    json<T>() {
      try {
        return JSON.parse(result.stdout) as T;
      } catch {
        throw new Error(`schemaguard ${args.join(' ')} exited ${result.status} without JSON:\n${result.stderr}${result.stdout}`);
      }
    },
  };
}

export interface CheckJson {
  compared: string;
  blocked: boolean;
  findings: FindingJson[];
  changes: ChangeJson[];
  notes: string[];
  override: { reason: string; rules: string[] } | null;
}

export interface DiffJson {
  from: string;
  to: string;
  changes: ChangeJson[];
}
