// sqlalchemy.sql.compiler.GenericTypeCompiler: the rendering every dialect inherits unless it overrides it.
import type { TypeArg } from '../type-spec.js';
import type { BoundType } from './bind.js';
import type { VisitorTable } from './compiler.js';
import { pyInt, pyStr, truthy } from './python.js';

/** GenericTypeCompiler._render_string_type */
function renderStringType(name: string, length: TypeArg | undefined, collation: TypeArg | undefined): string {
  let text = name;
  if (truthy(length)) text += `(${pyStr(length)})`;
  if (truthy(collation)) text += ` COLLATE "${pyStr(collation)}"`;
  return text;
}

/** NUMERIC / DECIMAL: (precision) or (precision, scale) when given. */
export function renderPrecisionScale(name: string, t: BoundType): string {
  const { precision, scale } = t.attrs;
  if (precision === undefined || precision === null) return name;
  if (scale === undefined || scale === null) return `${name}(${pyStr(precision)})`;
  return `${name}(${pyStr(precision)}, ${pyStr(scale)})`;
}

const stringType = (name: string) => (t: BoundType) => renderStringType(name, t.attrs.length, t.attrs.collation);
const binaryType = (name: string) => (t: BoundType) => name + (truthy(t.attrs.length) ? `(${pyInt(t.attrs.length)})` : '');
const fixed = (text: string) => () => text;

/** Dialect.supports_native_uuid of the default psycopg2 / mysqldb / pysqlite dialects. */
const SUPPORTS_NATIVE_UUID = { postgresql: true, mysql: false, sqlite: false } as const;

export const GENERIC_VISITORS: VisitorTable = {
  FLOAT: fixed('FLOAT'),
  DOUBLE: fixed('DOUBLE'),
  DOUBLE_PRECISION: fixed('DOUBLE PRECISION'),
  REAL: fixed('REAL'),
  NUMERIC: (t) => renderPrecisionScale('NUMERIC', t),
  DECIMAL: (t) => renderPrecisionScale('DECIMAL', t),
  INTEGER: fixed('INTEGER'),
  SMALLINT: fixed('SMALLINT'),
  BIGINT: fixed('BIGINT'),
  TIMESTAMP: fixed('TIMESTAMP'),
  DATETIME: fixed('DATETIME'),
  DATE: fixed('DATE'),
  TIME: fixed('TIME'),
  CLOB: fixed('CLOB'),
  NCLOB: fixed('NCLOB'),
  CHAR: stringType('CHAR'),
  NCHAR: stringType('NCHAR'),
  VARCHAR: stringType('VARCHAR'),
  NVARCHAR: stringType('NVARCHAR'),
  TEXT: stringType('TEXT'),
  UUID: fixed('UUID'),
  BLOB: fixed('BLOB'),
  BINARY: binaryType('BINARY'),
  VARBINARY: binaryType('VARBINARY'),
  BOOLEAN: fixed('BOOLEAN'),
  // the generic lower-case visit names delegate to an UPPERCASE one, which a dialect may override
  uuid: (t, c) => {
    const native = truthy(t.attrs.native_uuid) && SUPPORTS_NATIVE_UUID[c.dialect];
    return native ? c.visit('UUID', t) : renderStringType('CHAR', 32, null);
  },
  large_binary: (t, c) => c.visit('BLOB', t),
  boolean: (t, c) => c.visit('BOOLEAN', t),
  time: (t, c) => c.visit('TIME', t),
  datetime: (t, c) => c.visit('DATETIME', t),
  date: (t, c) => c.visit('DATE', t),
  big_integer: (t, c) => c.visit('BIGINT', t),
  small_integer: (t, c) => c.visit('SMALLINT', t),
  integer: (t, c) => c.visit('INTEGER', t),
  real: (t, c) => c.visit('REAL', t),
  float: (t, c) => c.visit('FLOAT', t),
  double: (t, c) => c.visit('DOUBLE', t),
  numeric: (t, c) => c.visit('NUMERIC', t),
  string: (t, c) => c.visit('VARCHAR', t),
  unicode: (t, c) => c.visit('VARCHAR', t),
  text: (t, c) => c.visit('TEXT', t),
  unicode_text: (t, c) => c.visit('TEXT', t),
  enum: (t, c) => c.visit('VARCHAR', t),
};
