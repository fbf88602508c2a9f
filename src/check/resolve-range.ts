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
 * One range per pushed ref. An existing remote ref compares from its merge base with what is pushed (so a
 * force push is checked against what the remote had in common with it); a new branch from its merge base
 * with the upstream default, or from nothing when there is none.
 */
export async function rangesForPush(port: GitPort, refs: PushedRef[], isShallow: boolean): Promise<CommitRange[]> {
  const ranges: CommitRange[] = [];
  for (const ref of refs) {
    const head = { kind: 'commit' as const, oid: ref.localOid };
    const known = ref.remoteOid === null ? null : await port.resolve(ref.remoteOid);
    let base: string | null = known === null ? null : await port.mergeBase(known, ref.localOid);
    if (base === null) base = await defaultBase(port, ref.localOid, isShallow).catch(() => null);
    if (base === ref.localOid) continue;
    ranges.push({
      base: base === null ? { kind: 'empty' } : { kind: 'commit', oid: base },
      head,
      label: `${ref.localRef} -> ${ref.remoteRef}`,
    });
  }
  return ranges;
}
