// Merges what every source reported into one snapshot, sorted so that its git diffs are readable.
import { tableKey } from './matching.js';
import { SNAPSHOT_VERSION, type LineageFragment, type LineageNode, type LineageSnapshot, type SnapshotSource, type SnapshotTable, type TableReader } from './types.js';

export interface SourceOutcome {
  source: SnapshotSource;
  /** absent when the source failed */
  fragment?: LineageFragment;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function mergeSnapshot(outcomes: readonly SourceOutcome[], generatedAt: Date): LineageSnapshot {
  const nodes = new Map<string, LineageNode>();
  const tables = new Map<string, SnapshotTable>();
  for (const { fragment } of outcomes) {
    if (!fragment) continue;
    for (const node of fragment.nodes) nodes.set(node.id, mergeNode(nodes.get(node.id), node));
    for (const table of fragment.tables) {
      const key = tableKey(table);
      const known = tables.get(key);
      tables.set(key, known ? { ...known, readers: mergeReaders(known.readers, table.readers) } : { ...table, readers: mergeReaders([], table.readers) });
    }
  }
  return canonicalSnapshot({
    version: SNAPSHOT_VERSION,
    generated_at: generatedAt.toISOString(),
    partial: outcomes.some((o) => o.source.status === 'failed'),
    sources: outcomes.map((o) => o.source),
    tables: [...tables.values()],
    nodes: [...nodes.values()].map((n) => ({ ...n, children: n.children.filter((c) => nodes.has(c)) })),
  });
}

/** The same node from two sources (two manifests of one project): union of what each knows. */
function mergeNode(known: LineageNode | undefined, node: LineageNode): LineageNode {
  if (!known) return { ...node, owners: [...node.owners], children: [...node.children] };
  const merged: LineageNode = {
    ...known,
    owners: [...new Set([...known.owners, ...node.owners])],
    children: [...new Set([...known.children, ...node.children])],
  };
  if (merged.url === undefined && node.url !== undefined) merged.url = node.url;
  if (merged.kind === undefined && node.kind !== undefined) merged.kind = node.kind;
  return merged;
}

/** One reader per node: table level wins (it may read anything), then every column, then the union. */
function mergeReaders(known: readonly TableReader[], more: readonly TableReader[]): TableReader[] {
  const byNode = new Map<string, TableReader>();
  for (const reader of [...known, ...more]) {
    const other = byNode.get(reader.node);
    byNode.set(reader.node, other ? combine(other, reader) : reader);
  }
  return [...byNode.values()];
}

function combine(a: TableReader, b: TableReader): TableReader {
  if (a.level === 'table') return a;
  if (b.level === 'table') return b;
  if (a.columns === '*' || b.columns === '*') return { node: a.node, level: 'column', columns: '*' };
  return { node: a.node, level: 'column', columns: [...new Set([...a.columns, ...b.columns])] };
}

/** Fixed key order and sorted lists: the same lineage always serialises to the same text. */
function canonicalSnapshot(snapshot: LineageSnapshot): LineageSnapshot {
  return {
    version: snapshot.version,
    generated_at: snapshot.generated_at,
    partial: snapshot.partial,
    sources: snapshot.sources.map((s) => ({
      id: s.id,
      kind: s.kind,
      location: s.location,
      status: s.status,
      ...(s.fingerprint === undefined ? {} : { fingerprint: s.fingerprint }),
      ...(s.nodes === undefined ? {} : { nodes: s.nodes }),
      ...(s.error === undefined ? {} : { error: s.error }),
    })),
    tables: [...snapshot.tables]
      .sort((a, b) => byString(a.schema ?? '', b.schema ?? '') || byString(a.name, b.name))
      .map((t) => ({ schema: t.schema, name: t.name, readers: [...t.readers].sort((a, b) => byString(a.node, b.node)).map(canonicalReader) })),
    nodes: [...snapshot.nodes].sort((a, b) => byString(a.id, b.id)).map(canonicalNode),
  };
}

function canonicalReader(r: TableReader): TableReader {
  if (r.level === 'table') return { node: r.node, level: 'table', reason: r.reason };
  return { node: r.node, level: 'column', columns: r.columns === '*' ? '*' : [...r.columns].sort(byString) };
}

function canonicalNode(n: LineageNode): LineageNode {
  return {
    id: n.id,
    type: n.type,
    name: n.name,
    ...(n.kind === undefined ? {} : { kind: n.kind }),
    ...(n.url === undefined ? {} : { url: n.url }),
    owners: [...n.owners].sort(byString),
    source: n.source,
    children: [...n.children].sort(byString),
  };
}

export function serializeSnapshot(snapshot: LineageSnapshot): string {
  return `${JSON.stringify(canonicalSnapshot(snapshot), null, 2)}\n`;
}
