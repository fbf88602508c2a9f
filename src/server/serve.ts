// The resident server: keeps the CLI's code, V8's compiled code and the Python grammar loaded between hook runs.
import { chmodSync, existsSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { dirname } from 'node:path';
import type { Resident } from '../check/resident.js';
import { run } from '../cli/run.js';
import type { ServerReply, ServerRequest } from './protocol.js';
import { commonDirOfSocket } from './socket-path.js';

/** How often the server checks that its socket is still its own (a deleted cache dir, or another server). */
const WATCH_MS = 2000;
/** How long without a check before the work that can wait (result files) is done. */
const QUIET_MS = 1000;

export interface ServeOptions {
  socket: string;
  idleMs: number;
  /** where the check that started the server ran: the warm-up reads that repository's schemas once */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Listens until idle for `idleMs`, or until the socket file is removed or taken over; resolves when it stops. */
export async function serve(options: ServeOptions): Promise<void> {
  const deferred: Promise<unknown>[] = [];
  const quiet = new Map<string, () => Promise<unknown>>();
  const resident: Resident = {
    caches: new Map(),
    defer: (work) => void deferred.push(work),
    whenQuiet: (key, work) => void quiet.set(key, work),
  };
  const drain = async (): Promise<void> => {
    await Promise.allSettled(deferred.splice(0));
  };
  // set once listening; a server whose socket is gone (its cache dir deleted) writes nothing more into it
  let identity: string | null = null;
  const doQuietWork = async (): Promise<void> => {
    const work = [...quiet.values()];
    quiet.clear();
    if (identity !== null && !isOwnSocket(options.socket, identity)) return;
    await Promise.allSettled(work.map((w) => w()));
  };
  await warmUp(options, resident);
  await drain();
  await doQuietWork();
  // the repository may have gone while this loaded (a test's, a bench's): its directories are not made again
  if (!existsSync(commonDirOfSocket(options.socket))) return;
  mkdirSync(dirname(options.socket), { recursive: true, mode: 0o700 });
  // one check at a time: checks of one repository share its caches, and two would only compete for two cores
  let queue = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  let hush: NodeJS.Timeout | undefined;
  // half-open: the client ends its side once the request is sent, and still reads the reply
  const server = createServer({ allowHalfOpen: true }, (conn) => {
    clearTimeout(idle);
    clearTimeout(hush);
    // queued once read: a connection that sends nothing (another server probing the socket) holds up no check
    void readRequest(conn).then((request) => {
      if (request === null) {
        conn.destroy();
        rearm();
        return;
      }
      // a failed answer closes its connection (the client then checks in-process) and never stalls the queue
      queue = queue
        .then(() => answer(conn, request, resident))
        .catch(() => conn.destroy())
        .then(drain)
        .finally(rearm);
    });
  });
  if (!(await listen(server, options.socket))) return;
  chmodSync(options.socket, 0o600);
  identity = identityOf(options.socket);
  let stopped = (): void => undefined;
  const stop = (): void => {
    clearInterval(watch);
    clearTimeout(idle);
    clearTimeout(hush);
    if (isOwnSocket(options.socket, identity)) {
      server.close();
      void queue.then(doQuietWork).then(stopped);
      return;
    }
    // closing a Unix socket server unlinks its path, and so does a process that ends with the server still open
    // (libuv cleans up its handles): when the path is now another server's, this one finishes the check under way
    // and leaves with process.exit, which skips that clean-up
    void queue.then(() => process.exit(0));
  };
  function rearm(): void {
    clearTimeout(idle);
    clearTimeout(hush);
    idle = setTimeout(stop, options.idleMs);
    hush = setTimeout(() => {
      queue = queue.then(doQuietWork);
    }, QUIET_MS);
  }
  const watch = setInterval(() => {
    if (!isOwnSocket(options.socket, identity)) stop();
  }, WATCH_MS);
  rearm();
  await new Promise<void>((resolve) => {
    stopped = resolve;
  });
}

/**
 * Loads what a check with a model change needs and reads HEAD's and the index's schemas into the kept caches, so
 * the first check served is already fast. `diff` rather than `check`: a check records overrides for the commit-msg
 * hook, and this runs while the commit that started the server may still be going on. The hook's temporary index
 * (`git commit -a`) may be gone by now, so the real one is read; any error only means a colder first check.
 */
async function warmUp(options: ServeOptions, resident: Resident): Promise<void> {
  const [{ loadPythonParser }] = await Promise.all([import('../python/parser.js'), import('../check/judge.js'), import('../extract/index.js')]);
  await loadPythonParser();
  const env = { ...options.env };
  delete env.GIT_INDEX_FILE;
  const ignore = { write: () => undefined };
  await run(['diff', 'HEAD', ':staged', '--format', 'json'], { stdout: ignore, stderr: ignore, env, cwd: options.cwd, readStdin: () => Promise.resolve(''), isTTY: false, resident });
}

/** False when another live server holds the socket; a stale socket file (its server died) is replaced. */
async function listen(server: ReturnType<typeof createServer>, socket: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
      server.once('error', resolve);
      server.listen(socket, () => resolve(null));
    });
    if (error === null) return true;
    if (error.code !== 'EADDRINUSE' || (await isAlive(socket))) return false;
    unlinkSync(socket);
  }
  return false;
}

function isAlive(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(socket);
    probe.on('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.on('error', () => resolve(false));
  });
}

/** Inode and change time: an inode number alone is soon reused once a deleted cache dir's socket is replaced. */
function identityOf(socket: string): string | null {
  try {
    const info = statSync(socket, { bigint: true });
    return `${info.dev}:${info.ino}:${info.ctimeNs}`;
  } catch {
    return null;
  }
}

function isOwnSocket(socket: string, identity: string | null): boolean {
  return identity !== null && identityOf(socket) === identity;
}

async function answer(conn: Socket, request: ServerRequest, resident: Resident): Promise<void> {
  const out: string[] = [];
  const err: string[] = [];
  const { exitCode } = await run(request.argv, {
    stdout: { write: (t) => void out.push(t) },
    stderr: { write: (t) => void err.push(t) },
    env: request.env,
    cwd: request.cwd,
    readStdin: () => Promise.resolve(request.stdin ?? ''),
    isTTY: request.isTTY,
    resident,
  });
  const reply: ServerReply = { stdout: out.join(''), stderr: err.join(''), exitCode, pid: process.pid };
  conn.end(JSON.stringify(reply));
}

/** A client that neither sends its request nor closes within this is dropped (it would hold the queue). */
const REQUEST_TIMEOUT_MS = 10_000;

function readRequest(conn: Socket): Promise<ServerRequest | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    conn.setTimeout(REQUEST_TIMEOUT_MS, () => conn.destroy());
    conn.on('data', (chunk: Buffer) => chunks.push(chunk));
    conn.on('error', () => resolve(null));
    conn.on('close', () => resolve(null));
    conn.on('end', () => {
      // the request is in: the check may take its time
      conn.setTimeout(0);
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ServerRequest);
      } catch {
        resolve(null);
      }
    });
  });
}
