// The lineage snapshot (docs/lineage.md, versioned) and what each source adapter hands to the merge.

export const SNAPSHOT_VERSION = 1;

/** dbt resource types we keep, OpenLineage jobs and datasets, and hand-written consumers. */
export const NODE_TYPES = [
  'model',
  'snapshot',
  'exposure',
  'metric',
  'semantic_model',
  'saved_query',
  'analysis',
  'job',
  'dataset',
  'consumer',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const SOURCE_KINDS = ['dbt', 'openlineage', 'file'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Something downstream of a source table: a dbt model, a dashboard, an OpenLineage job, a spreadsheet. */
export interface LineageNode {
  /** dbt unique_id, `job:<namespace>:<name>`, `dataset:<namespace>:<name>` or `consumer:<id>` */
  id: string;
  type: NodeType;
  name: string;
  /** exposure type (dashboard, notebook…) or a consumer's own kind (spreadsheet, partner feed…) */
  kind?: string;
  url?: string;
  owners: string[];
  /** id of the source that reported the node */
  source: string;
  /** ids of the nodes that read this one */
  children: string[];
}

/**
 * A node that reads a source table directly. `columns` is what it reads, exactly ('*' = every column,
 * [] = none, e.g. `count(*)`); table level means the columns are unknown, and `reason` says why.
 */
export type TableReader =
  | { node: string; level: 'column'; columns: string[] | '*' }
  | { node: string; level: 'table'; reason: string };

/** A source table, keyed by its app-side (SQLAlchemy) name; schema null is the default schema. */
export interface SnapshotTable {
  schema: string | null;
  name: string;
  readers: TableReader[];
}

export interface SnapshotSource {
  /** `dbt:<path or url>`, `openlineage:<path or url>`, `file:<path>`: stable across syncs */
  id: string;
  kind: SourceKind;
  /** path or URL as configured, never a credential */
  location: string;
  status: 'ok' | 'failed';
  /** `sha256:<hex>` of what was read: changes exactly when the source changed */
  fingerprint?: string;
  /** nodes this source reported */
  nodes?: number;
  error?: string;
}

export interface LineageSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** ISO 8601, UTC */
  generated_at: string;
  /** true when `sync --allow-partial` wrote it without some failed sources */
  partial: boolean;
  sources: SnapshotSource[];
  /** sorted by (schema ?? '', name) */
  tables: SnapshotTable[];
  /** sorted by id */
  nodes: LineageNode[];
}

/** What one adapter learnt from one source. */
export interface LineageFragment {
  tables: SnapshotTable[];
  nodes: LineageNode[];
}

/** An app-side table as SQLAlchemy names it: schema null means the default schema (`public`). */
export interface TableName {
  schema: string | null;
  name: string;
}

/** One consumer found by an impact query. */
export interface Consumer {
  id: string;
  type: NodeType;
  name: string;
  kind?: string;
  url?: string;
  owners: string[];
  /** column: the first hop reads the column (or every column) for sure; table: it reads the table, columns unknown */
  level: 'column' | 'table';
  /** node ids from the direct reader of the table down to this consumer */
  via: string[];
  source: string;
}
