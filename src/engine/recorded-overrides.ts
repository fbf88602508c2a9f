// Overrides recorded in commit trailers, applied to the findings of a range check (pre-push, CI).
import { qualified } from '../rules/select.js';
import { isBlocking } from './evaluate.js';
import { notificationsFor } from './notify.js';
import type { Finding, Verdict } from './types.js';

/** The same break, whichever range it is found in: rule, object, kind of change. */
export function findingKey(finding: Finding): string {
  const where = finding.table === null ? (finding.source?.file ?? '') : qualified(finding.table, finding.column);
  return `${finding.ruleId}|${where}|${finding.change?.kind ?? ''}`;
}

/** Marks blocking findings that a commit in the range overrode (with their reason); returns the new verdict. */
export function applyRecordedOverrides(verdict: Verdict, recorded: ReadonlyMap<string, string>): Verdict {
  if (recorded.size === 0) return verdict;
  const reasons = new Set<string>();
  const rules = new Set<string>(verdict.override?.rules ?? []);
  const findings = verdict.findings.map((finding) => {
    const reason = recorded.get(findingKey(finding));
    if (reason === undefined || !isBlocking(finding) || !finding.canOverride) return finding;
    reasons.add(reason);
    rules.add(finding.ruleId);
    return { ...finding, overridden: true };
  });
  if (verdict.override !== null) reasons.add(verdict.override.reason);
  return {
    findings,
    blocked: findings.some(isBlocking),
    override: reasons.size === 0 ? null : { reason: [...reasons].join('; '), rules: [...rules].sort() },
    notifications: notificationsFor(findings),
  };
}

/** Several ranges (one per pushed ref) judged as one. */
export function mergeVerdicts(verdicts: readonly Verdict[]): Verdict {
  const findings = verdicts.flatMap((v) => v.findings);
  const overrides = verdicts.flatMap((v) => (v.override === null ? [] : [v.override]));
  return {
    findings,
    blocked: findings.some(isBlocking),
    override:
      overrides.length === 0
        ? null
        : { reason: [...new Set(overrides.map((o) => o.reason))].join('; '), rules: [...new Set(overrides.flatMap((o) => o.rules))].sort() },
    notifications: notificationsFor(findings),
  };
}

/** The verdict over some of its findings (those a merge commit itself brings, say). */
export function verdictOver(verdict: Verdict, findings: Finding[]): Verdict {
  const rules = [...new Set(findings.filter((f) => f.overridden).map((f) => f.ruleId))].sort();
  return {
    findings,
    blocked: findings.some(isBlocking),
    override: verdict.override === null || rules.length === 0 ? null : { reason: verdict.override.reason, rules },
    notifications: notificationsFor(findings),
  };
}
