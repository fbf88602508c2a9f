// type-cross-family: a column type of another family.
import { describe, expect, it } from 'vitest';
import { typeCrossFamily } from '../src/rules/type-cross-family.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const orders = table('orders', [pk(), col('ref', 'INTEGER'), col('placed', 'DATE')]);

describe('type-cross-family', () => {
  it('fires on INTEGER -> VARCHAR', () => {
    const findings = runRule(typeCrossFamily, [orders], [withColumn(orders, 'ref', { type: 'VARCHAR(20)' })]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Column orders.ref changes type from INTEGER to VARCHAR(20).');
    expect(findings[0]?.category).toBe('type');
  });

  it('fires on DATE -> UUID', () => {
    expect(runRule(typeCrossFamily, [orders], [withColumn(orders, 'placed', { type: 'UUID' })])).toHaveLength(1);
  });

  it('does not fire within a family or on a convertible pair (INTEGER -> BIGINT, DATE -> TIMESTAMP)', () => {
    expect(runRule(typeCrossFamily, [orders], [withColumn(orders, 'ref', { type: 'BIGINT' })])).toEqual([]);
    expect(runRule(typeCrossFamily, [orders], [withColumn(orders, 'placed', { type: 'TIMESTAMP WITHOUT TIME ZONE' })])).toEqual([]);
  });
});
