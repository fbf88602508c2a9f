// type-widening: a type that holds more; info, warn where a contract pins the column.
import { describe, expect, it } from 'vitest';
import { typeWidening } from '../src/rules/type-widening.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const users = table('users', [pk(), col('email', 'VARCHAR(100)'), col('plan', 'plan', { enum: ['free', 'pro'] })]);

describe('type-widening', () => {
  it('fires as information on a longer VARCHAR', () => {
    const findings = runRule(typeWidening, [users], [withColumn(users, 'email', { type: 'VARCHAR(255)' })]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Column users.email widens from VARCHAR(100) to VARCHAR(255).');
    expect(findings[0]?.severity).toBeUndefined();
    expect(typeWidening.defaultSeverity).toBe('info');
    expect(findings[0]?.category).toBe('addition');
  });

  it('warns when a contract covers the column', () => {
    const findings = runRule(typeWidening, [users], [withColumn(users, 'email', { type: 'TEXT' })], {
      config: { contracts: [{ tables: ['users'], columns: ['email'] }] },
    });
    expect(findings.map((f) => f.severity)).toEqual(['warn']);
  });

  it('reports enum values that are only added, naming them', () => {
    const findings = runRule(typeWidening, [users], [withColumn(users, 'plan', { enum: ['free', 'pro', 'team'] })]);
    expect(findings.map((f) => f.message)).toEqual(["Column users.plan now also allows 'team'."]);
    expect(findings[0]?.help).toContain('accepted_values');
  });

  it('does not fire on narrowing or on no change', () => {
    expect(runRule(typeWidening, [users], [withColumn(users, 'email', { type: 'VARCHAR(50)' })])).toEqual([]);
    expect(runRule(typeWidening, [users], [users])).toEqual([]);
  });
});
