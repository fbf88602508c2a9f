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
