// argv -> command -> exit code. The only module that touches process.* and the console.
import { readFileSync } from 'node:fs';
import { run } from './run.js';

export async function main(argv: string[]): Promise<void> {
  const { exitCode } = await run(argv, {
    stdout: { write: (t) => void process.stdout.write(t) },
    stderr: { write: (t) => void process.stderr.write(t) },
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => (process.stdin.isTTY ? '' : readFileSync(0, 'utf8')),
    isTTY: Boolean(process.stdout.isTTY),
  });
  process.exitCode = exitCode;
}
