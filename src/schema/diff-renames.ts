// Attaches declared renames (inline directives, config `renames:`) to the AFTER table or column they name.
import type { RenameDeclaration } from '../config/schema.js';
import type { InvalidRenameDeclaration, RenameOrigin } from './changes.js';
import type { Column, Directive, SourceRef, Table } from './types.js';

export interface DeclaredRename<T> {
  readonly after: T;
  readonly from: string;
  readonly origin: RenameOrigin;
}

export interface ColumnRenameDecl extends DeclaredRename<Column> {
  readonly table: Table;
}

export interface AttachedRenames {
  readonly tables: DeclaredRename<Table>[];
  readonly columns: ColumnRenameDecl[];
  readonly invalid: InvalidRenameDeclaration[];
}

type RenamedFrom = Extract<Directive, { kind: 'renamed-from' }>;

/**
 * The table whose declaration spans `line` of `file`. Tables carry only their start line (the
 * `class` line), so a table spans from it up to the next table's start line in the same file;
 * the `__tablename__` line, where the directive belongs, is inside that span.
 */
function tableSpanning(tables: readonly Table[], file: string, line: number): Table | undefined {
  let best: Table | undefined;
  for (const t of tables) {
    const src = t.source;
    if (src === null || src.file !== file || src.line > line) continue;
    if (best === undefined || (best.source?.line ?? 0) < src.line) best = t;
  }
  return best;
}

function byFileLine(a: RenamedFrom, b: RenamedFrom): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

function directiveSource(d: RenamedFrom): SourceRef {
  return { file: d.file, line: d.line };
}

/**
 * Directive rule: on a column's own line (its `source.line`, same file) it renames that column, in
 * every table the column reaches (a mixin's column is in each subclass's table). Elsewhere inside a
 * table's span it renames the table; when several do, the one nearest the table's start line wins
 * (the `__tablename__` line comes first in a class body), and one that names a different old
 * table is a conflict.
 */
function attachDirectives(tables: readonly Table[], directives: readonly Directive[], out: AttachedRenames): void {
  const spanned = new Map<Table, RenamedFrom>();
  const renamedFrom = directives.filter((d): d is RenamedFrom => d.kind === 'renamed-from').sort(byFileLine);
  for (const d of renamedFrom) {
    const origin: RenameOrigin = { kind: 'directive', file: d.file, line: d.line };
    const hits = tables.flatMap((t) =>
      t.columns.filter((c) => c.source?.file === d.file && c.source.line === d.line).map((c) => ({ t, c })),
    );
    for (const { t, c } of hits) out.columns.push({ table: t, after: c, from: d.from, origin });
    if (hits.length > 0) continue;
    const table = tableSpanning(tables, d.file, d.line);
    const invalid = { kind: 'invalid-rename-declaration', from: d.from, declaredBy: origin, source: directiveSource(d) } as const;
    if (table === undefined) {
      out.invalid.push({ ...invalid, table: null, reason: 'not-on-declaration' });
      continue;
    }
    const first = spanned.get(table);
    if (first === undefined) {
      spanned.set(table, d);
      out.tables.push({ after: table, from: d.from, origin });
    } else if (first.from !== d.from) {
      out.invalid.push({ ...invalid, table: { name: table.name, schema: table.schema }, reason: 'conflict' });
    }
  }
}

/** A config `table:` is "name" or "schema.name"; an unqualified name prefers the table without a schema. */
export function findTableByName(tables: readonly Table[], name: string, schema?: string | null): Table | undefined {
  const exact = tables.filter((t) => t.name === name);
  const dot = name.indexOf('.');
  if (dot > 0 && exact.length === 0) return findTableByName(tables, name.slice(dot + 1), name.slice(0, dot));
  if (schema !== undefined) return exact.find((t) => t.schema === schema);
  return exact.find((t) => t.schema === null) ?? exact[0];
}

function attachConfig(tables: readonly Table[], renames: readonly RenameDeclaration[], out: AttachedRenames): void {
  renames.forEach((r, index) => {
    const origin: RenameOrigin = { kind: 'config', index };
    const table = findTableByName(tables, r.table);
    const column = r.column === undefined ? undefined : table?.columns.find((c) => c.name === r.column);
    if (table !== undefined && r.column === undefined) out.tables.push({ after: table, from: r.from, origin });
    else if (table !== undefined && column !== undefined) out.columns.push({ table, after: column, from: r.from, origin });
    else {
      out.invalid.push({
        kind: 'invalid-rename-declaration',
        table: table === undefined ? { name: r.table, schema: null } : { name: table.name, schema: table.schema },
        ...(r.column === undefined ? {} : { column: r.column }),
        from: r.from,
        reason: 'target-missing',
        declaredBy: origin,
        source: null,
      });
    }
  });
}

/** Directives come first, so when a directive and a config entry declare the same rename the directive is cited. */
export function attachRenames(
  after: readonly Table[],
  directives: readonly Directive[],
  renames: readonly RenameDeclaration[],
): AttachedRenames {
  const out: AttachedRenames = { tables: [], columns: [], invalid: [] };
  attachDirectives(after, directives, out);
  attachConfig(after, renames, out);
  return out;
}
