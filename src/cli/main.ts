// argv -> command -> exit code. The only module that touches process.* and the console.
import { readFileSync } from 'node:fs';
import { run } from './run.js';
import { isServerWanted } from '../server/demand.js';
import { idleMs } from '../server/settings.js';
import { startServer } from '../server/start.js';

/** `stdin`: standard input already read (by the server client, for a check that then ran here). */
export async function main(argv: string[], stdin?: string): Promise<void> {
  if (argv[0] === '__serve' && argv[1] !== undefined) {
    const { serve } = await import('../server/serve.js');
    await serve({ socket: argv[1], idleMs: idleMs(process.env), cwd: process.cwd(), env: process.env });
    return;
  }
  const { exitCode } = await run(argv, {
    stdout: { write: (t) => void process.stdout.write(t) },
    stderr: { write: (t) => void process.stderr.write(t) },
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => stdin ?? (process.stdin.isTTY ? '' : readFileSync(0, 'utf8')),
    isTTY: Boolean(process.stdout.isTTY),
  });
  process.exitCode = exitCode;
  if (isServerWanted() && (await startServer(argv, process.cwd(), process.env)) && argv.includes('--debug')) {
    process.stderr.write('schemaguard debug: a resident server starts for the next checks\n');
  }
}
