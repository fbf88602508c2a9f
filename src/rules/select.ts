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

/** A table's column list, as one key. */
export const uniqueKey = (table: TableRef, columns: readonly string[]): string => JSON.stringify([qualified(table), columns]);

/**
 * The column lists unique on each side of the change (`before` / `after`), from the unique constraints and unique
 * indexes it drops and adds: one dropped and added again under another name (a naming convention change) is no news.
 */
export function uniqueChanges(changes: readonly SchemaChange[]): { dropped: Set<string>; added: Set<string> } {
  const dropped = [
    ...ofKind(changes, 'drop-unique').map((c) => uniqueKey(c.table, c.before.columns)),
    ...ofKind(changes, 'drop-index').filter((c) => c.before.unique).map((c) => uniqueKey(c.table, c.before.columns)),
  ];
  const added = [
    ...ofKind(changes, 'add-unique').map((c) => uniqueKey(c.table, c.after.columns)),
    ...ofKind(changes, 'add-index').filter((c) => c.after.unique).map((c) => uniqueKey(c.table, c.after.columns)),
  ];
  return { dropped: new Set(dropped), added: new Set(added) };
}
