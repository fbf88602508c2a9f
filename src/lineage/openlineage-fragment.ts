// OpenLineage graph -> lineage fragment: input datasets matched to app tables, the jobs reading them, downstream.
import { appTablesFor, type WarehouseConfig, type WarehouseRelation } from './matching.js';
import { LINEAGE_MESSAGES } from './messages.js';
import { datasetId, jobId, type DatasetRef, type OlGraph, type OlJob } from './openlineage-graph.js';
import { readColumnsOfSql } from './sql-columns.js';
import { GENERIC_DIALECT, sqlDialectFor } from './sql-parse.js';
import type { LineageFragment, LineageNode, SnapshotTable, TableReader } from './types.js';

export interface OpenLineageOptions {
  sourceId: string;
  /** only datasets in this namespace can be app tables */
  namespace?: string;
  warehouse?: WarehouseConfig;
}

export function openLineageFragment(graph: OlGraph, options: OpenLineageOptions): LineageFragment {
  const tables: SnapshotTable[] = [];
  const roots: string[] = [];
  for (const [id, dataset] of [...graph.datasets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (options.namespace !== undefined && dataset.namespace !== options.namespace) continue;
    const relation = warehouseRelation(dataset.name);
    const names = relation === null ? [] : appTablesFor(relation, options.warehouse);
    const readers = [...graph.jobs.values()].filter((job) => job.inputs.has(id));
    if (names.length === 0 || readers.length === 0) continue;
    const tableReaders = readers.map((job) => readerOf(job, dataset));
    roots.push(...readers.map(jobId));
    for (const name of names) tables.push({ ...name, readers: tableReaders });
  }
  return { tables, nodes: reachable(graph, roots, options.sourceId) };
}

/** `schema.table` or `db.schema.table`; a bare name has no schema to match and is no app table. */
export function warehouseRelation(name: string): WarehouseRelation | null {
  const parts = name.split('.');
  if (parts.length === 2) return { database: null, schema: parts[0] ?? '', table: parts[1] ?? '' };
  if (parts.length === 3) return { database: parts[0] ?? null, schema: parts[1] ?? '', table: parts[2] ?? '' };
  return null;
}

/**
 * Column level when the job's SQL (sql facet) parses and names the dataset, or when every output has column
 * lineage that also reports indirect use. Older facets list only the columns copied into outputs, not those
 * read in joins and filters, so alone they cannot prove a column unread: then the columns they list are
 * added to the SQL's, or the reader is table level.
 */
function readerOf(job: OlJob, dataset: DatasetRef): TableReader {
  const node = jobId(job);
  const fromSql = sqlColumns(job, dataset);
  const facet = facetColumns(job, dataset);
  if (fromSql === '*') return { node, level: 'column', columns: '*' };
  if (fromSql === null && (facet === null || !facet.complete)) {
    const reason = facet === null ? LINEAGE_MESSAGES.noColumnLineage : LINEAGE_MESSAGES.directLineageOnly;
    return { node, level: 'table', reason };
  }
  return { node, level: 'column', columns: [...new Set([...(fromSql ?? []), ...(facet?.columns ?? [])])].sort() };
}

function facetColumns(job: OlJob, dataset: DatasetRef): { columns: string[]; complete: boolean } | null {
  const outputs = [...job.outputs.keys()];
  if (outputs.length === 0 || outputs.some((id) => !job.columnLineage.has(id))) return null;
  const id = datasetId(dataset);
  const fields = [...job.columnLineage.values()].flat().filter((f) => datasetId(f) === id);
  return { columns: fields.map((f) => f.field.toLowerCase()), complete: outputs.every((o) => job.indirectLineage.has(o)) };
}

function sqlColumns(job: OlJob, dataset: DatasetRef): string[] | '*' | null {
  if (job.sql === undefined) return null;
  const result = readColumnsOfSql(job.sql, dialectOfNamespace(dataset.namespace));
  if (!result.ok) return null;
  const parts = dataset.name.toLowerCase().split('.').reverse();
  const reads = result.relations.filter(
    (r) =>
      r.relation.table === parts[0] &&
      (r.relation.schema === null || r.relation.schema === parts[1]) &&
      (r.relation.catalog === null || r.relation.catalog === parts[2]),
  );
  if (reads.length === 0 || reads.some((r) => r.ambiguous.length > 0)) return null;
  if (reads.some((r) => r.all)) return '*';
  return reads.flatMap((r) => r.columns);
}

/** `postgres://host:5432`, `bigquery`, `snowflake://account`: the scheme names the SQL dialect. */
function dialectOfNamespace(namespace: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*)(:\/\/|$)/i.exec(namespace)?.[1];
  return scheme === undefined ? GENERIC_DIALECT : sqlDialectFor(scheme);
}

function reachable(graph: OlGraph, roots: string[], source: string): LineageNode[] {
  const nodes = new Map<string, LineageNode>();
  const queue = [...new Set(roots)];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (nodes.has(id)) continue;
    const node = olNode(graph, id, source);
    if (node === null) continue;
    nodes.set(id, node);
    queue.push(...node.children);
  }
  return [...nodes.values()];
}

function olNode(graph: OlGraph, id: string, source: string): LineageNode | null {
  const job = graph.jobs.get(id);
  if (job) {
    const node: LineageNode = { id, type: 'job', name: job.name, owners: [...job.owners].sort(), source, children: [...job.outputs.keys()].sort() };
    if (job.url) node.url = job.url;
    return node;
  }
  const dataset = graph.datasets.get(id);
  if (!dataset) return null;
  const children = [...graph.jobs.values()].filter((j) => j.inputs.has(id)).map(jobId).sort();
  return { id, type: 'dataset', name: dataset.name, owners: [...dataset.owners].sort(), source, children };
}
