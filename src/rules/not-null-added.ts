// NOT NULL on an existing column fails the migration on NULL rows and breaks writers that omit it.
import type { RuleFinding } from './types.js';
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { createdTables, ofKind, qualified } from './select.js';

export const notNullAdded = defineRule({
  id: 'not-null-added',
  defaultSeverity: 'warn',
  description:
    'Making a column NOT NULL (or adding a NOT NULL column) without a server default fails on existing rows and breaks old writers.',
  check: ({ changes }) => {
    const created = createdTables(changes);
    const findings: RuleFinding[] = [];
    for (const change of ofKind(changes, 'modify-column')) {
      if (!change.becameNotNull || created.has(qualified(change.table))) continue;
      const hasDefault = change.after.server_default !== null;
      findings.push({
        message: hasDefault ? M.notNullAdded(change.table, change.column) : M.notNullAddedNoDefault(change.table, change.column),
        help: M.notNullAddedHelp,
        category: 'nullability',
        change,
        table: change.table,
        column: change.column,
        source: change.source,
        // without a server default the ALTER fails on any NULL row: block (SQLAlchemy docs, server_default)
        ...(hasDefault ? {} : { severity: 'block' as const }),
      });
    }
    for (const change of ofKind(changes, 'add-column')) {
      const { after } = change;
      if (after.nullable || after.primary_key || after.server_default !== null || created.has(qualified(change.table))) continue;
      findings.push({
        message: M.notNullNewColumn(change.table, change.column),
        help: M.notNullNewColumnHelp,
        category: 'addition',
        change,
        table: change.table,
        column: change.column,
        source: change.source,
        // a column created by this change is never blocked (the migration may well backfill it): warn only
      });
    }
    return findings;
  },
});
