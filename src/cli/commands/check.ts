// `schemaguard check --staged | --base REV [--head REV] | --pre-push`: the hook and CI entry point.
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT } from '../context.js';
import { UserError } from '../errors.js';
import { VERSION } from '../version.js';
import type { ContextFactory, SetExit } from './index.js';

interface CheckFlags {
  staged?: boolean;
  base?: string;
  head?: string;
  prePush?: boolean;
  format: 'text' | 'json' | 'markdown' | 'sarif' | 'github';
  output?: string;
  override?: string;
}

function targetOf(flags: CheckFlags, stdin: () => Promise<string>) {
  const chosen = [flags.staged, flags.base !== undefined || flags.head !== undefined, flags.prePush].filter(Boolean).length;
  if (chosen > 1) throw new UserError('choose one of --staged, --base/--head and --pre-push', 'see schemaguard check --help');
  if (flags.prePush) return stdin().then((input) => ({ kind: 'pre-push' as const, input }));
  if (flags.base !== undefined || flags.head !== undefined) {
    return Promise.resolve({ kind: 'range' as const, ...(flags.base === undefined ? {} : { base: flags.base }), ...(flags.head === undefined ? {} : { head: flags.head }) });
  }
  return Promise.resolve({ kind: 'staged' as const });
}

const BLANK_OVERRIDE = 'schemaguard: the override is empty and is ignored: give the reason it is safe (SCHEMAGUARD_OVERRIDE="..." or --override "...")\n';

export function registerCheck(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('check')
    .description('check staged changes (pre-commit), a commit range (CI) or the refs being pushed (pre-push)')
    .option('--staged', 'compare the index with HEAD (the default)')
    .option('--base <rev>', 'compare from this commit (default: merge base with the upstream or origin/HEAD)')
    .option('--head <rev>', 'compare up to this commit (default: HEAD)')
    .option('--pre-push', "read git's pre-push lines from standard input")
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'markdown', 'sarif', 'github']).default('text'))
    .option('--output <file>', 'write the report to a file instead of standard output')
    .option('--override <reason>', 'let blocked findings pass where contracts allow it; the reason is recorded')
    .argument('[paths...]', 'ignored: the check computes its own staged set (lint-staged passes file names)')
    .action(async (_paths: string[], flags: CheckFlags) => {
      const ctx = context();
      const target = await targetOf(flags, ctx.readStdin);
      const { runCheck } = await import('../../check/run-check.js');
      const reason = flags.override ?? ctx.env.SCHEMAGUARD_OVERRIDE ?? null;
      // an override with no reason is none: said, so that a blank variable is not mistaken for one that worked
      if (reason !== null && reason.trim() === '') ctx.stderr.write(BLANK_OVERRIDE);
      const report = await runCheck({
        cwd: ctx.globals.cwd,
        env: ctx.env,
        target,
        overrideReason: reason === null || reason.trim() === '' ? null : reason,
        now: new Date(),
        toolVersion: VERSION,
        ...(ctx.globals.config === undefined ? {} : { configPath: resolve(ctx.globals.cwd, ctx.globals.config) }),
        ...(ctx.globals.debug ? { trace: (line: string) => ctx.stderr.write(`schemaguard debug: ${line}\n`) } : {}),
        ...(ctx.resident ? { resident: ctx.resident } : {}),
      });
      const { renderReport } = await import('../../report/render.js');
      const text = await renderReport(report, flags.format, { quiet: ctx.globals.quiet, color: ctx.color && flags.output === undefined });
      if (flags.output !== undefined) await writeFile(resolve(ctx.globals.cwd, flags.output), text);
      else ctx.stdout.write(text);
      setExit(report.verdict.blocked ? EXIT.blocked : EXIT.pass);
    });
}
