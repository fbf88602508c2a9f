// What module-level code does to tables that already exist: an Index attached to its table, a column set on a
// mapped class or appended to a table, an imperative mapping that renames keys.
import { callOf, columnFromCall } from './columns.js';
import { addConstraint, columnArguments, constraintOf } from './core-tables.js';
import { mapClass } from './declarative.js';
import { mappedRegistry } from './model-kind.js';
import { metaOfValue, registryOfValue } from './registry.js';
import { findColumn, tableOfRef, tableOfRefs } from './references.js';
import type { Extraction } from './state.js';
import { messages } from './messages.js';
import { sourceText, unknownCause } from './value-text.js';
import type { CallValue, Value } from './values.js';
import type { ColumnDraft, TableDraft } from './drafts.js';
import type { Unresolved } from '../schema/types.js';

/**
 * A module-level Index or constraint over the columns of an existing table (`Index("ix", t.c.a)`,
 * `UniqueConstraint(Model.a, Model.b)`) attaches to that table. One inside a Table(...) call is that call's own.
 */
export function attachConstraint(x: Extraction, call: CallValue): void {
  const constraint = constraintOf(call);
  if (!constraint) return;
  const columns = columnArguments(call);
  // `Index("ix", "a", "b", _table=t)`: bound to the table it is given (columns named by strings)
  const given = constraint.k === 'ix' ? call.kwargs.get('_table') : undefined;
  const table = given ? (ownerTable(x, given) ?? undefined) : tableOfRefs(x, columns);
  if (given && !table) {
    x.orphans.push({ file: call.file, line: call.line, reason: messages.indexTable });
    return;
  }
  if (table && !table.call?.args.includes(call)) {
    addConstraint(table, call, constraint);
    table.unresolved.push(...undecidedChange(x, call, null));
  }
  else if (!table && constraint.k === 'ix' && columns.some((a) => a.t !== 'str')) {
    // over Column objects a class made later takes (baselayer's join models: the Index sits in type()'s namespace)
    if (columns.every((a) => a.t === 'str' || callOf(a, 'Column', 'mapped_column'))) x.unattached.push(call);
    else x.orphans.push({ file: call.file, line: call.line, reason: messages.indexTable });
  }
}

/**
 * The Indexes over Column objects that no table held when they were made: SQLAlchemy attaches each to the table
 * its columns join. One whose columns joined none is reported.
 */
export function attachLaterIndexes(x: Extraction): void {
  for (const call of x.unattached) {
    const columns = columnArguments(call).filter((a) => a.t === 'call');
    const table = x.tables.find((t) => t.columns.some((c) => c.call !== undefined && columns.includes(c.call)));
    const constraint = constraintOf(call);
    if (table && constraint) addConstraint(table, call, constraint);
    else x.orphans.push({ file: call.file, line: call.line, reason: messages.indexTable });
  }
}

/** `setattr(Model, "name", Column(...))` after the class exists: declarative appends the column to its table. */
export function addColumnLater(x: Extraction, target: Value | undefined, name: Value | undefined, value: Value | undefined): void {
  const column = callOf(value, 'Column', 'mapped_column');
  if (target?.t !== 'class' || !column) return;
  const mapped = mappedRegistry(x, target.cls) ? mapClass(x, target.cls) : null;
  if (!mapped?.table) return;
  if (name?.t !== 'str') {
    const why = name?.t === 'unknown' ? name.reason : 'not a string';
    mapped.table.unresolved.push({ file: column.file, line: column.line, reason: messages.lateColumn(target.cls.name, why) });
    return;
  }
  const draft = columnFromCall(x.ctx, column, name.v);
  draft.name ??= name.v;
  draft.attr = name.v;
  mapped.table.columns = mapped.table.columns.filter((c) => c.name !== draft.name);
  mapped.table.columns.push(draft);
  mapped.table.unresolved.push(...draft.unresolved, ...undecidedChange(x, column, draft.name));
  mapped.columns.set(name.v, draft);
}

/** A change made under a module-level `if` that is not decidable (both branches are read): it may not happen. */
function undecidedChange(x: Extraction, call: CallValue, symbol: string | null): Unresolved[] {
  if (!x.undecided) return [];
  return [{ file: call.file, line: x.undecided.line, ...(symbol === null ? {} : { symbol }), reason: messages.undecidedChange(x.undecided.cause) }];
}

/** The table a method is called on: `Model.__table__` or a Table. */
export function ownerTable(x: Extraction, owner: Value): TableDraft | null | undefined {
  return owner.t === 'clsattr' && owner.name === '__table__' ? (mappedRegistry(x, owner.cls) ? mapClass(x, owner.cls)?.table : undefined) : tableOfRef(x, owner);
}

/** `Model.__table__.append_constraint(UniqueConstraint("a", "b"))` or `table.append_constraint(...)`. */
export function appendConstraint(x: Extraction, owner: Value, call: CallValue): void {
  const table = ownerTable(x, owner);
  const arg = call.args[0];
  const constraint = arg?.t === 'call' ? constraintOf(arg) : undefined;
  if (table && arg?.t === 'call' && constraint) {
    addConstraint(table, arg, constraint);
    table.unresolved.push(...undecidedChange(x, arg, null));
  }
}

/** `Model.__table__.append_column(Column(...))` or `table.append_column(...)`: the table gains it, the mapper does not. */
export function appendColumn(x: Extraction, owner: Value, call: CallValue): void {
  const table = ownerTable(x, owner);
  const column = callOf(call.args[0], 'Column');
  if (!table || !column) return;
  const draft = columnFromCall(x.ctx, column, null);
  draft.key ??= draft.name;
  table.columns = table.columns.filter((c) => c.name !== draft.name);
  table.columns.push(draft);
  table.unresolved.push(...draft.unresolved, ...undecidedChange(x, column, draft.name));
}

/** registry.map_imperatively(Cls, table, properties={...}): the class names the table; properties rename keys. */
export function mapImperatively(x: Extraction, call: CallValue): void {
  const [cls, tableValue] = call.args;
  if (cls?.t === 'class' && tableValue?.t === 'unknown') {
    x.orphans.push({ file: call.file, line: call.line, reason: messages.imperativeTable(cls.cls.name, unknownCause(tableValue)) });
    return;
  }
  const table = tableOfRef(x, tableValue);
  if (!table || cls?.t !== 'class') return;
  table.cls = cls.cls;
  table.source = { file: cls.cls.module.file, line: cls.cls.def.line, symbol: cls.cls.name };
  applyMapperOptions(x, table, call.kwargs, new Set());
}

/**
 * A mapper's `properties={...}` and `column_prefix=` over `table` (map_imperatively's keywords, or a declarative
 * `__mapper_args__` over a fixed `__table__`): the keys of the columns it maps. `named` holds the columns
 * properties already named; no prefix applies to those.
 */
export function applyMapperOptions(x: Extraction, table: TableDraft, options: ReadonlyMap<string, Value>, named: Set<ColumnDraft>): void {
  const props = options.get('properties');
  for (const [k, v] of props?.t === 'dict' ? props.entries : []) {
    // `"password": synonym("_password", map_column=True)`: the column `password` is mapped as `_password`
    const synonym = callOf(v, 'synonym');
    const mapsColumn = synonym?.kwargs.get('map_column');
    if (k.t === 'str' && synonym?.args[0]?.t === 'str' && mapsColumn?.t === 'bool' && mapsColumn.v) {
      const col = findColumn(table, k.v);
      if (col) {
        col.attr = synonym.args[0].v;
        named.add(col);
      }
      continue;
    }
    const target = propertyColumn(v);
    if (k.t === 'str' && target && tableOfRef(x, target.table) === table) {
      const col = findColumn(table, target.name);
      if (col) {
        col.attr = k.v;
        named.add(col);
      }
    }
  }
  // `column_prefix="_"`: the columns no property names are mapped under the prefixed key (an excluded one is not mapped)
  const prefix = options.get('column_prefix');
  if (prefix?.t !== 'str') return;
  const isMapped = mapsColumn(options);
  for (const col of table.columns) {
    const key = col.key ?? col.name ?? '';
    if (!named.has(col) && isMapped(key)) col.attr = prefix.v + key;
  }
}

/** A mapper's `include_properties` / `exclude_properties`: whether it maps the column of this key. */
export function mapsColumn(options: ReadonlyMap<string, Value>): (key: string) => boolean {
  const keys = (v: Value | undefined): Set<string> | undefined =>
    v?.t === 'seq' ? new Set(v.items.flatMap((i) => (i.t === 'str' ? [i.v] : i.t === 'tablecol' ? [i.name] : []))) : undefined;
  const included = keys(options.get('include_properties'));
  const excluded = keys(options.get('exclude_properties'));
  return (key) => !excluded?.has(key) && (included === undefined || included.has(key));
}

/** The one column a property maps: `t.c.x`, `deferred(t.c.x)`, `column_property(t.c.x)`. */
export function propertyColumn(v: Value): Extract<Value, { t: 'tablecol' }> | undefined {
  if (v.t === 'tablecol') return v;
  const wrapped = callOf(v, 'deferred', 'column_property');
  return wrapped?.args.length === 1 && wrapped.args[0]!.t === 'tablecol' ? wrapped.args[0] : undefined;
}

/**
 * Calls handed the metadata that are known to make no table with it, or whose tables are read here: SQLAlchemy's,
 * SQLModel's and Flask-SQLAlchemy's own, the standard library's, Flask-Migrate, Flask-Security's datastores,
 * Flask-Admin, Flask-Restless, Flask-User, search indexers and SQLAlchemy-Searchable (reported on its own).
 */
const MAKES_NO_TABLE =
  /^(sqlalchemy|sqlmodel|flask_sqlalchemy|builtins|typing|logging|atexit|functools|contextlib|warnings|os|sys|flask_migrate|alembic|flask_admin|flask_restless|sqlalchemy_searchable|flask_marshmallow|marshmallow_sqlalchemy|flask_msearch|flask_whooshee|flask_user)(\.|$)|\.SQLAlchemy(Session)?UserDatastore$/;

/**
 * A module-level call into a library outside the repository that is handed a MetaData, a declarative base or the
 * Flask-SQLAlchemy object may add tables to it (Flask-Security's `FsModels.set_db_info(db)` makes `roles_users`):
 * not followed, so said so.
 */
export function reportOutsideTableMaker(x: Extraction, call: CallValue): void {
  if (call.callee.t !== 'ext' || MAKES_NO_TABLE.test(call.callee.name)) return;
  const handed = [...call.args, ...call.kwargs.values()].some((v) => metaOfValue(x.ctx, x.reg, v) ?? registryOfValue(x.ctx, x.reg, v));
  if (handed) x.orphans.push({ file: call.file, line: call.line, reason: messages.outsideTableMaker(sourceText(call.expr), call.callee.name) });
}
