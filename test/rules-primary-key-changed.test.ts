// primary-key-changed: the key columns of an existing table change.
import { describe, expect, it } from 'vitest';
import { primaryKeyChanged } from '../src/rules/primary-key-changed.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table } from './helpers/schema-builders.js';

const items = table('order_items', [pk(), col('order_id', 'INTEGER', { nullable: false }), col('sku', 'VARCHAR(20)', { nullable: false })]);
const composite = table('order_items', [
  col('id', 'INTEGER', { nullable: false }),
  col('order_id', 'INTEGER', { nullable: false, primary_key: true }),
  col('sku', 'VARCHAR(20)', { nullable: false, primary_key: true }),
]);

describe('primary-key-changed', () => {
  it('fires when the key moves to other columns', () => {
    const findings = runRule(primaryKeyChanged, [items], [composite]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Primary key of order_items changes from (id) to (order_id, sku).');
    expect(findings[0]?.category).toBe('constraint');
  });

  it('does not fire for a new table or an unchanged key', () => {
    expect(runRule(primaryKeyChanged, [], [composite])).toEqual([]);
    expect(runRule(primaryKeyChanged, [composite], [composite])).toEqual([]);
  });
});
