// SARIF 2.1.0 for code-scanning uploads: one rule descriptor per rule, one result per finding.
import { RULES } from '../rules/registry.js';
import type { Finding } from '../engine/types.js';
import type { CheckReport } from './types.js';

const LEVEL = { block: 'error', warn: 'warning', info: 'note' } as const;
const DOCS = 'docs/rules';

function result(f: Finding) {
  return {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: `${f.message} ${f.help}` },
    ...(f.source === null
      ? {}
      : { locations: [{ physicalLocation: { artifactLocation: { uri: f.source.file }, region: { startLine: f.source.line } } }] }),
    ...(f.suppressed === null ? {} : { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason }] }),
    ...(f.overridden ? { suppressions: [{ kind: 'external', justification: 'override' }] } : {}),
  };
}

export function renderSarif(report: CheckReport): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'schemaguard',
            version: report.tool.version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: `${DOCS}/${rule.id}.md`,
              defaultConfiguration: { level: rule.defaultSeverity === 'off' ? 'none' : LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        results: report.verdict.findings.map(result),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
