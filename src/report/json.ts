// The machine-readable report (docs/report-json.md): versioned, stable field names.
import type { Finding } from '../engine/types.js';
import type { CheckReport } from './types.js';

function findingJson(finding: Finding) {
  return {
    rule: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    help: finding.help,
    file: finding.source?.file ?? null,
    line: finding.source?.line ?? null,
    table: finding.table,
    column: finding.column ?? null,
    change: finding.change?.kind ?? null,
    contracts: finding.contracts,
    consumers: finding.consumers,
    adjustments: finding.adjustments,
    suppressed: finding.suppressed,
    overridden: finding.overridden,
    can_override: finding.canOverride,
  };
}

export function renderJson(report: CheckReport): string {
  const { verdict } = report;
  return `${JSON.stringify(
    {
      version: report.version,
      tool: report.tool,
      compared: report.compared,
      blocked: verdict.blocked,
      override: verdict.override,
      findings: verdict.findings.map(findingJson),
      changes: report.changes,
      notifications: verdict.notifications,
      notes: report.notes,
    },
    null,
    2,
  )}\n`;
}
