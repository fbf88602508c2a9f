// SQLModel 0.0.24 `table=True` classes: one column per pydantic field (sqlmodel/main.py get_column_from_field).
import type { Unresolved } from '../schema/types.js';
import { withSqlModelField } from './annotation-type.js';
import { forwardRef, readAnnotation, typeFromPython, withoutNone } from './annotations.js';
import { mroOf } from './classes.js';
import { isDunder, mergeOrdering, ownAnnotations, ownAttrs, type OwnAttr } from './class-body.js';
import { columnFromCall, callOf } from './columns.js';
import { addTableArgs } from './core-tables.js';
import { annValue, attrValue, dunderValue, pendingProblems } from './declarative-scan.js';
import type { ColumnDraft, TableDraft } from './drafts.js';
import type { Registry } from './registry.js';
import { pyName, saSymbol } from './sa-names.js';
import type { Extraction, MappedClass } from './state.js';
import { typeSpecOf } from './type-of.js';
import { messages } from './messages.js';
import { unknownCause } from './value-text.js';
import { unknown, type CallValue, type ClassInfo, type Value } from './values.js';

interface Field {
  name: string;
  owner: ClassInfo;
  attr: OwnAttr;
}

/** Pydantic field order: fields of base models first, an overridden field keeps its first place. */
function fieldsOf(x: Extraction, cls: ClassInfo): Field[] {
  const fields = new Map<string, Field>();
  const chain = mroOf(x.ctx, cls).flatMap((e) => (e.k === 'class' ? [e.cls] : [])).reverse();
  for (const owner of chain) {
    for (const [name, attr] of ownAttrs(x, owner)) {
      if (!attr.ann || name.startsWith('_') || isDunder(name) || name === 'model_config') continue;
      fields.set(name, { name, owner, attr });
    }
  }
  return [...fields.values()];
}

export function mapSqlModel(x: Extraction, cls: ClassInfo, registry: Registry): MappedClass {
  const columns: ColumnDraft[] = [];
  // what reading the class bodies met (an undecidable branch, a namespace key not known) is said on the table
  const problems: Unresolved[] = pendingProblems(x, cls);
  const byAttr = new Map<string, ColumnDraft>();
  const relationships: string[] = [];
  const given = new Map<ColumnDraft, Field>();
  for (const field of fieldsOf(x, cls)) {
    const draft = fieldColumn(x, field, problems, given);
    if (draft === RELATIONSHIP) {
      if (field.owner === cls) relationships.push(field.name);
      continue;
    }
    if (!draft) continue;
    columns.push(draft);
    byAttr.set(field.name, draft);
  }
  const rank = new Map(declarativeOrder([...byAttr.keys()], relationships, ownAnnotations(x, cls)).map((name, i) => [name, i]));
  columns.sort((a, b) => (rank.get(a.attr ?? '') ?? 0) - (rank.get(b.attr ?? '') ?? 0));
  const mapped: MappedClass = { cls, registry, table: null, isSingleTable: false, parent: null, columns: byAttr, names: new Set(byAttr.keys()) };
  x.mapped.set(cls, mapped);
  const own = dunderValue(x, cls, '__tablename__')?.value;
  const name = own?.t === 'str' ? own.v : cls.name.toLowerCase();
  // a name set but not known statically: the default name stands in, and says it may be wrong
  if (own && own.t !== 'str' && own.t !== 'none') problems.push({ file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.tablename(unknownCause(own)) });
  const table: TableDraft = {
    name,
    schema: registry.meta.schema,
    meta: registry.meta,
    columns,
    constraints: [],
    source: { file: cls.module.file, line: cls.def.line, symbol: cls.name },
    unresolved: [...problems, ...columns.flatMap((c) => c.unresolved)],
    cls,
  };
  mapped.table = table;
  x.tables.push(table);
  reportSharedColumns(x, table, given);
  const args = dunderValue(x, cls, '__table_args__');
  if (args) addTableArgs(x, table, args.value, cls.module.file, cls.def.line);
  return mapped;
}

/**
 * SQLModel hands declarative a field's `sa_column` object itself: a base model's, inherited by a second table, is
 * already that of the first, and SQLAlchemy raises at import (seacom's `created_at`).
 */
function reportSharedColumns(x: Extraction, table: TableDraft, given: Map<ColumnDraft, Field>): void {
  x.saColumnTables ??= new Map();
  for (const [draft, field] of given) {
    if (!draft.call) continue;
    const first = x.saColumnTables.get(draft.call);
    if (first === undefined) x.saColumnTables.set(draft.call, table.name);
    else if (first !== table.name) {
      x.orphans.push({ file: table.source!.file, line: table.source!.line, reason: messages.sharedSaColumn(field.name, field.owner.name, first, table.name) });
    }
  }
}

/**
 * The order declarative reads the columns in. SQLModel sets every pydantic field on the class (base models'
 * fields first), then its own relationships, and rebuilds `__annotations__` as the relationships' annotations
 * followed by the other own ones; declarative merges `vars(cls)` with that (util.merge_lists_w_ordering), so an
 * overridden field (`data` with an sa_column) moves to where the class annotates it.
 */
function declarativeOrder(fields: string[], relationships: string[], annotated: string[]): string[] {
  return mergeOrdering([...fields, ...relationships], [...relationships, ...annotated.filter((n) => !relationships.includes(n))]);
}

const RELATIONSHIP = Symbol('relationship');

/** `given`: the columns made of a field's `sa_column=Column(...)` object, with their field. */
function fieldColumn(x: Extraction, field: Field, problems: Unresolved[], given: Map<ColumnDraft, Field>): ColumnDraft | typeof RELATIONSHIP | null {
  const { owner, attr, name } = field;
  const ann = annValue(x, owner, attr);
  const info = ann ? readAnnotation(x.ctx, ann, owner.module) : null;
  if (!info || info.container === 'classvar') return null;
  const value = attr.expr || attr.value ? attrValue(x, owner, attr, owner) : null;
  if (value?.t === 'call' && saSymbol(value.callee) === 'sqlmodel.Relationship') return RELATIONSHIP;
  // pydantic takes a Field(...) and constraints from an Annotated at the top of the annotation only: inside
  // Optional[...] or `| None` it validates with them, but the field SQLModel reads has none
  const top = forwardRef(x.ctx, ann!, owner.module);
  const declared = top.t === 'generic' && UNIONS.has(pyName(top.base) ?? '') ? { type: pydanticType(info.type).type } : pydanticType(info.type);
  const assigned = value?.t === 'call' ? sqlModelField(value) : undefined;
  // Annotated[str, Field(max_length=40)]: pydantic merges the annotation's Field with the assigned one
  const fieldCall = mergeFields(declared.field, assigned);
  const saColumn = callOf(fieldCall?.kwargs.get('sa_column'), 'Column');
  if (saColumn) {
    const draft = columnFromCall(x.ctx, saColumn, name);
    draft.name ??= name;
    draft.attr = name;
    given.set(draft, field);
    return draft;
  }
  const file = owner.module.file;
  // a plain value assigned beside an Annotated Field(...) is the default (`tag: Annotated[str, Field(max_length=12)] = "x"`)
  const call = columnCall(fieldCall, assigned ? null : value, info.optional, file, attr.line);
  const draft = columnFromCall(x.ctx, call, name);
  draft.name ??= name;
  draft.attr = name;
  const saType = fieldCall?.kwargs.get('sa_type');
  const spec = saType ? typeSpecOf(x.ctx, saType, file, attr.line) : inferredType(x, declared.type, mergeFields(declared.constraints, fieldCall), file, attr.line);
  if ('t' in spec) problems.push({ file, line: attr.line, symbol: name, reason: spec.reason });
  else draft.type = spec;
  return draft;
}

const UNIONS = new Set(['typing.Optional', 'typing.Union']);

/** pydantic's constrained-type helpers and the Python type they stand for. */
const CONSTRAINED: Record<string, string> = {
  constr: 'builtins.str',
  conint: 'builtins.int',
  confloat: 'builtins.float',
  condecimal: 'decimal.Decimal',
  conbytes: 'builtins.bytes',
  condate: 'datetime.date',
};

interface DeclaredType {
  type: Value | null;
  /** Field(...) given inside Annotated[...] */
  field?: CallValue;
  /** condecimal(max_digits=...) and friends: what reaches SQLModel's type choice */
  constraints?: CallValue;
}

function pydanticType(type: Value | null): DeclaredType {
  if (type?.t === 'generic' && pyName(type.base) === 'typing.Annotated') {
    // SQLModel's Field, or pydantic's: SQLModel reads max_length and the decimal digits from either
    const field = type.args.slice(1).map((a) => (a.t === 'call' ? sqlModelField(a) : undefined)).find((f) => f !== undefined);
    // Annotated[Optional[str], Field(max_length=6)]: optional inside, the type without None
    return { ...pydanticType(withoutNone(type.args[0] ?? { t: 'none' })), ...(field ? { field } : {}) };
  }
  if (type?.t === 'call' && type.callee.t === 'ext' && type.callee.name.startsWith('pydantic.')) {
    const base = CONSTRAINED[type.callee.name.slice(type.callee.name.lastIndexOf('.') + 1)];
    // constr(max_length=...) does not reach SQLModel's AutoString length; condecimal's digits do
    const keeps = base === 'decimal.Decimal';
    if (base) return { type: { t: 'ext', name: base }, ...(keeps ? { constraints: type } : {}) };
  }
  return { type };
}

function isPydanticField(v: Value): boolean {
  return v.t === 'ext' && (v.name === 'pydantic.Field' || v.name === 'pydantic.fields.Field');
}

/** What SQLModel reads of pydantic's own Field: its default and the sizes; the column keywords are SQLModel's alone. */
const PYDANTIC_FIELD_KEYWORDS = new Set(['default', 'default_factory', 'max_length', 'max_digits', 'decimal_places']);

/**
 * A `Field(...)` call as SQLModel reads it: SQLModel's whole, pydantic's (`from pydantic import Field`) without
 * keywords it does not have (a `primary_key=` there is no column option); undefined for any other call.
 */
function sqlModelField(call: CallValue): CallValue | undefined {
  if (saSymbol(call.callee) === 'sqlmodel.Field') return call;
  if (!isPydanticField(call.callee)) return undefined;
  return { ...call, kwargs: new Map([...call.kwargs].filter(([k]) => PYDANTIC_FIELD_KEYWORDS.has(k))) };
}

function mergeFields(first: CallValue | undefined, second: CallValue | undefined): CallValue | undefined {
  if (!first || !second) return second ?? first;
  return { ...second, kwargs: new Map([...first.kwargs, ...second.kwargs]) };
}

function inferredType(x: Extraction, type: Value | null, fieldCall: CallValue | undefined, file: string, line: number) {
  const spec = typeFromPython(x.ctx, type ?? { t: 'none' }, [], 'sqlmodel', file, line);
  if ('t' in spec) return spec;
  const args: Record<string, number | null> = {};
  for (const k of ['max_length', 'max_digits', 'decimal_places']) {
    const v = fieldCall?.kwargs.get(k);
    if (v && v.t !== 'num' && v.t !== 'none') return v.t === 'unknown' ? v : unknown(`Field(${k}=) not known statically`, file, line);
    args[k] = v?.t === 'num' ? v.v : null;
  }
  return withSqlModelField(spec, args);
}

/** The Column(...) SQLModel builds for a field, as a call value the column reader understands. */
function columnCall(field: CallValue | undefined, value: Value | null, optional: boolean, file: string, line: number): CallValue {
  const kw = field?.kwargs ?? new Map<string, Value>();
  const bool = (k: string): boolean => kw.get(k)?.t === 'bool' && (kw.get(k) as { v: boolean }).v;
  const primaryKey = bool('primary_key');
  const explicit = kw.get('nullable');
  const nullable: Value = explicit && explicit.t !== 'none' ? explicit : { t: 'bool', v: !primaryKey && optional };
  const kwargs = new Map<string, Value>([
    ['primary_key', { t: 'bool', v: primaryKey }],
    ['nullable', nullable],
    ['index', { t: 'bool', v: bool('index') }],
    ['unique', { t: 'bool', v: bool('unique') }],
  ]);
  // Field's first parameter is the default (`Field(True, nullable=False)`); `Field(...)` marks a required field
  const first = field?.args[0];
  const isRequired = first?.t === 'ext' && first.name === 'builtins.Ellipsis';
  const positional = isRequired ? undefined : first;
  const fieldDefault = (field && (kw.get('default_factory') ?? kw.get('default') ?? positional)) ?? value;
  if (fieldDefault && fieldDefault.t !== 'none') kwargs.set('default', fieldDefault);
  const args: Value[] = [];
  const fk = kw.get('foreign_key');
  if (fk && fk.t !== 'none') {
    const fkKwargs = new Map<string, Value>(kw.has('ondelete') ? [['ondelete', kw.get('ondelete')!]] : []);
    args.push({ t: 'call', callee: { t: 'ext', name: 'sqlalchemy.ForeignKey' }, args: [fk], kwargs: fkKwargs, file, line, expr: { k: 'name', id: 'ForeignKey', line } });
  }
  const extraArgs = kw.get('sa_column_args');
  if (extraArgs?.t === 'seq') args.push(...extraArgs.items);
  // `Field(**CONFIG.price)` over keywords not known statically: the column reader reports them
  const spread = kw.get('**');
  if (spread) kwargs.set('**', spread);
  const extraKwargs = kw.get('sa_column_kwargs');
  if (extraKwargs?.t === 'dict') for (const [k, v] of extraKwargs.entries) if (k.t === 'str') kwargs.set(k.v, v);
  return { t: 'call', callee: { t: 'ext', name: 'sqlalchemy.Column' }, args, kwargs, file, line, expr: { k: 'name', id: 'Column', line } };
}
