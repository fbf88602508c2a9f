// type-narrowing: a type that holds fewer values than before.
import { describe, expect, it } from 'vitest';
import { typeNarrowing } from '../src/rules/type-narrowing.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const users = table('users', [pk(), col('email', 'VARCHAR(255)'), col('score', 'BIGINT'), col('kind', 'user_kind', { enum: ['a', 'b'] })]);

describe('type-narrowing', () => {
  it('fires on a shorter VARCHAR', () => {
    const findings = runRule(typeNarrowing, [users], [withColumn(users, 'email', { type: 'VARCHAR(100)' })]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Column users.email narrows from VARCHAR(255) to VARCHAR(100).');
    expect(findings[0]?.category).toBe('type');
  });

  it('fires on BIGINT -> INTEGER', () => {
    expect(runRule(typeNarrowing, [users], [withColumn(users, 'score', { type: 'INTEGER' })]).map((f) => f.message)).toEqual([
      'Column users.score narrows from BIGINT to INTEGER.',
    ]);
  });

  it('does not fire on widening, nor on removed enum values (enum-value-removed reports those, also with a renamed type)', () => {
    expect(runRule(typeNarrowing, [users], [withColumn(users, 'email', { type: 'TEXT' })])).toEqual([]);
    expect(runRule(typeNarrowing, [users], [withColumn(users, 'kind', { enum: ['a'] })])).toEqual([]);
    expect(runRule(typeNarrowing, [users], [withColumn(users, 'kind', { type: 'account_kind', enum: ['a'] })])).toEqual([]);
  });
});
