// The static evaluator's values: what a Python expression in a model file is known to be.
import type { ClassDef, Expr, FunctionDef } from '../python/summary.js';
import type { Env } from './context.js';

/** A module of the repository, with its summary and where it came from. */
export interface ModuleInfo {
  name: string;
  file: string;
  isPackage: boolean;
  /** a PEP 420 namespace package: a directory without `__init__.py` (`file` is the directory), its body empty */
  namespace?: true;
  body: ClassDef['body'];
  /** its top-level functions and classes that make models when called (outline.ts) */
  factories: readonly string[];
}

/** An in-repo class; `id` is unique per extraction (module + qualified name). */
export interface ClassInfo {
  id: string;
  name: string;
  module: ModuleInfo;
  def: ClassDef;
  /** the class this one is nested in, for class-local lookups */
  outer?: ClassInfo;
  /** a class defined inside a function: the function's locals it closes over */
  closure?: Map<string, Value>;
  /** a class made by `type(name, bases, namespace)`: its bases, already evaluated */
  bases?: Value[];
  /** attributes code set on the class object (`cls.__tablename__ = ...` in an `__init_subclass__` run statically) */
  assigned?: Map<string, Value>;
  /** a class `dataclasses.make_dataclass(...)` made: a dataclass without a decorator statement */
  madeDataclass?: true;
  /** not mapped yet while its `__init_subclass__` hooks, metaclass `__init__` or decorators run: what they set is its namespace */
  inCreation?: boolean;
  /** `reg.mapped` when it was called on the class as a function (a class `type()` made): its registry maps it */
  mappedBy?: Value;
  /**
   * what code run as it was created set on it (its metaclass's `__init__`; the `__init_subclass__` hooks of a class
   * no registry maps), run statically: attribute lookup finds these first
   */
  creationSet?: Map<string, Value>;
  /** what its `__init_subclass__` hooks set after `DeclarativeBase.__init_subclass__` mapped it: appended to its table */
  setAfterMapping?: Map<string, Value>;
}

export interface FuncInfo {
  module: ModuleInfo;
  def: FunctionDef;
  /** nested functions: the names they close over */
  closure?: Map<string, Value>;
  /** methods reached through an object or class: the value bound to the first parameter */
  bound?: Value;
  /** methods: the class whose body defines them, where a zero-argument `super()` starts its lookup */
  owner?: ClassInfo;
  /** a wrapper an in-repo decorator returned: the function it wraps, called instead when the wrapper cannot be run */
  wraps?: FuncInfo;
  /** a function defined in a function: its parameters' defaults, evaluated where it was defined (`def f(w=w)`) */
  defaults?: ReadonlyMap<string, Value>;
}

export interface Arguments {
  args: Value[];
  kwargs: ReadonlyMap<string, Value>;
}

/** The keywords of a call that passes none: one map, never changed (a change replaces a call's map). */
export const NO_KEYWORDS: ReadonlyMap<string, Value> = new Map();

export type Value =
  /** `conv`: a name given as `conv("...")`, which a naming convention leaves as it is */
  | { t: 'str'; v: string; conv?: true }
  /** `float`: a Python float whose value is integral (`2.0`), printed as one; a non-integral number is a float anyway */
  | { t: 'num'; v: number; float?: true }
  /** an integer past 2**53, which a JS number would round (`(1 << 63) - 1`); within that range an int is a num */
  | { t: 'bigint'; v: bigint }
  | { t: 'bool'; v: boolean }
  | { t: 'none' }
  | { t: 'seq'; kind: 'tuple' | 'list' | 'set'; items: Value[]; slice?: true }
  /** `collection`: a ColumnCollection (`constraint.columns`): keyed like a dict, but iterates over its values */
  /** `factory`: a `defaultdict`'s, called for a key it lacks */
  | { t: 'dict'; entries: Array<[Value, Value]>; collection?: true; factory?: Value }
  /** a name from outside the repository, fully qualified: 'sqlalchemy.orm.mapped_column' */
  | { t: 'ext'; name: string }
  | { t: 'module'; module: ModuleInfo }
  | { t: 'class'; cls: ClassInfo }
  | { t: 'func'; fn: FuncInfo }
  /** an object built by calling something: Column(...), MetaData(...), an in-repo class instance */
  | CallValue
  /** `Model.attr` before the model is mapped (a column reference or anything else) */
  | { t: 'clsattr'; cls: ClassInfo; name: string; line: number; missing?: true }
  /** `some_table.c` and `some_table.c.col` */
  | { t: 'tablecols'; table: TableRef }
  | { t: 'tablecol'; table: TableRef; name: string }
  /** `metadata.tables["name"]` */
  | MetaTable
  /** an attribute of an external object that has no better meaning: `func.now`, `text` results */
  | { t: 'attr'; obj: Value; name: string }
  /** a PEP 695 `type Name = value` alias (TypeAliasType): its own identity, and its value */
  /** `generic`: a generic alias's parameters and value, made anew for each subscript (`type Opt[T] = T | None`) */
  | { t: 'alias'; name: string; value: Value; generic?: { params: string[]; expr: Expr; env: Env } }
  /** a generic alias: `Mapped[int]`, `Optional[str]`, and `X | None` (base typing.Union) */
  /** `expanded`: a generic type alias's value for these arguments (`Opt[str]` is `str | None`) */
  | { t: 'generic'; base: Value; args: Value[]; expanded?: Value }
  /** a lambda or a function with side effects: only its source text matters (defaults) */
  | { t: 'code'; expr: Expr; env?: Env; defaults?: ReadonlyMap<string, Value> }
  | Unknown;

/** The pseudo callee of an operator applied to a column expression (sql-expr.ts): args are the operator, then its operands. */
export const SQL_OPERATOR = 'schemaguard.sql_operator';

export interface MetaTable {
  t: 'metatable';
  meta: Value;
  name: string;
}

/** A table as an expression reaches it: the Table(...) call, or a lookup in MetaData.tables. */
export type TableRef = CallValue | MetaTable;

export interface CallValue {
  t: 'call';
  callee: Value;
  args: Value[];
  kwargs: ReadonlyMap<string, Value>;
  file: string;
  line: number;
  /** the source expression, for defaults rendered as text */
  expr: Expr;
  /** an in-repo class instance: attributes its constructor set (`self.native = native`), run statically */
  attrs?: Map<string, Value>;
}

export interface Unknown {
  t: 'unknown';
  reason: string;
  file: string;
  line: number;
  /** the exception Python raises here, when that is certain (`getattr` of a missing name): a handler may catch it */
  raises?: Value;
  /** the source text that gave it, where a message names the thing (a class's base `Base`) */
  written?: string;
}

/** What Python raises: `exc` is the exception class (an in-repo class, or `builtins.KeyError` ...). */
export function raising(exc: Value, reason: string, file: string, line: number): Unknown {
  return { t: 'unknown', reason, file, line, raises: exc };
}

/** The builtin exception class of that name. */
export const builtinException = (name: string): Value => ({ t: 'ext', name: `builtins.${name}` });

export function unknown(reason: string, file: string, line: number): Unknown {
  return { t: 'unknown', reason, file, line };
}

export const NONE: Value = { t: 'none' };

/** A value of Python's builtin types the evaluator holds exactly: str, int/float, bool, None, tuple/list/set, dict. */
export function isBuiltinValue(v: Value): boolean {
  return v.t === 'str' || v.t === 'num' || v.t === 'bool' || v.t === 'none' || v.t === 'seq' || v.t === 'dict';
}

export function str(v: string): Value {
  return { t: 'str', v };
}

export function isTruthy(v: Value): boolean | undefined {
  switch (v.t) {
    case 'bool':
      return v.v;
    case 'none':
      return false;
    case 'num':
      return v.v !== 0;
    case 'bigint':
      return true;
    case 'str':
      return v.v.length > 0;
    case 'seq':
      return v.items.length > 0;
    case 'dict':
      return v.entries.length > 0;
    case 'unknown':
    case 'code':
    case 'attr':
      return undefined;
    case 'ext':
      return extTruth(v.name);
    case 'call':
      return callTruth(v);
    default:
      return true;
  }
}

/**
 * An object a call made: a class instance, a schema object, a record is truthy. What a function from outside the
 * ORM libraries or a method not run returns (`os.path.exists(...)`, `config.getboolean(...)`) may be None, 0 or
 * False: not decidable.
 */
function callTruth(v: CallValue): boolean | undefined {
  if (v.callee.t === 'class') return true;
  if (v.callee.t !== 'ext') return undefined;
  const name = v.callee.name;
  // an enum member is true unless it is a Flag without bits, or an int / str mixin member whose value is false
  const mixin = name === 'schemaguard.Record' ? v.kwargs.get('__mixin__') : undefined;
  if (v.kwargs.has('__flag__') || (mixin?.t === 'str' && mixin.v !== 'none')) {
    const value = v.kwargs.get('value');
    return value ? isTruthy(value) : undefined;
  }
  // `if col == 1:` asks SQLAlchemy's ClauseElement.__bool__, which mostly raises
  if (name === SQL_OPERATOR) return undefined;
  if (/^(sqlalchemy|sqlmodel|flask_sqlalchemy|schemaguard|functools)\./.test(name)) return true;
  const last = name.slice(name.lastIndexOf('.') + 1);
  return /^[A-Z]/.test(last) ? true : undefined;
}

const TYPE_CHECKING = /^typing(_extensions)?\.TYPE_CHECKING$/;

/**
 * A name from outside the repository: `typing.TYPE_CHECKING` is False when the code runs; an upper-case name
 * outside the ORM libraries may be a flag of an outside settings module (`settings.USE_JSONB`), so unknown;
 * anything else (a class, a function, a module) is truthy.
 */
function extTruth(name: string): boolean | undefined {
  if (TYPE_CHECKING.test(name)) return false;
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (/^[A-Z][A-Z0-9_]*$/.test(last) && !/^(sqlalchemy|sqlmodel|flask_sqlalchemy)\./.test(name)) return undefined;
  return true;
}

/** Why `if v:` cannot be decided: the reason `v` itself is unknown, when it is. */
export function undecidable(v: Value): string {
  return v.t === 'unknown' ? `condition not decidable statically (${v.reason})` : 'condition not decidable statically';
}

/** A str / int mixin enum member stands for its value wherever a plain value is needed. */
export function scalar(v: Value): Value {
  if (v.t !== 'call' || v.callee.t !== 'ext' || v.callee.name !== 'schemaguard.Record') return v;
  const mixin = v.kwargs.get('__mixin__');
  return mixin?.t === 'str' && mixin.v !== 'none' ? (v.kwargs.get('value') ?? v) : v;
}

/** A constraint's given name, and whether it was marked `conv(...)` (then no naming convention applies). */
export function constraintNameOf(v: Value | undefined): { name: string | null; converted?: true } {
  const name = asString(v) ?? null;
  return name !== null && v?.t === 'str' && v.conv ? { name, converted: true } : { name };
}

/** A class's `__qualname__`: the classes it is nested in, then its name. */
export function qualnameOf(cls: ClassInfo): string {
  return cls.outer ? `${qualnameOf(cls.outer)}.${cls.name}` : cls.name;
}

export function asString(v: Value | undefined): string | undefined {
  const s = v ? scalar(v) : undefined;
  return s?.t === 'str' ? s.v : undefined;
}

export function asBool(v: Value | undefined): boolean | undefined {
  return v?.t === 'bool' ? v.v : undefined;
}

export function kw(call: CallValue, name: string): Value | undefined {
  return call.kwargs.get(name);
}

/** An object whose attributes are known: what the extractor hands to callables it runs (enum members, constraints). */
/** A string, or None. */
export const strOrNone = (v: string | null): Value => (v === null ? { t: 'none' } : { t: 'str', v });

/** What code SQLAlchemy calls reads of a Table: its name, schema and full name. */
export function tableRecord(name: string, schema: string | null): CallValue {
  return record({ name: { t: 'str', v: name }, schema: strOrNone(schema), fullname: { t: 'str', v: schema ? `${schema}.${name}` : name } });
}

/** A record of the fields given; a Map is kept as the record's own (a caller may add fields to it later). */
export function record(fields: Record<string, Value> | Map<string, Value>): CallValue {
  return {
    t: 'call',
    callee: { t: 'ext', name: 'schemaguard.Record' },
    args: [],
    kwargs: fields instanceof Map ? fields : new Map(Object.entries(fields)),
    file: '',
    line: 0,
    expr: { k: 'other', type: 'record', text: '', line: 0 },
  };
}

/** A number as Python holds it: a float when either operand was one (or when it is not integral). */
export function num(v: number, isFloat = false): Extract<Value, { t: 'num' }> {
  // a Python int has no negative zero (`0 * -1`, `-0`): JavaScript's would show in a float() of it
  return isFloat ? { t: 'num', v, float: true } : { t: 'num', v: v === 0 ? 0 : v };
}

export const isFloat = (v: Extract<Value, { t: 'num' }>): boolean => v.float === true || !Number.isInteger(v.v);

/** How Python writes a sequence of items already written: `[a, b]`, `(a,)`, `(a, b)`, `{a, b}` (`set()` when empty). */
export function sequenceText(kind: 'tuple' | 'list' | 'set', parts: readonly string[]): string {
  if (kind === 'list') return `[${parts.join(', ')}]`;
  if (kind === 'set') return parts.length === 0 ? 'set()' : `{${parts.join(', ')}}`;
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
}

/**
 * str() / repr() of a number: an int's digits; a float as Python's repr writes it (`2.0`, `1e+16`, `1.5e-07`):
 * the shortest round-trip digits, in exponent form below 1e-4 and from 1e16 on.
 */
export function numberText(v: Extract<Value, { t: 'num' }>): string {
  if (!isFloat(v)) return String(v.v);
  if (Number.isNaN(v.v)) return 'nan';
  if (!Number.isFinite(v.v)) return v.v > 0 ? 'inf' : '-inf';
  if (Object.is(v.v, -0)) return '-0.0';
  const [mantissa, exp] = v.v.toExponential().split('e') as [string, string];
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 16) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  // the shortest digits placed by hand: toFixed would round the double's exact value again (…000.25 -> .3)
  const sign = mantissa.startsWith('-') ? '-' : '';
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return `${sign}${digits.slice(0, exponent + 1).padEnd(exponent + 1, '0')}.${digits.slice(exponent + 1) || '0'}`;
}

/** A Python int held exactly: a num within 2**53, else a bigint. */
export function intValue(n: bigint): Value {
  return n >= -MAX_SAFE && n <= MAX_SAFE ? { t: 'num', v: n === 0n ? 0 : Number(n) } : { t: 'bigint', v: n };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A Python int as a BigInt: a bigint, an integral num that is no float, a bool; undefined for anything else. */
export function integerOf(v: Value): bigint | undefined {
  if (v.t === 'bigint') return v.v;
  if (v.t === 'bool') return v.v ? 1n : 0n;
  return v.t === 'num' && !isFloat(v) && Number.isSafeInteger(v.v) ? BigInt(v.v) : undefined;
}
