// The hand-written consumers YAML (what no lineage tool knows) -> lineage fragment, errors with file:line.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { LineageInputError, lineColumn } from './json-text.js';
import { LINEAGE_MESSAGES } from './messages.js';
import type { LineageFragment, LineageNode, SnapshotTable, TableReader } from './types.js';

const readSchema = z.strictObject({
  /** the app-side table: `name` or `schema.name`, as SQLAlchemy names it */
  table: z.string().min(1),
  /** omitted: the consumer may read any column (table level); '*': every column; []: none (a row count) */
  columns: z.union([z.array(z.string().min(1)), z.literal('*')]).optional(),
});

const consumerSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "-" and "." only'),
  name: z.string().min(1).optional(),
  kind: z.string().min(1).optional(),
  url: z.string().min(1).optional(),
  owners: z.array(z.string().min(1)).default([]),
  reads: z.array(readSchema).min(1),
});

const fileSchema = z.strictObject({
  version: z.literal(1).optional(),
  consumers: z.array(consumerSchema),
});

type ConsumersFile = z.infer<typeof fileSchema>;

export function parseConsumersFile(text: string, label: string, sourceId: string): LineageFragment {
  const file = validate(text, label);
  const nodes: LineageNode[] = [];
  const tables = new Map<string, SnapshotTable>();
  for (const consumer of file.consumers) {
    const id = `consumer:${consumer.id}`;
    const node: LineageNode = { id, type: 'consumer', name: consumer.name ?? consumer.id, owners: consumer.owners, source: sourceId, children: [] };
    if (consumer.kind) node.kind = consumer.kind;
    if (consumer.url) node.url = consumer.url;
    nodes.push(node);
    for (const read of consumer.reads) {
      const dot = read.table.lastIndexOf('.');
      const name = { schema: dot < 0 ? null : read.table.slice(0, dot), name: read.table.slice(dot + 1) };
      const key = `${name.schema ?? ''}.${name.name}`.toLowerCase();
      const table = tables.get(key) ?? { ...name, readers: [] };
      table.readers.push(readerOf(id, read.columns));
      tables.set(key, table);
    }
  }
  return { tables: [...tables.values()], nodes };
}

function readerOf(node: string, columns: string[] | '*' | undefined): TableReader {
  if (columns === undefined) return { node, level: 'table', reason: LINEAGE_MESSAGES.noColumnsDeclared };
  if (columns === '*') return { node, level: 'column', columns: '*' };
  return { node, level: 'column', columns: [...new Set(columns.map((c) => c.toLowerCase()))].sort() };
}

function validate(text: string, label: string): ConsumersFile {
  const doc = parseDocument(text, { prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const where = `:${lineColumn(text, syntax.pos[0])}`;
    throw new LineageInputError(LINEAGE_MESSAGES.consumersFile(label, where, syntax.message.split('\n')[0] ?? syntax.code));
  }
  const parsed = fileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    const where = locate(doc, text, path);
    throw new LineageInputError(LINEAGE_MESSAGES.consumersFile(label, where, `${dotted(path)}${issue?.message ?? 'invalid'}`));
  }
  const seen = new Set<string>();
  parsed.data.consumers.forEach((consumer, i) => {
    if (seen.has(consumer.id)) {
      const where = locate(doc, text, ['consumers', i, 'id']);
      throw new LineageInputError(LINEAGE_MESSAGES.consumersFile(label, where, `consumers[${i}].id: "${consumer.id}" is used twice`));
    }
    seen.add(consumer.id);
  });
  return parsed.data;
}

/** `:line:column` of the deepest node of `path` that exists in the document. */
function locate(doc: ReturnType<typeof parseDocument>, text: string, path: (string | number)[]): string {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return `:${lineColumn(text, range[0])}`;
  }
  return '';
}

function dotted(path: (string | number)[]): string {
  if (path.length === 0) return '';
  return `${path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('')}: `;
}
