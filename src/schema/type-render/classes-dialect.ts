// Catalog rows for the types of sqlalchemy.dialects.postgresql, .mysql and .sqlite.
import { ARRAY, ENUM, JSON_PARAMS, LENGTH, STRING } from './classes-generic.js';
import { bitInit, ENUM_CLASS, pgEnumInit } from './inits.js';
import { plainClasses, typeClass as c, type ClassTable } from './type-class.js';

const PG_JSON = ['none_as_null', 'astext_type'] as const;
const PG_DATETIME = ['timezone', 'precision'] as const;

export const POSTGRESQL_CLASSES: ClassTable = {
  ...plainClasses(['CIDR', 'INET', 'MACADDR', 'MACADDR8', 'MONEY', 'OID', 'REGCLASS', 'REGCONFIG', 'TSVECTOR', 'TSQUERY']),
  ...plainClasses(['INT4RANGE', 'INT8RANGE', 'NUMRANGE', 'DATERANGE', 'TSRANGE', 'TSTZRANGE', 'JSONPATH']),
  ...plainClasses(['INT4MULTIRANGE', 'INT8MULTIRANGE', 'NUMMULTIRANGE', 'DATEMULTIRANGE', 'TSMULTIRANGE', 'TSTZMULTIRANGE']),
  ARRAY: c('ARRAY', ARRAY),
  BIT: c('BIT', ['length', 'varying'], { defaults: { varying: false }, init: bitInit }),
  BYTEA: c('BYTEA', LENGTH),
  CITEXT: c('CITEXT', STRING),
  DOMAIN: c('DOMAIN', ['name', 'data_type']),
  ENUM: c('enum', ENUM, { ...ENUM_CLASS, init: pgEnumInit, variantCopyDrops: ['length'] }),
  HSTORE: c('HSTORE', ['text_type']),
  INTERVAL: c('INTERVAL', ['precision', 'fields']),
  JSON: c('JSON', PG_JSON),
  JSONB: c('JSONB', PG_JSON),
  TIMESTAMP: c('TIMESTAMP', PG_DATETIME),
  TIME: c('TIME', PG_DATETIME),
};

// mysql/types.py: _StringType and _NumericType keep these as attributes on every instance
const MYSQL_STRING = {
  mysql: 'string',
  defaults: { charset: null, collation: null, ascii: false, binary: false, unicode: false, national: false },
} as const;
const MYSQL_STRING_KEYWORDS = Object.keys(MYSQL_STRING.defaults);
// mysql.NCHAR / NVARCHAR set national=True over whatever was passed
const MYSQL_NATIONAL = { ...MYSQL_STRING, init: () => ({ national: true }) } as const;
const MYSQL_NUMERIC = { mysql: 'numeric', defaults: { unsigned: false, zerofill: false } } as const;
const MYSQL_INTEGER = ['display_width'] as const;
const MYSQL_DECIMAL = ['precision', 'scale', 'asdecimal'] as const;
const MYSQL_DATETIME = ['timezone', 'fsp'] as const;

export const MYSQL_CLASSES: ClassTable = {
  TINYINT: c('TINYINT', MYSQL_INTEGER, MYSQL_NUMERIC),
  SMALLINT: c('SMALLINT', MYSQL_INTEGER, MYSQL_NUMERIC),
  MEDIUMINT: c('MEDIUMINT', MYSQL_INTEGER, MYSQL_NUMERIC),
  INTEGER: c('INTEGER', MYSQL_INTEGER, MYSQL_NUMERIC),
  BIGINT: c('BIGINT', MYSQL_INTEGER, MYSQL_NUMERIC),
  DECIMAL: c('DECIMAL', MYSQL_DECIMAL, MYSQL_NUMERIC),
  NUMERIC: c('NUMERIC', MYSQL_DECIMAL, MYSQL_NUMERIC),
  DOUBLE: c('DOUBLE', MYSQL_DECIMAL, MYSQL_NUMERIC),
  REAL: c('REAL', MYSQL_DECIMAL, MYSQL_NUMERIC),
  FLOAT: c('FLOAT', MYSQL_DECIMAL, MYSQL_NUMERIC),
  CHAR: c('CHAR', LENGTH, MYSQL_STRING),
  VARCHAR: c('VARCHAR', LENGTH, MYSQL_STRING),
  NCHAR: c('NCHAR', LENGTH, MYSQL_NATIONAL),
  NVARCHAR: c('NVARCHAR', LENGTH, MYSQL_NATIONAL),
  TEXT: c('TEXT', LENGTH, MYSQL_STRING),
  ...plainClasses(['TINYTEXT', 'MEDIUMTEXT', 'LONGTEXT'], MYSQL_STRING),
  // mysql.ENUM passes what Enum leaves in **kw on to _StringType; a with_variant() copy keeps only the values
  ENUM: c('ENUM', ENUM, {
    ...MYSQL_STRING,
    ...ENUM_CLASS,
    keywords: [...ENUM_CLASS.keywords, ...MYSQL_STRING_KEYWORDS],
    variantCopyDrops: ['name', 'schema', 'length', ...MYSQL_STRING_KEYWORDS],
  }),
  SET: c('SET', ['*values'], MYSQL_STRING),
  DATETIME: c('DATETIME', MYSQL_DATETIME),
  TIMESTAMP: c('TIMESTAMP', MYSQL_DATETIME),
  TIME: c('TIME', MYSQL_DATETIME),
  YEAR: c('YEAR', ['display_width']),
  BIT: c('BIT', LENGTH),
  JSON: c('JSON', JSON_PARAMS),
  TINYBLOB: c('TINYBLOB', LENGTH),
  MEDIUMBLOB: c('MEDIUMBLOB', LENGTH),
  LONGBLOB: c('LONGBLOB', LENGTH),
  // MariaDB-only types: the mysql dialect has no visitor for them
  ...plainClasses(['INET4', 'INET6']),
};

const SQLITE_STORAGE = ['storage_format', 'regexp'] as const;

export const SQLITE_CLASSES: ClassTable = {
  // positional arguments go to _DateTimeMixin(storage_format, regexp), not to DateTime(timezone)
  DATE: c('date', SQLITE_STORAGE, { sqliteStorage: true }),
  DATETIME: c('datetime', SQLITE_STORAGE, { sqliteStorage: true, defaults: { timezone: false } }),
  TIME: c('time', SQLITE_STORAGE, { sqliteStorage: true, defaults: { timezone: false } }),
  JSON: c('JSON', JSON_PARAMS),
};
