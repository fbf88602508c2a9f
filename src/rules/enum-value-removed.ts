// Removing an enum value breaks rows that hold it and readers that filter on it.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { createdTables, ofKind, qualified } from './select.js';

export const enumValueRemoved = defineRule({
  id: 'enum-value-removed',
  defaultSeverity: 'block',
  description: 'Removing a value from an enum breaks existing rows holding it and readers that filter on it.',
  check: ({ changes }) => {
    const created = createdTables(changes);
    return ofKind(changes, 'modify-column')
      .filter((change) => (change.removedValues?.length ?? 0) > 0 && !created.has(qualified(change.table)))
      .map((change) => ({
        message: M.enumValueRemoved(change.table, change.column, change.removedValues ?? []),
        help: M.enumValueRemovedHelp,
        category: 'type',
        change,
        table: change.table,
        column: change.column,
        source: change.source,
      }));
  },
});
