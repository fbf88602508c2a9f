// Real git hooks that run this checkout's built CLI, and `git commit` through them, for check tests.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BIN } from './cli.js';
import type { TestRepo } from './git-repo.js';
import { run, type RunResult } from './packed.js';

export type HookName = 'pre-commit' | 'commit-msg';

const COMMANDS: Record<HookName, string> = {
  'pre-commit': 'check --staged',
  'commit-msg': 'commit-msg "$1"',
};

/** The common git dir: hooks live there, so linked worktrees run them too. */
export function commonDir(repo: TestRepo): string {
  const dir = repo.git('rev-parse', '--git-common-dir').trim();
  return isAbsolute(dir) ? dir : join(repo.dir, dir);
}

/** Writes `.git/hooks/<name>` as `node <project>/bin/schemaguard.js ...`, the way a plain-git install runs it. */
export function installHooks(repo: TestRepo, names: readonly HookName[]): void {
  const hooks = join(commonDir(repo), 'hooks');
  mkdirSync(hooks, { recursive: true });
  for (const name of names) {
    const file = join(hooks, name);
    writeFileSync(file, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" ${COMMANDS[name]}\n`);
    chmodSync(file, 0o755);
  }
}

/** `git <args>` in the repository with its hermetic environment; never throws, the exit code is the point. */
export function gitRun(repo: TestRepo, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): RunResult {
  const unset = Object.fromEntries(Object.keys(process.env).filter((k) => k.startsWith('GIT_')).map((k) => [k, undefined]));
  return run('git', args, { cwd: options.cwd ?? repo.dir, env: { ...unset, ...repo.env, NO_COLOR: '1', ...options.env } });
}

export const headOf = (repo: TestRepo): string => repo.git('rev-parse', 'HEAD').trim();
