// enum-value-removed: an Enum column that no longer allows some values.
import { describe, expect, it } from 'vitest';
import { enumValueRemoved } from '../src/rules/enum-value-removed.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const orders = table('orders', [pk(), col('status', 'order_status', { enum: ['new', 'paid', 'shipped', 'refunded'] })]);

describe('enum-value-removed', () => {
  it('fires when values are removed, naming them', () => {
    const findings = runRule(enumValueRemoved, [orders], [withColumn(orders, 'status', { enum: ['new', 'paid', 'shipped'] })]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe("Column orders.status no longer allows 'refunded'.");
    expect(findings[0]?.category).toBe('type');
  });

  it('fires when one value is swapped for another (a rename of the value)', () => {
    const after = withColumn(orders, 'status', { enum: ['new', 'paid', 'shipped', 'returned'] });
    expect(runRule(enumValueRemoved, [orders], [after]).map((f) => f.message)).toEqual([
      "Column orders.status no longer allows 'refunded'.",
    ]);
  });

  it('does not fire when values are only added or reordered', () => {
    expect(runRule(enumValueRemoved, [orders], [withColumn(orders, 'status', { enum: ['new', 'paid', 'shipped', 'refunded', 'lost'] })])).toEqual([]);
    expect(runRule(enumValueRemoved, [orders], [withColumn(orders, 'status', { enum: ['paid', 'new', 'shipped', 'refunded'] })])).toEqual([]);
  });
});
