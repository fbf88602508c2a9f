// A new unique constraint or unique index fails on duplicates and rejects writers that create them.
import type { AddIndex, AddUnique } from '../schema/changes.js';
import type { RuleFinding } from './types.js';
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { createdTables, ofKind, qualified, uniqueChanges, uniqueKey } from './select.js';

export const uniqueAdded = defineRule({
  id: 'unique-added',
  defaultSeverity: 'warn',
  description: 'Adding a unique constraint fails the migration on duplicates and rejects writers that create them.',
  check: ({ changes }) => {
    const created = createdTables(changes);
    // columns this change adds without a server default are NULL in every existing row: no duplicates yet
    const freshColumns = new Set(
      ofKind(changes, 'add-column')
        .filter((c) => c.after.server_default === null)
        .map((c) => qualified(c.table, c.column)),
    );
    // unique before under another name, or as an index instead of a constraint: nothing new to enforce
    const { dropped: wasUnique } = uniqueChanges(changes);
    const findings: RuleFinding[] = [];
    const add = (change: AddUnique | AddIndex, columns: readonly string[]) => {
      if (created.has(qualified(change.table)) || wasUnique.has(uniqueKey(change.table, columns))) return;
      if (columns.every((c) => freshColumns.has(qualified(change.table, c)))) return;
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
