// drop-table: a table gone from the models.
import { describe, expect, it } from 'vitest';
import { dropTable } from '../src/rules/drop-table.js';
import { runRule } from './helpers/rule-context.js';
import { col, inFile, pk, table } from './helpers/schema-builders.js';

const invoices = inFile('app/models/billing.py', 4, table('invoices', [pk(), col('total', 'NUMERIC(10, 2)')], { schema: 'billing' }));
const users = table('users', [pk()]);

describe('drop-table', () => {
  it('fires on a dropped table, with its schema and old declaration line', () => {
    const findings = runRule(dropTable, [invoices, users], [users]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Table billing.invoices is dropped.');
    expect(findings[0]?.category).toBe('drop');
    expect(findings[0]?.table).toEqual({ schema: 'billing', name: 'invoices' });
    expect(findings[0]?.source).toMatchObject({ file: 'app/models/billing.py', line: 4 });
  });

  it('does not fire for a table renamed by a `renames:` entry, a moved table or an unchanged one', () => {
    const renamed = { ...invoices, name: 'bills' };
    expect(runRule(dropTable, [invoices], [renamed], { config: { renames: [{ table: 'billing.bills', from: 'invoices' }] } })).toEqual([]);
    expect(runRule(dropTable, [invoices], [{ ...invoices, schema: 'finance' }])).toEqual([]);
    expect(runRule(dropTable, [invoices, users], [invoices, users])).toEqual([]);
  });
});
