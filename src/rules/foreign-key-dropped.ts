// Without the foreign key, readers can no longer trust their joins.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { ofKind, qualified } from './select.js';

export const foreignKeyDropped = defineRule({
  id: 'foreign-key-dropped',
  defaultSeverity: 'warn',
  description: 'Dropping a foreign key lets orphans in: readers can no longer trust their joins.',
  check: ({ changes }) => {
    // a key that goes away with its own column or table is reported by the drop
    const dropped = new Set([
      ...ofKind(changes, 'drop-table').map((c) => qualified(c.table)),
      ...ofKind(changes, 'drop-column').map((c) => qualified(c.table, c.column)),
    ]);
    return ofKind(changes, 'drop-foreign-key')
      .filter((c) => !dropped.has(qualified(c.table)) && !c.before.columns.every((col) => dropped.has(qualified(c.table, col))))
      .map((change) => {
        const { before } = change;
        const target = qualified({ schema: before.referred_schema, name: before.referred_table });
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
