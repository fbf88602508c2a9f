// What a command receives from the CLI shell: streams, environment, working directory, globals.
import type { Resident } from '../check/resident.js';

export interface Output {
  write(text: string): void;
}

export interface GlobalOptions {
  config?: string;
  cwd: string;
  quiet: boolean;
  debug: boolean;
}

export interface CommandContext {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  /** standard input as text (pre-push reads git's ref lines from it) */
  readStdin: () => Promise<string>;
  globals: GlobalOptions;
  color: boolean;
  /** set when a resident server runs the command (src/server/) */
  resident?: Resident;
}

/** Exit codes (CLI.md): 0 pass, 1 blocked, 2 usage / configuration / repository / internal error. */
export const EXIT = { pass: 0, blocked: 1, error: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
