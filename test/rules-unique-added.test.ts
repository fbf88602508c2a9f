// unique-added: a unique constraint or unique index on existing data.
import { describe, expect, it } from 'vitest';
import { uniqueAdded } from '../src/rules/unique-added.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const users = table('users', [pk(), col('email', 'VARCHAR(255)'), col('org_id')]);
// Column(unique=True) shows as the column flag and as a table-level unique constraint (schema-json.md)
const uniqueEmail = { ...withColumn(users, 'email', { unique: true }), unique_constraints: [{ name: null, columns: ['email'] }] };

describe('unique-added', () => {
  it('fires on Column(unique=True) added to an existing column', () => {
    const findings = runRule(uniqueAdded, [users], [uniqueEmail]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('A unique constraint on users (email) is added.');
    expect(findings[0]?.category).toBe('constraint');
    expect(findings[0]?.column).toBe('email');
  });

  it('fires on a unique index over two columns', () => {
    const after = { ...users, indexes: [{ name: 'ux_users_org_email', columns: ['org_id', 'email'], unique: true }] };
    expect(runRule(uniqueAdded, [users], [after]).map((f) => f.message)).toEqual(['A unique constraint on users (org_id, email) is added.']);
  });

  it('does not fire where the columns were unique before: a constraint renamed, or a unique index in its place', () => {
    const named = (name: string) => ({ ...uniqueEmail, unique_constraints: [{ name, columns: ['email'] }] });
    expect(runRule(uniqueAdded, [named('uq_users_email')], [named('users_email_key')])).toEqual([]);
    const asIndex = { ...users, indexes: [{ name: 'ux_users_email', columns: ['email'], unique: true }] };
    expect(runRule(uniqueAdded, [named('uq_users_email')], [asIndex])).toEqual([]);
    // on other columns it is new all the same
    const other = { ...users, unique_constraints: [{ name: 'uq_users_org', columns: ['org_id'] }] };
    expect(runRule(uniqueAdded, [named('uq_users_email')], [other]).map((f) => f.message)).toEqual(['A unique constraint on users (org_id) is added.']);
  });

  it('does not fire on a plain index, a new table, or a new column without a server default', () => {
    expect(runRule(uniqueAdded, [users], [{ ...users, indexes: [{ name: 'ix_users_email', columns: ['email'], unique: false }] }])).toEqual([]);
    expect(runRule(uniqueAdded, [], [uniqueEmail])).toEqual([]);
    const newColumn = { ...users, columns: [...users.columns, col('handle', 'TEXT', { unique: true })], unique_constraints: [{ name: null, columns: ['handle'] }] };
    expect(runRule(uniqueAdded, [users], [newColumn])).toEqual([]);
  });

  it('still fires for a new column whose server default gives every row the same value', () => {
    const after = {
      ...users,
      columns: [...users.columns, col('handle', 'TEXT', { unique: true, server_default: "''" })],
      unique_constraints: [{ name: null, columns: ['handle'] }],
    };
    expect(runRule(uniqueAdded, [users], [after])).toHaveLength(1);
  });
});
