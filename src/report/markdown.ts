// A pull-request / job-summary comment.
import type { Finding } from '../engine/types.js';
import { findingFacts, isOverridable, location } from './finding-lines.js';
import { REPORT_MESSAGES as M } from './messages.js';
import type { CheckReport } from './types.js';

const ICON = { block: '⛔', warn: '⚠️', info: 'ℹ️' } as const;

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function renderMarkdown(report: CheckReport): string {
  const { verdict } = report;
  const out = [`## schemaguard: ${verdict.blocked ? 'blocked' : verdict.override !== null ? 'passed with override' : 'passed'}`, ''];
  out.push(`Compared ${cell(report.compared)}: ${report.changes.length} schema change(s), ${verdict.findings.length} finding(s).`, '');
  if (verdict.findings.length > 0) {
    out.push('| | rule | where | what | who |', '|---|---|---|---|---|');
    for (const f of verdict.findings) out.push(row(f));
    out.push('');
    for (const f of verdict.findings.filter((x) => x.severity !== 'info')) out.push(...details(f));
  }
  if (verdict.override !== null) out.push(`**Override** (${verdict.override.rules.join(', ')}): ${cell(verdict.override.reason)}`, '');
  for (const note of report.notes) out.push(`> ${cell(note)}`);
  if (verdict.blocked) out.push('', isOverridable(report.verdict) ? M.howToOverrideMarkdown : M.overrideForbidden);
  return `${out.join('\n').trimEnd()}\n`;
}

function row(f: Finding): string {
  const status = f.suppressed !== null ? ' (suppressed)' : f.overridden ? ' (overridden)' : '';
  const who = findingFacts(f).owners.join(', ');
  return `| ${ICON[f.severity]} ${f.severity}${status} | \`${f.ruleId}\` | ${location(f) === '' ? '' : `\`${location(f)}\``} | ${cell(f.message)} | ${cell(who)} |`;
}

function details(f: Finding): string[] {
  const facts = findingFacts(f);
  const lines = ['<details>', `<summary>${cell(f.message)}</summary>`, ''];
  for (const c of facts.contracts) lines.push(`- contract: ${cell(c)}`);
  for (const c of facts.consumers) lines.push(`- downstream: ${cell(c)}`);
  lines.push(`- safe path: ${cell(f.help)}`, '', '</details>', '');
  return lines;
}
