// The rest of itertools the static evaluator follows (`count`, `islice`, `pairwise`, `starmap`, `zip_longest`,
// `compress`, `takewhile`, `dropwhile`, `filterfalse`),
// `zip(..., strict=True)`, `collections.deque` and the `operator` module's arithmetic: column lists and shard
// tables built from them at import time.
import type { Expr } from '../python/summary.js';
import type { Ctx, Env } from './context.js';
import { callValue, makeCall } from './evaluate-call.js';
import { callIterableBuiltin, iterate, iteratorOf } from './evaluate-builtins.js';
import { MAX_LOOP } from './evaluate-func.js';
import { binaryOp } from './evaluate-ops.js';
import { subscriptOf } from './evaluate.js';
import { builtinException, isFloat, isTruthy, num, raising, unknown, type Arguments, type Value } from './values.js';

/**
 * `itertools.repeat(x)` without a count, `itertools.count(start, step)`, `itertools.cycle(xs)` over known items: the
 * i-th item; undefined for any other value.
 */
function endlessItems(ctx: Ctx, v: Value): ((i: number) => Value) | undefined {
  if (v.t !== 'call' || v.callee.t !== 'ext') return undefined;
  if (v.callee.name === 'itertools.repeat' && v.args.length === 1 && !v.kwargs.has('times')) return () => v.args[0]!;
  if (v.callee.name === 'itertools.cycle') {
    const items = v.args.length === 1 ? iterate(ctx, v.args[0]!) : undefined;
    return items?.length ? (i) => items[i % items.length]! : undefined;
  }
  if (v.callee.name !== 'itertools.count') return undefined;
  const [start = v.kwargs.get('start') ?? num(0), step = v.kwargs.get('step') ?? num(1)] = v.args;
  if (start.t !== 'num' || step.t !== 'num') return undefined;
  const isFloatCount = isFloat(start) || isFloat(step);
  return (i) => num(start.v + i * step.v, isFloatCount);
}

/** The first `n` items of an iterable, endless ones included; undefined when not known. */
function firstItems(ctx: Ctx, v: Value, n: number): Value[] | undefined {
  const endless = endlessItems(ctx, v);
  if (endless) return Array.from({ length: n }, (_, i) => endless(i));
  return iterate(ctx, v)?.slice(0, n);
}

/** `zip(*iterables, strict=False)`: as long as the shortest finite one; strict, unequal lengths raise ValueError. */
export function zipOf(ctx: Ctx, a: Arguments, file: string, line: number): Value {
  const fail = unknown('zip() of values not known statically', file, line);
  const strict = a.kwargs.has('strict') ? isTruthy(a.kwargs.get('strict')!) : false;
  if (strict === undefined || [...a.kwargs.keys()].some((k) => k !== 'strict')) return fail;
  const endless = a.args.map((v) => endlessItems(ctx, v));
  const lists = a.args.map((v, i) => (endless[i] ? [] : iterate(ctx, v)));
  const lengths = lists.flatMap((l, i) => (endless[i] ? [] : [l?.length]));
  if (lengths.length === 0 || lengths.some((n) => n === undefined)) return fail;
  const n = Math.min(...(lengths as number[]));
  if (strict && (lengths.some((len) => len !== n) || endless.some(Boolean))) return raising(builtinException('ValueError'), 'zip() arguments of unequal length with strict=True', file, line);
  const items: Value[] = [];
  for (let i = 0; i < n; i++) items.push({ t: 'seq', kind: 'tuple', items: lists.map((l, j) => endless[j]?.(i) ?? l![i]!) });
  return { t: 'seq', kind: 'list', items };
}

const OPERATORS: Record<string, string> = {
  'operator.add': '+', 'operator.sub': '-', 'operator.mul': '*', 'operator.truediv': '/', 'operator.floordiv': '//',
  'operator.mod': '%', 'operator.pow': '**', 'operator.or_': '|', 'operator.and_': '&', 'operator.xor': '^',
  'operator.concat': '+', 'operator.lshift': '<<', 'operator.rshift': '>>',
};

/** The functions of this module; undefined for any other name. */
export function callIterTools(ctx: Ctx, name: string, a: Arguments, env: Env, expr: Expr): Value | undefined {
  const file = env.module.file;
  const line = expr.line;
  const [first, second] = a.args;
  const fail = unknown(`${name}() of values not known statically`, file, line);
  const op = OPERATORS[name];
  if (op) return first && second && a.args.length === 2 ? binaryOp(op, first, second, file, line) : fail;
  switch (name) {
    case 'operator.getitem':
      return first && second ? subscriptOf(ctx, first, second, env, line) : fail;
    // `heapq.nlargest(3, widths)`: the first n of the sorted items, as Python documents it
    case 'heapq.nlargest':
    case 'heapq.nsmallest': {
      if (first?.t !== 'num' || !second || a.args.length !== 2) return fail;
      const key = a.kwargs.get('key');
      const kwargs = new Map<string, Value>([['reverse', { t: 'bool', v: name === 'heapq.nlargest' }], ...(key && key.t !== 'none' ? [['key', key] as [string, Value]] : [])]);
      const ordered = callIterableBuiltin(ctx, 'builtins.sorted', { args: [second], kwargs }, env, expr);
      return ordered?.t === 'seq' ? { t: 'seq', kind: 'list', items: ordered.items.slice(0, Math.max(first.v, 0)) } : fail;
    }
    case 'itertools.islice': {
      // islice(it, stop) or islice(it, start, stop[, step]); None for stop reads to the end of a finite iterable
      const bounds = a.args.slice(1).map((v) => (v.t === 'none' ? undefined : v.t === 'num' ? v.v : NaN));
      const [start, stop, step] = bounds.length === 1 ? [0, bounds[0], 1] : [bounds[0] ?? 0, bounds[1], bounds[2] ?? 1];
      if (!first || bounds.length === 0 || bounds.length > 3 || [start, stop, step].some((b) => Number.isNaN(b)) || step! < 1) return fail;
      const items = stop === undefined ? iterate(ctx, first) : stop <= MAX_LOOP ? firstItems(ctx, first, stop) : undefined;
      return items ? iteratorOf(items.filter((_, i) => i >= start! && (i - start!) % step! === 0)) : fail;
    }
    case 'itertools.pairwise': {
      const items = first ? iterate(ctx, first) : undefined;
      return items ? iteratorOf(items.slice(1).map((item, i): Value => ({ t: 'seq', kind: 'tuple', items: [items[i]!, item] }))) : fail;
    }
    case 'itertools.starmap': {
      const rows = second ? iterate(ctx, second) : undefined;
      const argLists = rows?.map((row) => iterate(ctx, row));
      if (!first || !argLists || argLists.some((l) => l === undefined)) return fail;
      return iteratorOf(argLists.map((args) => callValue(ctx, first, { args: args!, kwargs: new Map() }, env, expr)));
    }
    case 'itertools.zip_longest': {
      const fill = a.kwargs.get('fillvalue') ?? { t: 'none' };
      const lists = a.args.map((v) => iterate(ctx, v));
      if (lists.some((l) => l === undefined) || [...a.kwargs.keys()].some((k) => k !== 'fillvalue')) return fail;
      const n = Math.max(0, ...lists.map((l) => l!.length));
      return iteratorOf(Array.from({ length: n }, (_, i): Value => ({ t: 'seq', kind: 'tuple', items: lists.map((l) => l![i] ?? fill) })));
    }
    case 'itertools.compress': {
      const items = first ? iterate(ctx, first) : undefined;
      const flags = second ? firstItems(ctx, second, items?.length ?? 0) : undefined;
      const truths = flags?.map(isTruthy);
      if (!items || !truths || truths.some((t) => t === undefined)) return fail;
      return iteratorOf(items.filter((_, i) => truths[i] === true));
    }
    case 'itertools.takewhile':
    case 'itertools.dropwhile':
    case 'itertools.filterfalse': {
      // the predicate's answer for each item, as far as the function reads them
      const items = second ? iterate(ctx, second) : undefined;
      if (!first || !items || a.args.length !== 2) return fail;
      const test = (item: Value): boolean | Value => {
        const answer = first.t === 'none' ? item : callValue(ctx, first, { args: [item], kwargs: new Map() }, env, expr);
        return answer.t === 'unknown' ? answer : (isTruthy(answer) ?? fail);
      };
      const kept: Value[] = [];
      let dropping = name === 'itertools.dropwhile';
      for (const item of items) {
        if (name === 'itertools.filterfalse' || dropping || name === 'itertools.takewhile') {
          const truth = test(item);
          if (typeof truth !== 'boolean') return truth;
          if (name === 'itertools.takewhile' && !truth) break;
          if (name === 'itertools.filterfalse' && truth) continue;
          if (dropping && truth) continue;
          dropping = false;
        }
        kept.push(item);
      }
      return iteratorOf(kept);
    }
    case 'itertools.count':
      // endless: zip() and islice() take what they need of it
      return makeCall({ t: 'ext', name }, a, file, expr);
    case 'collections.deque': {
      // a work queue: a list whose popleft / appendleft the list methods perform; a bounded one is not followed
      const maxlen = a.args[1] ?? a.kwargs.get('maxlen');
      const items = first ? iterate(ctx, first) : [];
      return items && (!maxlen || maxlen.t === 'none') ? { t: 'seq', kind: 'list', items: [...items] } : fail;
    }
    default:
      return undefined;
  }
}
