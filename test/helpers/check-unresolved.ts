// Checks an extracted schema against a hand-written expected-unresolved.json (fixtures/models-unresolved):
// the known columns are extracted, and the table's `unresolved` list mentions each expected string.
import type { Schema } from '../../src/schema/types.js';
import { formatValue } from './format-value.js';
import { tableLabel } from './compare-schema.js';

export interface UnresolvedExpectation {
  /** keyed by table name, or "schema.name" for a table in a schema */
  tables: Record<string, { columns: string[]; unresolved_mentions: string[] }>;
}

export function checkUnresolved(expected: UnresolvedExpectation, actual: Schema): string[] {
  const out: string[] = [];
  const tables = new Map((actual.tables ?? []).map((t) => [tableLabel(t), t]));
  for (const [key, want] of Object.entries(expected.tables)) {
    const table = tables.get(key);
    if (table === undefined) {
      out.push(`${key}: missing table (extracted: ${formatValue([...tables.keys()])})`);
      continue;
    }
    const names = new Set((table.columns ?? []).map((c) => c.name));
    for (const column of want.columns) {
      if (!names.has(column)) out.push(`${key}.${column}: missing column`);
    }
    const texts = (table.unresolved ?? []).map((u) => `${u.symbol ?? ''} ${u.reason}`);
    for (const mention of want.unresolved_mentions) {
      if (!texts.some((t) => t.includes(mention))) {
        out.push(`${key}.unresolved: nothing mentions ${mention} (got ${formatValue(texts.map((t) => t.trim()))})`);
      }
    }
  }
  return out;
}
