// Pure functions of the standard library over known numbers, strings and lists: `math`, `divmod`, `abs`, `round`,
// `bisect`, `dict.fromkeys` (lengths and precisions computed in settings modules), `repr`, `fnmatch`, `copy`, `hashlib`.
import type { Ctx } from './context.js';
import { compareOrdered, iterate } from './evaluate-builtins.js';
import { checksum, newHash } from './evaluate-bytes.js';
import { binaryOp } from './evaluate-ops.js';
import { convertText, formatSpec } from './evaluate-format.js';
import { setItem } from './evaluate-mutate.js';
import { isTableColumn } from './column-objects.js';
import { saSymbol } from './sa-names.js';
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
    // the integer square root of a non-negative int (floor of the exact root)
    case 'math.isqrt': {
      const n = first?.t === 'num' && !isFloat(first) && Number.isSafeInteger(first.v) && first.v >= 0 ? first.v : undefined;
      if (n === undefined || a.args.length !== 1) return fail;
      let root = Math.floor(Math.sqrt(n));
      while (root * root > n) root -= 1;
      while ((root + 1) * (root + 1) <= n) root += 1;
      return num(root);
    }
    // `sum(map(ord, name))`: code points
    case 'builtins.ord': {
      const chars = first?.t === 'str' ? [...first.v] : [];
      return chars.length === 1 ? { t: 'num', v: chars[0]!.codePointAt(0)! } : fail;
    }
    case 'builtins.chr': {
      const code = numberOf(first);
      return code !== undefined && Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? { t: 'str', v: String.fromCodePoint(code) } : fail;
    }
    // repr(x), ascii(x): what `f"{x!r}"` and `f"{x!a}"` print
    case 'builtins.repr':
    case 'builtins.ascii': {
      const text = first && a.args.length === 1 ? convertText(first, name === 'builtins.repr' ? 'r' : 'a') : undefined;
      return text === undefined ? fail : { t: 'str', v: text };
    }
    // format(value, spec): the format-spec mini-language, as f-strings use it
    case 'builtins.format': {
      const spec = second ?? a.kwargs.get('format_spec') ?? { t: 'str', v: '' };
      const text = first && spec.t === 'str' ? formatSpec(first, spec.v) : undefined;
      return text === undefined ? fail : { t: 'str', v: text };
    }
    case 'copy.copy':
    case 'copy.deepcopy': {
      const copied = first && a.args.length === 1 ? copyOf(first, name === 'copy.deepcopy') : undefined;
      return copied ?? fail;
    }
    case 'math.prod': {
      const items = first ? iterate(ctx, first) : undefined;
      const factors = [...(items ?? []), a.kwargs.get('start') ?? num(1)];
      const values = factors.map(numberOf);
      if (!items || a.args.length !== 1 || values.some((x) => x === undefined)) return fail;
      const product = (values as number[]).reduce((p, x) => p * x, 1);
      const isFloatProduct = floatIn(...factors);
      // an int past 2**53 is not held exactly here
      return isFloatProduct || Number.isSafeInteger(product) ? num(product, isFloatProduct) : fail;
    }
    case 'builtins.round': {
      const x = first?.t === 'num' || first?.t === 'bool' ? Number(first.v) : undefined;
      const ndigits = second ?? a.kwargs.get('ndigits');
      const places = ndigits === undefined || ndigits.t === 'none' ? undefined : ndigits.t === 'num' && Number.isInteger(ndigits.v) ? ndigits.v : NaN;
      const rounded = x === undefined || Number.isNaN(places) ? undefined : roundHalfEven(x, places ?? 0);
      // without ndigits an int; with them the type of x (a float stays a float)
      return rounded === undefined ? fail : num(rounded, places !== undefined && floatIn(first));
    }
    case 'builtins.abs': {
      const x = numberOf(first);
      return x === undefined ? fail : num(Math.abs(x), floatIn(first));
    }
    case 'builtins.hex':
    case 'builtins.oct':
    case 'builtins.bin': {
      // integers (and bools) only: a float is a TypeError
      const v = first ? scalar(first) : undefined;
      if (a.args.length !== 1 || !((v?.t === 'num' && !isFloat(v)) || v?.t === 'bool')) return fail;
      const n = Number(v.v);
      const [letter, radix] = name === 'builtins.hex' ? ['x', 16] : name === 'builtins.oct' ? ['o', 8] : ['b', 2];
      return { t: 'str', v: `${n < 0 ? '-' : ''}0${letter}${Math.abs(n).toString(radix)}` };
    }
    case 'builtins.divmod': {
      if (numberOf(first) === undefined || numberOf(second) === undefined) return fail;
      const items = [binaryOp('//', first!, second!, file, line), binaryOp('%', first!, second!, file, line)];
      return items.some((v) => v.t === 'unknown') ? fail : { t: 'seq', kind: 'tuple', items };
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
    // POSIX `fnmatch`: no case folding, so fnmatch and fnmatchcase agree
    case 'fnmatch.fnmatch':
    case 'fnmatch.fnmatchcase': {
      const pattern = second?.t === 'str' ? globRegex(second.v) : undefined;
      return pattern && first?.t === 'str' ? { t: 'bool', v: pattern.test(first.v) } : fail;
    }
    case 'fnmatch.filter': {
      const names = first ? iterate(ctx, first) : undefined;
      const pattern = second?.t === 'str' ? globRegex(second.v) : undefined;
      if (!names || !pattern || names.some((n) => n.t !== 'str')) return fail;
      return { t: 'seq', kind: 'list', items: names.filter((n) => pattern.test((n as { v: string }).v)) };
    }
    // `pow(base, exp)` is `base ** exp`; with a modulus, integers only, as Python's three-argument form
    case 'builtins.pow': {
      if (!first || !second || a.args.length > 3 || a.kwargs.size > 0) return fail;
      if (a.args.length === 2) return binaryOp('**', first, second, file, line);
      const [x, y, m] = a.args.map((v) => (v.t === 'num' && !isFloat(v) && Number.isSafeInteger(v.v) ? BigInt(v.v) : undefined));
      if (x === undefined || y === undefined || m === undefined || y < 0n || m === 0n) return fail;
      let result = 1n;
      for (let base = ((x % m) + m) % m, e = y; e > 0n; e >>= 1n, base = (base * base) % m) if (e & 1n) result = (result * base) % m;
      return num(Number(m < 0n && result > 0n ? result + m : result));
    }
    default:
      return checksum(name, a, file, line) ?? newHash(name, a, file, line);
  }
}

/** A shell pattern as `fnmatch.translate` reads it: `*`, `?`, `[seq]`, `[!seq]`; a `[` left open is itself. */
function globRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      // a `]` right after `[` or `[!` is a member, not the end
      let j = i + 1;
      if (pattern[j] === '!') j++;
      if (pattern[j] === ']') j++;
      const end = pattern.indexOf(']', j);
      if (end < 0) out += '\\[';
      else {
        const body = pattern.slice(i + 1, end);
        const negated = body.startsWith('!');
        const members = (negated ? body.slice(1) : body).replace(/\\/g, '\\\\').replace(/\]/g, '\\]').replace(/\[/g, '\\[').replace(/\^/g, '\\^');
        out += `[${negated ? '^' : ''}${members}]`;
        i = end;
      }
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^(?:${out})$`, 's');
}

/**
 * `copy.copy` / `copy.deepcopy` of plain data: new lists and dicts (all the way down for a deep copy); scalars,
 * classes and functions are themselves; a template Column a new one. Undefined for another object (what its
 * `__deepcopy__` does is not followed).
 */
function copyOf(v: Value, isDeep: boolean): Value | undefined {
  const inner = (x: Value): Value | undefined => (isDeep ? copyOf(x, true) : x);
  switch (v.t) {
    case 'str':
    case 'num':
    case 'bool':
    case 'none':
    case 'ext':
    case 'class':
    case 'func':
      return v;
    case 'seq': {
      const items = v.items.map(inner);
      return items.every((x) => x !== undefined) ? { ...v, items: items as Value[] } : undefined;
    }
    case 'dict': {
      const entries = v.entries.map(([k, x]): [Value, Value | undefined] => [k, inner(x)]);
      return entries.every(([, x]) => x !== undefined) ? { ...v, entries: entries as Array<[Value, Value]> } : undefined;
    }
    case 'call': {
      // a template Column (in no table yet): a new equal Column, as its `_copy()`. One in a table cannot join another;
      // one with a ForeignKey shares it (copy: "already has a parent") or loses it in its table (deepcopy)
      const isTemplate = saSymbol(v.callee) === 'Column' && !isTableColumn(v) && !v.args.some((x) => x.t === 'call' && saSymbol(x.callee) === 'ForeignKey');
      return isTemplate ? { ...v, kwargs: new Map(v.kwargs) } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Python's `round`: to `places` decimals (tens, hundreds when negative), a tie going to the even digit, decided on
 * the exact decimal value of the double (`round(0.125, 2)` is 0.12, `round(2.5)` is 2). Undefined past 1e21.
 */
function roundHalfEven(x: number, places: number): number | undefined {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21 || places > 90) return undefined;
  const [whole, fraction] = Math.abs(x).toFixed(100).split('.') as [string, string];
  const digits = whole + fraction;
  const keep = whole.length + places;
  // the sign stays on a zero (`round(-0.04, 1)` is -0.0; an int result drops it)
  const signed = (v: number): number => (x < 0 || Object.is(x, -0) ? -v : v);
  if (keep < 0) return signed(0);
  const kept = digits.slice(0, keep) || '0';
  const rest = digits.slice(keep);
  const isTie = /^50*$/.test(rest);
  const up = rest.length > 0 && (rest[0]! > '5' || (rest[0] === '5' && !isTie) || (isTie && Number(kept.at(-1)) % 2 === 1));
  // more digits than a double holds exactly: not followed
  if (kept.replace(/^0+/, '').length > 15) return undefined;
  const n = Number(kept) + (up ? 1 : 0);
  // the division by 10 ** places reads back as the shortest decimal with that many places
  const value = places > 0 ? Number((n / 10 ** places).toFixed(places)) : n * 10 ** -places;
  return signed(value);
}
