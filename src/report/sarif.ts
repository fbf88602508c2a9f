// SARIF 2.1.0 for code-scanning uploads: one rule descriptor per rule, one result per finding.
import { RULES } from '../rules/registry.js';
import type { Finding } from '../engine/types.js';
import { REPORT_MESSAGES as M } from './messages.js';
import type { CheckReport } from './types.js';

const LEVEL = { block: 'error', warn: 'warning', info: 'note' } as const;

function suppressions(f: Finding, overrideReason: string | null) {
  if (f.suppressed !== null) return { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason }] };
  if (f.overridden) return { suppressions: [{ kind: 'external', justification: overrideReason ?? '' }] };
  return {};
}

function result(f: Finding, overrideReason: string | null) {
  const ruleIndex = RULES.findIndex((rule) => rule.id === f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(ruleIndex < 0 ? {} : { ruleIndex }),
    level: LEVEL[f.severity],
    message: { text: `${f.message} ${f.help}` },
    ...(f.source === null
      ? {}
      : { locations: [{ physicalLocation: { artifactLocation: { uri: f.source.file }, region: { startLine: f.source.line } } }] }),
    ...suppressions(f, overrideReason),
  };
}

export function renderSarif(report: CheckReport): string {
  const overrideReason = report.verdict.override?.reason ?? null;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'schemaguard',
            version: report.tool.version,
            // no helpUri: the SARIF schema wants an absolute URI there, and the docs ship inside the package
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              help: { text: M.sarifRuleHelp(rule.description, rule.id) },
              defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        results: report.verdict.findings.map((f) => result(f, overrideReason)),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
