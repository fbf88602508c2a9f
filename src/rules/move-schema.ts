// A table moved to another schema is gone from where readers look for it.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { ofKind } from './select.js';

export const moveSchema = defineRule({
  id: 'move-schema',
  defaultSeverity: 'block',
  description: 'Moving a table to another schema breaks every reader that addresses it by its schema.',
  check: ({ changes }) =>
    ofKind(changes, 'move-table-schema').map((change) => ({
      message: M.moveSchema(change.table, change.fromSchema),
      help: M.moveSchemaHelp,
      category: 'rename',
      change,
      table: { schema: change.fromSchema, name: change.table.name },
      source: change.source,
    })),
});
