// A rename declaration that renames nothing is a mistake the author wants to hear about.
import { defineRule } from './define-rule.js';
import { ofKind } from './select.js';

const REASONS = {
  'old-name-missing': 'the old name exists in neither the old nor the new schema',
  'target-missing': 'the renamed table or column does not exist in the new schema',
  'not-on-declaration': 'the comment is not on a column or table declaration line',
  conflict: 'another rename is declared for the same table or column, or from the same old name',
} as const;

export const invalidRename = defineRule({
  id: 'invalid-rename',
  defaultSeverity: 'warn',
  description: 'A `renamed-from` comment or `renames:` entry that does not match the schema.',
  check: ({ changes }) =>
    ofKind(changes, 'invalid-rename-declaration').map((change) => ({
      message: `The rename from ${change.from} cannot be applied: ${REASONS[change.reason]}.`,
      help: 'Fix or remove the declaration; without it a rename is reported as a drop and an add.',
      category: 'error',
      change,
      table: change.table,
      ...(change.column === undefined ? {} : { column: change.column }),
      source: change.source,
    })),
});
