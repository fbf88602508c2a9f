// A renamed column is a dropped column for every reader of the old name.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { ofKind } from './select.js';

export const renameColumn = defineRule({
  id: 'rename-column',
  defaultSeverity: 'block',
  description: 'Renaming a column breaks every reader that still selects the old name.',
  check: ({ changes }) =>
    ofKind(changes, 'rename-column').map((change) => ({
      message: M.renameColumn(change.table, change.from, change.column),
      help: M.renameColumnHelp,
      category: 'rename',
      change,
      table: change.table,
      column: change.from,
      source: change.source,
    })),
});
