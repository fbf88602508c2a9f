// Compares each range's snapshots and judges them, honouring overrides recorded in commit trailers.
import { applyRecordedOverrides, findingKey, mergeVerdicts } from '../engine/recorded-overrides.js';
import type { Verdict } from '../engine/types.js';
import type { GitPort, RepoInfo, Snapshot } from '../git/port.js';
import type { SchemaChange } from '../schema/changes.js';
import { compareSnapshots, type CompareContext, type Comparison } from './compare.js';
import { newToEveryParent } from './merge-filter.js';
import { clearOverrideRecord, writeOverrideRecord } from './override-record.js';
import type { CheckOptions } from './run-check.js';
import type { CommitRange } from './resolve-range.js';
import { openSession } from './session.js';
import { parseOverrideTrailer } from './trailers.js';

interface Pair {
  before: Snapshot;
  after: Snapshot;
  commits?: CommitRange;
  /** a merge being concluded: its other parents */
  mergeHeads?: string[];
}

export interface Judged {
  changes: SchemaChange[];
  verdict: Verdict;
  notes: string[];
}

export async function judgeRanges(port: GitPort, info: RepoInfo, pairs: Pair[], touched: Set<string>[], options: CheckOptions): Promise<Judged> {
  const root = info.toplevel ?? options.cwd;
  const opening = performance.now();
  const session = await openSession(port, info, root, {
    toolVersion: options.toolVersion,
    now: options.now,
    ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    ...(options.trace === undefined ? {} : { trace: options.trace }),
    ...(options.resident === undefined ? {} : { resident: options.resident }),
  });
  options.trace?.(`configuration, caches and lineage opened in ${Math.round(performance.now() - opening)} ms`);
  const changes: SchemaChange[] = [];
  const verdicts: Verdict[] = [];
  for (const [index, pair] of pairs.entries()) {
    const paths = touched[index] ?? new Set<string>();
    if (paths.size === 0) continue;
    const compared = await compareSnapshots(session.context, pair.before, pair.after, paths, options.overrideReason);
    const result = pair.mergeHeads === undefined ? compared : await mergeOwn(port, session.context, compared, pair, options.overrideReason);
    changes.push(...result.changes);
    const recorded = pair.commits === undefined ? new Map<string, string>() : await trailerOverrides(port, session.context, pair.commits);
    verdicts.push(applyRecordedOverrides(result.verdict, recorded));
  }
  const verdict = mergeVerdicts(verdicts);
  if (options.target.kind === 'staged') await recordForCommitMsg(info.gitDir, verdict, options.now);
  if (options.resident) options.resident.defer(session.flush());
  else await session.flush();
  return { changes, verdict, notes: session.notes };
}

/**
 * Findings that commits of the range overrode with a `Schemaguard-Override:` trailer: each such commit is judged
 * on its own (parent -> commit) with its trailer's reason, so a `--no-verify` commit without one overrides nothing.
 */
async function trailerOverrides(port: GitPort, context: CompareContext, range: CommitRange): Promise<Map<string, string>> {
  const recorded = new Map<string, string>();
  const base = range.base.kind === 'commit' ? range.base.oid : null;
  for (const oid of await port.revList(base, range.head.oid)) {
    const trailer = parseOverrideTrailer(await port.commitMessage(oid));
    if (trailer === null) continue;
    const [parent] = await port.parents(oid);
    const before: Snapshot = parent === undefined ? { kind: 'empty' } : { kind: 'commit', oid: parent };
    const after: Snapshot = { kind: 'commit', oid };
    const { verdict } = await compareSnapshots(context, before, after, await changedPaths(port, before, after), trailer.reason);
    for (const finding of verdict.findings) if (finding.overridden) recorded.set(findingKey(finding), trailer.reason);
  }
  return recorded;
}

/** What a merge commit itself changes: HEAD's comparison kept to what also differs from each other parent. */
async function mergeOwn(port: GitPort, context: CompareContext, head: Comparison, pair: Pair, overrideReason: string | null) {
  const others: Comparison[] = [];
  for (const oid of pair.mergeHeads ?? []) {
    const before: Snapshot = { kind: 'commit', oid };
    others.push(await compareSnapshots(context, before, pair.after, await changedPaths(port, before, pair.after), overrideReason));
  }
  return newToEveryParent(head, others);
}

async function changedPaths(port: GitPort, before: Snapshot, after: Snapshot): Promise<Set<string>> {
  const changed = await port.changedFiles(before, after);
  return new Set(changed.flatMap((c) => [c.path, ...(c.oldPath === undefined ? [] : [c.oldPath])]));
}

async function recordForCommitMsg(gitDir: string, verdict: Verdict, now: Date): Promise<void> {
  if (verdict.override === null || verdict.blocked) await clearOverrideRecord(gitDir);
  else await writeOverrideRecord(gitDir, verdict.override, now);
}
