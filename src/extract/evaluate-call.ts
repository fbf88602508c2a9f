// Calls in the static evaluator: builtins, string methods, re.sub, functools.partial, in-repo helpers.
import type { Expr } from '../python/summary.js';
import type { Ctx, Env } from './context.js';
import { attributeOf } from './evaluate-attr.js';
import { callFunction, callLambda } from './evaluate-func.js';
import { formatValue } from './evaluate-ops.js';
import { callStringMethod, callRegex, callDictMethod } from './evaluate-methods.js';
import { unknown, type Arguments, type CallValue, type Value } from './values.js';

export function callValue(ctx: Ctx, fn: Value, a: Arguments, env: Env, expr: Expr): Value {
  const file = env.module.file;
  const line = expr.line;
  switch (fn.t) {
    case 'unknown':
      return fn;
    case 'func':
      return callFunction(ctx, fn.fn, a, env, line);
    case 'code':
      return fn.expr.k === 'lambda' ? callLambda(ctx, fn.expr, a, fn.env ?? env) : unknown('call of an unknown value', file, line);
    case 'ext':
      return callExternal(ctx, fn.name, a, env, expr);
    case 'attr':
      return callMethod(ctx, fn, a, env, expr);
    case 'call':
      if (fn.callee.t === 'ext' && fn.callee.name === 'functools.partial') return callPartial(ctx, fn, a, env, expr);
      return makeCall(fn, a, file, expr);
    default:
      return makeCall(fn, a, file, expr);
  }
}

export function makeCall(callee: Value, a: Arguments, file: string, expr: Expr): CallValue {
  return { t: 'call', callee, args: a.args, kwargs: a.kwargs, file, line: expr.line, expr };
}

/** `partial(Column, nullable=False)(...)`: the wrapped callable with both argument lists. */
function callPartial(ctx: Ctx, partial: CallValue, a: Arguments, env: Env, expr: Expr): Value {
  const [target, ...bound] = partial.args;
  if (!target) return unknown('functools.partial without a callable', env.module.file, expr.line);
  const kwargs = new Map([...partial.kwargs, ...a.kwargs]);
  return callValue(ctx, target, { args: [...bound, ...a.args], kwargs }, env, expr);
}

const RUNTIME = /^(os\.environ|os\.getenv|os\.environ\.get|os\.environ\.__getitem__)$/;

function callExternal(ctx: Ctx, name: string, a: Arguments, env: Env, expr: Expr): Value {
  const file = env.module.file;
  const line = expr.line;
  const [first, second] = a.args;
  switch (name) {
    case 'builtins.str':
      return first ? strOf(first, file, line) : { t: 'str', v: '' };
    case 'builtins.int':
      return first?.t === 'num' ? { t: 'num', v: Math.trunc(first.v) } : first?.t === 'str' && /^-?\d+$/.test(first.v.trim()) ? { t: 'num', v: Number(first.v) } : unknown('int() of a value not known statically', file, line);
    case 'builtins.len':
      return first?.t === 'seq' ? { t: 'num', v: first.items.length } : first?.t === 'str' ? { t: 'num', v: first.v.length } : unknown('len() of a value not known statically', file, line);
    case 'builtins.tuple':
    case 'builtins.list':
      return seqOf(first, name === 'builtins.tuple' ? 'tuple' : 'list', file, line);
    case 'builtins.dict':
      return dictOf(first, a, file, line);
    case 'builtins.getattr':
      if (first && second?.t === 'str') return attributeOf(ctx, first, second.v, env, line);
      return unknown('getattr() with a name not known statically', file, line);
    case 'builtins.range':
      return rangeOf(a, file, line);
    case 'schemaguard.type_descriptor':
      return first ?? unknown('type_descriptor() without a type', file, line);
    case 'typing.cast':
    case 'typing_extensions.cast':
      return second ?? unknown('cast() without a value', file, line);
    case 're.sub':
    case 're.compile':
      return callRegex(name, a, file, line) ?? makeCall({ t: 'ext', name }, a, file, expr);
    default:
      if (RUNTIME.test(name)) return unknown(`runtime configuration (${name})`, file, line);
      return makeCall({ t: 'ext', name }, a, file, expr);
  }
}

function callMethod(ctx: Ctx, fn: Extract<Value, { t: 'attr' }>, a: Arguments, env: Env, expr: Expr): Value {
  const { obj, name } = fn;
  const file = env.module.file;
  if (obj.t === 'str') return callStringMethod(obj.v, name, a, file, expr.line) ?? unknown(`str.${name}() not supported statically`, file, expr.line);
  if (obj.t === 'dict') return callDictMethod(obj, name, a, file, expr.line);
  if (obj.t === 'call' && obj.callee.t === 'ext' && obj.callee.name === 're.compile' && name === 'sub') {
    return callRegex('re.sub', { args: [obj.args[0]!, ...a.args], kwargs: new Map([...obj.kwargs, ...a.kwargs]) }, file, expr.line) ?? makeCall(fn, a, file, expr);
  }
  if (obj.t === 'ext' && RUNTIME.test(`${obj.name}.${name}`)) return unknown(`runtime configuration (${obj.name}.${name})`, file, expr.line);
  return makeCall(fn, a, file, expr);
}

function strOf(v: Value, file: string, line: number): Value {
  const text = formatValue(v);
  return text === undefined ? unknown('str() of a value not known statically', file, line) : { t: 'str', v: text };
}

function seqOf(v: Value | undefined, kind: 'tuple' | 'list', file: string, line: number): Value {
  if (!v) return { t: 'seq', kind, items: [] };
  if (v.t === 'seq') return { t: 'seq', kind, items: v.items };
  if (v.t === 'str') return { t: 'seq', kind, items: [...v.v].map((c) => ({ t: 'str', v: c })) };
  if (v.t === 'dict') return { t: 'seq', kind, items: v.entries.map(([k]) => k) };
  return unknown(`${kind}() of a value not known statically`, file, line);
}

function dictOf(first: Value | undefined, a: Arguments, file: string, line: number): Value {
  const entries: Array<[Value, Value]> = first?.t === 'dict' ? [...first.entries] : [];
  if (first && first.t !== 'dict') return unknown('dict() of a value not known statically', file, line);
  for (const [k, v] of a.kwargs) entries.push([{ t: 'str', v: k }, v]);
  return { t: 'dict', entries };
}

function rangeOf(a: Arguments, file: string, line: number): Value {
  const nums = a.args.map((v) => (v.t === 'num' ? v.v : NaN));
  if (nums.some(Number.isNaN) || nums.length === 0) return unknown('range() of values not known statically', file, line);
  const [start, stop, step] = nums.length === 1 ? [0, nums[0]!, 1] : [nums[0]!, nums[1]!, nums[2] ?? 1];
  const items: Value[] = [];
  for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
    if (items.length > 10_000) return unknown('range() too large', file, line);
    items.push({ t: 'num', v: i });
  }
  return { t: 'seq', kind: 'list', items };
}
