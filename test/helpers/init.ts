// Runs `schemaguard init` in-process through the real CLI shell (src/cli/run.ts), in a test repository.
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../../src/cli/run.js';
import type { TestRepo } from './git-repo.js';

export interface InitResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runInit(repo: TestRepo, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<InitResult> {
  let stdout = '';
  let stderr = '';
  const { exitCode } = await run(['init', ...args], {
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    env: { ...repo.env, NO_COLOR: '1', ...env },
    cwd: repo.dir,
    readStdin: async () => '',
    isTTY: false,
  });
  return { exitCode, stdout, stderr };
}

export const read = (repo: TestRepo, file: string): string => readFileSync(join(repo.dir, file), 'utf8');
export const has = (repo: TestRepo, file: string): boolean => existsSync(join(repo.dir, file));
export const isExecutable = (repo: TestRepo, file: string): boolean => (statSync(join(repo.dir, file)).mode & 0o111) !== 0;

/** A hook as git finds it: written and made executable. */
export function writeHook(repo: TestRepo, file: string, text: string): void {
  repo.write(file, text);
  chmodSync(join(repo.dir, file), 0o755);
}

/** Every file under the given paths with its text, to compare before and after a second run. */
export function snapshot(repo: TestRepo, files: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(files.map((file) => [file, has(repo, file) ? read(repo, file) : null]));
}
