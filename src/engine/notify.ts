// Whom to tell, with a message they can paste: owners of the contracts and consumers a finding hits.
import { qualified } from '../rules/select.js';
import type { Finding, Notification } from './types.js';

export function ownersOf(finding: Finding): string[] {
  const owners = new Set<string>();
  for (const contract of finding.contracts) for (const owner of contract.owners) owners.add(owner);
  for (const consumer of finding.consumers) for (const owner of consumer.owners) owners.add(owner);
  return [...owners].sort();
}

export function notificationsFor(findings: readonly Finding[]): Notification[] {
  const byOwner = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.suppressed !== null) continue;
    for (const owner of ownersOf(finding)) byOwner.set(owner, [...(byOwner.get(owner) ?? []), finding]);
  }
  return [...byOwner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, hits]) => ({ owner, message: messageFor(owner, hits) }));
}

function messageFor(owner: string, findings: Finding[]): string {
  const lines = findings.map((finding) => {
    const readers = finding.consumers.filter((c) => c.owners.includes(owner)).map((c) => c.name);
    const affected = readers.length > 0 ? ` (affects ${readers.join(', ')})` : '';
    const where = finding.table === null ? '' : ` [${qualified(finding.table, finding.column)}]`;
    return `- ${finding.message}${where}${affected}`;
  });
  return [`Hi ${owner}, a schema change in the application database touches data you own or read:`, ...lines, 'Reply here if this breaks anything of yours.'].join('\n');
}
