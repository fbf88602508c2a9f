// The static evaluator: expressions of model files to values, without running any Python.
import type { Arg, Expr } from '../python/summary.js';
import { bindDynamicGlobal, superCallOf, type Ctx, type Env } from './context.js';
import { attributeOf, callBound, specialMethod } from './evaluate-attr.js';
import { mappingContent, spreadMapping } from './mapping-instances.js';
import { callValue, columnsByKey } from './evaluate-call.js';
import { binaryOp, compareOp, formatEmpty, sameKey, unaryOp } from './evaluate-ops.js';
import { convertText, formatSpec } from './evaluate-format.js';
import { callFunction, evalComprehension, paramDefaults } from './evaluate-func.js';
import { lookupName } from './resolve.js';
import { pyName } from './sa-names.js';
import { sqlOperation } from './sql-expr.js';
import { valueText } from './value-text.js';
import { builtinException, intValue, isTruthy, NO_KEYWORDS, num, raising, undecidable, unknown, type Arguments, type CallValue, type Value } from './values.js';
import { namedTupleItems } from './record-classes.js';
import { setItem } from './evaluate-mutate.js';
import { iterate, setOf } from './evaluate-builtins.js';
import { bytesObject, bytesOf } from './evaluate-bytes.js';
import { callMatchMethod, matchFields } from './evaluate-methods.js';
import { compare, instanceText, isInstance, operate, unary } from './operator-methods.js';
import { substituteTypeVars } from './type-vars.js';

export function evalExpr(ctx: Ctx, expr: Expr, env: Env): Value {
  if (--ctx.budget.steps < 0) return unknown('too complex to evaluate statically', env.module.file, expr.line);
  switch (expr.k) {
    case 'name':
      return lookupName(ctx, expr.id, env, expr.line);
    case 'attr':
      return attributeOf(ctx, evalExpr(ctx, expr.obj, env), expr.name, env, expr.line);
    case 'call':
      if (expr.fn.k === 'attr' && expr.fn.name === '__init__') return callInit(ctx, expr, expr.fn, env);
      return callValue(ctx, evalExpr(ctx, expr.fn, env), evalArgs(ctx, expr.args, env), env, expr);
    case 'str':
      return { t: 'str', v: expr.v };
    case 'num':
      return num(expr.v, expr.float);
    case 'const':
      return expr.v === null ? { t: 'none' } : { t: 'bool', v: expr.v };
    case 'fstr':
      return evalFString(ctx, expr, env);
    case 'fmt':
      return evalField(ctx, expr, env);
    case 'tuple':
    case 'list':
      return { t: 'seq', kind: expr.k, items: evalItems(ctx, expr.items, env) };
    case 'set':
      return setOf(evalItems(ctx, expr.items, env));
    case 'dict':
      return evalDict(ctx, expr, env);
    case 'sub':
      return subscriptOf(ctx, evalExpr(ctx, expr.obj, env), evalExpr(ctx, expr.index, env), env, expr.line);
    case 'bin': {
      const left = evalExpr(ctx, expr.left, env);
      const right = evalExpr(ctx, expr.right, env);
      if (isInstance(left) || isInstance(right)) return operate(ctx, expr.op, left, right, env, expr.line);
      return sqlOperation(expr.op, [left, right], env.module.file, expr) ?? binaryOp(expr.op, left, right, env.module.file, expr.line);
    }
    case 'unary': {
      const arg = evalExpr(ctx, expr.arg, env);
      if (isInstance(arg) && expr.op !== 'not') return unary(ctx, expr.op, arg, env, expr.line);
      return (expr.op === 'not' ? undefined : sqlOperation(expr.op, [arg], env.module.file, expr)) ?? unaryOp(expr.op, arg, env.module.file, expr.line);
    }
    case 'bool':
      return evalBool(ctx, expr, env);
    case 'cmp':
      return evalCompare(ctx, expr, env);
    case 'cond': {
      const value = evalExpr(ctx, expr.test, env);
      const test = isTruthy(value);
      if (test === undefined) return unknown(undecidable(value), env.module.file, expr.line);
      return evalExpr(ctx, test ? expr.body : expr.orelse, env);
    }
    case 'lambda': {
      // defaults are evaluated as the lambda is made (`[lambda w=w: String(w) for w in WIDTHS]`)
      const defaults = paramDefaults(ctx, expr.params, env);
      return defaults ? { t: 'code', expr, env, defaults } : { t: 'code', expr, env };
    }
    case 'comp':
      return evalComprehension(ctx, expr, env);
    case 'star':
      return evalExpr(ctx, expr.value, env);
    case 'walrus':
      return assignNamed(ctx, expr, env);
    case 'yield':
      return yieldValue(ctx, expr, env);
    case 'slice': {
      const part = (e: Expr | null): Value => (e ? evalExpr(ctx, e, env) : { t: 'none' });
      return { t: 'seq', kind: 'tuple', items: [part(expr.lower), part(expr.upper), part(expr.step)], slice: true };
    }
    case 'bytes':
      return bytesObject(expr.v, env.module.file, expr.line);
    case 'ellipsis':
      return { t: 'ext', name: 'builtins.Ellipsis' };
    case 'other':
      // an integer literal a double would round (number-literal.ts keeps it as its text), held exactly
      if (expr.type === 'number' && /^(0x[\da-f_]+|0o[0-7_]+|0b[01_]+|\d[\d_]*)$/i.test(expr.text)) return intValue(BigInt(expr.text.replace(/_/g, '')));
      return unknown(`unsupported expression (${expr.type})`, env.module.file, expr.line);
  }
}

/**
 * `(name := value)` binds the name where the code runs: a function's (or comprehension's) locals, or at module
 * level the module's names, as `globals()[name] = ...` does. In a class body the name is not followed.
 */
function assignNamed(ctx: Ctx, expr: Extract<Expr, { k: 'walrus' }>, env: Env): Value {
  const value = evalExpr(ctx, expr.value, env);
  if (env.locals) env.locals.set(expr.name, value);
  else if (!env.cls) bindDynamicGlobal(ctx.project, env.module, expr.name, value);
  return value;
}

/**
 * `X.__init__(...)`. In a constructor run in a method chain, `Parent.__init__(self, ...)` (the spelling before
 * super()) runs the chain's next link when it names the class super() would reach.
 */
function callInit(ctx: Ctx, call: Extract<Expr, { k: 'call' }>, fn: Extract<Expr, { k: 'attr' }>, env: Env): Value {
  const target = evalExpr(ctx, fn.obj, env);
  const a = evalArgs(ctx, call.args, env);
  const chain = superCallOf(env);
  if (chain && a.args[0] === chain.self && chain.reaches(target)) {
    chain.next({ args: a.args.slice(1), kwargs: a.kwargs });
    return { t: 'none' };
  }
  return callValue(ctx, attributeOf(ctx, target, '__init__', env, fn.line), a, env, call);
}

/** `yield x` / `yield from xs` in a generator: the values join what it gives; the expression itself is None. */
function yieldValue(ctx: Ctx, expr: Extract<Expr, { k: 'yield' }>, env: Env): Value {
  let yields: Value[] | undefined;
  for (let e: Env | undefined = env; e && !yields; e = e.parent) yields = e.yields;
  if (!yields) return unknown('yield outside a generator function', env.module.file, expr.line);
  const value = expr.value ? evalExpr(ctx, expr.value, env) : { t: 'none' as const };
  if (!expr.from) {
    yields.push(value);
    return { t: 'none' };
  }
  const items = iterate(ctx, value);
  if (!items) return value.t === 'unknown' ? value : unknown('yield from a value not known statically', env.module.file, expr.line);
  yields.push(...items);
  return { t: 'none' };
}

export function evalArgs(ctx: Ctx, args: Arg[], env: Env): Arguments {
  const positional: Value[] = [];
  // most calls pass no keyword: they share one empty map (a call's keywords are never changed in place)
  let kwargs: Map<string, Value> | undefined;
  for (const arg of args) {
    const value = evalExpr(ctx, arg.value, env);
    if (arg.star === 1) {
      // `*cols`, `*chain(a, b)`, `*row` of a named tuple: what iterating gives
      const items = iterate(ctx, value);
      if (items) positional.push(...items);
      else positional.push(value.t === 'unknown' ? value : unknown('*args not known statically', env.module.file, arg.value.line));
    } else if (arg.star === 2) {
      kwargs ??= new Map();
      const mapping = spreadMapping(ctx, value, env, arg.value.line);
      if (mapping) for (const [k, v] of mapping.entries) if (k.t === 'str') kwargs.set(k.v, v);
      if (!mapping) kwargs.set('**', value.t === 'unknown' ? value : unknown('**kwargs not known statically', env.module.file, arg.value.line));
    } else if (arg.name !== undefined) {
      (kwargs ??= new Map()).set(arg.name, value);
    } else {
      positional.push(value);
    }
  }
  return { args: positional, kwargs: kwargs ?? NO_KEYWORDS };
}

function evalItems(ctx: Ctx, items: Expr[], env: Env): Value[] {
  const out: Value[] = [];
  for (const item of items) {
    const value = evalExpr(ctx, item, env);
    const items = item.k === 'star' ? iterate(ctx, value) : undefined;
    if (items) out.push(...items);
    else out.push(value);
  }
  return out;
}

function evalDict(ctx: Ctx, expr: Extract<Expr, { k: 'dict' }>, env: Env): Value {
  const dict: Extract<Value, { t: 'dict' }> = { t: 'dict', entries: [] };
  for (const item of expr.items) {
    const value = evalExpr(ctx, item.value, env);
    if (item.key === null) {
      const mapping = spreadMapping(ctx, value, env, expr.line);
      if (!mapping) return unknown('**spread of an unknown mapping', env.module.file, expr.line);
      for (const [k, v] of mapping.entries) setItem(dict, k, v);
    } else {
      setItem(dict, evalExpr(ctx, item.key, env), value);
    }
  }
  return dict;
}


/** Python's slice semantics over a sequence of length n: the indices it selects. */
export function sliceIndices(n: number, bounds: Value[]): number[] | undefined {
  const [lo, hi, st] = bounds.map((b) => (b.t === 'num' ? b.v : b.t === 'none' ? undefined : NaN));
  if ([lo, hi, st].some((v) => Number.isNaN(v))) return undefined;
  const step = st ?? 1;
  if (step === 0) return undefined;
  const clamp = (v: number | undefined, dflt: number): number => {
    if (v === undefined) return dflt;
    const x = v < 0 ? v + n : v;
    return step > 0 ? Math.min(Math.max(x, 0), n) : Math.min(Math.max(x, -1), n - 1);
  };
  const start = clamp(lo, step > 0 ? 0 : n - 1);
  const stop = clamp(hi, step > 0 ? n : -1);
  const out: number[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) out.push(i);
  return out;
}

const isKeyValue = (v: Value): boolean => v.t === 'str' || v.t === 'num' || v.t === 'bool' || v.t === 'none';

export function subscriptOf(ctx: Ctx, obj: Value, index: Value, env: Env, line: number): Value {
  const binary = bytesOf(obj);
  if (index.t === 'seq' && index.slice && (obj.t === 'seq' || obj.t === 'str' || binary !== undefined)) {
    const picks = sliceIndices(obj.t === 'seq' ? obj.items.length : obj.t === 'str' ? obj.v.length : binary!.length, index.items);
    if (!picks) return unknown('slice bounds not known statically', env.module.file, line);
    if (obj.t === 'str') return { t: 'str', v: picks.map((i) => obj.v[i]).join('') };
    if (obj.t === 'seq') return { t: 'seq', kind: obj.kind, items: picks.map((i) => obj.items[i]!) };
    return bytesObject(picks.map((i) => binary![i]).join(''), env.module.file, line);
  }
  // one byte of a bytes object is an int
  if (binary !== undefined && index.t === 'num') {
    const byte = binary.at(index.v);
    return byte === undefined ? raising(builtinException('IndexError'), 'index out of range', env.module.file, line) : { t: 'num', v: byte.charCodeAt(0) };
  }
  if (obj.t === 'seq' && index.t === 'num') {
    const i = index.v < 0 ? obj.items.length + index.v : index.v;
    return obj.items[i] ?? unknown('index out of range', env.module.file, line);
  }
  if (obj.t === 'str' && index.t === 'num') {
    const char = obj.v.at(index.v);
    return char === undefined ? raising(builtinException('IndexError'), 'string index out of range', env.module.file, line) : { t: 'str', v: char };
  }
  if (obj.t === 'dict') {
    if (obj.collection && index.t === 'num') return obj.entries.at(index.v)?.[1] ?? unknown('index out of range', env.module.file, line);
    const hit = obj.entries.find(([k]) => sameKey(k, index));
    if (hit) return hit[1];
    // `defaultdict(list)[key]`: the factory's value, kept under the key
    if (obj.factory && index.t !== 'unknown') {
      const made = callValue(ctx, obj.factory, { args: [], kwargs: new Map() }, env, { k: 'name', id: 'default_factory', line });
      obj.entries.push([index, made]);
      return made;
    }
    // every key known: the lookup certainly fails, with the KeyError a `try` in the helper may catch
    const isCertain = isKeyValue(index) && obj.entries.every(([k]) => isKeyValue(k));
    return isCertain ? raising(builtinException('KeyError'), 'key not in mapping', env.module.file, line) : unknown('key not in mapping', env.module.file, line);
  }
  if (obj.t === 'tablecols' && index.t === 'str') return { t: 'tablecol', table: obj.table, name: index.v };
  // `cls.__table__.c["region"]`, as `cls.__table__.c.region` reads it
  if (obj.t === 'clsattr' && obj.name === '__table__.c' && index.t === 'str') return { ...obj, name: index.v };
  if (obj.t === 'attr' && obj.name === 'tables' && index.t === 'str') return { t: 'metatable', meta: obj.obj, name: index.v };
  // `SQLModel.metadata.tables["questions"]`: the one MetaData of every SQLModel table
  const sqlModelTables = obj.t === 'ext' ? /^(sqlmodel\.(?:main\.)?SQLModel\.metadata)\.tables$/.exec(obj.name) : null;
  if (sqlModelTables && index.t === 'str') return { t: 'metatable', meta: { t: 'ext', name: sqlModelTables[1]! }, name: index.v };
  if (obj.t === 'unknown') return obj;
  if (obj.t === 'ext' && obj.name === 'os.environ') return unknown('runtime configuration (os.environ)', env.module.file, line);
  // `sys.modules[__name__].__dict__["helper"]`: a module of the repository, and a name it binds
  if (obj.t === 'ext' && obj.name === 'sys.modules' && index.t === 'str') {
    const module = ctx.project.modules.get(index.v);
    return module ? { t: 'module', module } : unknown(`sys.modules[${JSON.stringify(index.v)}] is not a module of the repository`, env.module.file, line);
  }
  if (obj.t === 'attr' && obj.name === '__dict__' && obj.obj.t === 'module' && index.t === 'str') {
    return attributeOf(ctx, obj.obj, index.v, env, line);
  }
  const items = obj.t === 'call' ? namedTupleItems(ctx, obj) : undefined;
  if (items) return subscriptOf(ctx, { t: 'seq', kind: 'tuple', items }, index, env, line);
  // `m["name"]` of a match object is `m.group("name")`
  const match = matchFields(obj);
  if (match) return callMatchMethod(match, 'group', { args: [index], kwargs: new Map() }, env.module.file, line);
  // `Settings()["x"]` of a project class: its `__getitem__`, or the mapping a dict subclass holds
  const item = obj.t === 'call' ? instanceItem(ctx, obj, index, env, line) : undefined;
  if (item) return item;
  // an item of what a call returned (`tomllib.load(f)["db"]`) is data the evaluator does not hold
  if (obj.t === 'call') return unknown(`an item of ${valueText(obj)} is not known statically`, env.module.file, line);
  // `OwnedBy["patient", "CASCADE"]` on an in-repo class defining __class_getitem__ (a classmethod by default)
  const getitem = obj.t === 'class' ? attributeOf(ctx, obj, '__class_getitem__', env, line) : undefined;
  if (getitem?.t === 'func' && getitem.fn.def.body) return callFunction(ctx, { ...getitem.fn, bound: obj }, { args: [index], kwargs: new Map() }, env, line);
  // a generic alias such as Mapped[int] or Optional[str]
  const args = index.t === 'seq' && index.kind === 'tuple' ? index.items : [index];
  // `PrimaryKey[UUID]` of `PrimaryKey = Annotated[T, mapped_column(primary_key=True)]`
  const substituted = substituteTypeVars(obj, args);
  if (substituted) return substituted;
  // `Opt[str]` of `type Opt[T] = T | None`: its value read with T as str
  if (obj.t === 'alias' && obj.generic) {
    const { params, expr, env: defined } = obj.generic;
    const bound = params.map((p, i): [string, Value] => [p, args[i] ?? unknown(`type parameter ${p} of ${obj.name} not given`, env.module.file, line)]);
    const expanded = evalExpr(ctx, expr, { ...defined, locals: new Map([...(defined.locals ?? []), ...bound]) });
    return { t: 'generic', base: obj, args, expanded };
  }
  // typing flattens Annotated[Annotated[T, a], b] into Annotated[T, a, b]
  const first = args[0];
  if (pyName(obj) === 'typing.Annotated' && first?.t === 'generic' && pyName(first.base) === 'typing.Annotated') {
    return { t: 'generic', base: obj, args: [...first.args, ...args.slice(1)] };
  }
  return { t: 'generic', base: obj, args };
}

function instanceItem(ctx: Ctx, obj: CallValue, index: Value, env: Env, line: number): Value | undefined {
  const getitem = specialMethod(ctx, obj, '__getitem__');
  if (getitem) return callBound(ctx, getitem, obj, [index], line, env);
  const content = mappingContent(ctx, obj);
  return content && subscriptOf(ctx, content, index, env, line);
}

function evalFString(ctx: Ctx, expr: Extract<Expr, { k: 'fstr' }>, env: Env): Value {
  let out = '';
  for (const part of expr.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    let value = evalExpr(ctx, part, env);
    value = instanceText(ctx, value, 'format', env, expr.line) ?? value;
    if (value.t === 'unknown') return value;
    const text = formatEmpty(value);
    if (text === undefined) return unknown('f-string with a value not known statically', env.module.file, expr.line);
    out += text;
  }
  return { t: 'str', v: out };
}

/** `{value!conv:spec}` of an f-string: the text Python puts there. */
function evalField(ctx: Ctx, expr: Extract<Expr, { k: 'fmt' }>, env: Env): Value {
  const value = evalExpr(ctx, expr.value, env);
  const spec = expr.spec ? evalExpr(ctx, expr.spec, env) : { t: 'str' as const, v: '' };
  if (value.t === 'unknown') return value;
  const converted = expr.conv ? convertText(value, expr.conv) : undefined;
  const subject: Value | undefined = expr.conv ? (converted === undefined ? undefined : { t: 'str', v: converted }) : value;
  const text = subject && spec.t === 'str' ? formatSpec(subject, spec.v) : undefined;
  return text === undefined ? unknown('f-string field format not supported statically', env.module.file, expr.line) : { t: 'str', v: text };
}

function evalBool(ctx: Ctx, expr: Extract<Expr, { k: 'bool' }>, env: Env): Value {
  const left = evalExpr(ctx, expr.left, env);
  const truth = isTruthy(left);
  if (truth === undefined) return unknown(undecidable(left), env.module.file, expr.line);
  if (expr.op === 'and') return truth ? evalExpr(ctx, expr.right, env) : left;
  return truth ? left : evalExpr(ctx, expr.right, env);
}

/**
 * `name in Base.metadata`, `name in md.tables`: the keys of the tables the MetaData holds so far; `key in table.c`:
 * its columns' keys; else the value.
 */
function tableKeysOr(ctx: Ctx, container: Value): Value {
  const columns = container.t === 'tablecols' ? columnsByKey(ctx, container) : undefined;
  if (columns) return { t: 'seq', kind: 'list', items: columns.entries.map(([key]) => key) };
  const meta = container.t === 'attr' && container.name === 'tables' ? container.obj : container;
  const tables = meta.t === 'call' || meta.t === 'clsattr' || meta.t === 'attr' ? ctx.project.hooks.metaTables(meta) : undefined;
  return tables ? { t: 'seq', kind: 'list', items: tables.map(([key]): Value => ({ t: 'str', v: key })) } : container;
}

function evalCompare(ctx: Ctx, expr: Extract<Expr, { k: 'cmp' }>, env: Env): Value {
  let left = evalExpr(ctx, expr.items[0]!, env);
  for (let i = 0; i < expr.ops.length; i++) {
    const right = evalExpr(ctx, expr.items[i + 1]!, env);
    // `score >= 0` on a column: an SQL expression (a chain of them is Python's `and`, not SQL: left alone)
    const sql = expr.ops.length === 1 ? sqlOperation(expr.ops[0]!, [left, right], env.module.file, expr) : undefined;
    if (sql) return sql;
    const op = expr.ops[i]!;
    const result = op === 'in' || op === 'not in' ? compareOp(op, left, tableKeysOr(ctx, right), env.module.file, expr.line) : compare(ctx, op, left, right, env, expr.line);
    if (result.t !== 'bool' || !result.v) return result;
    left = right;
  }
  return { t: 'bool', v: true };
}
