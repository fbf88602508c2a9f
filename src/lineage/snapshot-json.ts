// Reads a snapshot's text back: JSON syntax, version, shape and references checked, each error naming where.
import { z } from 'zod';
import { isJson, LineageInputError, parseJson } from './json-text.js';
import { LINEAGE_MESSAGES } from './messages.js';
import { NODE_TYPES, SNAPSHOT_VERSION, SOURCE_KINDS, type LineageSnapshot } from './types.js';

const readerSchema = z.discriminatedUnion('level', [
  z.strictObject({ node: z.string().min(1), level: z.literal('column'), columns: z.union([z.array(z.string()), z.literal('*')]) }),
  z.strictObject({ node: z.string().min(1), level: z.literal('table'), reason: z.string() }),
]);

const snapshotSchema = z.strictObject({
  version: z.literal(SNAPSHOT_VERSION),
  generated_at: z.iso.datetime({ offset: true }),
  partial: z.boolean(),
  sources: z.array(
    z.strictObject({
      id: z.string().min(1),
      kind: z.enum(SOURCE_KINDS),
      location: z.string(),
      status: z.enum(['ok', 'failed']),
      fingerprint: z.string().optional(),
      nodes: z.number().int().nonnegative().optional(),
      error: z.string().optional(),
    }),
  ),
  tables: z.array(z.strictObject({ schema: z.string().nullable(), name: z.string().min(1), readers: z.array(readerSchema) })),
  nodes: z.array(
    z.strictObject({
      id: z.string().min(1),
      type: z.enum(NODE_TYPES),
      name: z.string(),
      kind: z.string().optional(),
      url: z.string().optional(),
      owners: z.array(z.string()),
      source: z.string(),
      children: z.array(z.string()),
    }),
  ),
});

export function parseSnapshot(text: string, file: string): LineageSnapshot {
  const raw = parseJson(text, file);
  const version = isJson(raw) ? raw.version : undefined;
  if (typeof version === 'number' && version > SNAPSHOT_VERSION) throw new LineageInputError(LINEAGE_MESSAGES.newerSnapshot(file, version));
  const parsed = snapshotSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    throw new LineageInputError(LINEAGE_MESSAGES.corruptSnapshot(file, path ? ` ${path.replace(/^\./, '')}` : '', issue?.message ?? 'invalid'));
  }
  const snapshot = parsed.data as LineageSnapshot;
  checkReferences(snapshot, file);
  return snapshot;
}

/** Every reader and child names a node the snapshot holds: impact queries follow these ids. */
function checkReferences(snapshot: LineageSnapshot, file: string): void {
  const ids = new Set(snapshot.nodes.map((n) => n.id));
  snapshot.tables.forEach((table, t) =>
    table.readers.forEach((reader, r) => {
      if (!ids.has(reader.node)) throw new LineageInputError(LINEAGE_MESSAGES.corruptSnapshot(file, ` tables[${t}].readers[${r}].node`, `no node "${reader.node}"`));
    }),
  );
  snapshot.nodes.forEach((node, n) =>
    node.children.forEach((child, c) => {
      if (!ids.has(child)) throw new LineageInputError(LINEAGE_MESSAGES.corruptSnapshot(file, ` nodes[${n}].children[${c}]`, `no node "${child}"`));
    }),
  );
}
