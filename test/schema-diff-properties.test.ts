import { existsSync, readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModifyColumn, SchemaChange, TypeChangeClass } from '../src/schema/changes.js';
import { diffSchemas } from '../src/schema/diff.js';
import { classifyTypeChange } from '../src/schema/type-compat.js';
import { DIALECTS, type Column, type Dialect, type Schema, type Table } from '../src/schema/types.js';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Hand-picked types, plus every type the SQLAlchemy oracle rendered for the type goldens when they exist. */
const BASE_TYPES = [
  'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'INTEGER UNSIGNED', 'VARCHAR(20)', 'VARCHAR(50)', 'VARCHAR', 'TEXT',
  'MEDIUMTEXT', 'CHAR(10)', 'NUMERIC(10, 2)', 'NUMERIC(12, 2)', 'NUMERIC(10, 4)', 'NUMERIC(9, 0)', 'NUMERIC',
  'REAL', 'FLOAT', 'DOUBLE PRECISION', 'BOOLEAN', 'BOOL', 'DATE', 'DATETIME', 'TIMESTAMP WITHOUT TIME ZONE',
  'TIMESTAMP WITH TIME ZONE', 'TIMESTAMP(3) WITHOUT TIME ZONE', 'JSON', 'JSONB', 'UUID', 'INTEGER[]', 'BIGINT[]',
  'INET', 'CITEXT', 'VARCHAR(20) COLLATE "C"', 'BYTEA', 'BLOB',
];

function typePool(dialect: Dialect): string[] {
  const golden = new URL('types/render-types.json', FIXTURES);
  if (!existsSync(golden)) return BASE_TYPES;
  const cases = (JSON.parse(readFileSync(golden, 'utf8')) as { cases: { expected: Record<string, { type: string; enum: unknown }> }[] }).cases;
  const rendered = cases.flatMap((c) => (c.expected[dialect]?.enum === null ? [c.expected[dialect].type] : []));
  return [...new Set([...BASE_TYPES, ...rendered])];
}

/** What the reverse diff may call a change that the forward diff classified. */
const MIRROR: Record<TypeChangeClass, readonly TypeChangeClass[]> = {
  widening: ['narrowing'],
  narrowing: ['widening', 'narrowing', 'semantic'], // a change that loses in one dimension and gains in another narrows both ways
  semantic: ['semantic', 'narrowing'],
  same: ['same'],
  'cross-family': ['cross-family'],
};

describe('classifyTypeChange over every pair of known types', () => {
  it.each(DIALECTS)('%s: a type against itself is the same, and each pair mirrors its reverse', (dialect) => {
    const pool = typePool(dialect);
    for (const x of pool) {
      expect(classifyTypeChange(x, x, dialect).class).toBe('same');
      for (const y of pool) {
        const forward = classifyTypeChange(x, y, dialect).class;
        expect(MIRROR[forward], `${x} -> ${y} is ${forward}`).toContain(classifyTypeChange(y, x, dialect).class);
      }
    }
  });
});

const NAMES = ['a', 'b', 'c', 'd'];
const ENUMS: string[][] = [['x', 'y'], ['x', 'y', 'z'], ['y', 'x'], ['x']];

function columnArb(dialect: Dialect): fc.Arbitrary<Column> {
  const plainType = fc.constantFrom(...typePool(dialect)).map((type) => ({ type, enum: null as string[] | null }));
  const enumType = fc.constantFrom(...ENUMS).map((values) => ({ type: 'STATUS', enum: values }));
  return fc.record({
    name: fc.constantFrom(...NAMES),
    typed: fc.oneof(plainType, enumType),
    nullable: fc.boolean(),
    primary_key: fc.boolean(),
    unique: fc.boolean(),
    index: fc.boolean(),
    default: fc.constantFrom(null, '0', 'datetime.utcnow'),
    server_default: fc.constantFrom(null, 'now()'),
    comment: fc.constantFrom(null, 'c'),
    foreign_keys: fc.subarray(['t0.a', 't1.b', 's.t2.c']),
  }).map(({ typed, name, ...rest }) => ({ name, key: name, ...typed, ...rest }));
}

function tableArb(dialect: Dialect): fc.Arbitrary<Table> {
  const cols = fc.subarray(NAMES, { minLength: 1 });
  return fc.record({
    name: fc.constantFrom('t0', 't1', 't2', 't3'),
    schema: fc.constantFrom(null, 's'),
    columns: fc.uniqueArray(columnArb(dialect), { selector: (c) => c.name, minLength: 1, maxLength: 4 }),
    primary_key: fc.subarray(NAMES),
    indexes: fc.array(fc.record({ name: fc.constantFrom(null, 'ix_1', 'ix_2'), columns: cols, unique: fc.boolean() }), { maxLength: 2 }),
    unique_constraints: fc.array(fc.record({ name: fc.constantFrom(null, 'uq_1'), columns: cols }), { maxLength: 2 }),
    foreign_keys: fc.array(
      fc.record({
        name: fc.constantFrom(null, 'fk_1'), columns: cols, referred_schema: fc.constantFrom(null, 's'),
        referred_table: fc.constantFrom('t0', 't1'), referred_columns: cols, ondelete: fc.constantFrom(null, 'CASCADE'), onupdate: fc.constant(null),
      }),
      { maxLength: 2 },
    ),
    check_constraints: fc.array(fc.record({ name: fc.constantFrom(null, 'ck_1'), sqltext: fc.constantFrom('a > 0', 'b <> c') }), { maxLength: 2 }),
  }).map((t) => ({ ...t, source: null, unresolved: [] }));
}

/** Table names are unique across schemas, so a table is identified by its name in the mirror check. */
function schemaArb(dialect: Dialect): fc.Arbitrary<Schema> {
  return fc
    .uniqueArray(tableArb(dialect), { selector: (t) => t.name, maxLength: 4 })
    .map((tables) => ({ version: 1 as const, dialect, tables, diagnostics: [] }));
}

const FLIP: Partial<Record<SchemaChange['kind'], SchemaChange['kind']>> = {
  'add-table': 'drop-table', 'drop-table': 'add-table', 'add-column': 'drop-column', 'drop-column': 'add-column',
  'add-index': 'drop-index', 'drop-index': 'add-index', 'add-unique': 'drop-unique', 'drop-unique': 'add-unique',
  'add-foreign-key': 'drop-foreign-key', 'drop-foreign-key': 'add-foreign-key', 'add-check': 'drop-check', 'drop-check': 'add-check',
};

/** A change as the reverse diff must show it (`isFlipped`), or as it is; the class of a type change is checked apart. */
function describeForMirror(c: SchemaChange, isFlipped: boolean): string {
  const kind = isFlipped ? (FLIP[c.kind] ?? c.kind) : c.kind;
  const t = c.table?.name ?? '';
  const swap = <T>(before: T, after: T): [T, T] => (isFlipped ? [after, before] : [before, after]);
  switch (c.kind) {
    case 'add-table': case 'add-column': case 'add-index': case 'add-unique': case 'add-foreign-key': case 'add-check':
      return JSON.stringify([kind, t, 'column' in c ? c.column : c.after, 'hint' in c && c.hint !== undefined]);
    case 'drop-table': case 'drop-column': case 'drop-index': case 'drop-unique': case 'drop-foreign-key': case 'drop-check':
      return JSON.stringify([kind, t, 'column' in c ? c.column : c.before, 'hint' in c && c.hint !== undefined]);
    case 'move-table-schema':
      return JSON.stringify([kind, t, swap(c.fromSchema, c.table.schema)]);
    case 'primary-key-changed':
      return JSON.stringify([kind, t, swap(c.before, c.after)]);
    case 'modify-column': {
      const [from, to] = swap(c.before.type, c.after.type);
      const [notNull, nullable] = swap(c.becameNotNull, c.becameNullable);
      const [removed, added] = swap(c.removedValues ?? null, c.addedValues ?? null);
      return JSON.stringify([kind, t, c.column, c.changes, from, to, notNull, nullable, removed, added]);
    }
    default:
      return JSON.stringify([kind, t]);
  }
}

describe('diffSchemas properties', () => {
  it.each(DIALECTS)('%s: a schema diffed with a copy of itself has no change', (dialect) => {
    fc.assert(fc.property(schemaArb(dialect), (a) => diffSchemas(a, structuredClone(a)).length === 0), { numRuns: 300 });
  });

  it('changing only Python attribute names and source positions is no change', () => {
    fc.assert(
      fc.property(schemaArb('postgresql'), fc.string({ maxLength: 3 }), (a, suffix) => {
        const b = { ...a, tables: a.tables.map((t) => ({ ...t, source: { file: `x${suffix}.py`, line: 3 }, columns: t.columns.map((c) => ({ ...c, key: c.key + suffix, source: { file: 'y.py', line: 9 } })) })) };
        return diffSchemas(a, b).length === 0;
      }),
      { numRuns: 200 },
    );
  });

  it.each(DIALECTS)('%s: diff(a, b) mirrors diff(b, a)', (dialect) => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(schemaArb(dialect), schemaArb(dialect), (a, b) => {
        const forward = diffSchemas(a, b);
        const reverse = diffSchemas(b, a);
        for (const c of forward) seen.add(c.kind === 'modify-column' ? `${c.kind}:${c.typeChange?.class ?? ''}` : c.kind);
        if (forward.some((c) => 'hint' in c && c.hint !== undefined)) seen.add('hint');
        expect(reverse.map((c) => describeForMirror(c, false)).sort()).toEqual(forward.map((c) => describeForMirror(c, true)).sort());
        const classes = (cs: SchemaChange[]) =>
          new Map(cs.filter((c): c is ModifyColumn => c.kind === 'modify-column' && c.typeChange !== undefined).map((c) => [`${c.table.name}.${c.column}`, c.typeChange?.class]));
        const back = classes(reverse);
        for (const [where, cls] of classes(forward)) expect(MIRROR[cls ?? 'same'], where).toContain(back.get(where));
      }),
      { numRuns: 500 },
    );
    // the generator must reach every kind it can produce, or the property proves little
    const expected = ['add-table', 'drop-table', 'move-table-schema', 'add-column', 'drop-column', 'modify-column:', 'modify-column:narrowing',
      'modify-column:widening', 'modify-column:cross-family', 'add-index', 'drop-foreign-key', 'add-check', 'primary-key-changed', 'hint'];
    expect([...seen]).toEqual(expect.arrayContaining(expected));
  });
});

describe('diffSchemas on the SQLAlchemy extraction goldens', () => {
  const models = new URL('models/', FIXTURES);
  const cases = existsSync(models) ? readdirSync(models).filter((d) => existsSync(new URL(`${d}/expected.json`, models))) : [];

  it('finds golden schemas to check', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: diffSchemas(x, x) is empty, and against nothing every table is added', (name) => {
    const x = JSON.parse(readFileSync(new URL(`${name}/expected.json`, models), 'utf8')) as Schema;
    expect(diffSchemas(x, x)).toEqual([]);
    expect(diffSchemas(x, structuredClone(x))).toEqual([]);
    const empty: Schema = { ...x, tables: [] };
    expect(diffSchemas(empty, x).map((c) => c.kind)).toEqual(x.tables.map(() => 'add-table'));
    expect(diffSchemas(x, empty).map((c) => c.kind)).toEqual(x.tables.map(() => 'drop-table'));
  });
});
