// Rules -> graded findings -> suppressions -> override -> verdict. Pure.
import { RULES, RULE_IDS } from '../rules/registry.js';
import type { Rule, RuleContext, RuleFinding } from '../rules/types.js';
import { ENGINE_MESSAGES as M } from './messages.js';
import { notificationsFor } from './notify.js';
import { finalSeverity, gradeFinding } from './severity.js';
import { indexSuppressions } from './suppress.js';
import type { EvaluateInput, Finding, Verdict } from './types.js';

const SEVERITY_ORDER = { block: 0, warn: 1, info: 2 } as const;

export function evaluate(input: EvaluateInput): Verdict {
  const context: RuleContext = { ...input, knownRuleIds: RULE_IDS };
  const suppressions = indexSuppressions(input.directives, input.after);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const raw of rule.check(context)) {
      const finding = gradeAndSuppress(rule, raw, input, suppressions);
      if (finding !== null) findings.push(finding);
    }
  }
  findings.push(...unusedSuppressionFindings(input, suppressions));
  const override = applyOverride(findings, input.overrideReason);
  findings.sort(compareFindings);
  return {
    findings,
    blocked: findings.some(isBlocking),
    override,
    notifications: notificationsFor(findings),
  };
}

export function isBlocking(finding: Finding): boolean {
  return finding.severity === 'block' && finding.suppressed === null && !finding.overridden;
}

function gradeAndSuppress(rule: Rule, raw: RuleFinding, input: EvaluateInput, suppressions: ReturnType<typeof indexSuppressions>): Finding | null {
  const graded = gradeFinding(rule, raw, input.config, input.lineage, input.today);
  const severity = finalSeverity(graded.severity);
  if (severity === null) return null;
  const directive = suppressions.match(rule.id, raw);
  return {
    ...raw,
    ruleId: rule.id,
    severity,
    contracts: graded.contracts,
    consumers: graded.consumers,
    adjustments: graded.adjustments,
    suppressed: directive === null ? null : { reason: directive.reason ?? '', file: directive.file, line: directive.line },
    overridden: false,
    canOverride: graded.contracts.every((contract) => contract.allowOverride),
  };
}

function unusedSuppressionFindings(input: EvaluateInput, suppressions: ReturnType<typeof indexSuppressions>): Finding[] {
  const severity = finalSeverity(input.config.rules['invalid-suppression'] ?? 'warn');
  if (severity === null) return [];
  return suppressions.unused().map((directive) => ({
    message: M.unusedSuppression(directive.rule),
    help: M.unusedSuppressionHelp,
    category: 'error',
    change: null,
    table: null,
    source: { file: directive.file, line: directive.line },
    ruleId: 'invalid-suppression',
    severity,
    contracts: [],
    consumers: [],
    adjustments: [],
    suppressed: null,
    overridden: false,
    canOverride: true,
  }));
}

/** Marks every overridable blocking finding as overridden; returns the record to leave, or null. */
function applyOverride(findings: Finding[], reason: string | null): Verdict['override'] {
  if (reason === null || reason.trim() === '') return null;
  const rules = new Set<string>();
  for (const finding of findings) {
    if (isBlocking(finding) && finding.canOverride) {
      finding.overridden = true;
      rules.add(finding.ruleId);
    }
  }
  return rules.size === 0 ? null : { reason: reason.trim(), rules: [...rules].sort() };
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.source?.file ?? '').localeCompare(b.source?.file ?? '') ||
    (a.source?.line ?? 0) - (b.source?.line ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
