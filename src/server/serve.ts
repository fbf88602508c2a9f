// The resident server: keeps the CLI's code, V8's compiled code and the Python grammar loaded between hook runs.
import { chmodSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { dirname } from 'node:path';
import type { Resident } from '../check/resident.js';
import { run } from '../cli/run.js';
import type { ServerReply, ServerRequest } from './protocol.js';

/** How often the server checks that its socket is still its own (a deleted cache dir, or another server). */
const WATCH_MS = 2000;

export interface ServeOptions {
  socket: string;
  idleMs: number;
}

/** Listens until idle for `idleMs`, or until the socket file is removed or taken over; resolves when closed. */
export async function serve(options: ServeOptions): Promise<void> {
  await warmUp();
  mkdirSync(dirname(options.socket), { recursive: true, mode: 0o700 });
  // one check at a time: checks of one repository share its caches, and two would only compete for two cores
  let queue = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  const deferred: Promise<unknown>[] = [];
  const resident: Resident = { caches: new Map(), defer: (work) => void deferred.push(work) };
  const drain = async (): Promise<void> => {
    await Promise.allSettled(deferred.splice(0));
  };
  // half-open: the client ends its side once the request is sent, and still reads the reply
  const server = createServer({ allowHalfOpen: true }, (conn) => {
    clearTimeout(idle);
    const request = readRequest(conn);
    queue = queue
      .then(() => answer(conn, request, resident))
      .then(drain)
      .finally(rearm);
  });
  if (!(await listen(server, options.socket))) return;
  chmodSync(options.socket, 0o600);
  const inode = statSync(options.socket).ino;
  const close = (): void => {
    clearInterval(watch);
    clearTimeout(idle);
    server.close();
    if (isOwnSocket(options.socket, inode)) unlinkSync(options.socket);
  };
  function rearm(): void {
    clearTimeout(idle);
    idle = setTimeout(close, options.idleMs);
  }
  const watch = setInterval(() => {
    if (!isOwnSocket(options.socket, inode)) close();
  }, WATCH_MS);
  rearm();
  await new Promise((resolve) => server.on('close', resolve));
}

/** Loads what a check with a model change needs, so the first one served is already fast. */
async function warmUp(): Promise<void> {
  const [{ loadPythonParser }] = await Promise.all([import('../python/parser.js'), import('../check/judge.js'), import('../extract/index.js')]);
  await loadPythonParser();
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

function isOwnSocket(socket: string, inode: number): boolean {
  try {
    return statSync(socket).ino === inode;
  } catch {
    return false;
  }
}

async function answer(conn: Socket, pending: Promise<ServerRequest | null>, resident: Resident): Promise<void> {
  const request = await pending;
  if (request === null) {
    conn.destroy();
    return;
  }
  const out: string[] = [];
  const err: string[] = [];
  const { exitCode } = await run(request.argv, {
    stdout: { write: (t) => void out.push(t) },
    stderr: { write: (t) => void err.push(t) },
    env: request.env,
    cwd: request.cwd,
    readStdin: () => Promise.resolve(''),
    isTTY: request.isTTY,
    resident,
  });
  const reply: ServerReply = { stdout: out.join(''), stderr: err.join(''), exitCode, pid: process.pid };
  conn.end(JSON.stringify(reply));
}

function readRequest(conn: Socket): Promise<ServerRequest | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    conn.on('data', (chunk: Buffer) => chunks.push(chunk));
    conn.on('error', () => resolve(null));
    conn.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ServerRequest);
      } catch {
        resolve(null);
      }
    });
  });
}
