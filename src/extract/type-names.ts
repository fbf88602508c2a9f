// Which SQLAlchemy names are column types (the generic CamelCase ones and every UPPERCASE SQL type).

const GENERIC_TYPES = new Set([
  'String', 'Text', 'Unicode', 'UnicodeText', 'Integer', 'SmallInteger', 'BigInteger', 'Numeric', 'Float', 'Double',
  'DateTime', 'Date', 'Time', 'Interval', 'Boolean', 'LargeBinary', 'PickleType', 'Enum', 'JSON', 'ARRAY', 'Uuid',
  'TupleType', 'NullType', 'MatchType', 'AutoString', 'TypeDecorator', 'UserDefinedType', 'TypeEngine',
  'Variant', 'BIGSERIAL', 'SERIAL', 'SMALLSERIAL', 'HSTORE', 'CITEXT', 'JSONB', 'INET', 'CIDR', 'MONEY',
]);

/** Names in sqlalchemy that look like types but are not. */
const NOT_TYPES = new Set(['NULL', 'TRUE', 'FALSE', 'NULLTYPE', 'STRINGTYPE', 'BOOLEANTYPE', 'INTEGERTYPE', 'MATCHTYPE']);

/** Base classes a project type derives from (they are not column types on their own). */
export const TYPE_BASES = new Set(['TypeDecorator', 'UserDefinedType', 'TypeEngine']);

export function isTypeName(symbol: string): boolean {
  if (GENERIC_TYPES.has(symbol)) return true;
  return /^[A-Z][A-Z0-9_]+$/.test(symbol) && !NOT_TYPES.has(symbol);
}

/**
 * SQLAlchemy's type classes by their parent (sqlalchemy/sql/sqltypes.py, the dialects' types of the same names):
 * enough to answer `isinstance(t, String)` in a project's column helper.
 */
const TYPE_PARENTS: ReadonlyMap<string, string> = new Map([
  ['Text', 'String'], ['Unicode', 'String'], ['UnicodeText', 'Text'], ['Enum', 'String'], ['VARCHAR', 'String'],
  ['CHAR', 'String'], ['NVARCHAR', 'Unicode'], ['NCHAR', 'Unicode'], ['TEXT', 'Text'], ['CLOB', 'Text'], ['CITEXT', 'TEXT'],
  ['ENUM', 'Enum'], ['SmallInteger', 'Integer'], ['BigInteger', 'Integer'], ['INTEGER', 'Integer'], ['SMALLINT', 'SmallInteger'],
  ['BIGINT', 'BigInteger'], ['Float', 'Numeric'], ['Double', 'Float'], ['DECIMAL', 'Numeric'], ['NUMERIC', 'Numeric'],
  ['FLOAT', 'Float'], ['REAL', 'Float'], ['DOUBLE', 'Double'], ['DOUBLE_PRECISION', 'Double'], ['DATETIME', 'DateTime'],
  ['TIMESTAMP', 'DateTime'], ['DATE', 'Date'], ['TIME', 'Time'], ['BOOLEAN', 'Boolean'], ['BLOB', 'LargeBinary'],
  ['JSONB', 'JSON'], ['UUID', 'Uuid'], ['AutoString', 'String'], ['TINYTEXT', 'TEXT'], ['MEDIUMTEXT', 'TEXT'], ['LONGTEXT', 'TEXT'],
]);

/** The roots of TYPE_PARENTS' chains: generic types with no generic parent but TypeEngine. */
const TYPE_ROOTS = new Set(['String', 'Integer', 'Numeric', 'DateTime', 'Date', 'Time', 'Boolean', 'LargeBinary', 'JSON', 'Uuid', 'Interval', 'PickleType', 'ARRAY']);

/** Whether type class `symbol` is `target` or derives from it; undefined when its place in the hierarchy is not known here. */
export function isTypeSubclass(symbol: string, target: string): boolean | undefined {
  if (target === 'TypeEngine') return isTypeName(symbol);
  for (let s: string | undefined = symbol; s; s = TYPE_PARENTS.get(s)) {
    if (s === target) return true;
    if (TYPE_ROOTS.has(s)) return false;
  }
  return undefined;
}
