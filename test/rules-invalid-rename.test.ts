// invalid-rename: a renamed-from comment or renames: entry that renames nothing.
import { describe, expect, it } from 'vitest';
import { invalidRename } from '../src/rules/invalid-rename.js';
import { runRule } from './helpers/rule-context.js';
import { col, inFile, pk, renamedFrom, table } from './helpers/schema-builders.js';

const users = inFile('app/models/user.py', 10, table('users', [pk(), col('email', 'VARCHAR(255)')]));

describe('invalid-rename', () => {
  it('fires on a directive whose old name exists nowhere, at the directive line', () => {
    const after = inFile('app/models/user.py', 10, table('users', [pk(), col('email', 'VARCHAR(255)'), col('phone', 'VARCHAR(20)')]));
    const findings = runRule(invalidRename, [users], [after], { directives: [renamedFrom('app/models/user.py', 14, 'mail')] });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('The rename from mail cannot be applied: the old name exists in neither the old nor the new schema.');
    expect(findings[0]?.category).toBe('error');
    expect(findings[0]?.source).toEqual({ file: 'app/models/user.py', line: 14 });
  });

  it('fires on a renames: entry naming a column the models do not have', () => {
    const findings = runRule(invalidRename, [users], [users], { config: { renames: [{ table: 'users', column: 'e_mail', from: 'email' }] } });
    expect(findings.map((f) => f.message)).toEqual([
      'The rename from email cannot be applied: the renamed table or column does not exist in the new schema.',
    ]);
  });

  it('does not fire on a rename that applies, nor on a stale comment left after an earlier rename', () => {
    const after = { ...users, columns: users.columns.map((c) => (c.name === 'email' ? { ...c, name: 'email_address' } : c)) };
    expect(runRule(invalidRename, [users], [after], { directives: [renamedFrom('app/models/user.py', 13, 'email')] })).toEqual([]);
    expect(runRule(invalidRename, [users], [users], { directives: [renamedFrom('app/models/user.py', 13, 'mail')] })).toEqual([]);
  });
});
