// Whom to notify: owners of the contracts and consumers a finding hits, with a message ready to paste.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import { dashboard, dbtModel, evaluateInput, ignore, snapshot } from './helpers/rule-context.js';
import { col, inFile, pk, table, withColumn } from './helpers/schema-builders.js';

const FILE = 'app/models/user.py';
const users = inFile(FILE, 10, table('users', [pk(), col('email', 'VARCHAR(255)'), col('plan', 'VARCHAR(20)', { server_default: "'free'" })]));
const lineage = snapshot(
  [{ schema: null, name: 'users', readers: [{ node: 'model.analytics.stg_users', level: 'column', columns: ['id', 'plan'] }] }],
  [dbtModel('stg_users', ['@acme/analytics'], ['exposure.analytics.revenue']), dashboard('revenue', ['finance@acme.example'])],
);
const config = { contracts: [{ name: 'user-pii', tables: ['users'], columns: ['email'], owners: ['@acme/privacy'] }] };

describe('notifications', () => {
  it('name every contract and consumer owner, sorted, with the finding and the consumer it affects', () => {
    const after = withColumn(withColumn(users, 'email', { type: 'TEXT' }), 'plan', { server_default: "'trial'" });
    const verdict = evaluate(evaluateInput([users], [after], { config, lineage }));
    expect(verdict.blocked).toBe(false);
    expect(verdict.notifications.map((n) => n.owner)).toEqual(['@acme/analytics', '@acme/privacy', 'finance@acme.example']);
    const finance = verdict.notifications.find((n) => n.owner === 'finance@acme.example')?.message ?? '';
    expect(finance).toContain('Hi finance@acme.example, a schema change in the application database touches data you own or read:');
    expect(finance).toContain("- 2 downstream consumers read users.plan. It changes: server default. [users.plan] (affects revenue)");
    expect(finance).not.toContain('users.email');
    const privacy = verdict.notifications.find((n) => n.owner === '@acme/privacy')?.message ?? '';
    expect(privacy).toContain('- Column users.email widens from VARCHAR(255) to TEXT. [users.email]');
  });

  it('leave out suppressed findings', () => {
    const after = withColumn(users, 'plan', { server_default: "'trial'" });
    const directives = [ignore(FILE, 14, 'downstream-consumer-affected', 'the default only applies to new sign-ups')];
    const verdict = evaluate(evaluateInput([users], [after], { lineage, directives }));
    expect(verdict.findings.map((f) => [f.ruleId, f.suppressed !== null])).toEqual([['downstream-consumer-affected', true]]);
    expect(verdict.notifications).toEqual([]);
  });

  it('are empty when nobody owns what changed', () => {
    const verdict = evaluate(evaluateInput([users], [withColumn(users, 'email', { type: 'TEXT' })]));
    expect(verdict.findings.map((f) => f.ruleId)).toEqual(['type-widening']);
    expect(verdict.notifications).toEqual([]);
  });
});
