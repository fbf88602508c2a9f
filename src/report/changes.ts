// Renders bare schema changes (`schemaguard diff`): one line per change, or JSON.
import { describeChange } from '../schema/change-text.js';
import type { SchemaChange } from '../schema/changes.js';

export function renderChangesText(changes: readonly SchemaChange[], label: string): string {
  if (changes.length === 0) return `no schema change (${label})\n`;
  const lines = changes.map((change) => {
    const where = change.source === null ? '' : `  ${change.source.file}:${change.source.line}`;
    const hint = 'hint' in change && change.hint !== undefined ? `\n    hint: ${change.hint}` : '';
    return `${describeChange(change)}${where}${hint}`;
  });
  return `${changes.length} schema change${changes.length === 1 ? '' : 's'} (${label})\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
}

export function renderChangesJson(changes: readonly SchemaChange[], from: string, to: string): string {
  return `${JSON.stringify({ version: 1, from, to, changes }, null, 2)}\n`;
}
