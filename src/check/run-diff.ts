// `schemaguard diff A B`: the typed schema changes between two revisions, without judging them.
import { UserError } from '../cli/errors.js';
import { openGit } from '../git/open.js';
import type { Snapshot } from '../git/port.js';
import type { SchemaChange } from '../schema/changes.js';
import { diffSchemas } from '../schema/diff.js';
import { CHECK_MESSAGES as M } from './messages.js';
import { openSession } from './session.js';

export interface DiffOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  from: string;
  to: string;
  configPath?: string;
  toolVersion: string;
}

/** `:staged` (or `:index`) names the index, `:empty` no files at all; anything else is a git revision. */
async function snapshotOf(resolveRev: (rev: string) => Promise<string | null>, rev: string, isShallow: boolean): Promise<Snapshot> {
  if (rev === ':staged' || rev === ':index') return { kind: 'index' };
  if (rev === ':empty') return { kind: 'empty' };
  const oid = await resolveRev(rev);
  if (oid === null) throw new UserError(M.unknownRevision(rev), isShallow ? M.shallowHint : M.revisionHint);
  return { kind: 'commit', oid };
}

export async function runDiff(options: DiffOptions): Promise<SchemaChange[]> {
  const port = await openGit(options.cwd, options.env);
  try {
    const info = await port.repoInfo();
    const resolveRev = (rev: string) => port.resolve(rev);
    const [from, to] = [await snapshotOf(resolveRev, options.from, info.isShallow), await snapshotOf(resolveRev, options.to, info.isShallow)];
    const session = await openSession(port, info, info.toplevel ?? options.cwd, {
      toolVersion: options.toolVersion,
      now: new Date(),
      ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    });
    const [before, after] = [await session.context.reader.schemaAt(from), await session.context.reader.schemaAt(to)];
    await session.flush();
    return diffSchemas(before.schema, after.schema, { directives: after.directives, renames: session.context.config.renames });
  } finally {
    await port.close();
  }
}
