// A renamed table is a dropped table for every reader of the old name.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { ofKind, qualified } from './select.js';

export const renameTable = defineRule({
  id: 'rename-table',
  defaultSeverity: 'block',
  description: 'Renaming a table breaks every reader that still uses the old name.',
  check: ({ changes }) =>
    ofKind(changes, 'rename-table').map((change) => ({
      message: M.renameTable(qualified(change.from), change.table),
      help: M.renameTableHelp,
      category: 'rename',
      change,
      table: change.from,
      source: change.source,
    })),
});
