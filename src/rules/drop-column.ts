// A dropped column breaks every reader that still selects it.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { createdTables, ofKind, qualified } from './select.js';

export const dropColumn = defineRule({
  id: 'drop-column',
  defaultSeverity: 'block',
  description: 'Dropping a column breaks every reader that still selects it.',
  check: ({ changes }) => {
    const created = createdTables(changes);
    return ofKind(changes, 'drop-column')
      .filter((change) => !created.has(qualified(change.table)))
      .map((change) => ({
        message: M.dropColumn(change.table, change.column),
        help: change.hint === undefined ? M.dropColumnHelp : `${M.dropColumnHelp} ${change.hint}`,
        category: 'drop',
        change,
        table: change.table,
        column: change.column,
        source: change.source,
      }));
  },
});
