// In-place changes to known lists and dicts made by method calls (`parts.append(x)`, `NAMING.update(...)`).
import type { Expr } from '../python/summary.js';
import type { Ctx, Env } from './context.js';
import { evalArgs, evalExpr, sliceIndices } from './evaluate.js';
import { sameKey } from './evaluate-ops.js';
import { addToSet, iterate, sortedItems } from './evaluate-builtins.js';
import type { Arguments, Value } from './values.js';

type Dict = Extract<Value, { t: 'dict' }>;
type Seq = Extract<Value, { t: 'seq' }>;

/** Methods that read a list or dict without changing it: calling them for nothing changes nothing. */
const READERS = new Set(['get', 'keys', 'values', 'items', 'copy', 'index', 'count']);

/**
 * Performs `obj.method(...)` on a list or dict the evaluator holds, when `expr` is such a call.
 * 'no': not a method call on a known list or dict (evaluate it as usual); 'done': performed; otherwise the
 * reason it cannot be performed statically (the value would silently differ from Python's). `made` receives the
 * arguments: what they built exists whatever the list does with it (`shards.append(Table(...))` registers the table).
 */
export function applyMutation(ctx: Ctx, expr: Expr, env: Env, made?: (a: Arguments) => void): 'no' | 'done' | string {
  // `parts.append(x)`, `self.parts.append(x)`, `by_area[area].append(cls)`, `by_year.setdefault(y, []).append(t)`
  if (expr.k !== 'call' || expr.fn.k !== 'attr' || !(isPlainReceiver(expr.fn.obj) || isEntryOf(expr.fn.obj))) return 'no';
  const target = evalExpr(ctx, expr.fn.obj, env);
  if (target.t !== 'dict' && (target.t !== 'seq' || target.slice)) return 'no';
  const method = expr.fn.name;
  if (READERS.has(method)) return 'no';
  const a = evalArgs(ctx, expr.args, env);
  made?.(a);
  const done = target.t === 'dict' ? mutateDict(target, method, a) : mutateList(ctx, target, method, a, env, expr);
  return done ? 'done' : `${target.t === 'dict' ? 'dict' : target.kind}.${method}() with values not known statically`;
}

/**
 * `items[i] = value`, `items[1:2] = [...]` (a slice takes the items of an iterable, as many or not), `items[::2] = ...`
 * (as many items as it picks) on a list. The reason when Python would raise or the change is not followed.
 */
export function setSeqItem(ctx: Ctx, s: Seq, key: Value, value: Value): string | undefined {
  if (s.kind !== 'list' || s.slice) return `item assignment on a ${s.kind}`;
  if (key.t === 'num') {
    const i = key.v < 0 ? s.items.length + key.v : key.v;
    if (!Number.isInteger(i) || i < 0 || i >= s.items.length) return 'list assignment index out of range';
    s.items[i] = value;
    return undefined;
  }
  const items = value.t === 'unknown' ? undefined : iterate(ctx, value);
  if (key.t !== 'seq' || !key.slice || !items) return 'a slice assignment with values not known statically';
  const step = key.items[2];
  if (!step || step.t === 'none' || (step.t === 'num' && step.v === 1)) {
    const at = sliceIndices(s.items.length, [key.items[0]!, key.items[1]!, { t: 'none' }]);
    if (!at) return 'a slice assignment with bounds not known statically';
    // an empty slice still has a place: where `start` points
    const lo = key.items[0]!;
    const start = at[0] ?? (lo.t === 'num' ? Math.min(Math.max(lo.v < 0 ? lo.v + s.items.length : lo.v, 0), s.items.length) : 0);
    s.items.splice(start, at.length, ...items);
    return undefined;
  }
  const picks = sliceIndices(s.items.length, key.items);
  if (!picks || picks.length !== items.length) return 'an extended slice assignment of another length';
  picks.forEach((i, k) => (s.items[i] = items[k]!));
  return undefined;
}

/**
 * `del d[k]`, `del items[i]`, `del items[1:3]`: the item taken out; the reason when Python would raise (a key the dict
 * lacks, an index out of range) or the deletion is not followed (a key or container not known).
 */
export function deleteItem(obj: Value, key: Value): string | undefined {
  if (key.t === 'unknown') return `del of an item whose key is not known statically (${key.reason})`;
  if (obj.t === 'dict') {
    const at = obj.entries.findIndex(([k]) => sameKey(k, key));
    if (at < 0) return 'del of a key the dict does not hold (KeyError)';
    obj.entries.splice(at, 1);
    return undefined;
  }
  if (obj.t !== 'seq' || obj.kind !== 'list' || obj.slice) return `del of an item of a value not known statically`;
  if (key.t === 'num') {
    const i = key.v < 0 ? obj.items.length + key.v : key.v;
    if (!Number.isInteger(i) || i < 0 || i >= obj.items.length) return 'list assignment index out of range';
    obj.items.splice(i, 1);
    return undefined;
  }
  const picked = key.t === 'seq' && key.slice ? sliceIndices(obj.items.length, key.items) : undefined;
  if (!picked) return 'del of a slice with bounds not known statically';
  const gone = new Set(picked);
  obj.items.splice(0, obj.items.length, ...obj.items.filter((_, i) => !gone.has(i)));
  return undefined;
}

const isPlainReceiver = (e: Expr): boolean => e.k === 'name' || e.k === 'attr' || e.k === 'sub';

/** `d.setdefault(k, [])` / `d.get(k)` on a plain receiver: the entry, read without other effects (evaluated once here). */
const isEntryOf = (e: Expr): boolean => e.k === 'call' && e.fn.k === 'attr' && (e.fn.name === 'setdefault' || e.fn.name === 'get') && isPlainReceiver(e.fn.obj);

/** `d[key] = value`: an equal key already there keeps its place and itself (`{1: "a", True: "b"}` is `{1: "b"}`). */
export function setItem(d: Dict, key: Value, value: Value): void {
  const i = d.entries.findIndex(([k]) => sameKey(k, key));
  if (i >= 0) d.entries[i] = [d.entries[i]![0], value];
  else d.entries.push([key, value]);
}

function mutateDict(d: Dict, method: string, a: Arguments): boolean {
  const [key, value] = a.args;
  if (a.kwargs.has('**')) return false;
  switch (method) {
    case 'setdefault':
      if (!key || key.t === 'unknown') return false;
      if (!d.entries.some(([k]) => sameKey(k, key))) d.entries.push([key, value ?? { t: 'none' }]);
      return true;
    case 'update': {
      if ((key && key.t !== 'dict') || (key?.t === 'dict' && key.entries.some(([k]) => k.t === 'unknown'))) return false;
      for (const [k, v] of key?.t === 'dict' ? key.entries : []) setItem(d, k, v);
      for (const [k, v] of a.kwargs) setItem(d, { t: 'str', v: k }, v);
      return true;
    }
    case 'pop':
      if (!key) return false;
      d.entries = d.entries.filter(([k]) => !sameKey(k, key));
      return true;
    case 'clear':
      d.entries = [];
      return true;
    default:
      return false;
  }
}

/** The index `list.pop(at)` takes (the last without one); undefined when it is not a number or out of range. */
export function popIndex(s: Seq, at: Value | undefined): number | undefined {
  const i = at === undefined ? s.items.length - 1 : at.t === 'num' ? (at.v < 0 ? s.items.length + at.v : at.v) : -1;
  return i >= 0 && i < s.items.length ? i : undefined;
}

function mutateList(ctx: Ctx, s: Seq, method: string, a: Arguments, env: Env, expr: Expr): boolean {
  const [first, second] = a.args;
  switch (method) {
    case 'sort': {
      const sorted = s.kind === 'list' && a.args.length === 0 ? sortedItems(ctx, s.items, a.kwargs, env, expr) : undefined;
      if (!sorted) return false;
      s.items.splice(0, s.items.length, ...sorted);
      return true;
    }
    case 'append':
      if (!first || s.kind !== 'list') return false;
      s.items.push(first);
      return true;
    // a deque's ends (collections.deque is held as a list)
    case 'appendleft':
      if (!first || s.kind !== 'list') return false;
      s.items.unshift(first);
      return true;
    case 'popleft':
      if (s.kind !== 'list' || s.items.length === 0) return false;
      s.items.shift();
      return true;
    case 'add':
      if (!first || s.kind !== 'set') return false;
      addToSet(s.items, first);
      return true;
    case 'extend': {
      const items = first ? iterate(ctx, first) : undefined;
      if (!items || s.kind !== 'list') return false;
      s.items.push(...items);
      return true;
    }
    case 'pop': {
      // `stack.pop()`, `items.pop(0)`: the item leaves the list (what it returns is read by evaluate-methods)
      const at = s.kind === 'list' ? popIndex(s, first) : undefined;
      if (at === undefined) return false;
      s.items.splice(at, 1);
      return true;
    }
    // `cols.remove(next(c for c in cols if ...))`: the first item equal to it (a Column is equal to itself alone)
    case 'remove':
    case 'discard': {
      if (!first || first.t === 'unknown' || s.kind !== (method === 'remove' ? 'list' : 'set')) return false;
      const at = s.items.findIndex((item) => sameKey(item, first));
      if (at >= 0) s.items.splice(at, 1);
      return at >= 0 || method === 'discard';
    }
    case 'insert':
      if (first?.t !== 'num' || !second || s.kind !== 'list') return false;
      s.items.splice(first.v < 0 ? Math.max(s.items.length + first.v, 0) : first.v, 0, second);
      return true;
    default:
      return false;
  }
}
