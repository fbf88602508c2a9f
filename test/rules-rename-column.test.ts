// rename-column: a declared DB column rename.
import { describe, expect, it } from 'vitest';
import { renameColumn } from '../src/rules/rename-column.js';
import { runRule } from './helpers/rule-context.js';
import { col, inFile, pk, renamedFrom, table } from './helpers/schema-builders.js';

const users = inFile('app/models/user.py', 10, table('users', [pk(), col('email', 'VARCHAR(255)')]));
const renamed = { ...users, columns: users.columns.map((c) => (c.name === 'email' ? { ...c, name: 'email_address', key: 'email_address' } : c)) };

describe('rename-column', () => {
  it('fires on a rename declared by a renamed-from comment, reporting the old name readers use', () => {
    const findings = runRule(renameColumn, [users], [renamed], { directives: [renamedFrom('app/models/user.py', 13, 'email')] });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Column users.email is renamed to email_address.');
    expect(findings[0]?.category).toBe('rename');
    expect(findings[0]?.column).toBe('email');
    expect(findings[0]?.source).toEqual({ file: 'app/models/user.py', line: 13 });
  });

  it('fires on a rename declared in the config', () => {
    const findings = runRule(renameColumn, [users], [renamed], { config: { renames: [{ table: 'users', column: 'email_address', from: 'email' }] } });
    expect(findings.map((f) => f.message)).toEqual(['Column users.email is renamed to email_address.']);
  });

  it('does not fire when only the Python attribute changes, or for an undeclared rename (a drop and an add)', () => {
    const attributeOnly = { ...users, columns: users.columns.map((c) => (c.name === 'email' ? { ...c, key: 'mail' } : c)) };
    expect(runRule(renameColumn, [users], [attributeOnly])).toEqual([]);
    expect(runRule(renameColumn, [users], [renamed])).toEqual([]);
  });
});
