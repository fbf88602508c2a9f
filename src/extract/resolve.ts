// Name resolution across modules: imports, relative imports, `import *`, re-exports through packages.
import type { Expr } from '../python/summary.js';
import type { Binding } from './scope.js';
import { bindDynamicGlobal, classInfo, classScope, methodInfo, moduleScope, type Ctx, type Env } from './context.js';
import { evalExpr } from './evaluate.js';
import { callFunction, decorated } from './evaluate-func.js';
import { valueText } from './value-text.js';
import { iterate } from './evaluate-builtins.js';
import { outsideValue } from './outside-attrs.js';
import { shimTarget } from './library-shims.js';
import { isTruthy, qualnameOf, undecidable, unknown, type ClassInfo, type ModuleInfo, type Value } from './values.js';
import { tryOutcome } from './module-try.js';
import { chooseCase } from './evaluate-match.js';
import { operateInPlace } from './operator-methods.js';

const BUILTINS = new Set([
  'str', 'int', 'float', 'bool', 'bytes', 'dict', 'list', 'tuple', 'set', 'frozenset', 'len', 'getattr', 'isinstance',
  'issubclass', 'type', 'object', 'range', 'enumerate', 'zip', 'sorted', 'reversed', 'min', 'max', 'sum', 'any', 'all',
  'print', 'repr', 'super', 'property', 'classmethod', 'staticmethod', 'hasattr', 'map', 'filter', 'NotImplemented', 'ord', 'chr',
  'BaseException', 'Exception', 'ValueError', 'TypeError', 'KeyError', 'AttributeError', 'NotImplementedError', 'ImportError',
  'LookupError', 'IndexError', 'ModuleNotFoundError', 'ArithmeticError', 'ZeroDivisionError', 'RuntimeError', 'UnicodeError',
  'UnicodeDecodeError', 'OSError', 'AssertionError',
  'setattr', 'delattr', 'vars', 'dir', 'id', 'hash', 'iter', 'next', 'open', 'format', 'round', 'abs', 'divmod', 'callable', 'globals',
  '__import__', 'ascii', 'pow', 'hex', 'oct', 'bin',
]);

/** The value a module-level (or class-level) binding holds; evaluated once. */
export function bindingValue(ctx: Ctx, binding: Binding, env: Env): Value {
  const memo = ctx.project.memo;
  const known = memo.get(binding);
  if (known === 'pending') return unknown('circular definition', env.module.file, binding.line);
  if (known) return known;
  memo.set(binding, 'pending');
  const value = env.cls || env.locals || !moduleScope(ctx.project, env.module).earlier?.size ? computeBinding(ctx, binding, env) : computeAt(ctx, binding, env);
  memo.set(binding, value);
  return value;
}

/**
 * A module-level binding of a module that rebinds names, computed as its statement runs: the names it reads are
 * the bindings made before its line (`N = 1; M = N + 1; N = 7`: M is 2), whenever it is first read.
 */
function computeAt(ctx: Ctx, binding: Binding, env: Env): Value {
  const { ranTo } = ctx.project;
  const before = ranTo.get(env.module);
  ranTo.set(env.module, binding.line);
  try {
    return computeBinding(ctx, binding, env);
  } finally {
    if (before === undefined) ranTo.delete(env.module);
    else ranTo.set(env.module, before);
  }
}

/** The binding of a rebound name in effect where the module's run stands: the last one made before that line. */
function inEffect(ctx: Ctx, earlier: Binding[] | undefined, mod: ModuleInfo, binding: Binding): Binding {
  const at = ctx.project.ranTo.get(mod);
  if (!earlier || at === undefined || binding.line < at) return binding;
  return earlier.findLast((b) => b.line < at) ?? binding;
}

function computeBinding(ctx: Ctx, b: Binding, env: Env): Value {
  switch (b.k) {
    case 'expr':
      // the name read in its own new value is what it held before
      return evalExpr(ctx, b.expr, b.prev ? withPrevious(ctx, b.prev, env) : env);
    case 'unpack': {
      const whole = unpackedValue(ctx, b.expr, env);
      if (whole.t === 'unknown') return whole;
      // `NOTEBOOK, JOB, LOCAL = range(1, 4)`, `a, b = "xy"`, `(k1, k2) = {...}`
      const items = iterate(ctx, whole);
      if (!items) return unknown('cannot unpack this value statically', env.module.file, b.line);
      if (b.rest !== undefined) return { t: 'seq', kind: 'list', items: items.slice(b.index, items.length - b.rest) };
      return items.at(b.index) ?? unknown('unpacking does not match', env.module.file, b.line);
    }
    case 'module':
      return moduleValue(ctx, b.module, env.module.file, b.line);
    case 'from':
      return importName(ctx, b.module, b.name, env.module.file, b.line);
    case 'class':
      return { t: 'class', cls: classInfo(ctx.project, b.def, env.module, env.cls) };
    case 'def': {
      const fn: Value = { t: 'func', fn: methodInfo(env.module, b.def, env.cls) };
      // a method's decorators are read where it is used (declared_attr, classmethod, property ...)
      return env.cls ? fn : decorated(ctx, b.def.decorators, fn, env, b.def.line);
    }
    case 'ann':
      return unknown('declared without a value', env.module.file, b.line);
    case 'alias':
      if (b.params) {
        const bare = unknown(`generic type alias ${b.name} used without its parameters`, env.module.file, b.line);
        return { t: 'alias', name: b.name, value: bare, generic: { params: b.params, expr: b.expr, env } };
      }
      return { t: 'alias', name: b.name, value: evalExpr(ctx, b.expr, env) };
    case 'aug':
      // `names -= {n for n in names if ...}`: the name read on the right is what it held before
      return operateInPlace(ctx, b.op, bindingValue(ctx, b.prev, env), evalExpr(ctx, b.expr, withPrevious(ctx, { name: b.name, binding: b.prev }, env)), env, b.line);
    case 'cond':
      return conditionalValue(ctx, b, env);
    case 'match': {
      const chosen = chooseCase(ctx, b.stmt.cases, evalExpr(ctx, b.stmt.subject, env), env);
      if (chosen !== null && 't' in chosen) return chosen;
      const binding = chosen === null ? b.before : b.cases[b.stmt.cases.indexOf(chosen.chosen)];
      return binding ? bindingValue(ctx, binding, env) : unknown(`not defined on the case the match statement at line ${b.line} takes`, env.module.file, b.line);
    }
    case 'try': {
      const { clause, ran } = tryOutcome(ctx, b.stmt, env);
      const chosen = clause === -1 ? b.main : b.clause(clause, ran);
      return chosen ? bindingValue(ctx, chosen, env) : unknown(`not defined on the path the try statement at line ${b.line} takes`, env.module.file, b.line);
    }
  }
}

/** `env` where the name a binding replaces reads what it held before. */
function withPrevious(ctx: Ctx, prev: { name: string; binding: Binding }, env: Env): Env {
  return { ...env, locals: new Map([...(env.locals ?? []), [prev.name, bindingValue(ctx, prev.binding, env)]]) };
}

/**
 * A module-level `if` test, as the module's run decided it (`isRun`: the scan running it now, which keeps what it
 * decides). Python runs it once: `if "entity" not in Base.metadata:` reads the tables made so far, and a name the
 * branch binds, read after the table exists, must not find the test changed. Before the run, it is evaluated.
 */
export function moduleTest(ctx: Ctx, test: Expr, env: Env, isRun = false): Value {
  const known = ctx.project.tests.get(test);
  if (known) return known;
  const value = evalExpr(ctx, test, env);
  if (isRun && isTruthy(value) !== undefined) ctx.project.tests.set(test, value);
  return value;
}

/** The branch the test picks; when it cannot be decided, the value only if both branches give the same one. */
function conditionalValue(ctx: Ctx, b: Extract<Binding, { k: 'cond' }>, env: Env): Value {
  const testEnv = b.prev ? withPrevious(ctx, b.prev, env) : env;
  const test = env.cls ? evalExpr(ctx, b.test, testEnv) : moduleTest(ctx, b.test, testEnv);
  const truth = isTruthy(test);
  const valueOf = (branch: Binding | undefined): Value => (branch ? bindingValue(ctx, branch, env) : unknown(`not defined when the condition at line ${b.line} is ${branch === b.then ? 'true' : 'false'}`, env.module.file, b.line));
  if (truth !== undefined) return valueOf(truth ? b.then : b.orelse);
  const [a, c] = [valueOf(b.then), valueOf(b.orelse)];
  if (a === c || (a.t === 'ext' && c.t === 'ext' && a.name === c.name)) return a;
  return unknown(`defined by both branches of an if at line ${b.line}: ${undecidable(test)}`, env.module.file, b.line);
}

/**
 * The right side of an unpacking assignment, evaluated once for all its targets and the scan: `push, pop =
 * _builder("hb")` calls once, both names hold parts of that one result (closures sharing state). Per class: a class
 * statement run by each call of a factory has the same expression, not the same result.
 */
export function unpackedValue(ctx: Ctx, expr: Expr, env: Env): Value {
  let made = ctx.project.unpacked.get(expr);
  if (!made) ctx.project.unpacked.set(expr, (made = new Map()));
  const owner = env.cls ?? env.module;
  let whole = made.get(owner);
  if (!whole) made.set(owner, (whole = evalExpr(ctx, expr, env)));
  return whole;
}

export function moduleValue(ctx: Ctx, name: string, file: string, line: number): Value {
  const mod = ctx.project.modules.get(name);
  if (mod) return { t: 'module', module: mod };
  if (ctx.project.topLevel.has(name.split('.')[0]!)) return unknown(`module ${name} is not among the files read`, file, line);
  return { t: 'ext', name };
}

export function importName(ctx: Ctx, module: string, name: string, file: string, line: number): Value {
  const mod = ctx.project.modules.get(module);
  if (mod) return moduleAttribute(ctx, mod, name, file, line);
  if (ctx.project.topLevel.has(module.split('.')[0]!)) {
    const sub = ctx.project.modules.get(`${module}.${name}`);
    if (sub) return { t: 'module', module: sub };
    return unknown(`module ${module} is not among the files read`, file, line);
  }
  return outsideName(ctx, `${module}.${name}`, file, line);
}

/** A name from outside the repository: what a library shim restates it as (library-shims.ts), else the outside value. */
export function outsideName(ctx: Ctx, name: string, file: string, line: number): Value {
  const target = shimTarget(name);
  const mod = target && ctx.project.modules.get(target.module);
  return mod ? moduleAttribute(ctx, mod, target.attr, file, line) : outsideValue(name);
}

/** `module.name`, or `from module import name`: a name it binds, else its submodule, else its `__getattr__`'s. */
export function moduleAttribute(ctx: Ctx, mod: ModuleInfo, name: string, file: string, line: number): Value {
  const found = lookupInModule(ctx, mod, name);
  const sub = ctx.project.modules.get(`${mod.name}.${name}`);
  // `from . import user` in a package __init__ binds the submodule (the lookup meets that very import)
  if (found && !(found.t === 'unknown' && sub)) return found;
  if (sub) return { t: 'module', module: sub };
  const missing = mod.namespace ? `module ${mod.name}.${name} is not among the files read` : `${mod.name} defines no ${name}`;
  return moduleGetattr(ctx, mod, name, line) ?? unknown(missing, file, line);
}

/**
 * A module name bound by code run at import time (`global count; count += 1` in a helper, a module-level loop's
 * names): it holds the new value from then on. A name the module does not assign becomes a dynamic global; one it
 * assigns has its binding's value replaced when that binding has run already — before `line`, or, without a line,
 * once something read it — and is left to a later statement that binds it again, which wins when it runs.
 */
export function setGlobal(ctx: Ctx, mod: ModuleInfo, name: string, value: Value, line?: number): void {
  const binding = moduleScope(ctx.project, mod).bindings.get(name);
  // how far the module's own code has run: the statement given, else where its scan stands (docassemble's
  // `db = None` above a module-level `init_sqlalchemy()` whose `global db` replaces it)
  const at = line ?? ctx.project.ranTo.get(mod);
  if (!binding) bindDynamicGlobal(ctx.project, mod, name, value);
  else if (at === undefined ? ctx.project.memo.has(binding) : binding.line < at) ctx.project.memo.set(binding, value);
}

/**
 * A name a module does not bind, given by its `__getattr__(name)` (PEP 562: constants worked out lazily, read as
 * `limits.SKU_LEN` or imported by name); undefined without one, or when it raises AttributeError.
 */
export function moduleGetattr(ctx: Ctx, mod: ModuleInfo, name: string, line: number): Value | undefined {
  const hook = moduleScope(ctx.project, mod).bindings.get('__getattr__');
  if (hook?.k !== 'def' || !hook.def.body || name.startsWith('__')) return undefined;
  const fn = { module: mod, def: hook.def };
  const value = callFunction(ctx, fn, { args: [{ t: 'str', v: name }], kwargs: new Map() }, { module: mod, depth: 0 }, line);
  const raised = value.t === 'unknown' ? value.raises : undefined;
  return raised && /AttributeError/.test(valueText(raised)) ? undefined : value;
}

/** A module's global `name`, following `import *`; undefined when the module does not bind it. */
export function lookupInModule(ctx: Ctx, mod: ModuleInfo, name: string, seen?: Set<ModuleInfo>): Value | undefined {
  const scope = moduleScope(ctx.project, mod);
  const binding = scope.bindings.get(name);
  if (binding) return bindingValue(ctx, scope.earlier?.size ? inEffect(ctx, scope.earlier.get(name), mod, binding) : binding, { module: mod, depth: 0 });
  const dynamic = ctx.project.dynamicGlobals.get(mod)?.get(name);
  if (dynamic) return dynamic;
  // the module's own name (`sys.modules[__name__]`), unless the module binds `__name__` itself
  if (name === '__name__' && !seen) return { t: 'str', v: mod.name };
  if (scope.stars.length === 0) return undefined;
  const visited = seen ?? new Set<ModuleInfo>();
  if (visited.has(mod)) return undefined;
  visited.add(mod);
  // a package still running its `__init__` (it imported the module asking) has only the star imports above that line
  const at = ctx.project.ranTo.get(mod) ?? Infinity;
  for (const { module: star, line } of scope.stars) {
    if (line >= at) continue;
    const target = ctx.project.modules.get(star);
    if (target) {
      if (!isExported(ctx, target, name)) continue;
      const found = lookupInModule(ctx, target, name, visited);
      if (found) return found;
    } else if (!ctx.project.topLevel.has(star.split('.')[0]!) && isLikelyExported(star, name)) {
      return { t: 'ext', name: `${star}.${name}` };
    }
  }
  return undefined;
}

/** `import *` takes the names in `__all__` when the module lists them, else every public name. */
function isExported(ctx: Ctx, mod: ModuleInfo, name: string): boolean {
  const all = moduleScope(ctx.project, mod).bindings.get('__all__');
  if (!all) return !name.startsWith('_');
  const names = bindingValue(ctx, all, { module: mod, depth: 0 });
  if (names.t !== 'seq') return true;
  return names.items.some((v) => v.t === 'str' && v.v === name);
}

/**
 * `from sqlalchemy import *` exports public names; we cannot list them, so trust any public one but Python's
 * builtins, which no such `__all__` lists (`Mapped[int]` after the star import is still the builtin `int`).
 */
function isLikelyExported(module: string, name: string): boolean {
  return !name.startsWith('_') && !BUILTINS.has(name) && /^(sqlalchemy|sqlmodel|flask_sqlalchemy)(\.|$)/.test(module);
}

/** A class body's own binding of `name` (not inherited). */
function classBinding(ctx: Ctx, cls: ClassInfo, name: string): Binding | undefined {
  return classScope(ctx.project, cls).bindings.get(name);
}

/** Looks a bare name up the way Python does from the given environment. */
export function lookupName(ctx: Ctx, name: string, env: Env, line: number): Value {
  for (let e: Env | undefined = env; e; e = e.parent) {
    if (e.globals?.has(name)) return lookupInModule(ctx, env.module, name) ?? unknown(`name ${name} is not defined`, env.module.file, line);
    const local = e.locals?.get(name);
    if (local) return local;
    // code made in a class body (a lambda, a comprehension) skips the class's names but sees what the class closes over
    const closed = e !== env ? e.cls?.closure?.get(name) : undefined;
    if (closed) return closed;
  }
  const first = env.globalsFirst ? lookupInModule(ctx, env.module, name) : undefined;
  if (first) return first;
  if (env.cls) {
    const b = classBinding(ctx, env.cls, name);
    // `metadata = metadata` in a class body: the name being defined is not visible yet, globals are
    // a class body runs in order: a name bound further down (`code = Column(...)` below `name = Column(code("name"))`)
    // is not bound yet, and the module's helper of that name is read
    const isLater = b !== undefined && b.line > line && lookupInModule(ctx, env.module, name) !== undefined;
    if (b && b.k !== 'ann' && ctx.project.memo.get(b) !== 'pending' && !isLater) {
      return bindingValue(ctx, b, { module: env.cls.module, cls: env.cls, depth: env.depth });
    }
    const closed = env.cls.closure?.get(name);
    if (closed) return closed;
    // the names Python sets first in a class body (`__abstract__ = __qualname__.startswith("_")`)
    if (name === '__qualname__') return { t: 'str', v: qualnameOf(env.cls) };
    if (name === '__module__') return { t: 'str', v: env.cls.module.name };
  }
  const global = lookupInModule(ctx, env.module, name);
  if (global) return global;
  if (BUILTINS.has(name)) return { t: 'ext', name: `builtins.${name}` };
  return unknown(`name ${name} is not defined`, env.module.file, line);
}
