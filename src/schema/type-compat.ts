// Classifies a column type change (widening, narrowing, ...) from the rendered type strings and enum values.
import type { ColumnAspect, TypeChange, TypeChangeClass } from './changes.js';
import { SQLITE_SIZELESS, typeInfo, type Family, type TypeInfo } from './type-families.js';
import { parseType } from './type-parse.js';
import type { Dialect } from './types.js';

/** How the set of storable values moved: 'mixed' gains some and loses others. */
type Direction = 'wider' | 'narrower' | 'equal' | 'mixed';

/** Enum values of each side (`column.enum`), null for a type that is not an enum. */
export interface EnumValues {
  readonly from: readonly string[] | null;
  readonly to: readonly string[] | null;
}

const LOG2_10 = Math.log2(10);

function combine(a: Direction, b: Direction): Direction {
  if (a === 'equal') return b;
  if (b === 'equal' || a === b) return a;
  return 'mixed';
}

function compareNumbers(from: number, to: number): Direction {
  if (to > from) return 'wider';
  return to < from ? 'narrower' : 'equal';
}

function compareDims(from: TypeInfo, to: TypeInfo): Direction {
  const keys = new Set([...Object.keys(from.dims), ...Object.keys(to.dims)]);
  let dir: Direction = 'equal';
  for (const k of keys) dir = combine(dir, compareNumbers(from.dims[k] ?? 0, to.dims[k] ?? 0));
  return dir;
}

/** Decimal digits needed for 2^bits (bits < 0: no value on that side of zero). */
function digitsFor(bits: number): number {
  return bits < 0 ? 0 : Math.ceil(bits / LOG2_10);
}

function integerToDecimal(int: TypeInfo, dec: TypeInfo): Direction {
  const d = dec.dims;
  const fitsPositive = (d.integer ?? 0) >= digitsFor(int.dims.positive ?? 0);
  const fitsNegative = (int.dims.negative ?? 0) < 0 || ((d.negative ?? 0) > 0 && (d.integer ?? 0) >= digitsFor(int.dims.negative ?? 0));
  return fitsPositive && fitsNegative ? 'wider' : 'narrower';
}

function decimalToInteger(dec: TypeInfo, int: TypeInfo): Direction {
  const digits = dec.dims.integer ?? Number.POSITIVE_INFINITY;
  const bitsNeeded = digits * LOG2_10;
  const fitsNegative = (dec.dims.negative ?? 0) === 0 || bitsNeeded <= (int.dims.negative ?? 0);
  return dec.dims.scale === 0 && bitsNeeded <= (int.dims.positive ?? 0) && fitsNegative ? 'wider' : 'narrower';
}

/** The years MySQL's DATE spans (1000-9999). */
const MYSQL_DATE_YEARS = 9000;

/** Conversions between families that keep every value in one direction; any other pair is cross-family. */
const CROSS_FAMILY: Partial<Record<`${Family}>${Family}`, (from: TypeInfo, to: TypeInfo, dialect: Dialect) => Direction>> = {
  'integer>decimal': integerToDecimal,
  'decimal>integer': decimalToInteger,
  // an integer is exact in a float whose mantissa covers its magnitude (and that takes negatives, if it has them)
  'integer>float': (i, f) =>
    Math.max(i.dims.positive ?? 0, i.dims.negative ?? 0) <= (f.dims.mantissa ?? 0) && !((i.dims.negative ?? 0) >= 0 && f.dims.negative === 0) ? 'wider' : 'narrower',
  'float>integer': () => 'narrower',
  'decimal>float': () => 'narrower',
  // PostgreSQL converts a float to NUMERIC through 6 (REAL) or 15 (DOUBLE PRECISION) significant digits:
  // 16777216::real::numeric is 16777200, so even an unbounded NUMERIC loses values there (measured on PostgreSQL 15)
  'float>decimal': (_f, d, dialect) => (d.dims.integer === Number.POSITIVE_INFINITY && dialect !== 'postgresql' ? 'wider' : 'narrower'),
  // a timestamp holds every date, but MySQL's TIMESTAMP, which spans 1970-2038 where DATE spans 1000-9999
  // (measured on MariaDB 10.11: ALTER ... MODIFY refuses DATE '1000-01-01')
  'date>timestamp': (_d, t) => ((t.dims.years ?? Number.POSITIVE_INFINITY) < MYSQL_DATE_YEARS ? 'narrower' : 'wider'),
  'timestamp>date': () => 'narrower',
};

function classOf(direction: Direction, isSemantic: boolean): TypeChangeClass {
  if (direction === 'narrower' || direction === 'mixed') return 'narrowing';
  if (isSemantic) return 'semantic';
  return direction === 'wider' ? 'widening' : 'same';
}

/**
 * Enum -> enum: removed values narrow, added values widen. A non-native enum is a VARCHAR: its length counts too
 * (except on SQLite), and the order of its values means nothing; a native one (PostgreSQL's type, MySQL's ENUM)
 * sorts and compares values by their declared order, so a reorder changes meaning.
 */
function classifyEnums(from: readonly string[], to: readonly string[], types: { from: string; to: string }, dialect: Dialect): TypeChangeClass {
  const a = parseType(types.from);
  const b = parseType(types.to);
  const x = typeInfo(a, dialect);
  const y = typeInfo(b, dialect);
  // a non-native enum's VARCHAR holds any string (SQLAlchemy adds no CHECK by default): a native type refuses the others
  if (x.family === 'text' && y.family !== 'text') return 'narrowing';
  // native to non-native: its values as strings, held when the VARCHAR is long enough
  if (x.family !== 'text' && y.family === 'text') return classifyMembers(from, to, false, fitsValues(from, y, dialect));
  const isStoredAsText = x.family === 'text';
  const length = isStoredAsText && dialect !== 'sqlite' ? compareDims(x, y) : 'equal';
  return classifyMembers(from, to, !isStoredAsText, length, a.name !== b.name);
}

/** Whether a type's tag marks it fixed-length (CHAR, BINARY) or varying (VARCHAR), or neither. */
function fixedness(tag: string): 'fixed' | 'varying' | undefined {
  return /\bfixed\b/.test(tag) ? 'fixed' : /\bvarying\b/.test(tag) ? 'varying' : undefined;
}

/** 'wider' when a text type holds every value (SQLite holds any length), else 'narrower'. */
function fitsValues(values: readonly string[], text: TypeInfo, dialect: Dialect): Direction {
  const longest = Math.max(0, ...values.map((v) => v.length));
  const length = dialect === 'sqlite' ? Number.POSITIVE_INFINITY : (text.dims.length ?? 0);
  return length >= longest ? 'wider' : 'narrower';
}

/**
 * Enum <-> plain type. A native enum fits a text column long enough for its longest value; text never fits one. A
 * non-native enum is a VARCHAR with any string in it: its storage decides, and values set free widen.
 */
function classifyEnumPlain(enumValues: readonly string[], storage: TypeInfo, plain: TypeInfo, isEnumFirst: boolean, dialect: Dialect): TypeChangeClass {
  if (plain.family !== 'text') return 'cross-family';
  const isFixed = fixedness(plain.tag) === 'fixed';
  if (storage.family === 'text') {
    const sized = dialect === 'sqlite' ? 'equal' : isEnumFirst ? compareDims(storage, plain) : compareDims(plain, storage);
    return classOf(isEnumFirst ? combine(sized, 'wider') : sized, isFixed);
  }
  if (!isEnumFirst) return 'narrowing';
  return classOf(fitsValues(enumValues, plain, dialect), isFixed);
}

/** PostgreSQL's range and multirange types (INT4RANGE, TSTZMULTIRANGE ...), by the type of their bounds. */
const RANGE_BOUNDS: Readonly<Record<string, string>> = {
  INT4: 'INTEGER', INT8: 'BIGINT', NUM: 'NUMERIC', TS: 'TIMESTAMP WITHOUT TIME ZONE', TSTZ: 'TIMESTAMP WITH TIME ZONE', DATE: 'DATE',
};

function rangeOf(name: string): { kind: string; bound: string } | undefined {
  const [, prefix = '', kind = ''] = /^(\w+?)(MULTIRANGE|RANGE)$/.exec(name) ?? [];
  const bound = RANGE_BOUNDS[prefix];
  return bound === undefined ? undefined : { kind, bound };
}

/**
 * Enum and MySQL SET members: removed ones narrow, added ones widen (`alsoNarrows`: what the storage's size does);
 * a new order changes what `isOrdered` members mean, as does a renamed type.
 */
function classifyMembers(from: readonly string[], to: readonly string[], isOrdered: boolean, alsoNarrows: Direction = 'equal', isRenamed = false): TypeChangeClass {
  const removed = from.some((v) => !to.includes(v));
  const added = to.some((v) => !from.includes(v));
  const direction = combine(alsoNarrows, combine(removed ? 'narrower' : 'equal', added ? 'wider' : 'equal'));
  const kept = from.filter((v) => to.includes(v));
  const isReordered = isOrdered && kept.join('\u0000') !== to.filter((v) => from.includes(v)).join('\u0000');
  return classOf(direction, isRenamed || isReordered);
}

const unquote = (arg: string): string => arg.replace(/^'(.*)'$/s, '$1').replace(/''/g, "'");

/**
 * Within one family, fixed-length and varying types store values differently: a varying value put in a fixed column
 * is padded (trailing spaces or zero bytes lose their meaning), so that direction narrows; a fixed value keeps its
 * padding in a varying column (MySQL strips CHAR's when reading it), so that one widens unless the size shrinks.
 * PostgreSQL's cast from char(n) to varchar strips the padding readers saw: a change of meaning.
 */
function classifySameFamily(x: TypeInfo, y: TypeInfo, dialect: Dialect): TypeChangeClass {
  const [from, to] = [fixedness(x.tag), fixedness(y.tag)];
  if (from === 'varying' && to === 'fixed') return 'narrowing';
  // a fixed binary value (or PostgreSQL bit string) keeps its padding: another size changes every stored value;
  // MySQL's BIT is a number, zero-extended on the left
  const isPadded = x.family === 'binary' || (x.family === 'bit' && dialect === 'postgresql');
  if (from === 'fixed' && to === 'fixed' && isPadded && compareDims(x, y) !== 'equal') return 'narrowing';
  const rest = (tag: string) => tag.replace(/\b(fixed|varying)\b/, '');
  // a varying type of a fixed one's size also holds every shorter value
  if (from === 'fixed' && to === 'varying' && !(x.family === 'text' && dialect === 'postgresql')) return classOf(combine(compareDims(x, y), 'wider'), rest(x.tag) !== rest(y.tag));
  return classOf(compareDims(x, y), x.tag !== y.tag);
}

function classifyPlain(from: string, to: string, dialect: Dialect): TypeChangeClass {
  if (from === to) return 'same';
  const a = parseType(from);
  const b = parseType(to);
  // PostgreSQL does not enforce an array's declared dimensions: INTEGER[] and INTEGER[][] are one type
  const isArrayPair = dialect === 'postgresql' && a.arrayDims > 0 && b.arrayDims > 0;
  if (a.arrayDims !== b.arrayDims && !isArrayPair) return 'cross-family';
  const ranges = [rangeOf(a.name), rangeOf(b.name)];
  if (ranges[0] || ranges[1]) {
    if (ranges[0]?.kind !== ranges[1]?.kind) return 'cross-family';
    return classifyPlain(ranges[0]!.bound, ranges[1]!.bound, dialect);
  }
  if (dialect === 'mysql' && a.name === 'SET' && b.name === 'SET' && a.modifiers === b.modifiers) return classifyMembers(a.args.map(unquote), b.args.map(unquote), true);
  const x = typeInfo(a, dialect);
  const y = typeInfo(b, dialect);
  if (x.family === 'other' || y.family === 'other') {
    if (x.name !== y.name) return 'cross-family';
    return x.tag === y.tag ? 'same' : 'semantic';
  }
  if (x.family === y.family) {
    // sizes mean nothing there; a collation still changes how values compare
    if (dialect === 'sqlite' && SQLITE_SIZELESS.has(x.family)) return a.modifiers === b.modifiers ? 'same' : 'semantic';
    return classifySameFamily(x, y, dialect);
  }
  const cross = CROSS_FAMILY[`${x.family}>${y.family}`];
  return cross === undefined ? 'cross-family' : classOf(cross(x, y, dialect), false);
}

/**
 * Classifies `from -> to` (SQLAlchemy-rendered type strings). Give `enums` for Enum columns:
 * removed values narrow, added values widen. On SQLite, sizes of one family never narrow: it
 * stores any length in any column (https://www.sqlite.org/datatype3.html).
 */
export function classifyTypeChange(from: string, to: string, dialect: Dialect, enums?: EnumValues): TypeChange {
  const e = enums ?? { from: null, to: null };
  let cls: TypeChangeClass;
  if (e.from !== null && e.to !== null) cls = classifyEnums(e.from, e.to, { from, to }, dialect);
  else if (e.from !== null) cls = classifyEnumPlain(e.from, typeInfo(parseType(from), dialect), typeInfo(parseType(to), dialect), true, dialect);
  else if (e.to !== null) cls = classifyEnumPlain(e.to, typeInfo(parseType(to), dialect), typeInfo(parseType(from), dialect), false, dialect);
  else cls = classifyPlain(from, to, dialect);
  return { from, to, class: cls };
}

/** The aspect a change of type arguments alone is: VARCHAR(20) -> VARCHAR(50) is 'length'. */
const SIZE_ASPECT: Partial<Record<Family, ColumnAspect>> = {
  text: 'length', binary: 'length', bit: 'length', integer: 'length', decimal: 'precision', float: 'precision',
  time: 'precision', timestamp: 'precision', interval: 'precision',
};

export interface TypedValue {
  readonly type: string;
  readonly enum: readonly string[] | null;
}

function sameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === b || (a !== null && b !== null && a.length === b.length && a.every((v, i) => v === b[i]));
}

/** Which of 'type' | 'length' | 'precision' | 'enum' differ between two column types; empty when none. */
export function typeAspects(from: TypedValue, to: TypedValue, dialect: Dialect): ColumnAspect[] {
  const out: ColumnAspect[] = sameList(from.enum, to.enum) ? [] : ['enum'];
  if (from.type === to.type) return out;
  const a = parseType(from.type);
  const b = parseType(to.type);
  const isBothEnum = from.enum !== null && to.enum !== null;
  if (a.name !== b.name || a.modifiers !== b.modifiers || a.unsigned !== b.unsigned || a.arrayDims !== b.arrayDims) {
    out.push('type');
  } else if (a.args.join(',') !== b.args.join(',') && !(isBothEnum && out.length > 0)) {
    // an enum's rendered arguments (MySQL's value list, SQLite's VARCHAR length) follow its values
    out.push(SIZE_ASPECT[typeInfo(a, dialect).family] ?? 'type');
  }
  return out.sort();
}
