// `for c in table.columns`: the Column objects of a table built so far, for code that copies them
// (`Table("x", archive, *[Column(c.name, c.type, nullable=c.nullable) for c in live.columns])`).
import type { ColumnDraft, TableDraft } from './drafts.js';
import { columnName } from './references.js';
import { saSymbol } from './sa-names.js';
import { isTypeValue } from './type-of.js';
import { nullableOf } from './finalize.js';
import type { Extraction } from './state.js';
import { tableSoFar } from './table-merge.js';
import type { TypeArg, TypeSpec } from '../schema/type-spec.js';
import { unknown, type CallValue, type Value } from './values.js';

/** Column objects read from a table: `c._copy()` of one leaves its foreign keys behind (they are the table's constraints). */
const inTables = new WeakSet<CallValue>();

export function isTableColumn(v: CallValue): boolean {
  return inTables.has(v);
}

/**
 * The columns `Parent.__table__.c.get(name, Column(...))` gave (the 1.x recipe for a column single-table siblings
 * share): SQLAlchemy returns the parent's own column once it has one, so a sibling's is the same object.
 */
const parentTableDefaults = new WeakSet<CallValue>();

export function parentTableDefault(v: Value): Value {
  if (v.t === 'call') parentTableDefaults.add(v);
  return v;
}

export function isParentTableDefault(v: CallValue | undefined): boolean {
  return v !== undefined && parentTableDefaults.has(v);
}

/**
 * Each column as the table holds it: the `Column(...)` it was made from, with what the table settled on it (a
 * primary key a PrimaryKeyConstraint gave it, and the nullability that follows; a declarative attribute's name and
 * key; a `mapped_column(...)` given its type is the Column it makes). Undefined when the table is not known; a
 * `mapped_column(...)` whose type comes from its annotation is unknown.
 */
export function columnObjects(x: Extraction, declared: TableDraft | undefined): Value[] | undefined {
  if (!declared) return undefined;
  const table = tableSoFar(x, declared);
  return table.columns.map((c) => {
    const call = asColumn(x, c.call, c.type);
    if (!call) {
      return unknown(`column ${columnName(c)} of ${table.name} is not known statically`, c.call?.file ?? '', c.call?.line ?? 0);
    }
    const key = primaryKeyOf(table, c);
    const isPk = key.isPk;
    const nullable = nullableOf(c, isPk, key.byConstraint);
    // `status = Column(Enum(...))` in a class body: declarative named it after the attribute (its key too); a
    // `Column("customer", ...)` keeps its own name and key whatever attribute maps it
    const named = c.attr !== undefined && call.args[0]?.t !== 'str' ? [{ t: 'str', v: columnName(c) } as Value, ...call.args] : call.args;
    const settled: CallValue = { ...call, args: named, kwargs: new Map([...call.kwargs, ['primary_key', { t: 'bool', v: isPk }], ['nullable', { t: 'bool', v: nullable }]]) };
    inTables.add(settled);
    return settled;
  });
}

/** A `Column(...)`, or a `mapped_column(...)` with its type among its arguments, as the Column it makes. */
function asColumn(x: Extraction, call: CallValue | undefined, resolved: TypeSpec | null): CallValue | undefined {
  const symbol = call && saSymbol(call.callee);
  if (!call || (symbol !== 'Column' && symbol !== 'mapped_column')) return undefined;
  if (symbol === 'Column') return call;
  const asCall = { ...call, callee: { t: 'ext', name: 'sqlalchemy.Column' } } as CallValue;
  // (a type-less foreign key column too: Column(ForeignKey(...)) takes its type from the column it refers to)
  if (call.kwargs.has('type_') || call.args.some((a) => isTypeValue(x.ctx, a) || (a.t === 'call' && saSymbol(a.callee) === 'ForeignKey'))) return asCall;
  // `rank: Mapped[int] = mapped_column(default=0)`: the type its annotation gave, when it is a plain one
  const type = resolved && typeValue(resolved);
  return type ? { ...asCall, args: [type, ...call.args] } : undefined;
}

/** A plain type (no Enum values, variants or project classes) as the value of the call that makes it. */
function typeValue(spec: TypeSpec): Value | undefined {
  if (spec.enumValues || spec.enumClass || spec.variants || spec.colSpec || spec.className || spec.compiled) return undefined;
  const arg = (a: TypeArg): Value | undefined => {
    if (a === null) return { t: 'none' };
    if (typeof a === 'string') return { t: 'str', v: a };
    if (typeof a === 'number') return { t: 'num', v: a };
    if (typeof a === 'boolean') return { t: 'bool', v: a };
    if (Array.isArray(a)) {
      const items = a.map(arg);
      return items.every((i) => i !== undefined) ? { t: 'seq', kind: 'list', items: items as Value[] } : undefined;
    }
    return typeValue(a);
  };
  const args = spec.args.map(arg);
  const kwargs = Object.entries(spec.kwargs).map(([k, v]) => [k, arg(v)] as const);
  if (args.some((v) => v === undefined) || kwargs.some(([, v]) => v === undefined)) return undefined;
  const module = spec.module === 'sqlalchemy' ? 'sqlalchemy' : spec.module === 'sqlmodel' ? 'sqlmodel' : `sqlalchemy.dialects.${spec.module}`;
  const expr = { k: 'other' as const, type: spec.name, text: '', line: 0 };
  return { t: 'call', callee: { t: 'ext', name: `${module}.${spec.name}` }, args: args as Value[], kwargs: new Map(kwargs as Array<[string, Value]>), file: '', line: 0, expr };
}

/** A PrimaryKeyConstraint decides the key when there is one; else the columns' own flags. */
function primaryKeyOf(table: TableDraft, c: ColumnDraft): { isPk: boolean; byConstraint: boolean } {
  const pk = table.constraints.find((k) => k.k === 'pk');
  if (pk?.k !== 'pk') return { isPk: c.primaryKey, byConstraint: false };
  const isPk = pk.columns.some((r) => (r.k === 'key' ? r.key === c.key || r.key === columnName(c) : r.k === 'value' && r.value === c.call));
  return { isPk, byConstraint: true };
}
