// `schemaguard check`: staged (pre-commit), a commit range (CI), or git's pre-push refs -> a report.
import { openGit } from '../git/open.js';
import type { FileChange, GitPort, RepoInfo, Snapshot } from '../git/port.js';
import { UserError } from '../cli/errors.js';
import type { Verdict } from '../engine/types.js';
import type { SchemaChange } from '../schema/changes.js';
import type { CheckReport } from '../report/types.js';
import { REPORT_VERSION } from '../report/types.js';
import { CHECK_MESSAGES as M } from './messages.js';
import { clearOverrideRecord } from './override-record.js';
import { parsePrePushInput } from './pre-push.js';
import { rangesForPush, resolveRange, type CommitRange } from './resolve-range.js';
import { noteServerWanted } from '../server/demand.js';
import { keptGit, type Resident } from './resident.js';
import { readMergeHeads } from '../git/merge-heads.js';

export type CheckTarget =
  | { kind: 'staged' }
  | { kind: 'range'; base?: string; head?: string }
  | { kind: 'pre-push'; input: string };

export interface CheckOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  target: CheckTarget;
  configPath?: string;
  overrideReason: string | null;
  now: Date;
  toolVersion: string;
  /** `--debug`: how each schema was obtained */
  trace?: (line: string) => void;
  /** run by a resident server */
  resident?: Resident;
}

const EMPTY_VERDICT: Verdict = { findings: [], blocked: false, override: null, notifications: [] };

/** Python files a change touches: only these can change the schema. */
function touchedPython(changes: FileChange[]): Set<string> {
  const paths = new Set<string>();
  for (const c of changes) {
    if (c.path.endsWith('.py')) paths.add(c.path);
    if (c.oldPath?.endsWith('.py')) paths.add(c.oldPath);
  }
  return paths;
}

export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const port = await openGit(options.cwd, options.env, options.resident ? { kept: keptGit(options.resident) } : {});
  try {
    const info = await port.repoInfo();
    // a server bets that a model changed: git lists the index while it computes the staged set, side by side
    if (options.resident && options.target.kind === 'staged' && !info.isBare) port.prefetch?.([{ kind: 'index' }]);
    const ranges = await rangesOf(port, info, options);
    return await checkRanges(port, info, ranges, options);
  } finally {
    await port.close();
  }
}

type Pair = { before: Snapshot; after: Snapshot; label: string; commits?: CommitRange; mergeHeads?: string[] };

async function rangesOf(port: GitPort, info: RepoInfo, options: CheckOptions): Promise<Pair[]> {
  const { target } = options;
  if (target.kind === 'staged') {
    if (info.isBare) throw new UserError(M.bareRepository, M.bareHint);
    const before: Snapshot = info.headOid === null ? { kind: 'empty' } : { kind: 'commit', oid: info.headOid };
    const mergeHeads = info.headOid === null ? [] : await readMergeHeads(info.gitDir);
    if (mergeHeads.length > 0) return [{ before, after: { kind: 'index' }, label: M.stagedMergeLabel(mergeHeads.length), mergeHeads }];
    return [{ before, after: { kind: 'index' }, label: M.stagedLabel(info.headOid !== null) }];
  }
  const ranges =
    target.kind === 'range'
      ? [await resolveRange(port, target.base, target.head, info.isShallow)]
      : await rangesForPush(port, parsePrePushInput(target.input));
  return ranges.map((r) => ({ before: r.base, after: r.head, label: r.label, commits: r }));
}

async function checkRanges(port: GitPort, info: RepoInfo, pairs: Pair[], options: CheckOptions): Promise<CheckReport> {
  const started = performance.now();
  const touched = await Promise.all(pairs.map(async (p) => touchedPython(await port.changedFiles(p.before, p.after))));
  options.trace?.(`changed Python files: ${touched.reduce((n, paths) => n + paths.size, 0)}, listed in ${Math.round(performance.now() - started)} ms`);
  const compared = pairs.map((p) => p.label).join(', ') || 'nothing to push';
  // the fast path: no Python file changed, so neither config nor parser is loaded
  if (touched.every((paths) => paths.size === 0)) {
    // this commit needs no override: a record an earlier check left (for a commit never made) must not reach its message
    if (options.target.kind === 'staged') await clearOverrideRecord(info.gitDir);
    return report(options, compared, [], EMPTY_VERDICT, []);
  }

  noteServerWanted();
  // git lists both sides and starts its object reader while the extractor's code loads
  port.prefetch?.(pairs.flatMap((p, i) => ((touched[i]?.size ?? 0) > 0 ? [p.before, p.after] : [])));
  const { judgeRanges } = await import('./judge.js');
  const judged = await judgeRanges(port, info, pairs, touched, options);
  return report(options, compared, judged.changes, judged.verdict, judged.notes);
}

function report(options: CheckOptions, compared: string, changes: SchemaChange[], verdict: Verdict, notes: string[]): CheckReport {
  return { version: REPORT_VERSION, tool: { name: 'schemaguard', version: options.toolVersion }, compared, changes, verdict, notes };
}
