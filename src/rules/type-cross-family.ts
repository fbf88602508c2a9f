// A change of type family (number -> text, text -> uuid) breaks casts and comparisons downstream.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { typeChanges } from './type-changes.js';

export const typeCrossFamily = defineRule({
  id: 'type-cross-family',
  defaultSeverity: 'block',
  description: 'Changing a column to another type family breaks casts, joins and comparisons downstream.',
  check: ({ changes }) =>
    typeChanges(changes, 'cross-family').map(({ change, typeChange }) => ({
      message: M.typeCrossFamily(change.table, change.column, typeChange.from, typeChange.to),
      help: M.typeCrossFamilyHelp,
      category: 'type',
      change,
      table: change.table,
      column: change.column,
      source: change.source,
    })),
});
