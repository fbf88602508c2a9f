// Python's string formatting for the static evaluator: `!r` conversions, the format-spec mini-language of
// f-strings and str.format (https://docs.python.org/3/library/string.html#formatspec), and `%` formatting.
// Anything outside the common subset gives undefined (unknown), never an approximation.
import { enumMember, formatEmpty, formatValue, isReprEnum } from './evaluate-ops.js';
import { isFloat, numberText, scalar, sequenceText, unknown, type Value } from './values.js';

/** repr() of a plain value: strings quoted as Python quotes them; a list, tuple or dict of such values. */
export function reprOf(v: Value): string | undefined {
  // (not a set: its order is the hash's, which Python seeds per run)
  if (v.t === 'seq' && (v.kind === 'tuple' || v.kind === 'list')) return sequenceRepr(v.items, v.kind);
  if (v.t === 'dict') return dictRepr(v.entries);
  // an enum member's repr (`<Status.ACTIVE: 'active'>`) is its class's own: not written here
  if (enumMember(v)) return undefined;
  const s = scalar(v);
  if (s.t !== 'str') return formatValue(s);
  // a character Python shows as \u or \U (not printable, beyond ASCII): which ones depends on the Unicode version
  if (/[^\x00-\x7f]/.test(s.v) && NOT_PRINTABLE.test(s.v.replace(/[\x00-\x7f]/g, ''))) return undefined;
  return strRepr(s.v);
}

/**
 * repr() of a str: quoted as Python quotes it, the backslash, the quote and characters that are not printable
 * escaped (`\n`, `\x00`, `\u200b`, `\U000e0001`).
 */
export function strRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escape = (c: string): string => {
    if (c === quote || c === '\\') return `\\${c}`;
    if (c === '"' || c === "'" || c === ' ') return c;
    const escaped = ESCAPES[c];
    if (escaped) return escaped;
    const code = c.codePointAt(0)!;
    if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
    return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
  };
  return `${quote}${text.replace(ESCAPED, escape)}${quote}`;
}

/** `('a',)`, `(1, 2)`, `['a']`: a tuple or list of values that have a repr. */
function sequenceRepr(items: readonly Value[], kind: 'tuple' | 'list'): string | undefined {
  const parts: string[] = [];
  for (const item of items) {
    const text = reprOf(item);
    if (text === undefined) return undefined;
    parts.push(text);
  }
  return sequenceText(kind, parts);
}

/** `{'a': 1}`: a dict's entries in their order, keys and values that have a repr. */
function dictRepr(entries: ReadonlyArray<readonly [Value, Value]>): string | undefined {
  const parts: string[] = [];
  for (const [key, value] of entries) {
    const [k, v] = [reprOf(key), reprOf(value)];
    if (k === undefined || v === undefined) return undefined;
    parts.push(`${k}: ${v}`);
  }
  return `{${parts.join(', ')}}`;
}

/** Characters str.isprintable() rejects: categories C* and Z* (but the space). */
const NOT_PRINTABLE = /[\p{C}\p{Z}]/u;
/** What repr() escapes in a str: the backslash, either quote (only the one it uses counts), what is not printable. */
const ESCAPED = /[\\'"\p{C}\p{Z}]/gu;
const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `{x!r}` / `{x!s}` / `{x!a}`: the text the conversion gives. */
export function convertText(v: Value, conv: string): string | undefined {
  if (conv === 's') return formatValue(v);
  const repr = reprOf(v);
  return conv === 'a' && repr !== undefined && /[^\x00-\x7f]/.test(repr) ? undefined : repr;
}

const SPEC = /^(?:([\s\S])?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdfFosxX%])?$/;

/** format(value, spec) for strings, integers, floats and booleans. */
export function formatSpec(value: Value, spec: string): string | undefined {
  if (spec === '') return formatEmpty(value);
  const member = enumMember(value);
  // a member with a spec: its own `__format__` (run here only for ''), a ReprEnum's value, else its str()
  if (member && !isReprEnum(member)) {
    const text = member.kwargs.has('__format__') ? undefined : formatValue(member);
    return text === undefined ? undefined : formatSpec({ t: 'str', v: text }, spec);
  }
  const v = scalar(value);
  // an int past 2**53: its digits, with no spec or `d` (padding and grouping not followed)
  if (v.t === 'bigint') return spec === '' || spec === 'd' ? v.v.toString() : undefined;
  const m = SPEC.exec(spec);
  if (!m) return undefined;
  const [, fill0, align0, sign, alt, zero, width, group, precision, type] = m;
  // `0` before the width fills with zeros unless a fill is given, and aligns a number after its sign unless told
  const fill = fill0 ?? (zero ? '0' : ' ');
  const align = align0 ?? (zero && v.t !== 'str' ? '=' : v.t === 'str' ? '<' : '>');
  const size = width ? Number(width) : 0;
  const flags: Flags = { sign, alt, zero, group, precision, type };
  // zeros padding a number after its sign are grouped as its digits are (`format(1, "05_d")` is "0_001")
  const zeroWidth = fill === '0' && align === '=' ? size : 0;
  const body = v.t === 'str' ? stringBody(v.v, flags) : v.t === 'num' || v.t === 'bool' ? numberBody(Number(v.v), flags, v.t === 'num' && isFloat(v), zeroWidth) : undefined;
  if (body === undefined) return undefined;
  return pad(body, fill, align, size);
}

interface Flags {
  sign: string | undefined;
  alt: string | undefined;
  zero: string | undefined;
  group: string | undefined;
  precision: string | undefined;
  type: string | undefined;
}

/** A formatted value before padding: its sign (and base prefix) apart, as `=` pads between the two. */
interface Body {
  sign: string;
  digits: string;
}

function stringBody(s: string, f: Flags): Body | undefined {
  if (f.sign || f.alt || f.zero || f.group || (f.type && f.type !== 's')) return undefined;
  // a precision counts code points, as Python's str does
  return { sign: '', digits: f.precision === undefined ? s : [...s].slice(0, Number(f.precision)).join('') };
}

const BASES: Record<string, number> = { d: 10, b: 2, o: 8, x: 16, X: 16 };

/**
 * The sign (with a base's `0x` prefix) and the digits. A bool with a non-empty spec formats as the int it is. The
 * integer digits are grouped by threes (by fours in bases 2, 8 and 16, where only `_` may group), zero-filled to
 * `zeroWidth` when zeros pad the number.
 */
function numberBody(n: number, f: Flags, isFloatValue: boolean, zeroWidth: number): Body | undefined {
  const type = f.type ?? (isFloatValue ? undefined : 'd');
  const sign = n < 0 || Object.is(n, -0) ? '-' : f.sign === '+' ? '+' : f.sign === ' ' ? ' ' : '';
  let prefix = '';
  let whole: string;
  let tail = '';
  if (type === 'c') {
    // %c / {:c}: the character (out of Unicode's range, a ValueError)
    if (!Number.isInteger(n) || f.precision !== undefined || f.group || f.sign || f.alt) return undefined;
    return n >= 0 && n <= 0x10ffff ? { sign: '', digits: String.fromCodePoint(n) } : undefined;
  }
  if (type === undefined && f.precision === undefined) {
    // a float with no presentation type: str() of it (`#` would force a decimal point into it: not written here)
    if (f.alt) return undefined;
    const text = numberText({ t: 'num', v: Math.abs(n), float: true });
    whole = /^\d*/.exec(text)![0];
    tail = text.slice(whole.length);
  } else if (type !== undefined && Object.hasOwn(BASES, type)) {
    // an integer past 2**53 has digits a double does not hold (`'%d' % 1e22`)
    if (!Number.isSafeInteger(n) || f.precision !== undefined) return undefined;
    whole = Math.abs(n).toString(BASES[type]);
    if (type === 'X') whole = whole.toUpperCase();
    if (f.alt && type !== 'd') prefix = `0${type === 'X' ? 'X' : type}`;
  } else if (type === 'f' || type === 'F' || type === '%') {
    const p = f.precision === undefined ? 6 : Number(f.precision);
    const fixed = toFixedExact(Math.abs(type === '%' ? n * 100 : n), p);
    if (fixed === undefined) return undefined;
    [whole = '', tail = ''] = fixed.split(/(?=\.)/);
    // `#` keeps the decimal point when no digits follow it
    if (f.alt && p === 0) tail = '.';
    if (type === '%') tail += '%';
  } else {
    return undefined;
  }
  const groupSize = type === 'd' || type === undefined || !Object.hasOwn(BASES, type) ? 3 : 4;
  // `,` groups decimal digits only (Python: "Cannot specify ',' with 'x'")
  if (f.group === ',' && groupSize === 4) return undefined;
  const minWidth = zeroWidth - sign.length - prefix.length - tail.length;
  const digits = f.group && whole !== '' ? groupDigits(whole, groupSize, f.group, minWidth) : whole;
  return { sign: sign + prefix, digits: digits + tail };
}

/**
 * The double rounded to `p` decimals exactly as Python does (round half to even on the binary value);
 * JavaScript's toFixed rounds ties up (2.25 -> "2.3" where Python gives "2.2").
 */
function toFixedExact(x: number, p: number): string | undefined {
  if (!Number.isFinite(x) || x < 0 || p > 20) return undefined;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exp = (biased === 0 ? 1 : biased) - 1075;
  // x = mantissa * 2^exp; rounded(x * 10^p) = round-half-even(numerator / denominator)
  const numerator = mantissa * 10n ** BigInt(p) * (exp > 0 ? 2n ** BigInt(exp) : 1n);
  const denominator = exp < 0 ? 2n ** BigInt(-exp) : 1n;
  let q = numerator / denominator;
  const twice = 2n * (numerator % denominator);
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(p + 1, '0');
  return p === 0 ? text : `${text.slice(0, -p)}.${text.slice(-p)}`;
}

/**
 * Digits grouped from the right (`1_000_000`), with zeros before them, grouped too, until the text is `minWidth`
 * long (CPython's _PyUnicode_InsertThousandsGrouping: a group of zeros is cut short where the width is reached).
 */
function groupDigits(digits: string, size: number, sep: string, minWidth: number): string {
  const groups: string[] = [];
  let remaining = digits.length;
  let min = minWidth;
  for (;;) {
    const length = Math.min(size, Math.max(remaining, min, 1));
    const taken = Math.min(remaining, length);
    groups.unshift('0'.repeat(length - taken) + digits.slice(remaining - taken, remaining));
    remaining -= taken;
    min -= length;
    if (remaining <= 0 && min <= 0) break;
    min -= sep.length;
  }
  return groups.join(sep);
}

function pad({ sign: signPart, digits }: Body, fill: string, align: string, width: number): string {
  const text = signPart + digits;
  const room = Math.max(width - [...text].length, 0);
  if (align === '<') return text + fill.repeat(room);
  if (align === '>') return fill.repeat(room) + text;
  if (align === '=') return signPart + fill.repeat(room) + digits;
  const left = Math.floor(room / 2);
  return fill.repeat(left) + text + fill.repeat(room - left);
}

const PERCENT = /%(\([^)]*\))?([-#0 +]*)(\d+|\*)?(?:\.(\d+|\*))?([diouxXeEfFgGcrsa%])/g;

/** `'%s_%05d' % (a, b)` and `'%(name)s' % mapping`, through the same format-spec engine. */
export function percentFormat(fmt: string, arg: Value, file: string, line: number): Value {
  const positional = arg.t === 'seq' && arg.kind === 'tuple' ? arg.items : [arg];
  let i = 0;
  let failed = false;
  const out = fmt.replace(PERCENT, (_m, key: string | undefined, flags: string, width: string | undefined, precision: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const v = key !== undefined && arg.t === 'dict' ? arg.entries.find(([k]) => k.t === 'str' && k.v === key.slice(1, -1))?.[1] : positional[i++];
    const text = v && width !== '*' && precision !== '*' ? percentOne(v, flags, width, precision, conv) : undefined;
    if (text === undefined) failed = true;
    return text ?? '';
  });
  return failed ? unknown('%-formatting with values not known statically', file, line) : { t: 'str', v: out };
}

function percentOne(v: Value, flags: string, width: string | undefined, precision: string | undefined, conv: string): string | undefined {
  const align = flags.includes('-') ? '<' : '';
  const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const zero = flags.includes('0') && !align ? '0' : '';
  const dot = precision === undefined ? '' : `.${precision}`;
  // `%.3d` pads integers to three digits: not the format-spec meaning of a precision
  if ('diu'.includes(conv) && precision !== undefined) return undefined;
  if (conv === 's' || conv === 'r' || conv === 'a') {
    // a string right-aligns in its width unless `-` says left (`0` pads no string)
    const text = conv === 's' ? formatValue(v) : convertText(v, conv);
    return text === undefined ? undefined : formatSpec({ t: 'str', v: text }, `${align || '>'}${width ?? ''}${dot}`);
  }
  const n = scalar(v);
  if (conv === 'c') {
    // a character (given as one, or by its code point), padded as a string is
    const code = n.t === 'str' ? ([...n.v].length === 1 ? n.v.codePointAt(0)! : NaN) : n.t === 'num' || n.t === 'bool' ? Number(n.v) : NaN;
    const char = Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
    return char === undefined ? undefined : formatSpec({ t: 'str', v: char }, `${align || '>'}${width ?? ''}`);
  }
  if (n.t === 'bigint') return 'diu'.includes(conv) && flags === '' && width === undefined ? n.v.toString() : undefined;
  if (n.t !== 'num' && n.t !== 'bool') return undefined;
  // %d of a float is int() of it: no negative zero
  const num: Value = { t: 'num', v: 'diu'.includes(conv) ? Math.trunc(Number(n.v)) + 0 : Number(n.v) };
  const type = 'diu'.includes(conv) ? 'd' : conv;
  return formatSpec(num, `${align}${sign}${flags.includes('#') ? '#' : ''}${zero}${width ?? ''}${dot}${type}`);
}
