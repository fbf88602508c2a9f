// unresolved-model: a changed model file that could not be extracted completely; fails closed.
import { describe, expect, it } from 'vitest';
import { unresolvedModel } from '../src/rules/unresolved-model.js';
import type { ExtractionProblem } from '../src/rules/types.js';
import { runRule } from './helpers/rule-context.js';

const problem: ExtractionProblem = {
  file: 'app/models/user.py',
  line: 18,
  message: 'the type of column `avatar` comes from a call schemaguard cannot evaluate (make_type())',
  table: { schema: null, name: 'users' },
};

describe('unresolved-model', () => {
  it('blocks by default (fail closed), at the problem line', () => {
    const findings = runRule(unresolvedModel, [], [], { problems: [problem] });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toContain('The changed model file app/models/user.py could not be read completely');
    expect(findings[0]?.severity).toBe('block');
    expect(findings[0]?.category).toBe('error');
    expect(findings[0]?.source).toEqual({ file: 'app/models/user.py', line: 18 });
  });

  it('warns with onError: warn', () => {
    expect(runRule(unresolvedModel, [], [], { problems: [problem], config: { onError: 'warn' } }).map((f) => f.severity)).toEqual(['warn']);
  });

  it('does not fire when every changed model was read', () => {
    expect(runRule(unresolvedModel, [], [], { problems: [] })).toEqual([]);
  });
});
