// Any other non-additive change to a contracted table or column, at the contract's policy.
import { contractsFor } from '../config/match.js';
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { otherTouches } from './other-touches.js';
import { contractLabel } from './select.js';
import type { RuleFinding } from './types.js';

export const contractColumnTouched = defineRule({
  id: 'contract-column-touched',
  defaultSeverity: 'warn',
  description: 'A change to a table or column under a data contract that no more specific rule reports.',
  check: ({ changes, config }) => {
    const findings: RuleFinding[] = [];
    for (const touch of otherTouches(changes)) {
      const contracts = contractsFor(config, touch.table, touch.column);
      if (contracts.length === 0) continue;
      const names = contracts.map((contract) => contractLabel(config, contract));
      findings.push({
        message: M.contractTouched(touch.table, touch.column, names.join(', '), touch.what),
        help: M.contractTouchedHelp(contracts.flatMap((c) => c.owners)),
        category: 'contract',
        change: touch.change,
        table: touch.table,
        ...(touch.column === undefined ? {} : { column: touch.column }),
        source: touch.source,
        severity: contracts.some((c) => c.policy === 'block') ? 'block' : 'warn',
      });
    }
    return findings;
  },
});
