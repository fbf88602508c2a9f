// Concluding a merge, the index differs from HEAD by everything the merged branch brought, and that branch's
// commits were judged (and overridden, on record) when they were made. What the merge commit itself changes is
// what differs from every parent: the others' comparisons decide which of HEAD's findings stand.
import { findingKey, verdictOver } from '../engine/recorded-overrides.js';
import type { Finding } from '../engine/types.js';
import { qualified } from '../rules/select.js';
import type { SchemaChange } from '../schema/changes.js';
import type { Comparison } from './compare.js';

/** The object a change is to: a table, a column, a table's primary key, or one index or constraint of a table. */
function changeObject(change: SchemaChange): string {
  const table = change.table === null ? '' : qualified(change.table);
  const element = (noun: string, e: { name: string | null }) => `${table}#${noun}#${e.name ?? JSON.stringify(e)}`;
  switch (change.kind) {
    case 'add-index':
    case 'add-unique':
    case 'add-foreign-key':
    case 'add-check':
      return element(change.kind.slice('add-'.length), change.after);
    case 'drop-index':
    case 'drop-unique':
    case 'drop-foreign-key':
    case 'drop-check':
      return element(change.kind.slice('drop-'.length), change.before);
    case 'primary-key-changed':
      return `${table}#primary-key`;
    default:
      return 'column' in change ? `${table}.${change.column}` : table;
  }
}

/** HEAD's comparison, kept to the changes and findings that also differ from each other parent. */
export function newToEveryParent(head: Comparison, others: readonly Comparison[]): Pick<Comparison, 'changes' | 'verdict'> {
  const changedFrom = others.map((o) => new Set(o.changes.map(changeObject)));
  const foundFrom = others.map((o) => new Set(o.verdict.findings.map(findingKey)));
  const isNew = (change: SchemaChange) => changedFrom.every((objects) => objects.has(changeObject(change)));
  const stands = (finding: Finding) =>
    finding.change === null ? foundFrom.every((keys) => keys.has(findingKey(finding))) : isNew(finding.change);
  return { changes: head.changes.filter(isNew), verdict: verdictOver(head.verdict, head.verdict.findings.filter(stands)) };
}
