// Tables a partial scan does not build (see scan-scope.ts), as the whole extraction gave them: a foreign key
// to one of them still names its table and column the same way, and a type-less column still takes its type.
import { tableKey } from '../schema/diff-refs.js';
import type { Column, Schema, Table } from '../schema/types.js';
import type { TableDraft } from './drafts.js';
import type { FkTarget } from './references.js';

export type KnownTables = Map<string, Table>;

/**
 * The whole schema's tables but those declared in `rebuilt` files (scanned, or changed): the scan builds those
 * afresh, and a table the change renamed or dropped there, or a column it renamed, must not be found here either.
 */
export function knownTables(schema: Schema, rebuilt: ReadonlySet<string>): KnownTables {
  return new Map(schema.tables.filter((t) => t.source === null || !rebuilt.has(t.source.file)).map((t) => [tableKey(t), t]));
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
