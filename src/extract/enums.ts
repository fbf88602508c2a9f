// Python enum classes of the repository and SQLAlchemy's Enum type built from them or from literals.
import type { TypeArg, TypeSpec } from '../schema/type-spec.js';
import type { Ctx, Env } from './context.js';
import { classScope, methodInfo } from './context.js';
import { callFunction } from './evaluate-func.js';
import { methodChain, runChain, type ChainLink } from './method-chain.js';
import { callValue } from './evaluate-call.js';
import { namespaceMaker } from './class-hooks.js';
import { messages } from './messages.js';
import { mroOf, type MroEntry } from './classes.js';
import { evalExpr } from './evaluate.js';
import { attributeOf } from './evaluate-attr.js';
import { bindingValue } from './resolve.js';
import type { Binding } from './scope.js';
import { equalValues, flagMember } from './evaluate-ops.js';
import { pyName, typeModuleOf } from './sa-names.js';
import { typeArg } from './type-of.js';
import { builtinException, NO_KEYWORDS, raising, record, unknown, type CallValue, type ClassInfo, type Unknown, type Value } from './values.js';
import { valueText } from './value-text.js';

const ENUM_BASES = /^enum\.(Enum|IntEnum|StrEnum|Flag|IntFlag)$/;

export interface EnumMember {
  name: string;
  value: Value;
  /** what the enum's own `__init__` set on the member (`self.bucket_s = bucket_s`) */
  attrs?: Map<string, Value>;
  /** why that `__init__` could not be followed to its end: any other attribute it may have set is not known */
  failed?: Unknown;
}

export function isEnumClass(ctx: Ctx, cls: ClassInfo): boolean {
  return mroOf(ctx, cls).some((e) => e.k === 'value' && e.value.t === 'ext' && ENUM_BASES.test(e.value.name));
}

function hasBase(ctx: Ctx, cls: ClassInfo, names: RegExp): boolean {
  return mroOf(ctx, cls).some((e) => e.k === 'value' && e.value.t === 'ext' && names.test(e.value.name));
}

const STR_ENUM = /^enum\.StrEnum$/;
const FLAG = /^enum\.(Int)?Flag$/;

/** The names and values an enum body has assigned so far, as the enum machinery counts them for `auto()`. */
interface Assigned {
  values: Value[];
  highest: number | undefined;
}

/**
 * What `auto()` gives after the values so far (`highest` the greatest number among them): what an in-repo
 * `_generate_next_value_(name, start, count, last_values)` returns, else the lower-cased name for a StrEnum, the
 * power of two above it for a Flag, one more for any other enum.
 */
function autoValue(ctx: Ctx, cls: ClassInfo, name: string, so: Assigned, line: number): Value {
  const hook = methodChain(ctx, mroOf(ctx, cls), '_generate_next_value_')[0];
  if (hook) {
    // the enum machinery calls what the class holds, unbound: a classmethod object is not callable (TypeError)
    if (hook.def.decorators.some((d) => exprText(d) === 'classmethod')) return unknown(`${hook.owner.name}._generate_next_value_ is a classmethod, which auto() cannot call`, cls.module.file, line);
    const fn = methodInfo(hook.owner.module, hook.def, hook.owner);
    const args: Value[] = [{ t: 'str', v: name }, { t: 'num', v: 1 }, { t: 'num', v: so.values.length }, { t: 'seq', kind: 'list', items: [...so.values] }];
    return callFunction(ctx, fn, { args, kwargs: NO_KEYWORDS }, { module: cls.module, depth: 0 }, line);
  }
  const highest = so.highest;
  if (hasBase(ctx, cls, STR_ENUM)) return { t: 'str', v: name.toLowerCase() };
  if (highest === undefined) return { t: 'num', v: 1 };
  return { t: 'num', v: hasBase(ctx, cls, FLAG) ? 2 ** Math.floor(Math.log2(highest) + 1) : highest + 1 };
}

/**
 * Names the enum machinery keeps for itself, as Python's `enum` module decides: `__dunder__`, `_sunder_` and
 * private `_Status__x` names; any other (`_360`) is a member.
 */
function isReservedName(name: string, className: string): boolean {
  const isDunder = name.length > 4 && name.startsWith('__') && name.endsWith('__');
  const isSunder = name.length > 2 && name.startsWith('_') && name.endsWith('_') && name[1] !== '_' && name[name.length - 2] !== '_';
  const isPrivate = (name.startsWith('__') && !name.endsWith('__')) || name.startsWith(`_${className.replace(/^_+/, '')}__`);
  return isDunder || isSunder || isPrivate;
}

/** `_ignore_ = ["helper"]` (or `"a b"`): names the enum leaves out of its members. */
function ignoredNames(ctx: Ctx, cls: ClassInfo, binding: Binding | undefined): Set<string> {
  if (!binding) return new Set();
  const v = bindingValue(ctx, binding, { module: cls.module, cls, depth: 0 });
  const names = v.t === 'str' ? v.v.split(/[\s,]+/) : v.t === 'seq' ? v.items.flatMap((i) => (i.t === 'str' ? [i.v] : [])) : [];
  return new Set(names.filter(Boolean));
}

/**
 * `PUBLIC = ("pub", "Everyone")` under an in-repo `__new__(cls, code, label)` that sets `obj._value_ = code`: the
 * member's value is what it set. Undefined when no class of the enum defines `__new__`.
 */
function newMemberValue(ctx: Ctx, cls: ClassInfo, given: Value, line: number): Value | undefined {
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'class') continue;
    const binding = classScope(ctx.project, e.cls).bindings.get('__new__');
    if (binding?.k !== 'def') continue;
    const args = given.t === 'seq' && given.kind === 'tuple' ? given.items : [given];
    const fn = methodInfo(e.cls.module, binding.def, e.cls);
    const made = callFunction(ctx, fn, { args: [{ t: 'class', cls }, ...args], kwargs: new Map() }, { module: cls.module, depth: 0 }, line);
    const value = made.t === 'call' ? made.attrs?.get('_value_') : undefined;
    return value ?? unknown(made.t === 'unknown' ? made.reason : `${cls.name}.__new__() sets no _value_ statically`, cls.module.file, line);
  }
  return undefined;
}

/**
 * `RAW = (7, 0)` under an in-repo `__init__(self, retention_days, bucket_s)`: Python calls it with the value
 * unpacked, on the member; what it sets (`self.bucket_s`, or `self._value_`, which replaces the value) is kept.
 * Undefined when no class of the enum defines `__init__`; `failed` when it stopped half-way.
 */
function initMember(ctx: Ctx, cls: ClassInfo, name: string, given: Value, line: number): Pick<EnumMember, 'attrs' | 'failed'> | undefined {
  const chain = methodChain(ctx, mroOf(ctx, cls), '__init__');
  if (chain.length === 0) return undefined;
  const self = record({ name: { t: 'str', v: name }, value: given, __class__: { t: 'class', cls } });
  const before = new Set(self.kwargs.keys());
  const args = given.t === 'seq' && given.kind === 'tuple' ? given.items : [given];
  const ran = runChain(ctx, chain, self, { args, kwargs: new Map() }, line, () => ({ t: 'none' }));
  const attrs = new Map([...self.kwargs].filter(([key]) => !before.has(key)));
  return ran.t === 'unknown' ? { attrs, failed: ran } : { attrs };
}

/** Functions, classes and property-like objects: what Python's enum leaves out of the members (`_is_descriptor`). */
function isDescriptorValue(v: Value): boolean {
  if (v.t === 'func' || v.t === 'class' || (v.t === 'code' && v.expr.k === 'lambda')) return true;
  return v.t === 'call' && v.callee.t === 'ext' && /^(builtins\.(property|classmethod|staticmethod)|functools\.cached_property)$/.test(v.callee.name);
}

const memberCache = new WeakMap<ClassInfo, EnumMember[]>();
/** each member name of an enum, aliases too, with the member it names (enumMemberNames) */
const memberNames = new WeakMap<ClassInfo, Array<[string, string]>>();

/**
 * Members in definition order, aliases left out (enumMemberNames has them, as `__members__` lists them). In the
 * class body an earlier member's name is its value already (`READ_WRITE = READ | WRITE` over two `auto()`s).
 */
export function enumMembers(ctx: Ctx, cls: ClassInfo): EnumMember[] {
  const cached = memberCache.get(cls);
  if (cached) return cached;
  const members: EnumMember[] = [];
  memberCache.set(cls, members);
  const named: Array<[string, string]> = [];
  memberNames.set(cls, named);
  const so: Assigned = { values: [], highest: undefined };
  const bindings = classScope(ctx.project, cls).bindings;
  const ignored = ignoredNames(ctx, cls, bindings.get('_ignore_'));
  const locals = new Map<string, Value>();
  const env: Env = { module: cls.module, cls, depth: 0, locals };
  for (const [name, binding] of bindings) {
    if (isReservedName(name, cls.name) || ignored.has(name) || binding.k !== 'expr' || binding.expr.k === 'lambda') continue;
    // `enum.nonmember(...)` is a plain class attribute
    if (binding.expr.k === 'call' && /(^|\.)nonmember$/.test(exprText(binding.expr.fn))) continue;
    const isAuto = binding.expr.k === 'call' && /(^|\.)auto$/.test(exprText(binding.expr.fn));
    // `enum.member(...)` makes a member of what it wraps (a function or a descriptor too), its value that object
    const wrapped = binding.expr.k === 'call' && /(^|\.)member$/.test(exprText(binding.expr.fn)) ? binding.expr.args[0] : undefined;
    let value: Value;
    if (isAuto) value = autoValue(ctx, cls, name, so, binding.line);
    else if (wrapped && !wrapped.name && !wrapped.star) value = evalExpr(ctx, wrapped.value, env);
    else value = locals.size > 0 ? evalExpr(ctx, binding.expr, env) : bindingValue(ctx, binding, env);
    locals.set(name, value);
    // a descriptor is no member (`can_delete_document = can_edit_document` names a method; a property object)
    if (!wrapped && isDescriptorValue(value)) continue;
    so.values.push(value);
    if (!isAuto) value = newMemberValue(ctx, cls, value, binding.line) ?? value;
    const init = initMember(ctx, cls, name, value, binding.line);
    value = init?.attrs?.get('_value_') ?? value;
    if (value.t === 'num') so.highest = Math.max(value.v, so.highest ?? value.v);
    // a second name for an existing value is an alias: SQLAlchemy leaves aliases out (omit_aliases)
    const canonical = members.find((m) => equalValues(m.value, value) === true);
    named.push([name, canonical?.name ?? name]);
    if (canonical) continue;
    members.push({ name, value, ...init });
  }
  return members;
}

/** Each name of an enum's members in definition order, aliases too (`__members__`), with the member it names. */
export function enumMemberNames(ctx: Ctx, cls: ClassInfo): ReadonlyArray<[string, string]> {
  enumMembers(ctx, cls);
  return memberNames.get(cls) ?? [];
}

/** The members iterating the class gives: a Flag leaves out its multi-bit members (`RW = READ | WRITE`). */
export function iteratedMembers(ctx: Ctx, cls: ClassInfo): EnumMember[] {
  const members = enumMembers(ctx, cls);
  if (!hasBase(ctx, cls, FLAG)) return members;
  return members.filter((m) => m.value.t !== 'num' || (m.value.v > 0 && Number.isInteger(Math.log2(m.value.v))));
}

/** `Status.ACTIVE`: the member, whose `.name` and `.value` are known; str / int mixins act as their value. */
export function enumMemberValue(ctx: Ctx, cls: ClassInfo, name: string): Value | undefined {
  const member = enumMembers(ctx, cls).find((m) => m.name === name);
  if (!member) return undefined;
  const cached = memberRecords.get(member);
  if (cached) return cached;
  const mro = mroOf(ctx, cls);
  const bases = mro.flatMap((e) => (e.k === 'value' ? [pyName(e.value) ?? ''] : []));
  const fields: Record<string, Value> = { ...memberFields(cls, member), __enum__: { t: 'str', v: `${cls.name}.${member.name}` }, __mixin__: { t: 'str', v: mixinOf(bases) } };
  // a Flag's members combine with `|`, `&`, `^` into a member of the same class (evaluate-ops.ts), named from these
  if (hasBase(ctx, cls, FLAG)) {
    fields.__flag__ = { t: 'str', v: cls.name };
    fields.__flagnames__ = { t: 'dict', entries: enumMembers(ctx, cls).map((m): [Value, Value] => [m.value, { t: 'str', v: m.name }]) };
  }
  const kwargs = new Map(Object.entries(fields));
  const made = record(kwargs);
  memberRecords.set(member, made);
  // a project `__str__` / `__format__` (`def __str__(self): return self.value`): what str() and f"{member}" give
  for (const [method, args] of [['__str__', []], ['__format__', [{ t: 'str', v: '' }]]] as const) {
    const own = ownSpecialMethod(ctx, mro, method);
    if (own) kwargs.set(method, callFunction(ctx, methodInfo(own.owner.module, own.def, own.owner, made), { args: [...args], kwargs: new Map() }, { module: cls.module, depth: 0 }, own.def.line));
  }
  return made;
}

/**
 * How a member reads as text (evaluate-ops.ts formatValue): 'strenum' and 'intenum' (ReprEnum: StrEnum, IntEnum,
 * IntFlag) as their value; 'str' and 'int' mixins as `Class.NAME`, as a plain enum, though they act as their value
 * in operators.
 */
function mixinOf(bases: string[]): string {
  if (bases.includes('enum.StrEnum')) return 'strenum';
  if (bases.includes('enum.IntEnum') || bases.includes('enum.IntFlag')) return 'intenum';
  return bases.includes('builtins.str') ? 'str' : bases.includes('builtins.int') ? 'int' : 'none';
}

/** A special method a project class of the enum's MRO defines before any library class does. */
function ownSpecialMethod(ctx: Ctx, mro: readonly MroEntry[], name: string): ChainLink | undefined {
  const first = mro.findIndex((e) => e.k === 'value');
  return methodChain(ctx, first === -1 ? mro : mro.slice(0, first), name)[0];
}

/**
 * `Status("active")`: the member with that value; a member given is itself; for a Flag, a number is the member
 * (or combination) with those bits (`Cap(0)`). A value no member has raises ValueError.
 */
export function enumByValue(ctx: Ctx, cls: ClassInfo, value: Value, file: string, line: number): Value {
  if (value.t === 'unknown') return value;
  const members = enumMembers(ctx, cls);
  // a member of this class is itself (`Status(Status.ACTIVE)`)
  const owner = value.t === 'call' ? value.kwargs.get('__class__') : undefined;
  if (owner?.t === 'class' && owner.cls === cls) return value;
  const hit = members.find((m) => equalValues(m.value, value) === true);
  if (hit) return enumMemberValue(ctx, cls, hit.name)!;
  const like = members[0] ? enumMemberValue(ctx, cls, members[0].name) : undefined;
  if (hasBase(ctx, cls, FLAG) && value.t === 'num' && like?.t === 'call') return flagMember(like, value.v, file, line);
  if (members.some((m) => equalValues(m.value, value) === undefined)) return unknown(`${cls.name}() of a value not known statically`, file, line);
  // the class's `_missing_(cls, value)` hook has the last word: a member, or None (ValueError)
  const hook = methodChain(ctx, mroOf(ctx, cls), '_missing_')[0];
  if (hook) {
    const found = callFunction(ctx, methodInfo(hook.owner.module, hook.def, hook.owner, { t: 'class', cls }), { args: [value], kwargs: new Map() }, { module: cls.module, depth: 0 }, line);
    if (found.t !== 'none') return found;
  }
  return raising(builtinException('ValueError'), `${valueText(value)} is not a valid ${cls.name}`, file, line);
}

/** One object per member: code that reads a member twice (and sets an attribute on it) has the same one. */
const memberRecords = new WeakMap<EnumMember, CallValue>();

/** What a member holds: its name and value, what its `__init__` set, and its class (for methods and properties). */
function memberFields(cls: ClassInfo, m: EnumMember): Record<string, Value> {
  const name: Value = { t: 'str', v: m.name };
  return { ...Object.fromEntries(m.attrs ?? []), name, value: m.value, _name_: name, _value_: m.value, __class__: { t: 'class', cls } };
}

/** Why the member's `__init__` stopped half-way (an attribute it did not set is then not known). */
export function memberInitFailure(ctx: Ctx, cls: ClassInfo, name: string): Unknown | undefined {
  return enumMembers(ctx, cls).find((m) => m.name === name)?.failed;
}

function exprText(e: { k: string; id?: string; name?: string }): string {
  return e.k === 'name' ? (e.id ?? '') : e.k === 'attr' ? `.${e.name ?? ''}` : '';
}

/** `Enum(Status)`, `Enum("a", "b", name=...)`, `Enum(*CODES)`, `postgresql.ENUM(...)`, or a bare `Enum`. */
export function enumSpec(ctx: Ctx, callee: Extract<Value, { t: 'ext' }>, call: CallValue | undefined, file: string, line: number): TypeSpec | Unknown {
  const sym = callee.name.slice(callee.name.lastIndexOf('.') + 1);
  const spec: TypeSpec = { name: sym, module: typeModuleOf(callee.name), args: [], kwargs: {} };
  if (!call) return { ...spec, enumValues: [] };
  const first = call.args[0];
  if (first?.t === 'class' && !isEnumClass(ctx, first.cls)) {
    // a class of another kind with `__members__` (a FastEnum metaclass's): its names, aliases left out
    const names = memberNamesOf(ctx, first, line);
    if (!Array.isArray(names)) return names;
    spec.enumClass = first.cls.name;
    spec.enumValues = names;
  } else if (first?.t === 'class') {
    const maker = namespaceMaker(ctx, first.cls);
    if (maker) return unknown(messages.enumNamespace(first.cls.name, maker.name), file, line);
    const members = enumMembers(ctx, first.cls);
    const values = enumValuesOf(ctx, call, first.cls, members, { module: first.cls.module, depth: 0 }, line);
    if ('t' in values) return values;
    spec.enumClass = first.cls.name;
    spec.enumValues = values;
  } else {
    const values: string[] = [];
    for (const a of call.args) {
      if (a.t !== 'str') return a.t === 'unknown' ? a : unknown('Enum values not known statically', file, line);
      values.push(a.v);
    }
    spec.args = values;
    spec.enumValues = values;
  }
  // `Enum(..., metadata=md)` without a schema of its own takes the MetaData's (SchemaType.__init__)
  const metaSchema = call.kwargs.has('schema') ? undefined : call.kwargs.get('metadata');
  const inherited = metaSchema && ctx.project.hooks.metaAttribute(metaSchema, 'schema');
  if (inherited?.t === 'str') spec.kwargs.schema = inherited.v;
  for (const [k, v] of call.kwargs) {
    if (k === 'values_callable' || k === 'metadata') continue;
    const arg = typeArg(ctx, v, file, line);
    if (typeof arg === 'object' && arg !== null && !Array.isArray(arg) && 't' in arg) return arg;
    spec.kwargs[k] = arg as TypeArg;
  }
  return spec;
}

/** `cls.__members__` of a class that is no enum.Enum, as SQLAlchemy's Enum reads it: the keys whose member has that name. */
function memberNamesOf(ctx: Ctx, cls: Extract<Value, { t: 'class' }>, line: number): string[] | Unknown {
  const env: Env = { module: cls.cls.module, depth: 0 };
  const members = attributeOf(ctx, cls, '__members__', env, line);
  const fail = unknown(`Enum() of class ${cls.cls.name}, whose __members__ is not known statically`, cls.cls.module.file, line);
  if (members.t !== 'dict') return members.t === 'unknown' ? members : fail;
  const names: string[] = [];
  for (const [key, member] of members.entries) {
    const name = attributeOf(ctx, member, 'name', env, line);
    if (key.t !== 'str' || name.t !== 'str') return fail;
    if (name.v === key.v) names.push(key.v);
  }
  return names;
}

/** Member names by default; `values_callable=lambda e: [m.value for m in e]` gives what it returns. */
function enumValuesOf(ctx: Ctx, call: CallValue, cls: ClassInfo, members: EnumMember[], env: Env, line: number): string[] | Unknown {
  const callable = call.kwargs.get('values_callable');
  if (!callable || callable.t === 'none') return members.map((m) => m.name);
  const file = call.file;
  const objects: Value[] = members.map((m) => memberObject(cls, m));
  const result = callValue(ctx, callable, { args: [{ t: 'seq', kind: 'list', items: objects }], kwargs: new Map() }, env, call.expr);
  if (result.t !== 'seq' || !result.items.every((v) => v.t === 'str')) return unknown('values_callable result not known statically', file, line);
  return result.items.map((v) => (v.t === 'str' ? v.v : ''));
}

/** An enum member as the evaluator sees it: `.name` and `.value` are known. */
function memberObject(cls: ClassInfo, m: EnumMember): CallValue {
  return record(memberFields(cls, m));
}
