// Parses SQL with node-sql-parser in the warehouse's dialect, falling back to a generic one.
import nodeSqlParser from 'node-sql-parser';
import { LINEAGE_MESSAGES } from './messages.js';
import { isNode, isSelect, subquery, type AstNode } from './sql-ast.js';

/** dbt `adapter_type` / OpenLineage namespace scheme -> node-sql-parser database. */
const DIALECTS: Readonly<Record<string, string>> = {
  postgres: 'postgresql',
  postgresql: 'postgresql',
  duckdb: 'postgresql',
  materialize: 'postgresql',
  redshift: 'redshift',
  bigquery: 'bigquery',
  snowflake: 'snowflake',
  mysql: 'mysql',
  mariadb: 'mariadb',
  sqlite: 'sqlite',
  trino: 'trino',
  starburst: 'trino',
  presto: 'trino',
  athena: 'athena',
  databricks: 'hive',
  spark: 'hive',
  hive: 'hive',
  sqlserver: 'transactsql',
  synapse: 'transactsql',
  fabric: 'transactsql',
  mssql: 'transactsql',
  db2: 'db2',
};

/** What we parse with when the warehouse is unknown or its grammar rejects the text. */
export const GENERIC_DIALECT = 'postgresql';

export function sqlDialectFor(adapterType: string | null | undefined): string {
  return DIALECTS[(adapterType ?? '').toLowerCase()] ?? GENERIC_DIALECT;
}

export type ParsedSql = { ok: true; queries: AstNode[]; dialect: string } | { ok: false; reason: string };

let parser: InstanceType<typeof nodeSqlParser.Parser> | undefined;

/**
 * The SELECTs in `sql`: a query, or the query inside INSERT … SELECT / CREATE … AS SELECT.
 * Tries `dialect` first, then the generic grammar, since one dialect's grammar misses constructs another has.
 */
export function parseQueries(sql: string, dialect: string): ParsedSql {
  parser ??= new nodeSqlParser.Parser();
  let firstError: unknown;
  for (const database of dialect === GENERIC_DIALECT ? [dialect] : [dialect, GENERIC_DIALECT]) {
    try {
      const ast: unknown = parser.astify(sql, { database });
      return selectsOf(Array.isArray(ast) ? ast : [ast], database);
    } catch (error) {
      firstError ??= error;
    }
  }
  return { ok: false, reason: describeParseError(firstError, dialect, sql) };
}

function selectsOf(statements: unknown[], dialect: string): ParsedSql {
  const queries: AstNode[] = [];
  for (const statement of statements) {
    const query = queryOf(statement);
    if (query === null) return { ok: false, reason: LINEAGE_MESSAGES.sqlNotAQuery(String(isNode(statement) ? statement.type : '?')) };
    queries.push(query);
  }
  if (queries.length === 0) return { ok: false, reason: LINEAGE_MESSAGES.sqlEmpty };
  return { ok: true, queries, dialect };
}

function queryOf(statement: unknown): AstNode | null {
  if (isSelect(statement)) return statement;
  if (!isNode(statement)) return null;
  for (const key of ['values', 'select', 'query_expr', 'as']) {
    const child = statement[key];
    if (isSelect(child)) return child;
    const sub = subquery(child);
    if (sub !== null) return sub;
  }
  return null;
}

/** Where the parser gave up and the text there: `line 3:19`, `sets ((plan), ())`. */
function describeParseError(error: unknown, dialect: string, sql: string): string {
  const start = isNode(error) && isNode(error.location) && isNode(error.location.start) ? error.location.start : null;
  if (start === null || typeof start.line !== 'number' || typeof start.column !== 'number') {
    const message = error instanceof Error ? error.message : String(error);
    return LINEAGE_MESSAGES.sqlDoesNotParse(dialect, '', message.slice(0, 80));
  }
  const line = sql.split('\n')[start.line - 1] ?? '';
  const near = line.slice(start.column - 1).trim().slice(0, 30) || 'end of text';
  return LINEAGE_MESSAGES.sqlDoesNotParse(dialect, `line ${start.line}:${start.column}`, near);
}
