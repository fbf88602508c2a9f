// Two snapshots -> typed changes -> verdict. The heavy part of a check, loaded only when models changed.
import type { Config } from '../config/schema.js';
import { evaluate } from '../engine/evaluate.js';
import type { Verdict } from '../engine/types.js';
import type { Snapshot } from '../git/port.js';
import type { LineageView } from '../rules/types.js';
import type { SchemaChange } from '../schema/changes.js';
import { diffSchemas } from '../schema/diff.js';
import type { Schema } from '../schema/types.js';
import { changeProblems } from './problems.js';
import type { SchemaReader } from './schema-at.js';

export interface Comparison {
  changes: SchemaChange[];
  verdict: Verdict;
  after: Schema;
}

export interface CompareContext {
  reader: SchemaReader;
  config: Config;
  lineage: LineageView | null;
  today: string;
}

export async function compareSnapshots(
  context: CompareContext,
  before: Snapshot,
  after: Snapshot,
  changedPaths: ReadonlySet<string>,
  overrideReason: string | null,
): Promise<Comparison> {
  const { before: old, after: now } = await context.reader.schemasOf(before, after, changedPaths);
  // comments in files this change does not touch belong to earlier changes: not judged again
  const directives = now.directives.filter((d) => changedPaths.has(d.file));
  const changes = diffSchemas(old.schema, now.schema, { directives, renames: context.config.renames });
  const verdict = evaluate({
    changes,
    after: now.schema,
    directives,
    problems: changeProblems(old.schema, now.schema, changedPaths),
    config: context.config,
    lineage: context.lineage,
    overrideReason,
    today: context.today,
  });
  return { changes, verdict, after: now.schema };
}
