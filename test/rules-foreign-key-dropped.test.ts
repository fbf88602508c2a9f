// foreign-key-dropped: a foreign key removed while its column stays.
import { describe, expect, it } from 'vitest';
import { foreignKeyDropped } from '../src/rules/foreign-key-dropped.js';
import type { ColumnFk } from '../src/schema/types.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table } from './helpers/schema-builders.js';

const fk: ColumnFk = { name: 'fk_orders_user', columns: ['user_id'], referred_schema: null, referred_table: 'users', referred_columns: ['id'], ondelete: null, onupdate: null };
const users = table('users', [pk()]);
const orders = table('orders', [pk(), col('user_id', 'INTEGER', { foreign_keys: ['users.id'] })], { foreign_keys: [fk] });
const unlinked = table('orders', [pk(), col('user_id')]);

describe('foreign-key-dropped', () => {
  it('fires when the key goes and the column stays', () => {
    const findings = runRule(foreignKeyDropped, [users, orders], [users, unlinked]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('The foreign key orders (user_id) -> users is dropped.');
    expect(findings[0]?.category).toBe('constraint');
    expect(findings[0]?.column).toBe('user_id');
  });

  it('does not fire when the column, the referred table or the referred column goes with it', () => {
    expect(runRule(foreignKeyDropped, [users, orders], [users, table('orders', [pk()])])).toEqual([]);
    expect(runRule(foreignKeyDropped, [users, orders], [unlinked])).toEqual([]);
    const byCode = { ...fk, referred_columns: ['code'] };
    const before = [table('users', [pk(), col('code')]), { ...orders, foreign_keys: [byCode] }];
    expect(runRule(foreignKeyDropped, before, [users, unlinked])).toEqual([]);
  });

  it('does not fire when the key is kept, only added, or replaced with another ondelete', () => {
    expect(runRule(foreignKeyDropped, [users, orders], [users, orders])).toEqual([]);
    expect(runRule(foreignKeyDropped, [users, unlinked], [users, orders])).toEqual([]);
    const cascading = { ...orders, foreign_keys: [{ ...fk, ondelete: 'CASCADE' }] };
    expect(runRule(foreignKeyDropped, [users, orders], [users, cascading])).toEqual([]);
  });
});
