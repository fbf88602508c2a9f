// `schemaguard sync [--allow-partial]`: refresh the lineage snapshot from the configured sources.
import { relative } from 'node:path';
import type { Command } from 'commander';
import kleur from 'kleur';
import { LINEAGE_MESSAGES as M } from '../../lineage/messages.js';
import type { SyncProgress, SyncResult } from '../../lineage/sync.js';
import { EXIT, type CommandContext } from '../context.js';
import { UserError } from '../errors.js';
import type { ContextFactory, SetExit } from './index.js';

export function registerSync(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('sync')
    .description('fetch lineage from the configured dbt, OpenLineage and file sources into the snapshot')
    .option('--allow-partial', 'when a source fails, write what the others returned, marked partial')
    .action(async (options: { allowPartial?: boolean }) => {
      const ctx = context();
      // loaded here, not at the top: every command registers at start-up, and the hook's check skips config
      const { loadConfig } = await import('../../config/load.js');
      kleur.enabled = ctx.color;
      const { config, rootDir } = await loadConfig({
        cwd: ctx.globals.cwd,
        ...(ctx.globals.config === undefined ? {} : { configPath: ctx.globals.config }),
      });
      if (config.lineage.sources.length === 0) throw new UserError(M.noSources, M.noSourcesHint);
      // loaded here: the SQL parser is large, and every other command (the git hook's check) skips it
      const { syncLineage } = await import('../../lineage/sync.js');
      const result = await syncLineage({
        config,
        rootDir,
        // tokens are read here, at the edge, and only by the names the config gives
        env: (name) => ctx.env[name],
        allowPartial: Boolean(options.allowPartial),
        onProgress: (event) => progress(ctx, event),
      });
      setExit(report(ctx, result));
    });
}

function progress(ctx: CommandContext, event: SyncProgress): void {
  if (event.kind === 'failed') ctx.stderr.write(`${kleur.red(M.progressFailed(event.label, event.error))}\n`);
  else if (ctx.globals.quiet) return;
  else if (event.kind === 'start') ctx.stderr.write(`${kleur.dim(M.progressFetching(event.label))}\n`);
  else ctx.stderr.write(`${kleur.green(M.progressDone(event.label, event.nodes, event.ms))}\n`);
}

function report(ctx: CommandContext, result: SyncResult): number {
  const file = relative(ctx.globals.cwd, result.snapshotPath) || result.snapshotPath;
  const total = result.snapshot.sources.length;
  if (result.written) {
    const ok = total - result.failed.length;
    ctx.stdout.write(`${M.syncWrote(file, result.snapshot.tables.length, result.snapshot.nodes.length, ok)}\n`);
    if (result.failed.length > 0) ctx.stderr.write(`${kleur.yellow(`schemaguard: warning: ${M.syncPartial(result.failed.length)}`)}\n`);
    return EXIT.pass;
  }
  ctx.stderr.write(`schemaguard: ${M.syncFailed(result.failed.length, total)}\n`);
  for (const source of result.failed) ctx.stderr.write(`  ${source.kind} ${source.location}: ${source.error ?? ''}\n`);
  ctx.stderr.write(`  ${result.previous === null ? M.syncNothingKept(file) : M.syncKept(file)}\n`);
  ctx.stderr.write(`  ${result.failed.length === total ? M.syncAllFailedHint : M.syncFailedHint}\n`);
  return EXIT.error;
}
