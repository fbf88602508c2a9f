// Project `@compiles(Type, "dialect", ...)` functions (sqlalchemy.ext.compiler): they replace the DDL SQLAlchemy
// emits for a type class and its subclasses, on the dialects they name (every dialect when they name none).
import type { Stmt } from '../python/summary.js';
import { decoratedImpl } from '../schema/render-type.js';
import { ELEMENT_ATTR, type CompiledDdl, type TypeSpec } from '../schema/type-spec.js';
import { DIALECTS } from '../schema/types.js';
import { mroValues } from './classes.js';
import type { Ctx } from './context.js';
import { evalExpr } from './evaluate.js';
import { callFunction } from './evaluate-func.js';
import { saSymbol } from './sa-names.js';
import type { ModuleInfo, Value } from './values.js';

export interface CompiledType {
  /** the type class the function compiles: an in-repo class, or a SQLAlchemy type */
  target: Value;
  /** empty: every dialect */
  dialects: string[];
  /** what the function returns: constant DDL, or the compiler's own visit of the type */
  ddl: CompiledDdl;
}

const ELEMENT = 'schemaguard.CompiledElement';
const COMPILER = 'schemaguard.TypeCompiler';

/** The `@compiles` functions defined at the top level of these modules. */
export function findCompiledTypes(ctx: Ctx, modules: ModuleInfo[]): CompiledType[] {
  const out: CompiledType[] = [];
  for (const module of modules) {
    for (const stmt of module.body) {
      if (stmt.k === 'def' && stmt.decorators.some(isCompilesCall)) out.push(...registrations(ctx, module, stmt));
    }
  }
  return out;
}

function isCompilesCall(e: Extract<Stmt, { k: 'def' }>['decorators'][number]): boolean {
  if (e.k !== 'call') return false;
  return (e.fn.k === 'name' && e.fn.id === 'compiles') || (e.fn.k === 'attr' && e.fn.name === 'compiles');
}

function registrations(ctx: Ctx, module: ModuleInfo, def: Extract<Stmt, { k: 'def' }>): CompiledType[] {
  const env = { module, depth: 0 };
  const fn = { module, def };
  const args: Value[] = [{ t: 'ext', name: ELEMENT }, { t: 'ext', name: COMPILER }];
  const ddl = ddlOf(callFunction(ctx, fn, { args, kwargs: new Map() }, env, def.line));
  const out: CompiledType[] = [];
  for (const d of def.decorators) {
    const call = evalExpr(ctx, d, env);
    if (call.t !== 'call' || saSymbol(call.callee) !== 'compiles' || !call.args[0]) continue;
    const dialects = call.args.slice(1).flatMap((a) => (a.t === 'str' ? [a.v] : []));
    out.push({ target: call.args[0], dialects, ddl });
  }
  return out;
}

/** `return "VARCHAR(255) COLLATE utf8_bin"`, or `return compiler.visit_unicode(element, **kw)`. */
function ddlOf(result: Value): CompiledDdl {
  // text that formats the element's attributes is filled in per type when rendered
  if (result.t === 'str') return result.v.match(ELEMENT_ATTR) ? { template: result.v } : result.v;
  const visit = result.t === 'call' && result.callee.t === 'ext' ? /^schemaguard\.TypeCompiler\.visit_(\w+)$/.exec(result.callee.name) : null;
  const element = result.t === 'call' ? result.args[0] : undefined;
  return visit && element?.t === 'ext' && element.name === ELEMENT ? { visit: visit[1]! } : null;
}

/**
 * The DDL each dialect's `@compiles` function gives a type, nearest class first; undefined when none applies.
 * SQLAlchemy's own TypeDecorators compile as their impl where they have no type of their own: a
 * `@compiles(DateTime, "mysql")` reaches `Interval` there.
 */
export function compiledDdl(ctx: Ctx, typeValue: Value, spec: TypeSpec, all: readonly CompiledType[]): TypeSpec['compiled'] {
  if (all.length === 0) return undefined;
  const classOf = typeValue.t === 'call' ? typeValue.callee : typeValue;
  const lineage = classOf.t === 'class' ? mroValues(ctx, classOf.cls) : [classOf];
  const out: NonNullable<TypeSpec['compiled']> = {};
  let found = false;
  for (const dialect of DIALECTS) {
    const impl = decoratedImpl(spec, dialect);
    const implClass: Value[] = impl?.module === 'sqlalchemy' ? [{ t: 'ext', name: `sqlalchemy.${impl.name}` }] : [];
    for (const cls of [...lineage, ...implClass]) {
      const hit = registrationFor(all, cls, dialect);
      if (hit) {
        out[dialect] = hit.ddl;
        found = true;
        break;
      }
    }
  }
  return found ? out : undefined;
}

/**
 * A SQL element of a project class compiled by its `@compiles` function (the `utcnow()` recipe of the SQLAlchemy
 * documentation) when that function returns constant text on `dialect`; undefined otherwise.
 */
export function compiledElementText(ctx: Ctx, v: Value, dialect: string): string | undefined {
  const all = ctx.project.compiled;
  if (v.t !== 'call' || v.callee.t !== 'class' || !all?.length) return undefined;
  for (const cls of mroValues(ctx, v.callee.cls)) {
    const hit = registrationFor(all, cls, dialect);
    if (hit) return typeof hit.ddl === 'string' ? hit.ddl : undefined;
  }
  return undefined;
}

/** SQL function classes that compile by their name, without a `@compiles` function. */
const NAMED_FUNCTIONS = new Set(['Function', 'GenericFunction', 'ReturnTypeFromArgs', 'AnsiFunction']);

/**
 * The dialects a project SQL element's `@compiles` functions cover when none covers `dialect` and none is a default:
 * SQLAlchemy cannot write it there (a FunctionElement has no compilation of its own; Tickets-Plus' PostgreSQL-only
 * `UTCnow()`). Undefined when it compiles, or is not such an element.
 */
export function uncompiledElement(ctx: Ctx, v: Value, dialect: string): string[] | undefined {
  const all = ctx.project.compiled;
  if (v.t !== 'call' || v.callee.t !== 'class' || !all?.length) return undefined;
  const mro = mroValues(ctx, v.callee.cls);
  if (mro.some((c) => NAMED_FUNCTIONS.has(saSymbol(c) ?? ''))) return undefined;
  const registered = all.filter((r) => mro.some((c) => sameClass(r.target, c)));
  if (registered.length === 0 || mro.some((c) => registrationFor(all, c, dialect))) return undefined;
  return [...new Set(registered.flatMap((r) => r.dialects))];
}

/** As sqlalchemy.ext.compiler dispatches: the function for the dialect, else the default one; the last defined wins. */
function registrationFor(all: readonly CompiledType[], cls: Value, dialect: string): CompiledType | undefined {
  let forDialect: CompiledType | undefined;
  let fallback: CompiledType | undefined;
  for (const r of all) {
    if (!sameClass(r.target, cls)) continue;
    if (r.dialects.includes(dialect)) forDialect = r;
    else if (r.dialects.length === 0) fallback = r;
  }
  return forDialect ?? fallback;
}

function sameClass(a: Value, b: Value): boolean {
  if (a.t === 'class' || b.t === 'class') return a.t === 'class' && b.t === 'class' && a.cls === b.cls;
  const sa = saSymbol(a);
  return sa !== undefined && sa === saSymbol(b);
}
