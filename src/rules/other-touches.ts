// Non-additive changes no dedicated rule reports: the contract and downstream rules cover these.
import type { SchemaChange, TableRef } from '../schema/changes.js';
import type { ColumnFk, SourceRef } from '../schema/types.js';
import { createdTables, ofKind, qualified, uniqueChanges, uniqueKey, type ChangeOf } from './select.js';

export interface Touch {
  change: SchemaChange;
  table: TableRef;
  column?: string;
  source: SourceRef | null;
  what: string;
}

// Aspects that change what readers or writers see; comments and plain indexes do not.
const READER_ASPECTS = new Set(['default', 'server_default', 'foreign_keys']);

/** Dropped columns, qualified: a constraint that goes away with its columns is part of the drop, not news. */
function droppedColumns(changes: readonly SchemaChange[]): Set<string> {
  return new Set(ofKind(changes, 'drop-column').map((change) => qualified(change.table, change.column)));
}

function goesWithDroppedColumns(change: SchemaChange, dropped: Set<string>): boolean {
  if (change.kind === 'drop-unique') return change.before.columns.every((column) => dropped.has(qualified(change.table, column)));
  if (change.kind === 'drop-check') {
    const words = change.before.sqltext.split(/\W+/);
    return words.some((word) => dropped.has(qualified(change.table, word)));
  }
  return false;
}

/** Columns whose own foreign keys changed: a key added on them is told on each column, not again for the table. */
function columnsWithNewKeys(changes: readonly SchemaChange[]): Set<string> {
  const touched = ofKind(changes, 'modify-column').filter((change) => change.changes.includes('foreign_keys'));
  return new Set(touched.map((change) => qualified(change.table, change.column)));
}

const checkKey = (table: TableRef, sql: string) => JSON.stringify([qualified(table), sql]);
/** A foreign key but for its name. */
const keyLink = (table: TableRef, fk: ColumnFk) => JSON.stringify([qualified(table), { ...fk, name: null }]);

/** A check dropped and added again with the same SQL (renamed): neither side is news. */
function renamedChecks(changes: readonly SchemaChange[]): Set<string> {
  const dropped = new Set(ofKind(changes, 'drop-check').map((c) => checkKey(c.table, c.before.sqltext)));
  return new Set(ofKind(changes, 'add-check').map((c) => checkKey(c.table, c.after.sqltext)).filter((key) => dropped.has(key)));
}

/** A foreign key dropped and added again the same but for its name. */
function renamedKeys(changes: readonly SchemaChange[]): Set<string> {
  const dropped = new Set(ofKind(changes, 'drop-foreign-key').map((c) => keyLink(c.table, c.before)));
  return new Set(ofKind(changes, 'add-foreign-key').map((c) => keyLink(c.table, c.after)).filter((key) => dropped.has(key)));
}

export function otherTouches(changes: readonly SchemaChange[]): Touch[] {
  const created = createdTables(changes);
  const dropped = droppedColumns(changes);
  const keyed = columnsWithNewKeys(changes);
  const { added: uniqueAfter } = uniqueChanges(changes);
  const checks = renamedChecks(changes);
  const keys = renamedKeys(changes);
  const isRenamedCheck = (table: TableRef, sql: string) => checks.has(checkKey(table, sql));
  const touches: Touch[] = [];
  for (const change of changes) {
    if (change.kind === 'invalid-rename-declaration' || created.has(qualified(change.table)) || goesWithDroppedColumns(change, dropped)) continue;
    const base = { change, table: change.table, source: change.source };
    if (change.kind === 'modify-column') {
      const aspects = change.changes.filter((aspect) => READER_ASPECTS.has(aspect));
      if (aspects.length > 0) touches.push({ ...base, column: change.column, what: aspects.join(', ').replaceAll('_', ' ') });
    } else if (change.kind === 'drop-unique' && !uniqueAfter.has(uniqueKey(change.table, change.before.columns))) {
      touches.push({ ...base, what: 'unique constraint dropped' });
    } else if (change.kind === 'drop-check' && !isRenamedCheck(change.table, change.before.sqltext)) {
      touches.push({ ...base, what: 'check constraint dropped' });
    } else if (change.kind === 'add-check' && !isRenamedCheck(change.table, change.after.sqltext)) {
      touches.push({ ...base, what: 'check constraint added' });
    } else if (change.kind === 'add-foreign-key' && !isTold(change, keyed, keys)) {
      touches.push({ ...base, what: 'foreign key added' });
    }
  }
  return touches;
}

/** A key added again but for its name, or on columns whose own change already tells it. */
function isTold(change: ChangeOf<'add-foreign-key'>, keyed: Set<string>, renamed: Set<string>): boolean {
  if (renamed.has(keyLink(change.table, change.after))) return true;
  return change.after.columns.every((column) => keyed.has(qualified(change.table, column)));
}
