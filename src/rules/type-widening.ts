// A wider type keeps old values; only readers with fixed-size targets care, so it informs unless a contract pins the type.
import { contractsFor } from '../config/match.js';
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { isSizeOrTypeChange, typeChanges } from './type-changes.js';

export const typeWidening = defineRule({
  id: 'type-widening',
  defaultSeverity: 'info',
  description: 'Widening a column type keeps every old value; it warns when a contract pins the column.',
  check: ({ changes, config }) =>
    typeChanges(changes, 'widening')
      .filter(isSizeOrTypeChange)
      .map(({ change, typeChange }) => ({
        message: M.typeWidening(change.table, change.column, typeChange.from, typeChange.to),
        help: M.typeWideningHelp,
        // widening loses nothing: it never escalates like the other type changes
        category: 'addition',
        change,
        table: change.table,
        column: change.column,
        source: change.source,
        ...(contractsFor(config, change.table, change.column).length > 0 ? { severity: 'warn' as const } : {}),
      })),
});
