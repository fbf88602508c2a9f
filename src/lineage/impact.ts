// Impact queries on a snapshot: who reads a table or column, directly or downstream, and how sure we are.
import { isSameTable } from './matching.js';
import { LINEAGE_MESSAGES } from './messages.js';
import type { Consumer, LineageNode, LineageSnapshot, SnapshotTable, TableName, TableReader } from './types.js';

export { loadSnapshot } from './snapshot-file.js';

export function findTable(snapshot: LineageSnapshot, table: TableName): SnapshotTable | undefined {
  return snapshot.tables.find((t) => isSameTable(t, table));
}

/** The direct readers of a table, or of one column (those reading it, every column, or unknown columns). */
export function readersOf(snapshot: LineageSnapshot, table: TableName, column?: string): TableReader[] {
  const wanted = column?.toLowerCase();
  return (findTable(snapshot, table)?.readers ?? []).filter(
    (r) => wanted === undefined || r.level === 'table' || r.columns === '*' || r.columns.includes(wanted),
  );
}

/**
 * Everything that breaks or changes when the table (or column) changes: the direct readers and all nodes
 * downstream of them, each with the shortest path from its reader. A node reachable from a column-level
 * reader is column level even when a table-level reader also reaches it: it is affected for sure.
 */
export function consumersOf(snapshot: LineageSnapshot, table: TableName, column?: string): Consumer[] {
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const readers = readersOf(snapshot, table, column);
  const reached = new Map<string, Consumer>();
  for (const level of ['column', 'table'] as const) {
    const queue = readers.filter((r) => r.level === level).map((r) => [r.node]);
    while (queue.length > 0) {
      const via = queue.shift() as string[];
      const id = via.at(-1) as string;
      const node = nodes.get(id);
      if (reached.has(id) || node === undefined) continue;
      reached.set(id, toConsumer(node, level, via));
      for (const child of node.children) if (!reached.has(child)) queue.push([...via, child]);
    }
  }
  return [...reached.values()];
}

function toConsumer(node: LineageNode, level: 'column' | 'table', via: string[]): Consumer {
  return {
    id: node.id,
    type: node.type,
    name: node.name,
    ...(node.kind === undefined ? {} : { kind: node.kind }),
    ...(node.url === undefined ? {} : { url: node.url }),
    owners: node.owners,
    level,
    via,
    source: node.source,
  };
}

/**
 * True when the snapshot knows every reader of the table at column level, so "nothing reads column X" is a
 * fact. False for tables it does not know and for partial snapshots, where a failed source may hold readers.
 */
export function isColumnLevelKnown(snapshot: LineageSnapshot, table: TableName): boolean {
  const found = findTable(snapshot, table);
  return found !== undefined && !snapshot.partial && found.readers.every((r) => r.level === 'column');
}

export function snapshotAgeDays(snapshot: LineageSnapshot, now: Date = new Date()): number {
  return (now.getTime() - Date.parse(snapshot.generated_at)) / 86_400_000;
}

export interface ImpactTarget {
  table: TableName;
  column?: string;
}

/**
 * `TABLE`, `TABLE.COLUMN` or `SCHEMA.TABLE.COLUMN`. Two parts are a table and column when the snapshot has
 * that table in the default schema, else a schema and table when it has that one, else a table and column.
 */
export function resolveTarget(snapshot: LineageSnapshot | null, text: string): ImpactTarget | null {
  const parts = text.split('.');
  if (parts.some((p) => p.trim() === '') || parts.length > 3) return null;
  const [a = '', b = '', c = ''] = parts;
  if (parts.length === 1) return { table: { schema: null, name: a } };
  if (parts.length === 3) return { table: { schema: a, name: b }, column: c };
  const known = (table: TableName): boolean => snapshot !== null && findTable(snapshot, table) !== undefined;
  if (!known({ schema: null, name: a }) && known({ schema: a, name: b })) return { table: { schema: a, name: b } };
  return { table: { schema: null, name: a }, column: b };
}

/** What a check or `impact` should warn about before trusting the snapshot: its age and partial writes. */
export function snapshotWarnings(
  snapshot: LineageSnapshot,
  options: { file: string; maxAgeDays: number; now?: Date },
): string[] {
  const warnings: string[] = [];
  const age = snapshotAgeDays(snapshot, options.now);
  if (age > options.maxAgeDays) warnings.push(LINEAGE_MESSAGES.staleSnapshot(options.file, age, options.maxAgeDays));
  if (snapshot.partial) warnings.push(LINEAGE_MESSAGES.partialSnapshot(options.file));
  return warnings;
}

/** The `LineageView` the rules and the engine ask (src/rules/types.ts), over one snapshot. */
export function lineageViewOf(snapshot: LineageSnapshot): {
  consumersOf(table: TableName, column?: string): Consumer[];
  knowsColumns(table: TableName): boolean;
} {
  return {
    consumersOf: (table, column) => consumersOf(snapshot, table, column),
    knowsColumns: (table) => isColumnLevelKnown(snapshot, table),
  };
}
