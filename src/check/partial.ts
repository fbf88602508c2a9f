// The "after" schema of a small change without extracting everything again: the before schema, with the tables
// the changed modules build replaced by a partial extraction of them. Used only when the parts prove sound.
import type { ExtractResult } from '../extract/index.js';
import { compareTables } from '../extract/build.js';
import { sortDiagnostics } from '../extract/index.js';
import { tableKey } from '../schema/diff-refs.js';
import type { Diagnostic, Table } from '../schema/types.js';

export interface PartialPair {
  /** the whole before schema */
  before: ExtractResult;
  /** before and after, extracted scanning only the modules the change reaches */
  partBefore: ExtractResult;
  partAfter: ExtractResult;
  /** changed Python files (old and new paths) */
  changed: ReadonlySet<string>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The whole after schema, or null when the parts cannot be trusted to give the same result as a whole
 * extraction (then the caller extracts everything). Sound because each part of the before side is checked
 * against the whole before schema, and the after side may differ from it only in what the partial scan covers.
 */
export function composeAfter(pair: PartialPair): ExtractResult | null {
  const { before, partBefore, partAfter } = pair;
  if (!partBefore.scanned || !partAfter.scanned) return null;
  // a module that joins or leaves what the models import (a package __init__ edited) brings or takes its tables
  if (!sameReach(partBefore.read ?? [], partAfter.read ?? [], pair.changed)) return null;
  // one table name in two MetaData (Flask binds): parts are matched by name, so such a schema is never assembled
  if (![before, partBefore, partAfter].every((r) => hasUniqueNames(r.schema.tables))) return null;
  const local = new Set([...partBefore.scanned, ...partAfter.scanned, ...pair.changed]);
  const whole = new Map(before.schema.tables.map((t) => [tableKey(t), t]));
  const partOld = new Map(partBefore.schema.tables.map((t) => [tableKey(t), t]));
  const partNew = new Map(partAfter.schema.tables.map((t) => [tableKey(t), t]));
  // a table a scanned module only refers to is built the way its own module's scan would build it only by chance
  if (!ownedBy(partOld, partBefore.scanned) || !ownedBy(partNew, partAfter.scanned)) return null;
  if (!partBeforeMatches(before, partBefore, whole, partOld, local)) return null;
  if (!partAfterFits(pair, whole, partOld, partNew)) return null;
  const replaced = new Set([...partOld.keys(), ...partNew.keys()]);
  const kept = before.schema.tables.filter((t) => !replaced.has(tableKey(t)));
  if (kept.some((t) => readsChangedColumns(t, partOld, partNew))) return null;
  const tables = [...kept, ...partNew.values()].sort(compareTables);
  const diagnostics = sortDiagnostics([...diagnosticsOf(before.schema.diagnostics, local, false), ...diagnosticsOf(partAfter.schema.diagnostics, local, true)]);
  return { schema: { ...partAfter.schema, tables, diagnostics }, directives: partAfter.directives };
}

/** The after side's tables can stand in for the before side's: no collision, no new unknown, no unseen drop. */
function partAfterFits(pair: PartialPair, whole: Map<string, Table>, partOld: Map<string, Table>, partNew: Map<string, Table>): boolean {
  for (const [key, table] of partNew) {
    const old = partOld.get(key);
    // a name the partial scan did not build before: it may merge with a table declared elsewhere
    if (!old && whole.has(key)) return false;
    // a new unknown may be the partial scan's blind spot (a type-less foreign key to a table it did not build)
    if (hasNewUnresolved(table, old)) return false;
  }
  const scanned = new Set(pair.partAfter.scanned);
  for (const [key, table] of partOld) {
    // gone after the change: sound only where the after scan looked (ownedBy vouched for the source)
    const file = table.source?.file ?? '';
    if (!partNew.has(key) && !pair.changed.has(file) && !scanned.has(file)) return false;
  }
  return true;
}

/** Every table and diagnostic the partial scan of the before side gives is exactly the whole extraction's. */
function partBeforeMatches(before: ExtractResult, part: ExtractResult, whole: Map<string, Table>, partOld: Map<string, Table>, local: ReadonlySet<string>): boolean {
  for (const [key, table] of partOld) if (!same(table, whole.get(key))) return false;
  for (const table of before.schema.tables) {
    if (table.source && local.has(table.source.file) && !partOld.has(tableKey(table))) return false;
  }
  const all = [...before.schema.diagnostics, ...part.schema.diagnostics];
  if (all.some((d) => d.file === null)) return false;
  return same(diagnosticsOf(before.schema.diagnostics, local, true), diagnosticsOf(part.schema.diagnostics, local, true));
}

function sameReach(before: readonly string[], after: readonly string[], changed: ReadonlySet<string>): boolean {
  const unchanged = (files: readonly string[]) => new Set(files.filter((f) => !changed.has(f)));
  const a = unchanged(before);
  const b = unchanged(after);
  return a.size === b.size && [...a].every((f) => b.has(f));
}

function hasUniqueNames(tables: readonly Table[]): boolean {
  return new Set(tables.map(tableKey)).size === tables.length;
}

function ownedBy(tables: Map<string, Table>, scanned: readonly string[]): boolean {
  const files = new Set(scanned);
  return [...tables.values()].every((t) => t.source !== null && files.has(t.source.file));
}

function diagnosticsOf(diagnostics: readonly Diagnostic[], local: ReadonlySet<string>, inside: boolean): Diagnostic[] {
  return diagnostics.filter((d) => local.has(d.file ?? '') === inside);
}

function hasNewUnresolved(table: Table, old: Table | undefined): boolean {
  const known = new Set((old?.unresolved ?? []).map((u) => `${u.symbol ?? ''}|${u.reason}`));
  return table.unresolved.some((u) => !known.has(`${u.symbol ?? ''}|${u.reason}`));
}

/**
 * A kept table whose foreign key refers to a column the change touched: a type-less foreign key column takes
 * its type from the column it refers to, so the kept table could change too.
 */
function readsChangedColumns(table: Table, partOld: Map<string, Table>, partNew: Map<string, Table>): boolean {
  return table.foreign_keys.some((fk) => {
    // by name alone: a MetaData's default schema may be left out of the reference
    const named = (part: Map<string, Table>) => [...part.values()].filter((t) => t.name === fk.referred_table);
    const columns = (tables: Table[]) => tables.map((t) => fk.referred_columns.map((name) => t.columns.find((c) => c.name === name) ?? null));
    const [was, now] = [named(partOld), named(partNew)];
    return (was.length > 0 || now.length > 0) && !same(columns(was), columns(now));
  });
}
