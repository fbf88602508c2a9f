// Tables a partial scan does not build (see scan-scope.ts), as the whole extraction gave them: a foreign key
// to one of them still names its table and column the same way, and a type-less column still takes its type.
import { tableKey } from '../schema/diff-refs.js';
import type { Column, Schema, Table } from '../schema/types.js';
import type { TableDraft } from './drafts.js';
import type { FkTarget } from './references.js';

export type KnownTables = Map<string, Table>;

export function knownTables(schema: Schema): KnownTables {
  return new Map(schema.tables.map((t) => [tableKey(t), t]));
}

/** `ForeignKey("table.col")` against the known tables, in the referring table's MetaData schema by default. */
export function knownTarget(known: KnownTables, from: TableDraft, spec: string): (FkTarget & { known: Column }) | undefined {
  const parts = spec.split('.');
  const column = parts.pop() ?? '';
  const tableName = parts.pop() ?? '';
  const table = known.get(tableKey({ schema: parts.length > 0 ? parts.join('.') : from.meta.schema, name: tableName }));
  const hit = table?.columns.find((c) => c.key === column) ?? table?.columns.find((c) => c.name === column);
  return table && hit ? { schema: table.schema, table: table.name, column: hit.name, known: hit } : undefined;
}
