// Catalog rows for the generic types of `sqlalchemy` (CamelCase) and its SQL-standard UPPERCASE types.
import { intervalImpl, pickleImpl } from './decorators.js';
import { ENUM_CLASS } from './inits.js';
import { typeClass as c, type ClassTable } from './type-class.js';

// constructor signatures of SQLAlchemy 2.0.40 (sqlalchemy/sql/sqltypes.py)
export const STRING = ['length', 'collation'] as const;
export const NUMERIC = ['precision', 'scale', 'decimal_return_scale', 'asdecimal'] as const;
export const FLOAT = ['precision', 'asdecimal', 'decimal_return_scale'] as const;
export const TIMEZONE = ['timezone'] as const;
export const LENGTH = ['length'] as const;
export const BOOLEAN = ['create_constraint', 'name'] as const;
export const ARRAY = ['item_type', 'as_tuple', 'dimensions', 'zero_indexes'] as const;
export const JSON_PARAMS = ['none_as_null'] as const;
export const ENUM = ['*enums'] as const;

export const GENERIC_CLASSES: ClassTable = {
  String: c('string', STRING),
  Unicode: c('unicode', STRING),
  Text: c('text', STRING),
  UnicodeText: c('unicode_text', STRING),
  VARCHAR: c('VARCHAR', STRING),
  CHAR: c('CHAR', STRING),
  NCHAR: c('NCHAR', STRING),
  NVARCHAR: c('NVARCHAR', STRING),
  TEXT: c('TEXT', STRING),
  CLOB: c('CLOB', STRING),
  Integer: c('integer'),
  SmallInteger: c('small_integer'),
  BigInteger: c('big_integer'),
  INTEGER: c('INTEGER'),
  INT: c('INTEGER', [], { className: 'INTEGER' }),
  SMALLINT: c('SMALLINT'),
  BIGINT: c('BIGINT'),
  Numeric: c('numeric', NUMERIC),
  NUMERIC: c('NUMERIC', NUMERIC),
  DECIMAL: c('DECIMAL', NUMERIC),
  Float: c('float', FLOAT),
  Double: c('double', FLOAT),
  FLOAT: c('FLOAT', FLOAT),
  REAL: c('REAL', FLOAT),
  DOUBLE: c('DOUBLE', FLOAT),
  DOUBLE_PRECISION: c('DOUBLE_PRECISION', FLOAT),
  Boolean: c('boolean', BOOLEAN),
  BOOLEAN: c('BOOLEAN', BOOLEAN),
  MatchType: c('boolean', BOOLEAN),
  Date: c('date'),
  DATE: c('DATE'),
  DateTime: c('datetime', TIMEZONE),
  DATETIME: c('DATETIME', TIMEZONE),
  TIMESTAMP: c('TIMESTAMP', TIMEZONE),
  Time: c('time', TIMEZONE),
  TIME: c('TIME', TIMEZONE),
  LargeBinary: c('large_binary', LENGTH),
  BLOB: c('BLOB', LENGTH),
  BINARY: c('BINARY', LENGTH),
  VARBINARY: c('VARBINARY', LENGTH),
  JSON: c('JSON', JSON_PARAMS),
  Uuid: c('uuid', ['as_uuid', 'native_uuid'], { defaults: { native_uuid: true } }),
  UUID: c('UUID', ['as_uuid']),
  Enum: c('enum', ENUM, ENUM_CLASS),
  ARRAY: c('ARRAY', ARRAY),
  // no visit name: SQLAlchemy cannot render these as DDL, the oracle prints the class name
  TupleType: c(null, ['*types']),
  NullType: c(null),
  Interval: c(null, ['native', 'second_precision', 'day_precision'], { defaults: { native: true }, decorates: intervalImpl }),
  PickleType: c(null, ['protocol', 'pickler', 'comparator', 'impl'], { decorates: pickleImpl }),
};
