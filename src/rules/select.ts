// Typed selection of changes and the names rules print.
import type { Config, Contract } from '../config/schema.js';
import type { SchemaChange, SchemaChangeKind, TableRef } from '../schema/changes.js';

export type ChangeOf<K extends SchemaChangeKind> = Extract<SchemaChange, { kind: K }>;

export function ofKind<K extends SchemaChangeKind>(changes: readonly SchemaChange[], kind: K): ChangeOf<K>[] {
  return changes.filter((change): change is ChangeOf<K> => change.kind === kind);
}

/** `billing.invoices` or `users`, with `.column` when given. */
export function qualified(table: TableRef, column?: string): string {
  const name = table.schema === null ? table.name : `${table.schema}.${table.name}`;
  return column === undefined ? name : `${name}.${column}`;
}

/** Tables the same change creates: nothing in them can break a reader yet. */
export function createdTables(changes: readonly SchemaChange[]): Set<string> {
  return new Set(ofKind(changes, 'add-table').map((change) => qualified(change.table)));
}

/** How a contract is named to people: its `name`, else its place in the config. */
export function contractLabel(config: Config, contract: Contract): string {
  return contract.name ?? `contracts[${config.contracts.indexOf(contract)}]`;
}
