// sqlalchemy.dialects.postgresql.base.PGTypeCompiler: where PostgreSQL renders differently from the generic compiler.
import type { TypeSpec } from '../type-spec.js';
import type { BoundType } from './bind.js';
import type { TypeCompiler, VisitorTable } from './compiler.js';
import { formatTypeName } from './pg-identifier.js';
import { CompileError, pyConcat, pyInt, pyStr, required, truthy } from './python.js';

const fixed = (text: string) => () => text;

/** TIMESTAMP / TIME: optional (precision), then WITH or WITHOUT TIME ZONE. */
const withTimeZone = (name: string) => (t: BoundType) => {
  const precision = t.attrs.precision;
  const p = precision === undefined || precision === null ? '' : `(${pyInt(precision)})`;
  return `${name}${p} ${truthy(required(t, 'timezone')) ? 'WITH' : 'WITHOUT'} TIME ZONE`;
};

function visitInterval(t: BoundType): string {
  let text = 'INTERVAL';
  const fields = required(t, 'fields');
  if (fields !== null) text += ` ${pyConcat(fields)}`;
  if (t.attrs.precision !== undefined && t.attrs.precision !== null) text += ` (${pyInt(t.attrs.precision)})`;
  return text;
}

function visitBit(t: BoundType): string {
  const length = t.attrs.length ?? null;
  if (!truthy(required(t, 'varying'))) return `BIT(${pyInt(length)})`;
  return length === null ? 'BIT VARYING' : `BIT VARYING(${pyInt(length)})`;
}

/** The item type with one `[]` per dimension, placed before a trailing COLLATE clause. */
function visitArray(t: BoundType, c: TypeCompiler): string {
  const item = t.attrs.item_type;
  if (!item || typeof item !== 'object' || Array.isArray(item)) throw new CompileError('ARRAY needs an item type');
  const inner = c.process(item as TypeSpec);
  const dims = t.attrs.dimensions ?? 1;
  if (typeof dims !== 'number' || !Number.isInteger(dims)) throw new CompileError('ARRAY dimensions must be an int');
  const brackets = '[]'.repeat(Math.max(0, dims));
  return inner.replace(/((?: COLLATE.*)?)$/, (_m, collate: string) => brackets + collate);
}

const NAMED = ['TSVECTOR', 'TSQUERY', 'INET', 'CIDR', 'CITEXT', 'MACADDR', 'MACADDR8', 'MONEY', 'OID', 'REGCONFIG',
  'REGCLASS', 'HSTORE', 'JSON', 'JSONB', 'JSONPATH', 'UUID', 'BYTEA', 'BIGINT'] as const;
const RANGES = ['INT4RANGE', 'INT8RANGE', 'NUMRANGE', 'DATERANGE', 'TSRANGE', 'TSTZRANGE', 'INT4MULTIRANGE',
  'INT8MULTIRANGE', 'NUMMULTIRANGE', 'DATEMULTIRANGE', 'TSMULTIRANGE', 'TSTZMULTIRANGE'] as const;

export const POSTGRESQL_VISITORS: VisitorTable = {
  ...Object.fromEntries([...NAMED, ...RANGES].map((n) => [n, fixed(n)])),
  FLOAT: (t) => (truthy(t.attrs.precision) ? `FLOAT(${pyStr(t.attrs.precision)})` : 'FLOAT'),
  // PGTypeCompiler.visit_double passes the builtin `type`, so any precision is lost: always DOUBLE PRECISION
  double: fixed('DOUBLE PRECISION'),
  datetime: (t, c) => c.visit('TIMESTAMP', t),
  enum: (t, c) => (truthy(t.attrs.native_enum) ? c.visit('ENUM', t) : c.generic('enum', t)),
  ENUM: formatTypeName,
  DOMAIN: formatTypeName,
  TIMESTAMP: withTimeZone('TIMESTAMP'),
  TIME: withTimeZone('TIME'),
  INTERVAL: visitInterval,
  BIT: visitBit,
  large_binary: fixed('BYTEA'),
  ARRAY: visitArray,
};
