// Suppressions must say why and name a real rule; the engine adds the ones that match nothing.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';

export const invalidSuppression = defineRule({
  id: 'invalid-suppression',
  defaultSeverity: 'warn',
  description: 'An `ignore[...]` comment without a reason, naming an unknown rule, or matching no finding.',
  check: ({ directives, knownRuleIds }) =>
    directives.flatMap((directive) => {
      if (directive.kind !== 'ignore') return [];
      const message = !knownRuleIds.includes(directive.rule)
        ? M.unknownSuppressedRule(directive.rule)
        : directive.reason === null || directive.reason.trim() === ''
          ? M.suppressionWithoutReason(directive.rule)
          : null;
      if (message === null) return [];
      return [
        {
          message,
          help: M.invalidSuppressionHelp,
          category: 'error' as const,
          change: null,
          table: null,
          source: { file: directive.file, line: directive.line },
        },
      ];
    }),
});
