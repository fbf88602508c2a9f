// Parses argv with commander and runs one command; returns the exit code, never exits.
import { Command, CommanderError } from 'commander';
import { EXIT, type CommandContext, type GlobalOptions, type Output } from './context.js';
import { GitError } from '../git/errors.js';
import { UserError } from './errors.js';
import { VERSION } from './version.js';
import type { Resident } from '../check/resident.js';
import { registerCommands } from './commands/index.js';

export interface RunIo {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  readStdin: () => Promise<string>;
  isTTY: boolean;
  /** given by a resident server: what it keeps between commands */
  resident?: Resident;
}

const EXIT_HELP = `
Exit codes:
  0  pass (warnings allowed)
  1  blocked: a finding at block severity, not overridden
  2  usage, configuration, repository or internal error
`;

export async function run(argv: string[], io: RunIo): Promise<{ exitCode: number }> {
  let exitCode: number = EXIT.pass;
  const program = new Command('schemaguard')
    .description('Stops a SQLAlchemy model change from silently breaking the data stack downstream of it.')
    .version(VERSION, '-v, --version')
    .option('--config <file>', 'configuration file (default: cosmiconfig search from the repository root)')
    .option('--cwd <dir>', 'run as if started in <dir>')
    .option('--quiet', 'print only what blocks')
    .option('--debug', 'print timings and internal details')
    .addHelpText('after', EXIT_HELP)
    .exitOverride()
    .configureOutput({
      writeOut: (t) => io.stdout.write(t),
      writeErr: (t) => io.stderr.write(t),
    });

  const context = (): CommandContext => {
    const g = program.opts<{ config?: string; cwd?: string; quiet?: boolean; debug?: boolean }>();
    const globals: GlobalOptions = {
      cwd: g.cwd ?? io.cwd,
      quiet: Boolean(g.quiet),
      debug: Boolean(g.debug),
      ...(g.config === undefined ? {} : { config: g.config }),
    };
    const color = io.env.NO_COLOR === undefined && io.env.FORCE_COLOR !== '0' && (io.isTTY || Boolean(io.env.FORCE_COLOR));
    return { stdout: io.stdout, stderr: io.stderr, env: io.env, readStdin: io.readStdin, globals, color, ...(io.resident ? { resident: io.resident } : {}) };
  };
  registerCommands(program, context, (code) => {
    exitCode = code;
  });

  const started = performance.now();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    exitCode = reportError(error, io);
  }
  if (program.opts<{ debug?: boolean }>().debug) io.stderr.write(`schemaguard debug: exit ${exitCode} after ${Math.round(performance.now() - started)} ms\n`);
  return { exitCode };
}

function reportError(error: unknown, io: RunIo): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here too, with exit code 0
    return error.exitCode === 0 ? EXIT.pass : EXIT.error;
  }
  if (error instanceof UserError || error instanceof GitError) {
    io.stderr.write(`schemaguard: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  ${error.hint}\n`);
    return EXIT.error;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(
    `schemaguard: internal error (this is a bug; please report it with the lines below)\n` +
      `  schemaguard ${VERSION}, node ${process.version}\n  ${detail}\n`,
  );
  return EXIT.error;
}
