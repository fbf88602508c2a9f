// Table-level differences of a paired table: indexes, unique/foreign-key/check constraints, primary key.
import type { SchemaChange, TableRef } from './changes.js';
import type { RenameMaps } from './diff-refs.js';
import type { Table } from './types.js';

/** The objects of `from` that have no counterpart in `to`, keys counted as multisets. */
function without<T>(from: readonly T[], to: readonly T[], keyFrom: (x: T) => string, keyTo: (x: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const t of to) {
    const k = keyTo(t);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return from.filter((f) => {
    const k = keyFrom(f);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    return n === 0;
  });
}

function unmatched<T>(before: readonly T[], after: readonly T[], keyBefore: (x: T) => string, keyAfter: (x: T) => string) {
  return { dropped: without(before, after, keyBefore, keyAfter), added: without(after, before, keyAfter, keyBefore) };
}

const key = (...parts: unknown[]): string => JSON.stringify(parts);

/**
 * Constraints are matched whole (name included) after carrying BEFORE's column and table names
 * through the declared renames: a changed name, column list or ON DELETE is a drop plus an add,
 * which is what the database sees.
 */
export function diffConstraints(before: Table, after: Table, table: TableRef, maps: RenameMaps): SchemaChange[] {
  const base = { table, source: after.source };
  const cols = (names: readonly string[]) => maps.columnList(before, names);
  const out: SchemaChange[] = [];

  const ix = unmatched(before.indexes, after.indexes, (i) => key(i.name, cols(i.columns), i.unique), (i) => key(i.name, i.columns, i.unique));
  out.push(...ix.dropped.map((i) => ({ ...base, kind: 'drop-index' as const, before: i })));
  out.push(...ix.added.map((i) => ({ ...base, kind: 'add-index' as const, after: i })));

  const uq = unmatched(before.unique_constraints, after.unique_constraints, (u) => key(u.name, cols(u.columns)), (u) => key(u.name, u.columns));
  out.push(...uq.dropped.map((u) => ({ ...base, kind: 'drop-unique' as const, before: u })));
  out.push(...uq.added.map((u) => ({ ...base, kind: 'add-unique' as const, after: u })));

  const fk = unmatched(before.foreign_keys, after.foreign_keys, (f) => maps.beforeForeignKey(before, f), (f) => maps.afterForeignKey(f));
  out.push(...fk.dropped.map((f) => ({ ...base, kind: 'drop-foreign-key' as const, before: f })));
  out.push(...fk.added.map((f) => ({ ...base, kind: 'add-foreign-key' as const, after: f })));

  const ckKey = (c: Table['check_constraints'][number]) => key(c.name, c.sqltext);
  const ck = unmatched(before.check_constraints, after.check_constraints, ckKey, ckKey);
  out.push(...ck.dropped.map((c) => ({ ...base, kind: 'drop-check' as const, before: c })));
  out.push(...ck.added.map((c) => ({ ...base, kind: 'add-check' as const, after: c })));

  if (key(cols(before.primary_key)) !== key(after.primary_key)) {
    out.push({ ...base, kind: 'primary-key-changed', before: before.primary_key, after: after.primary_key });
  }
  return out;
}
