// `schemaguard impact TABLE[.COLUMN]`: what reads it downstream, with owners, as text, JSON or Mermaid.
import { relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import kleur from 'kleur';
import type { ImpactReport } from '../../lineage/impact-report.js';
import { LINEAGE_MESSAGES as M } from '../../lineage/messages.js';
import { EXIT } from '../context.js';
import { UserError } from '../errors.js';
import type { ContextFactory, SetExit } from './index.js';

const FORMATS = ['text', 'json', 'mermaid'] as const;
type Format = (typeof FORMATS)[number];

/** Loaded on use: every command registers at start-up, and a hook's check must not pay for config or lineage. */
async function render(format: Format, report: ImpactReport): Promise<string> {
  if (format === 'json') return (await import('../../report/impact-json.js')).renderImpactJson(report);
  if (format === 'mermaid') return (await import('../../report/impact-mermaid.js')).renderImpactMermaid(report);
  return (await import('../../report/impact-text.js')).renderImpactText(report);
}

export function registerImpact(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('impact')
    .description('print what reads a table or column downstream (dbt models, dashboards, jobs) and who owns it')
    .argument('<target>', 'TABLE, TABLE.COLUMN or SCHEMA.TABLE.COLUMN, as SQLAlchemy names them')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .action(async (target: string, options: { format: Format }) => {
      const ctx = context();
      const [{ loadConfig }, { loadSnapshot, resolveTarget, snapshotWarnings }, { impactReport }, { LineageInputError }] =
        await Promise.all([
          import('../../config/load.js'),
          import('../../lineage/impact.js'),
          import('../../lineage/impact-report.js'),
          import('../../lineage/json-text.js'),
        ]);
      kleur.enabled = ctx.color;
      const { config, rootDir } = await loadConfig({
        cwd: ctx.globals.cwd,
        ...(ctx.globals.config === undefined ? {} : { configPath: ctx.globals.config }),
      });
      const path = resolve(rootDir, config.lineage.snapshot);
      const file = relative(ctx.globals.cwd, path) || path;
      const snapshot = await loadSnapshot(path).catch((error: unknown) => {
        if (error instanceof LineageInputError) throw new UserError(error.message, M.noSnapshotHint);
        throw error;
      });
      if (snapshot === null) throw new UserError(M.noSnapshot(file), M.noSnapshotHint);
      const parsed = resolveTarget(snapshot, target);
      if (parsed === null) throw new UserError(M.badTarget(target));
      for (const warning of snapshotWarnings(snapshot, { file, maxAgeDays: config.lineage.maxAgeDays })) {
        ctx.stderr.write(`${kleur.yellow(`schemaguard: warning: ${warning}`)}\n`);
      }
      const report: ImpactReport = impactReport(snapshot, parsed);
      ctx.stdout.write(await render(options.format, report));
      setExit(EXIT.pass);
    });
}
