// OpenLineage jobs and datasets gathered from events or from a Marquez server, before matching to app tables.
import { list, obj, str, type Json } from './json-text.js';

export interface DatasetRef {
  namespace: string;
  name: string;
}

/** An input field feeding an output field, from a columnLineage facet or Marquez's column lineage. */
export interface InputField extends DatasetRef {
  field: string;
}

export interface OlJob {
  namespace: string;
  name: string;
  inputs: Map<string, DatasetRef>;
  outputs: Map<string, DatasetRef>;
  /** per output dataset id: the input fields its columns derive from (outputs without the facet are absent) */
  columnLineage: Map<string, InputField[]>;
  /** outputs whose lineage also lists the fields read indirectly (joins, filters): facet 1-2-0 and later */
  indirectLineage: Set<string>;
  /** the job's SQL (sql facet), when it reports one */
  sql?: string;
  owners: string[];
  url?: string;
}

export interface OlDataset extends DatasetRef {
  owners: string[];
}

export interface OlGraph {
  jobs: Map<string, OlJob>;
  datasets: Map<string, OlDataset>;
}

/** Marquez's node ids, used as our node ids too. */
export const datasetId = (ref: DatasetRef): string => `dataset:${ref.namespace}:${ref.name}`;
export const jobId = (ref: DatasetRef): string => `job:${ref.namespace}:${ref.name}`;

export function emptyGraph(): OlGraph {
  return { jobs: new Map(), datasets: new Map() };
}

export function addDataset(graph: OlGraph, ref: DatasetRef, facets: Json = {}): string {
  const id = datasetId(ref);
  const dataset = graph.datasets.get(id) ?? { namespace: ref.namespace, name: ref.name, owners: [] };
  addOwners(dataset.owners, facets);
  graph.datasets.set(id, dataset);
  return id;
}

export function addJob(graph: OlGraph, ref: DatasetRef, facets: Json = {}): OlJob {
  const id = jobId(ref);
  const job: OlJob = graph.jobs.get(id) ?? {
    namespace: ref.namespace,
    name: ref.name,
    inputs: new Map(),
    outputs: new Map(),
    columnLineage: new Map(),
    indirectLineage: new Set(),
    owners: [],
  };
  addOwners(job.owners, facets);
  const sql = str(obj(facets.sql).query);
  if (sql) job.sql = sql;
  const url = str(obj(facets.sourceCodeLocation).url);
  if (url) job.url = url;
  graph.jobs.set(id, job);
  return job;
}

/** The ownership facet: `{ owners: [{ name, type? }] }`. */
function addOwners(owners: string[], facets: Json): void {
  for (const owner of list(obj(facets.ownership).owners)) {
    const name = str(obj(owner).name);
    if (name && !owners.includes(name)) owners.push(name);
  }
}

/** Records one output's column lineage for a job. */
export function addColumnLineage(job: OlJob, outputId: string, lineage: ColumnLineage): void {
  job.columnLineage.set(outputId, [...(job.columnLineage.get(outputId) ?? []), ...lineage.fields]);
  if (lineage.indirect) job.indirectLineage.add(outputId);
}

export interface ColumnLineage {
  fields: InputField[];
  /** the facet also reports indirect use (joins, filters), so a column it does not list is not read */
  indirect: boolean;
}

/**
 * A columnLineage facet's input fields: per output field `inputFields`, plus the dataset-wide `dataset` list.
 * Facets before 1-2-0 list only the fields copied or transformed into outputs; 1-2-0 added `dataset` and
 * `transformations` (https://openlineage.io/docs/spec/facets/dataset-facets/column_lineage_facet).
 */
export function columnLineageInputs(facet: Json): ColumnLineage {
  const fields: InputField[] = [];
  let indirect = Array.isArray(facet.dataset);
  const push = (value: unknown): void => {
    const f = obj(value);
    const namespace = str(f.namespace);
    const name = str(f.name);
    const field = str(f.field);
    if (Array.isArray(f.transformations)) indirect = true;
    if (namespace && name && field) fields.push({ namespace, name, field });
  };
  for (const output of Object.values(obj(facet.fields))) list(obj(output).inputFields).forEach(push);
  list(facet.dataset).forEach(push);
  return { fields, indirect };
}
