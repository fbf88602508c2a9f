// Runs small in-repo helper functions statically (table-name converters, column factories).
import { isPlainFactoryClass, setOnFactoryClass } from './class-body.js';
import { operateInPlace } from './operator-methods.js';
import type { CompClause, Expr, FunctionDef, Param, Stmt, TryHandlers, WithItem } from '../python/summary.js';
import { methodInfo, type Ctx, type Env } from './context.js';
import { evalArgs, evalExpr } from './evaluate.js';
import { methodChain, type ChainLink } from './method-chain.js';
import { iterate, iteratorOf, loopItems, setOf } from './evaluate-builtins.js';
import { makeCall, setObjectAttribute } from './evaluate-call.js';
import { applyMutation, deleteItem, setItem, setSeqItem } from './evaluate-mutate.js';
import { chooseCase } from './evaluate-match.js';
import { importName, moduleValue, setGlobal } from './resolve.js';
import { bodiesOf, makesClass } from './builds-schema.js';
import { resolveRelative } from './module-names.js';
import { saSymbol } from './sa-names.js';
import { valueText } from './value-text.js';
import { messages } from './messages.js';
import { builtinException, isTruthy, raising, undecidable, unknown, type Arguments, type FuncInfo, type Unknown, type Value } from './values.js';
import { mroOf } from './classes.js';
import { tryOf } from './scope.js';
import { columnBehind, isTableCall } from './evaluate-attr.js';

/** Nested helper calls followed: a recursive helper over a name's characters (`snake(name[1:])`) goes one deep per letter. */
const MAX_DEPTH = 40;

let classSerial = 0;
/** A loop (or comprehension) the evaluator runs at most this many times: a bound on what one helper may cost. */
export const MAX_LOOP = 2_000;

/** How a statement ends: a `return` (done), falling through, or a `break` / `continue` out of the enclosing loop. */
type Outcome = { done: true; value: Value } | { done: false; jump?: 'break' | 'continue' };

/**
 * What a decorated function's (or plain class's) name is bound to outside a class body: each in-repo decorator,
 * innermost first, called on it (`@table("feed")` binds the Table its wrapper builds). A decorator from outside the
 * repository, or one not known statically, is taken to return what it is given (`functools.lru_cache`,
 * `event.listens_for`), and so is an in-repo one that cannot be run.
 */
/** `failed`: told of each project decorator that could not be run (the value goes on undecorated by it). */
export function decorated(ctx: Ctx, decorators: Expr[], target: Value, env: Env, line: number, failed?: (fn: FuncInfo, reason: Value) => void): Value {
  let value = target;
  for (let i = decorators.length - 1; i >= 0; i -= 1) {
    const decorator = evalExpr(ctx, decorators[i]!, env);
    if (decorator.t !== 'func') continue;
    const result = callFunction(ctx, decorator.fn, { args: [value], kwargs: new Map() }, env, line);
    if (result.t === 'unknown') {
      failed?.(decorator.fn, result);
      continue;
    }
    // a wrapper (`functools.wraps` style) keeps the function it wraps, for calls the wrapper cannot be followed in
    value = result.t === 'func' && value.t === 'func' && result.fn.def !== value.fn.def ? { t: 'func', fn: { ...result.fn, wraps: value.fn } } : result;
  }
  return value;
}

/** The failure that leaves a table changed in a way not followed (assignAttr): a helper that meets it stops. */
export const TABLE_CHANGE_NOT_FOLLOWED = /a change to table \S+ \(\w+ =\) is not followed statically/;

export function callFunction(ctx: Ctx, fn: FuncInfo, a: Arguments, env: Env, line: number, superInit?: Env['superInit']): Value {
  const file = env.module.file;
  const name = fn.def.name;
  if (!fn.def.body) return unknown(`method ${name}() is not evaluated statically`, file, line);
  if (env.depth >= MAX_DEPTH) return unknown(`helper function ${name}() nests too deeply`, file, line);
  const fnEnv: Env = {
    module: fn.module,
    locals: new Map(fn.closure),
    depth: env.depth + 1,
    ...(superInit ? { superInit } : {}),
    ...(env.effects ? { effects: env.effects } : {}),
    ...(fn.bound ? { bound: fn.bound } : {}),
    ...(fn.owner ? { owner: fn.owner } : {}),
    ...(fn.def.generator ? { yields: [] } : {}),
  };
  const globals = globalsOf(fn.def);
  if (globals.size > 0) fnEnv.globals = globals;
  const bound = bindParams(ctx, fn.def.params, a, fnEnv, fn.bound, fn.defaults);
  if (bound) return { ...bound, reason: `helper function ${name}(): ${bound.reason}` };
  // a method called unbound (`Mixin.__dict__["__table_args__"].fget(cls)`): a zero-argument super() binds its first argument
  const first = fn.def.params[0];
  if (!fnEnv.bound && fn.owner && first && !first.star) fnEnv.bound = fnEnv.locals!.get(first.name);
  const out = execBlock(ctx, fn.def.body, fnEnv);
  writeNonlocals(fn, fnEnv.locals!);
  // a generator, run to its end, as the list of what it yields (a `return` ends it; its value is not yielded)
  if (fnEnv.yields && !(out.done && out.value.t === 'unknown') && !(!out.done && out.jump)) return iteratorOf(fnEnv.yields);
  if (!out.done) return out.jump ? unknown(`${out.jump} outside a loop`, file, line) : { t: 'none' };
  if (out.value.t === 'unknown' && !out.value.reason.startsWith('helper function')) {
    return { ...out.value, reason: `helper function ${name}() could not be evaluated: ${out.value.reason}` };
  }
  return out.value;
}

/**
 * `with manager(...) as target:` over an in-repo `@contextmanager` generator: its statements up to the one `yield`
 * run on entry, `inside` then runs with the yielded value, and the rest (a `finally:` included) runs on exit. The
 * reason when that cannot be followed (no single `yield` reached through `with`/`try` blocks, a failing statement).
 */
export function runContextManager(ctx: Ctx, fn: FuncInfo, a: Arguments, env: Env, line: number, inside: (entered: Value) => void): string | undefined {
  const name = fn.def.name;
  const split = fn.def.body ? splitAtYield(fn.def.body) : undefined;
  if (!split) return `${name}() does not yield once where its entry and exit can be told apart`;
  const fnEnv: Env = { module: fn.module, locals: new Map(fn.closure), depth: env.depth + 1, ...(env.effects ? { effects: env.effects } : {}) };
  const bound = bindParams(ctx, fn.def.params, a, fnEnv, fn.bound, fn.defaults);
  if (bound) return bound.reason;
  const entered = execBlock(ctx, split.enter, fnEnv);
  if (entered.done || entered.jump) return entered.done && entered.value.t === 'unknown' ? entered.value.reason : `${name}() left before its yield`;
  inside(split.yielded ? evalExpr(ctx, split.yielded, fnEnv) : { t: 'none' });
  const exited = execBlock(ctx, split.exit, fnEnv);
  return exited.done && exited.value.t === 'unknown' ? exited.value.reason : undefined;
}

/**
 * `with manager as target:` in a helper: an in-repo `@contextmanager` or a manager class of the repository runs its
 * entry and exit around the body (`with schema_scope("history"):` pushes the schema the tables inside read). Any
 * other manager (a lock, a file) leaves the body to run as it is, its target not known.
 */
function execWith(ctx: Ctx, body: Stmt[], managers: WithItem[], env: Env, line: number): Outcome {
  const [item, ...rest] = managers;
  if (!item) return execBlock(ctx, body, env);
  let inner: Outcome = { done: false };
  const inside = (entered: Value): void => {
    if (item.target) {
      const failed = store(ctx, item.target, entered, env);
      if (failed) {
        inner = abort(failed, env, line);
        return;
      }
    }
    inner = execWith(ctx, body, rest, env, line);
  };
  const fn = item.manager.k === 'call' ? evalExpr(ctx, item.manager.fn, env) : undefined;
  let failure: string | undefined;
  if (item.manager.k === 'call' && fn?.t === 'func' && isContextManagerFunction(ctx, fn)) {
    failure = runContextManager(ctx, fn.fn, evalArgs(ctx, item.manager.args, env), env, line, inside);
  } else {
    const manager = evalExpr(ctx, item.manager, env);
    failure = runClassManager(ctx, manager, env, line, inside);
    if (failure === NOT_A_MANAGER) {
      inside(unknown('the value of a context manager from outside the repository', env.module.file, line));
      return inner;
    }
  }
  return failure === undefined ? inner : abort(failure, env, line);
}

/** A function decorated with `contextlib.contextmanager`. */
export function isContextManagerFunction(ctx: Ctx, fn: Extract<Value, { t: 'func' }>): boolean {
  return fn.fn.def.decorators.some((d) => {
    const v = evalExpr(ctx, d, { module: fn.fn.module, depth: 0 });
    return v.t === 'ext' && v.name === 'contextlib.contextmanager';
  });
}

export const NOT_A_MANAGER = 'not a context manager of the repository';

/**
 * A context manager object of an in-repo class: its `__enter__` runs, then the body (`inside`, with what it returned),
 * then `__exit__(None, None, None)`. The reason when it cannot be followed (NOT_A_MANAGER for an object that is not
 * one of the repository's).
 */
export function runClassManager(ctx: Ctx, manager: Value, env: Env, line: number, inside: (entered: Value) => void): string | undefined {
  const cls = manager.t === 'call' && manager.callee.t === 'class' ? manager.callee.cls : undefined;
  const method = (name: string) => (cls ? methodChain(ctx, mroOf(ctx, cls), name)[0] : undefined);
  const [enter, exit] = [method('__enter__'), method('__exit__')];
  if (!enter || !exit) return NOT_A_MANAGER;
  const call = (link: ChainLink, args: Value[]): Value => callFunction(ctx, methodInfo(link.owner.module, link.def, link.owner, manager), { args, kwargs: new Map() }, env, line);
  const entered = call(enter, []);
  if (entered.t === 'unknown') return entered.reason;
  inside(entered);
  const exited = call(exit, [{ t: 'none' }, { t: 'none' }, { t: 'none' }]);
  return exited.t === 'unknown' ? exited.reason : undefined;
}

/** A body around its one `yield` statement, reached through blocks (`try:` / `finally:`, `with`); undefined otherwise. */
function splitAtYield(body: Stmt[]): { enter: Stmt[]; yielded: Expr | null; exit: Stmt[] } | undefined {
  for (let i = 0; i < body.length; i += 1) {
    const stmt = body[i]!;
    if (stmt.k === 'expr' && stmt.value.k === 'yield' && !stmt.value.from) return { enter: body.slice(0, i), yielded: stmt.value.value, exit: body.slice(i + 1) };
    const inner = stmt.k === 'block' ? splitAtYield(stmt.body) : undefined;
    if (inner) {
      return {
        enter: [...body.slice(0, i), { k: 'block', body: inner.enter, line: stmt.line }],
        yielded: inner.yielded,
        exit: [{ k: 'block', body: inner.exit, line: stmt.line }, ...body.slice(i + 1)],
      };
    }
  }
  return undefined;
}

const declaredGlobals = new WeakMap<FunctionDef, Set<string>>();

/** The names a function's `global` statements declare (read once per function: helpers run many times). */
function globalsOf(def: FunctionDef): Set<string> {
  let names = declaredGlobals.get(def);
  if (!names) declaredGlobals.set(def, (names = globalNames(def.body ?? [])));
  return names;
}

/** The `global` names in a body, wherever they stand in it (not in functions nested in it). */
function globalNames(body: Stmt[], out = new Set<string>()): Set<string> {
  for (const stmt of body) {
    if (stmt.k === 'global') for (const name of stmt.names) out.add(name);
    for (const inner of bodiesOf(stmt)) globalNames(inner, out);
  }
  return out;
}

/** `nonlocal count; count += 1`: the function's closing value of each nonlocal name goes to the function around it. */
function writeNonlocals(fn: FuncInfo, locals: Map<string, Value>): void {
  if (!fn.closure) return;
  for (const stmt of fn.def.body ?? []) {
    if (stmt.k !== 'nonlocal') continue;
    for (const name of stmt.names) {
      const value = locals.get(name);
      if (value) fn.closure.set(name, value);
    }
  }
}

export function callLambda(ctx: Ctx, lambda: Extract<Expr, { k: 'lambda' }>, a: Arguments, env: Env, defaults?: ReadonlyMap<string, Value>): Value {
  const fnEnv: Env = { module: env.module, locals: new Map(), parent: env, depth: env.depth + 1 };
  const bound = bindParams(ctx, lambda.params, a, fnEnv, undefined, defaults);
  return bound ?? evalExpr(ctx, lambda.body, fnEnv);
}

/** The defaults of a lambda, or of a function made inside a function, evaluated where it is made. */
export function paramDefaults(ctx: Ctx, params: Param[], env: Env): ReadonlyMap<string, Value> | undefined {
  if (!params.some((p) => p.default)) return undefined;
  return new Map(params.flatMap((p) => (p.default ? [[p.name, evalExpr(ctx, p.default, env)] as const] : [])));
}

/** A module-level function's default, evaluated once in its module: a mutable one is shared by every call. */
function moduleDefault(ctx: Ctx, p: Param, env: Env): Value {
  const made = ctx.project.defaults.get(p);
  if (made) return made;
  const value = evalExpr(ctx, p.default!, { module: env.module, depth: env.depth });
  ctx.project.defaults.set(p, value);
  return value;
}

/** Parameters to locals; a default not evaluated where the function was made is evaluated in its module. */
function bindParams(ctx: Ctx, params: Param[], a: Arguments, env: Env, self: Value | undefined, defaults?: ReadonlyMap<string, Value>): Unknown | undefined {
  const locals = env.locals!;
  const positional = self ? [self, ...a.args] : [...a.args];
  const used = new Set<string>();
  for (const p of params) {
    if (p.star === 1) {
      locals.set(p.name, { t: 'seq', kind: 'tuple', items: positional.splice(0) });
    } else if (p.star === 2) {
      const rest = [...a.kwargs].filter(([k]) => !used.has(k));
      locals.set(p.name, { t: 'dict', entries: rest.map(([k, v]) => [{ t: 'str', v: k }, v]) });
    } else if (positional.length > 0) {
      locals.set(p.name, positional.shift()!);
    } else if (a.kwargs.has(p.name)) {
      locals.set(p.name, a.kwargs.get(p.name)!);
      used.add(p.name);
    } else if (p.default) {
      locals.set(p.name, defaults?.get(p.name) ?? moduleDefault(ctx, p, env));
    } else {
      return unknown(`argument ${p.name} missing`, env.module.file, 0);
    }
  }
  return undefined;
}

function execBlock(ctx: Ctx, body: Stmt[], env: Env): Outcome {
  for (const stmt of body) {
    const out = execStmt(ctx, stmt, env);
    if (out.done || out.jump) return out;
  }
  return { done: false };
}

function abort(reason: string, env: Env, line: number): Outcome {
  return { done: true, value: unknown(reason, env.module.file, line) };
}

function execStmt(ctx: Ctx, stmt: Stmt, env: Env): Outcome {
  const locals = env.locals!;
  switch (stmt.k) {
    case 'return': {
      const value: Value = stmt.value ? evalExpr(ctx, stmt.value, env) : { t: 'none' };
      return { done: true, value: raisedIn(value) ?? value };
    }
    case 'assign': {
      const value = evalExpr(ctx, stmt.value, env);
      const raised = raisedIn(value);
      if (raised) return { done: true, value: raised };
      // a class `type(...)` could not make (its namespace not known) would be a model: the helper stops there
      if (value.t === 'unknown' && stmt.value.k === 'call' && makesClass(stmt.value)) return abort(value.reason, env, stmt.line);
      env.effects?.(value, env.module.file, stmt.line);
      for (const target of stmt.targets) {
        const mismatch = unpackMismatch(target, value);
        if (mismatch) return { done: true, value: raising(builtinException('ValueError'), mismatch, env.module.file, stmt.line) };
        const failed = store(ctx, target, value, env);
        if (failed) return abort(failed, env, stmt.line);
      }
      return { done: false };
    }
    case 'ann': {
      const value = stmt.value ? evalExpr(ctx, stmt.value, env) : undefined;
      const raised = value && raisedIn(value);
      if (raised) return { done: true, value: raised };
      const failed = value ? store(ctx, stmt.target, value, env) : undefined;
      return failed ? abort(failed, env, stmt.line) : { done: false };
    }
    case 'aug': {
      const value = operateInPlace(ctx, stmt.op.slice(0, -1), evalExpr(ctx, stmt.target, env), evalExpr(ctx, stmt.value, env), env, stmt.line);
      const raised = raisedIn(value);
      if (raised) return { done: true, value: raised };
      // `layout["journal"]["code_len"] *= 2`: the item or attribute is stored as an assignment stores it
      if (stmt.target.k !== 'name') {
        const failed = store(ctx, stmt.target, value, env);
        return failed ? abort(failed, env, stmt.line) : { done: false };
      }
      if (env.globals?.has(stmt.target.id)) setGlobal(ctx, env.module, stmt.target.id, value);
      else locals.set(stmt.target.id, value);
      return { done: false };
    }
    case 'expr':
      return execExpression(ctx, stmt.value, env);
    case 'if': {
      const value = evalExpr(ctx, stmt.test, env);
      const raised = raisedIn(value);
      if (raised) return { done: true, value: raised };
      const test = isTruthy(value);
      if (test === undefined) return abort(undecidable(value), env, stmt.line);
      return execBlock(ctx, test ? stmt.body : stmt.orelse, env);
    }
    case 'for':
      return execFor(ctx, stmt, env);
    case 'while':
      return execWhile(ctx, stmt, env);
    case 'break':
    case 'continue':
      return { done: false, jump: stmt.k };
    case 'block': {
      const handlers = tryOf(stmt)?.handlers;
      if (stmt.managers && stmt.managers.length > 0 && !handlers) return execWith(ctx, stmt.body, stmt.managers, env, stmt.line);
      return handlers ? execTry(ctx, stmt.body, handlers, env) : execBlock(ctx, stmt.body, env);
    }
    case 'raise':
      return execRaise(ctx, stmt, env);
    case 'assert': {
      // a check, not a computation: one that cannot be decided is taken to hold, as it does when the code runs
      const value = evalExpr(ctx, stmt.test, env);
      const raised = raisedIn(value);
      if (raised) return { done: true, value: raised };
      return isTruthy(value) === false ? { done: true, value: raising(builtinException('AssertionError'), 'assert failed', env.module.file, stmt.line) } : { done: false };
    }
    case 'match': {
      const chosen = chooseCase(ctx, stmt.cases, evalExpr(ctx, stmt.subject, env), env);
      if (chosen === null) return { done: false };
      if ('t' in chosen) return { done: true, value: chosen };
      for (const [name, value] of chosen.bound) locals.set(name, value);
      return execBlock(ctx, chosen.chosen.body, env);
    }
    case 'def':
      // the function's own locals, not a copy: a nested function reads what they hold when it runs, and its
      // `nonlocal` names are written back to them
      const defaults = paramDefaults(ctx, stmt.params, env);
      locals.set(stmt.name, decorated(ctx, stmt.decorators, { t: 'func', fn: { module: env.module, def: stmt, closure: locals, ...(defaults ? { defaults } : {}) } }, env, stmt.line));
      return { done: false };
    case 'nonlocal':
    case 'global':
      return { done: false };
    case 'class': {
      // a class built per call (a history model factory): its body sees the function's locals
      const id = `${env.module.name}:${stmt.name}#${++classSerial}`;
      locals.set(stmt.name, { t: 'class', cls: { id, name: stmt.name, module: env.module, def: stmt, closure: new Map(locals) } });
      return { done: false };
    }
    case 'import':
      for (const n of stmt.names) {
        const bound = n.alias ?? n.name.split('.')[0]!;
        locals.set(bound, moduleValue(ctx, n.alias ? n.name : bound, env.module.file, stmt.line));
      }
      return { done: false };
    case 'from': {
      const mod = resolveRelative(env.module.name, env.module.isPackage, stmt.module, stmt.level);
      if (!mod || stmt.names === '*') return abort('import inside a function', env, stmt.line);
      for (const n of stmt.names) locals.set(n.alias ?? n.name, importName(ctx, mod, n.name, env.module.file, stmt.line));
      return { done: false };
    }
    case 'del':
      for (const target of stmt.targets) {
        if (target.k === 'name') locals.delete(target.id);
        else if (target.k !== 'sub') return abort('del of an attribute', env, stmt.line);
        else {
          const failed = deleteItem(evalExpr(ctx, target.obj, env), evalExpr(ctx, target.index, env));
          if (failed) return abort(failed, env, stmt.line);
        }
      }
      return { done: false };
    default:
      return abort('statement not supported statically', env, stmt.line);
  }
}

export function assignTarget(ctx: Ctx, target: Expr, value: Value, locals: Map<string, Value>): void {
  if (target.k === 'name') locals.set(target.id, value);
  else if (target.k === 'tuple' || target.k === 'list') {
    for (const [item, v] of unpack(ctx, target.items, value, target.line)) assignTarget(ctx, item, v, locals);
  }
}

/**
 * What each item of an unpacking target receives, as Python unpacks: `a, *rest, b = seq` gives `rest` the list of
 * the middle items. Of a value not known, each item is unknown for the same reason (never left unbound).
 */
function unpack(ctx: Ctx, items: Expr[], value: Value, line: number): Array<[Expr, Value]> {
  const targetOf = (item: Expr): Expr => (item.k === 'star' ? item.value : item);
  // a tuple, and anything Python iterates the same way (a string, a dict's keys, a named tuple's fields)
  const values = value.t === 'seq' ? value.items : iterate(ctx, value);
  if (!values) {
    const unpacked = value.t === 'unknown' ? value : unknown('cannot unpack this value statically', '', line);
    return items.map((item) => [targetOf(item), unpacked]);
  }
  const star = items.findIndex((item) => item.k === 'star');
  const at = (i: number): Value => values[i] ?? { t: 'none' };
  if (star === -1) return items.map((item, i) => [item, at(i)]);
  const after = items.length - star - 1;
  const rest: Value = { t: 'seq', kind: 'list', items: values.slice(star, values.length - after) };
  return items.map((item, i) => [targetOf(item), i < star ? at(i) : i === star ? rest : at(values.length - (items.length - i))]);
}

/**
 * ValueError's message when a tuple or string cannot be unpacked into the target (`schema, table = name.split(".")`
 * of a name without a dot), as Python words it; undefined when it can, or when the value is not a sequence known.
 */
function unpackMismatch(target: Expr, value: Value): string | undefined {
  if (target.k !== 'tuple' && target.k !== 'list') return undefined;
  const values = value.t === 'seq' ? value.items : value.t === 'str' ? [...value.v].map((v): Value => ({ t: 'str', v })) : undefined;
  if (!values) return undefined;
  const star = target.items.findIndex((item) => item.k === 'star');
  const needed = star === -1 ? target.items.length : target.items.length - 1;
  if (values.length < needed) return `not enough values to unpack (expected ${star === -1 ? '' : 'at least '}${needed}, got ${values.length})`;
  if (star === -1 && values.length > needed) return `too many values to unpack (expected ${needed})`;
  for (const [i, item] of target.items.entries()) {
    if (i === star) continue;
    const nested = unpackMismatch(item, values[star === -1 || i < star ? i : values.length - (target.items.length - i)]!);
    if (nested) return nested;
  }
  return undefined;
}

/** One assignment target; the reason when its effect cannot be followed statically. */
function store(ctx: Ctx, target: Expr, value: Value, env: Env): string | undefined {
  if (target.k === 'sub') return assignItem(ctx, target, value, env);
  else if (target.k === 'attr') return assignAttr(ctx, target, value, env);
  else if (target.k === 'name' && env.globals?.has(target.id)) setGlobal(ctx, env.module, target.id, value);
  else if ((target.k === 'tuple' || target.k === 'list') && target.items.some((item) => item.k !== 'name' || env.globals?.has(item.id))) {
    // `self.precision, self.scale = precision, scale`: each item is stored as its own target would be
    for (const [item, v] of unpack(ctx, target.items, value, target.line)) {
      const why = store(ctx, item, v, env);
      if (why) return why;
    }
  } else assignTarget(ctx, target, value, env.locals!);
  return undefined;
}

/** Column attributes that stand for a constructor keyword of the same name. */
const COLUMN_SETTABLE = new Set(['name', 'primary_key', 'nullable', 'unique', 'index', 'comment', 'autoincrement']);
/** Defaults a Column attribute set to None removes, as the keyword not given would. */
const CLEARABLE_DEFAULTS = new Set(['default', 'server_default', 'onupdate', 'server_onupdate']);

/**
 * `c.primary_key = True` on a Column not yet in a table (in a helper or at module level): what its constructor
 * keyword would have set; false for any other object or attribute.
 */
export function setColumnAttribute(obj: Value, name: string, value: Value): boolean {
  // `col.default = col.server_default = None` (the versioned-history recipe's copies): as if never given
  const isClearedDefault = CLEARABLE_DEFAULTS.has(name) && value.t === 'none';
  if (obj.t !== 'call' || !(COLUMN_SETTABLE.has(name) || isClearedDefault) || saSymbol(obj.callee) !== 'Column') return false;
  // Column.__init__ decided nullable from the primary_key it was given: a key set later leaves that as it was
  if (name === 'primary_key' && !obj.kwargs.has('nullable')) {
    const given = obj.kwargs.get('primary_key');
    const wasKey = given ? isTruthy(given) : false;
    obj.kwargs = new Map(obj.kwargs).set('nullable', wasKey === undefined ? unknown('nullable of a column whose primary_key is not known statically', obj.file, obj.line) : { t: 'bool', v: !wasKey });
  }
  // a name given first (`Column("old", ...)`) is replaced where it stands
  if (name === 'name' && obj.args[0]?.t === 'str') obj.args[0] = value;
  else obj.kwargs = new Map(obj.kwargs).set(name, value);
  return true;
}

/**
 * `self.native = native` in a constructor run statically: the instance of an in-repo class keeps it (a
 * TypeDecorator's load_dialect_impl reads it back). On any other object the effect is not modelled, so the
 * helper stops rather than go on with a value that may have changed.
 */
function assignAttr(ctx: Ctx, target: Extract<Expr, { k: 'attr' }>, value: Value, env: Env): string | undefined {
  const obj = evalExpr(ctx, target.obj, env);
  // (and a record: an enum member its `__init__` runs on, a SimpleNamespace)
  if (obj.t === 'call' && setObjectAttribute(ctx, obj, target.name, value)) return undefined;
  if (setColumnAttribute(obj, target.name, value)) return undefined;
  if (namesColumnAsItIs(ctx, obj, target.name, value)) return undefined;
  if (obj.t === 'class' && !obj.cls.inCreation && isPlainFactoryClass(ctx, obj.cls)) {
    setOnFactoryClass(obj.cls, target.name, value);
    return undefined;
  }
  if (obj.t === 'class') (obj.cls.assigned ??= new Map()).set(target.name, value);
  // `History.__name__ = ...` on a class a factory built: its table exists already; only a new column would change it
  if (obj.t === 'class' && (obj.cls.inCreation || !addsColumn(value))) return undefined;
  // at import time, declarative's __setattr__ adds the column, and `base.metadata.naming_convention = {...}`
  // configures that MetaData: reported as the setattr(...) each amounts to
  const isTable = (obj.t === 'clsattr' && obj.name === '__table__') || isTableCall(obj);
  const configuresMeta = (target.name === 'naming_convention' || target.name === 'schema') && !isTable;
  if ((obj.t === 'class' || configuresMeta) && env.effects) {
    const args = [obj, { t: 'str', v: target.name } as Value, value];
    env.effects(makeCall({ t: 'ext', name: 'builtins.setattr' }, { args, kwargs: new Map() }, env.module.file, target), env.module.file, target.line);
    return undefined;
  }
  // `is_admin.fget.__name__ = "is_admin"` (a helper making a property): the accessor's name, which no column reads
  if (isPropertyAccessor(obj) && FUNCTION_NAMES.has(target.name)) return undefined;
  // `result.metadata.dependencies = []`, `metadata.bind = engine`: an attribute of a MetaData no table is built from
  if (isMetaData(obj) && !META_SCHEMA_ATTRS.has(target.name)) return undefined;
  // celery's `cls.__table__.name = name`: the table SQLAlchemy made is renamed, which is not followed
  if (isTable) return `a change to table ${valueText(obj)} (${target.name} =) is not followed statically`;
  return `assignment to attribute ${target.name} of ${obj.t === 'unknown' ? 'a value not known statically' : valueText(obj)}`;
}

const FUNCTION_NAMES = new Set(['__name__', '__qualname__', '__doc__']);

/**
 * `pk.name = "id"` on a class's Column read back as `cls.id` (sqlalchemy_mptt names the key column it refers to
 * before mapping would): the name declarative gives it anyway, its attribute name or the one it has, now read back.
 */
function namesColumnAsItIs(ctx: Ctx, obj: Value, name: string, value: Value): boolean {
  if (obj.t !== 'clsattr' || name !== 'name' || value.t !== 'str') return false;
  const column = columnBehind(ctx, obj.cls, obj.name);
  if (!column || saSymbol(column.callee) !== 'Column') return false;
  const first = column.args[0];
  const given = first?.t === 'str' ? first : column.kwargs.get('name');
  if (given) return given.t === 'str' && given.v === value.v;
  return value.v === obj.name && setColumnAttribute(column, name, value);
}

/** A property's getter, setter or deleter read off it (`prop.fget`). */
function isPropertyAccessor(v: Value): boolean {
  return v.t === 'attr' && (v.name === 'fget' || v.name === 'fset' || v.name === 'fdel');
}

/** The attributes of a MetaData that the tables made on it read. */
const META_SCHEMA_ATTRS = new Set(['naming_convention', 'schema', 'tables', 'sorted_tables', '_schemas']);

/** A MetaData object: made by `MetaData(...)`, or a base's or registry's `.metadata`. */
function isMetaData(v: Value): boolean {
  return (v.t === 'call' && saSymbol(v.callee) === 'MetaData') || ((v.t === 'attr' || v.t === 'clsattr') && v.name === 'metadata');
}

/** Declarative's __setattr__ adds a Column (also inside column_property) set on a mapped class to its table. */
function addsColumn(v: Value): boolean {
  if (v.t !== 'call') return false;
  const sym = saSymbol(v.callee);
  return sym === 'Column' || sym === 'mapped_column' || (sym === 'column_property' && v.args.some(addsColumn));
}

/** `d[k] = v` on a local dict or list. */
function assignItem(ctx: Ctx, target: Extract<Expr, { k: 'sub' }>, value: Value, env: Env): string | undefined {
  const obj = evalExpr(ctx, target.obj, env);
  const key = evalExpr(ctx, target.index, env);
  // an entry under a key not known: what the helper reads of the dict next is not known either
  if ((obj.t === 'dict' || obj.t === 'seq') && key.t === 'unknown') return messages.unknownKey(key.reason);
  if (obj.t === 'dict') setItem(obj, key, value);
  else if (obj.t === 'seq') return setSeqItem(ctx, obj, key, value);
  return undefined;
}

/** Expression statements matter for their effect on lists and dicts (`parts.append(x)`, `kw.setdefault(...)`). */
function execExpression(ctx: Ctx, expr: Expr, env: Env): Outcome {
  const effects = env.effects;
  const mutation = applyMutation(ctx, expr, env, effects && ((a) => [...a.args, ...a.kwargs.values()].forEach((v) => effects(v, env.module.file, expr.line))));
  if (mutation === 'done') return { done: false };
  if (mutation !== 'no') return abort(mutation, env, expr.line);
  const value = evalExpr(ctx, expr, env);
  const raised = raisedIn(value);
  if (raised) return { done: true, value: raised };
  // `yield from gen()` whose items are not known: the generator's items would silently lack them
  if (expr.k === 'yield' && value.t === 'unknown') return { done: true, value };
  // a call made for its effect whose effect was not followed (`self.task_cls.configure(...)` renaming a table): what
  // the helper goes on with may have changed
  if (value.t === 'unknown' && TABLE_CHANGE_NOT_FOLLOWED.test(value.reason)) return abort(value.reason, env, expr.line);
  env.effects?.(value, env.module.file, expr.line);
  return { done: false };
}

/**
 * The exception a statement's value says Python raised evaluating it: an argument or item that raised means the
 * whole expression did (the evaluator keeps going where Python would have stopped). Lambdas are not looked into.
 */
export function raisedIn(v: Value, depth = 0): Unknown | undefined {
  if (v.t === 'unknown') return v.raises ? v : undefined;
  if (depth >= 4) return undefined;
  // no arrays built: this runs for every statement a helper runs
  if (v.t === 'call') return firstRaised(v.args, depth) ?? firstRaised(v.kwargs.values(), depth);
  if (v.t === 'seq') return firstRaised(v.items, depth);
  if (v.t === 'dict') {
    for (const [key, item] of v.entries) {
      const raised = raisedIn(key, depth + 1) ?? raisedIn(item, depth + 1);
      if (raised) return raised;
    }
  }
  return undefined;
}

function firstRaised(values: Iterable<Value>, depth: number): Unknown | undefined {
  for (const item of values) {
    const raised = raisedIn(item, depth + 1);
    if (raised) return raised;
  }
  return undefined;
}

/** `raise X(...)`: the class raised; a bare `raise` (re-raising what a handler caught) is not followed. */
function execRaise(ctx: Ctx, stmt: Extract<Stmt, { k: 'raise' }>, env: Env): Outcome {
  if (!stmt.exc) {
    // in an except clause, the exception it caught goes on up
    if (env.handling) return { done: true, value: raising(env.handling, `re-raises ${valueText(env.handling)}`, env.module.file, stmt.line) };
    return abort('a bare raise outside an except clause', env, stmt.line);
  }
  const exc = raisedClass(evalExpr(ctx, stmt.exc, env));
  if (!exc) return abort('an exception not known statically', env, stmt.line);
  return { done: true, value: raising(exc, `raises ${valueText(exc)}`, env.module.file, stmt.line) };
}

/** The class `raise v` raises: `v` itself, or the class `v` is an instance of; undefined when not known. */
export function raisedClass(v: Value): Value | undefined {
  const exc = v.t === 'call' ? v.callee : v;
  return exc.t === 'class' || exc.t === 'ext' ? exc : undefined;
}

/**
 * `try`: the block; an exception it raised goes to the first `except` clause that catches it (a clause whose
 * classes are not known ends the helper as unknown); without one, the `else:` block; then `finally:`.
 */
function execTry(ctx: Ctx, body: Stmt[], handlers: TryHandlers, env: Env): Outcome {
  let out = execBlock(ctx, body.slice(0, handlers.tryEnd), env);
  const raised = out.done && out.value.t === 'unknown' ? out.value.raises : undefined;
  if (raised) {
    for (const clause of handlers.clauses) {
      const caught = clause.types === null || catches(ctx, evalExpr(ctx, clause.types, env), raised);
      if (caught === undefined) return abort('an except clause whose classes are not known statically', env, clause.line);
      if (!caught) continue;
      if (clause.name) env.locals!.set(clause.name, { t: 'call', callee: raised, args: [], kwargs: new Map(), file: env.module.file, line: clause.line, expr: { k: 'name', id: clause.name, line: clause.line } });
      out = execBlock(ctx, clause.body, { ...env, handling: raised });
      break;
    }
  } else if (!out.done && !out.jump) {
    out = execBlock(ctx, body.slice(handlers.tryEnd, handlers.finallyStart), env);
  }
  const final = execBlock(ctx, body.slice(handlers.finallyStart), env);
  return final.done || final.jump ? final : out;
}

/** Builtin exception classes and the builtin classes that catch them besides themselves and `Exception`. */
const CAUGHT_BY: ReadonlyMap<string, readonly string[]> = new Map([
  ['KeyError', ['LookupError']],
  ['IndexError', ['LookupError']],
  ['ModuleNotFoundError', ['ImportError']],
  ['ZeroDivisionError', ['ArithmeticError']],
  ['UnicodeDecodeError', ['UnicodeError', 'ValueError']],
]);

/** Whether an `except` clause's class (or tuple of classes) catches the class raised; undefined when not known. */
export function catches(ctx: Ctx, handler: Value, raised: Value): boolean | undefined {
  if (handler.t === 'seq') {
    const each = handler.items.map((h) => catches(ctx, h, raised));
    return each.includes(true) ? true : each.includes(undefined) ? undefined : false;
  }
  const name = (v: Value): string | undefined => (v.t === 'ext' && v.name.startsWith('builtins.') ? v.name.slice('builtins.'.length) : undefined);
  const caughtBy = name(handler);
  if (caughtBy === 'BaseException' || caughtBy === 'Exception') return true;
  if (raised.t === 'ext') {
    const own = name(raised);
    if (own === undefined || caughtBy === undefined) return handler.t === 'class' ? false : undefined;
    return own === caughtBy || (CAUGHT_BY.get(own) ?? []).includes(caughtBy);
  }
  if (raised.t !== 'class') return undefined;
  // a project exception class: its MRO, up to the builtin class it derives from
  for (const e of mroOf(ctx, raised.cls)) {
    if (e.k === 'class' ? handler.t === 'class' && handler.cls === e.cls : catches(ctx, handler, e.value) === true) return true;
  }
  return handler.t === 'class' || caughtBy !== undefined ? false : undefined;
}

function execFor(ctx: Ctx, stmt: Extract<Stmt, { k: 'for' }>, env: Env): Outcome {
  const iterable = evalExpr(ctx, stmt.iter, env);
  const items = iterate(ctx, iterable);
  if (!items || items.length > MAX_LOOP) return abort('loop over a value not known statically', env, stmt.line);
  for (const item of loopItems(iterable, items)) {
    assignTarget(ctx, stmt.target, item, env.locals!);
    const out = execBlock(ctx, stmt.body, env);
    if (out.done) return out;
    if (out.jump === 'break') return { done: false };
  }
  return stmt.orelse ? execBlock(ctx, stmt.orelse, env) : { done: false };
}

function execWhile(ctx: Ctx, stmt: Extract<Stmt, { k: 'while' }>, env: Env): Outcome {
  for (let turn = 0; ; turn++) {
    const value = evalExpr(ctx, stmt.test, env);
    const test = isTruthy(value);
    if (test === undefined) return abort(undecidable(value), env, stmt.line);
    if (!test) break;
    if (turn >= MAX_LOOP) return abort(`a while loop that runs more than ${MAX_LOOP} times`, env, stmt.line);
    const out = execBlock(ctx, stmt.body, env);
    if (out.done) return out;
    if (out.jump === 'break') return { done: false };
  }
  return stmt.orelse ? execBlock(ctx, stmt.orelse, env) : { done: false };
}

export function evalComprehension(ctx: Ctx, expr: Extract<Expr, { k: 'comp' }>, env: Env): Value {
  const inner: Env = { module: env.module, locals: new Map(), parent: env, depth: env.depth, ...(env.cls ? { cls: env.cls } : {}), ...(env.effects ? { effects: env.effects } : {}) };
  const clauses: CompClause[] = [expr, ...(expr.more ?? [])];
  const out: Value[] = [];
  const dict: Extract<Value, { t: 'dict' }> = { t: 'dict', entries: [] };
  let turns = 0;
  // each clause loops inside the one before it; the first iterable is read where the comprehension stands
  const run = (at: number): Unknown | undefined => {
    const clause = clauses[at];
    if (!clause) {
      // a key made again keeps its first place and takes the later value
      if (expr.kind === 'dict') setItem(dict, evalExpr(ctx, expr.elt, inner), evalExpr(ctx, expr.value!, inner));
      else out.push(evalExpr(ctx, expr.elt, inner));
      return undefined;
    }
    const iter = evalExpr(ctx, clause.iter, at === 0 ? env : inner);
    const items = iterate(ctx, iter);
    // an unknown iterable keeps its own reason (`dir()` of a module a star import fills)
    if (!items) return iter.t === 'unknown' ? iter : unknown('comprehension over a value not known statically', env.module.file, expr.line);
    turns += items.length;
    if (turns > MAX_LOOP) return unknown(`comprehension over more than ${MAX_LOOP} items`, env.module.file, expr.line);
    for (const item of items) {
      assignTarget(ctx, clause.target, item, inner.locals!);
      const tests = clause.ifs.map((test) => isTruthy(evalExpr(ctx, test, inner)));
      if (tests.includes(undefined)) return unknown('comprehension condition not decidable statically', env.module.file, expr.line);
      if (tests.includes(false)) continue;
      const failed = run(at + 1);
      if (failed) return failed;
    }
    return undefined;
  };
  const failed = run(0);
  if (failed) return failed;
  if (expr.kind === 'dict') return dict;
  if (expr.kind === 'gen') return iteratorOf(out);
  return expr.kind === 'set' ? setOf(out) : { t: 'seq', kind: 'list', items: out };
}
