// Revision names and history walks for the isomorphic-git backend: refs, object ids, ~N and ^N, rev-list.
import { GitError } from './errors.js';
import type { IsoObjects } from './iso-objects.js';
import { gitMessages } from './messages.js';
import { parseCommit } from './parse.js';

/** `<base>` then any of `~`, `~N`, `^`, `^N`, `^{commit}` (https://git-scm.com/docs/gitrevisions) */
const REVISION = /^([^~^:@{}\s]+|@)((?:~\d*|\^\d*|\^\{commit\})*)$/;
const STEP = /~(\d*)|\^\{commit\}|\^(\d*)/g;

export async function resolveRevision(objects: IsoObjects, rev: string): Promise<string | null> {
  const match = REVISION.exec(rev);
  if (!match || rev.includes('..')) throw new GitError(gitMessages.isoRevision(rev));
  const base = match[1] === '@' ? 'HEAD' : (match[1] ?? '');
  let oid = await peelToCommit(objects, await resolveBase(objects, base));
  for (const step of (match[2] ?? '').matchAll(STEP)) {
    if (oid === null) return null;
    if (step[0] === '^{commit}') continue;
    const [count, nth] = step[1] !== undefined ? [Number(step[1] || 1), 1] : [1, Number(step[2] || 1)];
    for (let i = 0; i < count && oid !== null; i++) oid = nth === 0 ? oid : await nthParent(objects, oid, nth);
  }
  return oid;
}

async function resolveBase(objects: IsoObjects, base: string): Promise<string | null> {
  if (/^[0-9a-f]{40}$/.test(base)) return base;
  const ref = await objects.resolveRef(base);
  if (ref !== null) return ref;
  return /^[0-9a-f]{4,39}$/.test(base) ? objects.expandShortOid(base) : null;
}

/** Follows annotated tags to the commit they name; null for anything else. */
async function peelToCommit(objects: IsoObjects, oid: string | null): Promise<string | null> {
  for (let current = oid, depth = 0; current !== null && depth < 16; depth++) {
    const object = await objects.read(current);
    if (object?.type === 'commit') return current;
    if (object?.type !== 'tag') return null;
    current = /^object ([0-9a-f]+)$/m.exec(Buffer.from(object.content).toString('utf8'))?.[1] ?? null;
  }
  return null;
}

async function nthParent(objects: IsoObjects, oid: string, nth: number): Promise<string | null> {
  return (await parentsOf(objects, oid))[nth - 1] ?? null;
}

/** Parents as rev-list sees them: none for the commits a shallow clone was cut at. */
async function walkParents(objects: IsoObjects, oid: string): Promise<string[]> {
  return (await objects.shallowCommits()).has(oid) ? [] : parentsOf(objects, oid);
}

export async function readCommitText(objects: IsoObjects, oid: string): Promise<string> {
  const object = await objects.read(oid);
  if (!object) throw new GitError(gitMessages.missingObject(oid));
  if (object.type !== 'commit') throw new GitError(gitMessages.notACommit(oid));
  return Buffer.from(object.content).toString('utf8');
}

const parentsOf = async (objects: IsoObjects, oid: string): Promise<string[]> =>
  parseCommit(await readCommitText(objects, oid)).parents;

/** `git rev-list --topo-order --reverse head ^base`: parents before children. */
export async function listRevisions(objects: IsoObjects, bases: readonly string[], head: string): Promise<string[]> {
  const excluded = new Set<string>();
  for (const base of bases) for (const oid of await ancestors(objects, base)) excluded.add(oid);
  const seen = new Set<string>();
  const order: string[] = [];
  const stack: Array<[oid: string, isExpanded: boolean]> = [[head, false]];
  while (stack.length > 0) {
    const [oid, isExpanded] = stack.pop() as [string, boolean];
    if (isExpanded) {
      order.push(oid);
      continue;
    }
    if (seen.has(oid) || excluded.has(oid)) continue;
    seen.add(oid);
    stack.push([oid, true]);
    const parents = await walkParents(objects, oid);
    for (const parent of [...parents].reverse()) stack.push([parent, false]);
  }
  return order;
}

async function ancestors(objects: IsoObjects, start: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [start];
  for (let oid = queue.pop(); oid !== undefined; oid = queue.pop()) {
    if (seen.has(oid)) continue;
    seen.add(oid);
    queue.push(...(await walkParents(objects, oid)));
  }
  return seen;
}
