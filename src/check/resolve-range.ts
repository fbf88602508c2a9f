// Which commits a range check compares: --base/--head, the upstream default, and git's pre-push lines.
import type { GitPort, Snapshot } from '../git/port.js';
import { UserError } from '../cli/errors.js';
import { CHECK_MESSAGES as M } from './messages.js';
import type { PushedRef } from './pre-push.js';

export interface CommitRange {
  base: Snapshot;
  head: Snapshot & { kind: 'commit' };
  label: string;
}

async function mustResolve(port: GitPort, rev: string, isShallow: boolean): Promise<string> {
  const oid = await port.resolve(rev);
  if (oid === null) throw new UserError(M.unknownRevision(rev), isShallow ? M.shallowHint : M.revisionHint);
  return oid;
}

/** The default base: where HEAD left its upstream branch, else origin/HEAD. */
async function defaultBase(port: GitPort, head: string, isShallow: boolean): Promise<string> {
  for (const candidate of ['@{upstream}', 'origin/HEAD']) {
    // git rev-parse exits 128 (not 1) for `@{upstream}` of a branch without one, as every new branch is
    // when first pushed: that is "no upstream", so the next candidate is tried
    const upstream = await port.resolve(candidate).catch(() => null);
    if (upstream === null) continue;
    const base = await port.mergeBase(upstream, head);
    if (base !== null) return base;
    if (isShallow) throw new UserError(M.noMergeBase(candidate), M.shallowHint);
  }
  throw new UserError(M.noDefaultBase, M.baseHint);
}

export async function resolveRange(port: GitPort, base: string | undefined, head: string | undefined, isShallow: boolean): Promise<CommitRange> {
  const headOid = await mustResolve(port, head ?? 'HEAD', isShallow);
  const baseOid = base === undefined ? await defaultBase(port, headOid, isShallow) : await mustResolve(port, base, isShallow);
  return {
    base: { kind: 'commit', oid: baseOid },
    head: { kind: 'commit', oid: headOid },
    label: `${base ?? baseOid.slice(0, 12)}..${head ?? 'HEAD'}`,
  };
}

/**
 * Where the commits no remote-tracking ref has yet begin: the parent of the oldest of them (git rev-list
 * <tip> --not --remotes). Null when the remote side is empty (a first push: everything is new) or when
 * every commit is already known.
 */
async function unpushedBase(port: GitPort, tip: string): Promise<Snapshot | 'nothing-new'> {
  const remotes = await port.remoteTips();
  const unpushed = await port.revList(remotes, tip);
  const [oldest] = unpushed;
  if (oldest === undefined) return 'nothing-new';
  const [parent] = await port.parents(oldest);
  return parent === undefined ? { kind: 'empty' } : { kind: 'commit', oid: parent };
}

/**
 * One range per pushed ref. An existing remote ref compares from its merge base with what is pushed (so a
 * force push is checked against what the remote had in common with it); a new branch from where its
 * commits that no remote-tracking ref has begin.
 */
export async function rangesForPush(port: GitPort, refs: PushedRef[]): Promise<CommitRange[]> {
  const ranges: CommitRange[] = [];
  for (const ref of refs) {
    const known = ref.remoteOid === null ? null : await port.resolve(ref.remoteOid);
    const mergeBase = known === null ? null : await port.mergeBase(known, ref.localOid);
    const base = mergeBase === null ? await unpushedBase(port, ref.localOid) : ({ kind: 'commit', oid: mergeBase } as const);
    if (base === 'nothing-new' || (base.kind === 'commit' && base.oid === ref.localOid)) continue;
    ranges.push({ base, head: { kind: 'commit', oid: ref.localOid }, label: `${ref.localRef} -> ${ref.remoteRef}` });
  }
  return ranges;
}
