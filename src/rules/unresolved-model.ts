// Fail closed: a changed model schemaguard cannot read might hide any break.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';

export const unresolvedModel = defineRule({
  id: 'unresolved-model',
  defaultSeverity: 'block',
  description: 'A changed model file could not be extracted completely, so its effect on the schema is unknown.',
  check: ({ problems, config }) =>
    problems.map((problem) => ({
      message: M.unresolvedModel(problem.file, problem.message),
      help: M.unresolvedModelHelp,
      category: 'error',
      change: null,
      table: problem.table,
      source: { file: problem.file, line: problem.line },
      severity: config.onError,
    })),
});
