// Walks the modules extraction reads, in import order: maps classes, finds Table(...) and Index(...) statements,
// imperative mappings, and tables built in module-level loops (what it cannot follow: scan-losses.ts).
import type { Expr, FunctionDef, Stmt, WithItem } from '../python/summary.js';
import { bindDynamicGlobal, classInfo, classScope, moduleScope, withEffects, type Env } from './context.js';
import { isShimFile } from './library-shims.js';
import { buildsSchema, mapsClass } from './builds-schema.js';
import { classHeader, classStatement } from './classes.js';
import { callsBuiltin, updateArgument } from './class-namespace.js';
import { isConstraintCall, tableForCall } from './core-tables.js';
import { attributeOf, isTableCall } from './evaluate-attr.js';
import { mapAbstractConcrete, mapClass } from './declarative.js';
import { evalArgs, evalExpr } from './evaluate.js';
import { takenStatements } from './module-try.js';
import { tryOf, type Binding } from './scope.js';
import { assignTarget, callFunction, decorated, isContextManagerFunction, NOT_A_MANAGER, runClassManager, runContextManager, setColumnAttribute } from './evaluate-func.js';
import { setObjectAttribute } from './evaluate-call.js';
import { containsCall } from './outline.js';
import { iterate } from './evaluate-builtins.js';
import { applyMutation, deleteItem, setItem, setSeqItem } from './evaluate-mutate.js';
import { forgetMapping, mappedRegistry } from './model-kind.js';
import { addLateAttrs, targetNames } from './class-body.js';
import { keepOnClass, whileCreating } from './class-hooks.js';
import { resolveRelative, withParentPackages } from './module-names.js';
import { configureMeta, isRegistryMapping, metaOfValue, registryOfValue } from './registry.js';
import { bindingValue, moduleTest, setGlobal, unpackedValue } from './resolve.js';
import type { Extraction } from './state.js';
import { noteMakeSearchable } from './searchable.js';
import { noteMakeVersioned } from './continuum.js';
import { reportTypeCheckingNames } from './type-checking-names.js';
import { isTruthy, unknown, type CallValue, type ClassInfo, type FuncInfo, type ModuleInfo, type Value } from './values.js';
import { messages } from './messages.js';
import { addColumnLater, appendColumn, appendConstraint, attachConstraint, mapImperatively, reportOutsideTableMaker } from './module-effects.js';
import { reportEffectLoss, reportLoop, reportLoss, reportRemovedImports, reportUnknownBase } from './scan-losses.js';
import { copyTable } from './table-copy.js';
import { exprText, unknownCause } from './value-text.js';
import { changesInPlace, loopEffects } from './statement-effects.js';
import { settleBindingsBefore } from './settle-bindings.js';
import { operateInPlace } from './operator-methods.js';

const MAX_LOOP = 500;

export function scanModules(x: Extraction, modules: ModuleInfo[]): void {
  // a declared_attr's code runs as the class is mapped: the classes it makes are mapped, the tables it makes (a
  // many-to-many helper's `db.Table(...)`, cloudify's `roles`) exist
  x.onMappingEffect = (v) => walkValue(v, 0, (c) => mapFactoryClass(x, c), (call) => {
    if (isTableCall(call)) tableForCall(x, call);
  });
  const wanted = new Set(modules);
  const done = new Set<ModuleInfo>();
  const { ranTo } = x.ctx.project;
  const visit = (m: ModuleInfo): void => {
    if (done.has(m)) return;
    // Python imports a module's packages first: a package `__init__` importing it runs it from there
    for (const name of withParentPackages(m.name).slice(0, -1)) {
      const pkg = x.ctx.project.modules.get(name);
      if (pkg && wanted.has(pkg)) visit(pkg);
    }
    if (done.has(m)) return;
    done.add(m);
    reportRemovedImports(x, m);
    reportTypeCheckingNames(x, m);
    // Python runs the module's statements in order, an import running the module it names there (so a
    // make_versioned() above the imports of a package __init__ runs before the models are defined); the imports
    // inside a compound statement run before it
    const deps = [...importedModules(x, m)].filter(([dep]) => wanted.has(dep));
    const env = { module: m, depth: 0 };
    const seen = new Set<CallValue>();
    let next = 0;
    m.body.forEach((stmt, k) => {
      const until = m.body[k + 1]?.line ?? Infinity;
      for (; next < deps.length && deps[next]![1] < until; next += 1) {
        // the module stands at its import statement while the imported one runs
        ranTo.set(m, deps[next]![1]);
        visit(deps[next]![0]);
      }
      scanGuarded(x, stmt, env, seen);
    });
    ranTo.set(m, Infinity);
  };
  for (const m of modules) visit(m);
}

/** In-repo modules a module imports at its top level, in statement order, each with the line first importing it. */
function importedModules(x: Extraction, m: ModuleInfo): Map<ModuleInfo, number> {
  const out = new Map<ModuleInfo, number>();
  const { modules, topLevel } = x.ctx.project;
  // `from sqlalchemy import ...`: no module outside the repository's own packages is looked for
  const inRepo = (name: string): boolean => {
    const dot = name.indexOf('.');
    return topLevel.has(dot < 0 ? name : name.slice(0, dot));
  };
  const walk = (body: Stmt[]): void => {
    for (const s of body) {
      if (s.k === 'import') {
        for (const n of s.names) if (inRepo(n.name)) pushModule(out, modules, n.name, s.line);
      } else if (s.k === 'from') {
        const base = resolveRelative(m.name, m.isPackage, s.module, s.level);
        if (!base || !inRepo(base)) continue;
        pushModule(out, modules, base, s.line);
        if (s.names !== '*') for (const n of s.names) pushModule(out, modules, `${base}.${n.name}`, s.line);
      } else if (s.k === 'if' || s.k === 'block') walk(s.k === 'if' ? [...s.body, ...s.orelse] : s.body);
    }
  };
  walk(m.body);
  return out;
}

/** The module and each package on the way to it, those that are in the repository. */
function pushModule(out: Map<ModuleInfo, number>, modules: Map<string, ModuleInfo>, name: string, line: number): void {
  for (const prefix of withParentPackages(name)) {
    const mod = modules.get(prefix);
    if (mod && !out.has(mod)) out.set(mod, line);
  }
}

/** How a block scanned at import time ended: a `break` or `continue` leaves the loop's body there. */
type Jump = 'break' | 'continue' | undefined;

function scanBody(x: Extraction, body: Stmt[], env: Env, seen: Set<CallValue>): Jump {
  for (const stmt of body) {
    const jump = scanGuarded(x, stmt, env, seen);
    if (jump) return jump;
  }
  return undefined;
}

function scanGuarded(x: Extraction, stmt: Stmt, env: Env, seen: Set<CallValue>): Jump {
  try {
    return scanStatement(x, stmt, env, seen);
  } catch (error) {
    // a construct the extractor mishandles costs that statement, never the whole schema
    x.orphans.push({ file: env.module.file, line: stmt.line, reason: messages.internal(error) });
    return undefined;
  }
}

function scanStatement(x: Extraction, stmt: Stmt, env: Env, seen: Set<CallValue>): Jump {
  if (!env.cls && !env.locals) {
    x.ctx.project.ranTo.set(env.module, stmt.line);
    // `COLUMNS += [...]` changes the list where it stands: its own binding is settled with those above it
    if (changesInPlace(stmt)) settleBindingsBefore(x.ctx, env.module, stmt.k === 'aug' && stmt.target.k === 'name' ? stmt.line + 1 : stmt.line);
  }
  switch (stmt.k) {
    case 'class':
      scanClass(x, stmt, env, seen);
      break;
    case 'assign':
    case 'ann':
    case 'expr': {
      const globalsUpdate = stmt.k === 'expr' && !env.cls ? updateArgument(stmt.value, isGlobalsCall) : undefined;
      if (globalsUpdate) {
        updateGlobals(x, globalsUpdate, env, seen);
        break;
      }
      if (stmt.k === 'expr' && mutateAtModuleLevel(x, stmt.value, env, seen)) break;
      if (stmt.value && (containsCall(stmt.value) || (stmt.k === 'assign' && stmt.targets.some((t) => t.k === 'attr' || t.k === 'sub')))) {
        // functions this statement calls run now, at import time: what they build counts too
        const run = collecting(x, env, seen, stmt.line);
        const value = statementValue(x, stmt, run);
        if (stmt.k === 'expr' && !env.cls && !env.locals) noteMakeSearchable(x, value) || noteMakeVersioned(x, value);
        reportLoss(x, stmt.value!, value, env);
        collect(x, value, { file: env.module.file, line: stmt.line, symbol: targetName(stmt) }, env, seen);
        reportEffectLoss(x, stmt.line, value, env);
        if (stmt.k === 'assign') {
          for (const t of stmt.targets) {
            storeTarget(x, t, value, env);
            // `region, grain = pending.pop(0)` in a loop body: the rest of the iteration reads the names
            if (env.locals && (t.k === 'tuple' || t.k === 'list')) assignTarget(x.ctx, t, value, env.locals);
          }
        }
      } else if (env.locals && stmt.value && stmt.k !== 'expr') {
        // a loop body's plain assignment (`name = entity + "Link"`): the rest of the iteration reads it
        const value = evalExpr(x.ctx, stmt.value, env);
        for (const t of stmt.k === 'assign' ? stmt.targets : [stmt.target]) assignTarget(x.ctx, t, value, env.locals);
      }
      break;
    }
    case 'if': {
      const value = env.cls || env.locals ? evalExpr(x.ctx, stmt.test, env) : moduleTest(x.ctx, stmt.test, env, true);
      const test = isTruthy(value);
      const tablesBefore = x.tables.length;
      const outer = x.undecided;
      if (test === undefined) x.undecided = { line: stmt.line, cause: unknownCause(value) };
      const jumps = [test !== false ? scanBody(x, stmt.body, env, seen) : undefined, test !== true ? scanBody(x, stmt.orelse, env, seen) : undefined];
      x.undecided = outer;
      // both branches read: the tables they made may not all exist (or exist twice, merged), nor the loop's next ones
      if (test === undefined && (x.tables.length > tablesBefore || jumps.some(Boolean))) {
        x.orphans.push({ file: env.module.file, line: stmt.line, reason: messages.undecidedModuleIf(unknownCause(value)) });
      }
      return test === undefined ? undefined : (jumps[0] ?? jumps[1]);
    }
    case 'block': {
      const tried = tryOf(stmt);
      if (stmt.managers && !tried) return scanWith(x, stmt.body, stmt.managers, env, seen);
      if (!tried || env.cls || env.locals) return scanBody(x, stmt.body, env, seen);
      // a module-level try: the path it takes at import (module-try.ts), as its bindings read it
      return scanBody(x, takenStatements(x.ctx, tried, env), env, seen);
    }
    case 'def':
      if (stmt.decorators.length > 0 && !env.cls && !env.locals) scanDecorated(x, stmt, env, seen);
      break;
    case 'for':
      scanLoop(x, stmt, env, seen);
      break;
    case 'while':
      scanWhile(x, stmt, env, seen);
      break;
    case 'aug':
      // `CFG.code_len += 4`, `LENGTHS["code"] *= 2`: the attribute or item is stored as an assignment stores it
      if (stmt.target.k === 'attr' || stmt.target.k === 'sub') {
        const value = operateInPlace(x.ctx, stmt.op.slice(0, -1), evalExpr(x.ctx, stmt.target, env), evalExpr(x.ctx, stmt.value, env), env, stmt.line);
        storeTarget(x, stmt.target, value, env);
      } else if (env.locals && stmt.target.k === 'name') {
        // a loop's counter (`_i += 1`): the next turn reads it
        const before = evalExpr(x.ctx, stmt.target, env);
        env.locals.set(stmt.target.id, operateInPlace(x.ctx, stmt.op.slice(0, -1), before, evalExpr(x.ctx, stmt.value, env), env, stmt.line));
      }
      break;
    case 'del':
      for (const target of stmt.targets) deleteTarget(x, target, env);
      break;
    case 'break':
    case 'continue':
      return stmt.k;
    default:
      break;
  }
  return undefined;
}

/**
 * `env` running with its effects collected: what code run at import time builds (a Table, a mapped class) counts.
 * What a library shim's code builds (Flask-Security's roles_users) stands at `line`, the statement calling into it.
 */
function collecting(x: Extraction, env: Env, seen: Set<CallValue>, at: number): Env {
  return withEffects(env, (v, file, line) => collect(x, v, isShimFile(file) ? { file: env.module.file, line: at } : { file, line }, env, seen));
}

/**
 * A `with` block runs its body at import time, inside its context managers. An in-repo `@contextmanager` runs its
 * entry and exit around the body (a schema pushed on a stack that table helpers read); one that cannot be followed
 * leaves the body run as it is, and the tables made inside it named in a warning.
 */
function scanWith(x: Extraction, body: Stmt[], managers: WithItem[], env: Env, seen: Set<CallValue>): Jump {
  const [item, ...rest] = managers;
  if (!item) return scanBody(x, body, env, seen);
  const { manager, target } = item;
  const fn = manager.k === 'call' ? evalExpr(x.ctx, manager.fn, env) : undefined;
  const run = collecting(x, env, seen, manager.line);
  let jump: Jump;
  let ran = false;
  const inside = (entered: Value): void => {
    if (target?.k === 'name' && !env.locals) bindDynamicGlobal(x.ctx.project, env.module, target.id, entered);
    ran = true;
    jump = scanWith(x, body, rest, env, seen);
  };
  let failure: string | undefined;
  if (manager.k === 'call' && fn?.t === 'func') {
    failure = isContextManagerFunction(x.ctx, fn) ? runContextManager(x.ctx, fn.fn, evalArgs(x.ctx, manager.args, run), run, manager.line, inside) : 'not a @contextmanager function';
  } else {
    // `with schema_scope("editorial"):` over a class with `__enter__` / `__exit__` (newsdesk's schema stack)
    failure = runClassManager(x.ctx, evalExpr(x.ctx, manager, run), run, manager.line, inside);
    // a manager from outside the repository (`warnings.catch_warnings()`): the body runs as it is
    if (failure === NOT_A_MANAGER) return scanWith(x, body, rest, env, seen);
  }
  const managerName = exprText(manager.k === 'call' ? manager.fn : manager);
  if (ran) {
    if (failure !== undefined) x.orphans.push({ file: env.module.file, line: manager.line, reason: messages.contextManagerExit(managerName, failure) });
    return jump;
  }
  const before = x.tables.length;
  jump = scanWith(x, body, rest, env, seen);
  if (x.tables.length > before) x.orphans.push({ file: env.module.file, line: manager.line, reason: messages.contextManager(managerName, failure ?? 'not followed') });
  return jump;
}

/** A decorated module-level function: its decorators run at import time, and what they build counts (`@table("feed")`). */
function scanDecorated(x: Extraction, stmt: FunctionDef, env: Env, seen: Set<CallValue>): void {
  const binding = moduleScope(x.ctx.project, env.module).bindings.get(stmt.name);
  if (binding?.k !== 'def' || binding.def !== stmt) return;
  const run = collecting(x, env, seen, stmt.line);
  collect(x, bindingValue(x.ctx, binding, run), { file: env.module.file, line: stmt.line, symbol: stmt.name }, env, seen);
}

/** `NAMING.update(...)` at module level changes the dict later statements read; false when not such a call. */
function mutateAtModuleLevel(x: Extraction, expr: Expr, env: Env, seen: Set<CallValue>): boolean {
  const where = { file: env.module.file, line: expr.line };
  const outcome = applyMutation(x.ctx, expr, collecting(x, env, seen, expr.line), (a) => {
    for (const v of [...a.args, ...a.kwargs.values()]) collect(x, v, where, env, seen);
  });
  if (outcome === 'no') return false;
  if (outcome !== 'done') x.orphans.push({ file: env.module.file, line: expr.line, reason: messages.mutation(outcome) });
  return true;
}

/** An attribute set at import time: a column on a mapped class, or the naming convention or schema of a MetaData. */
function setAttribute(x: Extraction, obj: Value, name: Value, value: Value): void {
  if (name.t === 'str' && setColumnAttribute(obj, name.v, value)) return;
  if (obj.t === 'class') addColumnLater(x, obj, name, value);
  // `Config.PREFIX = "app_"` after the class: later reads of the attribute (`String(Config.LEN)`) see the new value
  if (obj.t === 'class' && name.t === 'str' && !mappedRegistry(x, obj.cls)) keepOnClass(obj.cls, new Map([[name.v, value]]));
  // `settings.schemas = (...)` on an object made at import time: later reads see it
  if (name.t === 'str') setObjectAttribute(x.ctx, obj, name.v, value);
  const attr = name.t === 'str' && (name.v === 'naming_convention' || name.v === 'schema') ? name.v : undefined;
  const meta = attr ? metaOfValue(x.ctx, x.reg, obj) : undefined;
  if (attr && meta) configureMeta(meta, attr, value);
}

/**
 * `MODELS[kind] = ...` fills the module's dict; `Page.summary = Column(...)` adds a column to the mapped class;
 * `Base.metadata.naming_convention = {...}` (or `.schema`) configures that MetaData for the tables made after it.
 */
function storeTarget(x: Extraction, target: Expr, value: Value, env: Env): void {
  if (target.k === 'attr') {
    setAttribute(x, evalExpr(x.ctx, target.obj, env), { t: 'str', v: target.name }, value);
    return;
  }
  if (target.k !== 'sub') return;
  const key = evalExpr(x.ctx, target.index, env);
  if (isGlobalsCall(target.obj)) {
    // `globals()[name] = Table(...)`: later code (and other modules) read the name
    if (key.t === 'str' && !env.cls) bindDynamicGlobal(x.ctx.project, env.module, key.v, value);
    else x.orphans.push({ file: env.module.file, line: target.line, reason: messages.globalsKey(unknownCause(key)) });
    return;
  }
  const obj = evalExpr(x.ctx, target.obj, env);
  if (obj.t !== 'dict' && obj.t !== 'seq') return;
  // an entry under a key not known: what later code reads of the dict is not known either
  if (key.t === 'unknown') x.orphans.push({ file: env.module.file, line: target.line, reason: messages.mutation(messages.unknownKey(key.reason)) });
  else if (obj.t === 'dict') setItem(obj, key, value);
  else {
    // `_cols[1:2] = [...]` at module level: the list later code reads
    const failed = setSeqItem(x.ctx, obj, key, value);
    if (failed) x.orphans.push({ file: env.module.file, line: target.line, reason: messages.mutation(failed) });
  }
}

/** `del d[k]` takes the item out of a list or dict later code reads; `del NAME` leaves the name unbound after it. */
function deleteTarget(x: Extraction, target: Expr, env: Env): void {
  if (target.k === 'name') {
    const gone = unknown(`deleted by del at line ${target.line}`, env.module.file, target.line);
    if (env.locals) env.locals.set(target.id, gone);
    else if (!env.cls) setGlobal(x.ctx, env.module, target.id, gone, target.line + 1);
    return;
  }
  if (target.k !== 'sub') return;
  const obj = evalExpr(x.ctx, target.obj, env);
  if (obj.t !== 'dict' && obj.t !== 'seq') return;
  const failed = deleteItem(obj, evalExpr(x.ctx, target.index, env));
  if (failed) x.orphans.push({ file: env.module.file, line: target.line, reason: messages.mutation(failed) });
}

const isGlobalsCall = (e: Expr): boolean => callsBuiltin(e, 'globals');

/** `globals().update({...})`: each string key of the dict becomes a module name; what its values build is collected. */
function updateGlobals(x: Extraction, arg: Expr, env: Env, seen: Set<CallValue>): void {
  const run = collecting(x, env, seen, arg.line);
  const update = evalExpr(x.ctx, arg, run);
  if (update.t !== 'dict') {
    x.orphans.push({ file: env.module.file, line: arg.line, reason: messages.globalsKey(unknownCause(update)) });
    return;
  }
  for (const [key, value] of update.entries) {
    collect(x, value, { file: env.module.file, line: arg.line, ...(key.t === 'str' ? { symbol: key.v } : {}) }, env, seen);
    if (key.t === 'str') bindDynamicGlobal(x.ctx.project, env.module, key.v, value);
    else x.orphans.push({ file: env.module.file, line: arg.line, reason: messages.globalsKey(unknownCause(key)) });
  }
}

/** A module-level assignment's value: through the binding memo, so `users.c.id` elsewhere is the same table. */
function statementValue(x: Extraction, stmt: Extract<Stmt, { k: 'assign' | 'ann' | 'expr' }>, env: Env): Value {
  const value = stmt.value!;
  const target = stmt.k === 'assign' ? stmt.targets[0] : stmt.k === 'ann' ? stmt.target : undefined;
  if (target?.k === 'name' && !env.locals) {
    const scope = env.cls ? classScope(x.ctx.project, env.cls) : moduleScope(x.ctx.project, env.module);
    // the statement's own binding: the name's last, or an earlier one where the module binds the name again
    const own = (b: Binding | undefined): boolean => b?.k === 'expr' && b.expr === value;
    const last = scope.bindings.get(target.id);
    const binding = own(last) ? last : scope.earlier?.get(target.id)?.find(own);
    if (binding) return bindingValue(x.ctx, binding, env);
  }
  // `push, pop = make()`: the one result its names are bound to
  if ((target?.k === 'tuple' || target?.k === 'list') && !env.locals) return unpackedValue(x.ctx, value, env);
  return evalExpr(x.ctx, value, env);
}

function scanClass(x: Extraction, stmt: Extract<Stmt, { k: 'class' }>, env: Env, seen: Set<CallValue>): void {
  const cls = classInfo(x.ctx.project, stmt, env.module, env.cls);
  x.ctx.project.created.push(cls);
  if (mappedRegistry(x, cls)) {
    // `@reg.mapped` over project decorators: they run first, on the plain class it then maps
    const at = classHeader(x.ctx, cls).decorators.findIndex(isRegistryMapping);
    const inner = at === -1 ? [] : stmt.decorators.slice(at + 1);
    if (inner.length > 0) {
      const { assigned, failure } = runDecorators(x, inner, cls, env, seen);
      addLateAttrs(x, cls, assigned);
      forgetMapping(x, cls);
      if (failure !== undefined) {
        const problem = { file: env.module.file, line: stmt.line, symbol: cls.name, reason: messages.decoratorsNotRun(failure) };
        x.pending.set(cls, [...(x.pending.get(cls) ?? []), problem]);
      }
    }
    mapClass(x, cls);
    for (const [name, value] of cls.setAfterMapping ?? []) addColumnLater(x, { t: 'class', cls }, { t: 'str', v: name }, value);
    runClassDecorators(x, at === -1 ? stmt.decorators : stmt.decorators.slice(0, at), cls, env, seen);
    mapBodyFactories(x, stmt, cls);
    return;
  }
  mapAbstractConcrete(x, cls);
  reportUnknownBase(x, cls);
  const mapper = stmt.decorators.find((d) => {
    const decorator = evalExpr(x.ctx, d, env);
    return decorator.t === 'func' && decorator.fn.def.body && mapsClass(decorator.fn.def.body);
  });
  if (mapper) {
    const failure = mapByDecorators(x, stmt, cls, env, seen);
    if (failure === undefined) return;
    x.orphans.push({ file: env.module.file, line: mapper.line, symbol: cls.name, reason: messages.decoratorMaps(cls.name, exprText(mapper), failure) });
  }
  // `@entity(Base, "suppliers")` over a plain class: the model the decorators make of it is the name's value
  const made = env.cls || env.locals ? undefined : classMadeByDecorators(x, stmt, cls, env, seen);
  if (made) {
    bindDecorated(x, env.module, stmt, made);
    collect(x, made, { file: env.module.file, line: stmt.line, symbol: stmt.name }, env, seen);
    return;
  }
  // a plain holder class: its Table(...) and Index(...) attributes are real tables and indexes, and the model
  // classes its body defines are mapped as it runs (SiCKRAGE's `class CacheDB: class LastUpdate(CacheDBBase)`)
  scanBody(x, stmt.body, { module: env.module, cls, depth: 0 }, seen);
}

/** The class statement's name holds what its decorators made (a later statement binding the name again wins). */
function bindDecorated(x: Extraction, mod: ModuleInfo, stmt: Extract<Stmt, { k: 'class' }>, made: Value): void {
  const binding = classStatement(moduleScope(x.ctx.project, mod).bindings.get(stmt.name), stmt);
  if (binding) x.ctx.project.memo.set(binding, made);
}

/**
 * What in-repo decorators, innermost first, make of a plain class when that is another class, or a declarative base
 * (servicebook's `@_declarative_base class Base(object)`, whose decorator returns `declarative_base(cls=cls)`);
 * else undefined.
 */
function classMadeByDecorators(x: Extraction, stmt: Extract<Stmt, { k: 'class' }>, cls: ClassInfo, env: Env, seen: Set<CallValue>): Value | undefined {
  if (stmt.decorators.length === 0) return undefined;
  const run = collecting(x, env, seen, stmt.line);
  // a decorator that builds a model of the class (noworkflow's `@proxy_class` making `type(name, (base,), columns)`)
  // and could not be run: what it makes is missing
  const failed = (fn: FuncInfo, reason: Value): void => {
    if (fn.def.body && buildsSchema(fn.def.body)) x.orphans.push({ file: env.module.file, line: stmt.line, symbol: cls.name, reason: messages.decoratorNotRun(fn.def.name, unknownCause(reason)) });
  };
  const value = decorated(x.ctx, stmt.decorators, { t: 'class', cls }, run, stmt.line, failed);
  if (value.t === 'class') return value.cls !== cls ? value : undefined;
  return registryOfValue(x.ctx, x.reg, value) ? value : undefined;
}

/** `Label = make_label(__tablename__)` in a model's body (MLflow-style factories in MLRun): the class it returns is mapped. */
function mapBodyFactories(x: Extraction, stmt: Extract<Stmt, { k: 'class' }>, cls: ClassInfo): void {
  const env: Env = { module: cls.module, cls, depth: 0 };
  for (const s of stmt.body) {
    if (s.k !== 'assign' || s.value.k !== 'call' || s.targets[0]?.k !== 'name') continue;
    const value = statementValue(x, s, env);
    mapFactoryClass(x, value);
  }
}

/** A model class a factory function returns is mapped when the factory runs. */
function mapFactoryClass(x: Extraction, value: Value, depth = 0): void {
  if (value.t !== 'class' || (depth === 0 && !value.cls.closure)) return;
  if (mappedRegistry(x, value.cls)) mapClass(x, value.cls);
  // the classes its body made: a container a factory returns (trulens' `class NewORM(ORM):` holding the model
  // classes it made), or a model class nested in another
  if (depth >= 3) return;
  const env = { module: value.cls.module, depth: 0 };
  for (const stmt of value.cls.def.body) {
    if (stmt.k === 'class') mapFactoryClass(x, attributeOf(x.ctx, value, stmt.name, env, stmt.line), depth + 1);
  }
}

/**
 * In-repo class decorators, innermost first. They run once the class exists, so a declarative class is mapped:
 * a column they set on it (`cls.created_at = Column(...)`) is appended to its table, as declarative's
 * __setattr__ does. One that cannot be run but builds schema is reported on the class's table.
 */
function runClassDecorators(x: Extraction, decorators: Expr[], cls: ClassInfo, env: Env, seen: Set<CallValue>): void {
  if (decorators.length === 0) return;
  const run = collecting(x, env, seen, cls.def.line);
  for (const d of [...decorators].reverse()) {
    const decorator = evalExpr(x.ctx, d, run);
    if (decorator.t !== 'func' || !decorator.fn.def.body) continue;
    const result = callFunction(x.ctx, decorator.fn, { args: [{ t: 'class', cls }], kwargs: new Map() }, run, d.line);
    const table = mapClass(x, cls)?.table;
    if (result.t === 'unknown' && table && buildsSchema(decorator.fn.def.body)) {
      table.unresolved.push({ file: env.module.file, line: d.line, symbol: cls.name, reason: messages.decoratorNotRun(decorator.fn.def.name, result.reason) });
    }
  }
}

/**
 * A plain class a project decorator maps (`cls.__tablename__ = ...; cls.created_at = Column(...); return
 * reg.mapped(cls)`): the decorators run innermost first, and what they set on the class until one maps it joins
 * its namespace; the class is mapped with it. A column set after that is a plain attribute (a class mapped by
 * a registry has no declarative `__setattr__`). The reason it stays unmapped otherwise.
 */
function mapByDecorators(x: Extraction, stmt: Extract<Stmt, { k: 'class' }>, cls: ClassInfo, env: Env, seen: Set<CallValue>): string | undefined {
  const { failure, beforeMapping } = runDecorators(x, stmt.decorators, cls, env, seen);
  if (failure !== undefined) return failure;
  if (!beforeMapping) return 'it maps no class statically';
  addLateAttrs(x, cls, beforeMapping);
  forgetMapping(x, cls);
  return mapClass(x, cls) ? undefined : 'the class it maps is not mapped statically';
}

/**
 * Runs a plain class's in-repo decorators, innermost first: what they set on it (`assigned`), what they had set when
 * one mapped it (`beforeMapping`), and the reason the first that could not be run stopped.
 */
function runDecorators(x: Extraction, decorators: Expr[], cls: ClassInfo, env: Env, seen: Set<CallValue>): { assigned: Map<string, Value>; beforeMapping?: Map<string, Value>; failure?: string } {
  const run = collecting(x, env, seen, cls.def.line);
  let failure: string | undefined;
  let beforeMapping: Map<string, Value> | undefined;
  const { assigned } = whileCreating(cls, () => {
    for (const d of [...decorators].reverse()) {
      const decorator = evalExpr(x.ctx, d, run);
      if (decorator.t !== 'func' || !decorator.fn.def.body) continue;
      const result = callFunction(x.ctx, decorator.fn, { args: [{ t: 'class', cls }], kwargs: new Map() }, run, d.line);
      if (result.t === 'unknown') failure ??= result.reason;
      if (cls.mappedBy && !beforeMapping) beforeMapping = new Map(cls.assigned);
    }
  });
  return { assigned, ...(beforeMapping ? { beforeMapping } : {}), ...(failure === undefined ? {} : { failure }) };
}

function scanLoop(x: Extraction, stmt: Extract<Stmt, { k: 'for' }>, env: Env, seen: Set<CallValue>): void {
  const iter = evalExpr(x.ctx, stmt.iter, env);
  const items = iterate(x.ctx, iter);
  if (!items || items.length > MAX_LOOP) {
    notRun(x, stmt, env, items ? messages.tooManyItems(MAX_LOOP) : unknownCause(iter));
    return;
  }
  // one scope for every turn, as Python's: a turn reads what the one before bound (`width = width * 2`)
  const locals = new Map(env.locals);
  for (const item of items) {
    assignTarget(x.ctx, stmt.target, item, locals);
    if (scanBody(x, stmt.body, { ...env, locals }, seen) === 'break') return keepLoopNames(x, env, locals, stmt.line);
  }
  if (items.length > 0) keepLoopNames(x, env, locals, stmt.line);
  // the `else:` block runs when the loop was not left by a `break`
  if (stmt.orelse) scanBody(x, stmt.orelse, env, seen);
}

/** A loop not run here: what it builds is reported, and what it may change around it is unknown after it. */
function notRun(x: Extraction, stmt: Extract<Stmt, { k: 'for' | 'while' }>, env: Env, cause: string): void {
  reportLoop(x, stmt, env, cause);
  if (env.cls) return;
  const value = unknown(messages.loopNotRunValue(cause), env.module.file, stmt.line);
  for (const name of loopEffects(stmt)) {
    if (env.locals) env.locals.set(name, value);
    else setGlobal(x.ctx, env.module, name, value, stmt.line);
  }
}

/**
 * A loop opens no scope in Python: what its body bound last is bound after it (`MoneyType = getattr(sa, name)(14, 2)`
 * then `break`), in the function or loop around it, or at module level in the module, read in statement order.
 */
function keepLoopNames(x: Extraction, env: Env, locals: Map<string, Value>, line: number): void {
  if (env.locals) for (const [name, value] of locals) env.locals.set(name, value);
  else if (!env.cls) for (const [name, value] of locals) setGlobal(x.ctx, env.module, name, value, line);
}

/**
 * A module-level `while` loop (`while True: i += 1; if i > 5: break`): run with the names its body assigns held as
 * locals, seeded with their values before the loop, so each turn reads the last turn's. One whose test is not
 * known statically, or that runs past the bound, is reported when it builds schema.
 */
function scanWhile(x: Extraction, stmt: Extract<Stmt, { k: 'while' }>, env: Env, seen: Set<CallValue>): void {
  const locals = new Map(env.locals);
  for (const name of assignedNames(stmt.body)) if (!locals.has(name)) locals.set(name, evalExpr(x.ctx, { k: 'name', id: name, line: stmt.line }, env));
  const inner = { ...env, locals };
  for (let turn = 0; ; turn++) {
    const value = evalExpr(x.ctx, stmt.test, inner);
    const test = isTruthy(value);
    if (test === undefined || (test && turn >= MAX_LOOP)) {
      notRun(x, stmt, env, test === undefined ? unknownCause(value) : messages.tooManyItems(MAX_LOOP));
      return;
    }
    if (!test) break;
    if (scanBody(x, stmt.body, inner, seen) === 'break') return keepLoopNames(x, env, locals, stmt.line);
  }
  keepLoopNames(x, env, locals, stmt.line);
  if (stmt.orelse) scanBody(x, stmt.orelse, env, seen);
}

/** The names a block assigns (`i = ...`, `i += 1`, `a, b = ...`), in its nested `if` branches too. */
function assignedNames(body: Stmt[]): Set<string> {
  const out = new Set<string>();
  for (const s of body) {
    const targets = s.k === 'assign' ? s.targets : s.k === 'ann' || s.k === 'aug' ? [s.target] : [];
    for (const name of targets.flatMap(targetNames)) out.add(name);
    if (s.k === 'if') for (const name of assignedNames([...s.body, ...s.orelse])) out.add(name);
  }
  return out;
}

function targetName(stmt: Stmt): string | undefined {
  if (stmt.k === 'assign') return stmt.targets[0]?.k === 'name' ? stmt.targets[0].id : undefined;
  return stmt.k === 'ann' && stmt.target.k === 'name' ? stmt.target.id : undefined;
}

interface Where {
  file: string;
  line: number;
  symbol?: string | undefined;
}

function collect(x: Extraction, value: Value, where: Where, env: Env, seen: Set<CallValue>): void {
  const symbol = where.symbol;
  if (env.locals && symbol) env.locals.set(symbol, value);
  walkValue(value, 0, (v) => mapFactoryClass(x, v), (call) => {
    if (seen.has(call)) return;
    seen.add(call);
    if (isTableCall(call)) {
      const table = tableForCall(x, call);
      if (table && !table.source) table.source = { file: where.file, line: where.line, symbol: symbol ?? table.name };
      // its constraints and indexes are its own (an Index over text() names no column to find the table by)
      for (const arg of call.args) if (arg.t === 'call' && isConstraintCall(arg)) seen.add(arg);
    } else if (isConstraintCall(call)) {
      attachConstraint(x, call);
    } else if (call.callee.t === 'attr' && call.callee.name === 'map_imperatively') {
      mapImperatively(x, call);
    } else if (call.callee.t === 'ext' && call.callee.name === 'builtins.setattr') {
      if (call.args[0] && call.args[1] && call.args[2]) setAttribute(x, call.args[0], call.args[1], call.args[2]);
    } else if (call.callee.t === 'attr' && call.callee.name === 'append_column') {
      appendColumn(x, call.callee.obj, call);
    } else if (call.callee.t === 'attr' && call.callee.name === 'append_constraint') {
      // the constraint is the table's now: not attached a second time by its columns
      if (call.args[0]?.t === 'call') seen.add(call.args[0]);
      appendConstraint(x, call.callee.obj, call);
    } else if (call.callee.t === 'attr' && (call.callee.name === 'to_metadata' || call.callee.name === 'tometadata')) {
      copyTable(x, call.callee.obj, call, symbol);
    } else if (call.callee.t === 'ext') {
      reportOutsideTableMaker(x, call);
    }
  });
}

/** Calls and classes in a value, nested in call arguments, sequences and dicts (`{kind: make_model(kind) for ...}`). */
function walkValue(v: Value, depth: number, onClass: (v: Value) => void, visit: (call: CallValue) => void): void {
  if (depth > 4) return;
  if (v.t === 'class') onClass(v);
  else if (v.t === 'call') {
    visit(v);
    for (const a of [...v.args, ...v.kwargs.values()]) walkValue(a, depth + 1, onClass, visit);
  } else if (v.t === 'seq') {
    for (const item of v.items) walkValue(item, depth + 1, onClass, visit);
  } else if (v.t === 'dict') {
    for (const [, item] of v.entries) walkValue(item, depth + 1, onClass, visit);
  } else if ((v.t === 'tablecols' || v.t === 'tablecol') && v.table.t === 'call') {
    // `users = Table("users", md, ...).c`: the table exists all the same
    walkValue(v.table, depth + 1, onClass, visit);
  }
}
