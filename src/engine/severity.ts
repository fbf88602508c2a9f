// Turns a rule's severity into the final one: config, contracts, consumers, deprecations, created objects.
import { contractsFor, deprecationFor, severityOverride } from '../config/match.js';
import type { Config, Severity } from '../config/schema.js';
import type { Consumer } from '../lineage/types.js';
import { contractLabel } from '../rules/select.js';
import type { LineageView, Rule, RuleFinding } from '../rules/types.js';
import type { ContractHit, FinalSeverity } from './types.js';
import { ENGINE_MESSAGES as M } from './messages.js';

const ESCALATING = new Set(['drop', 'rename', 'type', 'nullability']);

export interface Graded {
  severity: Severity;
  contracts: ContractHit[];
  consumers: Consumer[];
  adjustments: string[];
}

export function gradeFinding(rule: Rule, finding: RuleFinding, config: Config, lineage: LineageView | null, today: string): Graded {
  const contracts = contractHits(config, finding);
  const consumers = finding.table === null || lineage === null ? [] : lineage.consumersOf(finding.table, finding.column);
  const graded: Graded = { severity: severityOverride(config, rule.id) ?? finding.severity ?? rule.defaultSeverity, contracts, consumers, adjustments: [] };
  if (graded.severity === 'off') return graded;
  const live = contracts.filter((contract) => !isPastDeprecation(contract, today, finding));
  escalate(graded, finding, live);
  demote(graded, finding, live, lineage);
  return graded;
}

/** A contract with policy block, or any known consumer, turns a warning about a break into a block. */
function escalate(graded: Graded, finding: RuleFinding, live: ContractHit[]): void {
  if (!ESCALATING.has(finding.category) || graded.severity !== 'warn') return;
  const blocker = live.find((contract) => contract.policy === 'block');
  if (blocker !== undefined) {
    graded.severity = 'block';
    graded.adjustments.push(M.escalatedByContract(blocker.label));
  } else if (graded.consumers.length > 0) {
    graded.severity = 'block';
    graded.adjustments.push(M.escalatedByConsumers(graded.consumers.length));
  }
}

/**
 * Lowered to a warning: every contract covering it has policy warn, its contracts' deprecation dates have
 * passed, or column-level lineage shows nobody reads it. Never while a known consumer reads it.
 */
function demote(graded: Graded, finding: RuleFinding, live: ContractHit[], lineage: LineageView | null): void {
  if (graded.severity !== 'block' || graded.consumers.length > 0) return;
  if (live.length > 0) {
    if (ESCALATING.has(finding.category) && live.every((contract) => contract.policy === 'warn')) {
      graded.severity = 'warn';
      graded.adjustments.push(M.contractPolicyWarn(live.map((contract) => contract.label).join(', ')));
    }
  } else if (graded.contracts.length > 0 && finding.category === 'drop') {
    graded.severity = 'warn';
    graded.adjustments.push(M.deprecationPassed(graded.contracts[0]?.deprecation ?? ''));
  } else if (isUnreadColumn(finding, lineage)) {
    graded.severity = 'warn';
    graded.adjustments.push(M.demotedNoReader);
  }
}

export function finalSeverity(severity: Severity): FinalSeverity | null {
  return severity === 'off' ? null : severity;
}

function contractHits(config: Config, finding: RuleFinding): ContractHit[] {
  if (finding.table === null) return [];
  const table = finding.table;
  return contractsFor(config, table, finding.column).map((contract) => {
    const deprecation = deprecationFor(contract, table, finding.column);
    return {
      label: contractLabel(config, contract),
      owners: contract.owners,
      policy: contract.policy,
      allowOverride: contract.allowOverride,
      ...(deprecation === undefined ? {} : { deprecation }),
    };
  });
}

/** A drop after the contract's deprecation date is what the contract agreed to. */
function isPastDeprecation(contract: ContractHit, today: string, finding: RuleFinding): boolean {
  return finding.category === 'drop' && contract.deprecation !== undefined && contract.deprecation < today;
}

/** A column drop or rename on a table whose readers the snapshot knows column by column. */
function isUnreadColumn(finding: RuleFinding, lineage: LineageView | null): boolean {
  const kind = finding.change?.kind;
  if (kind !== 'drop-column' && kind !== 'rename-column') return false;
  return lineage !== null && finding.table !== null && lineage.knowsColumns(finding.table);
}
