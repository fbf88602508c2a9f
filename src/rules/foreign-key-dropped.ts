// Without the foreign key, readers can no longer trust their joins.
import type { SchemaChange, TableRef } from '../schema/changes.js';
import type { ColumnFk } from '../schema/types.js';
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { ofKind, qualified, type ChangeOf } from './select.js';

const linkOf = (table: TableRef, fk: ColumnFk) =>
  JSON.stringify([qualified(table), fk.columns, fk.referred_schema, fk.referred_table, fk.referred_columns]);

/**
 * Dropped keys that need no finding of their own: those that go away with their own column or table, or
 * with the table or columns they refer to (the drop is reported), and those added again with other
 * options (ondelete, name), which the database replaces but still enforces.
 */
function isExplained(changes: readonly SchemaChange[]): (change: ChangeOf<'drop-foreign-key'>, target: string) => boolean {
  const dropped = new Set([
    ...ofKind(changes, 'drop-table').map((c) => qualified(c.table)),
    ...ofKind(changes, 'drop-column').map((c) => qualified(c.table, c.column)),
  ]);
  const replaced = new Set(ofKind(changes, 'add-foreign-key').map((c) => linkOf(c.table, c.after)));
  const isAllDropped = (table: string, columns: readonly string[]) => columns.every((col) => dropped.has(`${table}.${col}`));
  return (change, target) =>
    replaced.has(linkOf(change.table, change.before)) ||
    dropped.has(qualified(change.table)) ||
    dropped.has(target) ||
    isAllDropped(qualified(change.table), change.before.columns) ||
    isAllDropped(target, change.before.referred_columns);
}

export const foreignKeyDropped = defineRule({
  id: 'foreign-key-dropped',
  defaultSeverity: 'warn',
  description: 'Dropping a foreign key lets orphans in: readers can no longer trust their joins.',
  check: ({ changes }) => {
    const explained = isExplained(changes);
    return ofKind(changes, 'drop-foreign-key')
      .map((change) => ({ change, target: qualified({ schema: change.before.referred_schema, name: change.before.referred_table }) }))
      .filter(({ change, target }) => !explained(change, target))
      .map(({ change, target }) => {
        const { before } = change;
        return {
          message: M.foreignKeyDropped(change.table, before.columns, target),
          help: M.foreignKeyDroppedHelp,
          category: 'constraint' as const,
          change,
          table: change.table,
          ...(before.columns.length === 1 && before.columns[0] !== undefined ? { column: before.columns[0] } : {}),
          source: change.source,
        };
      });
  },
});
