// Same values, different meaning: time zones, JSON -> JSONB, collations.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { typeChanges } from './type-changes.js';

export const typeSemantic = defineRule({
  id: 'type-semantic',
  defaultSeverity: 'warn',
  description: 'A type change that keeps the values but changes their meaning (time zone, JSON to JSONB).',
  check: ({ changes }) =>
    typeChanges(changes, 'semantic').map(({ change, typeChange }) => ({
      message: M.typeSemantic(change.table, change.column, typeChange.from, typeChange.to),
      help: M.typeCrossFamilyHelp,
      category: 'type',
      change,
      table: change.table,
      column: change.column,
      source: change.source,
    })),
});
