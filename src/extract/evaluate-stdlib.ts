// Pure functions of the standard library over known numbers and lists: `math`, `divmod`, `abs`, `bisect`,
// `dict.fromkeys` (lengths and precisions computed in settings modules), `hashlib`.
import type { Ctx } from './context.js';
import { compareOrdered, iterate } from './evaluate-builtins.js';
import { newHash } from './evaluate-bytes.js';
import { setItem } from './evaluate-mutate.js';
import { scalar, unknown, type Arguments, type Value } from './values.js';

const MATH: Record<string, (x: number) => number> = {
  'math.ceil': Math.ceil,
  'math.floor': Math.floor,
  'math.trunc': Math.trunc,
  'math.log10': Math.log10,
  'math.log2': Math.log2,
  'math.sqrt': Math.sqrt,
};

const num = (v: Value | undefined): number | undefined => {
  const s = v && scalar(v);
  return s?.t === 'num' ? s.v : s?.t === 'bool' ? Number(s.v) : undefined;
};

/** The value of a call of one of these functions; undefined for any other name. */
export function callStdlib(ctx: Ctx, name: string, a: Arguments, file: string, line: number): Value | undefined {
  const [first, second] = a.args;
  const fail = unknown(`${name.replace(/^builtins\./, '')}() of values not known statically`, file, line);
  const math = MATH[name];
  if (math) {
    const x = num(first);
    // a domain error (log of 0, square root of a negative) raises in Python: not followed
    return x === undefined || a.args.length !== 1 || !Number.isFinite(math(x)) ? fail : { t: 'num', v: math(x) };
  }
  switch (name) {
    case 'builtins.abs': {
      const x = num(first);
      return x === undefined ? fail : { t: 'num', v: Math.abs(x) };
    }
    case 'builtins.divmod': {
      const [x, y] = [num(first), num(second)];
      if (x === undefined || y === undefined || y === 0) return fail;
      // Python's floor division: the remainder takes the divisor's sign
      const q = Math.floor(x / y);
      return { t: 'seq', kind: 'tuple', items: [{ t: 'num', v: q }, { t: 'num', v: x - q * y }] };
    }
    case 'bisect.bisect':
    case 'bisect.bisect_left':
    case 'bisect.bisect_right': {
      const items = first ? iterate(ctx, first) : undefined;
      if (!items || !second || a.args.length > 2 || a.kwargs.size > 0) return fail;
      const isLeft = name === 'bisect.bisect_left';
      let at = 0;
      for (const item of items) {
        const order = compareOrdered(scalar(item), scalar(second));
        if (order === undefined) return fail;
        if (order < 0 || (!isLeft && order === 0)) at += 1;
        else break;
      }
      return { t: 'num', v: at };
    }
    case 'builtins.dict.fromkeys': {
      const keys = first ? iterate(ctx, first) : undefined;
      if (!keys) return fail;
      const made: Extract<Value, { t: 'dict' }> = { t: 'dict', entries: [] };
      for (const key of keys) setItem(made, key, second ?? { t: 'none' });
      return made;
    }
    default:
      return newHash(name, a, file, line);
  }
}
