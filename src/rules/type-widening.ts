// A wider type keeps old values; only readers with fixed-size targets care, so it informs unless a contract pins the type.
import { contractsFor } from '../config/match.js';
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { isSizeOrTypeChange, typeChanges, typeFinding } from './type-changes.js';

export const typeWidening = defineRule({
  id: 'type-widening',
  defaultSeverity: 'info',
  description: 'Widening a column type (or adding enum values) keeps every old value; it warns when a contract pins the column.',
  check: ({ changes, config }) =>
    typeChanges(changes, 'widening').map((typed) => {
      const { change, typeChange } = typed;
      // an enum that only gains values: readers that map or test the accepted values meet new ones
      const added = isSizeOrTypeChange(typed) ? [] : (change.addedValues ?? []);
      const message =
        added.length > 0 ? M.enumValuesAdded(change.table, change.column, added) : M.typeWidening(change.table, change.column, typeChange.from, typeChange.to);
      // widening loses nothing: it never escalates like the other type changes
      const finding = typeFinding(typed, message, added.length > 0 ? M.enumValuesAddedHelp : M.typeWideningHelp, 'addition');
      return contractsFor(config, change.table, change.column).length > 0 ? { ...finding, severity: 'warn' as const } : finding;
    }),
});
