// Iteration, and the builtins over iterables (sorted, max, zip, enumerate, map, functools.reduce ...), for the static evaluator.
import type { Expr } from '../python/summary.js';
import { classScope, type Ctx, type Env } from './context.js';
import { enumMemberValue, isEnumClass, iteratedMembers } from './enums.js';
import { callValue, makeCall } from './evaluate-call.js';
import { MAX_LOOP } from './evaluate-func.js';
import { binaryOp, equalValues } from './evaluate-ops.js';
import { builtinException, isFloat, isTruthy, num, raising, scalar, unknown, type Arguments, type CallValue, type Value } from './values.js';
import { namedTupleItems } from './record-classes.js';
import { mroOf } from './classes.js';
import { pyName } from './sa-names.js';
import { zipOf } from './evaluate-itertools.js';
import { bytesOf } from './evaluate-bytes.js';
import { mappingContent } from './mapping-instances.js';
import { callBound, specialMethod } from './evaluate-attr.js';
import { instanceEqual, instanceLess } from './operator-methods.js';

/** The items `for x in v` visits; undefined when they are not known statically. */
export function iterate(ctx: Ctx, v: Value): Value[] | undefined {
  switch (v.t) {
    case 'seq':
      return v.items;
    case 'str':
      return [...v.v].map((c) => ({ t: 'str', v: c }));
    case 'dict':
      return v.entries.map(([k, x]) => (v.collection ? x : k));
    case 'class':
      // `[s.value for s in Status]`: an enum class iterates over its members (aliases left out)
      return isEnumClass(ctx, v.cls) ? iteratedMembers(ctx, v.cls).flatMap((m) => enumMemberValue(ctx, v.cls, m.name) ?? []) : undefined;
    case 'tablecols':
      return ctx.project.hooks.tableColumns(v.table);
    // `for c in Model.__table__.columns`
    case 'clsattr':
      return v.name === '__table__.c' ? ctx.project.hooks.tableColumns({ t: 'class', cls: v.cls }) : undefined;
    case 'attr':
      // `for key in metadata.tables`: the keys of the tables built so far
      return v.name === 'tables' ? ctx.project.hooks.metaTables(v.obj)?.map(([key]): Value => ({ t: 'str', v: key })) : undefined;
    case 'call': {
      // a bytes object iterates over its byte values
      const binary = bytesOf(v);
      return binary === undefined ? (namedTupleItems(ctx, v) ?? sequenceSubclassItems(ctx, v) ?? mappingContent(ctx, v)?.entries.map(([k]) => k) ?? iterMethodItems(ctx, v)) : [...binary].map((c): Value => ({ t: 'num', v: c.charCodeAt(0) }));
    }
    default:
      return undefined;
  }
}

/** What a project class's own `__iter__` gives over the instance; undefined without one. */
function iterMethodItems(ctx: Ctx, v: CallValue): Value[] | undefined {
  const iter = specialMethod(ctx, v, '__iter__');
  if (!iter) return undefined;
  const made = callBound(ctx, iter, v, [], v.line);
  return made === v ? undefined : iterate(ctx, made);
}

const SEQUENCE_TYPES = new Set(['builtins.list', 'builtins.tuple', 'builtins.set', 'builtins.frozenset']);
/** Methods that would change what an instance of a sequence subclass holds or iterates over. */
const SEQUENCE_HOOKS = ['__init__', '__new__', '__iter__'];

/**
 * `States(["ACTIVE", "HELD"])` of a project `class States(list)` that only adds methods (Pegasus): what its
 * argument iterates over, as the builtin's constructor copies it. Undefined for any other value.
 */
function sequenceSubclassItems(ctx: Ctx, v: CallValue): Value[] | undefined {
  if (v.callee.t !== 'class' || v.args.length > 1 || v.kwargs.size > 0) return undefined;
  const mro = mroOf(ctx, v.callee.cls);
  const base = mro.find((e) => e.k === 'value');
  if (base?.k !== 'value' || !SEQUENCE_TYPES.has(pyName(base.value) ?? '')) return undefined;
  const hooked = mro.some((e) => e.k === 'class' && SEQUENCE_HOOKS.some((hook) => classScope(ctx.project, e.cls).bindings.has(hook)));
  if (hooked) return undefined;
  const items = v.args[0] ? iterate(ctx, v.args[0]) : [];
  return items && (pyName(base.value)!.endsWith('set') ? (setOf(items) as { items: Value[] }).items : items);
}

/** Iterators (`iter(xs)`, a generator, a generator expression): `next()` takes their items one by one. */
const iterators = new WeakSet<Value>();

/** Whether the value is an iterator (`len()` of one is a TypeError in Python). */
export function isIterator(v: Value): boolean {
  return iterators.has(v);
}

/**
 * What a `for` loop takes from `v` turn by turn: an iterator's items are consumed as the loop goes, so a `next(it)`
 * in the body takes the item after the current one (and a `break` leaves the rest in it).
 */
export function* loopItems(v: Value, items: Value[]): Generator<Value> {
  if (!iterators.has(v)) {
    yield* items;
    return;
  }
  while (items.length > 0) yield items.shift()!;
}

/** An iterator over `items`, a list of its own that `next()` consumes. */
export function iteratorOf(items: Value[]): Value {
  const it: Value = { t: 'seq', kind: 'list', items: [...items] };
  iterators.add(it);
  return it;
}

/** `iter(xs)` and `next(it[, default])`; undefined for any other name. */
export function callIteratorBuiltin(ctx: Ctx, name: string, a: Arguments, file: string, line: number): Value | undefined {
  const [first, fallback] = a.args;
  if (name === 'builtins.iter') {
    const items = first && a.args.length === 1 ? iterate(ctx, first) : undefined;
    return items ? (iterators.has(first!) ? first! : iteratorOf(items)) : unknown('iter() of a value not known statically', file, line);
  }
  if (name !== 'builtins.next') return undefined;
  if (first?.t !== 'seq' || !iterators.has(first)) return unknown('next() of a value not known statically', file, line);
  return first.items.shift() ?? fallback ?? raising(builtinException('StopIteration'), 'next() of an exhausted iterator', file, line);
}

const ITERABLE_BUILTINS = new Set(['sorted', 'min', 'max', 'sum', 'any', 'all', 'enumerate', 'reversed', 'set', 'frozenset']);

/** `builtins.<name>(...)` for the builtins above; undefined for any other name. */
export function callIterableBuiltin(ctx: Ctx, name: string, a: Arguments, env: Env, expr: Expr): Value | undefined {
  // zip's iterables may be endless (itertools.count, repeat): read one by one there
  if (name === 'builtins.zip') return zipOf(ctx, a, env.module.file, expr.line);
  const short = name.startsWith('builtins.') ? name.slice('builtins.'.length) : '';
  if (!ITERABLE_BUILTINS.has(short)) return undefined;
  const file = env.module.file;
  const line = expr.line;
  const fail = unknown(`${short}() of values not known statically`, file, line);
  // min(a, b) and max(a, b) compare their arguments; the rest take one iterable
  const isSpread = (short === 'min' || short === 'max') && a.args.length > 1;
  const items = isSpread ? a.args : a.args[0] ? iterate(ctx, a.args[0]) : short === 'set' || short === 'frozenset' ? [] : undefined;
  if (!items || (a.kwargs.size > 0 && !(short === 'sum' || short === 'enumerate' || isOrderingOnly(short, a)))) return fail;
  switch (short) {
    case 'sorted':
    case 'min':
    case 'max': {
      // `min(xs, default=1)` over nothing; max() is the first of the largest, as a reversed stable sort puts it first
      const fallback = a.kwargs.get('default');
      if (items.length === 0 && fallback && !isSpread) return fallback;
      const kwargs = short === 'max' ? new Map([...a.kwargs, ['reverse', { t: 'bool', v: true } as Value]]) : a.kwargs;
      const sorted = sortedItems(ctx, items, kwargs, env, expr);
      if (sorted && short === 'sorted') return { t: 'seq', kind: 'list', items: sorted };
      // min() and max() of nothing: a ValueError
      return sorted?.[0] ?? fail;
    }
    case 'sum': {
      const start = a.args[1] ?? a.kwargs.get('start') ?? { t: 'num', v: 0 };
      // `sum(groups, [])`: lists (or tuples) joined
      if (start.t === 'seq' && items.every((i) => i.t === 'seq' && i.kind === start.kind)) {
        return { t: 'seq', kind: start.kind, items: [...start.items, ...items.flatMap((i) => (i as { items: Value[] }).items)] };
      }
      const nums = [start, ...items].map(scalar);
      if (!nums.every((n) => n.t === 'num' || n.t === 'bool')) return fail;
      return num(nums.reduce((s, n) => s + (n.t === 'num' || n.t === 'bool' ? Number(n.v) : 0), 0), nums.some((n) => n.t === 'num' && isFloat(n)));
    }
    case 'any':
    case 'all':
      return anyAll(short, items, fail);
    case 'enumerate': {
      const start = a.args[1] ?? a.kwargs.get('start') ?? { t: 'num', v: 0 };
      if (start.t !== 'num') return fail;
      return { t: 'seq', kind: 'list', items: items.map((v, i) => ({ t: 'seq', kind: 'tuple', items: [{ t: 'num', v: start.v + i }, v] })) };
    }
    case 'reversed':
      return { t: 'seq', kind: 'list', items: [...items].reverse() };
    default:
      return setOf(items);
  }
}

/** `sorted(xs, key=..., reverse=...)`, `min(xs, key=...)`: the keywords these builtins take. */
function isOrderingOnly(short: string, a: Arguments): boolean {
  const allowed = short === 'sorted' ? ['key', 'reverse'] : short === 'min' || short === 'max' ? ['key', 'default'] : [];
  return [...a.kwargs.keys()].every((k) => allowed.includes(k));
}

/**
 * The items in the order `sorted(items, key=..., reverse=...)` (and `list.sort`) gives; undefined when they cannot
 * be compared statically.
 */
export function sortedItems(ctx: Ctx, items: Value[], kwargs: ReadonlyMap<string, Value>, env: Env, expr: Expr): Value[] | undefined {
  const key = kwargs.get('key');
  // `key=functools.cmp_to_key(compare)`: the items ordered by what compare(a, b) answers
  const compare = key?.t === 'call' && key.callee.t === 'ext' && key.callee.name === 'functools.cmp_to_key' ? key.args[0] : undefined;
  const keyOf = key && key.t !== 'none' && !compare ? (v: Value) => callValue(ctx, key, { args: [v], kwargs: new Map() }, env, expr) : undefined;
  const order = compare ? (x: Value, y: Value) => callValue(ctx, compare, { args: [x, y], kwargs: new Map() }, env, expr) : undefined;
  const user = { less: instanceLess(ctx, env, expr.line), equal: instanceEqual(ctx, env, expr.line) };
  const sort = (values: Value[]) => (order ? sortCompared(values, order) : sortValues(values, keyOf, user));
  const reverse = kwargs.get('reverse');
  // (an IntEnum member is ordered by its value and stays the member)
  if (reverse?.t !== 'bool' || !reverse.v) return sort(items);
  // reverse=True keeps equal items in their order: the reversed input, sorted, reversed
  return sort([...items].reverse())?.reverse();
}


/**
 * A stable sort in Python's ordering, by `keyOf` when given: numbers and booleans together, strings, tuples item
 * by item; undefined when two keys cannot be compared (or a key is not known).
 */
function sortValues(items: Value[], keyOf: ((v: Value) => Value) | undefined, user: UserOrder): Value[] | undefined {
  const keyed = items.map((v) => ({ v, key: scalar(keyOf ? keyOf(v) : v) }));
  return sortBy(keyed, (x, y) => compareOrdered(x.key, y.key, user))?.map((k) => k.v);
}

/** Ordered by what `compare(a, b)` answers (negative, zero, positive), as `functools.cmp_to_key` sorts. */
function sortCompared(items: Value[], compare: (x: Value, y: Value) => Value): Value[] | undefined {
  return sortBy(items, (x, y) => {
    const answer = scalar(compare(x, y));
    return answer.t === 'num' || answer.t === 'bool' ? Math.sign(Number(answer.v)) : undefined;
  });
}

/** A stable sort by `order`; undefined when two items cannot be ordered. */
function sortBy<T>(items: T[], order: (x: T, y: T) => number | undefined): T[] | undefined {
  let comparable = true;
  const sorted = [...items].sort((x, y) => {
    const o = order(x, y);
    if (o === undefined) comparable = false;
    return o ?? 0;
  });
  return comparable ? sorted : undefined;
}

/** `<` and `==` between instances of project classes that define them (operator-methods.ts). */
export interface UserOrder {
  less: (x: Value, y: Value) => boolean | undefined;
  equal: (x: Value, y: Value) => boolean | undefined;
}

const isProjectInstance = (v: Value): boolean => v.t === 'call' && v.callee.t === 'class';

export function compareOrdered(x: Value, y: Value, user?: UserOrder): number | undefined {
  if ((x.t === 'num' || x.t === 'bool') && (y.t === 'num' || y.t === 'bool')) return Number(x.v) - Number(y.v);
  if (x.t === 'str' && y.t === 'str') return x.v < y.v ? -1 : x.v > y.v ? 1 : 0;
  if (x.t === 'seq' && y.t === 'seq' && x.kind === y.kind && x.kind !== 'set') {
    for (let i = 0; i < Math.min(x.items.length, y.items.length); i++) {
      const [a, b] = [scalar(x.items[i]!), scalar(y.items[i]!)];
      // Python orders tuples at the first items that are not equal (`==`, or the same object)
      if (user && a !== b && (isProjectInstance(a) || isProjectInstance(b))) {
        const equal = user.equal(a, b);
        if (equal === undefined) return undefined;
        if (!equal) return userOrder(a, b, user);
        continue;
      }
      const order = compareOrdered(a, b, user);
      if (order !== 0) return order;
    }
    return x.items.length - y.items.length;
  }
  if (user && (isProjectInstance(x) || isProjectInstance(y))) return x === y ? 0 : userOrder(x, y, user);
  return undefined;
}

/** Three-way order from `<` alone, as a sort asks it. */
function userOrder(x: Value, y: Value, user: UserOrder): number | undefined {
  const less = user.less(x, y);
  if (less !== false) return less && -1;
  const greater = user.less(y, x);
  return greater === undefined ? undefined : greater ? 1 : 0;
}

function anyAll(name: 'any' | 'all', items: Value[], fail: Value): Value {
  let undecided = false;
  for (const item of items) {
    const truth = isTruthy(item);
    if (truth === undefined) undecided = true;
    else if (truth === (name === 'any')) return { t: 'bool', v: truth };
  }
  return undecided ? fail : { t: 'bool', v: name === 'all' };
}

/** A set of the items, each equal value once (in first-seen order: a set's own order is Python's hash order). */
export function setOf(items: Value[]): Value {
  const out: Value[] = [];
  for (const item of items) addToSet(out, item);
  return { t: 'seq', kind: 'set', items: out };
}

/** `s.add(item)`: the item joins the set's items unless an equal one is there. */
export function addToSet(items: Value[], item: Value): void {
  if (!items.some((o) => equalValues(o, item) === true)) items.push(item);
}

/** The builtins that call a function over iterables (`map`, `filter`, `functools.reduce`), `itertools.chain`, `operator.add`; undefined for any other name. */
export function callHigherOrder(ctx: Ctx, name: string, a: Arguments, env: Env, expr: Expr): Value | undefined {
  const [first, second] = a.args;
  const file = env.module.file;
  switch (name) {
    case 'builtins.map':
    case 'builtins.filter':
      return mapOrFilter(ctx, name === 'builtins.map', a, env, expr);
    case 'itertools.chain':
    case 'itertools.chain.from_iterable': {
      const parts = name === 'itertools.chain' ? a.args : first ? iterate(ctx, first) : undefined;
      const lists = parts?.map((p) => iterate(ctx, p));
      if (!lists || lists.some((l) => l === undefined)) return unknown(`${name}() over values not known statically`, file, expr.line);
      return { t: 'seq', kind: 'list', items: lists.flatMap((l) => l!) };
    }
    case 'functools.reduce':
      return reduceOf(ctx, a, env, expr);
    case 'itertools.combinations':
    case 'itertools.permutations': {
      const pool = first ? iterate(ctx, first) : undefined;
      const r = second ?? a.kwargs.get('r');
      const size = r === undefined || r.t === 'none' ? (name === 'itertools.permutations' ? pool?.length : undefined) : r.t === 'num' ? r.v : undefined;
      if (!pool || size === undefined || a.args.length > 2) return unknown(`${name}() over values not known statically`, file, expr.line);
      const rows = arrangements(pool, size, name === 'itertools.permutations');
      if (rows.length > MAX_LOOP) return unknown(`${name}() of more than ${MAX_LOOP} items`, file, expr.line);
      return iteratorOf(rows.map((items): Value => ({ t: 'seq', kind: 'tuple', items })));
    }
    case 'itertools.accumulate':
      return accumulate(ctx, a, env, expr) ?? unknown(`${name}() over values not known statically`, file, expr.line);
    case 'itertools.groupby':
      return groupBy(ctx, a, env, expr) ?? unknown(`${name}() over values not known statically`, file, expr.line);
    case 'itertools.repeat': {
      const times = second ?? a.kwargs.get('times');
      // without a count it stays a call: zip() reads it as endless
      if (!first || !times) return makeCall({ t: 'ext', name }, a, file, expr);
      return times.t === 'num' && times.v <= MAX_LOOP ? { t: 'seq', kind: 'list', items: Array.from({ length: Math.max(0, times.v) }, () => first) } : unknown(`${name}() count not known statically`, file, expr.line);
    }
    case 'itertools.product': {
      const lists = a.args.map((v) => iterate(ctx, v));
      const repeat = a.kwargs.get('repeat');
      if (lists.some((l) => l === undefined) || (repeat && repeat.t !== 'num') || a.kwargs.size > (repeat ? 1 : 0)) return unknown(`${name}() over values not known statically`, file, expr.line);
      const pools = Array.from({ length: repeat?.t === 'num' ? repeat.v : 1 }, () => lists as Value[][]).flat();
      let rows: Value[][] = [[]];
      for (const pool of pools) rows = rows.flatMap((row) => pool.map((item) => [...row, item]));
      if (rows.length > MAX_LOOP) return unknown(`${name}() of more than ${MAX_LOOP} items`, file, expr.line);
      return { t: 'seq', kind: 'list', items: rows.map((items): Value => ({ t: 'seq', kind: 'tuple', items })) };
    }
    default:
      return undefined;
  }
}

/** The `size`-long selections of `pool` in itertools' order: by position, each once (combinations) or in every order. */
function arrangements(pool: Value[], size: number, isOrdered: boolean): Value[][] {
  if (size < 0 || size > pool.length) return [];
  const out: Value[][] = [];
  const pick = (chosen: number[]): void => {
    if (out.length > MAX_LOOP) return;
    if (chosen.length === size) {
      out.push(chosen.map((i) => pool[i]!));
      return;
    }
    const from = isOrdered ? 0 : (chosen.at(-1) ?? -1) + 1;
    for (let i = from; i < pool.length; i += 1) if (!chosen.includes(i)) pick([...chosen, i]);
  };
  pick([]);
  return out;
}

/** `accumulate(items, func=operator.add, initial=None)`: the running totals, as an iterator. */
function accumulate(ctx: Ctx, a: Arguments, env: Env, expr: Expr): Value | undefined {
  const [source, positionalFunc] = a.args;
  const func = a.kwargs.get('func') ?? positionalFunc;
  const initial = a.kwargs.get('initial');
  const items = source ? iterate(ctx, source) : undefined;
  if (!items || a.args.length > 2 || [...a.kwargs.keys()].some((k) => k !== 'func' && k !== 'initial')) return undefined;
  const out: Value[] = [];
  let total: Value | undefined = initial && initial.t !== 'none' ? initial : undefined;
  if (total) out.push(total);
  for (const item of items) {
    total = total === undefined ? item : func && func.t !== 'none' ? callValue(ctx, func, { args: [total, item], kwargs: new Map() }, env, expr) : binaryOp('+', total, item, env.module.file, expr.line);
    if (total.t === 'unknown') return undefined;
    out.push(total);
  }
  return iteratorOf(out);
}

/** `groupby(items, key=...)`: (key, group) pairs for each run of items with equal keys, each group an iterator. */
function groupBy(ctx: Ctx, a: Arguments, env: Env, expr: Expr): Value | undefined {
  const [source, positionalKey] = a.args;
  const keyFn = a.kwargs.get('key') ?? positionalKey;
  const items = source ? iterate(ctx, source) : undefined;
  if (!items || a.args.length > 2 || [...a.kwargs.keys()].some((k) => k !== 'key')) return undefined;
  const groups: Array<{ key: Value; items: Value[] }> = [];
  for (const item of items) {
    const key = keyFn && keyFn.t !== 'none' ? callValue(ctx, keyFn, { args: [item], kwargs: new Map() }, env, expr) : item;
    if (key.t === 'unknown') return undefined;
    const last = groups.at(-1);
    const same = last ? equalValues(last.key, key) : false;
    if (same === undefined) return undefined;
    if (same) last!.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return iteratorOf(groups.map((g): Value => ({ t: 'seq', kind: 'tuple', items: [g.key, iteratorOf(g.items)] })));
}

/** `functools.reduce(fn, xs[, initial])`: the fold, left to right. */
function reduceOf(ctx: Ctx, a: Arguments, env: Env, expr: Expr): Value {
  const [fn, iterable, initial] = a.args;
  const items = iterable ? iterate(ctx, iterable) : undefined;
  if (!fn || !items || items.length > MAX_LOOP) return unknown('functools.reduce() over values not known statically', env.module.file, expr.line);
  const rest = initial ? items : items.slice(1);
  let acc = initial ?? items[0];
  if (!acc) return unknown('functools.reduce() of an empty sequence', env.module.file, expr.line);
  for (const item of rest) acc = callValue(ctx, fn, { args: [acc, item], kwargs: new Map() }, env, expr);
  return acc;
}

/** `map(fn, xs, ...)` (in step over several iterables) and `filter(fn or None, xs)`, as the list they yield. */
function mapOrFilter(ctx: Ctx, isMap: boolean, a: Arguments, env: Env, expr: Expr): Value {
  const [fn, ...iterables] = a.args;
  const fail = unknown(`${isMap ? 'map' : 'filter'}() over values not known statically`, env.module.file, expr.line);
  // several iterables go in step, as zip() pairs them (an endless `repeat(...)` among them too)
  const zipped = iterables.length > 1 ? zipOf(ctx, { args: iterables, kwargs: new Map() }, env.module.file, expr.line) : undefined;
  const rows = zipped ? (zipped.t === 'seq' ? zipped.items.map((row) => (row.t === 'seq' ? row.items : [])) : undefined) : iterables[0] && iterate(ctx, iterables[0])?.map((item) => [item]);
  if (!fn || !rows || rows.length > MAX_LOOP || (!isMap && iterables.length !== 1)) return fail;
  const items: Value[] = [];
  for (const args of rows) {
    if (isMap) {
      items.push(callValue(ctx, fn, { args, kwargs: new Map() }, env, expr));
      continue;
    }
    const keep = isTruthy(fn.t === 'none' ? args[0]! : callValue(ctx, fn, { args, kwargs: new Map() }, env, expr));
    if (keep === undefined) return fail;
    if (keep) items.push(args[0]!);
  }
  return { t: 'seq', kind: 'list', items };
}
