// The data behind type-change classification: which family a rendered type is in, per dialect, and how much it holds.
import type { Dialect } from './types.js';
import { numericArgs, type ParsedType } from './type-parse.js';

export type Family =
  | 'integer'
  | 'decimal'
  | 'float'
  | 'text'
  | 'binary'
  | 'boolean'
  | 'date'
  | 'time'
  | 'timestamp'
  | 'interval'
  | 'json'
  | 'uuid'
  | 'bit'
  | 'network'
  | 'macaddr'
  | 'other';

interface TypeDef {
  readonly family: Family;
  /** integer: storage bits */
  readonly bits?: number;
  /** float: mantissa bits */
  readonly mantissa?: number;
  /** text/binary: characters/bytes held when the type gives no length (Infinity: unbounded) */
  readonly capacity?: number;
  /** time/timestamp: fractional-second digits when none are given */
  readonly precision?: number;
  /** timestamp: the years it spans, where a dialect bounds them (MySQL's TIMESTAMP ends in 2038) */
  readonly years?: number;
  /** interval: the least significant field kept (YEAR 0 ... SECOND 5); finer fields are discarded */
  readonly resolution?: number;
  /** MySQL text: the capacity counts bytes (TINYTEXT ... LONGTEXT), not characters as VARCHAR(n) does */
  readonly bytes?: true;
  /** what the other families hold, as named capacities */
  readonly holds?: Readonly<Record<string, number>>;
  /** what the stored value means; two types of one family with different tags read values differently */
  readonly tag?: string;
}

const UNBOUNDED = Number.POSITIVE_INFINITY;
/** PostgreSQL's interval fields, most significant first ("8.5.4. Interval Input"). */
const INTERVAL_FIELDS = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];
/** utf8mb4, MySQL 8's default character set: a character takes up to 4 bytes. */
const MYSQL_BYTES_PER_CHAR = 4;
const MYSQL_TEXT_TIERS = [255, 65_535, 16_777_215, 4_294_967_295];

/** Spellings of one type (PostgreSQL's docs, "8.1 Numeric Types" and friends; MySQL's "Data Type Storage Requirements"). */
const ALIASES: Readonly<Record<string, string>> = {
  INT: 'INTEGER', INT2: 'SMALLINT', INT4: 'INTEGER', INT8: 'BIGINT', BOOL: 'BOOLEAN', DECIMAL: 'NUMERIC',
  DEC: 'NUMERIC', DOUBLE: 'DOUBLE PRECISION', FLOAT8: 'DOUBLE PRECISION', FLOAT4: 'REAL',
  'CHARACTER VARYING': 'VARCHAR', CHARACTER: 'CHAR', 'NATIONAL VARCHAR': 'NVARCHAR', 'NATIONAL CHAR': 'NCHAR', TIMESTAMPTZ: 'TIMESTAMP WITH TIME ZONE', TIMETZ: 'TIME WITH TIME ZONE',
};

const GENERIC: Readonly<Record<string, TypeDef>> = {
  TINYINT: { family: 'integer', bits: 8 },
  SMALLINT: { family: 'integer', bits: 16 },
  MEDIUMINT: { family: 'integer', bits: 24 },
  INTEGER: { family: 'integer', bits: 32 },
  BIGINT: { family: 'integer', bits: 64 },
  NUMERIC: { family: 'decimal' },
  REAL: { family: 'float', mantissa: 24 },
  // PostgreSQL: "float with no precision specified is taken to mean double precision"
  FLOAT: { family: 'float', mantissa: 53 },
  'DOUBLE PRECISION': { family: 'float', mantissa: 53 },
  VARCHAR: { family: 'text', capacity: UNBOUNDED, tag: 'varying' },
  NVARCHAR: { family: 'text', capacity: UNBOUNDED, tag: 'national varying' },
  TEXT: { family: 'text', capacity: UNBOUNDED, tag: 'varying' },
  CLOB: { family: 'text', capacity: UNBOUNDED, tag: 'varying' },
  CITEXT: { family: 'text', capacity: UNBOUNDED, tag: 'case-insensitive' },
  TINYTEXT: { family: 'text', capacity: 255, tag: 'varying', bytes: true },
  MEDIUMTEXT: { family: 'text', capacity: 16_777_215, tag: 'varying', bytes: true },
  LONGTEXT: { family: 'text', capacity: 4_294_967_295, tag: 'varying', bytes: true },
  CHAR: { family: 'text', capacity: 1, tag: 'fixed' },
  NCHAR: { family: 'text', capacity: 1, tag: 'national fixed' },
  BYTEA: { family: 'binary', capacity: UNBOUNDED, tag: 'varying' },
  BLOB: { family: 'binary', capacity: UNBOUNDED, tag: 'varying' },
  TINYBLOB: { family: 'binary', capacity: 255, tag: 'varying' },
  MEDIUMBLOB: { family: 'binary', capacity: 16_777_215, tag: 'varying' },
  LONGBLOB: { family: 'binary', capacity: 4_294_967_295, tag: 'varying' },
  VARBINARY: { family: 'binary', capacity: UNBOUNDED, tag: 'varying' },
  BINARY: { family: 'binary', capacity: 1, tag: 'fixed' },
  BOOLEAN: { family: 'boolean' },
  DATE: { family: 'date' },
  TIME: { family: 'time', precision: 6, tag: 'local' },
  'TIME WITHOUT TIME ZONE': { family: 'time', precision: 6, tag: 'local' },
  'TIME WITH TIME ZONE': { family: 'time', precision: 6, tag: 'zoned' },
  TIMESTAMP: { family: 'timestamp', precision: 6, tag: 'local' },
  'TIMESTAMP WITHOUT TIME ZONE': { family: 'timestamp', precision: 6, tag: 'local' },
  'TIMESTAMP WITH TIME ZONE': { family: 'timestamp', precision: 6, tag: 'zoned' },
  DATETIME: { family: 'timestamp', precision: 6, tag: 'local' },
  INTERVAL: { family: 'interval', precision: 6, resolution: INTERVAL_FIELDS.indexOf('SECOND') },
  JSON: { family: 'json', tag: 'json' },
  JSONB: { family: 'json', tag: 'jsonb' },
  UUID: { family: 'uuid' },
  BIT: { family: 'bit', capacity: 1, tag: 'fixed' },
  'BIT VARYING': { family: 'bit', capacity: UNBOUNDED, tag: 'varying' },
  // every cidr value is a valid inet one; an inet value with host bits set is no cidr
  INET: { family: 'network', holds: { hosts: 1 } },
  CIDR: { family: 'network', holds: { hosts: 0 } },
  // macaddr converts to macaddr8 by inserting FF:FE: the same address, written differently
  MACADDR: { family: 'macaddr', holds: { octets: 6 }, tag: 'eui48' },
  MACADDR8: { family: 'macaddr', holds: { octets: 8 }, tag: 'eui64' },
};

/** Where a dialect means something else by the same name. */
const DIALECT_OVERRIDES: Readonly<Record<Dialect, Readonly<Record<string, TypeDef>>>> = {
  postgresql: {},
  mysql: {
    // MySQL: BOOL is TINYINT(1); FLOAT is single precision and REAL double; TEXT/BLOB hold 64 KiB;
    // TIMESTAMP converts from the session time zone to UTC, DATETIME stores what it is given; fsp defaults to 0;
    // DATETIME spans the years 1000-9999, TIMESTAMP 1970-2038 ("The DATE, DATETIME, and TIMESTAMP Types")
    BOOLEAN: { family: 'integer', bits: 8 },
    FLOAT: { family: 'float', mantissa: 24 },
    REAL: { family: 'float', mantissa: 53 },
    TEXT: { family: 'text', capacity: 65_535, tag: 'varying', bytes: true },
    BLOB: { family: 'binary', capacity: 65_535, tag: 'varying' },
    TIME: { family: 'time', precision: 0, tag: 'local' },
    DATETIME: { family: 'timestamp', precision: 0, tag: 'local', years: 9000 },
    TIMESTAMP: { family: 'timestamp', precision: 0, tag: 'session-zone', years: 68 },
  },
  sqlite: {},
};

/** What one rendered type holds, as comparable capacities: a larger number holds more. */
export interface TypeInfo {
  readonly family: Family;
  /** canonical name: spellings of one type share it */
  readonly name: string;
  readonly tag: string;
  readonly dims: Readonly<Record<string, number>>;
}

function integerDims(def: TypeDef, t: ParsedType): Record<string, number> {
  const bits = def.bits ?? 32;
  // magnitude bits on each side of zero; an unsigned type holds no negative value at all
  return t.unsigned ? { positive: bits, negative: -1 } : { positive: bits - 1, negative: bits - 1 };
}

function decimalDims(t: ParsedType, dialect: Dialect): Record<string, number> {
  const [p, s] = numericArgs(t);
  const negative = t.unsigned ? 0 : 1;
  if (p === undefined || Number.isNaN(p)) {
    // MySQL's DECIMAL defaults to (10, 0); PostgreSQL's bare NUMERIC has no limit
    return dialect === 'mysql' ? { integer: 10, scale: 0, negative } : { integer: UNBOUNDED, scale: UNBOUNDED, negative };
  }
  const scale = s === undefined || Number.isNaN(s) ? 0 : s;
  return { integer: p - scale, scale, negative };
}

function textCapacity(def: TypeDef, t: ParsedType, dialect: Dialect): number {
  const [n] = numericArgs(t);
  if (n === undefined || Number.isNaN(n)) return def.capacity ?? UNBOUNDED;
  // MySQL picks the smallest TEXT/BLOB type that holds TEXT(n)
  if (dialect === 'mysql' && def.capacity !== undefined && def.capacity !== UNBOUNDED && def.capacity > 255) {
    return MYSQL_TEXT_TIERS.find((tier) => tier >= n) ?? n;
  }
  return n;
}

/**
 * MySQL measures VARCHAR(n) in characters and the TEXT types in bytes: a type holds another's values when it has
 * room for as many characters (`length`, as elsewhere) and as many bytes (VARCHAR(255) does not fit TINYTEXT's 255
 * bytes in utf8mb4).
 */
function mysqlTextDims(def: TypeDef, length: number): Record<string, number> {
  return { length, bytes: def.bytes ? length : length * MYSQL_BYTES_PER_CHAR };
}

/** MySQL's FLOAT(M, D) / DOUBLE(M, D) round to D decimals and M digits, as a DECIMAL would (unbounded without them). */
function mysqlFloatDigits(t: ParsedType): Record<string, number> {
  const [m, d] = numericArgs(t);
  const isGiven = m !== undefined && d !== undefined && !Number.isNaN(m) && !Number.isNaN(d);
  return isGiven ? { integer: m - d, scale: d } : { integer: UNBOUNDED, scale: UNBOUNDED };
}

function floatMantissa(def: TypeDef, t: ParsedType): number {
  const args = numericArgs(t);
  const [p] = args;
  if (p === undefined || Number.isNaN(p) || args.length > 1) return def.mantissa ?? 53;
  return p <= 24 ? 24 : 53;
}

function dimsOf(def: TypeDef, t: ParsedType, dialect: Dialect): Record<string, number> {
  const [first] = numericArgs(t);
  const given = first === undefined || Number.isNaN(first) ? undefined : first;
  switch (def.family) {
    case 'integer':
      return integerDims(def, t);
    case 'decimal':
      return decimalDims(t, dialect);
    case 'float':
      // MySQL's FLOAT/DOUBLE UNSIGNED refuse negative values, as an unsigned DECIMAL does
      return dialect === 'mysql' ? { mantissa: floatMantissa(def, t), ...mysqlFloatDigits(t), negative: t.unsigned ? 0 : 1 } : { mantissa: floatMantissa(def, t) };
    case 'text':
      return dialect === 'mysql' ? mysqlTextDims(def, textCapacity(def, t, dialect)) : { length: textCapacity(def, t, dialect) };
    case 'binary':
    case 'bit':
      return { length: textCapacity(def, t, dialect) };
    case 'timestamp':
      return def.years === undefined ? { precision: given ?? def.precision ?? 6 } : { precision: given ?? def.precision ?? 6, years: def.years };
    case 'interval':
      return { precision: given ?? def.precision ?? 6, resolution: def.resolution ?? INTERVAL_FIELDS.length - 1 };
    case 'time':
      return { precision: given ?? def.precision ?? 6 };
    default:
      return { ...def.holds };
  }
}

function lookup(name: string, dialect: Dialect): TypeDef | undefined {
  const def = DIALECT_OVERRIDES[dialect][name] ?? GENERIC[name];
  if (def !== undefined || !name.startsWith('INTERVAL ')) return def;
  // PostgreSQL's INTERVAL DAY TO SECOND: values finer than the last field are discarded
  const last = name.split(' ').at(-1) ?? '';
  return INTERVAL_FIELDS.includes(last) ? { family: 'interval', precision: 6, resolution: INTERVAL_FIELDS.indexOf(last) } : undefined;
}

export function typeInfo(parsed: ParsedType, dialect: Dialect): TypeInfo {
  const t = dialect === 'mysql' ? withoutZerofill(parsed) : parsed;
  const name = ALIASES[t.name] ?? t.name;
  const def = lookup(name, dialect);
  if (def === undefined) {
    return { family: 'other', name, tag: [t.args.join(','), t.modifiers, t.unsigned].join('|'), dims: {} };
  }
  const tag = [def.tag ?? '', t.modifiers].join('|');
  return { family: def.family, name, tag, dims: dimsOf(def, t, dialect) };
}

/** MySQL's ZEROFILL pads how a number is shown and makes the column UNSIGNED: the range is what changes. */
function withoutZerofill(t: ParsedType): ParsedType {
  if (!/\bZEROFILL\b/.test(t.modifiers)) return t;
  return { ...t, unsigned: true, modifiers: t.modifiers.replace(/\s*\bZEROFILL\b/, '').trim() };
}

/** Families where SQLite ignores declared sizes: "SQLite does not impose any length restrictions" (datatype3.html). */
export const SQLITE_SIZELESS: ReadonlySet<Family> = new Set(['integer', 'decimal', 'float', 'text', 'binary']);
