// Spells references (foreign-key targets, constraint columns) of both sides alike, so renames and moves are not changes.
import type { TableRef } from './changes.js';
import type { ColumnFk, Table } from './types.js';

export function tableKey(t: { readonly schema: string | null; readonly name: string }): string {
  return `${t.schema ?? ''}\u0000${t.name}`;
}

/** "table.column" or "schema.table.column", as `Column.foreign_keys` writes a target. */
function parseTarget(target: string): { table: TableRef; column: string } | undefined {
  const parts = target.split('.');
  if (parts.length < 2 || parts.length > 3) return undefined;
  const [column, name, schema] = [...parts].reverse();
  return { table: { name: name ?? '', schema: schema ?? null }, column: column ?? '' };
}

/**
 * A reference to a table present on both sides is spelled with the table's AFTER name and its
 * columns' AFTER names, so a declared rename or a schema move is no change. Any other reference
 * (to a dropped or added table, or one outside the models) is compared as written, and is never
 * equal to a reference that resolves: a target that starts or stops resolving has changed meaning.
 */
export class RenameMaps {
  private readonly toAfter = new Map<string, TableRef>();
  private readonly pairedAfter = new Set<string>();
  private readonly columns = new Map<string, ReadonlyMap<string, string>>();
  /** BEFORE tables whose columns map renames one */
  private readonly renaming = new Set<string>();

  addTable(before: Table, after: TableRef, renamedColumns: ReadonlyMap<string, string>): void {
    this.toAfter.set(tableKey(before), { name: after.name, schema: after.schema });
    this.pairedAfter.add(tableKey(after));
    this.columns.set(tableKey(before), renamedColumns);
    if ([...renamedColumns].some(([from, to]) => from !== to)) this.renaming.add(tableKey(before));
    else this.renaming.delete(tableKey(before));
  }

  /** A BEFORE table's own column list in AFTER names. */
  columnList(before: TableRef, names: readonly string[]): string[] {
    const map = this.columns.get(tableKey(before));
    return names.map((n) => map?.get(n) ?? n);
  }

  /** Whether columnList() leaves every name of this BEFORE table as it is. */
  keepsColumnNames(before: TableRef): boolean {
    return !this.renaming.has(tableKey(before));
  }

  /** beforeTarget(ref, columns) === afterTarget(ref, columns), without spelling either (the diff's shortcut asks this often). */
  spellsAlike(ref: TableRef, columns: readonly string[]): boolean {
    const to = this.toAfter.get(tableKey(ref));
    const isPaired = this.pairedAfter.has(tableKey(ref));
    if (to === undefined) return !isPaired;
    if (!isPaired || to.schema !== ref.schema || to.name !== ref.name) return false;
    const names = this.columnList(ref, columns);
    return names.every((n, i) => n === columns[i]);
  }

  /** beforeColumnTarget(target) === afterColumnTarget(target). */
  spellsColumnTargetAlike(target: string): boolean {
    const t = parseTarget(target);
    return t === undefined || this.spellsAlike(t.table, [t.column]);
  }

  /** beforeForeignKey(owner, fk) === afterForeignKey(fk), for the same fk on both sides. */
  spellsForeignKeyAlike(owner: Table, fk: ColumnFk): boolean {
    const own = this.columnList(owner, fk.columns);
    return own.every((n, i) => n === fk.columns[i]) && this.spellsAlike({ name: fk.referred_table, schema: fk.referred_schema }, fk.referred_columns);
  }

  beforeTarget(ref: TableRef, columns: readonly string[]): string {
    const to = this.toAfter.get(tableKey(ref));
    if (to === undefined) return JSON.stringify(['as-written', ref.schema, ref.name, columns]);
    return JSON.stringify(['paired', to.schema, to.name, this.columnList(ref, columns)]);
  }

  afterTarget(ref: TableRef, columns: readonly string[]): string {
    const isPaired = this.pairedAfter.has(tableKey(ref));
    return JSON.stringify([isPaired ? 'paired' : 'as-written', ref.schema, ref.name, columns]);
  }

  /** A `Column.foreign_keys` entry of BEFORE / AFTER in the common spelling. */
  beforeColumnTarget(target: string): string {
    const t = parseTarget(target);
    return t === undefined ? target : this.beforeTarget(t.table, [t.column]);
  }

  afterColumnTarget(target: string): string {
    const t = parseTarget(target);
    return t === undefined ? target : this.afterTarget(t.table, [t.column]);
  }

  /** A foreign key of BEFORE's `owner` / of AFTER, as a comparison key. */
  beforeForeignKey(owner: Table, fk: ColumnFk): string {
    const target = this.beforeTarget({ name: fk.referred_table, schema: fk.referred_schema }, fk.referred_columns);
    return JSON.stringify([fk.name, this.columnList(owner, fk.columns), target, fk.ondelete, fk.onupdate]);
  }

  afterForeignKey(fk: ColumnFk): string {
    const target = this.afterTarget({ name: fk.referred_table, schema: fk.referred_schema }, fk.referred_columns);
    return JSON.stringify([fk.name, fk.columns, target, fk.ondelete, fk.onupdate]);
  }
}
