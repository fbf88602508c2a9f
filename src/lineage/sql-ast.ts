// Defensive readers for node-sql-parser's AST, whose shapes differ between dialects and versions.

/** A node of the parser's AST: we only ever read it. */
export type AstNode = Record<string, unknown>;

export function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * An identifier as the parser gives it: a string, `{ type, value }`, or `{ expr: { type, value } }`.
 * Lower-cased, since the warehouses we match against fold unquoted names and we compare case-insensitively.
 */
export function identifier(value: unknown): string | null {
  if (typeof value === 'string') return value.toLowerCase();
  if (!isNode(value)) return null;
  if (typeof value.value === 'string') return value.value.toLowerCase();
  if ('expr' in value) return identifier(value.expr);
  return null;
}

/** A SELECT (or one branch of a set operation): `type: 'select'`. */
export function isSelect(value: unknown): value is AstNode {
  return isNode(value) && value.type === 'select';
}

/** A subquery appears as `{ ast: select }`, sometimes with `tableList`/`columnList` beside it. */
export function subquery(value: unknown): AstNode | null {
  if (!isNode(value)) return null;
  if (isSelect(value.ast)) return value.ast;
  if (isNode(value.expr) && isSelect(value.expr.ast)) return value.expr.ast;
  return null;
}

/** The branches of `a UNION b EXCEPT c`: the parser chains them through `_next`. */
export function selectBranches(select: AstNode): AstNode[] {
  const branches: AstNode[] = [];
  let current: unknown = select;
  while (isSelect(current)) {
    branches.push(current);
    current = current._next;
  }
  return branches;
}

export interface ColumnRefParts {
  /** the qualifier as written: alias, table, or null */
  qualifier: string | null;
  /** column name, or '*' */
  column: string;
}

/** `t.col`, `col`, `t.*`, `*`. Null when the node is no column reference. */
export function columnRef(node: AstNode): ColumnRefParts | null {
  if (node.type !== 'column_ref') return null;
  const column = node.column === '*' ? '*' : identifier(node.column);
  if (column === null) return null;
  return { qualifier: identifier(node.table), column };
}

/** The parts of a FROM table: `db` holds the schema unless `schema` is also set (3-part names). */
export interface TableParts {
  catalog: string | null;
  schema: string | null;
  table: string;
}

export function tableParts(item: AstNode): TableParts | null {
  const table = identifier(item.table);
  if (table === null) return null;
  const db = identifier(item.db);
  const schema = identifier(item.schema);
  if (schema !== null) return { catalog: db ?? identifier(item.catalog), schema, table };
  return { catalog: identifier(item.catalog), schema: db, table };
}

/** `u(x, y)` in `unnest(arr) AS u(x, y)`: the alias and the column names it declares. */
export function aliasWithColumns(alias: string): { name: string; columns: string[] | null } {
  const match = /^\s*([^(\s]+)\s*\((.*)\)\s*$/.exec(alias);
  if (!match) return { name: alias.toLowerCase(), columns: null };
  const columns = (match[2] ?? '').split(',').map((c) => c.trim().replace(/^["`[]|["`\]]$/g, '').toLowerCase());
  return { name: (match[1] ?? '').toLowerCase(), columns: columns.filter((c) => c.length > 0) };
}

/** Function name of a `function` node (`EXISTS (…)` is one in some dialects). */
export function functionName(node: AstNode): string | null {
  if (node.type !== 'function') return null;
  const name = node.name;
  if (typeof name === 'string') return name.toLowerCase();
  if (!isNode(name)) return null;
  const parts = asArray(name.name).map(identifier).filter((p): p is string => p !== null);
  return parts.at(-1) ?? identifier(name.schema);
}

/** Keys that hold parser bookkeeping or positions, never expressions. */
export const SKIPPED_KEYS: ReadonlySet<string> = new Set(['loc', 'tableList', 'columnList', 'surround', 'parentheses']);
