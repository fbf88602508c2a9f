// The facts of one finding as plain lines, shared by the text and markdown reports.
import type { Finding, Verdict } from '../engine/types.js';
import { ownersOf } from '../engine/notify.js';

export function location(finding: Finding): string {
  return finding.source === null ? '' : `${finding.source.file}:${finding.source.line}`;
}

/** Whether an override can let the change through: no blocking finding is under a contract that forbids it. */
export function isOverridable(verdict: Verdict): boolean {
  return verdict.findings.filter((f) => f.severity === 'block' && f.suppressed === null).every((f) => f.canOverride);
}

export interface FindingFacts {
  contracts: string[];
  consumers: string[];
  adjustments: string[];
  owners: string[];
}

export function findingFacts(finding: Finding): FindingFacts {
  return {
    contracts: finding.contracts.map((c) => {
      const owners = c.owners.length > 0 ? ` (owners: ${c.owners.join(', ')})` : '';
      const date = c.deprecation === undefined ? '' : `, drop allowed after ${c.deprecation}`;
      return `${c.label}${owners}, policy ${c.policy}${date}${c.allowOverride ? '' : ', no override'}`;
    }),
    consumers: finding.consumers.map((c) => {
      const owners = c.owners.length > 0 ? ` owners: ${c.owners.join(', ')}` : ' no owner known';
      const kind = c.kind === undefined ? c.type : `${c.type}/${c.kind}`;
      const level = c.level === 'table' ? ', reads the table (columns unknown)' : '';
      return `${c.name} (${kind}${level});${owners}${c.url === undefined ? '' : ` ${c.url}`}`;
    }),
    adjustments: finding.adjustments,
    owners: ownersOf(finding),
  };
}
