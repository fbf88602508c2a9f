// Readers join, deduplicate and merge on the primary key.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { createdTables, ofKind, qualified } from './select.js';

export const primaryKeyChanged = defineRule({
  id: 'primary-key-changed',
  defaultSeverity: 'warn',
  description: 'Changing a primary key changes the grain readers join, deduplicate and merge on.',
  check: ({ changes }) => {
    const created = createdTables(changes);
    return ofKind(changes, 'primary-key-changed')
      .filter((change) => !created.has(qualified(change.table)))
      .map((change) => ({
        message: M.primaryKeyChanged(change.table, change.before, change.after),
        help: M.primaryKeyChangedHelp,
        category: 'constraint',
        change,
        table: change.table,
        source: change.source,
      }));
  },
});
