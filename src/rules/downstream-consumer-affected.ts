// Other non-additive changes to something downstream consumers read: tell their owners.
import { defineRule } from './define-rule.js';
import { RULE_MESSAGES as M } from './messages.js';
import { otherTouches } from './other-touches.js';
import type { RuleFinding } from './types.js';

export const downstreamConsumerAffected = defineRule({
  id: 'downstream-consumer-affected',
  defaultSeverity: 'warn',
  description: 'A change to a table or column that downstream consumers read, which no more specific rule reports.',
  check: ({ changes, lineage }) => {
    if (lineage === null) return [];
    const findings: RuleFinding[] = [];
    for (const touch of otherTouches(changes)) {
      const consumers = lineage.consumersOf(touch.table, touch.column);
      if (consumers.length === 0) continue;
      findings.push({
        message: `${M.consumerAffected(touch.table, touch.column, consumers.length)} ${M.consumerAffectedChange(touch.what)}`,
        help: M.consumerAffectedHelp,
        category: 'contract',
        change: touch.change,
        table: touch.table,
        ...(touch.column === undefined ? {} : { column: touch.column }),
        source: touch.source,
      });
    }
    return findings;
  },
});
