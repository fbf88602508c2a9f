// drop-column: a column gone from a table that stays.
import { describe, expect, it } from 'vitest';
import { dropColumn } from '../src/rules/drop-column.js';
import { runRule } from './helpers/rule-context.js';
import { col, inFile, pk, table } from './helpers/schema-builders.js';

const users = inFile('app/models/user.py', 10, table('users', [pk(), col('email', 'VARCHAR(255)'), col('nickname', 'VARCHAR(50)')]));
const without = (name: string) => ({ ...users, columns: users.columns.filter((c) => c.name !== name) });

describe('drop-column', () => {
  it('fires on a dropped column, pointing at its old declaration line', () => {
    const findings = runRule(dropColumn, [users], [without('email')]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Column users.email is dropped.');
    expect(findings[0]?.category).toBe('drop');
    expect(findings[0]?.column).toBe('email');
    expect(findings[0]?.source).toEqual({ file: 'app/models/user.py', line: 13 });
    expect(findings[0]?.help).toContain('expand/contract');
  });

  it('adds the diff hint when a column of the same type appears, so an undeclared rename is spotted', () => {
    const after = { ...without('email'), columns: [...without('email').columns, col('email_address', 'VARCHAR(255)')] };
    const [finding] = runRule(dropColumn, [users], [after]);
    expect(finding?.help).toContain('email_address');
    expect(finding?.help).toContain('renamed-from');
  });

  it('does not fire for a declared rename, a dropped table or a new column', () => {
    const renamed = { ...users, columns: users.columns.map((c) => (c.name === 'email' ? { ...c, name: 'email_address', key: 'email_address' } : c)) };
    const directive = { kind: 'renamed-from' as const, file: 'app/models/user.py', line: 13, from: 'email' };
    expect(runRule(dropColumn, [users], [renamed], { directives: [directive] })).toEqual([]);
    expect(runRule(dropColumn, [users], [])).toEqual([]);
    expect(runRule(dropColumn, [users], [{ ...users, columns: [...users.columns, col('age')] }])).toEqual([]);
  });
});
