// `schemaguard impact TABLE[.COLUMN]`: what reads it downstream, with owners, as text, JSON or Mermaid.
import { relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import kleur from 'kleur';
import { loadConfig } from '../../config/load.js';
import { loadSnapshot, resolveTarget, snapshotWarnings } from '../../lineage/impact.js';
import { impactReport, type ImpactReport } from '../../lineage/impact-report.js';
import { LineageInputError } from '../../lineage/json-text.js';
import { LINEAGE_MESSAGES as M } from '../../lineage/messages.js';
import { renderImpactJson } from '../../report/impact-json.js';
import { renderImpactMermaid } from '../../report/impact-mermaid.js';
import { renderImpactText } from '../../report/impact-text.js';
import { EXIT } from '../context.js';
import { UserError } from '../errors.js';
import type { ContextFactory, SetExit } from './index.js';

const RENDERERS = { text: renderImpactText, json: renderImpactJson, mermaid: renderImpactMermaid } as const;
type Format = keyof typeof RENDERERS;

export function registerImpact(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('impact')
    .description('print what reads a table or column downstream (dbt models, dashboards, jobs) and who owns it')
    .argument('<target>', 'TABLE, TABLE.COLUMN or SCHEMA.TABLE.COLUMN, as SQLAlchemy names them')
    .addOption(new Option('--format <format>', 'output format').choices(Object.keys(RENDERERS)).default('text'))
    .action(async (target: string, options: { format: Format }) => {
      const ctx = context();
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
      ctx.stdout.write(RENDERERS[options.format](report));
      setExit(EXIT.pass);
    });
}
