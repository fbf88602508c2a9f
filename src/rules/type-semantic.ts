// Same values, different meaning: time zones, JSON -> JSONB, collations.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { typeChanges, typeFinding } from './type-changes.js';

export const typeSemantic = defineRule({
  id: 'type-semantic',
  defaultSeverity: 'warn',
  description: 'A type change that keeps the values but changes their meaning (time zone, JSON to JSONB).',
  check: ({ changes }) =>
    typeChanges(changes, 'semantic').map((typed) =>
      typeFinding(typed, M.typeSemantic(typed.change.table, typed.change.column, typed.typeChange.from, typed.typeChange.to), M.typeCrossFamilyHelp),
    ),
});
