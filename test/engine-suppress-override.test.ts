// Inline suppressions and overrides: both need a reason, both respect a contract's allowOverride, and
// suppressions that do nothing are reported.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/engine/evaluate.js';
import type { Finding, Verdict } from '../src/engine/types.js';
import { evaluateInput, ignore } from './helpers/rule-context.js';
import { col, inFile, pk, table, withColumn } from './helpers/schema-builders.js';

const FILE = 'app/models/user.py';
// class line 10; columns id (12), email (13), legacy_flag (14)
const users = inFile(FILE, 10, table('users', [pk(), col('email', 'VARCHAR(255)'), col('legacy_flag', 'BOOLEAN')]));
const withoutLegacy = { ...users, columns: users.columns.filter((c) => c.name !== 'legacy_flag') };
const narrowed = withColumn(users, 'email', { type: 'VARCHAR(100)' });

const byRule = (verdict: Verdict, ruleId: string): Finding[] => verdict.findings.filter((f) => f.ruleId === ruleId);
const messages = (verdict: Verdict, ruleId: string) => byRule(verdict, ruleId).map((f) => f.message);

describe('inline suppression', () => {
  it('on the finding line silences it with its reason, and the change passes', () => {
    const directives = [ignore(FILE, 13, 'type-narrowing', 'emails are capped at 100 by the signup form')];
    const verdict = evaluate(evaluateInput([users], [narrowed], { directives }));
    const [finding] = byRule(verdict, 'type-narrowing');
    expect(finding?.severity).toBe('block');
    expect(finding?.suppressed).toEqual({ reason: 'emails are capped at 100 by the signup form', file: FILE, line: 13 });
    expect(verdict.blocked).toBe(false);
    expect(byRule(verdict, 'invalid-suppression')).toEqual([]);
  });

  it('on the table line silences a column drop (whose own line is gone)', () => {
    const directives = [ignore(FILE, 10, 'drop-column', 'flag unused since 2024, checked with analytics')];
    const verdict = evaluate(evaluateInput([users], [withoutLegacy], { directives }));
    expect(byRule(verdict, 'drop-column')[0]?.suppressed?.line).toBe(10);
    expect(verdict.blocked).toBe(false);
  });

  it('only silences the rule it names', () => {
    const directives = [ignore(FILE, 13, 'type-cross-family', 'not this one')];
    const verdict = evaluate(evaluateInput([users], [narrowed], { directives }));
    expect(byRule(verdict, 'type-narrowing')[0]?.suppressed).toBeNull();
    expect(verdict.blocked).toBe(true);
  });

  it('without a reason silences nothing and is reported', () => {
    const verdict = evaluate(evaluateInput([users], [narrowed], { directives: [ignore(FILE, 13, 'type-narrowing', null)] }));
    expect(byRule(verdict, 'type-narrowing')[0]?.suppressed).toBeNull();
    expect(verdict.blocked).toBe(true);
    expect(messages(verdict, 'invalid-suppression')).toEqual(['The suppression `ignore[type-narrowing]` has no reason, so it suppresses nothing.']);
    expect(byRule(verdict, 'invalid-suppression')[0]?.source).toEqual({ file: FILE, line: 13 });
    // it names what it sits on: the column declared on that line, and its table
    expect(byRule(verdict, 'invalid-suppression')[0]).toMatchObject({ table: { schema: null, name: 'users' }, column: 'email' });
  });

  it('on a class line, reported, names that table', () => {
    const verdict = evaluate(evaluateInput([users], [withoutLegacy], { directives: [ignore(FILE, 10, 'drop-column', null)] }));
    const [finding] = byRule(verdict, 'invalid-suppression');
    expect(finding?.table).toEqual({ schema: null, name: 'users' });
    expect(finding?.column).toBeUndefined();
    expect(finding?.consumers).toEqual([]);
  });

  it('that matches nothing any more is reported, once', () => {
    const verdict = evaluate(evaluateInput([users], [users], { directives: [ignore(FILE, 14, 'drop-column', 'kept for the old importer')] }));
    expect(messages(verdict, 'invalid-suppression')).toEqual(['The suppression `ignore[drop-column]` matches no finding any more.']);
    expect(verdict.blocked).toBe(false);
  });

  it('naming an unknown rule is reported once, not also as unused', () => {
    const verdict = evaluate(evaluateInput([users], [narrowed], { directives: [ignore(FILE, 13, 'no-type-narrowing', 'legacy')] }));
    expect(messages(verdict, 'invalid-suppression')).toEqual(['The suppression `ignore[no-type-narrowing]` names an unknown rule "no-type-narrowing".']);
    expect(verdict.blocked).toBe(true);
  });

  it('cannot silence a finding under a contract that forbids overrides, and says so', () => {
    const config = { contracts: [{ name: 'user-pii', tables: ['users'], allowOverride: false }] };
    const directives = [ignore(FILE, 13, 'type-narrowing', 'we know')];
    const verdict = evaluate(evaluateInput([users], [narrowed], { config, directives }));
    expect(byRule(verdict, 'type-narrowing')[0]?.suppressed).toBeNull();
    expect(verdict.blocked).toBe(true);
    expect(messages(verdict, 'invalid-suppression')).toEqual([
      'The suppression `ignore[type-narrowing]` cannot silence its finding: contract user-pii does not allow overrides.',
    ]);
  });

  it('is reported at the severity the config gives invalid-suppression, and not at all when it is off', () => {
    const directives = [ignore(FILE, 14, 'drop-column', 'stale')];
    const blocked = evaluate(evaluateInput([users], [users], { directives, config: { rules: { 'invalid-suppression': 'block' } } }));
    expect(blocked.blocked).toBe(true);
    const off = evaluate(evaluateInput([users], [users], { directives, config: { rules: { 'invalid-suppression': 'off' } } }));
    expect(off.findings).toEqual([]);
  });
});

describe('override', () => {
  it('with a reason lets blocked findings through and records the reason and rules', () => {
    const verdict = evaluate(evaluateInput([users], [narrowed], { overrideReason: '  readers moved to email_v2 (DATA-123)  ' }));
    expect(verdict.blocked).toBe(false);
    expect(verdict.override).toEqual({ reason: 'readers moved to email_v2 (DATA-123)', rules: ['type-narrowing'] });
    expect(byRule(verdict, 'type-narrowing')[0]?.overridden).toBe(true);
  });

  it('with an empty reason does nothing', () => {
    const verdict = evaluate(evaluateInput([users], [narrowed], { overrideReason: '   ' }));
    expect(verdict.blocked).toBe(true);
    expect(verdict.override).toBeNull();
  });

  it('does not pass a finding whose contract has allowOverride: false', () => {
    const config = { contracts: [{ name: 'user-pii', tables: ['users'], allowOverride: false }] };
    const verdict = evaluate(evaluateInput([users], [narrowed], { config, overrideReason: 'please' }));
    const [finding] = byRule(verdict, 'type-narrowing');
    expect(finding?.canOverride).toBe(false);
    expect(finding?.overridden).toBe(false);
    expect(verdict.blocked).toBe(true);
    expect(verdict.override).toBeNull();
  });

  it('passes the overridable findings and keeps the forbidden ones blocking', () => {
    const orders = inFile('app/models/order.py', 5, table('orders', [pk(), col('total', 'NUMERIC(12, 2)')]));
    const config = { contracts: [{ name: 'orders-feed', tables: ['orders'], allowOverride: false }] };
    const before = [users, orders];
    const after = [narrowed, withColumn(orders, 'total', { type: 'NUMERIC(10, 2)' })];
    const verdict = evaluate(evaluateInput(before, after, { config, overrideReason: 'release 4.2' }));
    expect(verdict.findings.filter((f) => f.severity === 'block').map((f) => [f.table?.name, f.overridden])).toEqual([
      ['orders', false],
      ['users', true],
    ]);
    expect(verdict.blocked).toBe(true);
  });
});
