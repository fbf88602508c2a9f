// Which extraction problems belong to the change: errors in changed files and unknowns the change introduced.
import type { ExtractionProblem } from '../rules/types.js';
import type { Diagnostic, Schema, Table, Unresolved } from '../schema/types.js';

const unresolvedKey = (table: Table, u: Unresolved) => `${table.schema ?? ''}.${table.name}|${u.symbol ?? ''}|${u.reason}`;

/**
 * Errors (a file that does not parse) in the changed files, and `unresolved` entries the before schema did not
 * have: pre-existing unknowns are not this change's doing, so they never block it.
 */
export function changeProblems(before: Schema, after: Schema, changedPaths: ReadonlySet<string>): ExtractionProblem[] {
  const problems: ExtractionProblem[] = fileErrors(after, changedPaths).map((d) => ({ file: d.file, line: d.line ?? 1, message: d.message, table: null }));
  const known = new Set(before.tables.flatMap((t) => t.unresolved.map((u) => unresolvedKey(t, u))));
  for (const table of after.tables) {
    for (const u of table.unresolved) {
      if (known.has(unresolvedKey(table, u)) || !changedPaths.has(u.file)) continue;
      const what = u.symbol === undefined ? '' : `${u.symbol}: `;
      problems.push({ file: u.file, line: u.line, message: `${what}${u.reason}`, table: { schema: table.schema, name: table.name } });
    }
  }
  return problems;
}

/** Errors of changed files that do not parse: what a change made unreadable. */
export function fileErrors(after: Schema, changedPaths: ReadonlySet<string>): Array<Diagnostic & { file: string }> {
  return after.diagnostics.filter((d): d is Diagnostic & { file: string } => d.severity === 'error' && d.file !== null && changedPaths.has(d.file));
}
