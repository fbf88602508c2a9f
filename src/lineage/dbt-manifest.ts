// dbt manifest.json (v7–v12) -> lineage fragment: sources matched to app tables, readers at column level.
import { childMap, dbtNode, isConsumerType, manifestResources, resourceType } from './dbt-nodes.js';
import { isJson, LineageInputError, obj, parseJson, str, type Json } from './json-text.js';
import { appTablesFor, type WarehouseConfig } from './matching.js';
import { LINEAGE_MESSAGES } from './messages.js';
import { readColumnsOfSql, type SqlReadResult } from './sql-columns.js';
import { sqlDialectFor } from './sql-parse.js';
import type { TableParts } from './sql-ast.js';
import type { LineageFragment, LineageNode, SnapshotTable, TableReader } from './types.js';

export interface DbtManifestOptions {
  /** snapshot id of the source (`dbt:<location>`) */
  sourceId: string;
  /** how errors name the input: its path or URL */
  label: string;
  warehouse?: WarehouseConfig;
}

const SQL_RESOURCES: ReadonlySet<string> = new Set(['model', 'snapshot', 'analysis']);

interface DbtSource {
  id: string;
  database: string | null;
  schema: string;
  table: string;
  relationName: string;
}

export function parseDbtManifest(text: string, options: DbtManifestOptions): LineageFragment {
  const manifest = parseJson(text, options.label);
  if (!isJson(manifest)) throw new LineageInputError(LINEAGE_MESSAGES.notAManifest(options.label));
  checkVersion(manifest, options.label);
  const resources = manifestResources(manifest);
  const children = childMap(manifest, resources);
  const reader = new ReaderAnalysis(resources, sqlDialectFor(str(obj(manifest.metadata).adapter_type)));
  const tables: SnapshotTable[] = [];
  const roots: string[] = [];
  for (const source of dbtSources(manifest)) {
    const names = appTablesFor(source, options.warehouse);
    if (names.length === 0) continue;
    const kids = (children.get(source.id) ?? []).filter((id) => isConsumerType(resourceType(id, resources.get(id))));
    const readers = kids.map((id) => reader.readerOf(id, source));
    roots.push(...kids);
    for (const name of names) tables.push({ ...name, readers });
  }
  return { tables, nodes: reachableNodes(roots, children, resources, manifest, options.sourceId) };
}

function checkVersion(manifest: Json, label: string): void {
  const declared = str(obj(manifest.metadata).dbt_schema_version);
  if (declared === undefined) throw new LineageInputError(LINEAGE_MESSAGES.notAManifest(label));
  const version = Number(/manifest\/v(\d+)/.exec(declared)?.[1]);
  if (!(version >= 7 && version <= 12)) throw new LineageInputError(LINEAGE_MESSAGES.unsupportedManifest(label, declared));
}

/** Sources as the warehouse names them: `identifier` when set (the relation), else `name`. */
function dbtSources(manifest: Json): DbtSource[] {
  return Object.entries(obj(manifest.sources)).flatMap(([id, raw]) => {
    const source = obj(raw);
    const schema = str(source.schema);
    const table = str(source.identifier) ?? str(source.name);
    if (schema === undefined || table === undefined) return [];
    const database = str(source.database) ?? null;
    const relationName = str(source.relation_name) ?? [database, schema, table].filter(Boolean).join('.');
    return [{ id, database, schema, table, relationName }];
  });
}

/** Parses each reader's compiled SQL once, however many sources it reads. */
class ReaderAnalysis {
  private readonly parsed = new Map<string, SqlReadResult | string>();

  constructor(
    private readonly resources: Map<string, Json>,
    private readonly dialect: string,
  ) {}

  readerOf(id: string, source: DbtSource): TableReader {
    const resource = this.resources.get(id);
    const type = resourceType(id, resource);
    if (!SQL_RESOURCES.has(type)) return { node: id, level: 'table', reason: LINEAGE_MESSAGES.tableLevelDependency(type) };
    const result = this.sqlOf(id, resource);
    if (typeof result === 'string') return { node: id, level: 'table', reason: result };
    if (!result.ok) return { node: id, level: 'table', reason: result.reason };
    const reads = result.relations.filter((r) => isSourceRelation(r.relation, source));
    if (reads.length === 0) return { node: id, level: 'table', reason: LINEAGE_MESSAGES.relationNotInSql(source.relationName) };
    const ambiguous = [...new Set(reads.flatMap((r) => r.ambiguous))].sort();
    if (ambiguous.length > 0) return { node: id, level: 'table', reason: LINEAGE_MESSAGES.ambiguousColumns(ambiguous) };
    if (reads.some((r) => r.all)) return { node: id, level: 'column', columns: '*' };
    return { node: id, level: 'column', columns: [...new Set(reads.flatMap((r) => r.columns))].sort() };
  }

  private sqlOf(id: string, resource: Json | undefined): SqlReadResult | string {
    const cached = this.parsed.get(id);
    if (cached !== undefined) return cached;
    const sql = str(resource?.compiled_code) ?? str(resource?.compiled_sql);
    const result = sql === undefined ? LINEAGE_MESSAGES.notCompiled : readColumnsOfSql(sql, this.dialect);
    this.parsed.set(id, result);
    return result;
  }
}

/** A table in the SQL is the source when its name matches and the schema and database, where written, do. */
function isSourceRelation(relation: TableParts, source: DbtSource): boolean {
  const eq = (a: string | null, b: string | null): boolean => a === null || b === null || a.toLowerCase() === b.toLowerCase();
  return relation.table === source.table.toLowerCase() && eq(relation.schema, source.schema) && eq(relation.catalog, source.database);
}

/** The readers and everything downstream of them, with children limited to consumer nodes. */
function reachableNodes(
  roots: string[],
  children: Map<string, string[]>,
  resources: Map<string, Json>,
  manifest: Json,
  sourceId: string,
): LineageNode[] {
  const nodes = new Map<string, LineageNode>();
  const queue = [...new Set(roots)];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (nodes.has(id)) continue;
    const node = dbtNode(id, resources.get(id) ?? {}, manifest, sourceId);
    if (node === null) continue;
    node.children = (children.get(id) ?? []).filter((kid) => isConsumerType(resourceType(kid, resources.get(kid)))).sort();
    nodes.set(id, node);
    queue.push(...node.children);
  }
  return [...nodes.values()];
}
