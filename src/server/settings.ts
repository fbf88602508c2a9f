// Whether checks may use a resident server, and how long one waits for work (env: SCHEMAGUARD_SERVER, ..._IDLE_MS).

/** Ten minutes: a working session's commits reuse one server; an abandoned one is gone soon after. */
const DEFAULT_IDLE_MS = 10 * 60 * 1000;

/**
 * `SCHEMAGUARD_SERVER=0` turns it off, `=1` on; unset, it is on except under CI (a CI job checks once, and a process
 * outliving the job helps nobody) and on Windows (no Unix sockets there).
 */
export function isServerEnabled(env: NodeJS.ProcessEnv): boolean {
  const setting = env.SCHEMAGUARD_SERVER;
  if (setting === '0' || setting === 'false' || process.platform === 'win32') return false;
  if (setting === '1' || setting === 'true') return true;
  return env.CI === undefined || env.CI === '' || env.CI === 'false' || env.CI === '0';
}

export function idleMs(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.SCHEMAGUARD_SERVER_IDLE_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : DEFAULT_IDLE_MS;
}
