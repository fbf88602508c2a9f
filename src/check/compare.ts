// Two snapshots -> typed changes -> verdict. The heavy part of a check, loaded only when models changed.
import type { Config } from '../config/schema.js';
import { evaluate } from '../engine/evaluate.js';
import type { Verdict } from '../engine/types.js';
import type { Snapshot } from '../git/port.js';
import type { LineageView } from '../rules/types.js';
import type { SchemaChange } from '../schema/changes.js';
import { diffSchemas } from '../schema/diff.js';
import type { Schema } from '../schema/types.js';
import { changeProblems, fileErrors } from './problems.js';
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
  const diffed = diffSchemas(old.schema, now.schema, { directives, renames: context.config.renames });
  const changes = withoutUnreadable(diffed, old.schema, now.schema, changedPaths);
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

/**
 * A changed file that does not parse declares what nobody can tell: the parser recovers around the error, so its
 * tables may seem to lose columns they still have, and a type-less foreign key to them its type. Those changes are
 * left out; the file's error stands for them (unresolved-model, at `onError`'s severity).
 */
function withoutUnreadable(changes: SchemaChange[], before: Schema, after: Schema, changedPaths: ReadonlySet<string>): SchemaChange[] {
  const broken = new Set(fileErrors(after, changedPaths).map((d) => d.file));
  if (broken.size === 0) return changes;
  const key = (schema: string | null, name: string) => `${schema ?? ''}.${name}`;
  const declared = [...before.tables, ...after.tables].filter((t) => t.source && broken.has(t.source.file));
  const unreadable = new Set(declared.map((t) => key(t.schema, t.name)));
  // `schema.table.column` or `table.column`: the table it refers to
  const refersToUnreadable = (target: string) => {
    const parts = target.split('.');
    return unreadable.has(parts.length > 2 ? key(parts.slice(0, -2).join('.'), parts.at(-2)!) : key(null, parts[0]!));
  };
  return changes.filter((change) => {
    if (change.table !== null && unreadable.has(key(change.table.schema, change.table.name))) return false;
    if (change.kind !== 'modify-column') return true;
    return ![...change.before.foreign_keys, ...change.after.foreign_keys].some(refersToUnreadable);
  });
}
