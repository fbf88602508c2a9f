// A new unique constraint or unique index fails on duplicates and rejects writers that create them.
import type { AddIndex, AddUnique } from '../schema/changes.js';
import type { RuleFinding } from './types.js';
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { createdTables, ofKind, qualified } from './select.js';

export const uniqueAdded = defineRule({
  id: 'unique-added',
  defaultSeverity: 'warn',
  description: 'Adding a unique constraint fails the migration on duplicates and rejects writers that create them.',
  check: ({ changes }) => {
    const created = createdTables(changes);
    const findings: RuleFinding[] = [];
    const add = (change: AddUnique | AddIndex, columns: readonly string[]) => {
      if (created.has(qualified(change.table))) return;
      findings.push({
        message: M.uniqueAdded(change.table, columns),
        help: M.uniqueAddedHelp,
        category: 'constraint',
        change,
        table: change.table,
        ...(columns.length === 1 && columns[0] !== undefined ? { column: columns[0] } : {}),
        source: change.source,
      });
    };
    for (const change of ofKind(changes, 'add-unique')) add(change, change.after.columns);
    for (const change of ofKind(changes, 'add-index')) if (change.after.unique) add(change, change.after.columns);
    return findings;
  },
});
