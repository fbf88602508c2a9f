// Declarative mapping of one class: its table (own, fixed `__table__`, or the parent's under single-table
// inheritance), its columns in SQLAlchemy's order, and `__table_args__`.
import type { Unresolved } from '../schema/types.js';
import { mroOf } from './classes.js';
import { inDict, ownAttrs } from './class-body.js';
import { isParentTableDefault } from './column-objects.js';
import { addConstraint, addTableArgs, columnArguments, CONSTRAINT_NAMES, constraintOf, dictKwargs, tableForCall } from './core-tables.js';
import { evalExpr } from './evaluate.js';
import { reprOf } from './evaluate-format.js';
import { dunderValue, evaluatedAttr, pendingProblems, scanAttributes, type Attr } from './declarative-scan.js';
import type { ColumnDraft, TableDraft } from './drafts.js';
import { flaskKeepsTable, shouldSetTablename, snakeCase } from './flask-naming.js';
import { columnOfAttr } from './mapped-columns.js';
import { abstractConcreteRegistry, mappedRegistry, unknownBases } from './model-kind.js';
import { hasFlaskNaming, metadataFor, type Registry } from './registry.js';
import { applyMapperOptions, mapsColumn, propertyColumn } from './module-effects.js';
import { findColumn, tableOfRef, usesColumnOf } from './references.js';
import { mapSqlModel } from './sqlmodel.js';
import { reportRefusedAnnotations } from './refused-annotations.js';
import { tableClsDecision } from './table-cls-hook.js';
import type { Extraction, MappedClass } from './state.js';
import { messages } from './messages.js';
import { lastName, valueText } from './value-text.js';
import { scalar, type ClassInfo, type Value } from './values.js';

export function mapClass(x: Extraction, cls: ClassInfo): MappedClass | null {
  if (x.mapped.has(cls)) return x.mapped.get(cls)!;
  x.mapped.set(cls, null);
  const registry = mappedRegistry(x, cls);
  if (!registry) return null;
  if (registry.flavor !== 'sqlmodel') reportRefusedAnnotations(x, cls);
  const result = registry.flavor === 'sqlmodel' ? mapSqlModel(x, cls, registry) : mapDeclarative(x, cls, registry);
  x.mapped.set(cls, result);
  return result;
}

/** The table an unmapped AbstractConcreteBase class builds when it names one (see abstractConcreteRegistry). */
export function mapAbstractConcrete(x: Extraction, cls: ClassInfo): void {
  const registry = x.mapped.has(cls) ? null : abstractConcreteTableRegistry(x, cls);
  if (registry) mapDeclarative(x, cls, registry);
}

/**
 * A mixin column copied from an AbstractConcreteBase class whose own table already holds it: Column._copy leaves out
 * a ForeignKey bound to a table's constraint, and the copy has the type the bound column was given.
 */
function fromBoundColumn(x: Extraction, attr: Attr, draft: ColumnDraft): void {
  mapAbstractConcrete(x, attr.owner);
  const owner = x.mapped.get(attr.owner);
  const bound = owner?.table && owner.columns.get(attr.name);
  if (!owner?.table || !bound) return;
  draft.foreignKeys = [];
  draft.typeFrom ??= { table: owner.table, column: bound };
}

function abstractConcreteTableRegistry(x: Extraction, cls: ClassInfo): Registry | null {
  const registry = abstractConcreteRegistry(x, cls);
  return registry && resolveTablename(x, cls).t === 'str' ? registry : null;
}

function parentOf(x: Extraction, cls: ClassInfo): MappedClass | null {
  for (const e of mroOf(x.ctx, cls).slice(1)) {
    if (e.k === 'class' && mappedRegistry(x, e.cls)) return mapClass(x, e.cls);
  }
  return null;
}

function mapDeclarative(x: Extraction, cls: ClassInfo, registry: Registry): MappedClass {
  const parent = parentOf(x, cls);
  const names = (c: ClassInfo): Set<string> => mapClass(x, c)?.names ?? new Set();
  const problems: Unresolved[] = [...pendingProblems(x, cls), ...outsideBaseProblems(x, cls)];
  const columns: ColumnDraft[] = [];
  const copied = new Set<ColumnDraft>();
  const byAttr = new Map<string, ColumnDraft>();
  const scanned = scanAttributes(x, cls, names);
  for (const attr of scanned) {
    const { draft, more, problem } = columnOfAttr(x, attr, registry);
    if (problem) problems.push(problem);
    if (draft && attr.copied) {
      fromBoundColumn(x, attr, draft);
      copied.add(draft);
    }
    if (draft) {
      columns.push(draft);
      byAttr.set(attr.name, draft);
    }
    for (const column of more ?? []) {
      columns.push(column);
      if (column.key) byAttr.set(column.key, column);
    }
  }
  const mapped: MappedClass = { cls, registry, table: null, isSingleTable: false, parent, columns: byAttr, names: new Set([...scanned.map((a) => a.name), ...dictNames(x, cls)]) };
  // the class must be known before its table args are evaluated (they may name `cls.__tablename__`)
  x.mapped.set(cls, mapped);
  const renamed = placeColumns(x, mapped, columns, problems, copied);
  // read once the table is placed: `__mapper_args__` may name its columns
  const options = mapperOptions(x, cls);
  if (renamed && mapped.table) applyMapperOptions(x, mapped.table, options, renamed);
  else prefixOwnColumns(mapped, columns, options);
  return mapped;
}

/** Whether `__mapper_args__` gives the mapper its primary key; undefined when they are not known statically. */
export function mapperGivesKey(x: Extraction, cls: ClassInfo): boolean | undefined {
  const args = dunderValue(x, cls, '__mapper_args__')?.value;
  if (args === undefined || args.t === 'none') return false;
  return args.t === 'dict' ? dictKwargs(args).has('primary_key') : undefined;
}

/** `__mapper_args__`, the class's own or inherited as Python looks it up, as keywords of the class's mapper. */
function mapperOptions(x: Extraction, cls: ClassInfo): Map<string, Value> {
  const args = dunderValue(x, cls, '__mapper_args__')?.value;
  return args?.t === 'dict' ? dictKwargs(args) : new Map();
}

/**
 * `"column_prefix": "_"` in `__mapper_args__`: a column declared in the body under its own name (`id =
 * Column(Integer)`) is mapped from the table as `_id`; one with a name or key of its own is a named property.
 */
function prefixOwnColumns(mapped: MappedClass, columns: ColumnDraft[], options: Map<string, Value>): void {
  const prefix = options.get('column_prefix');
  if (prefix?.t !== 'str') return;
  const isMapped = mapsColumn(options);
  for (const col of columns) {
    if (!col.byOwnKey || !col.attr || !isMapped(col.attr)) continue;
    col.attr = prefix.v + col.attr;
    mapped.columns.set(col.attr, col);
  }
}

function dictNames(x: Extraction, cls: ClassInfo): string[] {
  return [...ownAttrs(x, cls)].filter(([, a]) => inDict(a)).map(([n]) => n);
}

function outsideBaseProblems(x: Extraction, cls: ClassInfo): Unresolved[] {
  // mapped by an outside base (model-kind.ts outsideRootRegistry keys its registry by the first of them)
  const byOutsideRoot = mappedRegistry(x, cls)?.meta.outside === true;
  return unknownBases(x, cls).map((v, i) => ({ file: cls.module.file, line: cls.def.line, symbol: baseName(v), reason: messages.outsideBase(baseName(v), v, byOutsideRoot && i === 0) }));
}

function baseName(v: Value): string {
  if (v.t === 'ext') return v.name.slice(v.name.lastIndexOf('.') + 1);
  return valueText(v);
}

/**
 * Where the columns go: a new table, the fixed `__table__`, or the parent's table (single-table inheritance).
 * Over a fixed `__table__`, the columns its class-body properties renamed.
 */
function placeColumns(x: Extraction, mapped: MappedClass, columns: ColumnDraft[], problems: Unresolved[], copied: ReadonlySet<ColumnDraft>): Set<ColumnDraft> | undefined {
  const { cls } = mapped;
  const fixed = ownAttrs(x, cls).get('__table__');
  if (fixed?.expr || fixed?.value) {
    const table = tableForCall(x, dunderValue(x, cls, '__table__')?.value);
    if (!table) return undefined;
    adoptTable(table, mapped, problems);
    return renameProperties(x, mapped, table);
  }
  const tablename = tablenameText(resolveTablename(x, cls));
  if (tablename.t === 'str') {
    // a table of its own takes its columns by sort_order; single-table inheritance appends them as collected
    const ordered = [...columns].sort((a, b) => a.sortOrder - b.sortOrder);
    const decision = tableClsDecision(x, cls, tablename.v, ordered, tableArgsOf(x, cls));
    if (decision?.k === 'unknown') problems.push({ file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.tableClsHook(decision.reason) });
    const hasPk = ordered.some((c) => c.primaryKey);
    if (decision?.k !== 'single' && (!hasFlaskNaming(mapped.registry) || flaskKeepsTable(x, cls, hasPk))) {
      mapped.table = newTable(x, mapped, decision?.k === 'table' ? decision.name : tablename.v, ordered, problems);
      return;
    }
  } else if (tablename.t !== 'none') {
    const reason = tablename.t === 'unknown' ? tablename.reason : `${valueText(tablename)} is not a string known statically`;
    const problem = { file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.tablename(reason) };
    // with no parent table to hold it, the class's table is lost: said where every table's problems go
    if (mapped.parent?.table) mapped.parent.table.unresolved.push(problem);
    else x.orphans.push(problem);
    return;
  }
  singleTable(x, mapped, columns, problems, copied);
}

function adoptTable(table: TableDraft, mapped: MappedClass, problems: Unresolved[]): void {
  mapped.table = table;
  table.cls = mapped.cls;
  table.source = { file: mapped.cls.module.file, line: mapped.cls.def.line, symbol: mapped.cls.name };
  table.unresolved.push(...problems);
  for (const col of table.columns) if (col.key) mapped.columns.set(col.key, col);
}

/**
 * `default_value = features.c["default"]` or `deprecated = column_property(features.c.is_deprecated)` in a class
 * over a fixed `__table__`: the column is mapped under that attribute name.
 */
function renameProperties(x: Extraction, mapped: MappedClass, table: TableDraft): Set<ColumnDraft> {
  const { cls } = mapped;
  const renamed = new Set<ColumnDraft>();
  for (const [name, attr] of ownAttrs(x, cls)) {
    if (!attr.expr || name.startsWith('__')) continue;
    const target = propertyColumn(evalExpr(x.ctx, attr.expr, { module: cls.module, cls, depth: 0 }));
    const col = target && tableOfRef(x, target.table) === table ? findColumn(table, target.name) : undefined;
    if (!col) continue;
    col.attr = name;
    mapped.columns.set(name, col);
    renamed.add(col);
  }
  return renamed;
}

function newTable(x: Extraction, mapped: MappedClass, name: string, columns: ColumnDraft[], problems: Unresolved[]): TableDraft {
  const { cls } = mapped;
  const meta = metadataFor(x.ctx, x.reg, cls) ?? mapped.registry.meta;
  const table: TableDraft = {
    name,
    schema: meta.schema,
    meta,
    columns,
    constraints: [],
    source: { file: cls.module.file, line: firstLine(cls), symbol: cls.name },
    unresolved: [...problems, ...columns.flatMap((c) => c.unresolved)],
    cls,
  };
  mapped.table = table;
  x.tables.push(table);
  const args = tableArgsOf(x, cls);
  if (args) addTableArgs(x, table, args, cls.module.file, cls.def.line);
  addBodyIndexes(x, table, cls);
  return table;
}

/**
 * An Index or constraint made in the class body over the class's own Column objects, as a bare statement or held
 * by an attribute (`ix = Index("ix_id_desc", id.desc())`), attaches to the table once those columns do
 * (SQLAlchemy's ColumnCollectionMixin._check_attach). One that names any column by a string never attaches.
 */
function addBodyIndexes(x: Extraction, table: TableDraft, cls: ClassInfo): void {
  const attrs = ownAttrs(x, cls);
  for (const stmt of cls.def.body) {
    const expr = stmt.k === 'expr' ? stmt.value : stmt.k === 'assign' || stmt.k === 'ann' ? stmt.value : null;
    if (expr?.k !== 'call') continue;
    const target = stmt.k === 'assign' && stmt.targets.length === 1 ? stmt.targets[0] : stmt.k === 'ann' ? stmt.target : null;
    const attr = target?.k === 'name' ? attrs.get(target.id) : undefined;
    // an attribute the mapping has read comes from its memo (`ix = make_index(id)` too); another is read again
    // only when it spells a constraint, as evaluating every attribute would cost a tenth of the extraction
    const held = attr?.expr === expr ? evaluatedAttr(x, cls, attr) : undefined;
    if (!held && stmt.k !== 'expr' && !CONSTRAINT_NAMES.has(lastName(expr.fn))) continue;
    const value = held ?? evalExpr(x.ctx, expr, { module: cls.module, cls, depth: 0 });
    const constraint = value.t === 'call' ? constraintOf(value) : undefined;
    if (value.t !== 'call' || !constraint) continue;
    const columns = columnArguments(value);
    if (!columns.some((c) => c.t === 'str') && usesColumnOf(x, table, columns)) addConstraint(table, value, constraint);
  }
}

/** inspect.getsourcelines(cls) starts at the first decorator. */
function firstLine(cls: ClassInfo): number {
  return Math.min(cls.def.line, ...cls.def.decorators.map((d) => d.line));
}

/** `copied`: the columns copied from mixins (Column._copy), each a new object for this class. */
function singleTable(x: Extraction, mapped: MappedClass, columns: ColumnDraft[], problems: Unresolved[], copied: ReadonlySet<ColumnDraft>): void {
  const parentTable = mapped.parent?.table ?? null;
  mapped.isSingleTable = true;
  mapped.table = parentTable;
  if (!parentTable) {
    // SQLAlchemy refuses such a class, so something set its table name in a way not followed here
    const { cls } = mapped;
    x.orphans.push({ file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.noTable(cls.name) }, ...problems);
    return;
  }
  parentTable.unresolved.push(...problems, ...columns.flatMap((c) => c.unresolved));
  for (const col of columns) {
    const existing = parentTable.columns.find((c) => c.name === col.name);
    if (!existing) parentTable.columns.push(col);
    else if (!sharesColumn(existing, col, copied.has(col))) {
      // a mixin's copy is said at the class, whose file a partial extraction rebuilds
      const { cls } = mapped;
      const at = copied.has(col) ? { file: cls.module.file, line: cls.def.line } : col.source;
      x.orphans.push({ file: at.file, line: at.line, reason: messages.inheritedColumnConflict(col.name ?? '', cls.name, `${parentTable.name}.${existing.name}`) });
    }
  }
}

/**
 * A single-table subclass's column named as one its parent's table has already: SQLAlchemy raises at import unless
 * it is that same Column object (`Parent.__table__.c.get(...)`) or `mapped_column(use_existing_column=True)`.
 */
function sharesColumn(existing: ColumnDraft, col: ColumnDraft, isCopy: boolean): boolean {
  if (existing === col || (!isCopy && col.call !== undefined && col.call === existing.call) || isParentTableDefault(col.call)) return true;
  const flag = col.call?.kwargs.get('use_existing_column');
  return flag?.t === 'bool' && flag.v;
}

/**
 * Table() takes str() of a name that is not a string: ensembl's `__tablename__ = ("translation_attrib",)` names the
 * table `('translation_attrib',)`, as SQLAlchemy builds it; a number is its digits. (str() of a tuple or a number is
 * its repr; a list fails the mapping, unhashable, as it does here: not a name.)
 */
function tablenameText(name: Value): Value {
  if (!(name.t === 'seq' && name.kind === 'tuple') && name.t !== 'num') return name;
  const text = reprOf(name);
  return text === undefined ? name : { t: 'str', v: text };
}

/** `__tablename__` as SQLAlchemy picks it; Flask-SQLAlchemy may set it from the class name first. */
export function resolveTablename(x: Extraction, cls: ClassInfo): Value {
  const registry = mappedRegistry(x, cls);
  if (hasFlaskNaming(registry) && shouldSetTablename(x, cls)) return { t: 'str', v: snakeCase(cls.name) };
  for (const e of mroOf(x.ctx, cls)) {
    if (e.k !== 'class') continue;
    const attr = ownAttrs(x, e.cls).get('__tablename__');
    if (!inDict(attr)) continue;
    const isMappedBase = e.cls !== cls && mappedRegistry(x, e.cls) !== null;
    if (isMappedBase && !attr!.def) continue;
    const found = dunderValue(x, cls, '__tablename__');
    if (found && found.value.t !== 'none') return scalar(found.value);
  }
  return { t: 'none' };
}

function tableArgsOf(x: Extraction, cls: ClassInfo): Value | undefined {
  for (const e of mroOf(x.ctx, cls)) {
    if (e.k !== 'class') continue;
    const attr = ownAttrs(x, e.cls).get('__table_args__');
    if (!inDict(attr)) continue;
    const isMappedBase = e.cls !== cls && mappedRegistry(x, e.cls) !== null;
    if (isMappedBase && !attr!.def) continue;
    return dunderValue(x, cls, '__table_args__')?.value;
  }
  return undefined;
}
