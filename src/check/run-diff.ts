// `schemaguard diff A B`: the typed schema changes between two revisions, without judging them.
import type { SchemaChange } from '../schema/changes.js';
import { diffSchemas } from '../schema/diff.js';
import { withRevisions, type RevisionOptions } from './revision-session.js';

export interface DiffOptions extends RevisionOptions {
  from: string;
  to: string;
}

export async function runDiff(options: DiffOptions): Promise<SchemaChange[]> {
  return withRevisions(options, async ({ session, schemaAt }) => {
    const before = await schemaAt(options.from);
    const after = await schemaAt(options.to);
    return diffSchemas(before.schema, after.schema, { directives: after.directives, renames: session.context.config.renames });
  });
}
