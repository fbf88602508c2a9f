// Identity helper that gives rule objects their type (typescript-eslint's createRule idea).
import type { Rule } from './types.js';

export function defineRule(rule: Rule): Rule {
  return rule;
}
