import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tableKey } from '../src/lineage/matching.js';
import { addMarquezColumnLineage, addMarquezLineage } from '../src/lineage/marquez.js';
import { parseOpenLineageEvents } from '../src/lineage/openlineage-events.js';
import { openLineageFragment } from '../src/lineage/openlineage-fragment.js';
import { addJob, emptyGraph } from '../src/lineage/openlineage-graph.js';
import type { LineageFragment, TableReader } from '../src/lineage/types.js';

const WAREHOUSE = { database: 'analytics', schemas: { public: 'app_public', billing: 'billing_raw' }, tables: { events: 'app_events' } };
const PG = 'postgres://warehouse.acme.example:5432';
const fixture = readFileSync(new URL('../fixtures/lineage/openlineage-events.ndjson', import.meta.url), 'utf8');

function reader(fragment: LineageFragment, table: string, node: string): TableReader | undefined {
  return fragment.tables.find((t) => tableKey(t) === table)?.readers.find((r) => r.node === node);
}

describe('OpenLineage events (fixture NDJSON)', () => {
  const fragment = openLineageFragment(parseOpenLineageEvents(fixture, 'events.ndjson'), { sourceId: 'openlineage:x', namespace: PG, warehouse: WAREHOUSE });

  it('matches db.schema.table datasets in the namespace to app tables', () => {
    // datasets read by some job; written-only ones (marketing.email_audience) are no reader's table
    expect(fragment.tables.map(tableKey).sort()).toEqual(['billing.invoices', 'finance.revenue_daily', 'orders', 'users']);
  });

  it('columnLineage 1-2-0 with indirect fields is column level, direct and indirect columns together', () => {
    expect(reader(fragment, 'users', 'job:airflow:marketing.email_audience')).toEqual({
      node: 'job:airflow:marketing.email_audience',
      level: 'column',
      columns: ['deleted_at', 'email', 'id', 'marketing_opt_in'],
    });
  });

  it('an old facet without indirect lineage and no SQL is table level, saying why', () => {
    expect(reader(fragment, 'orders', 'job:spark:fraud.order_scoring')).toMatchObject({ level: 'table', reason: expect.stringMatching(/no indirect lineage/) });
  });

  it('a job with an SQL facet is read at column level from its query', () => {
    expect(reader(fragment, 'billing.invoices', 'job:airflow:finance.revenue_daily')).toEqual({
      node: 'job:airflow:finance.revenue_daily',
      level: 'column',
      columns: ['amount_cents', 'issued_on', 'voided'],
    });
  });

  it('keeps jobs and datasets downstream with the ownership facet and source URLs', () => {
    const byId = new Map(fragment.nodes.map((n) => [n.id, n]));
    expect(byId.get('job:airflow:marketing.email_audience')).toMatchObject({
      type: 'job',
      owners: ['marketing-eng@acme.example'],
      url: 'https://git.acme.example/airflow/dags/email_audience.py',
      children: [`dataset:${PG}:analytics.marketing.email_audience`],
    });
    expect(byId.get(`dataset:${PG}:analytics.finance.revenue_daily`)?.children).toEqual(['job:airflow:finance.board_pack']);
    expect(byId.get('job:airflow:finance.board_pack')?.owners).toEqual(['cfo-office@acme.example']);
    // the Kafka dataset is outside the configured namespace: not an app table, its job not a reader
    expect(byId.has('job:flink:cdc.users_to_search')).toBe(false);
  });

  it('names the file and line of a bad NDJSON event', () => {
    const bad = `${fixture.split('\n')[0]}\n{"eventType": "START", "job": {}}\n`;
    expect(() => parseOpenLineageEvents(bad, 'events.ndjson')).toThrow('events.ndjson:2: not an OpenLineage event (no job.namespace and job.name)');
    expect(() => parseOpenLineageEvents('[{"job": {"namespace": "a", "name": "b"}}, ]', 'events.json')).toThrow(/^events\.json:1:\d+: not valid JSON/);
  });
});

const SHARED = new URL('../../shared/data/openlineage/', import.meta.url);
const hasShared = existsSync(SHARED);
if (!hasShared) console.warn('skipping real OpenLineage tests: ../shared/data is absent');

describe.skipIf(!hasShared)('real OpenLineage data (Marquez food delivery, ../shared/data)', () => {
  const read = (name: string): string => readFileSync(new URL(name, SHARED), 'utf8');

  it('reads the 26 events: readers of public.* tables with column lineage from SQL or facets', () => {
    const graph = parseOpenLineageEvents(read('marquez-food-delivery.events.json'), 'food.json');
    expect(graph.jobs.size).toBe(13);
    const fragment = openLineageFragment(graph, { sourceId: 'openlineage:food', namespace: 'food_delivery' });
    // hand-checked against the job's SQL: SELECT o.id, o.placed_on, o.discount_id, o.menu_item_id … FROM orders AS o
    expect(reader(fragment, 'orders', 'job:food_delivery:etl_orders_7_days')).toEqual({
      node: 'job:food_delivery:etl_orders_7_days',
      level: 'column',
      columns: ['discount_id', 'id', 'menu_item_id', 'placed_on'],
    });
    // email_discounts has no outputs (no facet) but its SQL joins customers on c.email
    expect(reader(fragment, 'customers', 'job:food_delivery:email_discounts')).toMatchObject({ level: 'column', columns: ['email'] });
    // etl_delivery_7_days's SQL uses `==`, which does not parse; its facet is 1-0-1 (no indirect): table level
    expect(reader(fragment, 'customers', 'job:food_delivery:etl_delivery_7_days')).toMatchObject({ level: 'table' });
    expect(openLineageFragment(graph, { sourceId: 'x', namespace: 'elsewhere' }).tables).toEqual([]);
  });

  it('reads the full example event (3-part dataset name, input and output the same)', () => {
    const fragment = openLineageFragment(parseOpenLineageEvents(read('event_full.json'), 'event_full.json'), { sourceId: 'x' });
    expect(fragment.tables).toEqual([
      { schema: 'schema', name: 'table', readers: [{ node: 'job:my-scheduler-namespace:myjob.mytask', level: 'table', reason: expect.any(String) }] },
    ]);
  });

  it('reads the Marquez lineage and column-lineage response shapes', () => {
    const graph = emptyGraph();
    addMarquezLineage(graph, [JSON.parse(read('marquez-lineage-response.json'))]);
    // one DATASET node: its out edge is a job reading it, its in edge a job writing it
    expect([...(graph.jobs.get('job:namespace:readJob19<-commonDataset')?.inputs.keys() ?? [])]).toEqual(['dataset:namespace:commonDataset']);
    expect([...(graph.jobs.get('job:namespace:writeJob')?.outputs.keys() ?? [])]).toEqual(['dataset:namespace:commonDataset']);
    const writer = addJob(graph, { namespace: 'namespace', name: 'otherWriter' });
    writer.outputs.set('dataset:namespace:otherDataset', { namespace: 'namespace', name: 'otherDataset' });
    addMarquezColumnLineage(graph, [JSON.parse(read('marquez-column-lineage-response.json'))]);
    expect(writer.columnLineage.get('dataset:namespace:otherDataset')).toEqual([{ namespace: 'namespace', name: 'otherDataset', field: 'columnB' }]);
    // no `transformations` on the input fields: the lineage may leave out indirect use
    expect(writer.indirectLineage.size).toBe(0);
  });
});
