import { describe, expect, it } from 'vitest';
import type { SchemaChange } from '../src/schema/changes.js';
import { diffSchemas } from '../src/schema/diff.js';
import type { Table } from '../src/schema/types.js';
import { col, inFile, pk, renamedFrom, schema, table, withColumn } from './helpers/schema-builders.js';

const FILE = 'app/models.py';
// users: class on line 10, __tablename__ on 11, id on 12, email on 13, nick on 14; orders: class on 30
const users = inFile(FILE, 10, table('users', [pk(), col('email', 'VARCHAR(255)'), col('nick', 'VARCHAR(50)')]));
const orders = inFile(FILE, 30, table('orders', [pk(), col('user_id', 'INTEGER', { foreign_keys: ['users.id'] })]));
const renamedNick = withColumn(users, 'nick', { name: 'nickname', key: 'nickname' });

const kinds = (changes: SchemaChange[]) => changes.map((c) => c.kind);

describe('renamed-from directives on columns', () => {
  it('a directive on the column line renames the column', () => {
    const changes = diffSchemas(schema([users]), schema([renamedNick]), { directives: [renamedFrom(FILE, 14, 'nick')] });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: 'rename-column',
      table: { name: 'users', schema: null },
      column: 'nickname',
      from: 'nick',
      declaredBy: { kind: 'directive', file: FILE, line: 14 },
      source: { file: FILE, line: 14 },
    });
  });

  it('a renamed column that also changes type and nullability gives rename + modify', () => {
    const after = withColumn(renamedNick, 'nickname', { type: 'VARCHAR(20)', nullable: false });
    const changes = diffSchemas(schema([users]), schema([after]), { directives: [renamedFrom(FILE, 14, 'nick')] });
    expect(kinds(changes)).toEqual(['rename-column', 'modify-column']);
    expect(changes[1]).toMatchObject({ column: 'nickname', changes: ['length', 'nullable'], becameNotNull: true, typeChange: { class: 'narrowing' } });
  });

  it('a directive whose old name does not exist at HEAD is invalid, and the drop + add stay', () => {
    const changes = diffSchemas(schema([users]), schema([renamedNick]), { directives: [renamedFrom(FILE, 14, 'nik')] });
    expect(kinds(changes)).toEqual(['add-column', 'drop-column', 'invalid-rename-declaration']);
    expect(changes[2]).toMatchObject({ reason: 'old-name-missing', column: 'nickname', from: 'nik', source: { file: FILE, line: 14 } });
  });

  it('a directive left in place after the rename was committed is stale and silent', () => {
    expect(diffSchemas(schema([renamedNick]), schema([renamedNick]), { directives: [renamedFrom(FILE, 14, 'nick')] })).toEqual([]);
  });

  it('a directive on a shared mixin line renames the column in every table it reaches', () => {
    const mixinCol = (name: string) => col(name, 'TIMESTAMP WITHOUT TIME ZONE', { source: { file: 'app/mixins.py', line: 4 } });
    const a = table('a', [pk(), mixinCol('created')]);
    const b = table('b', [pk(), mixinCol('created')]);
    const after = [a, b].map((t) => withColumn(t, 'created', { name: 'created_at' }));
    const changes = diffSchemas(schema([a, b]), schema(after), { directives: [renamedFrom('app/mixins.py', 4, 'created')] });
    expect(changes.map((c) => [c.kind, c.table?.name])).toEqual([['rename-column', 'a'], ['rename-column', 'b']]);
  });

  it('two columns swapping names, both declared, are two renames', () => {
    const t = inFile(FILE, 10, table('t', [pk(), col('a', 'TEXT'), col('b', 'TEXT')]));
    const swapped = { ...t, columns: [t.columns[0]!, { ...t.columns[1]!, name: 'b' }, { ...t.columns[2]!, name: 'a' }] };
    const changes = diffSchemas(schema([t]), schema([swapped]), { directives: [renamedFrom(FILE, 13, 'a'), renamedFrom(FILE, 14, 'b')] });
    expect(changes.map((c) => (c.kind === 'rename-column' ? `${c.from}->${c.column}` : c.kind))).toEqual(['b->a', 'a->b']);
  });

  it('constraints and references follow a declared column rename', () => {
    const before = { ...users, indexes: [{ name: 'ix_nick', columns: ['nick'], unique: false }], primary_key: ['id', 'nick'] };
    const after = { ...renamedNick, indexes: [{ name: 'ix_nick', columns: ['nickname'], unique: false }], primary_key: ['id', 'nickname'] };
    const changes = diffSchemas(schema([before]), schema([after]), { directives: [renamedFrom(FILE, 14, 'nick')] });
    expect(kinds(changes)).toEqual(['rename-column']);
  });
});

describe('renamed-from directives on tables', () => {
  const people = { ...users, name: 'people' };

  it.each([
    ['the __tablename__ line', 11],
    ['the class line', 10],
    ['a later line of the class body', 16],
  ])('a directive on %s renames the table', (_where, line) => {
    const changes = diffSchemas(schema([people]), schema([users]), { directives: [renamedFrom(FILE, line, 'people')] });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'rename-table', table: { name: 'users' }, from: { name: 'people', schema: null }, source: users.source });
  });

  it('a directive belongs to the table whose span holds it, not to an earlier one in the file', () => {
    const purchases = { ...orders, name: 'purchases' };
    const changes = diffSchemas(schema([users, purchases]), schema([users, orders]), { directives: [renamedFrom(FILE, 31, 'purchases')] });
    expect(changes).toMatchObject([{ kind: 'rename-table', table: { name: 'orders' }, from: { name: 'purchases' } }]);
  });

  it('a directive above every table, or in a file without tables, is not on a declaration', () => {
    const changes = diffSchemas(schema([users]), schema([users]), {
      directives: [renamedFrom(FILE, 3, 'x'), renamedFrom('app/other.py', 12, 'y')],
    });
    expect(changes.map((c) => c.kind === 'invalid-rename-declaration' && [c.reason, c.table, c.from])).toEqual([
      ['not-on-declaration', null, 'x'],
      ['not-on-declaration', null, 'y'],
    ]);
  });

  it('the directive nearest the table line wins; a second different one is a conflict', () => {
    const changes = diffSchemas(schema([people]), schema([users]), {
      directives: [renamedFrom(FILE, 17, 'persons'), renamedFrom(FILE, 11, 'people')],
    });
    expect(kinds(changes)).toEqual(['rename-table', 'invalid-rename-declaration']);
    expect(changes[1]).toMatchObject({ reason: 'conflict', from: 'persons' });
  });

  it('foreign keys that referred to the renamed table are not changes', () => {
    const oldOrders = {
      ...withColumn(orders, 'user_id', { foreign_keys: ['people.id'] }),
      foreign_keys: [{ name: null, columns: ['user_id'], referred_schema: null, referred_table: 'people', referred_columns: ['id'], ondelete: null, onupdate: null }],
    };
    const newOrders = { ...orders, foreign_keys: [{ ...oldOrders.foreign_keys[0]!, referred_table: 'users' }] };
    const changes = diffSchemas(schema([people, oldOrders]), schema([users, newOrders]), { directives: [renamedFrom(FILE, 11, 'people')] });
    expect(kinds(changes)).toEqual(['rename-table']);
  });

  it('a renamed table may also rename a column', () => {
    const changes = diffSchemas(schema([people]), schema([renamedNick]), {
      directives: [renamedFrom(FILE, 11, 'people'), renamedFrom(FILE, 14, 'nick')],
    });
    expect(changes.map((c) => [c.kind, c.table?.name])).toEqual([['rename-table', 'users'], ['rename-column', 'users']]);
  });

  it('a column directive in a table that is new is invalid', () => {
    const fresh = inFile(FILE, 50, table('fresh', [pk(), col('b')]));
    const changes = diffSchemas(schema([users]), schema([users, fresh]), { directives: [renamedFrom(FILE, 53, 'a')] });
    expect(kinds(changes)).toEqual(['add-table', 'invalid-rename-declaration']);
  });
});

describe('config renames', () => {
  const people: Table = { ...users, name: 'people' };

  it('rename a table and a column, citing the config entry', () => {
    const changes = diffSchemas(schema([people]), schema([renamedNick]), {
      renames: [{ table: 'users', from: 'people' }, { table: 'users', column: 'nickname', from: 'nick' }],
    });
    expect(changes).toMatchObject([
      { kind: 'rename-table', declaredBy: { kind: 'config', index: 0 } },
      { kind: 'rename-column', declaredBy: { kind: 'config', index: 1 } },
    ]);
  });

  it('accepts schema-qualified names', () => {
    const before = { ...people, schema: 'legacy' };
    const after = { ...users, schema: 'auth' };
    const changes = diffSchemas(schema([before]), schema([after]), { renames: [{ table: 'auth.users', from: 'legacy.people' }] });
    expect(changes).toMatchObject([{ kind: 'rename-table', table: { name: 'users', schema: 'auth' }, from: { name: 'people', schema: 'legacy' } }]);
  });

  it('an entry naming a table or column the staged models lack is invalid', () => {
    const changes = diffSchemas(schema([users]), schema([users]), {
      renames: [{ table: 'nope', from: 'x' }, { table: 'users', column: 'nope', from: 'nick' }],
    });
    expect(changes.map((c) => c.kind === 'invalid-rename-declaration' && [c.reason, c.declaredBy])).toEqual([
      ['target-missing', { kind: 'config', index: 0 }],
      ['target-missing', { kind: 'config', index: 1 }],
    ]);
  });

  it('an entry whose old name exists nowhere is invalid', () => {
    const changes = diffSchemas(schema([people]), schema([users]), { renames: [{ table: 'users', from: 'persons' }] });
    expect(kinds(changes)).toEqual(['drop-table', 'add-table', 'invalid-rename-declaration']);
  });

  it('a directive and a config entry declaring the same rename give one rename, citing the directive', () => {
    const changes = diffSchemas(schema([users]), schema([renamedNick]), {
      directives: [renamedFrom(FILE, 14, 'nick')],
      renames: [{ table: 'users', column: 'nickname', from: 'nick' }],
    });
    expect(changes).toMatchObject([{ kind: 'rename-column', declaredBy: { kind: 'directive' } }]);
  });
});
