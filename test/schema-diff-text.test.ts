import { describe, expect, it } from 'vitest';
import { describeChange } from '../src/schema/change-text.js';
import { CHANGE_KINDS, type SchemaChange } from '../src/schema/changes.js';
import { diffSchemas } from '../src/schema/diff.js';
import { col, inFile, pk, renamedFrom, schema, table, withColumn } from './helpers/schema-builders.js';

const users = table('users', [pk(), col('email', 'VARCHAR(255)', { nullable: false }), col('nick', 'VARCHAR(50)')]);
const orders = table('orders', [pk(), col('total', 'NUMERIC(12, 2)'), col('status', 'STATUS', { enum: ['new', 'paid', 'void'] })]);

const described: SchemaChange[] = [];

function sentences(before: ReturnType<typeof table>[], after: ReturnType<typeof table>[], options = {}): string[] {
  const changes = diffSchemas(schema(before), schema(after), options);
  described.push(...changes);
  return changes.map(describeChange);
}

describe('describeChange', () => {
  it('tables', () => {
    expect(sentences([users], [users, orders])).toEqual(['table orders added']);
    expect(sentences([users, orders], [users])).toEqual(['table orders dropped']);
    expect(sentences([users], [{ ...users, schema: 'auth' }])).toEqual(['table users moved from the default schema to schema auth']);
    const people = inFile('m.py', 1, { ...users, name: 'people' });
    const renamed = inFile('m.py', 1, users);
    expect(sentences([people], [renamed], { directives: [renamedFrom('m.py', 2, 'people')] })).toEqual(['table people renamed to users']);
  });

  it('columns', () => {
    expect(sentences([users], [{ ...users, columns: users.columns.slice(0, 2) }])).toEqual(['column users.nick dropped']);
    expect(sentences([users], [{ ...users, columns: [...users.columns, col('age', 'INTEGER', { nullable: false })] }])).toEqual([
      'column users.age added: INTEGER NOT NULL',
    ]);
    const u = inFile('m.py', 1, users);
    expect(sentences([u], [withColumn(u, 'nick', { name: 'nickname' })], { directives: [renamedFrom('m.py', 5, 'nick')] })).toEqual([
      'column users.nick renamed to nickname',
    ]);
  });

  it('modify-column, one part per aspect', () => {
    expect(sentences([orders], [withColumn(orders, 'total', { type: 'NUMERIC(10, 2)' })])).toEqual([
      'column orders.total: NUMERIC(12, 2) -> NUMERIC(10, 2) (narrowing)',
    ]);
    expect(sentences([orders], [withColumn(orders, 'status', { enum: ['new', 'paid', 'refunded'] })])).toEqual([
      'column orders.status: enum values removed: void; enum values added: refunded (narrowing)',
    ]);
    expect(sentences([users], [withColumn(users, 'nick', { nullable: false, default: "'anon'", unique: true, index: true, comment: 'shown' })])).toEqual([
      "column users.nick: now NOT NULL; default none -> 'anon'; now unique; now indexed; comment changed",
    ]);
    expect(sentences([users], [withColumn(users, 'email', { nullable: true, server_default: 'now()', foreign_keys: ['emails.address'] })])).toEqual([
      'column users.email: now nullable; server default none -> now(); references nothing -> emails.address',
    ]);
  });

  it('constraints and the primary key', () => {
    const withAll = {
      ...users,
      schema: 'auth',
      primary_key: ['id', 'email'],
      indexes: [{ name: 'ix_users_email', columns: ['email'], unique: true }],
      unique_constraints: [{ name: null, columns: ['nick'] }],
      foreign_keys: [{ name: 'fk_org', columns: ['org_id'], referred_schema: null, referred_table: 'orgs', referred_columns: ['id'], ondelete: 'CASCADE', onupdate: null }],
      check_constraints: [{ name: 'ck_nick', sqltext: "nick <> ''" }],
    };
    expect(sentences([{ ...users, schema: 'auth' }], [withAll])).toEqual([
      'unique index ix_users_email on auth.users (email) added',
      'unique constraint on auth.users (nick) added',
      'foreign key fk_org on auth.users (org_id) -> orgs (id) added',
      "check constraint ck_nick on auth.users (nick <> '') added",
      'primary key of auth.users changed from (id) to (id, email)',
    ]);
    expect(sentences([withAll], [{ ...users, schema: 'auth' }]).slice(0, 4)).toEqual([
      'unique index ix_users_email on auth.users (email) dropped',
      'unique constraint on auth.users (nick) dropped',
      'foreign key fk_org on auth.users (org_id) -> orgs (id) dropped',
      "check constraint ck_nick on auth.users (nick <> '') dropped",
    ]);
  });

  it('invalid rename declarations say where and why', () => {
    const u = inFile('m.py', 1, users);
    expect(sentences([u], [u], { directives: [renamedFrom('other.py', 3, 'x')], renames: [{ table: 'nope', from: 'y' }] })).toEqual([
      'renamed-from x at other.py:3: the comment is neither on a column line nor inside a table declaration',
      'renamed-from y at config renames[0]: there is no table nope in the staged models',
    ]);
    const renamed = withColumn(u, 'nick', { name: 'nickname' });
    const [invalid] = diffSchemas(schema([u]), schema([renamed]), { directives: [renamedFrom('m.py', 5, 'nik')] }).filter(
      (c) => c.kind === 'invalid-rename-declaration',
    );
    expect(describeChange(invalid as SchemaChange)).toBe('renamed-from nik at m.py:5: there is no nik at HEAD to rename column users.nickname from');
  });

  it('the cases above described every kind, each in a sentence of its own', () => {
    expect(new Set(described.map((c) => c.kind))).toEqual(new Set(CHANGE_KINDS));
    for (const c of described) expect(describeChange(c)).not.toBe(c.kind);
  });
});
