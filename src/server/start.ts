// Starting a repository's server in the background, after a check that had to load the extractor itself.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serverSocket } from './client.js';

/** Both the bundle (dist/bundle/*.cjs) and tsc's output (dist/server/*.js) sit two levels below the package. */
const BIN = fileURLToPath(new URL('../../bin/schemaguard.js', import.meta.url));

/**
 * Detached, with no stdio: the hook returns at once and git does not wait for the server. A server that finds
 * another one listening exits at once, so two hooks racing here leave one. False when none may be started.
 */
export async function startServer(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const socket = await serverSocket(argv, cwd, env);
  if (socket === null || !existsSync(BIN)) return false;
  const child = spawn(process.execPath, [BIN, '__serve', socket], { cwd, env, detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return true;
}
