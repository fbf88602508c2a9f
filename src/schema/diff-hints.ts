// Spots undeclared renames: a drop and an add of the same shape in one place get a hint that names the other side.
import { SCHEMA_MESSAGES, tableName } from './messages.js';
import type { Column, Table } from './types.js';

export interface Hints<T> {
  readonly dropped: ReadonlyMap<T, string>;
  readonly added: ReadonlyMap<T, string>;
}

/** Every dropped object is hinted with each added object of the same signature, and the other way round. */
function matchSignatures<T>(
  dropped: readonly T[],
  added: readonly T[],
  signature: (x: T) => string,
  name: (x: T) => string,
): { dropped: Map<T, string[]>; added: Map<T, string[]> } {
  const out = { dropped: new Map<T, string[]>(), added: new Map<T, string[]>() };
  // each signature once: a table's is its whole column list
  const addedBySignature = new Map<string, T[]>();
  for (const a of added) {
    const sig = signature(a);
    const group = addedBySignature.get(sig);
    if (group !== undefined) group.push(a);
    else if (sig !== '') addedBySignature.set(sig, [a]);
  }
  for (const d of dropped) {
    const sig = signature(d);
    const matches = sig === '' ? [] : (addedBySignature.get(sig) ?? []);
    if (matches.length === 0) continue;
    out.dropped.set(d, matches.map(name).sort());
    for (const a of matches) out.added.set(a, [...(out.added.get(a) ?? []), name(d)]);
  }
  for (const [a, names] of out.added) out.added.set(a, names.sort());
  return out;
}

function columnSignature(c: Column): string {
  return JSON.stringify([c.type, c.enum]);
}

export function columnHints(dropped: readonly Column[], added: readonly Column[]): Hints<Column> {
  const m = matchSignatures(dropped, added, columnSignature, (c) => c.name);
  return {
    dropped: new Map([...m.dropped].map(([c, news]) => [c, SCHEMA_MESSAGES.hintDroppedColumn(c.name, news)])),
    added: new Map([...m.added].map(([c, olds]) => [c, SCHEMA_MESSAGES.hintAddedColumn(olds)])),
  };
}

/** Tables look renamed when they have the same columns (names and types), in any order. */
function tableSignature(t: Table): string {
  if (t.columns.length === 0) return '';
  return JSON.stringify(t.columns.map((c) => [c.name, c.type, c.enum]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
}

export function tableHints(dropped: readonly Table[], added: readonly Table[]): Hints<Table> {
  const m = matchSignatures(dropped, added, tableSignature, tableName);
  return {
    dropped: new Map([...m.dropped].map(([t, news]) => [t, SCHEMA_MESSAGES.hintDroppedTable(tableName(t), news)])),
    added: new Map([...m.added].map(([t, olds]) => [t, SCHEMA_MESSAGES.hintAddedTable(olds)])),
  };
}
