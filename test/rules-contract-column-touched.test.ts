// contract-column-touched: changes under a contract that no specific rule reports, at the contract's policy.
import { describe, expect, it } from 'vitest';
import { contractColumnTouched } from '../src/rules/contract-column-touched.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const orders = table('orders', [pk(), col('status', 'VARCHAR(20)', { server_default: "'new'" }), col('note', 'TEXT')]);
const contract = { name: 'orders-feed', tables: ['orders'], columns: ['status'], owners: ['@acme/orders'] };

describe('contract-column-touched', () => {
  it('fires when a contracted column changes its server default, at the contract policy (block)', () => {
    const findings = runRule(contractColumnTouched, [orders], [withColumn(orders, 'status', { server_default: "'open'" })], {
      config: { contracts: [contract] },
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toContain('Column orders.status is under contract orders-feed and changes: server default.');
    expect(findings[0]?.help).toContain('@acme/orders');
    expect(findings[0]?.category).toBe('contract');
    expect(findings[0]?.severity).toBe('block');
  });

  it('reports at warn under a contract whose policy is warn, and names an unnamed contract by its place', () => {
    const findings = runRule(contractColumnTouched, [orders], [withColumn(orders, 'status', { server_default: null })], {
      config: { contracts: [{ tables: ['orders'], policy: 'warn' }] },
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('warn');
    expect(findings[0]?.message).toContain('contracts[0]');
  });

  it('fires on a dropped check constraint of a contracted table', () => {
    const before = table('orders', orders.columns, { check_constraints: [{ name: 'ck_status', sqltext: "status <> ''" }] });
    const findings = runRule(contractColumnTouched, [before], [orders], { config: { contracts: [{ tables: ['orders'] }] } });
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('check constraint dropped')]);
  });

  it('does not fire on a column outside the contract, on a comment change, or without contracts', () => {
    const touched = withColumn(orders, 'note', { server_default: "''" });
    expect(runRule(contractColumnTouched, [orders], [touched], { config: { contracts: [contract] } })).toEqual([]);
    const comment = withColumn(orders, 'status', { comment: 'order state' });
    expect(runRule(contractColumnTouched, [orders], [comment], { config: { contracts: [contract] } })).toEqual([]);
    const changed = withColumn(orders, 'status', { server_default: "'open'" });
    expect(runRule(contractColumnTouched, [orders], [changed])).toEqual([]);
  });

  it('leaves drops to the drop rules', () => {
    const dropped = table('orders', orders.columns.filter((c) => c.name !== 'status'));
    expect(runRule(contractColumnTouched, [orders], [dropped], { config: { contracts: [contract] } })).toEqual([]);
  });

  it('leaves a unique or check constraint that goes away with its dropped column to the drop rule', () => {
    const before = table('orders', orders.columns, {
      unique_constraints: [{ name: 'uq_status', columns: ['status'] }],
      check_constraints: [{ name: 'ck_status', sqltext: "status <> ''" }],
    });
    const dropped = table('orders', orders.columns.filter((c) => c.name !== 'status'));
    expect(runRule(contractColumnTouched, [before], [dropped], { config: { contracts: [{ tables: ['orders'] }] } })).toEqual([]);
  });
});
