// Pure functions of the standard library over known numbers and lists: `math`, `divmod`, `abs`, `bisect`,
// `dict.fromkeys` (lengths and precisions computed in settings modules), `hashlib`.
import type { Ctx } from './context.js';
import { compareOrdered, iterate } from './evaluate-builtins.js';
import { newHash } from './evaluate-bytes.js';
import { formatSpec } from './evaluate-format.js';
import { setItem } from './evaluate-mutate.js';
import { isFloat, num, scalar, unknown, type Arguments, type Value } from './values.js';

const MATH: Record<string, (x: number) => number> = {
  'math.ceil': Math.ceil,
  'math.floor': Math.floor,
  'math.trunc': Math.trunc,
  'math.log10': Math.log10,
  'math.log2': Math.log2,
  'math.sqrt': Math.sqrt,
};
/** the functions of MATH that give an int; the others give a float */
const MATH_INT = new Set(['math.ceil', 'math.floor', 'math.trunc']);

const numberOf = (v: Value | undefined): number | undefined => {
  const s = v && scalar(v);
  return s?.t === 'num' ? s.v : s?.t === 'bool' ? Number(s.v) : undefined;
};

const floatIn = (...vs: Array<Value | undefined>): boolean => vs.some((v) => v?.t === 'num' && isFloat(v));

/** The value of a call of one of these functions; undefined for any other name. */
export function callStdlib(ctx: Ctx, name: string, a: Arguments, file: string, line: number): Value | undefined {
  const [first, second] = a.args;
  const fail = unknown(`${name.replace(/^builtins\./, '')}() of values not known statically`, file, line);
  const math = MATH[name];
  if (math) {
    const x = numberOf(first);
    // a domain error (log of 0, square root of a negative) raises in Python: not followed
    return x === undefined || a.args.length !== 1 || !Number.isFinite(math(x)) ? fail : num(math(x), !MATH_INT.has(name));
  }
  switch (name) {
    // `sum(map(ord, name))`: code points
    case 'builtins.ord': {
      const chars = first?.t === 'str' ? [...first.v] : [];
      return chars.length === 1 ? { t: 'num', v: chars[0]!.codePointAt(0)! } : fail;
    }
    case 'builtins.chr': {
      const code = numberOf(first);
      return code !== undefined && Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? { t: 'str', v: String.fromCodePoint(code) } : fail;
    }
    // format(value, spec): the format-spec mini-language, as f-strings use it
    case 'builtins.format': {
      const spec = second ?? a.kwargs.get('format_spec') ?? { t: 'str', v: '' };
      const text = first && spec.t === 'str' ? formatSpec(first, spec.v) : undefined;
      return text === undefined ? fail : { t: 'str', v: text };
    }
    case 'builtins.abs': {
      const x = numberOf(first);
      return x === undefined ? fail : num(Math.abs(x), floatIn(first));
    }
    case 'builtins.divmod': {
      const [x, y] = [numberOf(first), numberOf(second)];
      if (x === undefined || y === undefined || y === 0) return fail;
      // Python's floor division: the remainder takes the divisor's sign
      const q = Math.floor(x / y);
      const isFloatResult = floatIn(first, second);
      return { t: 'seq', kind: 'tuple', items: [num(q, isFloatResult), num(x - q * y, isFloatResult)] };
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
