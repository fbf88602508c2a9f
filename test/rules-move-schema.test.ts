// move-schema: a table that moves to another schema under the same name.
import { describe, expect, it } from 'vitest';
import { moveSchema } from '../src/rules/move-schema.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table } from './helpers/schema-builders.js';

const invoices = table('invoices', [pk(), col('total', 'NUMERIC(10, 2)')]);

describe('move-schema', () => {
  it('fires when a table moves from the default schema into another, naming the old place', () => {
    const findings = runRule(moveSchema, [invoices], [{ ...invoices, schema: 'billing' }]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Table invoices moves from schema (default) to billing.');
    expect(findings[0]?.category).toBe('rename');
    expect(findings[0]?.table).toEqual({ schema: null, name: 'invoices' });
  });

  it('does not fire when the schema stays, or when the name exists in two schemas afterwards', () => {
    expect(runRule(moveSchema, [invoices], [invoices])).toEqual([]);
    const both = [{ ...invoices, schema: 'billing' }, { ...invoices, schema: 'archive' }];
    expect(runRule(moveSchema, [invoices], both)).toEqual([]);
  });
});
