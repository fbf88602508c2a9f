// Which columns of which tables a query reads, resolved through CTEs, subqueries, aliases, joins and stars.
import {
  aliasWithColumns,
  asArray,
  columnRef,
  functionName,
  identifier,
  isNode,
  isSelect,
  selectBranches,
  SKIPPED_KEYS,
  subquery,
  tableParts,
  type AstNode,
  type ColumnRefParts,
  type TableParts,
} from './sql-ast.js';
import { parseQueries } from './sql-parse.js';

export interface RelationReads {
  relation: TableParts;
  /** columns referenced by name, sorted */
  columns: string[];
  /** the query's output carries every column (`select *`, `t.*` reaching the result) */
  all: boolean;
  /** unqualified names that could belong to this table or another one, sorted */
  ambiguous: string[];
}

export type SqlReadResult = { ok: true; relations: RelationReads[]; dialect: string } | { ok: false; reason: string };

type Rel = { kind: 'base'; key: string } | { kind: 'derived'; query: QueryInfo } | { kind: 'opaque'; columns: string[] };
type Output = { star: false; name: string | null } | { star: true; qualifier: string | null };
interface Branch {
  scope: Scope;
  outputs: Output[];
}
interface QueryInfo {
  id: number;
  branches: Branch[];
}
interface Scope {
  rels: Map<string, Rel>;
  parent: Scope | null;
  ctes: ReadonlyMap<string, QueryInfo>;
}
interface Reads {
  relation: TableParts;
  columns: Set<string>;
  all: boolean;
  ambiguous: Set<string>;
}

/** Parses `sql` and reports, for every table it reads, the columns read. */
export function readColumnsOfSql(sql: string, dialect: string): SqlReadResult {
  const parsed = parseQueries(sql, dialect);
  if (!parsed.ok) return parsed;
  const collector = new ReadCollector();
  for (const query of parsed.queries) collector.topLevel(query);
  return { ok: true, relations: collector.result(), dialect: parsed.dialect };
}

class ReadCollector {
  private readonly reads = new Map<string, Reads>();
  private nextId = 0;

  topLevel(select: AstNode): void {
    this.expandStars(this.query(select, null, new Map()));
  }

  result(): RelationReads[] {
    return [...this.reads.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => ({
        relation: r.relation,
        columns: [...r.columns].sort(),
        all: r.all,
        ambiguous: [...r.ambiguous].sort(),
      }));
  }

  /** A query with its WITH list; CTEs are registered before their body so WITH RECURSIVE finds itself. */
  private query(select: AstNode, parent: Scope | null, ctes: ReadonlyMap<string, QueryInfo>): QueryInfo {
    const local = new Map(ctes);
    for (const cte of asArray(select.with)) {
      if (!isNode(cte)) continue;
      const name = identifier(cte.name);
      const body = isSelect(cte.stmt) ? cte.stmt : subquery(cte.stmt);
      if (name === null || body === null) continue;
      const info: QueryInfo = { id: this.nextId++, branches: [] };
      local.set(name, info);
      info.branches.push(...renameOutputs(this.query(body, parent, local).branches, cte.columns));
    }
    return { id: this.nextId++, branches: selectBranches(select).map((b) => this.branch(b, parent, local)) };
  }

  private branch(select: AstNode, parent: Scope | null, ctes: ReadonlyMap<string, QueryInfo>): Branch {
    const scope: Scope = { rels: new Map(), parent, ctes };
    for (const item of asArray(select.from)) if (isNode(item)) this.fromItem(item, scope);
    const items = select.columns === '*' ? [{ expr: { type: 'column_ref', table: null, column: '*' } }] : asArray(select.columns);
    const outputs: Output[] = [];
    for (const item of items) {
      if (!isNode(item)) continue;
      const ref = isNode(item.expr) ? columnRef(item.expr) : null;
      if (ref?.column === '*') {
        outputs.push({ star: true, qualifier: ref.qualifier });
        continue;
      }
      outputs.push({ star: false, name: identifier(item.as) ?? ref?.column ?? null });
      this.refs(item.expr, scope, null);
    }
    this.refs(select.where, scope, null);
    // ORDER BY / GROUP BY / HAVING may name an output alias instead of an input column
    const aliases = new Set(asArray(select.columns).flatMap((c) => (isNode(c) && identifier(c.as) ? [identifier(c.as) as string] : [])));
    for (const key of ['groupby', 'having', 'orderby', 'qualify', 'window']) this.refs(select[key], scope, aliases);
    return { scope, outputs };
  }

  private fromItem(item: AstNode, scope: Scope): void {
    const alias = typeof item.as === 'string' ? aliasWithColumns(item.as) : null;
    const sub = subquery(item);
    if (sub !== null) {
      const lateral = /lateral/i.test(String(item.prefix ?? ''));
      const query = this.query(sub, lateral ? scope : scope.parent, scope.ctes);
      query.branches = renameOutputs(query.branches, alias?.columns);
      if (alias) scope.rels.set(alias.name, { kind: 'derived', query });
    } else if (item.table !== undefined && item.table !== null) {
      this.tableItem(item, scope, alias?.name ?? null);
    } else {
      this.refs(item.expr, scope, null);
      if (alias) scope.rels.set(alias.name, { kind: 'opaque', columns: alias.columns ?? [alias.name] });
    }
    this.joinCondition(item, scope);
  }

  private tableItem(item: AstNode, scope: Scope, alias: string | null): void {
    const parts = tableParts(item);
    if (parts === null) return;
    const cte = parts.schema === null && parts.catalog === null ? scope.ctes.get(parts.table) : undefined;
    const name = alias ?? parts.table;
    if (cte !== undefined) {
      scope.rels.set(name, { kind: 'derived', query: cte });
      return;
    }
    const key = [parts.catalog ?? '', parts.schema ?? '', parts.table].join('.');
    if (!this.reads.has(key)) this.reads.set(key, { relation: parts, columns: new Set(), all: false, ambiguous: new Set() });
    scope.rels.set(name, { kind: 'base', key });
  }

  /** ON sees every relation so far; USING (col) reads col on both sides. */
  private joinCondition(item: AstNode, scope: Scope): void {
    this.refs(item.on, scope, null);
    const using = asArray(item.using).map(identifier).filter((c): c is string => c !== null);
    if (using.length === 0) return;
    const rels = [...scope.rels.values()];
    const right = rels.at(-1);
    const left: Scope = { rels: new Map([...scope.rels].slice(0, -1)), parent: null, ctes: scope.ctes };
    for (const column of using) {
      if (right) this.demand(right, column, new Set());
      this.resolve(left, { qualifier: null, column }, null);
    }
  }

  /** Every column reference in an expression tree; nested SELECTs become scopes of their own. */
  private refs(node: unknown, scope: Scope, aliases: ReadonlySet<string> | null, inExists = false): void {
    if (Array.isArray(node)) {
      for (const child of node) this.refs(child, scope, aliases, inExists);
      return;
    }
    if (!isNode(node)) return;
    const nested = isSelect(node) ? node : subquery(node);
    if (nested !== null) {
      const info = this.query(nested, scope, scope.ctes);
      // EXISTS (SELECT * …) reads no column through its star; IN (SELECT * …) reads the one it has
      if (!inExists) this.expandStars(info);
      return;
    }
    const ref = columnRef(node);
    if (ref !== null) {
      if (ref.column !== '*') this.resolve(scope, ref, aliases);
      return;
    }
    const exists = inExists || functionName(node) === 'exists' || String(node.operator ?? '').toUpperCase() === 'EXISTS';
    for (const [key, child] of Object.entries(node)) if (!SKIPPED_KEYS.has(key)) this.refs(child, scope, aliases, exists);
  }

  private resolve(scope: Scope, ref: ColumnRefParts, aliases: ReadonlySet<string> | null): void {
    if (ref.qualifier !== null) {
      for (let s: Scope | null = scope; s; s = s.parent) {
        const rel = s.rels.get(ref.qualifier);
        if (rel) return this.demand(rel, ref.column, new Set());
      }
      return; // a struct field or a name outside the query: no table of ours
    }
    if (aliases?.has(ref.column)) return;
    for (let s: Scope | null = scope; s; s = s.parent) {
      const candidates = this.candidates([...new Set(s.rels.values())], ref.column);
      if (candidates.length === 1 && candidates[0]) return this.demand(candidates[0], ref.column, new Set());
      if (candidates.length > 1) return this.ambiguous(candidates, ref.column, new Set());
    }
  }

  private demand(rel: Rel, column: string, seen: Set<string>): void {
    if (rel.kind === 'base') this.reads.get(rel.key)?.columns.add(column);
    if (rel.kind !== 'derived' || !mark(seen, rel.query, column)) return;
    const first = rel.query.branches[0];
    const position = first ? first.outputs.findIndex((o) => !o.star && o.name === column) : -1;
    rel.query.branches.forEach((branch, i) => {
      const at = i > 0 && position >= 0 ? branch.outputs[position] : undefined;
      if (hasOutput(branch, column) || (at !== undefined && !at.star)) return;
      const candidates = this.candidates(starRels(branch), column);
      if (candidates.length === 1 && candidates[0]) this.demand(candidates[0], column, seen);
      else if (candidates.length > 1) this.ambiguous(candidates, column, seen);
    });
  }

  /**
   * The relations an unqualified name can belong to. A valid query names no column two of its relations
   * have, so one that certainly has it (a declared output) rules out tables whose columns we cannot see.
   */
  private candidates(rels: Rel[], column: string): Rel[] {
    const certain = rels.filter((rel) => hasCertainly(rel, column));
    if (certain.length === 1) return certain;
    return rels.filter((rel) => this.couldHave(rel, column, new Set()));
  }

  private couldHave(rel: Rel, column: string, seen: Set<string>): boolean {
    if (rel.kind === 'base') return true;
    if (rel.kind === 'opaque') return rel.columns.includes(column);
    if (!mark(seen, rel.query, column)) return false;
    return rel.query.branches.some(
      (b) => hasOutput(b, column) || starRels(b).some((r) => this.couldHave(r, column, seen)),
    );
  }

  private ambiguous(candidates: Rel[], column: string, seen: Set<string>): void {
    for (const rel of candidates) {
      if (rel.kind === 'base') this.reads.get(rel.key)?.ambiguous.add(column);
      if (rel.kind !== 'derived' || !mark(seen, rel.query, `?${column}`)) continue;
      for (const branch of rel.query.branches) {
        if (hasOutput(branch, column)) continue;
        const inner = starRels(branch).filter((r) => this.couldHave(r, column, new Set()));
        this.ambiguous(inner, column, seen);
      }
    }
  }

  private expandStars(query: QueryInfo, seen = new Set<string>()): void {
    if (!mark(seen, query, '*')) return;
    for (const branch of query.branches) {
      for (const rel of starRels(branch)) {
        if (rel.kind === 'base') {
          const reads = this.reads.get(rel.key);
          if (reads) reads.all = true;
        } else if (rel.kind === 'derived') this.expandStars(rel.query, seen);
      }
    }
  }
}

function mark(seen: Set<string>, query: QueryInfo, column: string): boolean {
  const key = `${query.id}:${column}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

function hasCertainly(rel: Rel, column: string): boolean {
  if (rel.kind === 'opaque') return rel.columns.includes(column);
  const first = rel.kind === 'derived' ? rel.query.branches[0] : undefined;
  return first !== undefined && hasOutput(first, column);
}

function hasOutput(branch: Branch, column: string): boolean {
  return branch.outputs.some((o) => !o.star && o.name === column);
}

/** The relations a branch's stars reach: `t.*` one, `*` every relation of its FROM. */
function starRels(branch: Branch): Rel[] {
  const rels: Rel[] = [];
  for (const output of branch.outputs) {
    if (!output.star) continue;
    if (output.qualifier === null) rels.push(...branch.scope.rels.values());
    else {
      const rel = branch.scope.rels.get(output.qualifier);
      if (rel) rels.push(rel);
    }
  }
  return [...new Set(rels)];
}

/** `WITH x (a, b) AS (…)` and `(…) AS x (a, b)` rename the outputs by position. */
function renameOutputs(branches: Branch[], columns: unknown): Branch[] {
  const names = asArray(columns).map((c) => (typeof c === 'string' ? aliasWithColumns(c).name : identifier(c)));
  if (names.length === 0) return branches;
  return branches.map((b) => ({
    scope: b.scope,
    outputs: b.outputs.map((o, i) => (o.star || names[i] === undefined ? o : { star: false, name: names[i] ?? null })),
  }));
}
