// Field-by-field comparison of an extracted schema with the SQLAlchemy oracle's expected JSON; one readable
// line per mismatch ("users.email.type: expected VARCHAR(255), got VARCHAR"), [] when they agree.
// Not compared: `source` (ours may differ), `diagnostics`, fields we add that the oracle does not emit;
// `default` / `server_default` text too, but for a repr no reader of the source can know (`<X object at 0x7f..>`):
// that one only for presence.
import type { Column, Schema, Table } from '../../src/schema/types.js';
import { type ConstraintKind, compareConstraintLists } from './compare-constraints.js';
import { formatValue, isSameValue, mismatch } from './format-value.js';

const COLUMN_FIELDS = ['key', 'type', 'enum', 'nullable', 'primary_key', 'unique', 'index', 'comment'] as const;
const DEFAULT_FIELDS = ['default', 'server_default'] as const;
const ADDRESS_REPR = /^<.* at 0x[0-9a-f]+>$/;
const CONSTRAINT_KINDS: readonly ConstraintKind[] = ['foreign_keys', 'unique_constraints', 'indexes', 'check_constraints'];

export function tableLabel(t: Pick<Table, 'schema' | 'name'>): string {
  return t.schema ? `${t.schema}.${t.name}` : t.name;
}

function compareColumn(where: string, e: Column, a: Column): string[] {
  const out: string[] = [];
  for (const f of COLUMN_FIELDS) {
    if (!isSameValue(e[f], a[f])) out.push(mismatch(`${where}.${f}`, e[f], a[f]));
  }
  // the oracle lists a column's FK targets sorted; so do we before comparing
  const efk = [...(e.foreign_keys ?? [])].sort();
  const afk = [...(a.foreign_keys ?? [])].sort();
  if (!isSameValue(efk, afk)) out.push(mismatch(`${where}.foreign_keys`, efk, afk));
  for (const f of DEFAULT_FIELDS) {
    const has = (v: unknown) => v !== null && v !== undefined;
    if (typeof e[f] === 'string' && ADDRESS_REPR.test(e[f])) {
      if (!has(a[f])) out.push(`${where}.${f}: expected a value (${formatValue(e[f])}), got ${formatValue(a[f])}`);
    } else if (!isSameValue(e[f], a[f])) out.push(mismatch(`${where}.${f}`, e[f], a[f]));
  }
  return out;
}

function compareColumns(where: string, expected: Column[], actual: Column[]): string[] {
  const out: string[] = [];
  const byName = new Map(actual.map((c) => [c.name, c]));
  const expectedNames = new Set(expected.map((c) => c.name));
  for (const e of expected) {
    const a = byName.get(e.name);
    if (a === undefined) out.push(`${where}.${e.name}: missing column`);
    else out.push(...compareColumn(`${where}.${e.name}`, e, a));
  }
  for (const a of actual) {
    if (!expectedNames.has(a.name)) out.push(`${where}.${a.name}: extra column`);
  }
  const common = expected.map((c) => c.name).filter((n) => byName.has(n));
  const actualOrder = actual.map((c) => c.name).filter((n) => expectedNames.has(n));
  if (!isSameValue(common, actualOrder)) out.push(mismatch(`${where}: column order`, common, actualOrder));
  return out;
}

function compareUnresolved(where: string, expected: Table, actual: Table): string[] {
  const want = expected.unresolved ?? [];
  const got = actual.unresolved ?? [];
  if (want.length === got.length) return [];
  const items = got.map((u) => `${u.file}:${u.line}${u.symbol ? ` ${u.symbol}` : ''}: ${u.reason}`);
  return [`${where}.unresolved: expected ${want.length} entries, got ${got.length}${items.length ? `: ${items.join('; ')}` : ''}`];
}

export function compareTables(expected: Table, actual: Table): string[] {
  const where = tableLabel(expected);
  const out = compareColumns(where, expected.columns ?? [], actual.columns ?? []);
  if (!isSameValue(expected.primary_key, actual.primary_key)) {
    out.push(mismatch(`${where}.primary_key`, expected.primary_key, actual.primary_key));
  }
  for (const kind of CONSTRAINT_KINDS) {
    out.push(...compareConstraintLists(where, kind, expected[kind] ?? [], actual[kind] ?? []));
  }
  out.push(...compareUnresolved(where, expected, actual));
  return out;
}

/**
 * The tables keyed by (schema, name), a repeated one by its occurrence (`users#2`), as the oracle's compare.py
 * does: the same name in two MetaData objects (Flask-SQLAlchemy binds) is two tables.
 */
function keyedTables(tables: Table[]): Map<string, Table> {
  const out = new Map<string, Table>();
  const seen = new Map<string, number>();
  for (const t of tables) {
    const label = tableLabel(t);
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    out.set(n === 0 ? label : `${label}#${n + 1}`, t);
  }
  return out;
}

/** Tables are matched by (schema, name) and occurrence; a table present more often on our side is a mismatch of its own. */
export function compareSchemas(expected: Schema, actual: Schema): string[] {
  const out: string[] = [];
  if (expected.version !== actual.version) out.push(mismatch('version', expected.version, actual.version));
  if (expected.dialect !== actual.dialect) out.push(mismatch('dialect', expected.dialect, actual.dialect));
  const actualTables = keyedTables(actual.tables ?? []);
  const expectedTables = keyedTables(expected.tables);
  const extra = [...actualTables.keys()].filter((key) => !expectedTables.has(key));
  for (const key of extra) if (key.includes('#')) out.push(`${key.slice(0, key.lastIndexOf('#'))}: table extracted more than once`);
  for (const [key, e] of expectedTables) {
    const a = actualTables.get(key);
    if (a === undefined) out.push(`${key}: missing table`);
    else out.push(...compareTables(e, a));
  }
  for (const key of extra) if (!key.includes('#')) out.push(`${key}: extra table`);
  return out;
}
