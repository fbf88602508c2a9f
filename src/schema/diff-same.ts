// Tells a table pair whose diff is certainly empty, cheaply: in a check of one edited model among hundreds the rest are.
import type { Pair } from './diff-pairing.js';
import type { RenameMaps } from './diff-refs.js';
import type { CheckConstraint, Column, ColumnFk, Index, Table, UniqueConstraint } from './types.js';

/** Compiles only when `Compared` names every field of T: a field added to the schema later must be compared here. */
type Covers<T, Compared extends keyof T> = [Exclude<keyof T, Compared>] extends [never] ? true : never;
/**
 * The fields the comparisons below read, and those that are not schema (see diffSchemas): `source` (where a
 * declaration sits), `key` (the Python attribute name), `unresolved` (what extraction left open).
 */
const IS_EVERY_FIELD_COMPARED: Covers<Column, 'name' | 'type' | 'enum' | 'nullable' | 'primary_key' | 'unique' | 'index' | 'default' | 'server_default' | 'comment' | 'foreign_keys' | 'key' | 'source'> &
  Covers<Table, 'name' | 'schema' | 'primary_key' | 'foreign_keys' | 'unique_constraints' | 'indexes' | 'check_constraints' | 'columns' | 'source' | 'unresolved'> &
  Covers<ColumnFk, 'name' | 'columns' | 'referred_schema' | 'referred_table' | 'referred_columns' | 'ondelete' | 'onupdate'> &
  Covers<Index, 'name' | 'columns' | 'unique'> &
  Covers<UniqueConstraint, 'name' | 'columns'> &
  Covers<CheckConstraint, 'name' | 'sqltext'> = true;

// Spelled out rather than looped over or compared generically: this runs once per process, before any JIT, over
// thousands of columns, and indexed loops cost less than array iterators there.

function isSameList(a: readonly string[] | null, b: readonly string[] | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isSameEach<T>(a: readonly T[], b: readonly T[], isSame: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!isSame(a[i] as T, b[i] as T)) return false;
  return true;
}

function isSameColumn(a: Column, b: Column): boolean {
  // a partial extraction hands the tables it did not rebuild over as they were
  if (a === b) return true;
  return (
    a.name === b.name &&
    a.type === b.type &&
    a.nullable === b.nullable &&
    a.primary_key === b.primary_key &&
    a.unique === b.unique &&
    a.index === b.index &&
    a.default === b.default &&
    a.server_default === b.server_default &&
    a.comment === b.comment &&
    isSameList(a.enum, b.enum) &&
    isSameList(a.foreign_keys, b.foreign_keys)
  );
}

const isSameForeignKey = (a: ColumnFk, b: ColumnFk): boolean =>
  a.name === b.name &&
  a.referred_schema === b.referred_schema &&
  a.referred_table === b.referred_table &&
  a.ondelete === b.ondelete &&
  a.onupdate === b.onupdate &&
  isSameList(a.columns, b.columns) &&
  isSameList(a.referred_columns, b.referred_columns);
const isSameIndex = (a: Index, b: Index): boolean => a.name === b.name && a.unique === b.unique && isSameList(a.columns, b.columns);
const isSameUnique = (a: UniqueConstraint, b: UniqueConstraint): boolean => a.name === b.name && isSameList(a.columns, b.columns);
const isSameCheck = (a: CheckConstraint, b: CheckConstraint): boolean => a.name === b.name && a.sqltext === b.sqltext;

/** Everything of a table but its columns. */
function isSameTableLevel(a: Table, b: Table): boolean {
  return (
    a.name === b.name &&
    a.schema === b.schema &&
    isSameList(a.primary_key, b.primary_key) &&
    isSameEach(a.foreign_keys, b.foreign_keys, isSameForeignKey) &&
    isSameEach(a.indexes, b.indexes, isSameIndex) &&
    isSameEach(a.unique_constraints, b.unique_constraints, isSameUnique) &&
    isSameEach(a.check_constraints, b.check_constraints, isSameCheck)
  );
}

/** Same names in the same order, each name once: then pairing by name pairs them in place, as the full diff would. */
function hasSameColumns(before: readonly Column[], after: readonly Column[]): boolean {
  if (before.length !== after.length) return false;
  const names = new Set<string>();
  for (let i = 0; i < before.length; i++) {
    const now = after[i] as Column;
    if (names.has(now.name) || !isSameColumn(before[i] as Column, now)) return false;
    names.add(now.name);
  }
  return true;
}

/**
 * Equal apart from what is not schema, paired by name (no declared rename, same schema) and with no column rename
 * declared: the full pair diff would compare each column and constraint with its equal twin and find nothing,
 * provided references are spelled alike on both sides (hasSameReferences, once every table is paired).
 */
export function isSamePair(pair: Pair<Table>, hasColumnRenames: boolean): boolean {
  const { before, after } = pair;
  if (pair.renamedBy !== undefined || hasColumnRenames || before.schema !== after.schema) return false;
  // a schema assembled from a partial extraction shares the untouched tables' objects with the one before it
  if (before === after) return new Set(before.columns.map((c) => c.name)).size === before.columns.length;
  return IS_EVERY_FIELD_COMPARED && isSameTableLevel(before, after) && hasSameColumns(before.columns, after.columns);
}

/**
 * Foreign keys of a same pair name the same targets as written; they still differ when a target table or column
 * is renamed or moved on one side, which only the rename maps know, as they know how BEFORE's own column lists
 * (indexes, constraints, primary key) are spelled.
 */
export function hasSameReferences(pair: Pair<Table>, maps: RenameMaps): boolean {
  const { before, after } = pair;
  if (!maps.keepsColumnNames(before)) return false;
  for (let i = 0; i < before.columns.length; i++) {
    const targets = (before.columns[i] as Column).foreign_keys;
    for (let j = 0; j < targets.length; j++) if (!maps.spellsColumnTargetAlike(targets[j] as string)) return false;
  }
  return after.foreign_keys.every((fk) => maps.spellsForeignKeyAlike(before, fk));
}
