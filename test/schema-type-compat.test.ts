import { describe, expect, it } from 'vitest';
import type { TypeChangeClass } from '../src/schema/changes.js';
import { classifyTypeChange, typeAspects } from '../src/schema/type-compat.js';
import { parseType } from '../src/schema/type-parse.js';
import type { Dialect } from '../src/schema/types.js';

type Case = [from: string, to: string, expected: TypeChangeClass, dialect?: Dialect];

const GENERIC_CASES: Case[] = [
  ['VARCHAR(20)', 'VARCHAR(50)', 'widening'],
  ['VARCHAR(50)', 'VARCHAR(20)', 'narrowing'],
  ['VARCHAR(20)', 'TEXT', 'widening'],
  ['VARCHAR(20)', 'VARCHAR', 'widening'],
  ['TEXT', 'VARCHAR(20)', 'narrowing'],
  ['VARCHAR', 'TEXT', 'same'],
  ['INTEGER', 'BIGINT', 'widening'],
  ['SMALLINT', 'INTEGER', 'widening'],
  ['BIGINT', 'INTEGER', 'narrowing'],
  ['INTEGER', 'SMALLINT', 'narrowing'],
  ['INT', 'INTEGER', 'same'],
  ['NUMERIC(12, 2)', 'NUMERIC(10, 2)', 'narrowing'],
  ['NUMERIC(10, 2)', 'NUMERIC(12, 2)', 'widening'],
  ['NUMERIC(10, 2)', 'NUMERIC(10, 4)', 'narrowing'], // integer digits 8 -> 6
  ['NUMERIC(10, 2)', 'NUMERIC(12, 3)', 'widening'],
  ['NUMERIC(10, 2)', 'NUMERIC', 'widening'],
  ['NUMERIC', 'NUMERIC(10, 2)', 'narrowing'],
  ['DECIMAL(10, 2)', 'NUMERIC(10, 2)', 'same'],
  ['REAL', 'DOUBLE PRECISION', 'widening'],
  ['FLOAT(24)', 'DOUBLE PRECISION', 'widening'],
  ['DOUBLE PRECISION', 'REAL', 'narrowing'],
  // PostgreSQL: FLOAT without a precision *is* double precision
  ['FLOAT', 'DOUBLE PRECISION', 'same'],
  ['INTEGER', 'NUMERIC', 'widening'],
  ['INTEGER', 'NUMERIC(10, 0)', 'widening'],
  ['INTEGER', 'NUMERIC(9, 0)', 'narrowing'],
  ['BIGINT', 'NUMERIC(10, 2)', 'narrowing'],
  ['NUMERIC(9, 0)', 'INTEGER', 'widening'],
  ['NUMERIC(10, 2)', 'INTEGER', 'narrowing'],
  ['INTEGER', 'DOUBLE PRECISION', 'widening'],
  ['BIGINT', 'DOUBLE PRECISION', 'narrowing'],
  ['DOUBLE PRECISION', 'INTEGER', 'narrowing'],
  ['NUMERIC(10, 2)', 'DOUBLE PRECISION', 'narrowing'],
  // PostgreSQL's float -> numeric cast keeps 6 / 15 significant digits: 16777216::real::numeric is 16777200
  ['REAL', 'NUMERIC', 'narrowing'],
  ['DOUBLE PRECISION', 'NUMERIC', 'narrowing'],
  ['INTEGER', 'VARCHAR(20)', 'cross-family'],
  ['VARCHAR(36)', 'UUID', 'cross-family'],
  ['UUID', 'VARCHAR(36)', 'cross-family'],
  ['BOOLEAN', 'INTEGER', 'cross-family'],
  ['TIMESTAMP WITHOUT TIME ZONE', 'TIMESTAMP WITH TIME ZONE', 'semantic'],
  ['TIMESTAMP WITH TIME ZONE', 'TIMESTAMP WITHOUT TIME ZONE', 'semantic'],
  ['TIMESTAMP(3) WITHOUT TIME ZONE', 'TIMESTAMP WITHOUT TIME ZONE', 'widening'],
  ['TIMESTAMP WITHOUT TIME ZONE', 'TIMESTAMP(0) WITHOUT TIME ZONE', 'narrowing'],
  ['TIMESTAMP', 'TIMESTAMP WITHOUT TIME ZONE', 'same'],
  ['DATE', 'TIMESTAMP WITHOUT TIME ZONE', 'widening'],
  ['TIMESTAMP WITHOUT TIME ZONE', 'DATE', 'narrowing'],
  ['TIME WITHOUT TIME ZONE', 'TIMESTAMP WITHOUT TIME ZONE', 'cross-family'],
  ['JSON', 'JSONB', 'semantic'],
  ['JSONB', 'JSON', 'semantic'],
  ['JSONB', 'TEXT', 'cross-family'],
  ['CHAR(10)', 'VARCHAR(10)', 'semantic'],
  ['CHAR(10)', 'VARCHAR(5)', 'narrowing'],
  ['TEXT', 'CITEXT', 'semantic'],
  ['VARCHAR(20) COLLATE "C"', 'VARCHAR(20)', 'semantic'],
  ['VARCHAR(20) COLLATE "C"', 'VARCHAR(10)', 'narrowing'],
  ['INTEGER[]', 'BIGINT[]', 'widening'],
  ['VARCHAR(20)[] COLLATE "C"', 'VARCHAR(10)[] COLLATE "C"', 'narrowing'],
  ['INTEGER[]', 'INTEGER', 'cross-family'],
  ['INTEGER[]', 'INTEGER[][]', 'same'], // PostgreSQL does not enforce an array's dimensions
  ['BYTEA', 'VARCHAR', 'cross-family'],
  ['BIT(8)', 'BIT VARYING', 'widening'],
  ['BIT VARYING(8)', 'BIT(8)', 'narrowing'], // shorter values are padded
  ['BIT VARYING(8)', 'BIT VARYING(3)', 'narrowing'],
  ['INTERVAL', 'INTERVAL DAY TO SECOND', 'same'], // only fields finer than the last one are dropped
  ['INTERVAL', 'INTERVAL YEAR TO MONTH', 'narrowing'],
  ['INTERVAL HOUR TO MINUTE', 'INTERVAL HOUR TO SECOND', 'widening'],
  ['INT4RANGE', 'INT8RANGE', 'widening'], // ranges go by their bounds' type
  ['TSRANGE', 'TSTZRANGE', 'semantic'],
  ['INT4RANGE', 'INT4MULTIRANGE', 'cross-family'],
  ['VARCHAR(10)', 'CHAR(10)', 'narrowing'], // trailing spaces lose their meaning
  ['MACADDR8', 'MACADDR', 'narrowing'],
  ['INET', 'CIDR', 'narrowing'], // an inet value with host bits set is no cidr
  ['CIDR', 'INET', 'widening'],
  ['GEOMETRY(POINT, 4326)', 'GEOMETRY(POLYGON, 4326)', 'semantic'],
  ['MONEY', 'MONEY', 'same'],
];

const MYSQL_CASES: Case[] = [
  ['VARCHAR(255)', 'TINYTEXT', 'narrowing'], // 255 characters are up to 1,020 bytes in utf8mb4; TINYTEXT holds 255 bytes
  ['VARCHAR(50)', 'TINYTEXT', 'widening'],
  ['CHAR(10)', 'VARCHAR(20)', 'widening'], // MySQL strips CHAR's padding when reading it
  ['BINARY(16)', 'VARBINARY(16)', 'widening'],
  ['VARBINARY(16)', 'BINARY(16)', 'narrowing'], // shorter values are padded with zero bytes
  ['BINARY(16)', 'BINARY(32)', 'narrowing'], // and keep their padding: every stored value grows
  ['BIT(8)', 'BIT(16)', 'widening'], // MySQL's BIT is a number
  ["SET('A','B')", "SET('A','B','C')", 'widening'],
  ["SET('A','B','C')", "SET('A','B')", 'narrowing'],
  ['INTEGER ZEROFILL', 'INTEGER', 'narrowing'], // ZEROFILL makes the column UNSIGNED
  ['NUMERIC(10, 2) ZEROFILL', 'NUMERIC(10, 2)', 'widening'],
  ['DOUBLE(10, 2)', 'DOUBLE', 'widening'], // (M, D) rounds as a DECIMAL would
  ['FLOAT(7, 3)', 'FLOAT(7, 1)', 'narrowing'],
  ['TINYINT', 'SMALLINT', 'widening'],
  ['SMALLINT', 'MEDIUMINT', 'widening'],
  ['MEDIUMINT', 'INTEGER', 'widening'],
  ['INTEGER(11)', 'INTEGER', 'same'],
  ['INTEGER', 'INTEGER UNSIGNED', 'narrowing'], // loses the negative half
  ['INTEGER UNSIGNED', 'INTEGER', 'narrowing'],
  ['INTEGER UNSIGNED', 'BIGINT', 'widening'],
  ['SMALLINT UNSIGNED', 'INTEGER', 'widening'],
  ['BOOL', 'TINYINT', 'same'], // BOOL is TINYINT(1)
  ['BOOL', 'INTEGER', 'widening'],
  ['VARCHAR(255)', 'TEXT', 'widening'],
  ['VARCHAR(70000)', 'TEXT', 'narrowing'], // TEXT holds 65,535
  ['TINYTEXT', 'TEXT', 'widening'],
  ['TEXT', 'MEDIUMTEXT', 'widening'],
  ['MEDIUMTEXT', 'LONGTEXT', 'widening'],
  ['LONGTEXT', 'TEXT', 'narrowing'],
  ['TEXT', 'VARCHAR(255)', 'narrowing'],
  ['TEXT(200)', 'TINYTEXT', 'same'], // MySQL picks TINYTEXT for TEXT(200)
  ['TEXT(1000)', 'TEXT', 'same'],
  ['BLOB', 'MEDIUMBLOB', 'widening'],
  ['VARBINARY(16)', 'BLOB', 'widening'],
  ['FLOAT', 'DOUBLE', 'widening'], // MySQL's FLOAT is single precision
  ['FLOAT', 'REAL', 'widening'], // and its REAL is DOUBLE
  ['DATETIME', 'DATETIME(6)', 'widening'],
  ['DATETIME(6)', 'DATETIME', 'narrowing'],
  ['DATETIME', 'TIMESTAMP', 'narrowing'], // TIMESTAMP spans 1970-2038 only
  ['TIMESTAMP', 'DATETIME', 'semantic'], // every value fits, read without the session time zone
  ['DATE', 'TIMESTAMP', 'narrowing'], // DATE spans 1000-9999: MariaDB refuses to MODIFY '1000-01-01' into TIMESTAMP
  ['DATE', 'DATETIME', 'widening'],
  ['DOUBLE', 'DOUBLE UNSIGNED', 'narrowing'], // MariaDB refuses to MODIFY a negative value into an unsigned float
  ['INTEGER', 'DOUBLE UNSIGNED', 'narrowing'],
  ['INTEGER UNSIGNED', 'DOUBLE UNSIGNED', 'widening'],
  ['TIME(3)', 'TIME', 'narrowing'],
  ['NUMERIC', 'NUMERIC(10, 0)', 'same'], // MySQL's DECIMAL defaults to (10, 0)
  ['NUMERIC(10, 2)', 'NUMERIC(10, 2) UNSIGNED', 'narrowing'],
  ['VARCHAR(50)', 'VARCHAR(50) CHARACTER SET UTF8MB4', 'semantic'],
  ['VARCHAR(20)', 'NATIONAL VARCHAR(20)', 'semantic'],
  ['NATIONAL VARCHAR(20)', 'NATIONAL VARCHAR(40)', 'widening'],
  ['CHAR(32)', 'UUID', 'cross-family'],
  ['DATETIME', 'DATE', 'narrowing'],
];

/** SQLite stores any length and any integer size in any column of an affinity. */
const SQLITE_CASES: Case[] = [
  ['VARCHAR(50)', 'VARCHAR(20)', 'same'],
  ['TEXT', 'VARCHAR(20)', 'same'],
  ['BIGINT', 'INTEGER', 'same'],
  ['NUMERIC(12, 2)', 'NUMERIC(10, 2)', 'same'],
  ['REAL', 'FLOAT', 'same'],
  ['INTEGER', 'NUMERIC', 'widening'],
  ['INTEGER', 'VARCHAR', 'cross-family'],
  ['DATETIME', 'DATE', 'narrowing'],
  ['JSON', 'TEXT', 'cross-family'],
  ['VARCHAR(32)', 'CHAR(32)', 'same'],
  ['VARCHAR(50) COLLATE "NOCASE"', 'VARCHAR(50)', 'semantic'], // sizes mean nothing, a collation does
];

describe('classifyTypeChange', () => {
  const all: [string, Case[]][] = [
    ['postgresql', GENERIC_CASES],
    ['mysql', MYSQL_CASES],
    ['sqlite', SQLITE_CASES],
  ];
  for (const [dialect, cases] of all) {
    it.each(cases)(`${dialect}: %s -> %s is %s`, (from, to, expected) => {
      expect(classifyTypeChange(from, to, dialect as Dialect)).toEqual({ from, to, class: expected });
    });
  }
});

describe('classifyTypeChange with enums', () => {
  const pg = (from: string[], to: string[], fromType = 'STATUS', toType = 'STATUS') =>
    classifyTypeChange(fromType, toType, 'postgresql', { from, to }).class;

  it('a removed value narrows, an added one widens', () => {
    expect(pg(['a', 'b', 'c'], ['a', 'b'])).toBe('narrowing');
    expect(pg(['a', 'b'], ['a', 'b', 'c'])).toBe('widening');
    expect(pg(['a', 'b'], ['a', 'c'])).toBe('narrowing');
  });

  it('a new order or a renamed enum type is semantic; identical values are the same', () => {
    expect(pg(['a', 'b'], ['b', 'a'])).toBe('semantic');
    expect(pg(['a', 'b'], ['a', 'b'], 'STATUS', 'ORDER_STATUS')).toBe('semantic');
    expect(pg(['a', 'b'], ['a', 'b'])).toBe('same');
  });

  it('reads MySQL and SQLite renderings through the value lists', () => {
    const my = classifyTypeChange("ENUM('a','b')", "ENUM('a')", 'mysql', { from: ['a', 'b'], to: ['a'] });
    expect(my.class).toBe('narrowing');
    const lite = classifyTypeChange('VARCHAR(1)', 'VARCHAR(5)', 'sqlite', { from: ['a'], to: ['a', 'bbbbb'] });
    expect(lite.class).toBe('widening');
  });

  it("a non-native enum's VARCHAR length counts (not on SQLite), and the order of its values does not", () => {
    const varchar = (dialect: Dialect, fromType: string, toType: string, from: string[], to: string[]) => classifyTypeChange(fromType, toType, dialect, { from, to }).class;
    expect(varchar('postgresql', 'VARCHAR(10)', 'VARCHAR(20)', ['a', 'b'], ['a', 'b'])).toBe('widening');
    expect(varchar('mysql', 'VARCHAR(20)', 'VARCHAR(10)', ['a', 'b'], ['a', 'b'])).toBe('narrowing');
    expect(varchar('postgresql', 'VARCHAR(20)', 'VARCHAR(10)', ['a', 'b'], ['a', 'b', 'c'])).toBe('narrowing');
    expect(varchar('sqlite', 'VARCHAR(20)', 'VARCHAR(10)', ['a', 'b'], ['a', 'b'])).toBe('same');
    expect(varchar('postgresql', 'VARCHAR(1)', 'VARCHAR(1)', ['x', 'y'], ['y', 'x'])).toBe('same');
    expect(varchar('mysql', "ENUM('x','y')", "ENUM('y','x')", ['x', 'y'], ['y', 'x'])).toBe('semantic');
  });

  it('native <-> non-native: a VARCHAR may hold strings a native type refuses; a non-native enum goes by its storage', () => {
    const e = (from: string, to: string, dialect: Dialect, values: { from: string[] | null; to: string[] | null }) => classifyTypeChange(from, to, dialect, values).class;
    const v = ['new', 'done'];
    expect(e('ST', 'VARCHAR(4)', 'postgresql', { from: v, to: v })).toBe('widening');
    expect(e('VARCHAR(4)', 'ST', 'postgresql', { from: v, to: v })).toBe('narrowing');
    expect(e("ENUM('NEW','DONE')", 'VARCHAR(4)', 'mysql', { from: v, to: v })).toBe('widening');
    // non-native enum <-> plain text: the VARCHAR's size decides; values set free widen
    expect(e('VARCHAR(30)', 'VARCHAR(10)', 'postgresql', { from: ['a', 'b'], to: null })).toBe('narrowing');
    expect(e('VARCHAR(20)', 'VARCHAR(20)', 'postgresql', { from: null, to: ['a', 'b'] })).toBe('same');
    expect(e('VARCHAR(20)', 'VARCHAR(4)', 'mysql', { from: null, to: v })).toBe('narrowing');
  });

  it('enum -> text widens when the text holds the longest value; text -> enum narrows', () => {
    expect(classifyTypeChange('STATUS', 'VARCHAR(20)', 'postgresql', { from: ['active'], to: null }).class).toBe('widening');
    expect(classifyTypeChange('STATUS', 'VARCHAR(3)', 'postgresql', { from: ['active'], to: null }).class).toBe('narrowing');
    expect(classifyTypeChange('VARCHAR(20)', 'STATUS', 'postgresql', { from: null, to: ['active'] }).class).toBe('narrowing');
    expect(classifyTypeChange('STATUS', 'INTEGER', 'postgresql', { from: ['active'], to: null }).class).toBe('cross-family');
    expect(classifyTypeChange("ENUM('active')", 'VARCHAR(20)', 'mysql', { from: ['active'], to: null }).class).toBe('widening');
    expect(classifyTypeChange("ENUM('active')", 'VARCHAR(3)', 'mysql', { from: ['active'], to: null }).class).toBe('narrowing');
  });
});

describe('typeAspects', () => {
  const plain = (type: string) => ({ type, enum: null });
  it.each([
    ['VARCHAR(20)', 'VARCHAR(50)', ['length']],
    ['VARCHAR(20)', 'VARCHAR', ['length']],
    ['VARCHAR(20)', 'TEXT', ['type']],
    ['NUMERIC(12, 2)', 'NUMERIC(10, 2)', ['precision']],
    ['TIMESTAMP(3) WITHOUT TIME ZONE', 'TIMESTAMP WITHOUT TIME ZONE', ['precision']],
    ['INTEGER', 'BIGINT', ['type']],
    ['TIMESTAMP WITHOUT TIME ZONE', 'TIMESTAMP WITH TIME ZONE', ['type']],
    ['INTEGER', 'INTEGER UNSIGNED', ['type']],
    ['NUMERIC(10,2)', 'NUMERIC(10, 2)', []],
    ['INTEGER', 'INTEGER', []],
  ])('%s -> %s: %j', (from, to, expected) => {
    expect(typeAspects(plain(from), plain(to), 'postgresql')).toEqual(expected);
  });

  it('an enum value change is "enum", not a length change of its rendering', () => {
    expect(typeAspects({ type: 'VARCHAR(1)', enum: ['a'] }, { type: 'VARCHAR(5)', enum: ['a', 'bbbbb'] }, 'sqlite')).toEqual(['enum']);
    expect(typeAspects({ type: "ENUM('a')", enum: ['a'] }, { type: "ENUM('a','b')", enum: ['a', 'b'] }, 'mysql')).toEqual(['enum']);
    expect(typeAspects({ type: 'STATUS', enum: ['a'] }, { type: 'STATE', enum: ['a'] }, 'postgresql')).toEqual(['type']);
    expect(typeAspects({ type: 'STATUS', enum: ['a'] }, { type: 'VARCHAR(5)', enum: null }, 'postgresql')).toEqual(['enum', 'type']);
  });
});

describe('parseType', () => {
  it('splits names, arguments, modifiers and array brackets', () => {
    expect(parseType('TIMESTAMP(3) WITH TIME ZONE')).toMatchObject({ name: 'TIMESTAMP WITH TIME ZONE', args: ['3'] });
    expect(parseType('INTEGER(10) UNSIGNED ZEROFILL')).toMatchObject({ name: 'INTEGER', args: ['10'], unsigned: true, modifiers: 'ZEROFILL' });
    expect(parseType('VARCHAR(20)[][] COLLATE "C"')).toMatchObject({ name: 'VARCHAR', args: ['20'], arrayDims: 2, modifiers: 'COLLATE "C"' });
    expect(parseType("ENUM('a,b','c)')")).toMatchObject({ name: 'ENUM', args: ["'a,b'", "'c)'"] });
    expect(parseType('BINARY(16)')).toMatchObject({ name: 'BINARY', modifiers: '' });
    expect(parseType('VARCHAR(20) BINARY')).toMatchObject({ name: 'VARCHAR', modifiers: 'BINARY' });
    expect(parseType('VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin')).toMatchObject({
      name: 'VARCHAR',
      modifiers: 'CHARACTER SET utf8mb4 COLLATE utf8mb4_bin',
    });
  });
});
