import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDbtManifest } from '../src/lineage/dbt-manifest.js';
import { tableKey, type WarehouseConfig } from '../src/lineage/matching.js';
import type { LineageFragment, TableReader } from '../src/lineage/types.js';

const FIXTURE = new URL('../fixtures/lineage/dbt/', import.meta.url);
const manifestText = readFileSync(new URL('manifest.json', FIXTURE), 'utf8');
const WAREHOUSE: WarehouseConfig = { database: 'analytics', schemas: { public: 'app_public', billing: 'billing_raw' }, tables: { events: 'app_events' } };
const parse = (text = manifestText, warehouse: WarehouseConfig | undefined = WAREHOUSE): LineageFragment =>
  parseDbtManifest(text, { sourceId: 'dbt:manifest.json', label: 'manifest.json', ...(warehouse ? { warehouse } : {}) });

function reader(fragment: LineageFragment, table: string, node: string): TableReader | undefined {
  return fragment.tables.find((t) => tableKey(t) === table)?.readers.find((r) => r.node === node);
}

describe('dbt manifest adapter (fixture manifest)', () => {
  const fragment = parse();

  it('keys tables by app-side names through the warehouse map, identifier over name', () => {
    expect(fragment.tables.map(tableKey).sort()).toEqual(['audit_log', 'billing.invoices', 'events', 'orders', 'users']);
    // source `events_src` has identifier app_events, which warehouse.tables maps back to the app's `events`
    expect(reader(fragment, 'events', 'model.shop.stg_events')).toEqual({
      node: 'model.shop.stg_events',
      level: 'column',
      columns: ['id', 'kind', 'occurred_at', 'user_id'],
    });
  });

  it('skips sources outside warehouse.database, and keeps sources nobody reads', () => {
    const users = fragment.tables.filter((t) => t.name === 'users');
    expect(users).toHaveLength(1);
    expect(users[0]?.readers.some((r) => r.node.includes('legacy'))).toBe(false);
    expect(fragment.tables.find((t) => t.name === 'audit_log')?.readers).toEqual([]);
  });

  it('reads columns through CTEs, marks select * as every column, and falls back with a reason', () => {
    expect(reader(fragment, 'users', 'model.shop.stg_users')).toMatchObject({ level: 'column', columns: ['created_at', 'deleted_at', 'email', 'id', 'name'] });
    expect(reader(fragment, 'users', 'model.shop.users_raw_copy')).toMatchObject({ level: 'column', columns: '*' });
    expect(reader(fragment, 'users', 'model.shop.plan_rollup')).toMatchObject({ level: 'table', reason: expect.stringMatching(/does not parse as postgresql/) });
    expect(reader(fragment, 'orders', 'model.shop.order_status_counts')).toMatchObject({ level: 'table', reason: expect.stringMatching(/no compiled SQL/) });
    expect(reader(fragment, 'users', 'model.shop.invoice_emails')).toMatchObject({ level: 'table', reason: expect.stringMatching(/amount_cents, email/) });
    expect(reader(fragment, 'users', 'exposure.shop.crm_sync')).toMatchObject({ level: 'table', reason: 'the exposure depends on the whole table' });
  });

  it('drops tests, follows child_map downstream, and gathers owners and URLs', () => {
    const ids = fragment.nodes.map((n) => n.id);
    expect(ids.some((id) => id.startsWith('test.'))).toBe(false);
    const byId = new Map(fragment.nodes.map((n) => [n.id, n]));
    expect(byId.get('model.shop.stg_users')?.children).toEqual(['model.shop.customers', 'model.shop.user_order_facts']);
    expect(byId.get('exposure.shop.weekly_revenue')).toMatchObject({
      type: 'exposure',
      kind: 'dashboard',
      name: 'Weekly revenue',
      url: 'https://bi.acme.example/dashboards/42',
      owners: ['Revenue Analytics <revenue@acme.example>'],
    });
    expect(byId.get('model.shop.user_order_facts')?.owners).toEqual(['Growth <growth@acme.example>']);
    expect(byId.get('model.shop.stg_invoices')?.owners).toEqual(['finance-data@acme.example']);
    expect(byId.get('model.shop.stg_events')?.owners).toEqual(['product-analytics@acme.example', 'Ana Lytics <ana@acme.example>']);
    expect(byId.get('snapshot.shop.users_snapshot')).toMatchObject({ type: 'snapshot', owners: ['Data Platform <platform@acme.example>'] });
    expect(byId.get('exposure.shop.crm_sync')?.owners).toEqual(['Sales Ops']);
  });

  it('column-level precision against the hand labels (reported)', () => {
    const labels = JSON.parse(readFileSync(new URL('expected-columns.json', FIXTURE), 'utf8')) as {
      readers: Record<string, Record<string, string[] | '*'>>;
      expected_table_level: Record<string, string>;
    };
    let pairs = 0, exact = 0, wrong = 0, found = 0, truePositive = 0, truth = 0;
    const fallbacks = new Set<string>();
    for (const [node, tables] of Object.entries(labels.readers)) {
      for (const [table, expected] of Object.entries(tables)) {
        pairs++;
        const got = reader(fragment, table, node);
        expect(got, `${node} reads ${table}`).toBeDefined();
        if (got?.level !== 'column') {
          fallbacks.add(node);
          continue;
        }
        const same = JSON.stringify(got.columns) === JSON.stringify(expected);
        if (same) exact++;
        else wrong++;
        if (got.columns !== '*' && expected !== '*') {
          found += got.columns.length;
          truth += expected.length;
          truePositive += got.columns.filter((c) => expected.includes(c)).length;
        }
      }
    }
    console.log(
      `dbt fixture column lineage: ${pairs} reader×table pairs, ${exact} exact at column level, ` +
        `${pairs - exact - wrong} table-level fallbacks, ${wrong} wrong; precision ${(truePositive / found).toFixed(2)}, ` +
        `recall ${(truePositive / truth).toFixed(2)} over ${truth} labelled columns of column-level pairs`,
    );
    expect(wrong).toBe(0);
    expect([...fallbacks].sort()).toEqual(Object.keys(labels.expected_table_level).sort());
    expect(truePositive).toBe(found);
    expect(truePositive).toBe(truth);
  });

  it('rejects unsupported versions and non-manifests, naming the file', () => {
    const v6 = manifestText.replace('manifest/v12.json', 'manifest/v6.json');
    expect(() => parse(v6)).toThrow('manifest.json: unsupported dbt manifest schema https://schemas.getdbt.com/dbt/manifest/v6.json (supported: v7 to v12)');
    expect(() => parse('{"nodes": {}}')).toThrow('manifest.json: not a dbt manifest.json');
    expect(() => parse('{\n  "metadata": {\n    "dbt_schema_version": \n}')).toThrow("manifest.json:4:1: not valid JSON: expected a value");
  });
});

const SHARED = new URL('../../shared/data/dbt/', import.meta.url);
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn('skipping real dbt manifest tests: ../shared/data is absent');

describe.skipIf(!hasShared)('dbt manifest adapter (real jaffle_shop manifests, ../shared/data)', () => {
  const read = (name: string): string => readFileSync(new URL(name, SHARED), 'utf8');

  it('accepts v7, v10 and v12 manifests; those without sources give no tables', () => {
    for (const name of [
      'jaffle_shop-v7-dbt1.3-bigquery.manifest.json',
      'jaffle_shop-v10-dbt1.6-bigquery.manifest.json',
      'jaffle_shop-v12-dbt1.8-bigquery.manifest.json',
    ]) {
      expect(parse(read(name), undefined), name).toEqual({ tables: [], nodes: [] });
    }
  });

  it('v12 duckdb (parse-only): sources mapped through the warehouse map, readers at table level with the reason', () => {
    const fragment = parse(read('jaffle_shop-v12-dbt1.11-duckdb.manifest.json'), { database: 'jaffle_shop', schemas: { public: 'raw' }, tables: {} });
    expect(fragment.tables.map(tableKey).sort()).toEqual(['raw_customers', 'raw_items', 'raw_orders', 'raw_products', 'raw_stores', 'raw_supplies']);
    expect(reader(fragment, 'raw_customers', 'model.jaffle_shop.stg_customers')).toMatchObject({ level: 'table', reason: expect.stringMatching(/dbt compile/) });
    const ids = new Set(fragment.nodes.map((n) => n.id));
    // downstream through models, semantic models and metrics to saved queries
    expect(ids.has('model.jaffle_shop.customers')).toBe(true);
    expect(ids.has('metric.jaffle_shop.lifetime_spend_pretax')).toBe(true);
    expect(ids.has('saved_query.jaffle_shop.customer_order_metrics')).toBe(true);
    expect([...ids].some((id) => id.startsWith('test.') || id.startsWith('unit_test.'))).toBe(false);
  });

  it('another warehouse database matches nothing', () => {
    const fragment = parse(read('jaffle_shop-v12-dbt1.11-duckdb.manifest.json'), { database: 'prod', schemas: {}, tables: {} });
    expect(fragment.tables).toEqual([]);
  });
});
