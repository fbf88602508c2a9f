// nullable-added: a NOT NULL column that may now be NULL.
import { describe, expect, it } from 'vitest';
import { nullableAdded } from '../src/rules/nullable-added.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const orders = table('orders', [pk(), col('total', 'NUMERIC(10, 2)', { nullable: false })]);

describe('nullable-added', () => {
  it('fires when a NOT NULL column becomes nullable', () => {
    const findings = runRule(nullableAdded, [orders], [withColumn(orders, 'total', { nullable: true })]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Column orders.total becomes nullable.');
    expect(findings[0]?.category).toBe('nullability');
    expect(findings[0]?.help).toContain('not_null');
  });

  it('does not fire when nullability stays or tightens', () => {
    expect(runRule(nullableAdded, [orders], [withColumn(orders, 'total', { comment: 'gross' })])).toEqual([]);
    const loose = withColumn(orders, 'total', { nullable: true });
    expect(runRule(nullableAdded, [loose], [orders])).toEqual([]);
  });
});
