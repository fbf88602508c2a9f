// OpenLineage events (a JSON array, one event, or NDJSON) -> jobs, datasets, columnLineage and ownership.
import { isJson, LineageInputError, list, obj, parseJson, str, type Json } from './json-text.js';
import { LINEAGE_MESSAGES } from './messages.js';
import {
  addColumnLineage,
  addDataset,
  addJob,
  columnLineageInputs,
  emptyGraph,
  type DatasetRef,
  type OlGraph,
} from './openlineage-graph.js';

interface LocatedEvent {
  event: unknown;
  /** `:line` for NDJSON, ` (event n)` for an array */
  where: string;
}

export function parseOpenLineageEvents(text: string, label: string): OlGraph {
  const graph = emptyGraph();
  for (const { event, where } of splitEvents(text, label)) addEvent(graph, event, label, where);
  return graph;
}

function splitEvents(text: string, label: string): LocatedEvent[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    return list(parseJson(text, label)).map((event, i) => ({ event, where: ` (event ${i + 1})` }));
  }
  const lines = text.split('\n');
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length > 1 && nonEmpty.every((l) => l.trim().startsWith('{'))) {
    return lines.flatMap((line, i) => {
      if (line.trim() === '') return [];
      const lineLabel = `${label}:${i + 1}`;
      return [{ event: parseJson(line, lineLabel), where: `:${i + 1}` }];
    });
  }
  return [{ event: parseJson(text, label), where: '' }];
}

function addEvent(graph: OlGraph, event: unknown, label: string, where: string): void {
  const job = obj(isJson(event) ? event.job : undefined);
  const namespace = str(job.namespace);
  const name = str(job.name);
  if (!isJson(event) || namespace === undefined || name === undefined) {
    throw new LineageInputError(LINEAGE_MESSAGES.notOpenLineage(label, where));
  }
  const olJob = addJob(graph, { namespace, name }, obj(job.facets));
  for (const input of list(event.inputs)) {
    const ref = datasetRef(input);
    if (ref) olJob.inputs.set(addDataset(graph, ref, obj(obj(input).facets)), ref);
  }
  for (const output of list(event.outputs)) {
    const ref = datasetRef(output);
    if (!ref) continue;
    const facets = obj(obj(output).facets);
    const id = addDataset(graph, ref, facets);
    olJob.outputs.set(id, ref);
    if (isJson(facets.columnLineage)) addColumnLineage(olJob, id, columnLineageInputs(facets.columnLineage));
  }
}

function datasetRef(value: unknown): DatasetRef | null {
  const d: Json = obj(value);
  const namespace = str(d.namespace);
  const name = str(d.name);
  return namespace && name ? { namespace, name } : null;
}
