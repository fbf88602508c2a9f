// A narrower type loses values that used to fit.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { isSizeOrTypeChange, typeChanges, typeFinding } from './type-changes.js';

export const typeNarrowing = defineRule({
  id: 'type-narrowing',
  defaultSeverity: 'block',
  description: 'Narrowing a column type (shorter, smaller, less precise) loses values that used to fit.',
  check: ({ changes }) =>
    typeChanges(changes, 'narrowing')
      // removed enum values are enum-value-removed's, also when the enum's type name changes with them
      .filter((typed) => isSizeOrTypeChange(typed) && (typed.change.removedValues ?? []).length === 0)
      .map((typed) =>
        typeFinding(typed, M.typeNarrowing(typed.change.table, typed.change.column, typed.typeChange.from, typed.typeChange.to), M.typeNarrowingHelp),
      ),
});
