// Runs one git command with the caller's environment and returns its raw stdout.
import { spawn } from 'node:child_process';
import { GitError } from './errors.js';
import { gitMessages } from './messages.js';

/** Options every schemaguard git call carries: never take optional locks (so never rewrite the index
 * behind a hook's back), print paths verbatim (-z output is not quoted, but messages are). */
export const GIT_GLOBAL_ARGS = ['--no-optional-locks', '-c', 'core.quotepath=off'] as const;

export interface GitRunner {
  /** absolute path of the git executable, or 'git' */
  executable: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/** Runs `git <args>`; an exit code outside `okCodes` (default [0]) becomes a GitError with git's own message. */
export function runGit(runner: GitRunner, args: string[], okCodes: readonly number[] = [0]): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(runner.executable, [...GIT_GLOBAL_ARGS, ...args], {
      cwd: runner.cwd,
      env: runner.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new GitError(gitMessages.spawnFailed(error.message))));
    child.on('close', (code) => {
      const exit = code ?? -1;
      const stderr = Buffer.concat(err).toString('utf8');
      if (okCodes.includes(exit)) resolve({ stdout: Buffer.concat(out), stderr, code: exit });
      else reject(commandError(args, stderr));
    });
  });
}

export function commandError(args: readonly string[], stderr: string): GitError {
  const line = firstMessageLine(stderr);
  if (/not a git repository/i.test(line)) {
    return new GitError(line.replace(/^fatal:\s*/, ''), gitMessages.notARepositoryHint);
  }
  return new GitError(gitMessages.commandFailed(args[0] ?? '', line || 'no message'));
}

/** git's first fatal/error line, else its first line: the one that says what went wrong. */
function firstMessageLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? '';
}

/** Splits NUL-terminated output (`-z`) into fields. */
export function splitNul(stdout: Buffer): string[] {
  const text = stdout.toString('utf8');
  const fields = text.split('\0');
  if (fields.at(-1) === '') fields.pop();
  return fields;
}

/** Splits newline-terminated output into non-empty lines. */
export function splitLines(stdout: Buffer): string[] {
  return stdout.toString('utf8').split('\n').filter((line) => line !== '');
}
