// Suppressions must say why and name a real rule; the engine adds the ones that match nothing.
import { defineRule } from './define-rule.js';

export const invalidSuppression = defineRule({
  id: 'invalid-suppression',
  defaultSeverity: 'warn',
  description: 'An `ignore[...]` comment without a reason, naming an unknown rule, or matching no finding.',
  check: ({ directives, knownRuleIds }) =>
    directives.flatMap((directive) => {
      if (directive.kind !== 'ignore') return [];
      const problem = !knownRuleIds.includes(directive.rule)
        ? `names an unknown rule "${directive.rule}"`
        : directive.reason === null || directive.reason.trim() === ''
          ? 'has no reason, so it suppresses nothing'
          : null;
      if (problem === null) return [];
      return [
        {
          message: `The suppression \`ignore[${directive.rule}]\` ${problem}.`,
          help: 'Write it as `# schemaguard: ignore[<rule-id>] <why this is safe>` on the line of the finding.',
          category: 'error' as const,
          change: null,
          table: null,
          source: { file: directive.file, line: directive.line },
        },
      ];
    }),
});
