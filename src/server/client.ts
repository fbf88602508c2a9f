// The hook's side: hand the check to this repository's resident server when one is listening.
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { cacheVersion } from '../check/cache-version.js';
import { VERSION } from '../cli/version.js';
import { isServedCommand, readsStdin, type ServerReply, type ServerRequest } from './protocol.js';
import { isServerEnabled } from './settings.js';
import { findCommonDir, socketPathFor } from './socket-path.js';

/** A server busy longer than this is presumed stuck: the check then runs in this process. */
const REPLY_TIMEOUT_MS = 60_000;

/** The socket a check in `cwd` would use, or null when no server may serve it. */
export async function serverSocket(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  if (!isServedCommand(argv) || !isServerEnabled(env)) return null;
  const commonDir = await findCommonDir(cwd, env);
  return commonDir === null ? null : socketPathFor(commonDir, cacheVersion(VERSION));
}

/**
 * The server's reply, or null when there is no server or it failed before replying: the caller then checks
 * in-process. Nothing is printed here, so a fallback never repeats output.
 */
function askServer(socket: string, request: ServerRequest): Promise<ServerReply | null> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    const conn = connect(socket);
    const finish = (reply: ServerReply | null): void => {
      conn.destroy();
      done(reply);
    };
    conn.setTimeout(REPLY_TIMEOUT_MS, () => finish(null));
    conn.on('connect', () => conn.end(`${JSON.stringify(request)}\n`));
    conn.on('data', (chunk: Buffer) => chunks.push(chunk));
    conn.on('error', () => finish(null));
    conn.on('end', () => finish(parseReply(Buffer.concat(chunks).toString('utf8'))));
  });
}

function parseReply(text: string): ServerReply | null {
  try {
    const reply = JSON.parse(text) as Partial<ServerReply>;
    const isReply = typeof reply.stdout === 'string' && typeof reply.stderr === 'string' && typeof reply.exitCode === 'number';
    return isReply ? (reply as ServerReply) : null;
  } catch {
    return null;
  }
}

/** What bin/ does next: the served check's exit code, or run the CLI itself (with the stdin already read, if any). */
export type ServerOutcome = { exitCode: number } | { stdin?: string };

/**
 * bin/schemaguard.js's first step: runs `check` through the server when one listens. Loaded without the CLI (its own
 * bundle entry), so a served check reads one small file.
 */
export async function runViaServer(argv: string[]): Promise<ServerOutcome> {
  const socket = await serverSocket(argv, process.cwd(), process.env);
  if (socket === null || !existsSync(socket)) return {};
  // read once: a check that falls back to this process gets the same lines
  const stdin = readsStdin(argv) ? (process.stdin.isTTY ? '' : readFileSync(0, 'utf8')) : undefined;
  const request = { argv, cwd: process.cwd(), env: process.env, isTTY: Boolean(process.stdout.isTTY), ...(stdin === undefined ? {} : { stdin }) };
  const reply = await askServer(socket, request);
  if (reply === null) return stdin === undefined ? {} : { stdin };
  process.stdout.write(reply.stdout);
  process.stderr.write(reply.stderr);
  if (argv.includes('--debug')) process.stderr.write(`schemaguard debug: served by the resident server (pid ${reply.pid})\n`);
  return { exitCode: reply.exitCode };
}
