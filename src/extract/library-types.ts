// sqlalchemy-utils' column types (0.41), as their DDL comes out. Each is a TypeDecorator over SQLAlchemy's own
// types: the impl its constructor sets, or the one its load_dialect_impl picks for the dialect, read from the
// library's source and checked against it (fixture `sqlalchemy-utils-types`). A form whose DDL depends on what is not
// followed here (a PasswordType's length from passlib's schemes, an impl given as a class) stays unknown.
import type { Dialect } from '../schema/types.js';
import { isTruthy, num, type CallValue, type Value } from './values.js';

interface Given {
  args: readonly Value[];
  kwargs: ReadonlyMap<string, Value>;
}

type Impl = (given: Given, dialect: Dialect, at: CallValue) => Value | undefined;

const TRUE: Value = { t: 'bool', v: true };

/** A parameter as Python binds it: by position, else by keyword, else its default. */
function param(given: Given, index: number, name: string, fallback?: Value): Value | undefined {
  return given.args[index] ?? given.kwargs.get(name) ?? fallback;
}

/** The impl instance `sqlalchemy.<name>(args...)`, the arguments left out where the library gives none. */
function sa(name: string, at: CallValue, ...args: Array<Value | undefined>): Value {
  const callee: Value = { t: 'ext', name: `sqlalchemy.${name}` };
  const given = args.filter((a): a is Value => a !== undefined);
  return { ...at, callee, args: given, kwargs: new Map() };
}

/** A TypeDecorator whose class-level impl is a class: the arguments go to it (`URLType(...)` to UnicodeText). */
function passedOn(name: string): Impl {
  return (given, _dialect, at) => ({ ...at, callee: { t: 'ext', name: `sqlalchemy.${name}` }, args: [...given.args], kwargs: given.kwargs });
}

const UTILS_TYPES: ReadonlyMap<string, Impl> = new Map<string, Impl>([
  // native UUID on PostgreSQL, else BINARY(16) or CHAR(32)
  ['UUIDType', (g, d, at) => {
    const [binary, native] = [isTruthy(param(g, 0, 'binary', TRUE)!), isTruthy(param(g, 1, 'native', TRUE)!)];
    if (binary === undefined || native === undefined) return undefined;
    if (native && d === 'postgresql') return sa('dialects.postgresql.UUID', at);
    return binary ? sa('BINARY', at, num(16)) : sa('CHAR', at, num(32));
  }],
  // `impl=` replaces Unicode(255) when given (an instance: a class there is not a type SQLAlchemy compiles)
  ['ChoiceType', (g, _d, at) => {
    const impl = param(g, 1, 'impl');
    if (!impl || isTruthy(impl) === false) return sa('Unicode', at, num(255));
    return impl.t === 'call' ? impl : undefined;
  }],
  ['EmailType', (g, _d, at) => sa('Unicode', at, param(g, 0, 'length', num(255)))],
  ['URLType', passedOn('UnicodeText')],
  ['JSONType', (g, d, at) => (d === 'postgresql' ? sa('dialects.postgresql.JSON', at) : passedOn('UnicodeText')(g, d, at))],
  // its length from passlib's schemes when `max_length` is not given: 1024 without schemes
  ['PasswordType', (g, d, at) => {
    const length = g.args[0] ?? g.kwargs.get('max_length') ?? (g.kwargs.has('schemes') ? undefined : num(1024));
    if (!length) return undefined;
    return sa(d === 'postgresql' ? 'dialects.postgresql.BYTEA' : d === 'sqlite' ? 'dialects.sqlite.BLOB' : 'VARBINARY', at, length);
  }],
  ['CurrencyType', (_g, _d, at) => sa('String', at, num(3))],
  ['PhoneNumberType', (g, _d, at) => sa('Unicode', at, param(g, 1, 'max_length', num(20)))],
  // `ArrowType(timezone=True)`: DateTime with those keywords (a positional argument is a TypeError there)
  ['ArrowType', (g, d, at) => (g.args.length > 0 ? undefined : passedOn('DateTime')(g, d, at))],
  ['IPAddressType', (g, _d, at) => sa('Unicode', at, param(g, 0, 'max_length', num(50)))],
  ['TimezoneType', (_g, _d, at) => sa('Unicode', at, num(50))],
  ['ColorType', (g, _d, at) => sa('Unicode', at, param(g, 0, 'max_length', num(20)))],
  ['CountryType', (_g, _d, at) => sa('String', at, num(2))],
  ['LocaleType', (_g, _d, at) => sa('Unicode', at, num(10))],
  ['ScalarListType', (_g, _d, at) => sa('UnicodeText', at)],
  // TSVECTOR is PostgreSQL's alone
  ['TSVectorType', (_g, d, at) => (d === 'postgresql' ? sa('dialects.postgresql.TSVECTOR', at) : undefined)],
]);

/**
 * The SQLAlchemy type a sqlalchemy-utils type stands for in this dialect (`EmailType(100)` is `Unicode(100)`), as
 * a value the type reader reads; null for a form of one whose DDL is not followed, undefined for any other value.
 */
export function libraryTypeImpl(v: Value, dialect: Dialect): Value | null | undefined {
  const callee = v.t === 'call' ? v.callee : v;
  if (callee.t !== 'ext' || !callee.name.startsWith('sqlalchemy_utils.')) return undefined;
  const impl = UTILS_TYPES.get(callee.name.slice(callee.name.lastIndexOf('.') + 1));
  if (!impl) return undefined;
  const at: CallValue = v.t === 'call' ? v : { t: 'call', callee, args: [], kwargs: new Map(), file: '', line: 0, expr: { k: 'name', id: callee.name, line: 0 } };
  return impl(v.t === 'call' ? v : { args: [], kwargs: new Map() }, dialect, at) ?? null;
}
