// The changes inside one table that exists on both sides: its columns, then its constraints.
import type { InvalidRenameDeclaration, SchemaChange, TableRef } from './changes.js';
import { compareColumn } from './diff-columns.js';
import { diffConstraints } from './diff-constraints.js';
import { columnHints } from './diff-hints.js';
import { pairObjects, type Pair, type Pairing } from './diff-pairing.js';
import type { RenameMaps } from './diff-refs.js';
import type { ColumnRenameDecl } from './diff-renames.js';
import type { Column, Dialect, SourceRef, Table } from './types.js';

export type ColumnPairing = Pairing<Column, ColumnRenameDecl>;

export function pairColumns(tables: Pair<Table>, declared: readonly ColumnRenameDecl[]): ColumnPairing {
  return pairObjects({
    before: tables.before.columns,
    after: tables.after.columns,
    key: (c) => c.name,
    declared,
    findOld: (d) => tables.before.columns.find((c) => c.name === d.from),
  });
}

/** Renames declared for columns of a table that has no BEFORE side can only name something missing. */
export function invalidColumnRename(decl: ColumnRenameDecl, reason: InvalidRenameDeclaration['reason']): InvalidRenameDeclaration {
  return {
    kind: 'invalid-rename-declaration',
    table: { name: decl.table.name, schema: decl.table.schema },
    column: decl.after.name,
    from: decl.from,
    reason,
    declaredBy: decl.origin,
    source: decl.origin.kind === 'directive' ? { file: decl.origin.file, line: decl.origin.line } : null,
  };
}

function columnSource(c: Column, t: Table): SourceRef | null {
  return c.source ?? t.source;
}

function tableLevel(tables: Pair<Table>, table: TableRef): SchemaChange[] {
  const { before, after, renamedBy } = tables;
  const base = { table, source: after.source, before, after };
  if (renamedBy !== undefined) {
    return [{ ...base, kind: 'rename-table', from: { name: before.name, schema: before.schema }, declaredBy: renamedBy }];
  }
  return before.schema === after.schema ? [] : [{ ...base, kind: 'move-table-schema', fromSchema: before.schema }];
}

export function diffTablePair(tables: Pair<Table>, columns: ColumnPairing, maps: RenameMaps, dialect: Dialect): SchemaChange[] {
  const { before, after } = tables;
  const table: TableRef = { name: after.name, schema: after.schema };
  const out: SchemaChange[] = [...tableLevel(tables, table), ...columns.invalid.map((i) => invalidColumnRename(i.decl, i.reason))];
  const targets = { before: (t: string) => maps.beforeColumnTarget(t), after: (t: string) => maps.afterColumnTarget(t) };
  for (const { before: was, after: now, renamedBy } of columns.pairs) {
    const base = { table, column: now.name, source: columnSource(now, after), before: was, after: now };
    if (renamedBy !== undefined) out.push({ ...base, kind: 'rename-column', from: was.name, declaredBy: renamedBy });
    const delta = compareColumn(was, now, dialect, targets);
    if (delta !== null) out.push({ ...base, kind: 'modify-column', ...delta });
  }
  const hints = columnHints(columns.dropped, columns.added);
  for (const c of columns.dropped) {
    const hint = hints.dropped.get(c);
    out.push({ table, column: c.name, source: columnSource(c, before), kind: 'drop-column', before: c, ...(hint ? { hint } : {}) });
  }
  for (const c of columns.added) {
    const hint = hints.added.get(c);
    out.push({ table, column: c.name, source: columnSource(c, after), kind: 'add-column', after: c, ...(hint ? { hint } : {}) });
  }
  out.push(...diffConstraints(before, after, table, maps));
  return out;
}
