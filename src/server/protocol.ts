// One request, one reply, each a line of JSON over the server's Unix socket.

export interface ServerRequest {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** standard input, read by the client for `check --pre-push` (git's ref lines) */
  stdin?: string;
}

export interface ServerReply {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** the server's pid, for `--debug` */
  pid: number;
}

/** `check`, in all its forms, is the only command a server runs. */
export const isServedCommand = (argv: readonly string[]): boolean => argv[0] === 'check';

/** The one served form that reads standard input. */
export const readsStdin = (argv: readonly string[]): boolean => argv.includes('--pre-push');
