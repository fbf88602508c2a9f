// Calls in the static evaluator: builtins, string methods, re.sub, functools.partial, in-repo helpers.
import type { Expr } from '../python/summary.js';
import { classScope, methodInfo, moduleScope, superCallOf, type Ctx, type Env } from './context.js';
import { instanceText } from './operator-methods.js';
import { describedType } from './type-decorator.js';
import { decimalParts } from './evaluate-decimal.js';
import { isPlainFactoryClass, setOnFactoryClass } from './class-body.js';
import { attributeOf, certainlyLacks, isSuperCall, noteInstance, runPropertySetter, specialMethod, SUPER, superMember } from './evaluate-attr.js';
import { subscriptOf } from './evaluate.js';
import { callHigherOrder, callIterableBuiltin, callIteratorBuiltin, isIterator, iterate } from './evaluate-builtins.js';
import { callFunction, callLambda } from './evaluate-func.js';
import { constructBase, superArguments } from './constructors.js';
import { classHeader, mroOf, mroValues } from './classes.js';
import { subclassOf } from './subclass.js';
import { methodChain, runChain } from './method-chain.js';
import { callSetMethod, formatValue, sameKey } from './evaluate-ops.js';
import { isBuiltinDataType, isInstanceOf, lacksAttribute, libraryHasAttribute, libraryNamespace, libraryNamespaceGet, libraryVersion } from './outside-attrs.js';
import { setItem } from './evaluate-mutate.js';
import { callStdlib } from './evaluate-stdlib.js';
import { callIterTools } from './evaluate-itertools.js';
import { callBytesMethod, callHashMethod } from './evaluate-bytes.js';
import { callStringMethod, callRegex, callRegexAll, callRegexMatch, callRegexSplit, callDictMethod, callListMethod, callMatchMethod, matchFields, cleandoc, dedent, maketrans, shorten } from './evaluate-methods.js';
import { literalEval } from './evaluate-literal.js';
import { fromJson, toJson } from './evaluate-json.js';
import { spreadMapping } from './mapping-instances.js';
import { moduleValue } from './resolve.js';
import { pyName, saSymbol } from './sa-names.js';
import { builtinException, intValue, isBuiltinValue, isFloat, isTruthy, num, raising, record, scalar, unknown, type Arguments, type CallValue, type ClassInfo, type ModuleInfo, type Value } from './values.js';
import { isTableColumn, parentTableDefault } from './column-objects.js';
import { valueText } from './value-text.js';
import { dateOf } from './datetime-repr.js';
import { dataclassAsDict, dataclassFields, isDataclass, isNamedTupleClass, namedTupleItems, namedTupleMethod, replaceRecord, validatedModel } from './record-classes.js';
import { enumByValue, enumMembers, isEnumClass } from './enums.js';
import { classFromType, fieldNames, functionalDataclass, functionalEnum, functionalNamedTuple, functionalSubEnum, pairNames } from './functional-classes.js';

/** Instances made at import time whose in-repo `__init__` could not be run to its end, with the reason. */
const failedConstructions = new WeakMap<CallValue, string>();

/** Why the constructor of `v`, an instance made at import time, could not be followed; undefined when it could. */
export function constructionFailure(v: Value): string | undefined {
  return v.t === 'call' ? failedConstructions.get(v) : undefined;
}

/** Instances of in-repo classes whose `__init__` chain has run. */
const constructed = new WeakSet<CallValue>();

/** What an instance's `__init__` chain passed on to the builtin base past its last link (`dict.__init__(self, pairs)`). */
const baseInits = new WeakMap<CallValue, Arguments>();

/** The arguments an in-repo `__init__` chain handed to the class's builtin base; undefined if it handed none. */
export function baseInitArguments(ctx: Ctx, instance: CallValue, cls: ClassInfo): Arguments | undefined {
  construct(ctx, instance, cls);
  return constructionFailure(instance) === undefined ? baseInits.get(instance) : undefined;
}

/**
 * Runs the in-repo `__init__` chain of an instance once: at import time with its effects, else when code first
 * reads an attribute of it (a descriptor's `self.suffix` in a class body, where nothing runs with effects).
 */
export function construct(ctx: Ctx, instance: CallValue, cls: ClassInfo, effects?: Env['effects']): void {
  if (constructed.has(instance)) return;
  constructed.add(instance);
  const ran = runChain(ctx, methodChain(ctx, mroOf(ctx, cls), '__init__'), instance, { args: instance.args, kwargs: instance.kwargs }, instance.line, (a) => {
    baseInits.set(instance, a);
    return { t: 'none' };
  }, effects);
  if (ran.t === 'unknown') failedConstructions.set(instance, ran.reason);
  // a dataclass's generated __init__ ends by calling __post_init__ (fields it computes: `self.sa_type = String(...)`)
  const post = ran.t !== 'unknown' && isDataclass(ctx, cls) ? methodChain(ctx, mroOf(ctx, cls), '__post_init__')[0] : undefined;
  if (post) {
    const done = callFunction(ctx, methodInfo(post.owner.module, post.def, post.owner, instance), { args: [], kwargs: new Map() }, { module: cls.module, depth: 0, ...(effects ? { effects } : {}) }, instance.line);
    if (done.t === 'unknown') failedConstructions.set(instance, done.reason);
  }
}

/**
 * `obj.name = value` on an object the evaluator models: an instance of an in-repo class (its constructor has run
 * first, as Python's would have) or a record (`SimpleNamespace`). False for any other object.
 */
export function setObjectAttribute(ctx: Ctx, obj: Value, name: string, value: Value): boolean {
  if (obj.t !== 'call') return false;
  if (obj.callee.t === 'class') {
    construct(ctx, obj, obj.callee.cls);
    const set = runPropertySetter(ctx, obj, obj.callee.cls, name, value);
    if (set === undefined) (obj.attrs ??= new Map()).set(name, value);
    return set?.t !== 'unknown';
  }
  if (obj.callee.t !== 'ext') return false;
  if (obj.callee.name === 'schemaguard.Record') {
    obj.kwargs = new Map(obj.kwargs).set(name, value);
    return true;
  }
  // an object a library function made (docassemble's `db = create_engine(...)`, then `db.Model = declarative_base()`)
  // keeps what is set on it; a schema construct (Table, Index, MetaData ...) may act on it: not followed
  const last = obj.callee.name.slice(obj.callee.name.lastIndexOf('.') + 1);
  if (/^[A-Z]/.test(last) || obj.callee.name.startsWith('schemaguard.')) return false;
  (obj.attrs ??= new Map()).set(name, value);
  return true;
}

/**
 * A project function or lambda that SQLAlchemy itself calls (a naming-convention token, `referred_schema_fn`), run
 * with these arguments; undefined when `fn` is not one.
 */
export function callProjectCallable(ctx: Ctx, fn: Value, args: Value[], name: string, line: number): Value | undefined {
  const module = fn.t === 'func' ? fn.fn.module : fn.t === 'code' && fn.env ? fn.env.module : undefined;
  if (!module) return undefined;
  return callValue(ctx, fn, { args, kwargs: new Map() }, { module, depth: 0 }, { k: 'name', id: name, line });
}

export function callValue(ctx: Ctx, fn: Value, a: Arguments, env: Env, expr: Expr): Value {
  const file = env.module.file;
  const line = expr.line;
  switch (fn.t) {
    case 'unknown':
      return fn;
    case 'func': {
      const result = callFunction(ctx, fn.fn, a, env, line);
      return result.t === 'unknown' && fn.fn.wraps ? callValue(ctx, { t: 'func', fn: fn.fn.wraps }, a, env, expr) : result;
    }
    case 'code':
      return fn.expr.k === 'lambda' ? callLambda(ctx, fn.expr, a, fn.env ?? env, fn.defaults) : unknown('call of an unknown value', file, line);
    case 'ext':
      return callExternal(ctx, fn.name, a, env, expr);
    case 'attr':
      return callMethod(ctx, fn, a, env, expr);
    case 'call':
      if (fn.callee.t === 'ext' && fn.callee.name === 'functools.partial') return callPartial(ctx, fn, a, env, expr);
      if (fn.callee.t === 'ext' && GETTERS.has(fn.callee.name)) return callGetter(ctx, fn, a, env, expr);
      {
        // an instance of a project class defining `__call__` (a column spec called with its name)
        const call = specialMethod(ctx, fn, '__call__');
        if (call) return callFunction(ctx, { ...call, bound: fn }, a, env, line);
      }
      return makeCall(fn, a, file, expr);
    case 'class': {
      // `Cap(0)`, `Status("active")`: the member with that value (a Flag's combination of bits)
      if (a.args.length === 1 && a.kwargs.size === 0 && isEnumClass(ctx, fn.cls)) return enumByValue(ctx, fn.cls, a.args[0]!, file, line);
      // `LocalEnum("Local", {...})` on an Enum subclass with no members: the functional API makes a subclass
      const [enumName, names] = a.args;
      if (enumName?.t === 'str' && names && isEnumClass(ctx, fn.cls) && enumMembers(ctx, fn.cls).length === 0) return functionalSubEnum(fn, enumName, names, env, expr);
      const instance = makeCall(fn, a, file, expr);
      // a project Column (or constraint) subclass builds what SQLAlchemy's class does with what its __init__ passes up
      const base = constructBase(ctx, fn.cls);
      if (base) {
        const passed = superArguments(ctx, fn.cls, a, instance);
        return passed && 't' in passed ? passed : makeCall(base, passed ?? a, file, expr);
      }
      // `class Config(dict): pass`, a TypedDict: an instance is the mapping dict() makes of the same arguments
      if (isPlainDictSubclass(ctx, fn.cls) || isTypedDict(ctx, fn.cls)) return dictOf(a.args[0], a, file, expr.line);
      noteInstance(ctx, instance, fn.cls);
      // at import time the constructor runs: what it builds is built (Nominatim's `SearchTables(meta)` makes its
      // tables in `__init__`, `self.placex = sa.Table(...)`)
      if (env.effects) construct(ctx, instance, fn.cls, env.effects);
      return instance;
    }
    default:
      return makeCall(fn, a, file, expr);
  }
}


function boundOf(env: Env): Value | undefined {
  for (let e: Env | undefined = env; e; e = e.parent) if (e.bound) return e.bound;
  return undefined;
}

function ownerOf(env: Env): ClassInfo | undefined {
  for (let e: Env | undefined = env; e; e = e.parent) if (e.owner) return e.owner;
  return undefined;
}

function inheritedDialectImpl(ctx: Ctx, sup: CallValue, line: number): Value | undefined {
  const self = sup.args[1];
  if (self?.t !== 'call' || self.callee.t !== 'class') return undefined;
  const next = superMember(ctx, sup, 'load_dialect_impl', line);
  // the defining class not known: only when no other in-repo class defines one
  const isOutside = next === undefined ? methodChain(ctx, mroOf(ctx, self.callee.cls), 'load_dialect_impl').length === 1 : next === 'outside';
  return isOutside ? self.attrs?.get('impl') : undefined;
}

/** `string.Template("${prefix}_${entity}").substitute(prefix=..., entity=...)` (or a mapping first): the text. */
function substituteTemplate(template: CallValue, name: string, a: Arguments, file: string, line: number): Value {
  const [text] = template.args;
  const mapping = a.args[0]?.t === 'dict' ? a.args[0].entries.flatMap(([k, v]) => (k.t === 'str' ? [[k.v, v] as const] : [])) : [];
  const values = new Map<string, Value>([...mapping, ...a.kwargs]);
  if (text?.t !== 'str' || (a.args.length > 0 && a.args[0]?.t !== 'dict')) return unknown(`Template.${name}() not known statically`, file, line);
  let failed: string | undefined;
  const out = text.v.replace(/\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\})/g, (whole, dollar: string | undefined, bare: string | undefined, braced: string | undefined) => {
    if (dollar) return '$';
    const key = (bare ?? braced)!;
    const value = values.get(key);
    const formatted = value === undefined ? undefined : formatValue(value);
    if (formatted === undefined) {
      if (name === 'safe_substitute' && value === undefined) return whole;
      failed ??= value === undefined ? `no value for $${key}` : `$${key} not known statically`;
      return '';
    }
    return formatted;
  });
  return failed === undefined ? { t: 'str', v: out } : unknown(`Template.${name}(): ${failed}`, file, line);
}

/** `callable(x)`: functions and classes are, the builtin scalars and containers are not; an instance is not known. */
function callableOf(v: Value | undefined, file: string, line: number): Value {
  if (v?.t === 'func' || v?.t === 'class' || (v?.t === 'code' && v.expr.k === 'lambda')) return { t: 'bool', v: true };
  if (v && isBuiltinValue(v)) return { t: 'bool', v: false };
  return v?.t === 'unknown' ? v : unknown('callable() of a value not known statically', file, line);
}

export function makeCall(callee: Value, a: Arguments, file: string, expr: Expr): CallValue {
  const call: CallValue = { t: 'call', callee, args: a.args, kwargs: a.kwargs, file, line: expr.line, expr };
  if (callee.t === 'ext' && callee.name.endsWith('Column')) creationOrder.set(call, ++columnsMade);
  return call;
}

/** The order Column objects were made in (SQLAlchemy's `_creation_order`, which helpers sort keyword columns by). */
const creationOrder = new WeakMap<CallValue, number>();
let columnsMade = 0;

export function creationOrderOf(column: CallValue): number | undefined {
  return creationOrder.get(column);
}

/** `partial(Column, nullable=False)(...)`: the wrapped callable with both argument lists. */
function callPartial(ctx: Ctx, partial: CallValue, a: Arguments, env: Env, expr: Expr): Value {
  const [target, ...bound] = partial.args;
  if (!target) return unknown('functools.partial without a callable', env.module.file, expr.line);
  const kwargs = new Map([...partial.kwargs, ...a.kwargs]);
  return callValue(ctx, target, { args: [...bound, ...a.args], kwargs }, env, expr);
}

/**
 * `isinstance(perm, SystemPermission)` for an instance of an in-repo class against in-repo classes: whether one is
 * in its MRO (an in-repo class can be nowhere else). Undefined for anything else.
 */
function inRepoInstanceOf(ctx: Ctx, v: Value, types: Value): boolean | undefined {
  const targets = types.t === 'seq' ? types.items : [types];
  const derivesFromBuiltin = (cls: ClassInfo): boolean => mroOf(ctx, cls).some((e) => e.k === 'value' && isBuiltinDataType(pyName(e.value)));
  // a plain value (48, None, a dict) is no instance of a project class, unless one derives from a builtin
  if (isBuiltinValue(v) && targets.length > 0 && targets.every((t) => t.t === 'class' && !derivesFromBuiltin(t.cls))) return false;
  // a project function (a method in a class's namespace) is no Column, no project object, no builtin data; a
  // class's `__doc__` (a str or None) and a property object no Column and no project object
  const isKnownType = (t: Value): boolean => t.t === 'class' || (t.t === 'ext' && (isBuiltinDataType(t.name) || saSymbol(t) !== undefined));
  if ((v.t === 'func' || v.t === 'code') && targets.length > 0 && targets.every(isKnownType)) return false;
  const isDoc = v.t === 'clsattr' && v.name === '__doc__';
  const isDescriptor = v.t === 'call' && v.callee.t === 'ext' && /^builtins\.(property|staticmethod|classmethod)$/.test(v.callee.name);
  if ((isDoc || isDescriptor) && targets.length > 0 && targets.every((t) => t.t === 'class' || (t.t === 'ext' && saSymbol(t) !== undefined))) return false;
  if (v.t !== 'call' || v.callee.t !== 'class') return undefined;
  const mro = mroOf(ctx, v.callee.cls);
  // an instance of a project class is a builtin container or scalar, or a SQLAlchemy object, only when its class
  // derives from one; a base from another library could be anything
  if (!targets.every(isKnownType) || mro.some((e) => e.k === 'value' && !isBuiltinDataType(pyName(e.value)) && saSymbol(e.value) === undefined && pyName(e.value) !== 'builtins.object')) return undefined;
  const sameValue = (e: Value, t: Value): boolean => (saSymbol(t) !== undefined ? saSymbol(e) === saSymbol(t) : pyName(e) === pyName(t));
  if (targets.some((t) => saSymbol(t) !== undefined) && mro.some((e) => e.k === 'value' && saSymbol(e.value) !== undefined)) {
    return targets.some((t) => mro.some((e) => e.k === 'value' && sameValue(e.value, t))) || undefined;
  }
  return targets.some((t) => mro.some((e) => (e.k === 'class' ? t.t === 'class' && e.cls === t.cls : sameValue(e.value, t))));
}

const NUMBER_ROUNDING: ReadonlyMap<string, (x: number) => number> = new Map([
  ['__ceil__', Math.ceil], ['__floor__', Math.floor], ['__trunc__', Math.trunc], ['__int__', Math.trunc],
]);

/** Methods of a compiled pattern that are the `re` module's functions over it. */
const PATTERN_METHODS = new Set(['sub', 'split', 'search', 'match', 'fullmatch', 'finditer', 'findall']);

const GETTERS = new Set(['operator.itemgetter', 'operator.attrgetter', 'operator.methodcaller']);

/** `itemgetter(0)(row)`, `attrgetter("__table__.c.id")(Model)`: the item or the (dotted) attribute; a tuple of them for several. */
function callGetter(ctx: Ctx, getter: CallValue, a: Arguments, env: Env, expr: Expr): Value {
  const [obj] = a.args;
  if (!obj || a.args.length !== 1) return unknown(`${valueText(getter)} called without one argument`, env.module.file, expr.line);
  const kind = getter.callee.t === 'ext' ? getter.callee.name : '';
  // methodcaller("upper") called on x is x.upper(), with the arguments it was made with
  if (kind === 'operator.methodcaller') {
    const [method, ...args] = getter.args;
    if (method?.t !== 'str') return unknown('methodcaller() of a name not known statically', env.module.file, expr.line);
    return callValue(ctx, attributeOf(ctx, obj, method.v, env, expr.line), { args, kwargs: getter.kwargs }, env, expr);
  }
  const isItem = kind === 'operator.itemgetter';
  const one = (key: Value): Value => {
    if (isItem) return subscriptOf(ctx, obj, key, env, expr.line);
    if (key.t !== 'str') return unknown('attrgetter() of a name not known statically', env.module.file, expr.line);
    return key.v.split('.').reduce((v: Value, name) => attributeOf(ctx, v, name, env, expr.line), obj);
  };
  return getter.args.length === 1 ? one(getter.args[0]!) : { t: 'seq', kind: 'tuple', items: getter.args.map(one) };
}

/** `ChainMap(overrides, defaults)`: one mapping, the first one holding a key giving its value. */
function chainMap(maps: Value[], file: string, line: number): Value {
  const merged: Extract<Value, { t: 'dict' }> = { t: 'dict', entries: [] };
  for (const map of [...maps].reverse()) {
    if (map.t !== 'dict') return unknown('ChainMap() of a mapping not known statically', file, line);
    for (const [k, v] of map.entries) setItem(merged, k, v);
  }
  return merged;
}

/** `Counter(iterable)` or `Counter(a=1, ...)`: each item with its count, in first-seen order. */
function counterOf(ctx: Ctx, first: Value | undefined, a: Arguments, file: string, line: number): Value {
  if (first?.t === 'dict' || (!first && a.args.length === 0)) return dictOf(first, a, file, line);
  const items = first ? iterate(ctx, first) : undefined;
  if (!items || a.kwargs.size > 0) return unknown('Counter() of values not known statically', file, line);
  const counts: Array<[Value, Value]> = [];
  for (const item of items) {
    const entry = counts.find(([k]) => sameKey(k, item));
    if (entry) entry[1] = { t: 'num', v: (entry[1] as { v: number }).v + 1 };
    else counts.push([item, { t: 'num', v: 1 }]);
  }
  return { t: 'dict', entries: counts };
}

/** What code reads of `MetaData.tables` besides a lookup by key (evaluate.ts). */
const TABLE_VIEWS = new Set(['values', 'keys', 'items', 'get']);

const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield',
]);

const RUNTIME = /^(os\.environ|os\.getenv|os\.environ\.get|os\.environ\.__getitem__)$/;

/**
 * `Decimal("0.0001").as_tuple()`: its sign, digits and exponent (`-Decimal(...).as_tuple().exponent` is a money
 * type's scale), for a Decimal made from a finite number's text or an int.
 */
function decimalTuple(decimal: CallValue, file: string, line: number): Value {
  const parts = decimalParts(decimal);
  if (!parts) return unknown('Decimal.as_tuple() of a value not known statically', file, line);
  return record({
    sign: num(parts.sign),
    digits: { t: 'seq', kind: 'tuple', items: [...parts.digits].map((d) => num(Number(d))) },
    exponent: num(parts.exponent),
  });
}

/**
 * `re.sub(STRICT_NAME_PATTERN, "_", server)` over a compiled pattern: its text, with the flags it was compiled
 * with (Python refuses flags given again, so none are).
 */
function patternArguments(a: Arguments): Arguments {
  const [pattern, ...rest] = a.args;
  if (pattern?.t !== 'call' || pattern.callee.t !== 'ext' || pattern.callee.name !== 're.compile' || pattern.args[0]?.t !== 'str') return a;
  const flags = pattern.args[1] ?? pattern.kwargs.get('flags');
  const kwargs = new Map(a.kwargs);
  if (flags) kwargs.set('flags', flags);
  return { args: [pattern.args[0], ...rest], kwargs };
}

/** The SQLAlchemy names callExternal evaluates; every other `sqlalchemy.` call is a constructor, kept as made. */
const SA_EVALUATED = new Set([
  'sqlalchemy.quoted_name',
  'sqlalchemy.sql.quoted_name',
  'sqlalchemy.sql.elements.quoted_name',
  'sqlalchemy.sql.elements.conv',
  'sqlalchemy.sql.naming.conv',
  'sqlalchemy.schema.conv',
  'sqlalchemy.util.immutabledict',
  'sqlalchemy.util._collections.immutabledict',
  'sqlalchemy.orm.has_inherited_table',
  'sqlalchemy.ext.declarative.has_inherited_table',
]);

function callExternal(ctx: Ctx, name: string, a: Arguments, env: Env, expr: Expr): Value {
  const file = env.module.file;
  // most calls in model code: none of the switch's tables of Python builtins below applies
  if (name.startsWith('sqlalchemy.') && !SA_EVALUATED.has(name)) return makeCall({ t: 'ext', name }, a, file, expr);
  const line = expr.line;
  const [first, second] = a.args;
  // a builtin over a value we do not know keeps the reason it is unknown
  const unknownArg = a.args.find((v) => v.t === 'unknown');
  // (setattr stays a call: declarative adds its column, and an unknown name must be reported on the table)
  if (unknownArg && /^(builtins|re|typing)\./.test(name) && name !== 'builtins.getattr' && name !== 'builtins.setattr') return unknownArg;
  switch (name) {
    case 'builtins.str':
      return first ? (instanceText(ctx, first, 'str', env, line) ?? strOf(first, file, line)) : { t: 'str', v: '' };
    // a name with its quoting decided (`quoted_name("Status", quote=True)`): the name, as the DDL spells it
    case 'sqlalchemy.quoted_name':
    case 'sqlalchemy.sql.quoted_name':
    case 'sqlalchemy.sql.elements.quoted_name':
      return first?.t === 'str' ? first : unknown('quoted_name() of a name not known statically', file, line);
    // a name already converted: a naming convention leaves it as it is
    case 'sqlalchemy.sql.elements.conv':
    case 'sqlalchemy.sql.naming.conv':
    case 'sqlalchemy.schema.conv':
      return first?.t === 'str' ? { t: 'str', v: first.v, conv: true } : unknown('conv() of a name not known statically', file, line);
    case 'builtins.int':
      return intOf(first, a.args[1] ?? a.kwargs.get('base'), file, line);
    case 'builtins.bool': {
      const truth = first ? isTruthy(first) : false;
      return truth === undefined ? unknown('bool() of a value not known statically', file, line) : { t: 'bool', v: truth };
    }
    case 'builtins.float':
      return floatOf(first, file, line);
    // a staticmethod object calls its function (Python 3.10+), and the class gives the function itself
    case 'builtins.staticmethod':
      return first ?? unknown('staticmethod() without a function', file, line);
    case 'builtins.callable':
      return callableOf(first, file, line);
    case 'builtins.len': {
      // what iterating gives, counted: a sequence, a dict's keys, a named tuple's items, an enum's members
      const items = first && !isIterator(first) ? iterate(ctx, first) : undefined;
      return items ? { t: 'num', v: items.length } : unknown('len() of a value not known statically', file, line);
    }
    case 'builtins.tuple':
    case 'builtins.list':
      return seqOf(ctx, first, name === 'builtins.tuple' ? 'tuple' : 'list', file, line);
    case 'builtins.dict':
    // a read-only mapping is the mapping (SQLAlchemy's own, Invenio's naming convention)
    case 'sqlalchemy.util.immutabledict':
    case 'sqlalchemy.util._collections.immutabledict':
    case 'types.MappingProxyType':
      // `dict(options)` of a project mapping class: the items it gives
      return dictOf(first?.t === 'call' ? (spreadMapping(ctx, first, env, line) ?? first) : first, a, file, line);
    case 'builtins.str.maketrans':
      return maketrans(a) ?? unknown('str.maketrans() of values not known statically', file, line);
    // an ordered mapping, as every dict is
    case 'collections.OrderedDict':
      return dictOf(first, a, file, line);
    case 'collections.Counter':
      return counterOf(ctx, first, a, file, line);
    case 'collections.ChainMap':
      return chainMap(a.args, file, line);
    // `name + "_" if keyword.iskeyword(name) else name`: Python 3.13's keywords
    case 'keyword.iskeyword':
      return first?.t === 'str' ? { t: 'bool', v: PYTHON_KEYWORDS.has(first.v) } : unknown('keyword.iskeyword() of a value not known statically', file, line);
    // `obj = object.__new__(cls)` (or `str.__new__(cls, code)`) in an enum's `__new__`: an instance whose
    // `__init__` does not run, its value what the code sets as `_value_`
    case 'builtins.object.__new__':
    case 'builtins.str.__new__':
    case 'builtins.int.__new__': {
      if (first?.t !== 'class') return makeCall({ t: 'ext', name }, a, file, expr);
      const made: CallValue = { t: 'call', callee: first, args: [], kwargs: new Map(), file, line, expr };
      constructed.add(made);
      return made;
    }
    case 'ast.literal_eval':
      return (first?.t === 'str' ? literalEval(first.v, file, line) : undefined) ?? unknown('ast.literal_eval() of text not known statically, or not a literal schemaguard reads', file, line);
    case 'textwrap.shorten': {
      const width = a.args[1] ?? a.kwargs.get('width');
      const placeholder = a.kwargs.get('placeholder') ?? { t: 'str', v: ' [...]' };
      const options = [...a.kwargs.keys()].filter((k) => k !== 'width' && k !== 'placeholder');
      const text = first?.t === 'str' && width?.t === 'num' && placeholder.t === 'str' && options.length === 0 ? shorten(first.v, width.v, placeholder.v) : undefined;
      return text === undefined ? unknown('textwrap.shorten() of values not known statically', file, line) : { t: 'str', v: text };
    }
    case 'textwrap.dedent':
      return first?.t === 'str' ? { t: 'str', v: dedent(first.v) } : unknown('textwrap.dedent() of a value not known statically', file, line);
    case 'inspect.cleandoc':
      return first?.t === 'str' ? { t: 'str', v: cleandoc(first.v) } : unknown('inspect.cleandoc() of a value not known statically', file, line);
    case 'json.loads':
      return first?.t === 'str' ? fromJson(first.v, file, line) : unknown('json.loads() of a value not known statically', file, line);
    case 'json.dumps':
      return toJson(a, file, line);
    case 'collections.defaultdict': {
      // `defaultdict(list)`, `defaultdict(dict, {...})`: a dict whose missing keys the factory fills
      const made = dictOf(a.args[1], { args: a.args.slice(1), kwargs: a.kwargs }, file, line);
      return made.t === 'dict' && first && first.t !== 'none' ? { ...made, factory: first } : made;
    }
    // `SimpleNamespace(**settings)`: an object whose attributes are the keywords
    case 'types.SimpleNamespace':
      return a.args.length === 0 ? record(Object.fromEntries(a.kwargs)) : unknown('SimpleNamespace() with a positional argument', file, line);
    case 'enum.Enum':
    case 'enum.IntEnum':
    case 'enum.StrEnum':
    case 'enum.Flag':
    case 'enum.IntFlag':
      // the functional API, `Enum("Color", "RED GREEN")`: the class it makes
      return first?.t === 'str' && second ? functionalEnum(name, first, second, a.kwargs.get('start'), env, expr) : makeCall({ t: 'ext', name }, a, file, expr);
    case 'dataclasses.make_dataclass':
      return functionalDataclass(first, second, { bases: a.kwargs.get('bases'), namespace: a.kwargs.get('namespace') }, env, expr);
    case 'collections.namedtuple':
      return first?.t === 'str' && second ? functionalNamedTuple(first, fieldNames(second), a.kwargs.get('defaults'), env, expr) : unknown('namedtuple() with fields not known statically', file, line);
    case 'typing.NamedTuple':
    case 'typing_extensions.NamedTuple':
      // the functional form, `NamedTuple("Row", [("id", int), ("kind", str)])`
      return first?.t === 'str' ? functionalNamedTuple(first, second ? pairNames(second) : [...a.kwargs.keys()], undefined, env, expr) : makeCall({ t: 'ext', name }, a, file, expr);
    case 'dataclasses.fields':
      return dataclassFields(ctx, first, file, line);
    case 'dataclasses.asdict':
      return dataclassAsDict(ctx, first, file, line);
    case 'dataclasses.replace':
      return (first?.t === 'call' ? replaceRecord(ctx, first, a.kwargs) : undefined) ?? unknown('dataclasses.replace() of a value not known statically', file, line);
    // `setattr(owner, attr, Column(...))` on a class being made (a descriptor's `__set_name__`, a hook) is part of its
    // namespace, on an object or record its attribute; any other stays a call, which the scan follows as an effect
    case 'builtins.setattr': {
      const value = a.args[2];
      if (first?.t === 'class' && first.cls.inCreation && second?.t === 'str' && value) {
        (first.cls.assigned ??= new Map()).set(second.v, value);
        return { t: 'none' };
      }
      if (first?.t === 'class' && isPlainFactoryClass(ctx, first.cls) && second?.t === 'str' && value) {
        setOnFactoryClass(first.cls, second.v, value);
        return { t: 'none' };
      }
      if (first?.t === 'call' && second?.t === 'str' && value && setObjectAttribute(ctx, first, second.v, value)) return { t: 'none' };
      return makeCall({ t: 'ext', name }, a, file, expr);
    }
    case 'builtins.getattr':
    case 'builtins.hasattr': {
      if (!first || second?.t !== 'str') return unknown(`${name}() with a name not known statically`, file, line);
      const found = attributeOf(ctx, first, second.v, env, line);
      const raisesAttributeError = found.t === 'unknown' && found.raises !== undefined;
      const isMissing = (found.t === 'clsattr' && found.missing === true) || raisesAttributeError || lacksAttribute(first, second.v);
      if (name === 'builtins.hasattr') {
        const known = libraryHasAttribute(first, second.v);
        if (known !== undefined) return { t: 'bool', v: known };
        return first.t === 'class' || isMissing ? { t: 'bool', v: !isMissing } : unknown('hasattr() not known statically', file, line);
      }
      if (isMissing && a.args[2]) return a.args[2];
      // certainly missing: AttributeError, which a `try` in the helper may catch
      if (isMissing && !raisesAttributeError && certainlyLacks(ctx, first, second.v)) return raising(builtinException('AttributeError'), `${valueText(first)} has no attribute ${second.v}`, file, line);
      return found;
    }
    case 'builtins.dir':
      return first?.t === 'module' ? moduleNames(ctx, first.module, file, line) : unknown('dir() of a value other than a module is not known statically', file, line);
    case 'builtins.vars':
      // a class's namespace, as `cls.__dict__` reads it
      if (first?.t === 'class') return attributeOf(ctx, first, '__dict__', env, line);
      return (first && libraryNamespace(first)) ?? makeCall({ t: 'ext', name }, a, file, expr);
    case 'builtins.isinstance': {
      const is = first && second ? (inRepoInstanceOf(ctx, first, second) ?? isInstanceOf(first, second)) : undefined;
      return is === undefined ? unknown('isinstance() not known statically', file, line) : { t: 'bool', v: is };
    }
    case 'builtins.issubclass': {
      const is = first && second ? subclassOf(ctx, first, second) : undefined;
      return is === undefined ? unknown('issubclass() not known statically', file, line) : { t: 'bool', v: is };
    }
    case 'builtins.range':
      return rangeOf(a, file, line);
    case 'builtins.type':
      // keywords go to the class, as in a class statement (`type(name, bases, ns, table=True)` for SQLModel)
      if (a.args.length === 3) return classFromType(a.args, env, expr, { t: 'dict', entries: [...a.kwargs].map(([k, v]): [Value, Value] => [{ t: 'str', v: k }, v]) });
      return (a.args.length === 1 && a.kwargs.size === 0 ? typeOfValue(first!) : undefined) ?? makeCall({ t: 'ext', name }, a, file, expr);
    case 'types.new_class': {
      // types.new_class(name, bases, {"table": True}, exec_body): exec_body fills the namespace, then type() runs
      const [name, bases, kwds, execBody] = a.args;
      const namespace: Value = { t: 'dict', entries: [] };
      if (execBody && execBody.t !== 'none') {
        const ran = callValue(ctx, execBody, { args: [namespace], kwargs: new Map() }, env, expr);
        if (ran.t === 'unknown') return ran;
      }
      return classFromType([name ?? { t: 'none' }, bases ?? { t: 'seq', kind: 'tuple', items: [] }, namespace], env, expr, kwds);
    }
    case 'builtins.__import__':
    case 'importlib.import_module': {
      if (first?.t !== 'str') return unknown(`${name}() of a module name not known statically`, file, line);
      // __import__("a.b") is the package a; with a fromlist, or import_module("a.b"), the module a.b itself
      const fromlist = a.kwargs.get('fromlist') ?? a.args[3];
      const isLeaf = name === 'importlib.import_module' || (fromlist?.t === 'seq' && fromlist.items.length > 0);
      return moduleValue(ctx, isLeaf ? first.v : first.v.split('.')[0]!, file, line);
    }
    case 'builtins.super': {
      // `super()` in a method: the class defining it and the instance it runs on, as `super(Cls, self)` spells them
      const self = a.args.length === 0 ? boundOf(env) : undefined;
      const owner = self ? ownerOf(env) : undefined;
      return makeCall({ t: 'ext', name: SUPER }, self ? { args: [owner ? { t: 'class', cls: owner } : { t: 'none' }, self], kwargs: a.kwargs } : a, file, expr);
    }
    case 'sqlalchemy.orm.has_inherited_table':
    case 'sqlalchemy.ext.declarative.has_inherited_table':
      return first?.t === 'class' ? { t: 'bool', v: ctx.project.hooks.hasInheritedTable(first.cls) } : unknown('has_inherited_table() of a value not known statically', file, line);
    case 'schemaguard.type_descriptor':
      return first ? describedType(first, ctx.project.dialect) : unknown('type_descriptor() without a type', file, line);
    case 'typing.cast':
    case 'typing_extensions.cast':
      return second ?? unknown('cast() without a value', file, line);
    // `get_origin(Keyed[str])` is Keyed; of anything not a generic alias, None
    case 'typing.get_origin':
    case 'typing_extensions.get_origin':
      if (first?.t === 'generic') return first.base;
      return first && (isBuiltinValue(first) || first.t === 'class') ? { t: 'none' } : unknown('get_origin() of a value not known statically', file, line);
    case 'typing.get_args':
    case 'typing_extensions.get_args':
      // `Enum(*get_args(Kind))` over `Kind = Literal["a", "b"]`
      return first?.t === 'generic' ? { t: 'seq', kind: 'tuple', items: first.args } : unknown('get_args() of a value not known statically', file, line);
    case 'importlib.metadata.version':
    case 'importlib_metadata.version': {
      const version = first?.t === 'str' ? libraryVersion(first.v) : undefined;
      return version ? { t: 'str', v: version } : unknown('the installed version of a package is not known statically', file, line);
    }
    case 're.sub':
    case 're.compile': {
      const callRepl = (match: Value): Value => callValue(ctx, a.args[1]!, { args: [match], kwargs: new Map() }, env, expr);
      return callRegex(name, patternArguments(a), file, line, callRepl) ?? makeCall({ t: 'ext', name }, a, file, expr);
    }
    case 're.split':
      return callRegexSplit(patternArguments(a), file, line) ?? makeCall({ t: 'ext', name }, a, file, expr);
    case 're.search':
    case 're.match':
    case 're.fullmatch':
      return callRegexMatch(name, patternArguments(a), file, line) ?? makeCall({ t: 'ext', name }, a, file, expr);
    case 're.finditer':
    case 're.findall':
      return callRegexAll(name, patternArguments(a), file, line) ?? makeCall({ t: 'ext', name }, a, file, expr);
    default:
      if (RUNTIME.test(name)) return unknown(`runtime configuration (${name})`, file, line);
      return callIterableBuiltin(ctx, name, a, env, expr) ?? callIteratorBuiltin(ctx, name, a, file, line) ?? callHigherOrder(ctx, name, a, env, expr) ?? callIterTools(ctx, name, a, env, expr) ?? callStdlib(ctx, name, a, file, line) ?? callUnboundMethod(ctx, name, a, env, expr) ?? makeCall({ t: 'ext', name }, a, file, expr);
  }
}

/** `type(obj)`: the class of an instance of a project class or of a builtin value; undefined for others. */
function typeOfValue(v: Value): Value | undefined {
  if (v.t === 'call' && v.callee.t === 'class') return v.callee;
  const builtin = v.t === 'str' ? 'str' : v.t === 'bool' ? 'bool' : v.t === 'num' ? (isFloat(v) ? 'float' : 'int') : v.t === 'dict' ? 'dict' : v.t === 'seq' ? v.kind : undefined;
  return builtin ? { t: 'ext', name: `builtins.${builtin}` } : undefined;
}

const UNBOUND_METHOD = /^builtins\.(str|list|tuple|set|dict)\.(\w+)$/;

/** `str.casefold(name)`, `sorted(names, key=str.lower)`: a builtin type's method called on its first argument. */
function callUnboundMethod(ctx: Ctx, name: string, a: Arguments, env: Env, expr: Expr): Value | undefined {
  const [, type, method] = UNBOUND_METHOD.exec(name) ?? [];
  const receiver = a.args[0];
  const isReceiver = type === 'str' ? receiver?.t === 'str' : type === 'dict' ? receiver?.t === 'dict' : receiver?.t === 'seq' && receiver.kind === type;
  if (!method || !isReceiver) return undefined;
  return callMethod(ctx, { t: 'attr', obj: receiver!, name: method }, { args: a.args.slice(1), kwargs: a.kwargs }, env, expr);
}

function callMethod(ctx: Ctx, fn: Extract<Value, { t: 'attr' }>, a: Arguments, env: Env, expr: Expr): Value {
  const { obj, name } = fn;
  const file = env.module.file;
  const unknownArg = a.args.find((v) => v.t === 'unknown');
  if (unknownArg && (obj.t === 'str' || obj.t === 'dict')) return unknownArg;
  // `reg.mapped(type("GarnishmentDeduction", (object,), attrs))`: the decorator called as a function maps the class
  const first = a.args[0];
  if ((name === 'mapped' || name === 'mapped_as_dataclass') && first?.t === 'class' && obj.t === 'call' && saSymbol(obj.callee) === 'registry') {
    first.cls.mappedBy = fn;
    return first;
  }
  if (isSuperCall(obj)) {
    const chain = name === '__init__' || name === '__init_subclass__' ? superCallOf(env) : undefined;
    if (chain) {
      chain.next(a);
      return { t: 'none' };
    }
    if (name === '__new__') ctx.project.passedBases?.(a.args[2]);
    // `ns = super().__prepare__(name, bases, **kw)` in a metaclass: type's own gives an empty namespace
    if (name === '__prepare__') {
      const next = superMember(ctx, obj, name, expr.line);
      return next === undefined || next === 'outside' ? { t: 'dict', entries: [] } : callValue(ctx, next, a, env, expr);
    }
    // TypeDecorator.load_dialect_impl, reached through super() past the project's own: `self.impl_instance`
    const inherited = name === 'load_dialect_impl' ? inheritedDialectImpl(ctx, obj, expr.line) : undefined;
    if (inherited) return inherited;
  }
  if (obj.t === 'str') return callStringMethod(obj.v, name, a, file, expr.line) ?? unknown(`str.${name}() not supported statically`, file, expr.line);
  // `member.value.bit_count()`: the set bits of an int
  if (obj.t === 'num' && Number.isSafeInteger(obj.v) && a.args.length === 0 && (name === 'bit_count' || name === 'bit_length')) {
    const bits = Math.abs(obj.v).toString(2);
    return { t: 'num', v: name === 'bit_count' ? [...bits].filter((b) => b === '1').length : obj.v === 0 ? 0 : bits.length };
  }
  // `len(name).__ceil__()`: the int a number's rounding dunders give
  const rounding = obj.t === 'num' && a.args.length === 0 ? NUMBER_ROUNDING.get(name) : undefined;
  if (rounding && obj.t === 'num') return num(rounding(obj.v));
  if ((name === 'model_validate' || name === 'parse_obj') && obj.t === 'class') return validatedModel(obj.cls, first, file, expr.line);
  // `Audited.__subclasses__()`: the classes made so far that name it as a base, in the order they were made
  if (name === '__subclasses__' && obj.t === 'class' && a.args.length === 0) {
    const direct = ctx.project.created.filter((c) => classHeader(ctx, c).bases.some((b) => b.t === 'class' && b.cls === obj.cls));
    return { t: 'seq', kind: 'list', items: direct.map((cls): Value => ({ t: 'class', cls })) };
  }
  // `JoinedMixin in cls.mro()`: the MRO as a list
  if (name === 'mro' && obj.t === 'class' && a.args.length === 0) return { t: 'seq', kind: 'list', items: mroValues(ctx, obj.cls) };
  const match = matchFields(obj);
  if (match) return callMatchMethod(match, name, a, file, expr.line);
  if (obj.t === 'dict') return callDictMethod(obj, name, a, file, expr.line);
  const fromList = obj.t === 'seq' ? callListMethod(obj, name, a, file, expr.line) : undefined;
  if (fromList) return fromList;
  const fromSet = obj.t === 'seq' && obj.kind === 'set' && a.kwargs.size === 0 ? callSetMethod(obj.items, name, a.args, (x) => iterate(ctx, x), file, expr.line) : undefined;
  if (fromSet) return fromSet;
  // `table.c.keys()`, `.values()`, `.items()`: the columns' keys and the Column objects, as lists
  const columnView = obj.t === 'tablecols' && a.args.length === 0 && TABLE_VIEWS.has(name) ? columnsByKey(ctx, obj) : undefined;
  if (columnView) return callDictMethod(columnView, name, a, file, expr.line);
  // `metadata.tables.values()`: the tables built so far, as a dict of them answers
  const tables = obj.t === 'attr' && obj.name === 'tables' && TABLE_VIEWS.has(name) ? ctx.project.hooks.metaTables(obj.obj) : undefined;
  if (tables) return callDictMethod({ t: 'dict', entries: tables.map(([key, table]): [Value, Value] => [{ t: 'str', v: key }, table]) }, name, a, file, expr.line);
  if ((name === '_replace' || name === '_asdict') && obj.t === 'call' && namedTupleItems(ctx, obj)) return namedTupleMethod(ctx, obj, name, a);
  // `Spec._make(row)`: the named tuple made of the iterable's items
  if (name === '_make' && obj.t === 'class' && isNamedTupleClass(ctx, obj.cls) && first && a.args.length === 1) {
    const items = iterate(ctx, first);
    return items ? callValue(ctx, obj, { args: [...items], kwargs: new Map() }, env, expr) : unknown('_make() of a value not known statically', file, expr.line);
  }
  if ((name === 'substitute' || name === 'safe_substitute') && obj.t === 'call' && obj.callee.t === 'ext' && obj.callee.name === 'string.Template') return substituteTemplate(obj, name, a, file, expr.line);
  const fromNamespace = name === 'get' ? libraryNamespaceGet(obj, a.args) : undefined;
  if (fromNamespace) return fromNamespace;
  // `PATTERN.sub(repl, text)`, `PATTERN.split(text)`, `PATTERN.search(text)`: the module function over the compiled
  // pattern, whose text and flags patternArguments reads (a search-like method only without its pos / endpos)
  if (obj.t === 'call' && obj.callee.t === 'ext' && obj.callee.name === 're.compile' && PATTERN_METHODS.has(name) && (name === 'sub' || name === 'split' || a.args.length === 1)) {
    return callExternal(ctx, `re.${name}`, { args: [obj, ...a.args], kwargs: a.kwargs }, env, expr);
  }

  const date = name === 'date' && a.args.length === 0 ? dateOf(obj) : undefined;
  if (date) return date;
  if (name === 'as_tuple' && obj.t === 'call' && obj.callee.t === 'ext' && obj.callee.name === 'decimal.Decimal' && a.args.length === 0) return decimalTuple(obj, file, expr.line);
  const fromBytes = obj.t === 'call' ? (callBytesMethod(obj, name, a, file, expr.line) ?? callHashMethod(obj, name, a, file, expr.line)) : undefined;
  if (fromBytes) return fromBytes;
  // `Index(...).ddl_if(dialect="postgresql")` returns the object it was called on, kept for every dialect
  if (name === 'ddl_if' && obj.t === 'call') return obj;
  // `template.copy()` / `._copy()`: an equal Column for another table. `events.c.event_uuid._copy()` copies a column
  // already in a table, whose foreign keys belong to that table's constraints: they are not copied (Column._copy)
  if ((name === 'copy' || name === '_copy') && a.args.length === 0) {
    // a new Column: setting an attribute on the copy leaves the template as it was
    if (obj.t === 'call' && saSymbol(obj.callee) === 'Column') return isTableColumn(obj) ? withoutForeignKeys(obj) : { ...obj, kwargs: new Map(obj.kwargs) };
    const inTable = obj.t === 'tablecol' && obj.table.t === 'call' ? columnCallOf(obj.table, obj.name) : undefined;
    if (inTable) return withoutForeignKeys(inTable);
    // `cls.__table__.c[name]._copy()` of a mapped class's column (guild_ledger's history tables)
    // (one whose type its annotation gives through a variant is not known: said so, not dropped)
    const column = obj.t === 'clsattr' ? ctx.project.hooks.mappedColumn(obj.cls, obj.name) : undefined;
    if (column?.t === 'unknown') return column;
    if (column?.t === 'call') return withoutForeignKeys(column);
  }
  // `Parent.__table__.c.get("os_version", Column(...))`, the 1.x recipe for a column siblings share: a new column,
  // which single-table inheritance adds to the parent's table once by name
  if (obj.t === 'clsattr' && obj.name === '__table__.c' && name === 'get' && a.args[1]) return parentTableDefault(a.args[1]);
  if (obj.t === 'ext' && RUNTIME.test(`${obj.name}.${name}`)) return unknown(`runtime configuration (${obj.name}.${name})`, file, expr.line);
  return makeCall(fn, a, file, expr);
}

/** A table's column collection as a dict of its columns by key; undefined when a key is not known statically. */
export function columnsByKey(ctx: Ctx, cols: Extract<Value, { t: 'tablecols' }>): Extract<Value, { t: 'dict' }> | undefined {
  const columns = ctx.project.hooks.tableColumns(cols.table);
  const entries = columns?.map((c): [Value, Value] | undefined => {
    const key = columnKeyOf(c);
    return key === undefined ? undefined : [{ t: 'str', v: key }, c];
  });
  return entries?.every((e) => e !== undefined) ? { t: 'dict', entries: entries as Array<[Value, Value]> } : undefined;
}

function withoutForeignKeys(column: CallValue): CallValue {
  return { ...column, args: column.args.filter((arg) => !(arg.t === 'call' && saSymbol(arg.callee) === 'ForeignKey')), kwargs: new Map(column.kwargs) };
}

/** The `Column(...)` argument of a `Table(...)` call that has this key (or name). */
function columnCallOf(table: CallValue, key: string): CallValue | undefined {
  return columnCallIn(table.args, key);
}

/** The `Column(...)` among `values` that has this key (or name). */
export function columnCallIn(values: Value[], key: string): CallValue | undefined {
  return values.find((arg): arg is CallValue => columnKeyOf(arg) === key);
}

/** The key a `Column(...)` call stands under in its table's `.c`: its `key=`, else its name; undefined for another value. */
export function columnKeyOf(arg: Value): string | undefined {
  if (arg.t !== 'call' || saSymbol(arg.callee) !== 'Column') return undefined;
  const keyArg = arg.kwargs.get('key');
  const nameArg = arg.args[0]?.t === 'str' ? arg.args[0] : arg.kwargs.get('name');
  return keyArg?.t === 'str' ? keyArg.v : nameArg?.t === 'str' ? nameArg.v : undefined;
}

/**
 * `int(x)`, `int(text, base)`: text past 2**53 is read exactly (a bigint), a float past it is not followed (its
 * digits are a double's).
 */
function intOf(first: Value | undefined, base: Value | undefined, file: string, line: number): Value {
  // an IntEnum / IntFlag member is its value
  const v = first ? scalar(first) : { t: 'num' as const, v: 0 };
  const radix = base === undefined ? 10 : base.t === 'num' ? base.v : undefined;
  const fail = unknown('int() of a value not known statically', file, line);
  if (v?.t === 'bigint' && base === undefined) return v;
  if ((v?.t === 'num' || v?.t === 'bool') && base === undefined) return Number.isSafeInteger(Math.trunc(Number(v.v))) ? num(Math.trunc(Number(v.v))) : fail;
  if (v?.t !== 'str' || radix === undefined || !Number.isInteger(radix) || radix === 1 || radix < 0 || radix > 36) return fail;
  const match = /^([+-]?)(.*)$/s.exec(v.v.trim().toLowerCase())!;
  // base 0 reads the base from the prefix, as a literal does (and, like one, refuses a leading zero in decimal)
  const read = radix === 0 ? ({ '0b': 2, '0o': 8, '0x': 16 }[match[2]!.slice(0, 2)] ?? 10) : radix;
  // text that is no integer in the base: Python raises ValueError (a `try` around it takes its `except` path)
  const invalid = (): Value => raising(builtinException('ValueError'), `invalid literal for int() with base ${radix}: ${JSON.stringify(v.v)}`, file, line);
  if (radix === 0 && read === 10 && /^0[_0]*[1-9]/.test(match[2]!)) return invalid();
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, read);
  const prefix = { 2: '0b', 8: '0o', 16: '0x' }[read];
  const body = prefix && match[2]!.startsWith(prefix) ? match[2]!.slice(2).replace(/^_/, '') : match[2]!;
  // digits, with single underscores between them
  if (!new RegExp(`^[${digits}]+(_[${digits}]+)*$`).test(body)) return invalid();
  const n = [...body.replace(/_/g, '')].reduce((acc, c) => acc * BigInt(read) + BigInt(digits.indexOf(c)), 0n);
  return intValue(match[1] === '-' ? -n : n);
}

/** Digits with single underscores between them, as Python's float() reads them. */
const DIGITS = String.raw`\d(?:_?\d)*`;
const FLOAT_TEXT = new RegExp(String.raw`^[+-]?(?:${DIGITS}(?:\.(?:${DIGITS})?)?|\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);

function floatOf(first: Value | undefined, file: string, line: number): Value {
  const v = first ? scalar(first) : { t: 'num' as const, v: 0 };
  if (v.t === 'num' || v.t === 'bool') return num(Number(v.v), true);
  if (v.t !== 'str') return unknown('float() of a value not known statically', file, line);
  const text = v.v.trim();
  if (/^[+-]?(inf|infinity|nan)$/i.test(text)) return num(/nan/i.test(text) ? NaN : text.startsWith('-') ? -Infinity : Infinity, true);
  // text that is no number: Python raises ValueError (a `try` around it takes its `except` path)
  return FLOAT_TEXT.test(text) ? num(Number(text.replace(/_/g, '')), true) : raising(builtinException('ValueError'), `could not convert string to float: ${JSON.stringify(v.v)}`, file, line);
}

function strOf(v: Value, file: string, line: number): Value {
  const text = formatValue(v);
  return text === undefined ? unknown('str() of a value not known statically', file, line) : { t: 'str', v: text };
}

function seqOf(ctx: Ctx, v: Value | undefined, kind: 'tuple' | 'list', file: string, line: number): Value {
  if (!v) return { t: 'seq', kind, items: [] };
  const items = iterate(ctx, v);
  return items ? { t: 'seq', kind, items: [...items] } : unknown(`${kind}() of a value not known statically`, file, line);
}

/** `dict(mapping)`, `dict((("pk", "..."), ...))` (pairs), `dict(a=1)` */
/** `dict(first, **kwargs)`: a copy of a dict or of (key, value) pairs, the keywords added. */
export function dictOf(first: Value | undefined, a: Arguments, file: string, line: number): Value {
  const pairs = first?.t === 'seq' && first.items.every((p) => p.t === 'seq' && p.items.length === 2);
  const entries: Array<[Value, Value]> = first?.t === 'dict' ? [...first.entries] : pairs && first.t === 'seq' ? first.items.map((p) => (p as Extract<Value, { t: 'seq' }>).items as [Value, Value]) : [];
  if (first && first.t !== 'dict' && !pairs) return unknown('dict() of a value not known statically', file, line);
  // a key given twice (a pair again, a keyword over the mapping's key) keeps its first place and its last value
  const dict: Extract<Value, { t: 'dict' }> = { t: 'dict', entries: [] };
  for (const [k, v] of [...entries, ...[...a.kwargs].map(([k, v]): [Value, Value] => [{ t: 'str', v: k }, v])]) setItem(dict, k, v);
  return dict;
}

/** In-repo classes over `dict` that define nothing of their own. */
function isPlainDictSubclass(ctx: Ctx, cls: ClassInfo): boolean {
  const mro = mroOf(ctx, cls);
  const outside = mro.filter((e) => e.k === 'value');
  return (
    outside[0]?.k === 'value' && outside[0].value.t === 'ext' && outside[0].value.name === 'builtins.dict' &&
    mro.every((e) => e.k === 'value' || classScope(ctx.project, e.cls).bindings.size === 0)
  );
}

/** A TypedDict class: calling it makes a plain dict. */
function isTypedDict(ctx: Ctx, cls: ClassInfo): boolean {
  return mroOf(ctx, cls).some((e) => e.k === 'value' && e.value.t === 'ext' && /^typing(_extensions)?\.TypedDict$/.test(e.value.name));
}

/** What every module's namespace holds besides its own names (CPython 3, a module imported from a file). */
const MODULE_DUNDERS = ['__builtins__', '__cached__', '__doc__', '__file__', '__loader__', '__name__', '__package__', '__spec__'];

/** `dir(settings)`: the sorted names of a module's namespace; unknown when a star import or globals() adds names we cannot list. */
function moduleNames(ctx: Ctx, module: ModuleInfo, file: string, line: number): Value {
  const scope = moduleScope(ctx.project, module);
  if (scope.stars.length > 0 || ctx.project.dynamicGlobals.has(module)) return unknown(`dir() of module ${module.name}, whose names are not all known statically`, file, line);
  const names = new Set(MODULE_DUNDERS);
  if (module.isPackage) names.add('__path__');
  for (const [name, binding] of scope.bindings) if (binding.k !== 'ann') names.add(name);
  if (module.body.some((stmt) => stmt.k === 'ann')) names.add('__annotations__');
  return { t: 'seq', kind: 'list', items: [...names].sort().map((v): Value => ({ t: 'str', v })) };
}

function rangeOf(a: Arguments, file: string, line: number): Value {
  const nums = a.args.map((v) => (v.t === 'num' ? v.v : NaN));
  if (nums.some(Number.isNaN) || nums.length === 0) return unknown('range() of values not known statically', file, line);
  const [start, stop, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  const items: Value[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
    if (items.length > 10_000) return unknown('range() too large', file, line);
    items.push({ t: 'num', v: i });
  }
  return { t: 'seq', kind: 'list', items };
}
