// A column that may now be NULL takes a guarantee away from its readers.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { ofKind } from './select.js';

export const nullableAdded = defineRule({
  id: 'nullable-added',
  defaultSeverity: 'warn',
  description: 'Making a column nullable takes away a guarantee readers rely on (joins, sums, not_null tests).',
  check: ({ changes }) =>
    ofKind(changes, 'modify-column')
      .filter((change) => change.becameNullable)
      .map((change) => ({
        message: M.nullableAdded(change.table, change.column),
        help: M.nullableAddedHelp,
        category: 'nullability',
        change,
        table: change.table,
        column: change.column,
        source: change.source,
      })),
});
