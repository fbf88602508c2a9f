// SQLAlchemy-Continuum 1.5's make_versioned(): run at import, it listens to every mapper's `instrument_class`, and
// when the mappers are configured each class mapped after it with a `__versioned__` gets a `<table>_version` table,
// each many-to-many table of its relationships one too, and the models' base a `transaction` table (with its
// plugins' tables and columns). As table_builder.py, builder.py, relationship_builder.py and transaction.py build them.
import type { SourceRef } from '../schema/types.js';
import { callOf } from './columns.js';
import { attrValue, dunderValue, evaluatedAttr } from './declarative-scan.js';
import { ownAttrs } from './class-body.js';
import { mroOf } from './classes.js';
import { mapClass } from './declarative.js';
import type { ColumnDraft, ConstraintDraft, TableDraft } from './drafts.js';
import { messages } from './messages.js';
import { mappedRegistry } from './model-kind.js';
import { columnObjectKey, tableByKey, tableOfRef } from './references.js';
import { calledLambda } from './mapped-columns.js';
import { copyColumn } from './table-copy.js';
import type { Registry } from './registry.js';
import type { Extraction, MappedClass } from './state.js';
import { libraryColumn, libraryType, pluginTables, transactionTable, type ContinuumPlugin } from './continuum-tables.js';
import { unknownCause } from './value-text.js';
import { evalExpr } from './evaluate.js';
import type { CallValue, ClassInfo, Value } from './values.js';

const MAKE_VERSIONED = 'sqlalchemy_continuum.make_versioned';
const PLUGIN = /^sqlalchemy_continuum\.plugins(?:\.\w+)?\.(\w+Plugin)$/;
const PLUGINS: ReadonlySet<string> = new Set(['PropertyModTrackerPlugin', 'TransactionChangesPlugin', 'TransactionMetaPlugin', 'ActivityPlugin', 'FlaskPlugin', 'NullDeletePlugin']);

/** The manager's options (VersioningManager.options) that shape the schema, with their defaults. */
interface VersionOptions {
  versioning: boolean;
  createTables: boolean;
  createModels: boolean;
  tableName: string;
  exclude: string[];
  include: string[];
  transactionColumn: string;
  endTransactionColumn: string;
  operationTypeColumn: string;
  strategy: string;
  compositeIndex: boolean;
}

const DEFAULTS: VersionOptions = {
  versioning: true,
  createTables: true,
  createModels: true,
  tableName: '%s_version',
  exclude: [],
  include: [],
  transactionColumn: 'transaction_id',
  endTransactionColumn: 'end_transaction_id',
  operationTypeColumn: 'operation_type',
  strategy: 'validity',
  compositeIndex: true,
};

/** How each option is spelled in a `__versioned__` or `options=` dict, and the kind of value it takes. */
const OPTION_KEYS: ReadonlyArray<[string, keyof VersionOptions]> = [
  ['versioning', 'versioning'],
  ['create_tables', 'createTables'],
  ['create_models', 'createModels'],
  ['table_name', 'tableName'],
  ['exclude', 'exclude'],
  ['include', 'include'],
  ['transaction_column_name', 'transactionColumn'],
  ['end_transaction_column_name', 'endTransactionColumn'],
  ['operation_type_column_name', 'operationTypeColumn'],
  ['strategy', 'strategy'],
  ['create_composite_index', 'compositeIndex'],
];

export interface Versioning {
  file: string;
  line: number;
  /** how many classes existed when make_versioned() ran: those after it are instrumented */
  from: number;
  options: VersionOptions;
  /** None: no user_id column; a class name looked up in the base's registry, or the class itself */
  userCls: { k: 'none' } | { k: 'name'; name: string } | { k: 'class'; cls: ClassInfo };
  plugins: ContinuumPlugin[];
}

/**
 * A module-level `make_versioned(...)` the scan ran (decided, once, with arguments known statically): true when
 * it is taken in, and the classes mapped from here on are versioned as it says.
 */
export function noteMakeVersioned(x: Extraction, value: Value): boolean {
  if (value.t !== 'call' || value.callee.t !== 'ext' || value.callee.name !== MAKE_VERSIONED) return false;
  if (x.undecided || x.versioning || value.args.length > 0 || ['mapper', 'manager'].some((k) => value.kwargs.has(k))) return false;
  const options = optionsOf(DEFAULTS, value.kwargs.get('options'));
  const userCls = userClsOf(value.kwargs.get('user_cls'));
  const plugins = pluginsOf(value.kwargs.get('plugins'));
  if (!options || !userCls || !plugins) return false;
  x.versioning = { file: value.file, line: value.line, from: x.ctx.project.created.length, options, userCls, plugins };
  return true;
}

/** Whether the make_versioned() call at this file and line has its tables built (no report is then needed). */
export function isTakenVersioning(x: Extraction, file: string, line: number): boolean {
  return x.versioning?.file === file && x.versioning.line === line;
}

function optionsOf(base: VersionOptions, given: Value | undefined): VersionOptions | undefined {
  if (given === undefined || given.t === 'none') return base;
  if (given.t !== 'dict') return undefined;
  const out: VersionOptions = { ...base };
  const set = out as unknown as Record<string, unknown>;
  for (const [k, v] of given.entries) {
    if (k.t !== 'str') return undefined;
    const option = OPTION_KEYS.find(([spelled]) => spelled === k.v)?.[1];
    if (!option) continue;
    const wanted = typeof DEFAULTS[option];
    if (Array.isArray(DEFAULTS[option])) {
      if (v.t !== 'seq' || !v.items.every((i) => i.t === 'str')) return undefined;
      set[option] = v.items.map((i) => (i as { v: string }).v);
    } else if (wanted === 'boolean' && v.t === 'bool') set[option] = v.v;
    else if (wanted === 'string' && v.t === 'str') set[option] = v.v;
    else return undefined;
  }
  return out;
}

function userClsOf(given: Value | undefined): Versioning['userCls'] | undefined {
  if (given === undefined) return { k: 'name', name: 'User' };
  if (given.t === 'none') return { k: 'none' };
  if (given.t === 'str') return given.v ? { k: 'name', name: given.v } : { k: 'none' };
  if (given.t === 'class') return { k: 'class', cls: given.cls };
  return undefined;
}

function pluginsOf(given: Value | undefined): ContinuumPlugin[] | undefined {
  if (given === undefined || given.t === 'none') return [];
  if (given.t !== 'seq') return undefined;
  const out: ContinuumPlugin[] = [];
  for (const item of given.items) {
    const name = item.t === 'call' && item.callee.t === 'ext' ? PLUGIN.exec(item.callee.name)?.[1] : undefined;
    if (!name || !PLUGINS.has(name)) return undefined;
    out.push(name as ContinuumPlugin);
  }
  return out;
}

/** The version, association version, transaction and plugin tables, as configure_mappers() builds them. */
export function addVersionTables(x: Extraction): void {
  const v = x.versioning;
  if (!v || !v.options.versioning) return;
  const pending = x.ctx.project.created.slice(v.from).flatMap((cls) => versionedClass(x, v, cls) ?? []);
  if (pending.length === 0) return;
  // a single-table subclass of a class versioned before it extends that version table, with no column of its own
  const built: MappedClass[] = [];
  for (const p of pending) {
    if (!p.options.versioning || !p.options.createTables || !p.mapped.table) continue;
    if (built.some((m) => isSubclass(p.mapped, m) && m.table === p.mapped.table)) continue;
    versionTable(x, v, p.mapped.table, p);
    built.push(p.mapped);
  }
  const base = pending[0]!.mapped;
  const source: SourceRef = { file: v.file, line: v.line, symbol: 'make_versioned' };
  const taken = (name: string): boolean => findClassNamed(x, base.registry, name) !== undefined;
  const meta = base.registry.meta;
  const user = userColumnSource(x, v, base.registry);
  if (user === 'missing') x.orphans.push({ file: v.file, line: v.line, reason: messages.versionUserClass(v.userCls.k === 'name' ? v.userCls.name : '') });
  else {
    if (!taken('Transaction')) x.tables.push(transactionTable(x, meta, source, user));
    for (const t of pluginTables(x, meta, source, v.plugins, taken)) x.tables.push(t);
  }
  if (!v.options.createModels) return;
  for (const p of pending) if (p.options.versioning) addAssociationVersions(x, v, p);
}

interface Pending {
  mapped: MappedClass;
  options: VersionOptions;
}

/** A class instrumented with a `__versioned__` (its own or inherited) that is not told `class`: its options. */
function versionedClass(x: Extraction, v: Versioning, cls: ClassInfo): Pending | undefined {
  if (!mappedRegistry(x, cls)) return undefined;
  const found = dunderValue(x, cls, '__versioned__');
  if (!found) return undefined;
  const mapped = mapClass(x, cls);
  if (!mapped) return undefined;
  const dict = found.value;
  if (dict.t === 'dict' && dict.entries.some(([k, val]) => k.t === 'str' && k.v === 'class' && val.t !== 'none' && !(val.t === 'bool' && !val.v))) return undefined;
  const options = optionsOf(v.options, dict);
  if (!options) {
    const why = dict.t === 'dict' ? 'an option not known statically' : unknownCause(dict);
    x.orphans.push({ file: cls.module.file, line: cls.def.line, reason: messages.versionOptions(cls.name, why) });
    return undefined;
  }
  return { mapped, options };
}

function isSubclass(child: MappedClass, parent: MappedClass): boolean {
  for (let m: MappedClass | null = child; m; m = m.parent) if (m === parent) return true;
  return false;
}

function findClassNamed(x: Extraction, registry: Registry, name: string): ClassInfo | undefined {
  return x.ctx.project.created.find((c) => c.name === name && mappedRegistry(x, c) === registry);
}

/** The user class's first primary key column and its table; null without a user class; 'missing' when not found. */
function userColumnSource(x: Extraction, v: Versioning, registry: Registry): { table: TableDraft; column: ColumnDraft } | null | 'missing' {
  if (v.userCls.k === 'none') return null;
  const cls = v.userCls.k === 'class' ? v.userCls.cls : findClassNamed(x, registry, v.userCls.name);
  const table = cls ? mapClass(x, cls)?.table : undefined;
  if (!table) return 'missing';
  const first = primaryKeyNames(table)[0];
  const column = table.columns.find((c) => (c.name ?? columnObjectKey(c)) === first);
  return column ? { table, column } : 'missing';
}

/** TableBuilder: the parent's columns as ColumnReflector copies them, the internal columns, the composite indexes. */
function versionTable(x: Extraction, v: Versioning, parent: TableDraft, p: Pending | null): void {
  const o = p?.options ?? v.options;
  const excluded = (c: ColumnDraft): boolean => p !== null && c.attr !== undefined && !o.include.includes(c.attr) && o.exclude.includes(c.attr);
  const kept = parent.columns.filter((c) => !excluded(c));
  const source: SourceRef = { file: parent.source?.file ?? v.file, line: parent.source?.line ?? v.line, symbol: `${parent.name} version` };
  const columns = kept.map((c) => reflectColumn(c, parent, p !== null));
  if (!p?.mapped.isSingleTable) {
    const big = libraryType(x, 'BigInteger');
    columns.push(libraryColumn(o.transactionColumn, big, source, { primaryKey: true, index: true }));
    if (o.strategy === 'validity') columns.push(libraryColumn(o.endTransactionColumn, big, source, { index: true }));
    columns.push(libraryColumn(o.operationTypeColumn, libraryType(x, 'SmallInteger'), source, { nullable: false, index: true }));
  }
  if (p && v.plugins.includes('PropertyModTrackerPlugin')) {
    for (const c of kept.filter((c) => !c.primaryKey)) columns.push(modColumn(x, c, source));
  }
  const name = o.tableName.replace('%s', parent.name);
  const table: TableDraft = { name, schema: parent.schema, meta: parent.meta, columns, constraints: compositeIndexes(name, parent, columns, o), source, unresolved: [] };
  x.tables.push(table);
}

/** Column._copy with unique, foreign keys (bound to their constraints by then) and onupdate dropped, NULL allowed but on the primary key. */
function reflectColumn(c: ColumnDraft, parent: TableDraft, byMapper: boolean): ColumnDraft {
  return {
    ...copyColumn(c, parent, undefined),
    ...(byMapper && c.attr !== undefined ? { key: c.attr } : {}),
    ...(c.primaryKey ? {} : { nullable: true }),
    unique: false,
    foreignKeys: [],
    sortOrder: 0,
  };
}

/** PropertyModTrackerPlugin's `<name>_mod` flag of a column (by the Column's own key). */
function modColumn(x: Extraction, c: ColumnDraft, source: SourceRef): ColumnDraft {
  const column = libraryColumn(`${c.name ?? columnObjectKey(c)}_mod`, libraryType(x, 'Boolean'), source, { nullable: false, default: 'False', serverDefault: x.ctx.project.dialect === 'sqlite' ? '0' : 'false' });
  return { ...column, key: `${columnObjectKey(c)}_mod` };
}

/** `ix_<table>_pk_transaction_id` (and `_pk_validity`) over the parent's primary key, when it has one. */
function compositeIndexes(name: string, parent: TableDraft, columns: ColumnDraft[], o: VersionOptions): ConstraintDraft[] {
  if (!o.compositeIndex) return [];
  const pkNames = primaryKeyNames(parent);
  if (pkNames.length === 0) return [];
  const keyOf = (n: string): { k: 'key'; key: string } => ({ k: 'key', key: columns.find((c) => (c.name ?? c.key) === n)?.key ?? n });
  const out: ConstraintDraft[] = [
    { k: 'ix', name: `ix_${name}_pk_transaction_id`, unique: false, columns: [...pkNames.map(keyOf), { k: 'expr', text: `${o.transactionColumn} DESC` }] },
  ];
  if (o.strategy === 'validity') {
    out.push({ k: 'ix', name: `ix_${name}_pk_validity`, unique: false, columns: [...pkNames.map(keyOf), keyOf(o.transactionColumn), keyOf(o.endTransactionColumn)] });
  }
  return out;
}

/** The parent table's primary key column names: a PrimaryKeyConstraint's, else its primary_key columns in order. */
function primaryKeyNames(table: TableDraft): string[] {
  const pk = table.constraints.find((c): c is Extract<ConstraintDraft, { k: 'pk' }> => c.k === 'pk');
  const byKey = (key: string): ColumnDraft | undefined => table.columns.find((c) => columnObjectKey(c) === key || c.attr === key || c.name === key);
  if (pk && pk.columns.length > 0) return pk.columns.map((r) => (r.k === 'key' ? (byKey(r.key)?.name ?? r.key) : ''));
  return table.columns.filter((c) => c.primaryKey).map((c) => c.name ?? columnObjectKey(c));
}

/**
 * RelationshipBuilder: each `relationship(secondary=...)` of a versioned class (its own, a mixin's, a mapped
 * parent's), not viewonly and not excluded, gets its table versioned with the manager's options.
 */
function addAssociationVersions(x: Extraction, v: Versioning, p: Pending): void {
  for (const { key, call, owner } of relationshipsOf(x, p.mapped.cls)) {
    const secondary = call.kwargs.get('secondary');
    if (secondary === undefined || secondary.t === 'none') continue;
    const viewonly = call.kwargs.get('viewonly');
    if (viewonly?.t === 'bool' && viewonly.v) continue;
    if (!p.options.include.includes(key) && p.options.exclude.includes(key)) continue;
    const table = secondaryTable(x, configuredSecondary(x, secondary, call, owner), p.mapped);
    if (!table) {
      x.orphans.push({ file: call.file, line: call.line, reason: messages.versionSecondary(unknownCause(secondary)) });
      continue;
    }
    const name = v.options.tableName.replace('%s', table.name);
    if (x.tables.some((t) => t.meta === table.meta && t.name === name && t.schema === table.schema)) continue;
    versionTable(x, v, table, null);
  }
}

interface Relationship {
  key: string;
  call: CallValue;
  /** the class whose body declares it */
  owner: ClassInfo;
}

/** The relationships mapped on a class: its own, its mixins' and mapped parents' (first in MRO order wins). */
function relationshipsOf(x: Extraction, cls: ClassInfo): Relationship[] {
  const out: Relationship[] = [];
  const seen = new Set<string>();
  for (const e of mroOf(x.ctx, cls)) {
    if (e.k !== 'class') continue;
    for (const [key, attr] of ownAttrs(x, e.cls)) {
      if (seen.has(key) || attr.isClass) continue;
      seen.add(key);
      const call = callOf(attrValue(x, e.cls, attr, cls) ?? undefined, 'relationship', 'relation');
      if (call) out.push({ key, call, owner: e.cls });
    }
  }
  return [...out, ...backrefsTo(x, cls)];
}

/** `relationship(Target, secondary=..., backref="name")` on another class: the backref is a relationship of Target. */
function backrefsTo(x: Extraction, target: ClassInfo): Relationship[] {
  const out: Relationship[] = [];
  for (const cls of x.ctx.project.created) {
    if (cls === target || !mappedRegistry(x, cls)) continue;
    for (const attr of ownAttrs(x, cls).values()) {
      if (!attr.expr || attr.isClass) continue;
      const call = callOf(evaluatedAttr(x, cls, attr), 'relationship', 'relation');
      const backref = call?.kwargs.get('backref');
      if (!call || !backref || !namesClass(call.args[0], target)) continue;
      const key = backref.t === 'str' ? backref.v : backref.t === 'call' && backref.args[0]?.t === 'str' ? backref.args[0].v : undefined;
      if (key !== undefined) out.push({ key, call, owner: cls });
    }
  }
  return out;
}

function namesClass(v: Value | undefined, cls: ClassInfo): boolean {
  if (v?.t === 'class') return v.cls === cls;
  return v?.t === 'str' && (v.v === cls.name || v.v.endsWith(`.${cls.name}`));
}

/**
 * The secondary as the mappers are configured: one read while the class body ran (`Link.__table__` of a class not
 * mapped then) is read again now, and a lambda is called.
 */
function configuredSecondary(x: Extraction, secondary: Value, call: CallValue, owner: ClassInfo): Value {
  const env = { module: owner.module, cls: owner, depth: 0 };
  const given = call.expr.k === 'call' ? call.expr.args.find((a) => a.name === 'secondary')?.value : undefined;
  const now = secondary.t === 'unknown' && given ? evalExpr(x.ctx, given, env) : secondary;
  return now.t === 'code' && now.expr.k === 'lambda' ? calledLambda(x, now, owner.module) : now;
}

/** A `Table(...)`, `metadata.tables[...]`, `Model.__table__`, or a string SQLAlchemy looks up in the class's MetaData. */
function secondaryTable(x: Extraction, secondary: Value, mapped: MappedClass): TableDraft | undefined {
  if (secondary.t === 'clsattr' && secondary.name === '__table__') return mapClass(x, secondary.cls)?.table ?? undefined;
  if (secondary.t === 'str') return tableByKey(x, mapped.table?.meta, secondary.v);
  return tableOfRef(x, secondary);
}
