// The diff's shortcut for unchanged tables: it must never hide a change the full comparison of a pair reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RenameDeclaration } from '../src/config/schema.js';
import type { SchemaChange } from '../src/schema/changes.js';
import { diffSchemas } from '../src/schema/diff.js';
import { RenameMaps } from '../src/schema/diff-refs.js';
import type { Column, ColumnFk, Schema, Table, TableRef } from '../src/schema/types.js';
import { col, pk, schema, table } from './helpers/schema-builders.js';

const NAMES = ['a', 'b', 'c', 'd'];
const TABLES = ['t0', 't1', 't2', 't3'];
const TARGETS = ['t0.a', 't1.b', 's.t2.c', 't3.d', 'x', '.t0.a', 't0.b', 's.t1.a'];

const columnArb: fc.Arbitrary<Column> = fc
  .record({
    name: fc.constantFrom(...NAMES),
    type: fc.constantFrom('INTEGER', 'BIGINT', 'VARCHAR(20)', 'TEXT'),
    nullable: fc.boolean(),
    unique: fc.boolean(),
    foreign_keys: fc.subarray(TARGETS),
  })
  .map(({ name, ...rest }) => col(name, rest.type, rest));

const fkArb: fc.Arbitrary<ColumnFk> = fc.record({
  name: fc.constantFrom(null, 'fk_1'),
  columns: fc.subarray(NAMES, { minLength: 1 }),
  referred_schema: fc.constantFrom(null, 's', ''),
  referred_table: fc.constantFrom('t0', 't1'),
  referred_columns: fc.subarray(NAMES, { minLength: 1 }),
  ondelete: fc.constantFrom(null, 'CASCADE'),
  onupdate: fc.constant(null),
});

const tableArb: fc.Arbitrary<Table> = fc
  .record({
    name: fc.constantFrom(...TABLES),
    schema: fc.constantFrom(null, null, 's'),
    columns: fc.uniqueArray(columnArb, { selector: (c) => c.name, minLength: 1, maxLength: 4 }),
    primary_key: fc.subarray(NAMES),
    foreign_keys: fc.array(fkArb, { maxLength: 2 }),
    indexes: fc.array(fc.record({ name: fc.constantFrom(null, 'ix_1'), columns: fc.subarray(NAMES, { minLength: 1 }), unique: fc.boolean() }), { maxLength: 2 }),
  })
  .map(({ name, columns, ...over }) => table(name, columns, over));

/** One aspect of a column or of the table changed, so that everything else about the table stays the same. */
const TWEAKS: ((t: Table) => Table)[] = [
  (t) => ({ ...t, columns: t.columns.map((c, i) => (i === 0 ? { ...c, nullable: !c.nullable } : c)) }),
  (t) => ({ ...t, columns: t.columns.map((c, i) => (i === 0 ? { ...c, type: c.type === 'TEXT' ? 'BIGINT' : 'TEXT' } : c)) }),
  (t) => ({ ...t, columns: t.columns.map((c, i) => (i === 0 ? { ...c, foreign_keys: c.foreign_keys.slice(1) } : c)) }),
  (t) => ({ ...t, columns: t.columns.map((c, i) => (i === 0 ? { ...c, name: 'e', key: 'e' } : c)) }),
  (t) => ({ ...t, primary_key: t.primary_key.slice(1) }),
  (t) => ({ ...t, foreign_keys: t.foreign_keys.map((fk) => ({ ...fk, ondelete: fk.ondelete === null ? 'CASCADE' : null })) }),
  (t) => ({ ...t, indexes: t.indexes.map((ix) => ({ ...ix, unique: !ix.unique })) }),
  (t) => ({ ...t, columns: t.columns.slice(1) }),
];

/** A table of AFTER: the same object, a copy, a copy with one thing changed, moved or renamed, or another table. */
function mutate(t: Table, how: number, other: Table): Table {
  const copy = structuredClone(t);
  if (how === 0) return t;
  if (how === 1) return copy;
  if (how === 2) return { ...copy, schema: copy.schema === null ? 's' : null };
  if (how === 3) return { ...copy, name: `${copy.name}r` };
  return TWEAKS[how - 4]?.(copy) ?? other;
}

const renameArb: fc.Arbitrary<RenameDeclaration> = fc
  .record({ table: fc.constantFrom('t0', 't1r', 't2'), column: fc.constantFrom(undefined, 'e'), from: fc.constantFrom('a', 't1', 'zz') })
  .map(({ column, ...r }) => (column === undefined ? r : { ...r, column }));

const caseArb = fc
  .record({
    before: fc.uniqueArray(tableArb, { selector: (t) => t.name, maxLength: 4 }),
    others: fc.array(tableArb, { minLength: 4, maxLength: 4 }),
    hows: fc.array(fc.oneof(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 4 + TWEAKS.length })), { minLength: 4, maxLength: 4 }),
    renames: fc.array(renameArb, { maxLength: 2 }),
  })
  .map(({ before, others, hows, renames }) => {
    const after = before.map((t, i) => mutate(t, hows[i] ?? 0, others[i] as Table));
    return { before: schema(before), after: schema(after), renames };
  });

/** Column order is not schema: the reordered side can take no shortcut, so it is diffed pair by pair in full. */
const reversed = (s: Schema): Schema => ({ ...s, tables: s.tables.map((t) => ({ ...t, columns: [...t.columns].reverse() })) });

/** Changes as JSON, with the column lists of the tables they carry in name order. */
function canonical(changes: SchemaChange[]): string {
  return JSON.stringify(changes, (key, value: unknown) =>
    key === 'columns' && Array.isArray(value) && value.every((v) => typeof v === 'object')
      ? [...(value as Column[])].sort((x, y) => (x.name < y.name ? -1 : 1))
      : value,
  );
}

describe('the shortcut for unchanged tables', () => {
  it('gives the changes the full pair-by-pair diff gives, renames and moves included', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(caseArb, ({ before, after, renames }) => {
        const fast = diffSchemas(before, after, { renames });
        if (fast.length > 0) nonEmpty++;
        expect(canonical(fast)).toBe(canonical(diffSchemas(before, reversed(after), { renames })));
        expect(canonical(diffSchemas(after, before))).toBe(canonical(diffSchemas(reversed(after), before)));
      }),
      { numRuns: 1500 },
    );
    expect(nonEmpty).toBeGreaterThan(500);
  });

  it('still reports an unchanged table whose foreign key target was renamed', () => {
    const users = table('users', [pk(), col('email')]);
    const orders = table('orders', [pk(), col('user_id', 'INTEGER', { foreign_keys: ['users.id'] })]);
    const renamedTable = diffSchemas(schema([users, orders]), schema([{ ...users, name: 'accounts' }, structuredClone(orders)]), {
      renames: [{ table: 'accounts', from: 'users' }],
    });
    expect(renamedTable.map((c) => [c.kind, c.table?.name])).toEqual([['rename-table', 'accounts'], ['modify-column', 'orders']]);
    expect(renamedTable[1]).toMatchObject({ column: 'user_id', changes: ['foreign_keys'] });

    const uid = { ...users, columns: [pk('uid'), col('email')], primary_key: ['uid'] };
    const renamedColumn = diffSchemas(schema([users, orders]), schema([uid, orders]), { renames: [{ table: 'users', column: 'uid', from: 'id' }] });
    expect(renamedColumn.map((c) => [c.kind, c.table?.name])).toEqual([['modify-column', 'orders'], ['rename-column', 'users']]);
  });

  it('leaves a table whose columns repeat a name to the full comparison, which pairs them in the order they come', () => {
    const twice = table('t', [col('a'), col('a', 'TEXT')]);
    expect(diffSchemas(schema([twice]), schema([twice]))).toEqual([]);
    const changed = diffSchemas(schema([twice]), schema([table('t', [col('a'), col('a', 'VARCHAR(10)')])]));
    expect(changed.map((c) => [c.kind, c.column])).toEqual([['modify-column', 'a']]);
  });

  it('pairs tables of one name in two MetaData in the order they come', () => {
    const live = table('orders', [pk(), col('total')]);
    const archive = table('orders', [pk(), col('total'), col('archived_at', 'TIMESTAMP')]);
    expect(diffSchemas(schema([live, archive]), schema([live, structuredClone(archive)]))).toEqual([]);
    const dropped = diffSchemas(schema([live, archive]), schema([live, { ...archive, columns: archive.columns.slice(0, 2) }]));
    expect(dropped.map((c) => [c.kind, c.column])).toEqual([['drop-column', 'archived_at']]);
  });
});

describe('RenameMaps without spelling', () => {
  const refArb: fc.Arbitrary<TableRef> = fc.record({ name: fc.constantFrom('t0', 't1', 't2'), schema: fc.constantFrom(null, 's', '') });
  const columnsArb = fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 });
  const pairArb = fc.record({ before: refArb, after: refArb, renamed: fc.array(fc.tuple(fc.constantFrom('a', 'b'), fc.constantFrom('a', 'b')), { maxLength: 2 }) });

  it('answers whether BEFORE and AFTER spell a reference alike, as the spelled references would', () => {
    fc.assert(
      fc.property(fc.array(pairArb, { maxLength: 3 }), refArb, columnsArb, fkArb, fc.constantFrom(...TARGETS), (pairs, ref, columns, fk, target) => {
        const maps = new RenameMaps();
        for (const p of pairs) maps.addTable(table(p.before.name, [], { schema: p.before.schema }), p.after, new Map(p.renamed));
        expect(maps.spellsAlike(ref, columns)).toBe(maps.beforeTarget(ref, columns) === maps.afterTarget(ref, columns));
        expect(maps.spellsColumnTargetAlike(target)).toBe(maps.beforeColumnTarget(target) === maps.afterColumnTarget(target));
        const owner = table(ref.name, [], { schema: ref.schema });
        expect(maps.spellsForeignKeyAlike(owner, fk)).toBe(maps.beforeForeignKey(owner, fk) === maps.afterForeignKey(fk));
        // the last table registered under the reference's key decides how its columns are spelled
        const last = pairs.filter((p) => p.before.name === ref.name && (p.before.schema ?? '') === (ref.schema ?? '')).at(-1);
        expect(maps.keepsColumnNames(ref)).toBe([...new Map(last?.renamed)].every(([from, to]) => from === to));
      }),
      { numRuns: 2000 },
    );
  });
});
