// Column references across tables: `Model.attr`, `table.c.col`, "schema.table.col" strings.
import { tableForCall } from './core-tables.js';
import { mroOf } from './classes.js';
import { mapClass } from './declarative.js';
import type { ColumnDraft, MetaInfo, TableDraft } from './drafts.js';
import type { Extraction } from './state.js';
import { metaOfValue } from './registry.js';
import { asString, type ClassInfo, type MetaTable, type Value } from './values.js';
import { ownAttrs } from './class-body.js';
import { callOf } from './columns.js';
import { evalExpr } from './evaluate.js';

export interface ColumnHit {
  table: TableDraft;
  column: ColumnDraft;
}

export function columnName(c: ColumnDraft): string {
  return c.name ?? c.key ?? '';
}

/**
 * The Column object's `key` (not the mapped attribute's): `key=` when given, else its name. Declarative gives the
 * attribute's name only to a column that has none, which makes it the name too.
 */
export function columnObjectKey(c: ColumnDraft): string {
  if (c.attr === undefined) return c.key ?? columnName(c);
  return (c.call ? asString(c.call.kwargs.get('key')) : undefined) ?? columnName(c);
}

/** A column by its key in `table.c` (an explicit `key=` over a mapped attribute's name), else by attribute or name. */
export function findColumn(table: TableDraft, keyOrName: string): ColumnDraft | undefined {
  return (
    table.columns.find((c) => c.attr !== undefined && c.call?.kwargs.has('key') === true && columnObjectKey(c) === keyOrName) ??
    table.columns.find((c) => (c.key ?? c.name) === keyOrName) ??
    table.columns.find((c) => c.name === keyOrName)
  );
}

/** `Model.attr` (through the mapper) or `table.c.key`. */
function columnOfValue(x: Extraction, v: Value): ColumnHit | undefined {
  if (v.t === 'clsattr') {
    // the class's own table first, then (joined inheritance) the tables of the mapped classes above it: `User.id`
    // inherited from `Principal` is `auth_principal.id`
    for (const e of mroOf(x.ctx, v.cls)) {
      if (e.k !== 'class') continue;
      const mapped = mapClass(x, e.cls);
      const table = mapped?.table;
      if (!mapped || !table) continue;
      const column = mapped.columns.get(v.name) ?? findColumn(table, v.name) ?? synonymColumn(x, e.cls, mapped.columns, table, v.name);
      if (column) return { table, column };
    }
    return undefined;
  }
  if (v.t === 'tablecol') {
    const table = tableOfRef(x, v.table);
    if (!table) return undefined;
    // `extend_existing=True` gives back the same Table: a column of any of its declarations is the table's
    const declarations = [table, ...x.tables.filter((t) => t !== table && t.name === table.name && t.schema === table.schema && t.meta === table.meta)];
    for (const t of declarations) {
      const column = findColumn(t, v.name);
      if (column) return { table: t, column };
    }
    return undefined;
  }
  return undefined;
}

/** `localid_type = synonym("localidtype")` (ukrdc's `Index(..., Person.localid_type)`): the column the synonym names. */
function synonymColumn(x: Extraction, cls: ClassInfo, columns: ReadonlyMap<string, ColumnDraft>, table: TableDraft, name: string): ColumnDraft | undefined {
  const attr = ownAttrs(x, cls).get(name);
  if (!attr?.expr) return undefined;
  const target = callOf(evalExpr(x.ctx, attr.expr, { module: cls.module, cls, depth: 0 }), 'synonym')?.args[0];
  return target?.t === 'str' ? (columns.get(target.v) ?? findColumn(table, target.v)) : undefined;
}

/** `ForeignKey(id)` in a class body: the Column object itself, looked for in its own table first. */
function columnOfCall(x: Extraction, from: TableDraft | undefined, v: Value): ColumnHit | undefined {
  if (v.t !== 'call') return undefined;
  for (const table of from ? [from, ...x.tables] : x.tables) {
    const column = table.columns.find((c) => c.call === v);
    if (column) return { table, column };
  }
  return undefined;
}

/** The table a `Table(...)` value or a `metadata.tables["name"]` lookup stands for. */
export function tableOfRef(x: Extraction, v: Value | undefined): TableDraft | undefined {
  return v?.t === 'metatable' ? tableInMeta(x, v) : tableForCall(x, v);
}

/** `metadata.tables["schema.name"]`: looked up among the tables built so far. */
function tableInMeta(x: Extraction, ref: MetaTable): TableDraft | undefined {
  return tableByKey(x, metaOfValue(x.ctx, x.reg, ref.meta), ref.name);
}

/** The table MetaData.tables holds under `key` ("schema.name" or "name"), in `meta` or, not known, in any. */
export function tableByKey(x: Extraction, meta: MetaInfo | undefined, key: string): TableDraft | undefined {
  return x.tables.find((t) => (!meta || t.meta === meta) && (t.schema ? `${t.schema}.${t.name}` : t.name) === key);
}

/** The tables of every MetaData, keyed "schema.name" or "name" as MetaData.tables keys them. */
export type TableIndex = Map<number, Map<string, TableDraft>>;

export function indexTables(tables: TableDraft[]): TableIndex {
  const index: TableIndex = new Map();
  for (const t of tables) {
    let byKey = index.get(t.meta.id);
    if (!byKey) index.set(t.meta.id, (byKey = new Map()));
    const key = t.schema ? `${t.schema}.${t.name}` : t.name;
    if (!byKey.has(key)) byKey.set(key, t);
  }
  return index;
}

export interface FkTarget {
  schema: string | null;
  table: string;
  column: string;
  hit?: ColumnHit;
}

/** ForeignKey("table.col") resolves in the parent table's MetaData, with the MetaData's default schema. */
/** The table a foreign key's `[schema.]table.column` names in the MetaData of the table it is on. */
export function fkStringTable(index: TableIndex, from: TableDraft, spec: string): TableDraft | undefined {
  const parts = spec.split('.').slice(0, -1);
  const tableName = parts.pop() ?? '';
  const schema = parts.length > 0 ? parts.join('.') : from.meta.schema;
  return index.get(from.meta.id)?.get(schema ? `${schema}.${tableName}` : tableName);
}

function resolveFkString(index: TableIndex, from: TableDraft, spec: string): FkTarget {
  const parts = spec.split('.');
  const column = parts.pop() ?? '';
  const tableName = parts.pop() ?? '';
  const table = fkStringTable(index, from, spec);
  const hit = table ? findColumn(table, column) : undefined;
  if (table && hit) return { schema: table.schema, table: table.name, column: columnName(hit), hit: { table, column: hit } };
  return { schema: parts.length > 0 ? parts.join('.') : null, table: tableName, column };
}

export function resolveFkTarget(x: Extraction, index: TableIndex, from: TableDraft, target: Value): FkTarget | undefined {
  if (target.t === 'str') return resolveFkString(index, from, target.v);
  const hit = columnOfValue(x, target) ?? columnOfCall(x, from, target);
  if (!hit) return undefined;
  return { schema: hit.table.schema, table: hit.table.name, column: columnName(hit.column), hit };
}

/** SQL text of an index element: a column name, `lower(email)`, `created_at DESC`, text(...). */
/**
 * The column a value stands for: a Column object of the table's own class body (`updated_at.desc()` in its
 * `__table_args__`), `Model.attr`, or `table.c.col`.
 */
export function columnOf(x: Extraction, table: TableDraft, v: Value): ColumnDraft | undefined {
  return (v.t === 'call' ? table.columns.find((c) => c.call === v) : undefined) ?? columnOfValue(x, v)?.column;
}

/** Whether the values (`id.desc()`, `func.lower(name)`, `code != "x"` ...) use one of `table`'s own Column objects. */
export function usesColumnOf(x: Extraction, table: TableDraft, values: Value[]): boolean {
  return columnsUsed(x, table, values).length > 0;
}

/** The table's columns the values use, in the order they appear, each once (an Index's `columns` for its naming tokens). */
export function columnsUsed(x: Extraction, table: TableDraft, values: Value[], out: ColumnDraft[] = []): ColumnDraft[] {
  for (const v of values) {
    const column = columnOf(x, table, v);
    if (column) {
      if (!out.includes(column)) out.push(column);
    } else if (v.t === 'call') columnsUsed(x, table, [...(v.callee.t === 'attr' ? [v.callee.obj] : []), ...v.args], out);
  }
  return out;
}


/** The table an index or constraint written outside its table belongs to: that of its first column. */
export function tableOfRefs(x: Extraction, refs: Value[]): TableDraft | undefined {
  for (const v of refs) {
    const hit = columnOfValue(x, v);
    if (hit) return hit.table;
    // a column a later `extend_existing=True` declaration adds: the table is known before the column is
    const named = v.t === 'tablecol' ? tableOfRef(x, v.table) : undefined;
    if (named) return named;
    if (v.t === 'call') {
      // the Column object itself (`Index("ix", *Dependency.nevra)` over a class-body tuple of columns)
      const own = columnOfCall(x, undefined, v);
      if (own) return own.table;
      const inner = tableOfRefs(x, [...v.args, ...(v.callee.t === 'attr' ? [v.callee.obj] : [])]);
      if (inner) return inner;
    }
  }
  return undefined;
}
