// `schemaguard diff REV_A REV_B`: prints the schema changes between two revisions.
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT } from '../context.js';
import { VERSION } from '../version.js';
import type { ContextFactory, SetExit } from './index.js';

export function registerDiff(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('diff')
    .description('print the schema changes between two revisions (:staged names the index)')
    .argument('<from>', 'the older revision')
    .argument('<to>', 'the newer revision, or :staged')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (from: string, to: string, flags: { format: 'text' | 'json' }) => {
      const ctx = context();
      const { runDiff } = await import('../../check/run-diff.js');
      const changes = await runDiff({
        cwd: ctx.globals.cwd,
        env: ctx.env,
        from,
        to,
        toolVersion: VERSION,
        ...(ctx.globals.config === undefined ? {} : { configPath: resolve(ctx.globals.cwd, ctx.globals.config) }),
        ...(ctx.resident ? { resident: ctx.resident } : {}),
      });
      const { renderChangesJson, renderChangesText } = await import('../../report/changes.js');
      ctx.stdout.write(flags.format === 'json' ? renderChangesJson(changes, from, to) : renderChangesText(changes, `${from} -> ${to}`));
      setExit(EXIT.pass);
    });
}
