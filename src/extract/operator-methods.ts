// Python's operators over instances of project classes that define them (`Col(...) | Col(...)`, `spec < other`,
// `spec("name")`): the special method runs, as the interpreter's dispatch picks it, reflected when the left operand
// has none or returns NotImplemented; comparisons a `functools.total_ordering` class does not define are derived.
import type { Ctx, Env } from './context.js';
import { classHeader, mroOf } from './classes.js';
import { callBound, specialMethod } from './evaluate-attr.js';
import { iterate } from './evaluate-builtins.js';
import { setItem } from './evaluate-mutate.js';
import { binaryOp, compareOp, unaryOp } from './evaluate-ops.js';
import { pyName } from './sa-names.js';
import { isTruthy, type CallValue, type Value } from './values.js';

const BINARY: Readonly<Record<string, string>> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'truediv', '//': 'floordiv', '%': 'mod', '**': 'pow', '@': 'matmul',
  '|': 'or', '&': 'and', '^': 'xor', '<<': 'lshift', '>>': 'rshift',
};
const UNARY: Readonly<Record<string, string>> = { '-': '__neg__', '+': '__pos__', '~': '__invert__' };
const COMPARE: Readonly<Record<string, string>> = { '<': '__lt__', '<=': '__le__', '>': '__gt__', '>=': '__ge__', '==': '__eq__', '!=': '__ne__' };
/** The method Python tries on the right operand when the left one has none: `a < b` asks `b > a`. */
const REFLECTED: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

export const isInstance = (v: Value): v is CallValue => v.t === 'call' && v.callee.t === 'class';
const isNotImplemented = (v: Value): boolean => v.t === 'ext' && v.name === 'builtins.NotImplemented';


/**
 * `str(obj)` or `f"{obj}"` (format with an empty spec) of an instance whose project class defines `__str__` (or,
 * for format, `__format__`): what the method returns; undefined when the class defines neither.
 */
export function instanceText(ctx: Ctx, v: Value, how: 'str' | 'format', env: Env, line: number): Value | undefined {
  if (!isInstance(v)) return undefined;
  const format = how === 'format' ? specialMethod(ctx, v, '__format__') : undefined;
  if (format) return callBound(ctx, format, v, [{ t: 'str', v: '' }], line, env);
  const str = specialMethod(ctx, v, '__str__');
  return str && callBound(ctx, str, v, [], line, env);
}

/** `a op b` (binary or augmented): the project method's result when an operand's class defines one, else Python's builtin behaviour. */
export function operate(ctx: Ctx, op: string, a: Value, b: Value, env: Env, line: number): Value {
  return ((isInstance(a) || isInstance(b)) && userBinary(ctx, op, a, b, env, line)) || binaryOp(op, a, b, env.module.file, line);
}

/**
 * `a op= b`: a list extends and a dict updates in place, so every name bound to it sees the change (`alias = base;
 * alias += [c]` grows `base` too); anything else is `a = a op b`.
 */
export function operateInPlace(ctx: Ctx, op: string, a: Value, b: Value, env: Env, line: number): Value {
  if (op === '+' && a.t === 'seq' && a.kind === 'list' && !a.slice) {
    const items = iterate(ctx, b);
    if (items) {
      a.items.push(...items);
      return a;
    }
  }
  if (op === '|' && a.t === 'dict' && b.t === 'dict') {
    for (const [k, v] of b.entries) setItem(a, k, v);
    return a;
  }
  return operate(ctx, op, a, b, env, line);
}

function userBinary(ctx: Ctx, op: string, a: Value, b: Value, env: Env, line: number): Value | undefined {
  const name = BINARY[op];
  if (!name) return undefined;
  const own = isInstance(a) ? specialMethod(ctx, a, `__${name}__`) : undefined;
  const result = own && callBound(ctx, own, a as CallValue, [b], line, env);
  if (result && !isNotImplemented(result)) return result;
  const reflected = isInstance(b) ? specialMethod(ctx, b, `__r${name}__`) : undefined;
  const answer = reflected && callBound(ctx, reflected, b as CallValue, [a], line, env);
  return answer && !isNotImplemented(answer) ? answer : undefined;
}

/** `-spec`, `~flag` on a project instance: its `__neg__` / `__pos__` / `__invert__`; undefined when it has none. */
function userUnary(ctx: Ctx, op: string, a: Value, env: Env, line: number): Value | undefined {
  const method = UNARY[op] && isInstance(a) ? specialMethod(ctx, a, UNARY[op]!) : undefined;
  return method && callBound(ctx, method, a as CallValue, [], line, env);
}

export function unary(ctx: Ctx, op: string, a: Value, env: Env, line: number): Value {
  return userUnary(ctx, op, a, env, line) ?? unaryOp(op, a, env.module.file, line);
}

/** `a < b` and the other rich comparisons, through the operands' project methods where they define them. */
export function compare(ctx: Ctx, op: string, a: Value, b: Value, env: Env, line: number): Value {
  return ((isInstance(a) || isInstance(b)) && COMPARE[op] && userCompare(ctx, op, a, b, env, line)) || compareOp(op, a, b, env.module.file, line);
}

function userCompare(ctx: Ctx, op: string, a: Value, b: Value, env: Env, line: number): Value | undefined {
  const result = isInstance(a) ? comparison(ctx, op, a, b, env, line) : undefined;
  if (result && !isNotImplemented(result)) return result;
  const reflected = isInstance(b) ? comparison(ctx, REFLECTED[op]!, b, a, env, line) : undefined;
  if (reflected && !isNotImplemented(reflected)) return reflected;
  // `!=` without `__ne__`: object's own inverts what `__eq__` answers
  if (op === '!=') {
    const eq = userCompare(ctx, '==', a, b, env, line);
    const truth = eq && isTruthy(eq);
    return truth === undefined ? eq : { t: 'bool', v: !truth };
  }
  return undefined;
}

/** `self op other` by the method self's class has for it, or derives from another under `@total_ordering`. */
function comparison(ctx: Ctx, op: string, self: CallValue, other: Value, env: Env, line: number): Value | undefined {
  const direct = specialMethod(ctx, self, COMPARE[op]!);
  if (direct) return callBound(ctx, direct, self, [other], line, env);
  if (op === '==' || op === '!=' || !isTotalOrdering(ctx, self)) return undefined;
  return derivedComparison(ctx, op, self, other, env, line);
}

/**
 * What functools.total_ordering makes of the root comparison the class defines (`__lt__`, else `__le__`, `__gt__`,
 * `__ge__`), with `==`: `a > b` from `__lt__` is `not a < b and a != b`.
 */
function derivedComparison(ctx: Ctx, op: string, self: CallValue, other: Value, env: Env, line: number): Value | undefined {
  const root = ['<', '<=', '>', '>='].find((r) => specialMethod(ctx, self, COMPARE[r]!));
  if (!root) return undefined;
  const rootValue = callBound(ctx, specialMethod(ctx, self, COMPARE[root]!)!, self, [other], line, env);
  if (isNotImplemented(rootValue)) return rootValue;
  const r = isTruthy(rootValue);
  if (r === undefined) return rootValue;
  const equal = (): boolean | undefined => {
    const eq = userCompare(ctx, '==', self, other, env, line) ?? compareOp('==', self, other, env.module.file, line);
    return isTruthy(eq);
  };
  // the root's strictness and direction: `<` is strict and "less", `>=` is not strict and "greater"
  const strict = root === '<' || root === '>';
  const sameSide = (op === '<' || op === '<=') === (root === '<' || root === '<=');
  const wantsStrict = op === '<' || op === '>';
  let answer: boolean | undefined;
  if (sameSide) {
    // `<=` from `<`: r or a == b; `<` from `<=`: r and a != b
    const eq = strict === wantsStrict ? false : equal();
    answer = eq === undefined ? undefined : strict ? r || eq : r && !eq;
  } else {
    // the other side: `>=` from `<` is not r; `>` from `<` is not r and a != b; `<` from `>=`: not r; `<=` from `>`: not r (or a == b)
    const eq = strict !== wantsStrict ? false : equal();
    answer = eq === undefined ? undefined : strict ? !r && !eq : !r || eq;
  }
  return answer === undefined ? undefined : { t: 'bool', v: answer };
}

function isTotalOrdering(ctx: Ctx, v: CallValue): boolean {
  if (v.callee.t !== 'class') return false;
  return mroOf(ctx, v.callee.cls).some((e) => e.k === 'class' && classHeader(ctx, e.cls).decorators.some((d) => pyName(d) === 'functools.total_ordering'));
}

/** Python's `<` between two sort keys, for `sorted()` over project instances (or tuples holding them). */
export function instanceLess(ctx: Ctx, env: Env, line: number): (x: Value, y: Value) => boolean | undefined {
  return (x, y) => {
    const lt = isInstance(x) || isInstance(y) ? userCompare(ctx, '<', x, y, env, line) : undefined;
    return lt && isTruthy(lt);
  };
}

/** `==` between two values that may be project instances, for tuple ordering. */
export function instanceEqual(ctx: Ctx, env: Env, line: number): (x: Value, y: Value) => boolean | undefined {
  return (x, y) => {
    const eq = isInstance(x) || isInstance(y) ? userCompare(ctx, '==', x, y, env, line) : undefined;
    return eq && isTruthy(eq);
  };
}
