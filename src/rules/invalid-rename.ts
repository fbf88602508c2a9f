// A rename declaration that renames nothing is a mistake the author wants to hear about.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { ofKind } from './select.js';

export const invalidRename = defineRule({
  id: 'invalid-rename',
  defaultSeverity: 'warn',
  description: 'A `renamed-from` comment or `renames:` entry that does not match the schema.',
  check: ({ changes }) =>
    ofKind(changes, 'invalid-rename-declaration').map((change) => ({
      message: M.invalidRename(change.from, change.reason),
      help: M.invalidRenameHelp,
      category: 'error',
      change,
      table: change.table,
      ...(change.column === undefined ? {} : { column: change.column }),
      source: change.source,
    })),
});
