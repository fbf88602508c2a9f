import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readColumnsOfSql, type SqlReadResult } from '../src/lineage/sql-columns.js';
import { sqlDialectFor } from '../src/lineage/sql-parse.js';

/** `table` -> what the query reads of it: sorted columns, '*' for all, '?' when ambiguous. */
function reads(result: SqlReadResult): Record<string, string> {
  if (!result.ok) throw new Error(result.reason);
  return Object.fromEntries(
    result.relations.map((r) => [
      r.relation.table,
      r.ambiguous.length > 0 ? `? ${r.ambiguous.join(',')}` : r.all ? '*' : r.columns.join(','),
    ]),
  );
}

const pg = (sql: string): Record<string, string> => reads(readColumnsOfSql(sql, 'postgresql'));

describe('columns a query reads', () => {
  it('follows the dbt staging pattern: select * in a CTE, then named columns', () => {
    const sql = `with source as (select * from "db"."raw"."users"),
      renamed as (select id as user_id, email, name as full_name from source where deleted_at is null)
      select * from renamed`;
    expect(pg(sql)).toEqual({ users: 'deleted_at,email,id,name' });
  });

  it('a select * that reaches the output reads every column', () => {
    expect(pg('select * from raw.users')).toEqual({ users: '*' });
    expect(pg('with a as (select * from raw.users) select * from a')).toEqual({ users: '*' });
    expect(pg('select u.*, o.id from raw.users u join raw.orders o on o.user_id = u.id')).toEqual({ orders: 'id,user_id', users: '*' });
  });

  it('resolves aliases and qualified references across joins', () => {
    const sql = 'select u.id, u.email, o.total from raw.users u join raw.orders o on o.user_id = u.id where u.deleted_at is null';
    expect(pg(sql)).toEqual({ orders: 'total,user_id', users: 'deleted_at,email,id' });
  });

  it('marks unqualified names over two tables as ambiguous', () => {
    expect(pg('select email, total from raw.users u join raw.orders o on o.user_id = u.id')).toEqual({
      orders: '? email,total',
      users: '? email,total',
    });
  });

  it('a declared output rules a base table out: unnest aliases and CTE columns', () => {
    expect(pg('select a.id, tag from raw.users a, unnest(a.tags) as tag')).toEqual({ users: 'id,tags' });
    expect(pg('with t as (select 1 as flag) select email, flag from raw.users, t')).toEqual({ users: 'email' });
  });

  it('count(*) reads no column; EXISTS (select * …) reads only what it names', () => {
    expect(pg('select count(*) from raw.users')).toEqual({ users: '' });
    expect(pg('select id from raw.users where exists (select * from raw.orders o where o.user_id = users.id)')).toEqual({
      orders: 'user_id',
      users: 'id',
    });
  });

  it('set operations, subqueries in FROM, lateral joins, USING', () => {
    expect(pg('select id from raw.users union all select id from raw.admins')).toEqual({ admins: 'id', users: 'id' });
    expect(pg('select x.email from (select * from raw.users where active) x')).toEqual({ users: 'active,email' });
    expect(pg('select * from raw.users join raw.orders using (user_id)')).toEqual({ orders: '*', users: '*' });
    const lateral = 'select u.email, x.n from raw.users u cross join lateral (select count(*) as n from raw.orders o where o.user_id = u.id) x';
    expect(pg(lateral)).toEqual({ orders: 'user_id', users: 'email,id' });
  });

  it('output aliases in ORDER BY / GROUP BY are not input columns', () => {
    expect(pg('select id, sum(amount) as total from raw.payments group by id order by total')).toEqual({ payments: 'amount,id' });
  });

  it('WITH RECURSIVE terminates and reads no table of its own', () => {
    expect(pg('with recursive t(n) as (select 1 union all select n + 1 from t where n < 10) select n from t')).toEqual({});
  });

  it('reads the query inside INSERT … SELECT', () => {
    expect(pg('insert into x (a) select email from raw.users')).toEqual({ users: 'email' });
  });

  it('reports SQL it cannot parse with the dialect and position', () => {
    const result = readColumnsOfSql('select plan, count(*) from users group by grouping sets ((plan), ())', 'postgresql');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/does not parse as postgresql \(line 1:\d+\)/);
  });

  it('maps adapter types to dialects and falls back to a generic one', () => {
    expect(sqlDialectFor('bigquery')).toBe('bigquery');
    expect(sqlDialectFor('duckdb')).toBe('postgresql');
    expect(sqlDialectFor('no-such-adapter')).toBe('postgresql');
    expect(reads(readColumnsOfSql('select `u`.`email` from `p`.`raw`.`users` u', 'bigquery'))).toEqual({ users: 'email' });
  });
});

const SHARED = new URL('../../shared/data/dbt/', import.meta.url);
const v7 = new URL('jaffle_shop-v7-dbt1.3-bigquery.manifest.json', SHARED);
const hasShared = existsSync(v7);
if (!hasShared) console.warn('skipping real dbt compiled SQL tests: ../shared/data is absent');

describe.skipIf(!hasShared)('real compiled SQL (jaffle_shop, ../shared/data)', () => {
  // hand-labelled from reading each model's compiled_code: table -> columns it reads
  const LABELS: Record<string, Record<string, string>> = {
    'model.jaffle_shop.stg_customers': { raw_customers: 'first_name,id,last_name' },
    'model.jaffle_shop.stg_orders': { raw_orders: 'id,order_date,status,user_id' },
    'model.jaffle_shop.stg_payments': { raw_payments: 'amount,id,order_id,payment_method' },
    'model.jaffle_shop.orders': {
      stg_orders: 'customer_id,order_date,order_id,status',
      stg_payments: 'amount,order_id,payment_method',
    },
  };

  it('finds exactly the hand-labelled columns in the staging and orders models (v7 and v10)', () => {
    for (const file of [v7, new URL('jaffle_shop-v10-dbt1.6-bigquery.manifest.json', SHARED)]) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Record<string, { compiled_code?: string }> };
      for (const [id, expected] of Object.entries(LABELS)) {
        const sql = manifest.nodes[id]?.compiled_code ?? '';
        expect(reads(readColumnsOfSql(sql, 'bigquery')), id).toEqual(expected);
      }
    }
  });

  it('customers: `amount` over two select-* CTEs is ambiguous, so those tables fall back', () => {
    const manifest = JSON.parse(readFileSync(v7, 'utf8')) as { nodes: Record<string, { compiled_code: string }> };
    const result = reads(readColumnsOfSql(manifest.nodes['model.jaffle_shop.customers']?.compiled_code ?? '', 'bigquery'));
    expect(result.stg_customers).toBe('customer_id,first_name,last_name');
    expect(result.stg_payments).toBe('? amount');
    expect(result.stg_orders).toBe('? amount');
  });
});
