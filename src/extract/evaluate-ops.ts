// Operators of the static evaluator: arithmetic, string formatting, comparisons, `X | None`.
import { percentFormat, reprOf } from './evaluate-format.js';
import { bytesOf, bytesOperation } from './evaluate-bytes.js';
import { libraryNamespaceHas } from './outside-attrs.js';
import { saSymbol } from './sa-names.js';
import { elementAttrMark } from '../schema/type-spec.js';
import { decimalText } from './evaluate-decimal.js';
import { setItem } from './evaluate-mutate.js';
import { integerOf, intValue, isBuiltinValue, isFloat, isTruthy, num, numberText, record, scalar, unknown, type CallValue, type Value } from './values.js';

/** The attributes of the element a `@compiles` function is given (compiles.ts) are these external names. */
const COMPILED_ELEMENT_ATTR = 'schemaguard.CompiledElement.';

/** Python's str() of a scalar; undefined when the value is not a plain scalar. */
export function formatValue(v: Value): string | undefined {
  const member = enumMember(v);
  if (member) {
    // str(member): a project `__str__`'s result; a ReprEnum's (StrEnum, IntEnum, IntFlag) value; else `Class.NAME`
    const own = member.kwargs.get('__str__');
    if (own) return own.t === 'str' ? own.v : undefined;
    const shown = isReprEnum(member) ? member.kwargs.get('value') : member.kwargs.get('__enum__');
    return shown ? formatValue(shown) : undefined;
  }
  const decimal = decimalText(v);
  if (decimal !== undefined) return decimal;
  // `f"VARCHAR({element.length})"` in a @compiles function: the attribute, filled in per type when rendered
  if (v.t === 'ext' && v.name.startsWith(COMPILED_ELEMENT_ATTR)) return elementAttrMark(v.name.slice(COMPILED_ELEMENT_ATTR.length));
  switch (v.t) {
    case 'str':
      return v.v;
    case 'num':
      return numberText(v);
    case 'bigint':
      return v.v.toString();
    case 'bool':
      return v.v ? 'True' : 'False';
    case 'none':
      return 'None';
    // a list, tuple or dict: its repr, as object.__str__ gives it
    case 'seq':
    case 'dict':
      return reprOf(v);
    default:
      return undefined;
  }
}

/** format(v, '') (an f-string's `{v}`): an enum member's project `__format__`, else str(v) as Python 3.12+ gives it. */
export function formatEmpty(v: Value): string | undefined {
  const own = enumMember(v)?.kwargs.get('__format__');
  if (own) return own.t === 'str' ? own.v : undefined;
  return formatValue(v);
}

/** An enum member as enums.ts makes it (a record with its `Class.NAME` text). */
export function enumMember(v: Value): CallValue | undefined {
  return v.t === 'call' && v.callee.t === 'ext' && v.callee.name === 'schemaguard.Record' && v.kwargs.has('__enum__') ? v : undefined;
}

/** StrEnum, IntEnum and IntFlag members read and format as their value. */
export function isReprEnum(member: CallValue): boolean {
  const mixin = member.kwargs.get('__mixin__');
  return mixin?.t === 'str' && (mixin.v === 'strenum' || mixin.v === 'intenum');
}

export function binaryOp(op: string, a: Value, b: Value, file: string, line: number): Value {
  if (a.t === 'unknown') return a;
  if (b.t === 'unknown') return b;
  if (FLAG_OPS.has(op) && a.t === 'call' && b.t === 'call' && flagClass(a) !== undefined && flagClass(a) === flagClass(b)) return flagOperation(op, a, b, file, line);
  // `"%s" % member` formats the member as str() gives it, not its value
  const left = scalar(a);
  if (op === '%' && left.t === 'str') return percentFormat(left.v, b, file, line);
  // an IntEnum member in arithmetic, a StrEnum member in concatenation: its value
  if (left !== a || scalar(b) !== b) return binaryOp(op, left, scalar(b), file, line);
  // `defaults | {"index": True}`: the merged dict, the right side's values winning
  if (op === '|' && a.t === 'dict' && b.t === 'dict') return mergedDict(a, b);
  if (a.t === 'seq' && b.t === 'seq' && a.kind === 'set' && b.kind === 'set' && SET_OPS.has(op)) return setOperation(op, a.items, b.items, file, line);
  // a bool is an int in arithmetic (`(len(a) > len(b)) - (len(a) < len(b))`); `&`, `|`, `^` of two bools are bools
  if ((a.t === 'bool' || b.t === 'bool') && (a.t === 'bool' || a.t === 'num') && (b.t === 'bool' || b.t === 'num')) {
    if (a.t === 'bool' && b.t === 'bool' && (op === '&' || op === '|' || op === '^')) return { t: 'bool', v: op === '&' ? a.v && b.v : op === '|' ? a.v || b.v : a.v !== b.v };
    return numeric(op, a.t === 'bool' ? num(Number(a.v)) : a, b.t === 'bool' ? num(Number(b.v)) : b, file, line);
  }
  if (a.t === 'bigint' || b.t === 'bigint') return bigOperation(op, a, b, file, line);
  if (op === '|' && !(a.t === 'num' && b.t === 'num')) return { t: 'generic', base: { t: 'ext', name: 'typing.Union' }, args: [a, b] };
  if (a.t === 'num' && b.t === 'num') return numeric(op, a, b, file, line);
  if (op === '+' && a.t === 'str' && b.t === 'str') return { t: 'str', v: a.v + b.v };
  if (op === '+' && a.t === 'seq' && b.t === 'seq') return { t: 'seq', kind: a.kind, items: [...a.items, ...b.items] };
  if (op === '*' && a.t === 'str' && b.t === 'num') return { t: 'str', v: a.v.repeat(Math.max(0, b.v)) };
  const fromBytes = bytesOperation(op, a, b, file, line);
  if (fromBytes) return fromBytes;
  return unknown(`operator ${op} on values not known statically`, file, line);
}

const SET_OPS = new Set(['|', '&', '-', '^']);
const SET_METHODS: ReadonlyMap<string, string> = new Map([['union', '|'], ['intersection', '&'], ['difference', '-'], ['symmetric_difference', '^']]);
const SET_TESTS = new Set(['issubset', 'issuperset', 'isdisjoint']);

/**
 * `RESERVED.intersection(names)`, `s.issubset(keys)`: a set's methods take any iterables (`itemsOf` an argument's
 * items, undefined when not known statically), and answer as the operators over sets do. Undefined for another method.
 */
export function callSetMethod(set: Value[], name: string, values: Value[], itemsOf: (v: Value) => Value[] | undefined, file: string, line: number): Value | undefined {
  const op = SET_METHODS.get(name);
  const isTest = SET_TESTS.has(name) && values.length === 1;
  if ((!op && !isTest) || (op === '^' && values.length !== 1)) return undefined;
  const args = values.map(itemsOf);
  if (args.some((items) => items === undefined)) return unknown(`set.${name}() of values not known statically`, file, line);
  if (isTest) {
    const other = args[0]!;
    const rest = name === 'issubset' ? setOperation('-', set, other, file, line) : name === 'issuperset' ? setOperation('-', other, set, file, line) : setOperation('&', set, other, file, line);
    return rest.t === 'seq' ? { t: 'bool', v: rest.items.length === 0 } : rest;
  }
  let result: Value = { t: 'seq', kind: 'set', items: [...set] };
  for (const other of args) if (result.t === 'seq') result = setOperation(op!, result.items, other!, file, line);
  return result;
}

/** `a | b`, `a & b`, `a - b`, `a ^ b` of two sets, in a's order then b's (a set's own order is Python's hash order). */
function setOperation(op: string, a: Value[], b: Value[], file: string, line: number): Value {
  const has = (items: Value[], x: Value): boolean | undefined => contains({ t: 'seq', kind: 'list', items }, x);
  const picks: Value[] = [];
  const take = (from: Value[], keep: (x: Value) => boolean | undefined): boolean => {
    for (const x of from) {
      const k = keep(x);
      if (k === undefined) return false;
      if (k && has(picks, x) !== true) picks.push(x);
    }
    return true;
  };
  const inB = (x: Value) => has(b, x);
  const inA = (x: Value) => has(a, x);
  const not = (f: (x: Value) => boolean | undefined) => (x: Value) => (f(x) === undefined ? undefined : !f(x));
  const ok =
    op === '|' ? take(a, () => true) && take(b, () => true)
    : op === '&' ? take(a, inB)
    : op === '-' ? take(a, not(inB))
    : take(a, not(inB)) && take(b, not(inA));
  return ok ? { t: 'seq', kind: 'set', items: picks } : unknown(`set operator ${op} on items not known statically`, file, line);
}

/** The class of a Flag's member (enums.ts marks them with its name). */
function flagClass(v: CallValue): string | undefined {
  return fieldText(v, '__flag__');
}

const FLAG_OPS = new Set(['|', '&', '^']);

/**
 * `Permission.READ | Permission.WRITE`, `cap & PRECISE`: a member of the same class with the bits the operation
 * leaves (Python 3.13's naming: the member, an alias included, that has the value; else its single-bit members
 * in ascending order joined by `|`; None for 0).
 */
function flagOperation(op: string, a: CallValue, b: CallValue, file: string, line: number): Value {
  const [x, y] = [a.kwargs.get('value'), b.kwargs.get('value')];
  if (x?.t !== 'num' || y?.t !== 'num') return op === '|' ? { t: 'generic', base: { t: 'ext', name: 'typing.Union' }, args: [a, b] } : unknown(`operator ${op} on Flag members whose values are not known`, file, line);
  const value = numeric(op, x, y, file, line);
  return value.t === 'num' ? flagMember(a, value.v, file, line) : value;
}

/** The member of `like`'s Flag class that has this value, named as Python names it. */
export function flagMember(like: CallValue, value: number, file: string, line: number): Value {
  const names = like.kwargs.get('__flagnames__');
  const known = names?.t === 'dict' ? names.entries.flatMap(([v, n]) => (v.t === 'num' && n.t === 'str' ? [[v.v, n.v] as const] : [])) : [];
  const exact = known.find(([v]) => v === value)?.[1];
  const bits = known.filter(([v]) => v > 0 && (v & (v - 1)) === 0 && (value & v) === v).sort(([p], [q]) => p - q);
  const covered = bits.reduce((sum, [v]) => sum | v, 0);
  if (exact === undefined && value !== 0 && covered !== value) return unknown('a Flag value with bits no member has', file, line);
  const name: Value = exact !== undefined ? { t: 'str', v: exact } : value === 0 ? { t: 'none' } : { t: 'str', v: bits.map(([, n]) => n).join('|') };
  // str() of it, and its identity: the name is canonical (`TEMP | HUMIDITY` is CLIMATE), `Cap(0)` has none
  const identity = name.t === 'str' ? `${flagClass(like)}.${name.v}` : `${flagClass(like)}(0)`;
  return record({ ...Object.fromEntries(like.kwargs), name, _name_: name, value: num(value), _value_: num(value), __enum__: { t: 'str', v: identity } });
}

/** `~member`: the class's other bits (those of its single-bit members). */
function flagInverse(member: CallValue, file: string, line: number): Value {
  const names = member.kwargs.get('__flagnames__');
  const value = member.kwargs.get('value');
  if (names?.t !== 'dict' || value?.t !== 'num') return unknown('operator ~ on a Flag member not known statically', file, line);
  const all = names.entries.reduce((sum, [v]) => (v.t === 'num' ? sum | v.v : sum), 0);
  return flagMember(member, all & ~value.v, file, line);
}

/** `item in container` for two members of one Flag class: all of the item's bits are the container's. */
function flagContains(container: Value, item: Value): boolean | undefined {
  if (container.t !== 'call' || item.t !== 'call' || flagClass(container) === undefined || flagClass(container) !== flagClass(item)) return undefined;
  const [c, i] = [container.kwargs.get('value'), item.kwargs.get('value')];
  return c?.t === 'num' && i?.t === 'num' ? (c.v & i.v) === i.v : undefined;
}

function fieldText(v: CallValue, name: string): string | undefined {
  const field = v.kwargs.get(name);
  return field?.t === 'str' ? field.v : undefined;
}

function mergedDict(a: Extract<Value, { t: 'dict' }>, b: Extract<Value, { t: 'dict' }>): Value {
  const merged: Extract<Value, { t: 'dict' }> = { t: 'dict', entries: [...a.entries] };
  for (const [k, v] of b.entries) setItem(merged, k, v);
  return merged;
}

type NumValue = Extract<Value, { t: 'num' }>;

/**
 * Arithmetic as Python does it: a float when either operand is one (and from `/`, or `**` to a negative power);
 * an integer beyond 2**53, which a JS number would round, computed again exactly (integerArithmetic).
 */
function numeric(op: string, a: NumValue, b: NumValue, file: string, line: number): Value {
  const [x, y] = [a.v, b.v];
  const anyFloat = isFloat(a) || isFloat(b);
  const out = (v: number, isFloatResult = anyFloat): Value =>
    isFloatResult || Number.isSafeInteger(v) ? num(v, isFloatResult) : integerArithmetic(op, BigInt(x), BigInt(y), file, line);
  switch (op) {
    case '+':
      return out(x + y);
    case '-':
      return out(x - y);
    case '*':
      return out(x * y);
    case '/':
      return y === 0 ? unknown('division by zero', file, line) : out(x / y, true);
    case '//':
    case '%': {
      if (y === 0) return unknown('division by zero', file, line);
      if (!anyFloat) return integerArithmetic(op, BigInt(x), BigInt(y), file, line);
      const [quotient, remainder] = floatDivmod(x, y);
      return out(op === '//' ? quotient : remainder);
    }
    case '**':
      return out(x ** y, anyFloat || y < 0);
    case '<<':
    case '>>':
    case '|':
    case '&':
    case '^':
      if (anyFloat) return unknown(`operator ${op} on a float`, file, line);
      return integerArithmetic(op, BigInt(x), BigInt(y), file, line);
    default:
      return unknown(`operator ${op} not supported statically`, file, line);
  }
}

/** An operator with an int past 2**53 on either side: exact on two ints; with a float, on the int made a float. */
function bigOperation(op: string, a: Value, b: Value, file: string, line: number): Value {
  const [x, y] = [integerOf(a), integerOf(b)];
  if (x !== undefined && y !== undefined) return integerArithmetic(op, x, y, file, line);
  const asFloat = (v: Value): Value => (v.t === 'bigint' ? num(Number(v.v), true) : v);
  const [fa, fb] = [asFloat(a), asFloat(b)];
  return fa.t === 'num' && fb.t === 'num' ? numeric(op, fa, fb, file, line) : unknown(`operator ${op} on values not known statically`, file, line);
}

/** Bits an integer may grow to here; Python's have no bound, a schema's never come near it. */
const MAX_BITS = 4096n;

/** Python's arithmetic on unbounded integers (BigInt), at any size: true division of them is not followed. */
function integerArithmetic(op: string, x: bigint, y: bigint, file: string, line: number): Value {
  switch (op) {
    case '+':
      return intValue(x + y);
    case '-':
      return intValue(x - y);
    case '*':
      return intValue(x * y);
    case '//':
    case '%': {
      if (y === 0n) return unknown('division by zero', file, line);
      // Python's divmod: the quotient floored, the remainder taking the divisor's sign
      let [q, r] = [x / y, x % y];
      if (r !== 0n && r < 0n !== y < 0n) [q, r] = [q - 1n, r + y];
      return intValue(op === '//' ? q : r);
    }
    case '**':
      if (y < 0n || y > MAX_BITS) return unknown('a power of an integer past 2**53 (not followed)', file, line);
      return intValue(x ** y);
    case '<<':
    case '>>':
      if (y < 0n || y > MAX_BITS) return unknown(`operator ${op} by ${y} (not followed)`, file, line);
      return intValue(op === '<<' ? x << y : x >> y);
    case '|':
      return intValue(x | y);
    case '&':
      return intValue(x & y);
    case '^':
      return intValue(x ^ y);
    default:
      return unknown(`operator ${op} on an integer past 2**53 (not followed)`, file, line);
  }
}

/** CPython's float divmod (floatobject.c): from fmod, so `1 // 0.1` is 9.0 and `1e-07 % 0.3` is 1e-07, as Python has them. */
function floatDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) [mod, div] = [mod + y, div - 1];
  } else mod = y < 0 ? -0 : 0;
  if (div === 0) {
    const q = x / y;
    return [q < 0 || Object.is(q, -0) ? -0 : 0, mod];
  }
  const floor = Math.floor(div);
  return [div - floor > 0.5 ? floor + 1 : floor, mod];
}

export function unaryOp(op: string, a: Value, file: string, line: number): Value {
  if (a.t === 'unknown') return a;
  if (op === 'not') {
    const truth = isTruthy(a);
    return truth === undefined ? unknown('condition not decidable statically', file, line) : { t: 'bool', v: !truth };
  }
  if (op === '~' && a.t === 'call' && flagClass(a) !== undefined) return flagInverse(a, file, line);
  // `-timedelta(hours=5)`: the timedelta of every argument negated (`timezone(-timedelta(hours=5))`)
  if ((op === '-' || op === '+') && a.t === 'call' && a.callee.t === 'ext' && a.callee.name === 'datetime.timedelta') {
    const sign = (v: Value): Value | undefined => (v.t === 'num' ? num(op === '-' ? -v.v : v.v, isFloat(v)) : undefined);
    const args = a.args.map(sign);
    const kwargs = [...a.kwargs].map(([k, v]) => [k, sign(v)] as const);
    if (args.every((v) => v !== undefined) && kwargs.every(([, v]) => v !== undefined)) return { ...a, args: args as Value[], kwargs: new Map(kwargs as Array<[string, Value]>) };
  }
  if (a.t === 'bigint') return intValue(op === '~' ? -a.v - 1n : op === '-' ? -a.v : a.v);
  if (a.t === 'num') {
    // `~x` is -x - 1 on Python's unbounded integers (JavaScript's `~` works on 32 bits), and no float has it
    if (op === '~') return isFloat(a) ? unknown('operator ~ on a float', file, line) : num(-a.v - 1);
    return num(op === '-' ? -a.v : a.v, isFloat(a));
  }
  return unknown(`operator ${op} on a value not known statically`, file, line);
}

export function equalValues(x: Value, y: Value): boolean | undefined {
  // two reads of enum members (each made anew): the same member or not (`book is Book.MEMO`)
  const [ex, ey] = [enumMemberOf(x), enumMemberOf(y)];
  if (ex !== undefined && ey !== undefined && scalar(x) === x && scalar(y) === y) return ex === ey;
  const a = scalar(x);
  const b = scalar(y);
  if (a.t === 'unknown' || b.t === 'unknown') return undefined;
  if (a === b) return true;
  if (a.t === 'bigint' || b.t === 'bigint') return bigEquals(a, b);
  if ((a.t === 'str' || a.t === 'num' || a.t === 'bool') && a.t === b.t) return a.v === b.v;
  if (a.t === 'none' || b.t === 'none') return a.t === b.t;
  if (a.t === 'num' && b.t === 'bool') return a.v === Number(b.v);
  if (a.t === 'ext' && b.t === 'ext') return a.name === b.name;
  if (a.t === 'class' && b.t === 'class') return a.cls === b.cls;
  // a project class is never an outside class (`parent == Poly` over `cls.__mro__`, which ends in library classes)
  if ((a.t === 'class' && b.t === 'ext') || (a.t === 'ext' && b.t === 'class')) return false;
  const [bytesA, bytesB] = [bytesOf(a), bytesOf(b)];
  if (bytesA !== undefined && bytesB !== undefined) return bytesA === bytesB;
  if (a.t === 'seq' && b.t === 'seq') {
    if (a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) {
      const eq = equalValues(a.items[i]!, b.items[i]!);
      if (eq !== true) return eq;
    }
    return true;
  }
  // Python's builtins of different types are never equal (bool and int aside, compared above)
  const builtin = (v: Value): string | undefined => (v.t === 'bool' ? 'num' : v.t === 'str' || v.t === 'num' || v.t === 'seq' || v.t === 'dict' ? v.t : bytesOf(v) !== undefined ? 'bytes' : undefined);
  const [ka, kb] = [builtin(a), builtin(b)];
  if (ka && kb && ka !== kb) return false;
  return undefined;
}

/** A class instance just made (`String(12)`, `Column(...)`) is never the very object a name or a literal holds (`Integer`, None). */
function isFreshVersusOther(a: Value, b: Value): boolean {
  const isNew = (v: Value): boolean => v.t === 'call' && (v.callee.t === 'class' || /^[A-Z]/.test(saSymbol(v.callee) ?? ''));
  const isOther = (v: Value): boolean => v.t === 'class' || v.t === 'ext' || isBuiltinValue(v);
  return (isNew(a) && isOther(b)) || (isOther(a) && isNew(b));
}

export function compareOp(op: string, a: Value, b: Value, file: string, line: number): Value {
  const fail = unknown(`comparison ${op} not decidable statically`, file, line);
  switch (op) {
    case '==':
    case 'is':
    case '!=':
    case 'is not': {
      const eq = op.startsWith('is') && isFreshVersusOther(a, b) ? false : equalValues(a, b);
      if (eq === undefined) return fail;
      return { t: 'bool', v: op === '==' || op === 'is' ? eq : !eq };
    }
    case 'in':
    case 'not in': {
      const hit = contains(b, a);
      return hit === undefined ? fail : { t: 'bool', v: op === 'in' ? hit : !hit };
    }
    default: {
      if (a.t === 'num' && b.t === 'num') return { t: 'bool', v: order(op, a.v, b.v) };
      const [x, y] = [integerOf(a), integerOf(b)];
      if ((a.t === 'bigint' || b.t === 'bigint') && x !== undefined && y !== undefined) return { t: 'bool', v: order(op, x, y) };
      if (a.t === 'str' && b.t === 'str') return { t: 'bool', v: order(op, a.v, b.v) };
      if (a.t === 'seq' && b.t === 'seq') {
        const sign = compareItems(a.items, b.items);
        return sign === undefined ? fail : { t: 'bool', v: order(op, sign, 0) };
      }
      return fail;
    }
  }
}

/** `==` with an int past 2**53 on a side: exact against an int, or a float of the same integral value. */
function bigEquals(a: Value, b: Value): boolean {
  const [x, y] = [integerOf(a), integerOf(b)];
  if (x !== undefined && y !== undefined) return x === y;
  const [big, other] = a.t === 'bigint' ? [a.v, b] : [(b as Extract<Value, { t: 'bigint' }>).v, a];
  return other.t === 'num' && Number.isInteger(other.v) && BigInt(other.v) === big;
}

/** Python's sequence ordering (`sys.version_info >= (3, 11)`): -1, 0 or 1; undefined for items not comparable. */
function compareItems(a: Value[], b: Value[]): number | undefined {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (!((x.t === 'num' && y.t === 'num') || (x.t === 'str' && y.t === 'str'))) return undefined;
    if (x.v !== y.v) return x.v < y.v ? -1 : 1;
  }
  return Math.sign(a.length - b.length);
}

function order<T extends number | string | bigint>(op: string, x: T, y: T): boolean {
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

function contains(container: Value, item: Value): boolean | undefined {
  if (container.t === 'str' && item.t === 'str') return container.v.includes(item.v);
  const inFlag = flagContains(container, item);
  if (inFlag !== undefined) return inFlag;
  if (container.t === 'seq') {
    let undecided = false;
    for (const x of container.items) {
      const eq = equalValues(x, item);
      if (eq === true) return true;
      if (eq === undefined) undecided = true;
    }
    return undecided ? undefined : false;
  }
  if (container.t === 'dict') return contains({ t: 'seq', kind: 'list', items: container.entries.map(([k]) => k) }, item);
  return libraryNamespaceHas(container, item);
}

/**
 * Whether two values are the same dict key, as Python's hash and == decide: equal strings, numbers (`True` is 1),
 * tuples item by item, the same class or outside name.
 */
/** `Cls.MEMBER` for an enum member's value, undefined for any other value. */
const enumMemberOf = (v: Value): string | undefined => (v.t === 'call' ? fieldText(v, '__enum__') : undefined);

export function sameKey(a: Value, b: Value): boolean {
  if (a === b) return true;
  // enum members (made anew on each read) are the same key when they are the same member; a str or int mixin
  // member is also the key its value is
  const [ea, eb] = [enumMemberOf(a), enumMemberOf(b)];
  if (ea !== undefined && eb !== undefined) return ea === eb;
  if (ea !== undefined || eb !== undefined) return scalar(a) !== a || scalar(b) !== b ? sameKey(scalar(a), scalar(b)) : false;
  if (a.t === 'str' && b.t === 'str') return a.v === b.v;
  if ((a.t === 'num' || a.t === 'bool') && (b.t === 'num' || b.t === 'bool')) return Number(a.v) === Number(b.v);
  if (a.t === 'none' && b.t === 'none') return true;
  if (a.t === 'seq' && b.t === 'seq') return a.kind === 'tuple' && b.kind === 'tuple' && a.items.length === b.items.length && a.items.every((x, i) => sameKey(x, b.items[i]!));
  if (a.t === 'ext' && b.t === 'ext') return a.name === b.name;
  if (a.t === 'class' && b.t === 'class') return a.cls === b.cls;
  return false;
}
