// downstream-consumer-affected: other changes to something the lineage snapshot says is read downstream.
import { describe, expect, it } from 'vitest';
import { downstreamConsumerAffected } from '../src/rules/downstream-consumer-affected.js';
import { dashboard, dbtModel, runRule, snapshot } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const users = table('users', [pk(), col('plan', 'VARCHAR(20)', { server_default: "'free'" }), col('bio', 'TEXT')]);
const lineage = snapshot(
  [{ schema: null, name: 'users', readers: [{ node: 'model.analytics.stg_users', level: 'column', columns: ['id', 'plan'] }] }],
  [dbtModel('stg_users', ['@acme/analytics'], ['exposure.analytics.revenue']), dashboard('revenue', ['finance@acme.example'])],
);

describe('downstream-consumer-affected', () => {
  it('fires when a column read downstream changes its server default, counting every consumer', () => {
    const findings = runRule(downstreamConsumerAffected, [users], [withColumn(users, 'plan', { server_default: "'trial'" })], { lineage });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('2 downstream consumers read users.plan. It changes: server default.');
    expect(findings[0]?.category).toBe('contract');
    expect(findings[0]?.column).toBe('plan');
  });

  it('tells a foreign key added on an existing column once, on the column, not again for the table', () => {
    const tableLevel = snapshot(
      [{ schema: null, name: 'users', readers: [{ node: 'model.analytics.stg_users', level: 'table', reason: 'select *' }] }],
      [dbtModel('stg_users', ['@acme/analytics'])],
    );
    const keyed = withColumn(users, 'bio', { foreign_keys: ['bios.id'] });
    const after = table('users', keyed.columns, {
      foreign_keys: [{ name: null, columns: ['bio'], referred_schema: null, referred_table: 'bios', referred_columns: ['id'], ondelete: null, onupdate: null }],
    });
    const findings = runRule(downstreamConsumerAffected, [users], [after], { lineage: tableLevel });
    expect(findings.map((f) => [f.column, f.message])).toEqual([['bio', '1 downstream consumer reads users.bio. It changes: foreign keys.']]);
  });

  it('does not tell constraints renamed, as a naming convention change does: the same check, key or unique columns', () => {
    const tableLevel = snapshot(
      [{ schema: null, name: 'users', readers: [{ node: 'model.analytics.stg_users', level: 'table', reason: 'select *' }] }],
      [dbtModel('stg_users', ['@acme/analytics'])],
    );
    const fk = { columns: ['id'], referred_schema: null, referred_table: 'accounts', referred_columns: ['id'], ondelete: null, onupdate: null };
    const named = (suffix: string) =>
      table('users', users.columns, {
        foreign_keys: [{ name: `fk_${suffix}`, ...fk }],
        unique_constraints: [{ name: `uq_${suffix}`, columns: ['plan'] }],
        check_constraints: [{ name: `ck_${suffix}`, sqltext: "plan <> ''" }],
      });
    expect(runRule(downstreamConsumerAffected, [named('old')], [named('new')], { lineage: tableLevel })).toEqual([]);
  });

  it('fires on a foreign key added to a table read at table level', () => {
    const tableLevel = snapshot(
      [{ schema: null, name: 'users', readers: [{ node: 'model.analytics.stg_users', level: 'table', reason: 'select *' }] }],
      [dbtModel('stg_users', ['@acme/analytics'])],
    );
    const after = table('users', users.columns, {
      foreign_keys: [{ name: null, columns: ['id'], referred_schema: null, referred_table: 'accounts', referred_columns: ['id'], ondelete: null, onupdate: null }],
    });
    const findings = runRule(downstreamConsumerAffected, [users], [after], { lineage: tableLevel });
    expect(findings.map((f) => f.message)).toEqual(['1 downstream consumer reads users. It changes: foreign key added.']);
  });

  it('does not fire without a snapshot, for a column nobody reads, or for a new table', () => {
    const changed = withColumn(users, 'plan', { server_default: "'trial'" });
    expect(runRule(downstreamConsumerAffected, [users], [changed])).toEqual([]);
    const bio = withColumn(users, 'bio', { server_default: "''" });
    expect(runRule(downstreamConsumerAffected, [users], [bio], { lineage })).toEqual([]);
    expect(runRule(downstreamConsumerAffected, [], [changed], { lineage })).toEqual([]);
  });
});
