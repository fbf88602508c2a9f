// The JSON report: parses, is versioned, and keeps each finding's facts as data.
import { describe, expect, it } from 'vitest';
import { renderJson } from '../src/report/json.js';
import { checkReport } from './helpers/report-fixture.js';

describe('json report', () => {
  it('parses, carries version 1 and the verdict', () => {
    const body = JSON.parse(renderJson(checkReport()));
    expect(body.version).toBe(1);
    expect(body.tool).toEqual({ name: 'schemaguard', version: '0.1.0' });
    expect(body.blocked).toBe(true);
    expect(body.override).toBeNull();
    expect(body.changes).toHaveLength(4);
    expect(body.findings.map((f: { rule: string; severity: string }) => [f.rule, f.severity])).toEqual([
      ['type-narrowing', 'block'],
      ['drop-column', 'block'],
      ['nullable-added', 'warn'],
      ['type-widening', 'info'],
    ]);
  });

  it('keeps location, contracts, consumers, suppression and override state per finding', () => {
    const body = JSON.parse(renderJson(checkReport({ overrideReason: 'DATA-77' })));
    const [narrowing, drop] = body.findings;
    expect(narrowing).toMatchObject({
      file: 'app/models/order.py',
      line: 8,
      table: { name: 'orders', schema: null },
      column: 'total',
      change: 'modify-column',
      contracts: [{ label: 'orders-feed', owners: ['@acme/orders'], policy: 'block', allowOverride: true }],
      consumers: [{ name: 'fct_orders', owners: ['@acme/analytics'], level: 'column' }],
      suppressed: null,
      overridden: true,
      can_override: true,
    });
    expect(drop.suppressed).toEqual({ reason: 'flag unused since 2024', file: 'app/models/user.py', line: 10 });
    expect(body.override).toEqual({ reason: 'DATA-77', rules: ['type-narrowing'] });
    expect(body.notifications.map((n: { owner: string }) => n.owner)).toEqual(['@acme/analytics', '@acme/orders']);
  });
});
