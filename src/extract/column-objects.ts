// `for c in table.columns`: the Column objects of a table built so far, for code that copies them
// (`Table("x", archive, *[Column(c.name, c.type, nullable=c.nullable) for c in live.columns])`).
import type { ColumnDraft, TableDraft } from './drafts.js';
import { columnName, tableOfRef } from './references.js';
import { saSymbol } from './sa-names.js';
import { nullableOf } from './finalize.js';
import type { Extraction } from './state.js';
import { tableSoFar } from './table-merge.js';
import { unknown, type CallValue, type TableRef, type Value } from './values.js';

/** Column objects read from a table: `c._copy()` of one leaves its foreign keys behind (they are the table's constraints). */
const inTables = new WeakSet<CallValue>();

export function isTableColumn(v: CallValue): boolean {
  return inTables.has(v);
}

/**
 * Each column as the table holds it: the `Column(...)` it was made from, with what the table settled on it (a
 * primary key a PrimaryKeyConstraint gave it, and the nullability that follows). Undefined when the table is not
 * known; an ORM-mapped column (no `Column(...)` object of the table's own) is unknown.
 */
export function columnObjects(x: Extraction, ref: TableRef): Value[] | undefined {
  const declared = tableOfRef(x, ref);
  if (!declared) return undefined;
  const table = tableSoFar(x, declared);
  return table.columns.map((c) => {
    const call = c.call;
    if (!call || saSymbol(call.callee) !== 'Column' || c.attr !== undefined) {
      return unknown(`column ${columnName(c)} of ${table.name} is not known statically`, call?.file ?? '', call?.line ?? 0);
    }
    const key = primaryKeyOf(table, c);
    const isPk = key.isPk;
    const nullable = nullableOf(c, isPk, key.byConstraint);
    const settled: CallValue = { ...call, kwargs: new Map([...call.kwargs, ['primary_key', { t: 'bool', v: isPk }], ['nullable', { t: 'bool', v: nullable }]]) };
    inTables.add(settled);
    return settled;
  });
}

/** A PrimaryKeyConstraint decides the key when there is one; else the columns' own flags. */
function primaryKeyOf(table: TableDraft, c: ColumnDraft): { isPk: boolean; byConstraint: boolean } {
  const pk = table.constraints.find((k) => k.k === 'pk');
  if (pk?.k !== 'pk') return { isPk: c.primaryKey, byConstraint: false };
  const isPk = pk.columns.some((r) => (r.k === 'key' ? r.key === c.key || r.key === columnName(c) : r.k === 'value' && r.value === c.call));
  return { isPk, byConstraint: true };
}
