// invalid-suppression (rule part): an ignore[...] comment without a reason or naming an unknown rule.
import { describe, expect, it } from 'vitest';
import { invalidSuppression } from '../src/rules/invalid-suppression.js';
import { ignore, runRule } from './helpers/rule-context.js';
import { pk, table } from './helpers/schema-builders.js';

const users = table('users', [pk()]);

describe('invalid-suppression', () => {
  it('fires on a suppression without a reason', () => {
    const findings = runRule(invalidSuppression, [users], [users], { directives: [ignore('app/models/user.py', 12, 'drop-column', null)] });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('The suppression `ignore[drop-column]` has no reason, so it suppresses nothing.');
    expect(findings[0]?.category).toBe('error');
    expect(findings[0]?.source).toEqual({ file: 'app/models/user.py', line: 12 });
  });

  it('fires on a blank reason and on an unknown rule id', () => {
    const directives = [ignore('m.py', 3, 'drop-column', '   '), ignore('m.py', 4, 'no-drop-column', 'legacy')];
    expect(runRule(invalidSuppression, [], [], { directives }).map((f) => f.message)).toEqual([
      'The suppression `ignore[drop-column]` has no reason, so it suppresses nothing.',
      'The suppression `ignore[no-drop-column]` names an unknown rule "no-drop-column".',
    ]);
  });

  it('does not fire on a well-formed suppression or on renamed-from comments', () => {
    const directives = [ignore('m.py', 3, 'drop-column', 'nobody reads it since 2024'), { kind: 'renamed-from' as const, file: 'm.py', line: 5, from: 'x' }];
    expect(runRule(invalidSuppression, [], [], { directives })).toEqual([]);
  });
});
