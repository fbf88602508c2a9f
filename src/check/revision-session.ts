// Schemas at named revisions (`diff A B`, `schema --ref/--staged`): a git port, the config, the caches.
import { UserError } from '../cli/errors.js';
import type { Dialect } from '../schema/types.js';
import type { ExtractResult } from '../extract/index.js';
import { openGit } from '../git/open.js';
import type { Snapshot } from '../git/port.js';
import { CHECK_MESSAGES as M } from './messages.js';
import { createSchemaReader } from './schema-at.js';
import { keptGit, type Resident } from './resident.js';
import { openSession, type Session } from './session.js';

export interface RevisionOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  configPath?: string;
  toolVersion: string;
  /** render types for this dialect instead of the config's */
  dialect?: Dialect;
  /** run by a resident server: caches stay open between commands */
  resident?: Resident;
}

export interface RevisionSession {
  session: Session;
  schemaAt(rev: string): Promise<ExtractResult>;
}

/** `:staged` (or `:index`) names the index, `:empty` no files at all; anything else is a git revision. */
export async function withRevisions<T>(options: RevisionOptions, use: (revisions: RevisionSession) => Promise<T>): Promise<T> {
  const port = await openGit(options.cwd, options.env, options.resident ? { kept: keptGit(options.resident) } : {});
  try {
    const info = await port.repoInfo();
    const session = await openSession(port, info, info.toplevel ?? options.cwd, {
      toolVersion: options.toolVersion,
      now: new Date(),
      ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
      ...(options.resident === undefined ? {} : { resident: options.resident }),
    });
    const config = options.dialect === undefined ? session.context.config : { ...session.context.config, dialect: options.dialect };
    const reader = config === session.context.config ? session.context.reader : createSchemaReader(port, config, session.caches);
    const snapshotOf = async (rev: string): Promise<Snapshot> => {
      if (rev === ':staged' || rev === ':index') return { kind: 'index' };
      if (rev === ':empty') return { kind: 'empty' };
      const oid = await port.resolve(rev);
      if (oid === null) throw new UserError(M.unknownRevision(rev), info.isShallow ? M.shallowHint : M.revisionHint);
      return { kind: 'commit', oid };
    };
    const result = await use({ session, schemaAt: async (rev) => reader.schemaAt(await snapshotOf(rev)) });
    if (options.resident) options.resident.defer(session.flush());
    else await session.flush();
    return result;
  } finally {
    await port.close();
  }
}
