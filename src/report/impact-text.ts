// `schemaguard impact --format text`: the downstream tree with owners, for a terminal.
import kleur from 'kleur';
import type { ImpactReport, ImpactTreeNode } from '../lineage/impact-report.js';
import { LINEAGE_MESSAGES as M } from '../lineage/messages.js';
import type { TableReader } from '../lineage/types.js';

export function renderImpactText(report: ImpactReport): string {
  const out = [kleur.bold(M.impactHeader(report.target, report.consumers.length))];
  if (!report.known) out.push(`  ${M.unknownTable(report.target)}`);
  else if (report.consumers.length === 0) out.push(`  ${M.noConsumers(report.target)}`);
  if (report.known) out.push(kleur.dim(`  ${report.columnLevelKnown ? M.columnLevelKnown : M.columnLevelUnknown}`));
  if (report.partial) out.push(kleur.yellow(`  ${M.partialSnapshotShort}`));
  out.push('');
  for (const root of report.roots) out.push(...branch(root, '', ''));
  return `${out.join('\n').trimEnd()}\n`;
}

function branch(node: ImpactTreeNode, first: string, rest: string): string[] {
  const lines = [`${first}${describe(node)}`];
  node.children.forEach((child, i) => {
    const last = i === node.children.length - 1;
    lines.push(...branch(child, `${rest}${last ? '└─ ' : '├─ '}`, `${rest}${last ? '   ' : '│  '}`));
  });
  return lines;
}

function describe(node: ImpactTreeNode): string {
  const c = node.consumer;
  const parts = [`${c.type} ${kleur.bold(c.name)}${c.kind ? ` (${c.kind})` : ''}`];
  if (node.reader) parts.push(readerText(node.reader));
  if (node.repeated) return `${parts.join('  ')}  ${kleur.dim(M.shownAbove)}`;
  if (c.url) parts.push(c.url);
  parts.push(kleur.dim(c.owners.length > 0 ? M.owners(c.owners) : M.noOwner));
  return parts.join('  ');
}

function readerText(reader: TableReader): string {
  if (reader.level === 'table') return kleur.yellow(M.readsTableLevel(reader.reason));
  if (reader.columns === '*') return M.readsEveryColumn;
  return reader.columns.length === 0 ? M.readsNoColumn : M.readsColumns(reader.columns);
}
