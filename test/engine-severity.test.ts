// The engine's grading: escalation by contracts and consumers, demotion by lineage and deprecation dates,
// created tables, and severities from the config.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import type { Finding, Verdict } from '../src/engine/types.js';
import { dashboard, dbtModel, evaluateInput, snapshot } from './helpers/rule-context.js';
import { col, inFile, pk, table, withColumn } from './helpers/schema-builders.js';

const FILE = 'app/models/user.py';
const users = inFile(FILE, 10, table('users', [pk(), col('email', 'VARCHAR(255)', { nullable: false }), col('legacy_flag', 'BOOLEAN')]));
const withoutLegacy = { ...users, columns: users.columns.filter((c) => c.name !== 'legacy_flag') };
const emailNullable = withColumn(users, 'email', { nullable: true });

/** stg_users reads id and email column by column; the revenue dashboard reads stg_users. */
const lineage = snapshot(
  [{ schema: null, name: 'users', readers: [{ node: 'model.analytics.stg_users', level: 'column', columns: ['id', 'email'] }] }],
  [dbtModel('stg_users', ['@acme/analytics'], ['exposure.analytics.revenue']), dashboard('revenue', ['finance@acme.example'])],
);

function only(verdict: Verdict, ruleId: string): Finding {
  const hits = verdict.findings.filter((f) => f.ruleId === ruleId);
  expect(hits.map((f) => f.ruleId)).toEqual([ruleId]);
  return hits[0] as Finding;
}

describe('escalation', () => {
  it('raises a nullability warning to block when a contract with policy block covers the column', () => {
    const config = { contracts: [{ name: 'user-pii', tables: ['users'], columns: ['email'], owners: ['@acme/privacy'] }] };
    const verdict = evaluate(evaluateInput([users], [emailNullable], { config }));
    const finding = only(verdict, 'nullable-added');
    expect(finding.severity).toBe('block');
    expect(finding.adjustments).toEqual(['raised to block: contract user-pii covers it']);
    expect(finding.contracts).toEqual([{ label: 'user-pii', owners: ['@acme/privacy'], policy: 'block', allowOverride: true }]);
    expect(verdict.blocked).toBe(true);
  });

  it('raises it to block when the lineage snapshot knows consumers of the column, listing them with owners', () => {
    const verdict = evaluate(evaluateInput([users], [emailNullable], { lineage }));
    const finding = only(verdict, 'nullable-added');
    expect(finding.severity).toBe('block');
    expect(finding.adjustments).toEqual(['raised to block: 2 downstream consumers read it']);
    expect(finding.consumers.map((c) => [c.name, c.owners])).toEqual([
      ['stg_users', ['@acme/analytics']],
      ['revenue', ['finance@acme.example']],
    ]);
  });

  it('keeps a warning under a contract whose policy is warn and without consumers', () => {
    const config = { contracts: [{ tables: ['users'], policy: 'warn' as const }] };
    const finding = only(evaluate(evaluateInput([users], [emailNullable], { config })), 'nullable-added');
    expect(finding.severity).toBe('warn');
    expect(finding.adjustments).toEqual([]);
  });

  it('lowers a blocking drop to a warning when every contract covering it has policy warn and nobody reads it', () => {
    const config = { contracts: [{ name: 'soft', tables: ['users'], policy: 'warn' as const }] };
    const finding = only(evaluate(evaluateInput([users], [withoutLegacy], { config })), 'drop-column');
    expect(finding.severity).toBe('warn');
    expect(finding.adjustments).toEqual(['lowered to warn: the policy of contract soft is warn']);
  });

  it('keeps the block under a warn contract when a consumer reads the column', () => {
    const config = { contracts: [{ tables: ['users'], policy: 'warn' as const }] };
    const noEmail = { ...users, columns: users.columns.filter((c) => c.name !== 'email') };
    const finding = only(evaluate(evaluateInput([users], [noEmail], { config, lineage })), 'drop-column');
    expect(finding.severity).toBe('block');
  });

  it('never escalates a widening, even under a block contract and with consumers', () => {
    const config = { contracts: [{ tables: ['users'] }] };
    const wider = withColumn(users, 'email', { type: 'TEXT' });
    const verdict = evaluate(evaluateInput([users], [wider], { config, lineage }));
    const finding = only(verdict, 'type-widening');
    expect(finding.severity).toBe('warn');
    expect(finding.consumers).toHaveLength(2);
    expect(verdict.blocked).toBe(false);
  });
});

describe('demotion', () => {
  it('lowers a column drop to warn when column-level lineage shows no reader and no contract covers it', () => {
    const finding = only(evaluate(evaluateInput([users], [withoutLegacy], { lineage })), 'drop-column');
    expect(finding.severity).toBe('warn');
    expect(finding.adjustments).toEqual(['lowered to warn: column-level lineage shows no reader and no contract covers it']);
  });

  it('keeps the drop blocked when the column has a reader, a contract covers it, or lineage is table level or partial', () => {
    const readLegacy = snapshot(
      [{ schema: null, name: 'users', readers: [{ node: 'model.analytics.stg_users', level: 'column', columns: ['legacy_flag'] }] }],
      [dbtModel('stg_users', [])],
    );
    const tableLevel = snapshot(
      [{ schema: null, name: 'users', readers: [{ node: 'model.analytics.stg_users', level: 'table', reason: 'select *' }] }],
      [dbtModel('stg_users', [])],
    );
    const partial = { ...lineage, partial: true };
    const contract = { contracts: [{ tables: ['users'] }] };
    for (const options of [{ lineage: readLegacy }, { lineage: tableLevel }, { lineage: partial }, { lineage, config: contract }, {}]) {
      expect(only(evaluate(evaluateInput([users], [withoutLegacy], options)), 'drop-column').severity).toBe('block');
    }
  });

  it('lowers a declared column rename nobody reads to warn, and keeps a read one blocked', () => {
    const renamed = (from: string, to: string) => ({
      ...users,
      columns: users.columns.map((c) => (c.name === from ? { ...c, name: to, key: to } : c)),
    });
    const line = (name: string) => users.columns.find((c) => c.name === name)?.source?.line ?? 0;
    const unread = evaluateInput([users], [renamed('legacy_flag', 'is_legacy')], {
      lineage,
      directives: [{ kind: 'renamed-from', file: FILE, line: line('legacy_flag'), from: 'legacy_flag' }],
    });
    expect(only(evaluate(unread), 'rename-column').severity).toBe('warn');
    const read = evaluateInput([users], [renamed('email', 'email_address')], {
      lineage,
      directives: [{ kind: 'renamed-from', file: FILE, line: line('email'), from: 'email' }],
    });
    const finding = only(evaluate(read), 'rename-column');
    expect(finding.severity).toBe('block');
    expect(finding.consumers.map((c) => c.name)).toEqual(['stg_users', 'revenue']);
  });

  it('lowers a contracted drop to warn once the deprecation date has passed, and blocks before it', () => {
    const config = { contracts: [{ name: 'user-pii', tables: ['users'], deprecations: { 'users.legacy_flag': '2026-01-31' } }] };
    const after = only(evaluate(evaluateInput([users], [withoutLegacy], { config, today: '2026-02-01' })), 'drop-column');
    expect(after.severity).toBe('warn');
    expect(after.adjustments).toEqual(["lowered to warn: the contract's deprecation date (2026-01-31) has passed"]);
    for (const today of ['2026-01-30', '2026-01-31']) {
      expect(only(evaluate(evaluateInput([users], [withoutLegacy], { config, today })), 'drop-column').severity).toBe('block');
    }
  });

  it('keeps a drop past its deprecation date blocked while a consumer still reads the column', () => {
    const config = { contracts: [{ tables: ['users'], deprecations: { 'users.email': '2026-01-31' } }] };
    const withoutEmail = { ...users, columns: users.columns.filter((c) => c.name !== 'email') };
    const finding = only(evaluate(evaluateInput([users], [withoutEmail], { config, lineage, today: '2026-02-01' })), 'drop-column');
    expect(finding.severity).toBe('block');
    expect(finding.adjustments).toEqual([]);
  });
});

describe('created tables', () => {
  it('are never blocked, even under a block contract, with consumers and NOT NULL columns without defaults', () => {
    const teams = inFile('app/models/team.py', 3, table('teams', [pk(), col('name', 'TEXT', { nullable: false, unique: true })], {
      unique_constraints: [{ name: null, columns: ['name'] }],
    }));
    const config = { contracts: [{ tables: ['*'] }] };
    const teamLineage = snapshot(
      [{ schema: null, name: 'teams', readers: [{ node: 'model.analytics.stg_teams', level: 'table', reason: 'select *' }] }],
      [dbtModel('stg_teams', ['@acme/analytics'])],
    );
    const verdict = evaluate(evaluateInput([users], [users, teams], { config, lineage: teamLineage }));
    expect(verdict.findings.filter((f) => f.severity === 'block')).toEqual([]);
    expect(verdict.blocked).toBe(false);
  });
});

describe('severity from the config', () => {
  it('overrides a rule default, and `off` removes its findings', () => {
    const warn = evaluate(evaluateInput([users], [withoutLegacy], { config: { rules: { 'drop-column': 'warn' } } }));
    expect(only(warn, 'drop-column').severity).toBe('warn');
    expect(warn.blocked).toBe(false);
    const off = evaluate(evaluateInput([users], [withoutLegacy], { config: { rules: { 'drop-column': 'off' } } }));
    expect(off.findings).toEqual([]);
    expect(off.blocked).toBe(false);
  });

  it('wins over the severity a rule picks for a finding (info for a pinned widening)', () => {
    const config = { rules: { 'type-widening': 'info' as const }, contracts: [{ tables: ['users'] }] };
    const finding = only(evaluate(evaluateInput([users], [withColumn(users, 'email', { type: 'TEXT' })], { config })), 'type-widening');
    expect(finding.severity).toBe('info');
  });

  it('blocks an unreadable model by default and warns with onError: warn', () => {
    const problems = [{ file: FILE, line: 14, message: 'unknown type', table: { schema: null, name: 'users' } }];
    expect(evaluate(evaluateInput([users], [users], { problems })).blocked).toBe(true);
    expect(evaluate(evaluateInput([users], [users], { problems, config: { onError: 'warn' } })).blocked).toBe(false);
  });
});
