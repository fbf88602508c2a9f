// `schemaguard impact --format mermaid`: the downstream graph as a Mermaid flowchart for docs and PRs.
import type { ImpactReport, ImpactTreeNode } from '../lineage/impact-report.js';

export function renderImpactMermaid(report: ImpactReport): string {
  const ids = new Map<string, string>();
  const nodeId = (id: string): string => {
    const known = ids.get(id);
    if (known) return known;
    const made = `n${ids.size}`;
    ids.set(id, made);
    return made;
  };
  const lines = ['flowchart LR', `  target[("${escape(report.target)}")]`];
  const edges = new Set<string>();
  const declared = new Set<string>();
  const visit = (node: ImpactTreeNode, parent: string): void => {
    const id = nodeId(node.consumer.id);
    if (!declared.has(id)) {
      declared.add(id);
      const c = node.consumer;
      const owners = c.owners.length > 0 ? `<br/>${escape(c.owners.join(', '))}` : '';
      lines.push(`  ${id}["${escape(`${c.type}: ${c.name}`)}${owners}"]`);
    }
    edges.add(edgeLine(parent, id, node));
    for (const child of node.children) visit(child, id);
  };
  for (const root of report.roots) visit(root, 'target');
  return `${[...lines, ...edges].join('\n')}\n`;
}

function edgeLine(from: string, to: string, node: ImpactTreeNode): string {
  const reader = node.reader;
  if (reader === undefined) return `  ${from} --> ${to}`;
  if (reader.level === 'table') return `  ${from} -. table level .-> ${to}`;
  const label = reader.columns === '*' ? '*' : reader.columns.join(', ');
  return label === '' ? `  ${from} --> ${to}` : `  ${from} -->|"${escape(label)}"| ${to}`;
}

/** Mermaid labels in quotes take entity codes for quotes and angle brackets. */
function escape(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}
