// Inline `# schemaguard: ignore[rule] reason` comments: which finding each silences, and which silence nothing.
import { qualified } from '../rules/select.js';
import type { TableRef } from '../schema/changes.js';
import type { Directive, Schema } from '../schema/types.js';
import type { RuleFinding } from '../rules/types.js';

type IgnoreDirective = Extract<Directive, { kind: 'ignore' }>;

/** Lines a suppression for `finding` may sit on: its own line, or its table's declaration line (for drops). */
function suppressibleAt(finding: RuleFinding, tableLines: Map<string, string>): string[] {
  const places: string[] = [];
  if (finding.source !== null) places.push(`${finding.source.file}:${finding.source.line}`);
  if (finding.table !== null) {
    const declared = tableLines.get(qualified(finding.table));
    if (declared !== undefined) places.push(declared);
  }
  return places;
}

export interface Suppressions {
  match(ruleId: string, finding: RuleFinding): IgnoreDirective | null;
  unused(): IgnoreDirective[];
}

/**
 * Only suppressions with a reason that name a known rule can match; the invalid-suppression rule
 * reports the others, so they are not reported a second time as unused.
 */
export function indexSuppressions(directives: readonly Directive[], after: Schema, knownRuleIds: readonly string[]): Suppressions {
  const usable = directives.filter(
    (d): d is IgnoreDirective =>
      d.kind === 'ignore' && d.reason !== null && d.reason.trim() !== '' && knownRuleIds.includes(d.rule),
  );
  const byPlace = new Map(usable.map((d) => [`${d.file}:${d.line}:${d.rule}`, d]));
  const tableLines = new Map(
    after.tables.filter((t) => t.source !== null).map((t) => [qualified(t), `${t.source?.file}:${t.source?.line}`]),
  );
  const used = new Set<IgnoreDirective>();
  return {
    match(ruleId, finding) {
      for (const place of suppressibleAt(finding, tableLines)) {
        const directive = byPlace.get(`${place}:${ruleId}`);
        if (directive !== undefined) {
          used.add(directive);
          return directive;
        }
      }
      return null;
    },
    unused: () => usable.filter((d) => !used.has(d)),
  };
}

/**
 * The table (and column) declared on a comment's line: a class line names its table, a column line its column too.
 * Lets a finding about the comment itself say what it sits on.
 */
export function declarationAt(after: Schema, file: string, line: number): { table: TableRef; column?: string } | null {
  for (const table of after.tables) {
    const ref = { schema: table.schema, name: table.name };
    if (table.source?.file === file && table.source.line === line) return { table: ref };
    const column = table.columns.find((c) => c.source?.file === file && c.source.line === line);
    if (column !== undefined) return { table: ref, column: column.name };
  }
  return null;
}
