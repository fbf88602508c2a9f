// What `schemaguard impact` shows, as data: the consumers and the downstream tree, for the pure renderers.
import { consumersOf, findTable, isColumnLevelKnown, readersOf, type ImpactTarget } from './impact.js';
import { displayTable } from './matching.js';
import type { Consumer, LineageSnapshot, TableReader } from './types.js';

export interface ImpactTreeNode {
  consumer: Consumer;
  /** for the direct readers of the table: what they read */
  reader?: TableReader;
  children: ImpactTreeNode[];
  /** the node was already shown higher up in the tree; its subtree is not repeated */
  repeated: boolean;
}

export interface ImpactReport {
  /** `users.email`, `billing.invoices` */
  target: string;
  table: ImpactTarget['table'];
  column: string | null;
  /** the snapshot has this table (some source reports readers of it) */
  known: boolean;
  columnLevelKnown: boolean;
  generatedAt: string;
  partial: boolean;
  consumers: Consumer[];
  roots: ImpactTreeNode[];
}

export function impactReport(snapshot: LineageSnapshot, target: ImpactTarget): ImpactReport {
  const consumers = consumersOf(snapshot, target.table, target.column);
  const byId = new Map(consumers.map((c) => [c.id, c]));
  const children = new Map(snapshot.nodes.map((n) => [n.id, n.children]));
  const shown = new Set<string>();
  const grow = (consumer: Consumer, reader?: TableReader): ImpactTreeNode => {
    const repeated = shown.has(consumer.id);
    shown.add(consumer.id);
    const kids = repeated ? [] : (children.get(consumer.id) ?? []).flatMap((id) => byId.get(id) ?? []);
    return { consumer, ...(reader ? { reader } : {}), children: kids.map((kid) => grow(kid)), repeated };
  };
  const roots = readersOf(snapshot, target.table, target.column).flatMap((reader) => {
    const consumer = byId.get(reader.node);
    return consumer ? [grow(consumer, reader)] : [];
  });
  const table = displayTable(target.table);
  return {
    target: target.column === undefined ? table : `${table}.${target.column}`,
    table: target.table,
    column: target.column ?? null,
    known: findTable(snapshot, target.table) !== undefined,
    columnLevelKnown: isColumnLevelKnown(snapshot, target.table),
    generatedAt: snapshot.generated_at,
    partial: snapshot.partial,
    consumers,
    roots,
  };
}
