// One request, one reply, each a line of JSON over the server's Unix socket.

export interface ServerRequest {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
}

export interface ServerReply {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** the server's pid, for `--debug` */
  pid: number;
}

/** `check` without the pre-push form (which reads git's stdin) is the only command a server runs. */
export const isServedCommand = (argv: readonly string[]): boolean => argv[0] === 'check' && !argv.includes('--pre-push');
