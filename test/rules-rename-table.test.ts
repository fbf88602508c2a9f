// rename-table: a declared table rename.
import { describe, expect, it } from 'vitest';
import { renameTable } from '../src/rules/rename-table.js';
import { runRule } from './helpers/rule-context.js';
import { col, inFile, pk, renamedFrom, table } from './helpers/schema-builders.js';

const clients = inFile('app/models/crm.py', 5, table('clients', [pk(), col('name', 'TEXT')]));
const customers = inFile('app/models/crm.py', 5, { ...clients, name: 'customers' });

describe('rename-table', () => {
  it('fires on a rename declared in the config, reporting the old name readers use', () => {
    const findings = runRule(renameTable, [clients], [customers], { config: { renames: [{ table: 'customers', from: 'clients' }] } });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Table clients is renamed to customers.');
    expect(findings[0]?.category).toBe('rename');
    expect(findings[0]?.table).toEqual({ schema: null, name: 'clients' });
  });

  it('fires on a renamed-from comment inside the class (the __tablename__ line)', () => {
    const findings = runRule(renameTable, [clients], [customers], { directives: [renamedFrom('app/models/crm.py', 6, 'clients')] });
    expect(findings.map((f) => f.message)).toEqual(['Table clients is renamed to customers.']);
  });

  it('does not fire without a declaration (that is a drop and an add) or when the name stays', () => {
    expect(runRule(renameTable, [clients], [customers])).toEqual([]);
    expect(runRule(renameTable, [clients], [clients])).toEqual([]);
  });
});
