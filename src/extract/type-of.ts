// Column type expressions to TypeSpec: SQLAlchemy types, Enum, with_variant, project TypeDecorators.
import type { TypeArg, TypeSpec } from '../schema/type-spec.js';
import { bindType, type BoundType } from '../schema/type-render/bind.js';
import { classScope, type Ctx } from './context.js';
import { mroOf, outsideBases } from './classes.js';
import { bareInstance, superArguments } from './constructors.js';
import { compiledDdl } from './compiles.js';
import { enumSpec, isEnumClass } from './enums.js';
import { decoratorSpec, DIALECT_CALLEE, NOT_A_DECORATOR } from './type-decorator.js';
import { attributeOf } from './evaluate-attr.js';
import { callValue } from './evaluate-call.js';
import { saSymbol, typeModuleOf } from './sa-names.js';
import { isTypeName, TYPE_BASES } from './type-names.js';
import { libraryTypeImpl } from './library-types.js';
import { spatialClass, spatialTypeSpec } from './spatial-types.js';
import { messages } from './messages.js';
import { valueText } from './value-text.js';
import { num, scalar, unknown, type CallValue, type ClassInfo, type Unknown, type Value } from './values.js';

/** Wrappers whose argument is the real type: `MutableDict.as_mutable(JSONB)`. */
const PASS_THROUGH = new Set(['as_mutable', 'evaluates_none', 'copy']);

function saTypeSymbol(v: Value): string | undefined {
  // SQLModel's own AutoString is a type too (`Field(sa_type=AutoString)`)
  const sym = saSymbol(v) === 'sqlmodel.AutoString' ? 'AutoString' : saSymbol(v);
  return sym !== undefined && isTypeName(sym) && !TYPE_BASES.has(sym) ? sym : undefined;
}

/** Whether a value names or builds a column type (what may sit in Column's type slot). */
export function isTypeValue(ctx: Ctx, v: Value): boolean {
  if (saTypeSymbol(v)) return true;
  if (v.t === 'class') return isTypeClass(ctx, v.cls);
  if (v.t === 'call') {
    if (v.callee.t === 'attr') return PASS_THROUGH.has(v.callee.name) || v.callee.name === 'with_variant';
    if (isMutableWrapper(v.callee)) return true;
    return isTypeValue(ctx, v.callee);
  }
  return v.t === 'ext' && isThirdPartyType(v.name);
}

/** sqlalchemy_utils and similar libraries: a CamelCase name ending in Type; GeoAlchemy2's types. */
function isThirdPartyType(name: string): boolean {
  return (!name.startsWith('sqlalchemy.') && /\.[A-Z]\w*Type$/.test(name)) || spatialClass(name) !== undefined;
}

function isTypeClass(ctx: Ctx, cls: ClassInfo): boolean {
  return mroOf(ctx, cls).some((e) => e.k === 'value' && ((saSymbol(e.value) !== undefined && isTypeName(saSymbol(e.value)!)) || isOutsideTypeClass(e.value)));
}

/** A type class of a library outside SQLAlchemy (`sqlalchemy_utils.UUIDType`), which a project class may subclass. */
const isOutsideTypeClass = (v: Value): boolean => v.t === 'ext' && isThirdPartyType(v.name);

export function typeSpecOf(ctx: Ctx, v: Value, file: string, line: number): TypeSpec | Unknown {
  const spec = specOf(ctx, v, file, line);
  if ('t' in spec) return spec;
  const own = ownCompile(ctx, v, file, line);
  if (own?.t === 'unknown') return own;
  const compiled = own?.compiled ?? compiledDdl(ctx, v, spec, ctx.project.compiled);
  return compiled ? { ...spec, compiled } : spec;
}

/**
 * A project type class that overrides `compile(dialect)` (CMS's PostgreSQL domains: `return cls.domain_name`):
 * the DDL is what it returns for the dialect extracted; undefined for a class without one.
 */
function ownCompile(ctx: Ctx, v: Value, file: string, line: number): { t: 'ddl'; compiled: TypeSpec['compiled'] } | Unknown | undefined {
  const cls = v.t === 'call' && v.callee.t === 'class' ? v.callee.cls : v.t === 'class' ? v.cls : undefined;
  const owner = cls && mroOf(ctx, cls).find((e) => e.k === 'class' && classScope(ctx.project, e.cls).bindings.get('compile')?.k === 'def');
  if (owner?.k !== 'class') return undefined;
  const method = attributeOf(ctx, v, 'compile', { module: owner.cls.module, depth: 0 }, line);
  const dialect: Value = { t: 'call', callee: { t: 'ext', name: DIALECT_CALLEE }, args: [], kwargs: new Map(), file, line, expr: { k: 'other', type: 'dialect', text: '', line } };
  const ddl = callValue(ctx, method, { args: [dialect], kwargs: new Map() }, { module: owner.cls.module, depth: 0 }, { k: 'name', id: 'compile', line });
  if (ddl.t !== 'str') return unknown(`type ${cls!.name}.compile() does not give DDL known statically`, file, line);
  return { t: 'ddl', compiled: { [ctx.project.dialect]: ddl.v } };
}

function specOf(ctx: Ctx, v: Value, file: string, line: number): TypeSpec | Unknown {
  if (v.t === 'unknown') return v;
  const callee = v.t === 'call' ? v.callee : v;
  // named in full: `sqlalchemy.Vector` would read as SQLAlchemy's
  const notFollowed = (): Unknown => unknown(messages.libraryTypeForm(callee.t === 'ext' ? callee.name : valueText(callee), ctx.project.dialect), file, line);
  const library = libraryTypeImpl(v, ctx.project.dialect);
  if (library === null) return notFollowed();
  if (library) return typeSpecOf(ctx, library, file, line);
  const spatial = spatialTypeSpec(v);
  if (spatial === null) return notFollowed();
  if (spatial) return spatial;
  const sym = saTypeSymbol(v);
  if (sym && v.t === 'ext') return sym === 'Enum' ? enumSpec(ctx, v, undefined, file, line) : plainSpec(sym, v.name);
  if (v.t === 'class') return classSpec(ctx, v.cls, undefined, file, line);
  if (v.t === 'call') return callSpec(ctx, v, file, line);
  if (v.t === 'attr' && v.name === 'impl' && v.obj.t === 'call' && v.obj.callee.t === 'class') {
    return decoratorSpec(ctx, v.obj.callee.cls, v.obj, file, line, true);
  }
  if (v.t === 'ext') return unknown(`type ${v.name} comes from a library schemaguard cannot read`, file, line);
  return unknown('column type not known statically', file, line);
}

function plainSpec(sym: string, fullName: string): TypeSpec {
  return { name: sym, module: typeModuleOf(fullName), args: [], kwargs: {} };
}

/** `MutableDict.as_mutable(JSONB)` reached through the imported class: an external name. */
function isMutableWrapper(v: Value): boolean {
  return v.t === 'ext' && /\.as_mutable$/.test(v.name);
}

function callSpec(ctx: Ctx, call: CallValue, file: string, line: number): TypeSpec | Unknown {
  const callee = call.callee;
  if (isMutableWrapper(callee)) return call.args[0] ? typeSpecOf(ctx, call.args[0], file, line) : unknown('as_mutable() without a type', file, line);
  if (callee.t === 'attr') {
    if (callee.name === 'with_variant') return variantSpec(ctx, call, callee.obj, file, line);
    if (PASS_THROUGH.has(callee.name)) {
      const inner = callee.name === 'as_mutable' ? call.args[0] : callee.obj;
      return inner ? typeSpecOf(ctx, inner, file, line) : unknown('type wrapper without a type', file, line);
    }
  }
  if (callee.t === 'class') return classSpec(ctx, callee.cls, call, file, line);
  const sym = saTypeSymbol(callee);
  if (!sym || callee.t !== 'ext') return typeSpecOf(ctx, callee, file, line);
  if (sym === 'Enum' || sym === 'ENUM') return enumSpec(ctx, callee, call, file, line);
  const args: TypeArg[] = [];
  for (const [i, a] of call.args.entries()) {
    // ARRAY's second argument, as_tuple, changes no DDL: an object there is read as a keyword's would be
    // (packit's `ARRAY(Integer, ForeignKey(...))`, which SQLAlchemy takes as as_tuple, making no foreign key)
    const arg = typeArg(ctx, a, file, line, !(sym === 'ARRAY' && i === 1));
    if (isUnknown(arg)) return { ...arg, reason: `${sym}(): ${arg.reason}` };
    args.push(arg);
  }
  const kwargs: Record<string, TypeArg> = {};
  for (const [k, a] of call.kwargs) {
    const arg = typeArg(ctx, a, file, line);
    if (isUnknown(arg)) return { ...arg, reason: `${sym}(${k}=): ${arg.reason}` };
    kwargs[k] = arg;
  }
  return { name: sym, module: typeModuleOf(callee.name), args, kwargs };
}

function isUnknown(x: TypeArg | Unknown): x is Unknown {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 't' in x && x.t === 'unknown';
}

/**
 * A type argument: a scalar, a list, or a nested type (ARRAY(Integer)). Anything else is unknown when it
 * sits where the DDL reads it (a positional argument: a length, a precision) or is a value computed out of
 * sight (`CONFIG["len"]`, `config.length`, `load_len()`); a callable or a module given as a keyword
 * (`pickler=dill`) does not change the DDL.
 */
export function typeArg(ctx: Ctx, value: Value, file: string, line: number, isPositional = false): TypeArg | Unknown {
  const v = scalar(value);
  switch (v.t) {
    case 'str':
    case 'num':
    case 'bool':
      return v.v;
    case 'none':
      return null;
    case 'seq': {
      const items: TypeArg[] = [];
      for (const item of v.items) {
        const arg = typeArg(ctx, item, file, line);
        if (isUnknown(arg)) return arg;
        items.push(arg);
      }
      return items;
    }
    case 'unknown':
      return v;
    default:
      if (isTypeValue(ctx, v)) return typeSpecOf(ctx, v, file, line);
      if (isPositional || isOpaqueData(v)) return unknown(`${valueText(v)} is not known statically`, file, line);
      return null;
  }
}

/** A value read or computed from something the evaluator does not model: a subscript, an attribute, a call result. */
function isOpaqueData(v: Value): boolean {
  if (v.t === 'attr' || v.t === 'generic') return true;
  return v.t === 'call' && v.callee.t !== 'class' && !(v.callee.t === 'ext' && saSymbol(v.callee) !== undefined);
}

function variantSpec(ctx: Ctx, call: CallValue, baseValue: Value, file: string, line: number): TypeSpec | Unknown {
  const base = typeSpecOf(ctx, baseValue, file, line);
  if ('t' in base) return base;
  const [variantValue, ...dialects] = call.args;
  if (!variantValue) return base;
  const variant = typeSpecOf(ctx, variantValue, file, line);
  if ('t' in variant) return variant;
  const variants = { ...(base.variants ?? {}) };
  for (const d of dialects) if (d.t === 'str') variants[d.v] = variant;
  return { ...base, variants };
}

/** An in-repo class used as a type: an enum class (Enum), a TypeDecorator, or a subclass of a type. */
function classSpec(ctx: Ctx, cls: ClassInfo, call: CallValue | undefined, file: string, line: number): TypeSpec | Unknown {
  const spec = classTypeSpec(ctx, cls, call, file, line);
  return 't' in spec ? spec : { ...spec, className: cls.name };
}

function classTypeSpec(ctx: Ctx, cls: ClassInfo, call: CallValue | undefined, file: string, line: number): TypeSpec | Unknown {
  if (isEnumClass(ctx, cls)) return unknown(`enum class ${cls.name} used as a column type without Enum()`, file, line);
  const decorated = decoratorSpec(ctx, cls, call, file, line, false);
  if (!('t' in decorated) || decorated.reason !== NOT_A_DECORATOR) return decorated;
  // a plain subclass of a SQLAlchemy type (class Email(String): ...) or of a library's (evalg's UuidType over
  // sqlalchemy-utils' UUIDType) compiles as its base, built with what the project's __init__ passes up
  // (`super().__init__(64, **kw)`); used bare, the class is instantiated without arguments
  const outside = outsideBases(ctx, cls);
  const base = outside.find((b) => saTypeSymbol(b) || isOutsideTypeClass(b));
  // a type of the project's own right over TypeEngine (a `__visit_name__`, `@compiles` functions for its DDL)
  if (!base && outside.some((b) => saSymbol(b) === 'TypeEngine')) return { name: cls.name, module: 'sqlalchemy', args: [], kwargs: {} };
  if (!base) return unknown(`type ${cls.name} not known statically`, file, line);
  const self = call ?? bareInstance(cls, file, line);
  const passed = superArguments(ctx, cls, { args: self.args, kwargs: self.kwargs }, self);
  if (passed && 't' in passed) return passed;
  if (!passed && !call) return typeSpecOf(ctx, base, file, line);
  return typeSpecOf(ctx, { ...self, callee: base, ...(passed ?? {}) }, file, line);
}

/**
 * `String(120).length`, `Numeric(10, 2).scale`: an attribute SQLAlchemy's constructor sets on an instance of one of
 * its own types, when it is a plain value; undefined otherwise (a project type, an unknown argument, a nested type).
 */
export function typeAttribute(ctx: Ctx, obj: CallValue, name: string): Value | undefined {
  if (!saTypeSymbol(obj.callee)) return undefined;
  const spec = typeSpecOf(ctx, obj, obj.file, obj.line);
  const bound = 't' in spec ? null : boundOrNull(spec);
  return bound && Object.hasOwn(bound.attrs, name) ? plainValue(bound.attrs[name]!) : undefined;
}

function boundOrNull(spec: TypeSpec): BoundType | null {
  try {
    return bindType(spec);
  } catch {
    return null;
  }
}

function plainValue(arg: TypeArg): Value | undefined {
  if (arg === null) return { t: 'none' };
  if (typeof arg === 'string') return { t: 'str', v: arg };
  if (typeof arg === 'number') return num(arg);
  if (typeof arg === 'boolean') return { t: 'bool', v: arg };
  return undefined;
}
