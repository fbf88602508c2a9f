import { describe, expect, it } from 'vitest';
import {
  consumersOf,
  isColumnLevelKnown,
  lineageViewOf,
  resolveTarget,
  snapshotAgeDays,
  snapshotWarnings,
} from '../src/lineage/impact.js';
import { impactReport } from '../src/lineage/impact-report.js';
import { renderImpactJson } from '../src/report/impact-json.js';
import { renderImpactMermaid } from '../src/report/impact-mermaid.js';
import { renderImpactText } from '../src/report/impact-text.js';
import { fixtureSnapshot, OL_NAMESPACE } from './helpers/lineage-fixtures.js';

const snapshot = fixtureSnapshot();
const users = { schema: null, name: 'users' };

describe('impact queries', () => {
  it('users.email: direct readers of the column, every-column and table-level readers, and all downstream', () => {
    const consumers = consumersOf(snapshot, users, 'email');
    const byId = new Map(consumers.map((c) => [c.id, c]));
    // hand-derived from the fixtures: readers of email or *, then table-level readers, then their descendants
    expect([...byId.keys()].sort()).toEqual(
      [
        'consumer:finance-monthly-export',
        `dataset:${OL_NAMESPACE}:analytics.marketing.email_audience`,
        'exposure.shop.churn_notebook',
        'exposure.shop.crm_sync',
        'exposure.shop.weekly_revenue',
        'job:airflow:marketing.email_audience',
        'model.shop.customers',
        'model.shop.invoice_emails',
        'model.shop.plan_rollup',
        'model.shop.stg_users',
        'model.shop.user_order_facts',
        'model.shop.users_raw_copy',
        'snapshot.shop.users_snapshot',
      ].sort(),
    );
    expect(byId.get('exposure.shop.weekly_revenue')).toMatchObject({
      level: 'column',
      via: ['model.shop.stg_users', 'model.shop.customers', 'exposure.shop.weekly_revenue'],
      owners: ['Revenue Analytics <revenue@acme.example>'],
      url: 'https://bi.acme.example/dashboards/42',
      source: 'dbt:dbt/manifest.json',
    });
    expect(byId.get('exposure.shop.crm_sync')).toMatchObject({ level: 'table', via: ['exposure.shop.crm_sync'] });
  });

  it('a column nobody reads by name has only every-column and table-level readers', () => {
    const ids = consumersOf(snapshot, users, 'marketing_opt_in').map((c) => c.id);
    expect(ids).toContain('job:airflow:marketing.email_audience');
    expect(ids).not.toContain('model.shop.stg_users');
    expect(consumersOf(snapshot, { schema: null, name: 'events' }, 'payload')).toEqual([]);
  });

  it('looks tables up case-insensitively, with no schema meaning public', () => {
    expect(consumersOf(snapshot, { schema: 'public', name: 'USERS' }).length).toBe(consumersOf(snapshot, users).length);
    expect(consumersOf(snapshot, { schema: 'billing', name: 'invoices' }, 'voided').map((c) => c.id)).toContain('model.shop.stg_invoices');
    expect(consumersOf(snapshot, { schema: null, name: 'no_such_table' })).toEqual([]);
  });

  it('knows which tables are read at column level throughout', () => {
    expect(isColumnLevelKnown(snapshot, { schema: null, name: 'events' })).toBe(true);
    expect(isColumnLevelKnown(snapshot, { schema: null, name: 'audit_log' })).toBe(true);
    expect(isColumnLevelKnown(snapshot, users)).toBe(false);
    expect(isColumnLevelKnown(snapshot, { schema: null, name: 'no_such_table' })).toBe(false);
    expect(isColumnLevelKnown({ ...snapshot, partial: true }, { schema: null, name: 'events' })).toBe(false);
    const view = lineageViewOf(snapshot);
    expect(view.knowsColumns({ schema: null, name: 'events' })).toBe(true);
    expect(view.consumersOf(users, 'email')).toEqual(consumersOf(snapshot, users, 'email'));
  });

  it('ages and warnings', () => {
    expect(snapshotAgeDays(snapshot, new Date('2025-11-30T09:00:00Z'))).toBe(10);
    expect(snapshotWarnings(snapshot, { file: 'l.json', maxAgeDays: 14, now: new Date('2025-11-30T09:00:00Z') })).toEqual([]);
    expect(snapshotWarnings({ ...snapshot, partial: true }, { file: 'l.json', maxAgeDays: 7, now: new Date('2025-11-30T09:00:00Z') })).toEqual([
      'the lineage snapshot l.json is 10 days old (more than 7); run `schemaguard sync`',
      'the lineage snapshot l.json is partial: some sources failed when it was written',
    ]);
  });

  it('reads TABLE, TABLE.COLUMN, SCHEMA.TABLE and SCHEMA.TABLE.COLUMN', () => {
    expect(resolveTarget(snapshot, 'users')).toEqual({ table: users });
    expect(resolveTarget(snapshot, 'users.email')).toEqual({ table: users, column: 'email' });
    expect(resolveTarget(snapshot, 'billing.invoices')).toEqual({ table: { schema: 'billing', name: 'invoices' } });
    expect(resolveTarget(snapshot, 'billing.invoices.voided')).toEqual({ table: { schema: 'billing', name: 'invoices' }, column: 'voided' });
    expect(resolveTarget(snapshot, 'a..b')).toBeNull();
    expect(resolveTarget(snapshot, 'a.b.c.d')).toBeNull();
  });
});

describe('impact renderers', () => {
  const report = impactReport(snapshot, { table: users, column: 'email' });

  it('text: the tree with what each reader reads, URLs and owners', () => {
    const text = renderImpactText(report);
    expect(text.split('\n')[0]).toBe('users.email: 13 downstream consumers');
    expect(text).toContain('some readers are known at table level only');
    expect(text).toContain('model stg_users  reads created_at, deleted_at, email, id, name  owners: Growth <growth@acme.example>');
    expect(text).toMatch(/│  └─ exposure Weekly revenue \(dashboard\)  https:\/\/bi\.acme\.example\/dashboards\/42  owners: Revenue Analytics <revenue@acme\.example>/);
    expect(text).toContain('model users_raw_copy  reads every column (select *)  no owner recorded');
    expect(text).toMatch(/model plan_rollup  table level: compiled SQL does not parse as postgresql/);
    expect(text).toContain('(shown above)');
  });

  it('json: consumers with level, path and what the direct readers read', () => {
    const body = JSON.parse(renderImpactJson(report)) as { column_level_known: boolean; consumers: { id: string; reads: unknown; via: string[] }[] };
    expect(body.column_level_known).toBe(false);
    expect(body.consumers.find((c) => c.id === 'model.shop.users_raw_copy')?.reads).toEqual({ level: 'column', columns: '*' });
    expect(body.consumers.find((c) => c.id === 'model.shop.customers')).toMatchObject({ reads: null, via: ['model.shop.stg_users', 'model.shop.customers'] });
  });

  it('mermaid: a flowchart with labelled reader edges and escaped owners', () => {
    const chart = renderImpactMermaid(report);
    expect(chart.startsWith('flowchart LR\n  target[("users.email")]\n')).toBe(true);
    expect(chart).toMatch(/target -->\|"created_at, deleted_at, email, id, name"\| n\d+/);
    expect(chart).toMatch(/target -\. table level \.-> n\d+/);
    expect(chart).toContain('Revenue Analytics #lt;revenue@acme.example#gt;');
  });

  it('unknown tables and unread columns say so', () => {
    expect(renderImpactText(impactReport(snapshot, { table: { schema: null, name: 'ghost' } }))).toContain('the lineage snapshot does not know ghost');
    expect(renderImpactText(impactReport(snapshot, { table: { schema: null, name: 'events' }, column: 'payload' }))).toContain('nothing downstream reads events.payload');
  });
});
