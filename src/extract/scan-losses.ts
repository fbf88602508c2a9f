// What a scan cannot follow, said where it is lost: a class over a base not known statically, a Table(...) on an
// unknown object, a helper or a loop that cannot be run. Warnings in diagnostics, or problems on the table.
import type { Expr, Stmt } from '../python/summary.js';
import type { Env } from './context.js';
import { attributeTargets, buildsSchema, callsIn, makesClass } from './builds-schema.js';
import { readAnnotation } from './annotations.js';
import { ownAttrs } from './class-body.js';
import { classHeader, mroOf, outsideBases } from './classes.js';
import { callOf } from './columns.js';
import { isTableCall } from './evaluate-attr.js';
import { constructionFailure } from './evaluate-call.js';
import { TABLE_CHANGE_NOT_FOLLOWED } from './evaluate-func.js';
import { methodChain } from './method-chain.js';
import { mapClass } from './declarative.js';
import { annValue } from './declarative-scan.js';
import { evalExpr } from './evaluate.js';
import { mappedRegistry } from './model-kind.js';
import { registryOf } from './registry.js';
import type { Extraction } from './state.js';
import { isTakenSearchable } from './searchable.js';
import { isTakenVersioning } from './continuum.js';
import { messages } from './messages.js';
import { SQLALCHEMY_NAMES, SQLALCHEMY_ORM_NAMES, SQLALCHEMY_SUBMODULES } from './sqlalchemy-namespace.js';
import { lastName, unknownCause, valueText } from './value-text.js';
import type { ClassInfo, ModuleInfo, Value } from './values.js';
import { saSymbol } from './sa-names.js';

/**
 * `class Company(Model)` over a `db.Model` that could not be evaluated (`db = get_sqla_class()()`): a class that
 * declares columns may be mapped, so its table is said to be missing rather than left out silently.
 */
export function reportUnknownBase(x: Extraction, cls: ClassInfo): void {
  // an outside class is a name (`ext`); an attribute or call result of something unknown is not. A class over a
  // registry we know is not mapped for reasons of its own (abstract, SQLModel without table=True)
  const base = outsideBases(x.ctx, cls).find((v) => v.t === 'unknown' || v.t === 'attr' || v.t === 'call' || v.t === 'clsattr');
  // or a root made by a SQLAlchemy metaclass in a way not followed (`class Base(metaclass=DeclarativeMeta)` without `registry`)
  const meta = base ? undefined : sqlAlchemyMetaclass(x, cls);
  if ((!base && !meta) || registryOf(x.ctx, x.reg, cls) || !declaresColumns(x, cls)) return;
  const cause = base?.t === 'unknown' ? base.reason : base ? `${valueText(base)} is not known statically` : `${meta!.owner} is made by ${valueText(meta!.value)}, which schemaguard follows only with a registry in its body`;
  x.orphans.push({ file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.unknownBase(cls.name, cause) });
}

function sqlAlchemyMetaclass(x: Extraction, cls: ClassInfo): { owner: string; value: Value } | undefined {
  for (const e of mroOf(x.ctx, cls)) {
    if (e.k !== 'class') continue;
    const value = classHeader(x.ctx, e.cls).keywords.get('metaclass');
    if (value && saSymbol(value) !== undefined) return { owner: e.cls.name, value };
  }
  return undefined;
}

function declaresColumns(x: Extraction, cls: ClassInfo): boolean {
  // SQLModel's `class Tool(SQLModel, table=True)`: a table, whatever its fields are spelled with
  const table = classHeader(x.ctx, cls).keywords.get('table');
  if (table?.t === 'bool' && table.v) return true;
  for (const [name, attr] of ownAttrs(x, cls)) {
    if (name === '__tablename__' || name === '__table__') return true;
    const ann = attr.ann ? annValue(x, cls, attr) : null;
    if (ann && readAnnotation(x.ctx, ann, cls.module).container === 'mapped') return true;
    const value = attr.expr ? evalExpr(x.ctx, attr.expr, { module: cls.module, cls, depth: 0 }) : undefined;
    if (callOf(value, 'Column', 'mapped_column')) return true;
  }
  return false;
}

/**
 * `backend = Backend(settings)` at import time whose code changes a mapped table in a way not followed (celery's
 * `cls.__table__.name = ...` in a classmethod its constructor calls): the table's name or schema may differ, and
 * that is said on the statement.
 */
export function reportEffectLoss(x: Extraction, line: number, value: Value, env: Env): void {
  // an instance whose constructor stopped there (one that builds tables is reported by reportLoss)
  const construction = constructionFailure(value);
  const reason = value.t === 'unknown' ? value.reason : construction !== undefined && !constructorBuilds(x, value) ? construction : undefined;
  if (env.cls || env.locals || reason === undefined || !TABLE_CHANGE_NOT_FOLLOWED.test(reason)) return;
  x.orphans.push({ file: env.module.file, line, reason: messages.mutation(reason) });
}

/** A constructor that builds tables: in its own code, or through the module's other factories (balrog's `AUSDatabase`). */
function constructorBuilds(x: Extraction, value: Value): boolean {
  if (value.t !== 'call' || value.callee.t !== 'class') return false;
  const cls = value.callee.cls;
  return methodChain(x.ctx, mroOf(x.ctx, cls), '__init__').some((link) => buildsSchema(link.def.body ?? [])) || (!cls.outer && !cls.closure && cls.module.factories.includes(cls.name));
}

/** What a comprehension calls to build tables (a Table, or a copy of one) for each item. */
const COMPREHENSION_TABLE_MAKERS = new Set(['Table', 'to_metadata', 'tometadata']);

/**
 * Tables a module-level call builds that cannot be extracted: `db.Table("tag", ...)` over a `db` that could not be
 * evaluated, or `party_fields = make_custom_table("party")` whose helper could not be run.
 */
export function reportLoss(x: Extraction, expr: Expr, value: Value, env: Env): void {
  if (expr.k === 'call' && lastName(expr.fn) === 'Table' && !(value.t === 'call' && isTableCall(value))) {
    const cause = value.t === 'unknown' ? value.reason : `${valueText(evalExpr(x.ctx, expr.fn, env))} is not known statically`;
    x.orphans.push({ file: env.module.file, line: expr.line, reason: messages.unknownTableCall(cause) });
    return;
  }
  const construction = constructionFailure(value);
  if (construction !== undefined && value.t === 'call' && value.callee.t === 'class') {
    if (constructorBuilds(x, value)) x.orphans.push({ file: env.module.file, line: expr.line, reason: messages.constructorNotRun(value.callee.cls.name, construction) });
    return;
  }
  // the value, or an item a comprehension made of it (`{t.name: history_of(t) for t in ...}`), not known
  const lost = value.t === 'unknown' ? value : unknownItem(value);
  if (!lost) return;
  const calls = callsIn(expr);
  // `trades = register(Table("trades", ...), ...)`: the Table is made, what it is passed to is not known
  if (expr.k !== 'comp' && calls.some((call) => lastName(call.fn) === 'Table')) {
    x.orphans.push({ file: env.module.file, line: expr.line, reason: messages.tableInLostValue(unknownCause(lost)) });
    return;
  }
  // the helper that would have built them: the call itself, or one a comprehension makes per item
  for (const call of calls) {
    // `{book: Table(f"journal_{book.value}", ...) for book in Book if ...}` with a filter not known (or copies of
    // tables, `t.to_metadata(archive_md)`)
    if (expr.k === 'comp' && COMPREHENSION_TABLE_MAKERS.has(lastName(call.fn))) {
      x.orphans.push({ file: env.module.file, line: expr.line, reason: messages.comprehensionNotRun(unknownCause(lost)) });
      return;
    }
    // `H = types.new_class("H", (Base,), {}, body)` whose namespace could not be made: a class that may be mapped
    if (makesClass(call)) {
      x.orphans.push({ file: env.module.file, line: expr.line, reason: messages.helperNotRun(lastName(call.fn), unknownCause(lost)) });
      return;
    }
    const fn = helperCalled(evalExpr(x.ctx, call.fn, env));
    if (fn?.t === 'func' && fn.fn.def.body && (buildsSchema(fn.fn.def.body) || (!fn.fn.owner && !fn.fn.closure && fn.fn.module.factories.includes(fn.fn.def.name)))) {
      x.orphans.push({ file: env.module.file, line: expr.line, reason: messages.helperNotRun(fn.fn.def.name, unknownCause(lost)) });
      return;
    }
  }
}

function unknownItem(value: Value): Value | undefined {
  const items = value.t === 'seq' ? value.items : value.t === 'dict' ? value.entries.map(([, v]) => v) : [];
  return items.find((v) => v.t === 'unknown');
}

/** The function a call runs: the callee itself, or the one a `functools.partial(...)` wraps. */
function helperCalled(fn: Value): Value | undefined {
  if (fn.t === 'call' && fn.callee.t === 'ext' && fn.callee.name === 'functools.partial') return fn.args[0];
  return fn;
}

/**
 * A loop that cannot be run: each mapped class its body sets attributes on is told on its table; a body that
 * builds anything else is a warning. A loop that builds nothing is no loss.
 */
export function reportLoop(x: Extraction, stmt: Extract<Stmt, { k: 'for' | 'while' }>, env: Env, cause: string): void {
  if (!buildsSchema(stmt.body)) return;
  let isTold = false;
  for (const target of attributeTargets(stmt.body)) {
    for (const cls of loopTargetClasses(x, stmt.body, target, env)) {
      const table = mappedRegistry(x, cls) ? mapClass(x, cls)?.table : undefined;
      if (!table) continue;
      table.unresolved.push({ file: env.module.file, line: stmt.line, reason: messages.loopNotRun(cls.name, cause) });
      isTold = true;
    }
  }
  if (!isTold) x.orphans.push({ file: env.module.file, line: stmt.line, reason: messages.loopMayBuild(cause) });
}

/**
 * The classes a loop's attribute target can be: the class it names, or, for a name the body picks out of a dict
 * (`model = MODELS[name]`), every class among the dict's values.
 */
function loopTargetClasses(x: Extraction, body: readonly Stmt[], target: Expr, env: Env): ClassInfo[] {
  const picked = target.k === 'name' ? body.find((s) => s.k === 'assign' && s.targets.some((t) => t.k === 'name' && t.id === target.id)) : undefined;
  const source = picked?.k === 'assign' && picked.value.k === 'sub' ? evalExpr(x.ctx, picked.value.obj, env) : undefined;
  if (source?.t === 'dict') return source.entries.flatMap(([, v]) => (v.t === 'class' ? [v.cls] : []));
  const value = evalExpr(x.ctx, target, env);
  return value.t === 'class' ? [value.cls] : [];
}


/** `__mapper_cls__` in a class body: the versioned-history recipe's mapper function, run as each subclass is mapped. */
export function definesMapperFunction(s: Stmt): boolean {
  if (s.k === 'def') return s.name === '__mapper_cls__';
  return s.k === 'assign' && s.targets.some((t) => t.k === 'name' && t.id === '__mapper_cls__');
}

/** Mapper, class and attach events whose listeners run while classes are mapped or tables are built. */
const SCHEMA_EVENTS = new Set([
  'instrument_class', 'class_instrument', 'after_mapper_constructed', 'before_mapper_configured', 'mapper_configured',
  'before_configured', 'after_configured', 'before_parent_attach', 'after_parent_attach', 'column_attach',
]);

/**
 * `event.listen(Mapper, "instrument_class", add_index)` or `@event.listens_for(...)` on such an event, and
 * sqlalchemy-searchable's `make_searchable(metadata)` (a GIN index per search-vector column, added at mapping
 * time, as Redash and Dispatch use it), and SQLAlchemy-Continuum's `make_versioned()` (a `_version` table per
 * class with `__versioned__`, and a `transaction` table, made when mappers are configured): what those listeners
 * add is not followed, so each is named in the diagnostics. Read from the statements of every module scanned,
 * function bodies included.
 */
export function reportMapperEvents(x: Extraction, modules: ModuleInfo[]): void {
  for (const module of modules) {
    const check = (call: Extract<Expr, { k: 'call' }>): void => {
      const name = lastName(call.fn);
      if (name !== 'listen' && name !== 'listens_for' && name !== 'make_searchable' && name !== 'make_versioned') return;
      const fn = evalExpr(x.ctx, call.fn, { module, depth: 0 });
      const event = call.args.filter((a) => a.name === undefined)[1]?.value;
      const symbol = saSymbol(fn);
      if ((symbol === 'listen' || symbol === 'listens_for') && event?.k === 'str' && SCHEMA_EVENTS.has(event.v)) {
        x.orphans.push({ file: module.file, line: call.line, reason: messages.mapperEvent(event.v) });
      } else if (fn.t === 'ext' && fn.name.startsWith('sqlalchemy_searchable.') && !isTakenSearchable(x, module.file, call.line)) {
        x.orphans.push({ file: module.file, line: call.line, reason: messages.searchableIndexes });
      } else if (fn.t === 'ext' && /^sqlalchemy_(continuum|history)\.make_versioned$/.test(fn.name) && !isTakenVersioning(x, module.file, call.line)) {
        x.orphans.push({ file: module.file, line: call.line, reason: messages.versionedTables });
      }
    };
    const visit = (body: Stmt[]): void => {
      for (const s of body) {
        if (s.k === 'expr' && s.value.k === 'call') check(s.value);
        else if (s.k === 'def') {
          for (const d of s.decorators) if (d.k === 'call') check(d);
          if (s.body) visit(s.body);
        } else if (s.k === 'class' || s.k === 'for' || s.k === 'block') {
          if (s.k === 'class' && s.body.some(definesMapperFunction)) x.orphans.push({ file: module.file, line: s.line, reason: messages.mapperFunction(s.name) });
          visit(s.body);
        }
        else if (s.k === 'if') visit([...s.body, ...s.orelse]);
      }
    };
    visit(module.body);
  }
}

/**
 * `from sqlalchemy.orm import relation` at a module's top level: a name SQLAlchemy 2.0 no longer has (`relation`,
 * `eagerload`, `Binary`) fails the import there, and the module with it. The module is still read as SQLAlchemy 1.x
 * reads it; a top-level import only, as one under `try` or `if` is a compatibility shim.
 */
export function reportRemovedImports(x: Extraction, module: ModuleInfo): void {
  for (const s of module.body) {
    if (s.k !== 'from' || s.level !== 0 || s.names === '*') continue;
    const known = s.module === 'sqlalchemy' ? SQLALCHEMY_TOP : s.module === 'sqlalchemy.orm' ? SQLALCHEMY_ORM_NAMES : undefined;
    if (!known) continue;
    for (const n of s.names) {
      if (!known.has(n.name)) x.orphans.push({ file: module.file, line: s.line, reason: messages.removedImport(s.module, n.name) });
    }
  }
}

const SQLALCHEMY_TOP: ReadonlySet<string> = new Set([...SQLALCHEMY_NAMES, ...SQLALCHEMY_SUBMODULES]);
