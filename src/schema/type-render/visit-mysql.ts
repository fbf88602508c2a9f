// sqlalchemy.dialects.mysql.base.MySQLTypeCompiler: MySQL's lengths, display widths, charsets and ENUM/SET.
import type { TypeArg } from '../type-spec.js';
import type { BoundType } from './bind.js';
import type { Visitor, VisitorTable } from './compiler.js';
import { CompileError, pyInt, pyStr, required, truthy } from './python.js';
import { renderPrecisionScale } from './visit-generic.js';

const isNone = (v: TypeArg | undefined): boolean => v === undefined || v === null;

/** _extend_numeric: UNSIGNED / ZEROFILL, for MySQL's own numeric types only. */
function extendNumeric(t: BoundType, spec: string): string {
  if (t.cls.mysql === undefined) return spec;
  return spec + (truthy(t.attrs.unsigned) ? ' UNSIGNED' : '') + (truthy(t.attrs.zerofill) ? ' ZEROFILL' : '');
}

/** _extend_string: CHARACTER SET / ASCII / UNICODE, COLLATE / BINARY; NATIONAL trumps the charset. */
function extendString(t: BoundType, defaults: Readonly<Record<string, TypeArg>>, spec: string): string {
  const attr = (name: string): TypeArg | undefined => (t.has(name) ? t.attrs[name] : defaults[name]);
  let charset: string | null = null;
  if (truthy(attr('charset'))) charset = `CHARACTER SET ${pyStr(attr('charset'))}`;
  else if (truthy(attr('ascii'))) charset = 'ASCII';
  else if (truthy(attr('unicode'))) charset = 'UNICODE';
  let collation: string | null = null;
  if (truthy(attr('collation'))) collation = `COLLATE ${pyStr(t.attrs.collation)}`;
  else if (truthy(attr('binary'))) collation = 'BINARY';
  const parts = truthy(attr('national')) ? ['NATIONAL', spec, collation] : [spec, charset, collation];
  return parts.filter((p) => p !== null).join(' ');
}

/** INTEGER(display_width) UNSIGNED ZEROFILL and friends. */
const integer = (name: string): Visitor => (t) => {
  const width = t.cls.mysql !== undefined ? t.attrs.display_width : undefined;
  return extendNumeric(t, isNone(width) ? name : `${name}(${pyStr(width)})`);
};

/** DOUBLE and REAL take (precision, scale) only as a pair. */
const pairOnly = (name: string): Visitor => (t) => {
  const { precision, scale } = t.attrs;
  const both = !isNone(precision) && !isNone(scale);
  return extendNumeric(t, both ? `${name}(${pyStr(precision)}, ${pyStr(scale)})` : name);
};

function visitFloat(t: BoundType): string {
  const { precision, scale } = t.attrs;
  if (t.cls.mysql !== undefined && !isNone(scale) && !isNone(precision)) {
    return extendNumeric(t, `FLOAT(${pyStr(precision)}, ${pyStr(scale)})`);
  }
  return extendNumeric(t, isNone(precision) ? 'FLOAT' : `FLOAT(${pyStr(precision)})`);
}

/** fractional seconds precision, when truthy */
const withFsp = (name: string): Visitor => (t) => (truthy(t.attrs.fsp) ? `${name}(${pyInt(t.attrs.fsp)})` : name);

/** VARCHAR / NVARCHAR: MySQL requires a length. */
const varchar = (national: boolean): Visitor => (t) => {
  const length = t.attrs.length;
  if (isNone(length)) throw new CompileError(`${national ? 'NVARCHAR' : 'VARCHAR'} requires a length on dialect mysql`);
  // visit_VARCHAR formats with %d, visit_NVARCHAR with %s
  const text = national ? pyStr(length) : pyInt(length);
  return extendString(t, national ? { national: true } : {}, `VARCHAR(${text})`);
};

const char = (national: boolean): Visitor => (t) => {
  const length = t.attrs.length;
  return extendString(t, national ? { national: true } : {}, isNone(length) ? 'CHAR' : `CHAR(${pyStr(length)})`);
};

/** ENUM('a','b') / SET(...): quotes doubled, and '%' doubled for mysqldb's format paramstyle. */
function enumerated(name: string, t: BoundType, values: TypeArg | undefined): string {
  const list = Array.isArray(values) ? values : [];
  const quoted = list.map((v) => `'${pyStr(v).replaceAll('%', '%%').replaceAll("'", "''")}'`);
  return extendString(t, {}, `${name}(${quoted.join(',')})`);
}

const fixed = (text: string) => () => text;
const stringFixed = (name: string): Visitor => (t) => extendString(t, {}, name);
const lengthOptional = (name: string) => (t: BoundType) =>
  isNone(t.attrs.length) ? name : `${name}(${pyInt(t.attrs.length)})`;

export const MYSQL_VISITORS: VisitorTable = {
  NUMERIC: (t) => extendNumeric(t, renderPrecisionScale('NUMERIC', t)),
  DECIMAL: (t) => extendNumeric(t, renderPrecisionScale('DECIMAL', t)),
  DOUBLE: pairOnly('DOUBLE'),
  REAL: pairOnly('REAL'),
  FLOAT: visitFloat,
  INTEGER: integer('INTEGER'),
  BIGINT: integer('BIGINT'),
  MEDIUMINT: integer('MEDIUMINT'),
  TINYINT: integer('TINYINT'),
  SMALLINT: integer('SMALLINT'),
  BIT: (t) => (isNone(required(t, 'length')) ? 'BIT' : `BIT(${pyStr(t.attrs.length)})`),
  DATETIME: withFsp('DATETIME'),
  DATE: fixed('DATE'),
  TIME: withFsp('TIME'),
  TIMESTAMP: withFsp('TIMESTAMP'),
  YEAR: (t) => (isNone(t.attrs.display_width) ? 'YEAR' : `YEAR(${pyStr(t.attrs.display_width)})`),
  TEXT: (t) => extendString(t, {}, lengthOptional('TEXT')(t)),
  TINYTEXT: stringFixed('TINYTEXT'),
  MEDIUMTEXT: stringFixed('MEDIUMTEXT'),
  LONGTEXT: stringFixed('LONGTEXT'),
  VARCHAR: varchar(false),
  NVARCHAR: varchar(true),
  CHAR: char(false),
  NCHAR: char(true),
  UUID: fixed('UUID'),
  VARBINARY: (t) => `VARBINARY(${pyInt(t.attrs.length)})`,
  JSON: fixed('JSON'),
  large_binary: (t, c) => c.visit('BLOB', t),
  enum: (t, c) => (truthy(t.attrs.native_enum) ? enumerated('ENUM', t, t.attrs.enums) : c.generic('enum', t)),
  BLOB: lengthOptional('BLOB'),
  TINYBLOB: fixed('TINYBLOB'),
  MEDIUMBLOB: fixed('MEDIUMBLOB'),
  LONGBLOB: fixed('LONGBLOB'),
  ENUM: (t) => enumerated('ENUM', t, t.attrs.enums),
  SET: (t) => enumerated('SET', t, t.attrs.values),
  BOOLEAN: fixed('BOOL'),
};
