// not-null-added: NOT NULL on an existing column, or a new NOT NULL column, without a server default.
import { describe, expect, it } from 'vitest';
import { notNullAdded } from '../src/rules/not-null-added.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const users = table('users', [pk(), col('country', 'VARCHAR(2)')]);

describe('not-null-added', () => {
  it('blocks when an existing column becomes NOT NULL without a server default', () => {
    const findings = runRule(notNullAdded, [users], [withColumn(users, 'country', { nullable: false })]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Column users.country becomes NOT NULL without a server default.');
    expect(findings[0]?.severity).toBe('block');
    expect(findings[0]?.category).toBe('nullability');
  });

  it('keeps the default severity (warn) when a server default fills the gaps', () => {
    const findings = runRule(notNullAdded, [users], [withColumn(users, 'country', { nullable: false, server_default: "'US'" })]);
    expect(findings.map((f) => f.message)).toEqual(['Column users.country becomes NOT NULL.']);
    expect(findings[0]?.severity).toBeUndefined();
    expect(notNullAdded.defaultSeverity).toBe('warn');
  });

  it('warns (never blocks) about a new NOT NULL column without a server default on an existing table', () => {
    const after = { ...users, columns: [...users.columns, col('tier', 'VARCHAR(10)', { nullable: false, default: "'free'" })] };
    const findings = runRule(notNullAdded, [users], [after]);
    expect(findings.map((f) => f.message)).toEqual(['New column users.tier is NOT NULL without a server default.']);
    expect(findings[0]?.severity).toBeUndefined();
    expect(findings[0]?.category).toBe('addition');
  });

  it('does not fire for nullable or server-defaulted new columns, new tables, or columns already NOT NULL', () => {
    const added = { ...users, columns: [...users.columns, col('tier'), col('plan', 'TEXT', { nullable: false, server_default: "'free'" })] };
    expect(runRule(notNullAdded, [users], [added])).toEqual([]);
    expect(runRule(notNullAdded, [], [table('teams', [pk(), col('name', 'TEXT', { nullable: false })])])).toEqual([]);
    const strict = withColumn(users, 'country', { nullable: false });
    expect(runRule(notNullAdded, [strict], [withColumn(strict, 'country', { type: 'VARCHAR(3)' })])).toEqual([]);
  });
});
