// A Marquez server -> OpenLineage graph: namespaces, datasets, /api/v1/lineage and /api/v1/column-lineage.
import type { FetchText } from './fetch.js';
import { redactUrl } from './fetch.js';
import { isJson, LineageInputError, list, obj, parseJson, str, type Json } from './json-text.js';
import { LINEAGE_MESSAGES } from './messages.js';
import {
  addColumnLineage,
  addDataset,
  addJob,
  datasetId,
  emptyGraph,
  type DatasetRef,
  type InputField,
  type OlGraph,
} from './openlineage-graph.js';
import { warehouseRelation } from './openlineage-fragment.js';

export interface MarquezCrawl {
  graph: OlGraph;
  /** every response body, in request order: the source's fingerprint */
  texts: string[];
}

const PAGE = 100;
const MAX_PAGES = 100;
const DEPTH = 20;

export async function crawlMarquez(baseUrl: string, fetchText: FetchText, namespace?: string): Promise<MarquezCrawl> {
  const texts: string[] = [];
  const base = baseUrl.replace(/\/+$/, '');
  const get = async (path: string, expected: string, key: string): Promise<unknown[]> => {
    const url = `${base}${path}`;
    const text = await fetchText(url);
    texts.push(text);
    const body = parseJson(text, redactUrl(url));
    if (!isJson(body) || !Array.isArray(body[key])) throw new LineageInputError(LINEAGE_MESSAGES.marquezShape(redactUrl(url), expected));
    return body[key];
  };
  const namespaces = namespace !== undefined ? [namespace] : (await get('/api/v1/namespaces', '{ namespaces: [...] }', 'namespaces')).flatMap((n) => str(obj(n).name) ?? []);
  const datasets: DatasetRef[] = [];
  for (const ns of namespaces.sort()) {
    for (let page = 0; page < MAX_PAGES; page++) {
      const path = `/api/v1/namespaces/${encodeURIComponent(ns)}/datasets?limit=${PAGE}&offset=${page * PAGE}`;
      const found = (await get(path, '{ datasets: [...] }', 'datasets')).flatMap((d) => marquezRef(d) ?? []);
      datasets.push(...found);
      if (found.length < PAGE) break;
    }
  }
  const graph = emptyGraph();
  for (const dataset of datasets) {
    if (graph.datasets.has(datasetId(dataset))) continue;
    addMarquezLineage(graph, await get(`/api/v1/lineage?nodeId=${nodeParam(dataset)}&depth=${DEPTH}`, '{ graph: [...] }', 'graph'));
  }
  for (const dataset of datasets) {
    const id = datasetId(dataset);
    const isRead = [...graph.jobs.values()].some((job) => job.inputs.has(id));
    if (!isRead || warehouseRelation(dataset.name) === null) continue;
    const path = `/api/v1/column-lineage?nodeId=${nodeParam(dataset)}&depth=${DEPTH}&withDownstream=true`;
    addMarquezColumnLineage(graph, await get(path, '{ graph: [...] }', 'graph'));
  }
  return { graph, texts };
}

const nodeParam = (ref: DatasetRef): string => encodeURIComponent(datasetId(ref));

/** `{ id: { namespace, name } }` or `{ namespace, name }`. */
function marquezRef(value: unknown): DatasetRef | null {
  const data = obj(value);
  const id = obj(data.id);
  const namespace = str(id.namespace) ?? str(data.namespace);
  const name = str(id.name) ?? str(data.name);
  return namespace && name ? { namespace, name } : null;
}

/** `dataset:<namespace>:<name>`: the namespace may hold colons (`postgres://host:5432`), the name does not. */
function refFromNodeId(id: string): DatasetRef | null {
  const match = /^(?:dataset|job):(.+):([^:]+)$/.exec(id);
  return match ? { namespace: match[1] ?? '', name: match[2] ?? '' } : null;
}

/** Nodes of `GET /api/v1/lineage`: DATASET and JOB nodes with their in and out edges. */
export function addMarquezLineage(graph: OlGraph, nodes: unknown[]): void {
  const refs = new Map<string, DatasetRef>();
  for (const node of nodes.filter(isJson)) {
    const ref = marquezRef(node.data) ?? refFromNodeId(String(node.id));
    if (ref) refs.set(String(node.id), ref);
  }
  const refOf = (id: unknown): DatasetRef | null => refs.get(String(id)) ?? refFromNodeId(String(id));
  for (const node of nodes.filter(isJson)) {
    const ref = refs.get(String(node.id));
    if (!ref) continue;
    const facets = obj(obj(node.data).facets);
    const inEdges = list(node.inEdges).map(obj);
    const outEdges = list(node.outEdges).map(obj);
    if (node.type === 'JOB') {
      const job = addJob(graph, ref, facets);
      for (const edge of inEdges) withRef(refOf(edge.origin), (r) => job.inputs.set(addDataset(graph, r), r));
      for (const edge of outEdges) withRef(refOf(edge.destination), (r) => job.outputs.set(addDataset(graph, r), r));
    } else if (node.type === 'DATASET') {
      // a graph cut at its depth may hold a dataset without the jobs at the ends of its edges
      const id = addDataset(graph, ref, facets);
      for (const edge of outEdges) withRef(refOf(edge.destination), (r) => addJob(graph, r).inputs.set(id, ref));
      for (const edge of inEdges) withRef(refOf(edge.origin), (r) => addJob(graph, r).outputs.set(id, ref));
    }
  }
}

function withRef(ref: DatasetRef | null, use: (ref: DatasetRef) => void): void {
  if (ref) use(ref);
}

/** Nodes of `GET /api/v1/column-lineage`: DATASET_FIELD nodes with the input fields each derives from. */
export function addMarquezColumnLineage(graph: OlGraph, nodes: unknown[]): void {
  const perOutput = new Map<string, { fields: InputField[]; indirect: boolean }>();
  for (const node of nodes.filter(isJson)) {
    if (node.type !== 'DATASET_FIELD') continue;
    const data: Json = obj(node.data);
    const namespace = str(data.namespace);
    const name = str(data.dataset);
    if (!namespace || !name) continue;
    const output = datasetId({ namespace, name });
    const entry = perOutput.get(output) ?? { fields: [], indirect: false };
    for (const input of list(data.inputFields).map(obj)) {
      const ns = str(input.namespace);
      const ds = str(input.dataset);
      const field = str(input.field);
      if (ns && ds && field) entry.fields.push({ namespace: ns, name: ds, field });
      if (Array.isArray(input.transformations)) entry.indirect = true;
    }
    perOutput.set(output, entry);
  }
  for (const job of graph.jobs.values()) {
    for (const output of job.outputs.keys()) {
      const lineage = perOutput.get(output);
      // fields listed without inputs are the dataset itself, not lineage: they prove nothing about readers
      if (lineage && lineage.fields.length > 0 && !job.columnLineage.has(output)) addColumnLineage(job, output, lineage);
    }
  }
}
