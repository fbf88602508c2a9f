// Project TypeDecorators: the type they store, from `impl` or from `load_dialect_impl` for the dialect.
import type { TypeSpec } from '../schema/type-spec.js';
import type { Dialect } from '../schema/types.js';
import { classScope, type Ctx } from './context.js';
import { mroOf } from './classes.js';
import { callFunction } from './evaluate-func.js';
import { methodChain, runChain } from './method-chain.js';
import { bareInstance } from './constructors.js';
import { bindingValue } from './resolve.js';
import { saSymbol } from './sa-names.js';
import { typeSpecOf } from './type-of.js';
import { unknown, type Arguments, type CallValue, type ClassInfo, type FuncInfo, type Unknown, type Value } from './values.js';

export const NOT_A_DECORATOR = 'not a TypeDecorator';

/** The pseudo dialect handed to load_dialect_impl: `dialect.name` is known, type_descriptor() adapts (describedType). */
export const DIALECT_CALLEE = 'schemaguard.Dialect';

const FLOATS = new Set(['Float', 'FLOAT', 'Double', 'DOUBLE', 'DOUBLE_PRECISION', 'REAL']);

/**
 * `dialect.type_descriptor(t)`: the type adapted to the dialect's own class for it (its `colspecs`), where that
 * changes the DDL (printed by SQLAlchemy 2.0: `dialect.type_descriptor(t).compile(dialect)`). PostgreSQL (psycopg2)
 * turns every float into Float (`DOUBLE_PRECISION()` -> FLOAT, its precision kept); MySQL a generic REAL into FLOAT and
 * DOUBLE_PRECISION into DOUBLE (its own types stay); both turn a generic DECIMAL into Numeric; SQLite turns TIMESTAMP into its DATETIME.
 */
export function describedType(t: Value, dialect: Dialect): Value {
  if (t.t !== 'call') return t;
  const sym = saSymbol(t.callee) ?? '';
  const as = (name: string, a: Arguments): CallValue => ({ ...t, callee: { t: 'ext', name: `sqlalchemy.${name}` }, args: a.args, kwargs: a.kwargs });
  if (dialect === 'postgresql' && FLOATS.has(sym)) {
    const precision = t.kwargs.get('precision') ?? t.args[0];
    return as('Float', { args: [], kwargs: new Map(precision ? [['precision', precision]] : []) });
  }
  // MySQL keeps a type of its own classes as given (each already subclasses the class it adapts to); a generic
  // REAL is its FLOAT, DOUBLE_PRECISION its DOUBLE
  if (dialect === 'mysql' && t.callee.t === 'ext' && t.callee.name.includes('.mysql.')) return t;
  if (dialect === 'mysql' && sym === 'REAL') return as('Float', t);
  if (dialect === 'mysql' && sym === 'DOUBLE_PRECISION') return as('DOUBLE', t);
  if ((dialect === 'postgresql' || dialect === 'mysql') && sym === 'DECIMAL') return as('Numeric', t);
  if (dialect === 'sqlite' && sym === 'TIMESTAMP') return as('DateTime', { args: [], kwargs: new Map() });
  return t;
}

/** A class attribute along the MRO: one set on the class after its body (`EnumColumn.impl = ENUM(...)`) first. */
function findMember(ctx: Ctx, cls: ClassInfo, name: string): { owner: ClassInfo; value: Value } | undefined {
  for (const entry of mroOf(ctx, cls)) {
    if (entry.k !== 'class') continue;
    const set = entry.cls.assigned?.get(name);
    if (set) return { owner: entry.cls, value: set };
    const binding = classScope(ctx.project, entry.cls).bindings.get(name);
    if (binding) return { owner: entry.cls, value: bindingValue(ctx, binding, { module: entry.cls.module, cls: entry.cls, depth: 0 }) };
  }
  return undefined;
}

function kindOf(ctx: Ctx, cls: ClassInfo): 'decorator' | 'pickle' | 'user-defined' | undefined {
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'value') continue;
    const sym = saSymbol(e.value);
    if (sym === 'TypeDecorator') return 'decorator';
    // PickleType is a TypeDecorator over LargeBinary: a subclass giving its own impl (keylime's `impl = Text`) or
    // load_dialect_impl stores that; one that gives neither is PickleType
    if (sym === 'PickleType') return findMember(ctx, cls, 'impl') || findMember(ctx, cls, 'load_dialect_impl') ? 'pickle' : undefined;
    if (sym === 'UserDefinedType') return 'user-defined';
  }
  return undefined;
}

/**
 * `implOnly`: the spec of `self.impl` (what TypeDecorator.__init__ built from `impl` and the call's
 * arguments), without load_dialect_impl.
 */
export function decoratorSpec(ctx: Ctx, cls: ClassInfo, call: CallValue | undefined, file: string, line: number, implOnly: boolean): TypeSpec | Unknown {
  const kind = kindOf(ctx, cls);
  if (kind === undefined) return unknown(NOT_A_DECORATOR, file, line);
  const self = call ?? bareInstance(cls, file, line);
  if (kind === 'user-defined') return userDefinedSpec(ctx, cls, self, file, line);
  const impl = findMember(ctx, cls, 'impl')?.value ?? (kind === 'pickle' ? PICKLE_IMPL : undefined);
  const failed = construct(ctx, cls, self, impl, kind === 'pickle');
  if (!implOnly) {
    const hook = findMember(ctx, cls, 'load_dialect_impl');
    if (hook?.value.t === 'func') {
      // load_dialect_impl reads what the constructor set (`self.native`): a constructor that stopped half-way leaves it unknown
      if (failed) return { ...failed, reason: `TypeDecorator ${cls.name}: ${failed.reason}` };
      return dialectImpl(ctx, cls, hook.value.fn, self, file, line);
    }
  }
  // a constructor that stopped half-way may not have set `self.impl` yet (ChoiceType's, after super().__init__())
  if (failed) return { ...failed, reason: `TypeDecorator ${cls.name}: ${failed.reason}` };
  // without a super().__init__() call, `self.impl` is what the constructor set, or the class's impl instance
  const instance = self.attrs?.get('impl') ?? (impl?.t === 'call' ? impl : undefined);
  if (!instance) {
    if (!impl) return unknown(`TypeDecorator ${cls.name} has no impl`, file, line);
    return unknown(`TypeDecorator ${cls.name}.__init__ does not call super().__init__ statically`, file, line);
  }
  const spec = typeSpecOf(ctx, instance, file, line);
  return 't' in spec ? { ...spec, reason: `TypeDecorator ${cls.name}: ${spec.reason}` } : spec;
}

/** A project UserDefinedType: its DDL is what get_col_spec() returns, run on the constructed instance. */
function userDefinedSpec(ctx: Ctx, cls: ClassInfo, self: CallValue, file: string, line: number): TypeSpec | Unknown {
  const hook = findMember(ctx, cls, 'get_col_spec');
  if (hook?.value.t !== 'func') return unknown(`user-defined type ${cls.name} has no get_col_spec() in the repository`, file, line);
  const failed = construct(ctx, cls, self, undefined);
  if (failed) return { ...failed, reason: `UserDefinedType ${cls.name}: ${failed.reason}` };
  const fn = hook.value.fn;
  const result = callFunction(ctx, { ...fn, bound: self }, { args: [], kwargs: new Map() }, { module: fn.module, depth: 0 }, line);
  if (result.t === 'str') return { name: cls.name, module: 'sqlalchemy', args: [], kwargs: {}, colSpec: result.v };
  const why = result.t === 'unknown' ? result.reason : 'it does not return a string';
  return unknown(`${cls.name}.get_col_spec() is not known statically: ${why}`, file, line);
}

const PICKLE_IMPL: Value = { t: 'ext', name: 'sqlalchemy.types.LargeBinary' };
const NO_ARGUMENTS: Arguments = { args: [], kwargs: new Map() };

/**
 * Runs the constructor on the instance: a project __init__ (its `self.x = ...` stay on it), and
 * TypeDecorator.__init__, which sets `self.impl` to `impl(*args, **kwargs)` (or to `impl` itself when it is
 * an instance already). PickleType.__init__(protocol, pickler, comparator, impl) passes none of its arguments
 * on: its `impl` argument, when given, replaces the class's. The reason when a project __init__ could not be run
 * to its end.
 */
function construct(ctx: Ctx, cls: ClassInfo, self: CallValue, impl: Value | undefined, isPickle = false): Unknown | undefined {
  const chain = methodChain(ctx, mroOf(ctx, cls), '__init__');
  const result = runChain(ctx, chain, self, { args: self.args, kwargs: self.kwargs }, self.line, (a) => {
    const given = isPickle ? (a.kwargs.get('impl') ?? a.args[3]) : undefined;
    const chosen = given && given.t !== 'none' ? implInstance(given, NO_ARGUMENTS, self) : impl && implInstance(impl, isPickle ? NO_ARGUMENTS : a, self);
    if (chosen) (self.attrs ??= new Map()).set('impl', chosen);
    return { t: 'none' };
  });
  return result.t === 'unknown' ? result : undefined;
}

/** sqlalchemy.sql.type_api.to_instance(impl, *args, **kwargs). */
function implInstance(impl: Value, a: Arguments, self: CallValue): Value {
  if (impl.t === 'call' || (a.args.length === 0 && a.kwargs.size === 0)) return impl;
  return { t: 'call', callee: impl, args: a.args, kwargs: a.kwargs, file: self.file, line: self.line, expr: self.expr };
}

function dialectImpl(ctx: Ctx, cls: ClassInfo, fn: FuncInfo, self: CallValue, file: string, line: number): TypeSpec | Unknown {
  const dialect: CallValue = { t: 'call', callee: { t: 'ext', name: DIALECT_CALLEE }, args: [], kwargs: new Map(), file, line, expr: self.expr };
  const result = callFunction(ctx, { ...fn, bound: self }, { args: [dialect], kwargs: new Map() }, { module: fn.module, depth: 0 }, line);
  const spec = typeSpecOf(ctx, result, file, line);
  return 't' in spec ? { ...spec, reason: `${cls.name}.load_dialect_impl(): ${spec.reason}` } : spec;
}
