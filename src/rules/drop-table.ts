// A dropped table breaks every reader.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { ofKind } from './select.js';

export const dropTable = defineRule({
  id: 'drop-table',
  defaultSeverity: 'block',
  description: 'Dropping a table breaks every query, model and dashboard that reads it.',
  check: ({ changes }) =>
    ofKind(changes, 'drop-table').map((change) => ({
      message: M.dropTable(change.table),
      help: change.hint === undefined ? M.dropTableHelp : `${M.dropTableHelp} ${change.hint}`,
      category: 'drop',
      change,
      table: change.table,
      source: change.source,
    })),
});
