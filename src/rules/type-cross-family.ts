// A change of type family (number -> text, text -> uuid) breaks casts and comparisons downstream.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { typeChanges, typeFinding } from './type-changes.js';

export const typeCrossFamily = defineRule({
  id: 'type-cross-family',
  defaultSeverity: 'block',
  description: 'Changing a column to another type family breaks casts, joins and comparisons downstream.',
  check: ({ changes }) =>
    typeChanges(changes, 'cross-family').map((typed) =>
      typeFinding(typed, M.typeCrossFamily(typed.change.table, typed.change.column, typed.typeChange.from, typed.typeChange.to), M.typeCrossFamilyHelp),
    ),
});
