// The report people read in their terminal after `git commit`.
import kleur from 'kleur';
import type { Finding } from '../engine/types.js';
import { findingFacts, isOverridable, location } from './finding-lines.js';
import { REPORT_MESSAGES as M } from './messages.js';
import type { CheckReport } from './types.js';

// Built per call: kleur reads `kleur.enabled` (NO_COLOR, --no-color) when it paints, not at import.
const mark = (severity: Finding['severity']): string =>
  severity === 'block' ? kleur.red('✖ block') : severity === 'warn' ? kleur.yellow('⚠ warn ') : kleur.cyan('ℹ info ');

export function renderText(report: CheckReport, options: { quiet?: boolean } = {}): string {
  const { verdict } = report;
  const shown = options.quiet ? verdict.findings.filter((f) => f.severity === 'block') : verdict.findings;
  const out: string[] = [];
  if (report.changes.length === 0 && verdict.findings.length === 0) {
    return options.quiet ? '' : `${kleur.green('✔')} ${M.noSchemaChange(report.compared)}\n`;
  }
  if (!options.quiet) out.push(kleur.bold(M.header(report.compared, report.changes.length)), '');
  for (const finding of shown) out.push(...findingBlock(finding), '');
  if (!options.quiet) {
    if (report.notes.length > 0) out.push(...report.notes.map((note) => kleur.dim(`note: ${note}`)), '');
    out.push(...notifyBlock(report));
  }
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

function findingBlock(finding: Finding): string[] {
  const facts = findingFacts(finding);
  const status = finding.suppressed !== null ? kleur.dim(` (suppressed: ${finding.suppressed.reason})`) : finding.overridden ? kleur.dim(' (overridden)') : '';
  const lines = [`${mark(finding.severity)}  ${kleur.bold(finding.ruleId)}  ${kleur.dim(location(finding))}${status}`, `  ${finding.message}`];
  for (const contract of facts.contracts) lines.push(`  ${kleur.magenta('contract')}   ${contract}`);
  for (const consumer of facts.consumers) lines.push(`  ${kleur.magenta('downstream')} ${consumer}`);
  for (const why of facts.adjustments) lines.push(`  ${kleur.dim(`severity   ${why}`)}`);
  if (finding.severity !== 'info') lines.push(`  ${kleur.green('what to do')}  ${finding.help}`);
  if (finding.severity === 'block' && finding.suppressed === null && !finding.overridden && !finding.canOverride) {
    lines.push(`  ${kleur.red(M.noOverride)}`);
  }
  return lines;
}

function notifyBlock(report: CheckReport): string[] {
  const { notifications } = report.verdict;
  if (notifications.length === 0) return [];
  const lines = [kleur.bold(M.notifyHeader(notifications.map((n) => n.owner)))];
  for (const n of notifications) lines.push('', kleur.dim(`--- to ${n.owner} ---`), n.message);
  return [...lines, ''];
}

function summaryLine(report: CheckReport): string {
  const { verdict } = report;
  const count = (s: string) => verdict.findings.filter((f) => f.severity === s && f.suppressed === null && !f.overridden).length;
  if (verdict.blocked) {
    return `${kleur.red().bold(M.blocked(count('block'), count('warn')))}\n${isOverridable(verdict) ? M.howToOverride : M.overrideForbidden}`;
  }
  if (verdict.override !== null) return kleur.yellow(M.overridden(verdict.override.reason, verdict.override.rules));
  return kleur.green(M.passed(count('warn'), count('info')));
}
