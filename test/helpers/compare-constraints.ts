// Compares one table's constraint or index list with the oracle's: both sides sorted with the oracle's
// own sort key (oracle.py dump_table), identical entries paired first, then look-alikes field by field.
import type { CheckConstraint, ColumnFk, Index, UniqueConstraint } from '../../src/schema/types.js';
import { formatValue, isSameValue, mismatch } from './format-value.js';

export type ConstraintKind = 'foreign_keys' | 'unique_constraints' | 'indexes' | 'check_constraints';

type KeyPart = string | string[];
type Entry = ColumnFk | UniqueConstraint | Index | CheckConstraint;

interface KindSpec {
  /** the fields the oracle emits for this kind, in its order */
  fields: readonly string[];
  /** oracle.py's sort key for the list */
  sortKey: (e: Record<string, unknown>) => KeyPart[];
  /** entries with the same loose key are the same constraint with some field wrong */
  looseKey: (e: Record<string, unknown>) => string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

const SPECS: Record<ConstraintKind, KindSpec> = {
  foreign_keys: {
    fields: ['name', 'columns', 'referred_schema', 'referred_table', 'referred_columns', 'ondelete', 'onupdate'],
    sortKey: (e) => [strs(e.columns), str(e.referred_schema), str(e.referred_table), strs(e.referred_columns)],
    looseKey: (e) => strs(e.columns).join(','),
  },
  unique_constraints: {
    fields: ['name', 'columns'],
    sortKey: (e) => [strs(e.columns), str(e.name)],
    looseKey: (e) => strs(e.columns).join(','),
  },
  indexes: {
    fields: ['name', 'columns', 'unique'],
    sortKey: (e) => [str(e.name), strs(e.columns)],
    looseKey: (e) => strs(e.columns).join(','),
  },
  check_constraints: {
    fields: ['name', 'sqltext'],
    sortKey: (e) => [str(e.sqltext), str(e.name)],
    looseKey: (e) => str(e.sqltext),
  },
};

function compareKeyPart(a: KeyPart, b: KeyPart): number {
  if (typeof a === 'string' || typeof b === 'string') {
    const x = String(a);
    const y = String(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return compareKeys(a, b);
}

/** Python's tuple/list ordering: element by element, a proper prefix first. */
function compareKeys(a: readonly KeyPart[], b: readonly KeyPart[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const c = compareKeyPart(a[i] as KeyPart, b[i] as KeyPart);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Only the fields the oracle emits, in its order: our own additions are not compared. */
function pick(spec: KindSpec, e: Entry): Record<string, unknown> {
  const src = e as unknown as Record<string, unknown>;
  return Object.fromEntries(spec.fields.map((f) => [f, src[f] ?? null]));
}

function label(e: Record<string, unknown>): string {
  if (typeof e.name === 'string') return e.name;
  return typeof e.sqltext === 'string' ? e.sqltext : `(${strs(e.columns).join(', ')})`;
}

function takeFirst<T>(list: T[], test: (item: T) => boolean): T | undefined {
  const i = list.findIndex(test);
  return i < 0 ? undefined : list.splice(i, 1)[0];
}

export function compareConstraintLists(where: string, kind: ConstraintKind, expected: Entry[], actual: Entry[]): string[] {
  const spec = SPECS[kind];
  const sorted = (list: Entry[]) =>
    list.map((e) => pick(spec, e)).sort((a, b) => compareKeys(spec.sortKey(a), spec.sortKey(b)));
  const left = sorted(actual);
  const unmatched = sorted(expected).filter((e) => takeFirst(left, (a) => isSameValue(a, e)) === undefined);
  const out: string[] = [];
  for (const e of unmatched) {
    const a = takeFirst(left, (x) => spec.looseKey(x) === spec.looseKey(e));
    if (a === undefined) {
      out.push(`${where}.${kind}: missing ${formatValue(e)}`);
      continue;
    }
    for (const f of spec.fields) {
      if (!isSameValue(e[f], a[f])) out.push(mismatch(`${where}.${kind}[${label(e)}].${f}`, e[f], a[f]));
    }
  }
  for (const a of left) out.push(`${where}.${kind}: extra ${formatValue(a)}`);
  return out;
}
