// Rules -> graded findings -> suppressions -> override -> verdict. Pure.
import { severityOverride } from '../config/match.js';
import { invalidSuppression } from '../rules/invalid-suppression.js';
import { RULES, RULE_IDS } from '../rules/registry.js';
import type { Rule, RuleContext, RuleFinding } from '../rules/types.js';
import type { Directive } from '../schema/types.js';
import { ENGINE_MESSAGES as M } from './messages.js';
import { notificationsFor } from './notify.js';
import { finalSeverity, gradeFinding } from './severity.js';
import { declarationAt, indexSuppressions, type Suppressions } from './suppress.js';
import type { EvaluateInput, Finding, Verdict } from './types.js';

const SEVERITY_ORDER = { block: 0, warn: 1, info: 2 } as const;

export function evaluate(input: EvaluateInput): Verdict {
  const context: RuleContext = { ...input, knownRuleIds: RULE_IDS };
  const suppressions = indexSuppressions(input.directives, input.after, RULE_IDS);
  const findings: Finding[] = [];
  const refused: Finding[] = [];
  for (const rule of RULES) {
    for (const raw of rule.check(context)) {
      const finding = gradeAndSuppress(rule, raw, input, suppressions, refused);
      if (finding !== null) findings.push(rule.id === invalidSuppression.id ? placed(finding, input) : finding);
    }
  }
  findings.push(...refused, ...unusedSuppressionFindings(input, suppressions));
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

type Ignore = Extract<Directive, { kind: 'ignore' }>;

/**
 * A suppression works like an override: where a contract forbids overriding, the finding stands
 * and the suppression is reported (into `refused`).
 */
function gradeAndSuppress(rule: Rule, raw: RuleFinding, input: EvaluateInput, suppressions: Suppressions, refused: Finding[]): Finding | null {
  const graded = gradeFinding(rule, raw, input.config, input.lineage, input.today);
  const severity = finalSeverity(graded.severity);
  if (severity === null) return null;
  const canOverride = graded.contracts.every((contract) => contract.allowOverride);
  const directive = suppressions.match(rule.id, raw);
  if (directive !== null && !canOverride) {
    const forbidding = graded.contracts.filter((contract) => !contract.allowOverride).map((contract) => contract.label);
    refused.push(...suppressionFinding(input, directive, M.suppressionRefused(directive.rule, forbidding), M.suppressionRefusedHelp));
  }
  return {
    ...raw,
    ruleId: rule.id,
    severity,
    contracts: graded.contracts,
    consumers: graded.consumers,
    adjustments: graded.adjustments,
    suppressed: directive === null || !canOverride ? null : { reason: directive.reason ?? '', file: directive.file, line: directive.line },
    overridden: false,
    canOverride,
  };
}

/**
 * A finding about a comment, placed on the table (and column) declared on the comment's line, where there is one;
 * after grading, so that no contract or consumer of that table is told of a comment.
 */
function placed(finding: Finding, input: EvaluateInput): Finding {
  const at = finding.source === null ? null : declarationAt(input.after, finding.source.file, finding.source.line);
  return at === null ? finding : { ...finding, ...at };
}

/** A finding of the invalid-suppression rule about one `ignore[...]` comment; none when that rule is off. */
function suppressionFinding(input: EvaluateInput, directive: Ignore, message: string, help: string): Finding[] {
  const severity = finalSeverity(severityOverride(input.config, invalidSuppression.id) ?? invalidSuppression.defaultSeverity);
  if (severity === null) return [];
  const at = declarationAt(input.after, directive.file, directive.line);
  return [
    {
      message,
      help,
      category: 'error',
      change: null,
      table: null,
      ...at,
      source: { file: directive.file, line: directive.line },
      ruleId: invalidSuppression.id,
      severity,
      contracts: [],
      consumers: [],
      adjustments: [],
      suppressed: null,
      overridden: false,
      canOverride: true,
    },
  ];
}

function unusedSuppressionFindings(input: EvaluateInput, suppressions: Suppressions): Finding[] {
  return suppressions
    .unused()
    .flatMap((directive) => suppressionFinding(input, directive, M.unusedSuppression(directive.rule), M.unusedSuppressionHelp));
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
