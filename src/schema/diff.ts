// Diffs the schema at HEAD with the staged one into typed changes: diffSchemas(before, after).
import type { RenameDeclaration } from '../config/schema.js';
import { CHANGE_KINDS, type InvalidRenameDeclaration, type SchemaChange } from './changes.js';
import { tableHints } from './diff-hints.js';
import { pairObjects, type Pair } from './diff-pairing.js';
import { RenameMaps, tableKey } from './diff-refs.js';
import { attachRenames, findTableByName, type DeclaredRename } from './diff-renames.js';
import { hasSameReferences, isSamePair } from './diff-same.js';
import { diffTablePair, invalidColumnRename, pairColumns } from './diff-table.js';
import type { Directive, Schema, Table } from './types.js';

export interface DiffOptions {
  /** `# schemaguard: renamed-from` comments found in the AFTER sources */
  readonly directives?: readonly Directive[];
  /** the config's `renames:` entries; `table` names the table as it is AFTER the change */
  readonly renames?: readonly RenameDeclaration[];
}

/** An unqualified old name is looked up in the new table's schema first, then anywhere. */
function findOldTable(before: readonly Table[], decl: DeclaredRename<Table>): Table | undefined {
  return before.find((t) => t.name === decl.from && t.schema === decl.after.schema) ?? findTableByName(before, decl.from);
}

/** A table dropped from one schema and added, by the same name, to exactly one other schema has moved. */
function pairMoves(dropped: readonly Table[], added: readonly Table[]) {
  const droppedByName = groupBy(dropped, (t) => t.name);
  const addedByName = groupBy(added, (t) => t.name);
  const pairs: Pair<Table>[] = [];
  for (const a of added) {
    const from = droppedByName.get(a.name) ?? [];
    if (from.length === 1 && from[0] !== undefined && addedByName.get(a.name)?.length === 1) {
      pairs.push({ before: from[0], after: a });
    }
  }
  const moved = new Set(pairs.flatMap((p) => [p.before, p.after]));
  return { pairs, dropped: dropped.filter((t) => !moved.has(t)), added: added.filter((t) => !moved.has(t)) };
}

function groupBy<K, T>(items: readonly T[], keyOf: (x: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const x of items) {
    const group = map.get(keyOf(x));
    if (group === undefined) map.set(keyOf(x), [x]);
    else group.push(x);
  }
  return map;
}

function invalidTableRename(decl: DeclaredRename<Table>, reason: InvalidRenameDeclaration['reason']): InvalidRenameDeclaration {
  return {
    kind: 'invalid-rename-declaration',
    table: { name: decl.after.name, schema: decl.after.schema },
    from: decl.from,
    reason,
    declaredBy: decl.origin,
    source: decl.origin.kind === 'directive' ? { file: decl.origin.file, line: decl.origin.line } : decl.after.source,
  };
}

function addedAndDropped(dropped: readonly Table[], added: readonly Table[]): SchemaChange[] {
  const hints = tableHints(dropped, added);
  const ref = (t: Table) => ({ name: t.name, schema: t.schema });
  return [
    ...dropped.map((t): SchemaChange => {
      const hint = hints.dropped.get(t);
      return { kind: 'drop-table', table: ref(t), source: t.source, before: t, ...(hint ? { hint } : {}) };
    }),
    ...added.map((t): SchemaChange => {
      const hint = hints.added.get(t);
      return { kind: 'add-table', table: ref(t), source: t.source, after: t, ...(hint ? { hint } : {}) };
    }),
  ];
}

/**
 * Tables are matched by (schema, name) and columns by DB name, after declared renames; the Python
 * attribute name (`key`) and where a declaration sits (`source`) are not schema, so changing them
 * is no change. Ordered by table (schema, name), then kind (CHANGE_KINDS), then column.
 */
export function diffSchemas(before: Schema, after: Schema, options: DiffOptions = {}): SchemaChange[] {
  const declared = attachRenames(after.tables, options.directives ?? [], options.renames ?? []);
  const tables = pairObjects({
    before: before.tables,
    after: after.tables,
    key: tableKey,
    declared: declared.tables,
    findOld: (d) => findOldTable(before.tables, d),
  });
  const moves = pairMoves(tables.dropped, tables.added);
  const declsByTable = groupBy(declared.columns, (d) => d.table);
  const columnDecls = (t: Table) => declsByTable.get(t) ?? [];
  const maps = new RenameMaps();
  const paired = [...tables.pairs, ...moves.pairs].map((pair) => {
    const decls = columnDecls(pair.after);
    // a same pair's columns pair with themselves: no pairing to build, and nothing renamed
    const columns = isSamePair(pair, decls.length > 0) ? null : pairColumns(pair, decls);
    maps.addTable(pair.before, pair.after, new Map(columns?.pairs.map((p) => [p.before.name, p.after.name])));
    return { pair, columns };
  });
  const diffPair = ({ pair, columns }: (typeof paired)[number]): SchemaChange[] => {
    if (columns === null && hasSameReferences(pair, maps)) return [];
    return diffTablePair(pair, columns ?? pairColumns(pair, []), maps, after.dialect);
  };
  const changes: SchemaChange[] = [
    ...declared.invalid,
    ...tables.invalid.map((i) => invalidTableRename(i.decl, i.reason)),
    ...moves.added.flatMap((t) => columnDecls(t).map((d) => invalidColumnRename(d, 'old-name-missing'))),
    ...paired.flatMap(diffPair),
    ...addedAndDropped(moves.dropped, moves.added),
  ];
  return sortChanges(changes);
}

/** What tells two changes of one kind in one table apart. */
function subject(c: SchemaChange): string {
  if ('column' in c && c.column !== undefined) return c.column;
  switch (c.kind) {
    case 'add-index':
    case 'add-unique':
    case 'add-foreign-key':
    case 'add-check':
      return JSON.stringify(c.after);
    case 'drop-index':
    case 'drop-unique':
    case 'drop-foreign-key':
    case 'drop-check':
      return JSON.stringify(c.before);
    case 'invalid-rename-declaration':
      return JSON.stringify([c.from, c.declaredBy]);
    default:
      return '';
  }
}

function sortKey(c: SchemaChange): string[] {
  const kind = CHANGE_KINDS.indexOf(c.kind);
  return [c.table?.schema ?? '', c.table?.name ?? '', String(kind).padStart(2, '0'), subject(c)];
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function sortChanges(changes: readonly SchemaChange[]): SchemaChange[] {
  return changes
    .map((c) => ({ c, k: sortKey(c) }))
    .sort((a, b) => compareKeys(a.k, b.k))
    .map((x) => x.c);
}
