import { describe, expect, it } from 'vitest';
import type { ModifyColumn, SchemaChange } from '../src/schema/changes.js';
import { diffSchemas } from '../src/schema/diff.js';
import { col, inFile, pk, schema, table, withColumn } from './helpers/schema-builders.js';

const users = inFile('app/models/user.py', 10, table('users', [pk(), col('email', 'VARCHAR(255)', { nullable: false }), col('nick', 'VARCHAR(50)')]));

function only<K extends SchemaChange['kind']>(changes: SchemaChange[], kind: K): Extract<SchemaChange, { kind: K }> {
  expect(changes.map((c) => c.kind)).toEqual([kind]);
  return changes[0] as Extract<SchemaChange, { kind: K }>;
}

function modify(before: ReturnType<typeof table>, after: ReturnType<typeof table>, dialect: 'postgresql' | 'mysql' | 'sqlite' = 'postgresql'): ModifyColumn {
  return only(diffSchemas(schema([before], dialect), schema([after], dialect)), 'modify-column');
}

describe('diffSchemas: no change', () => {
  it('an identical schema gives no change', () => {
    expect(diffSchemas(schema([users]), schema([structuredClone(users)]))).toEqual([]);
  });

  it('renaming the Python attribute while keeping the DB name is no change', () => {
    const after = withColumn(users, 'nick', { key: 'nickname_v2' });
    expect(diffSchemas(schema([users]), schema([after]))).toEqual([]);
  });

  it('a table that moved to another file (same name and schema) is no change', () => {
    const moved = inFile('app/models/accounts.py', 3, table('users', users.columns.map((c) => ({ ...c }))), 'Account');
    expect(diffSchemas(schema([users]), schema([moved]))).toEqual([]);
  });
});

describe('diffSchemas: tables', () => {
  const orders = inFile('app/models/order.py', 5, table('orders', [pk()]));

  it('add-table points at the new table; drop-table at where it was at HEAD', () => {
    const added = only(diffSchemas(schema([users]), schema([users, orders])), 'add-table');
    expect(added).toMatchObject({ table: { name: 'orders', schema: null }, source: { file: 'app/models/order.py', line: 5 } });
    expect(added.after).toBe(orders);
    const dropped = only(diffSchemas(schema([users, orders]), schema([users])), 'drop-table');
    expect(dropped).toMatchObject({ table: { name: 'orders', schema: null }, source: { file: 'app/models/order.py', line: 5 } });
    expect(dropped.before).toBe(orders);
  });

  it('a table whose schema changed but name kept is move-table-schema, not drop + add', () => {
    const moved = { ...users, schema: 'auth' };
    const c = only(diffSchemas(schema([users]), schema([moved])), 'move-table-schema');
    expect(c).toMatchObject({ table: { name: 'users', schema: 'auth' }, fromSchema: null });
  });

  it('same name in two schemas on one side is matched by schema, not moved', () => {
    const a = { ...orders, schema: 'a' };
    const b = { ...orders, schema: 'b' };
    const changes = diffSchemas(schema([a, b]), schema([a]));
    expect(changes.map((c) => [c.kind, c.table?.schema])).toEqual([['drop-table', 'b']]);
  });

  it('an undeclared drop + add of a table with the same columns carries a rename hint', () => {
    const people = { ...users, name: 'people' };
    const changes = diffSchemas(schema([users]), schema([people]));
    expect(changes.map((c) => c.kind)).toEqual(['add-table', 'drop-table']);
    const [add, drop] = changes as [Extract<SchemaChange, { kind: 'add-table' }>, Extract<SchemaChange, { kind: 'drop-table' }>];
    expect(add.hint).toContain('renamed-from users');
    expect(drop.hint).toContain('people');
    expect(drop.hint).toContain('renamed-from users');
  });

  it('tables with different columns get no hint', () => {
    const changes = diffSchemas(schema([users]), schema([orders]));
    expect(changes.every((c) => !('hint' in c))).toBe(true);
  });
});

describe('diffSchemas: columns', () => {
  it('drop-column points at the column where it was at HEAD', () => {
    const after = { ...users, columns: users.columns.filter((c) => c.name !== 'nick') };
    const c = only(diffSchemas(schema([users]), schema([after])), 'drop-column');
    expect(c).toMatchObject({ column: 'nick', table: { name: 'users' }, source: { file: 'app/models/user.py', line: 14 } });
  });

  it('add-column points at the new column', () => {
    const after = { ...users, columns: [...users.columns, { ...col('age'), source: { file: 'app/models/user.py', line: 15 } }] };
    const c = only(diffSchemas(schema([users]), schema([after])), 'add-column');
    expect(c).toMatchObject({ column: 'age', source: { line: 15 } });
    expect(c.hint).toBeUndefined();
  });

  it('an undeclared drop + add of the same type in one table carries a hint on both', () => {
    const after = withColumn(users, 'nick', { name: 'nickname', key: 'nickname' });
    const changes = diffSchemas(schema([users]), schema([after]));
    expect(changes.map((c) => c.kind)).toEqual(['add-column', 'drop-column']);
    const [add, drop] = changes as [Extract<SchemaChange, { kind: 'add-column' }>, Extract<SchemaChange, { kind: 'drop-column' }>];
    expect(add.hint).toBe(
      'looks like a rename of nick: declare it with `# schemaguard: renamed-from nick` on the new line, or a `renames:` entry in config',
    );
    expect(drop.hint).toContain('nickname');
  });

  it('a drop + add of different types gets no hint', () => {
    const after = withColumn(users, 'nick', { name: 'nickname', type: 'TEXT' });
    const changes = diffSchemas(schema([users]), schema([after]));
    expect(changes.map((c) => c.kind)).toEqual(['add-column', 'drop-column']);
    expect(changes.some((c) => 'hint' in c)).toBe(false);
  });
});

describe('diffSchemas: modify-column', () => {
  it('VARCHAR(50) -> VARCHAR(20) is a narrowing length change', () => {
    const c = modify(users, withColumn(users, 'nick', { type: 'VARCHAR(20)' }));
    expect(c.changes).toEqual(['length']);
    expect(c.typeChange).toEqual({ from: 'VARCHAR(50)', to: 'VARCHAR(20)', class: 'narrowing' });
    expect(c.source).toEqual({ file: 'app/models/user.py', line: 14 });
  });

  it('NUMERIC precision is "precision"; INTEGER -> BIGINT is "type"', () => {
    const t = table('orders', [pk(), col('total', 'NUMERIC(12, 2)')]);
    expect(modify(t, withColumn(t, 'total', { type: 'NUMERIC(10, 2)' })).changes).toEqual(['precision']);
    expect(modify(t, withColumn(t, 'id', { type: 'BIGINT' }))).toMatchObject({
      changes: ['type'],
      typeChange: { class: 'widening' },
    });
  });

  it('nullable carries its direction', () => {
    const notNull = modify(users, withColumn(users, 'nick', { nullable: false }));
    expect(notNull).toMatchObject({ changes: ['nullable'], becameNotNull: true, becameNullable: false });
    expect(notNull.typeChange).toBeUndefined();
    const nullable = modify(users, withColumn(users, 'email', { nullable: true }));
    expect(nullable).toMatchObject({ becameNotNull: false, becameNullable: true });
  });

  it('enum values removed and added are listed', () => {
    const t = table('orders', [pk(), col('status', 'STATUS', { enum: ['new', 'paid', 'void'] })]);
    const c = modify(t, withColumn(t, 'status', { enum: ['new', 'paid', 'refunded'] }));
    expect(c).toMatchObject({ changes: ['enum'], removedValues: ['void'], addedValues: ['refunded'], typeChange: { class: 'narrowing' } });
  });

  it('each plain aspect is detected on its own, sorted', () => {
    const t = table('t', [pk(), col('c', 'TEXT')]);
    const cases: [Partial<ReturnType<typeof col>>, string][] = [
      [{ default: 'datetime.utcnow' }, 'default'],
      [{ server_default: 'now()' }, 'server_default'],
      [{ unique: true }, 'unique'],
      [{ index: true }, 'index'],
      [{ comment: 'why' }, 'comment'],
      [{ primary_key: true }, 'primary_key'],
      [{ foreign_keys: ['others.id'] }, 'foreign_keys'],
    ];
    for (const [over, aspect] of cases) {
      const changes = diffSchemas(schema([t]), schema([withColumn(t, 'c', over)]));
      const m = changes.find((x): x is ModifyColumn => x.kind === 'modify-column');
      expect(m?.changes, aspect).toEqual([aspect]);
    }
    const all = modify(t, withColumn(t, 'c', { type: 'VARCHAR(10)', nullable: false, comment: 'x', default: '1' }));
    expect(all.changes).toEqual(['comment', 'default', 'nullable', 'type']);
  });

  it('the order of foreign-key targets is not a change', () => {
    const t = table('t', [pk(), col('c', 'INTEGER', { foreign_keys: ['a.id', 'b.id'] })]);
    expect(diffSchemas(schema([t]), schema([withColumn(t, 'c', { foreign_keys: ['b.id', 'a.id'] })]))).toEqual([]);
  });
});

describe('diffSchemas: constraints', () => {
  const base = table('users', [pk(), col('email', 'VARCHAR(255)'), col('org_id')]);
  const fk = { name: null, columns: ['org_id'], referred_schema: null, referred_table: 'orgs', referred_columns: ['id'], ondelete: null, onupdate: null };

  it.each([
    ['index', { indexes: [{ name: 'ix_users_email', columns: ['email'], unique: false }] }],
    ['unique', { unique_constraints: [{ name: 'uq_users_email', columns: ['email'] }] }],
    ['foreign-key', { foreign_keys: [fk] }],
    ['check', { check_constraints: [{ name: 'ck_age', sqltext: 'age >= 0' }] }],
  ])('add-%s and drop-%s', (what, over) => {
    const withIt = { ...base, ...over, source: { file: 'm.py', line: 3, symbol: 'User' } };
    const added = only(diffSchemas(schema([base]), schema([withIt])), `add-${what}` as SchemaChange['kind']);
    expect(added.source).toEqual({ file: 'm.py', line: 3, symbol: 'User' });
    only(diffSchemas(schema([withIt]), schema([base])), `drop-${what}` as SchemaChange['kind']);
    expect(diffSchemas(schema([withIt]), schema([structuredClone(withIt)]))).toEqual([]);
  });

  it('a changed ON DELETE is a drop + add of the foreign key', () => {
    const before = { ...base, foreign_keys: [fk] };
    const after = { ...base, foreign_keys: [{ ...fk, ondelete: 'CASCADE' }] };
    expect(diffSchemas(schema([before]), schema([after])).map((c) => c.kind)).toEqual(['add-foreign-key', 'drop-foreign-key']);
  });

  it('primary-key-changed lists both key column lists', () => {
    const after = { ...base, primary_key: ['id', 'org_id'] };
    const c = only(diffSchemas(schema([base]), schema([after])), 'primary-key-changed');
    expect(c).toMatchObject({ before: ['id'], after: ['id', 'org_id'] });
  });
});

describe('diffSchemas: order', () => {
  it('is by table, then kind, then column, whatever the input order', () => {
    const a = table('a', [pk(), col('x'), col('y')]);
    const b = table('b', [pk()]);
    const after = [withColumn(b, 'id', { type: 'BIGINT' }), { ...a, columns: [a.columns[0]!, col('z'), col('w')] }, table('c', [pk()])];
    const changes = diffSchemas(schema([a, b]), schema(after));
    expect(changes.map((c) => [c.table?.name, c.kind, 'column' in c ? c.column : undefined])).toEqual([
      ['a', 'add-column', 'w'],
      ['a', 'add-column', 'z'],
      ['a', 'drop-column', 'x'],
      ['a', 'drop-column', 'y'],
      ['b', 'modify-column', 'id'],
      ['c', 'add-table', undefined],
    ]);
    expect(diffSchemas(schema([b, a]), schema([...after].reverse()))).toEqual(changes);
  });

  it('survives JSON.stringify: aspects are a sorted string array', () => {
    const changes = diffSchemas(schema([users]), schema([withColumn(users, 'nick', { type: 'TEXT', nullable: false })]));
    const json = JSON.parse(JSON.stringify(changes)) as ModifyColumn[];
    expect(json[0]?.changes).toEqual(['nullable', 'type']);
  });
});
