// One collected class attribute to its column: Column, mapped_column with its Mapped[] annotation,
// column_property / deferred wrappers, annotation-only columns; relationships and the like are skipped.
import type { TypeSpec } from '../schema/type-spec.js';
import type { Unresolved } from '../schema/types.js';
import { annotatedExtras, readAnnotation, typeFromPython, type AnnotationInfo } from './annotations.js';
import { columnFromCall, callOf } from './columns.js';
import { ownAttrs } from './class-body.js';
import { annValue, attrValue, type Attr } from './declarative-scan.js';
import type { ColumnDraft } from './drafts.js';
import type { Registry } from './registry.js';
import type { Extraction } from './state.js';
import type { CallValue, ClassInfo, ModuleInfo, Value } from './values.js';
import { messages } from './messages.js';
import { mangled } from './evaluate-attr.js';
import { saSymbol } from './sa-names.js';
import { namedValueText, valueText } from './value-text.js';
import { callValue } from './evaluate-call.js';

/** Wrappers whose first argument declares a new column. */
const WRAPPERS = new Set(['column_property', 'deferred', 'ColumnProperty']);

export interface AttrColumn {
  draft?: ColumnDraft;
  /** the columns a composite() declares, in its order */
  more?: ColumnDraft[];
  problem?: Unresolved;
}

export function columnOfAttr(x: Extraction, attr: Attr, registry: Registry): AttrColumn {
  const info = attr.ann ? readAnnotation(x.ctx, attr.ann, attr.owner.module) : null;
  if (info?.container === 'classvar') return {};
  const value = attr.value;
  if (value === null) {
    if (info?.container !== 'mapped') return {};
    const implicit: CallValue = { t: 'call', callee: { t: 'ext', name: 'sqlalchemy.orm.mapped_column' }, args: [], kwargs: new Map(), file: attr.owner.module.file, line: attr.line, expr: { k: 'name', id: attr.name, line: attr.line } };
    return finishMapped(x, implicit, attr, info, registry);
  }
  if (value.t === 'unknown') {
    if (info?.container === 'mapped' || isCallLike(attr)) {
      return { problem: { file: value.file, line: value.line || attr.line, symbol: attr.name, reason: value.reason } };
    }
    return {};
  }
  const comp = callOf(value, 'composite');
  if (comp) return { more: compositeColumns(x, comp, attr, info, registry) };
  const wrapped = callOf(value, ...WRAPPERS)?.args[0];
  const column = callOf(value, 'Column') ?? callOf(wrapped, 'Column');
  if (column) return { draft: named(columnFromCall(x.ctx, column, attr.name), attr) };
  const mappedColumn = callOf(value, 'mapped_column');
  if (mappedColumn) return finishMapped(x, mappedColumn, attr, info, registry);
  // `deferred(mapped_column(Text))` under `Mapped[str]`: the wrapper is what is mapped, and the annotation is not
  // applied to the column it wraps (nullable as the column says, paddles' `description`); with no type given, the
  // column's type is NullType
  const wrappedColumn = callOf(wrapped, 'mapped_column');
  if (wrappedColumn) {
    const draft = named(columnFromCall(x.ctx, wrappedColumn, attr.name), attr);
    if (!draft.type && !draft.typeUnknown && draft.foreignKeys.length === 0) draft.type = nullType();
    return { draft };
  }
  // `relationship(secondary=make_table(cls, ...))` whose helper could not be run: its association table is missing
  const given = callOf(value, 'relationship')?.kwargs.get('secondary');
  const secondary = given?.t === 'code' && given.expr.k === 'lambda' ? calledLambda(x, given, attr.owner.module) : given;
  // `secondary=association("warehouse", "supplier")` in the class body: the table the helper made exists
  if (secondary && secondary.t !== 'unknown') x.onMappingEffect?.(secondary);
  if (secondary?.t === 'unknown') return { problem: { file: secondary.file, line: secondary.line || attr.line, symbol: attr.name, reason: messages.secondaryNotKnown(secondary.reason) } };
  // `code: Mapped[str] = vendor.code_column()`: mapped, by a library schemaguard cannot read; it may be a column
  const outside = value.t === 'call' ? value.callee : value;
  if (info?.container === 'mapped' && outside.t === 'ext' && saSymbol(outside) === undefined) {
    return { problem: { file: attr.owner.module.file, line: attr.line, symbol: attr.name, reason: messages.mappedOutside(valueText(value)) } };
  }
  // `task_id = db.Column(...)` over a `db` of a library not known (an extension subclassing Flask-SQLAlchemy's)
  const maker = value.t === 'call' ? outsideColumnMaker(value.callee) : undefined;
  if (maker) return { problem: { file: attr.owner.module.file, line: attr.line, symbol: attr.name, reason: messages.columnOutside(maker) } };
  return {};
}

/** A `Column` or `mapped_column` that is not SQLAlchemy's (an attribute of an outside object, or an outside name): its text. */
function outsideColumnMaker(callee: Value): string | undefined {
  if (callee.t === 'attr') return COLUMN_MAKERS.has(callee.name) ? `${namedValueText(callee.obj)}.${callee.name}` : undefined;
  const isMaker = callee.t === 'ext' && saSymbol(callee) === undefined && COLUMN_MAKERS.has(callee.name.slice(callee.name.lastIndexOf('.') + 1));
  return isMaker ? callee.name : undefined;
}

const COLUMN_MAKERS = new Set(['Column', 'mapped_column']);

/** Values of attributes we could not evaluate: a call may have built a column. */
function nullType(): TypeSpec {
  return { name: 'NullType', module: 'sqlalchemy', args: [], kwargs: {} };
}

/**
 * `secondary=lambda: make_tags_table(cls.__tablename__)`: SQLAlchemy calls it when the mappers are configured, so a
 * table it makes exists then; it is called here, as mapping meets it.
 */
export function calledLambda(x: Extraction, lambda: Extract<Value, { t: 'code' }>, module: ModuleInfo): Value {
  return callValue(x.ctx, lambda, { args: [], kwargs: new Map() }, { module, depth: 0 }, lambda.expr);
}

function isCallLike(attr: Attr): boolean {
  return attr.value?.t === 'unknown';
}

/** The column an attribute maps, named and keyed by the attribute as Python stores it (baruwa's `__password`). */
function named(draft: ColumnDraft, attr: Attr): ColumnDraft {
  const key = mangled(attr.owner, attr.name);
  if ((draft.name ?? key) === key && (draft.key ?? draft.name ?? key) === key) draft.byOwnKey = true;
  draft.attr = key;
  draft.key = key;
  draft.name ??= key;
  return draft;
}

function finishMapped(x: Extraction, call: CallValue, attr: Attr, info: AnnotationInfo | null, registry: Registry): AttrColumn {
  const draft = named(columnFromCall(x.ctx, call, attr.name), attr);
  if (info?.container !== 'mapped') {
    // a type that was given but is not known keeps the column, its type reported unresolved (as Column(...) does);
    // NullType counts as none given (SQLAlchemy asks for an annotation then)
    const isUntyped = !draft.type || draft.type.name === 'NullType';
    if (isUntyped && draft.foreignKeys.length === 0 && draft.unresolved.length === 0) {
      return { problem: { file: call.file, line: call.line, symbol: attr.name, reason: 'mapped_column() without a type or a Mapped[] annotation' } };
    }
    return { draft };
  }
  draft.nullableDefault = info.optional;
  // `mapped_column(NullType)` under `Mapped[Optional[str]]` (sqlacodegen's output for an unknown type): declarative
  // types a NullType column that has no foreign key from its annotation, as if none were given
  if (draft.type?.name === 'NullType' && draft.foreignKeys.length === 0) draft.type = null;
  // only the first mapped_column of an Annotated (nested ones flattened) lends its arguments, as SQLAlchemy reads it
  const lent = annotatedExtras(info.type).extras.map((extra) => callOf(extra, 'mapped_column')).find((c) => c !== undefined);
  if (lent) mergeColumn(columnFromCall(x.ctx, lent, attr.name), draft);
  if (!draft.type && !draft.typeUnknown && draft.foreignKeys.length === 0) {
    if (!info.type) return { problem: { file: call.file, line: call.line, symbol: attr.name, reason: 'Mapped without a type' } };
    const spec = typeFromPython(x.ctx, info.type, registry.typeMap, 'sqlalchemy', call.file, attr.line);
    if ('t' in spec) draft.unresolved.push({ file: spec.file || call.file, line: spec.line || attr.line, symbol: attr.name, reason: spec.reason });
    else draft.type = spec;
  }
  return { draft };
}

/**
 * composite(Point, mapped_column("lat"), ...) or composite(...) under Mapped[Point]: each column takes its
 * name and annotation from the composite class's field at its position (declarative_scan_for_composite).
 */
function compositeColumns(x: Extraction, call: CallValue, attr: Attr, info: AnnotationInfo | null, registry: Registry): ColumnDraft[] {
  const [first, ...rest] = call.args;
  const cls = first?.t === 'class' ? first.cls : info?.type?.t === 'class' ? info.type.cls : undefined;
  const columns = first?.t === 'class' ? rest : call.args;
  const fields = cls ? [...ownAttrs(x, cls).values()].filter((f) => f.ann !== null) : [];
  const mappedElsewhere = attributeValues(x, attr);
  const out: ColumnDraft[] = [];
  columns.forEach((v, i) => {
    const field = fields[i];
    const plain = callOf(v, 'Column');
    const mapped = callOf(v, 'mapped_column');
    // `composite(list_price, currency)` over the class's own attributes: their columns, not new ones
    if ((!plain && !mapped) || mappedElsewhere.has(v)) return;
    const draft = columnFromCall(x.ctx, (plain ?? mapped)!, null);
    draft.name ??= field?.name ?? null;
    draft.key = draft.name;
    if (mapped && field && cls) applyFieldAnnotation(x, draft, annValue(x, cls, field), cls, registry);
    out.push(draft);
  });
  return out;
}

/** The values of the other attributes of the composite's class body (a class-body name is one object). */
function attributeValues(x: Extraction, attr: Attr): Set<Value> {
  const out = new Set<Value>();
  for (const [name, own] of ownAttrs(x, attr.owner)) {
    const value = name === attr.name || !own.expr ? null : attrValue(x, attr.owner, own, attr.owner);
    if (value) out.add(value);
  }
  return out;
}

/** A composite field's plain annotation (`lat: float`) sets nullability and, when missing, the type. */
function applyFieldAnnotation(x: Extraction, draft: ColumnDraft, ann: Value | null, cls: ClassInfo, registry: Registry): void {
  if (!ann) return;
  const info = readAnnotation(x.ctx, ann, cls.module);
  draft.nullableDefault = info.optional;
  if (draft.type || draft.foreignKeys.length > 0 || !info.type) return;
  const spec = typeFromPython(x.ctx, info.type, registry.typeMap, 'sqlalchemy', draft.source.file, draft.source.line);
  if ('t' in spec) draft.unresolved.push({ ...draft.source, symbol: draft.name ?? '', reason: spec.reason });
  else draft.type = spec;
}

/** Column._merge: what an `Annotated[..., mapped_column(...)]` contributes where the attribute's own column is silent. */
function mergeColumn(from: ColumnDraft, into: ColumnDraft): void {
  if (from.primaryKey) into.primaryKey = true;
  if (from.type && !into.type) into.type = from.type;
  if (from.nullable !== null && into.nullable === null) into.nullable = from.nullable;
  into.default ??= from.default;
  into.serverDefault ??= from.serverDefault;
  into.index ??= from.index;
  into.unique ??= from.unique;
  into.comment ??= from.comment;
  into.checks.push(...from.checks);
  into.foreignKeys.push(...from.foreignKeys);
  into.unresolved.push(...from.unresolved);
  if (into.sortOrder === 0) into.sortOrder = from.sortOrder;
}
