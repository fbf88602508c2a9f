// One table declared more than once in one MetaData (extend_existing=True, a class over a Core table): one table.
import type { ColumnDraft, TableDraft } from './drafts.js';
import type { Extraction } from './state.js';
import { asBool } from './values.js';

const keyOf = (t: TableDraft): string => `${t.meta.id}:${t.schema ?? ''}.${t.name}`;

/** A later declaration into the first: extend_existing=True replaces a column of the same name in its place. */
function mergeDeclaration(first: TableDraft, t: TableDraft): void {
  // a Table(...) call's keywords, or those of a class's __table_args__
  const option = (name: string): boolean | undefined => asBool(t.call?.kwargs.get(name) ?? t.kwargs?.get(name));
  // keep_existing=True: the table already there stands as it is
  if (option('keep_existing')) return;
  const replaces = option('extend_existing') === true;
  for (const c of t.columns) {
    const at = first.columns.findIndex((f) => f.name === c.name);
    if (at < 0) first.columns.push(c);
    else if (replaces) {
      keepFlagConstraints(first, first.columns[at]!);
      first.columns[at] = c;
    }
  }
  first.constraints.push(...t.constraints);
  first.unresolved.push(...t.unresolved);
}

/** The unique constraint or index a replaced column's `unique=True` / `index=True` made stays on the table. */
function keepFlagConstraints(table: TableDraft, old: ColumnDraft): void {
  const columns = [{ k: 'key' as const, key: old.key ?? old.name ?? '' }];
  if (old.index === true) table.constraints.push({ k: 'ix', columns, unique: old.unique === true, name: null });
  else if (old.unique === true) table.constraints.push({ k: 'uq', columns, name: null });
}

/** The tables as SQLAlchemy holds them at the end: later declarations merged into the first. */
export function mergeDuplicates(tables: TableDraft[]): TableDraft[] {
  const byKey = new Map<string, TableDraft>();
  const out: TableDraft[] = [];
  for (const t of tables) {
    const first = byKey.get(keyOf(t));
    if (first) {
      mergeDeclaration(first, t);
    } else {
      byKey.set(keyOf(t), t);
      out.push(t);
    }
  }
  return out;
}

/**
 * The table as its declarations so far make it, without changing them: a copy taken now (to_metadata, a loop over
 * its columns) sees the columns an earlier `extend_existing=True` declaration added or replaced.
 */
export function tableSoFar(x: Extraction, table: TableDraft): TableDraft {
  const declarations = x.tables.filter((t) => keyOf(t) === keyOf(table));
  const [first, ...later] = declarations;
  if (!first || later.length === 0) return table;
  const merged = { ...first, columns: [...first.columns], constraints: [...first.constraints], unresolved: [...first.unresolved] };
  for (const t of later) mergeDeclaration(merged, t);
  return merged;
}
