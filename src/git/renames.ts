// Pairs deletions with additions the way `git diff -M` does (diffcore-rename.c), for the isomorphic-git backend.
import type { FileChange } from './port.js';
import { DEFAULT_RENAME_SCORE, estimateSimilarity, hashSpans, MAX_SCORE, type SimilarityInput } from './similarity.js';

export type RenameBlobs = (oids: string[]) => Promise<Map<string, Uint8Array>>;

/** diff.renameLimit's default: above limit² candidate pairs git gives up on inexact renames */
const RENAME_LIMIT = 1000;
const CANDIDATES_PER_DST = 4;
/** find_basename_matches requires half-way between the rename threshold and identity */
const BASENAME_SCORE = DEFAULT_RENAME_SCORE + Math.floor(0.5 * (MAX_SCORE - DEFAULT_RENAME_SCORE));

type Added = FileChange & { newOid: string };
type Deleted = FileChange & { oldOid: string };
interface Pair {
  src: number;
  dst: number;
  score: number;
  nameScore: number;
}

export async function detectRenames(changes: FileChange[], readBlobs: RenameBlobs): Promise<FileChange[]> {
  const srcs = changes.filter((c): c is Deleted => c.status === 'D');
  const dsts = changes.filter((c): c is Added => c.status === 'A');
  if (srcs.length === 0 || dsts.length === 0) return changes;
  const match = new Map<number, number>();
  const used = new Set<number>();
  const record = (dst: number, src: number): void => {
    match.set(dst, src);
    used.add(src);
  };
  findExact(srcs, dsts, record);
  const openSrcs = srcs.map((_, i) => i).filter((i) => !used.has(i));
  const openDsts = dsts.map((_, i) => i).filter((i) => !match.has(i));
  if (openSrcs.length > 0 && openDsts.length > 0) {
    const oids = [...openSrcs.map((i) => srcs[i]!.oldOid), ...openDsts.map((i) => dsts[i]!.newOid)];
    const input = similarityInputs(await readBlobs([...new Set(oids)]));
    findByBasename(srcs, dsts, openSrcs, openDsts, input, record);
    findInexact(srcs, dsts, openSrcs.filter((i) => !used.has(i)), openDsts.filter((i) => !match.has(i)), input, record);
  }
  return collapse(changes, srcs, dsts, match);
}

/** find_exact_renames: same blob id (and same mode unless both are regular files); same basename preferred. */
function findExact(srcs: Deleted[], dsts: Added[], record: (dst: number, src: number) => void): void {
  const used = new Set<number>();
  dsts.forEach((dst, d) => {
    let best = -1;
    let bestScore = -1;
    srcs.forEach((src, s) => {
      if (bestScore === 2 || used.has(s) || src.oldOid !== dst.newOid) return;
      const isRegular = src.oldMode !== '120000' && dst.newMode !== '120000';
      if (!isRegular && src.oldMode !== dst.newMode) return;
      const score = 1 + basenameSame(src.path, dst.path);
      if (score > bestScore) [best, bestScore] = [s, score];
    });
    if (best !== -1) {
      used.add(best);
      record(d, best);
    }
  });
}

/** find_basename_matches: a source and a destination whose basenames are unique on both sides. */
function findByBasename(
  srcs: Deleted[],
  dsts: Added[],
  openSrcs: number[],
  openDsts: number[],
  input: (c: FileChange, side: 'old' | 'new') => SimilarityInput,
  record: (dst: number, src: number) => void,
): void {
  const srcByName = uniqueByBasename(openSrcs, (i) => srcs[i]!.path);
  const dstByName = uniqueByBasename(openDsts, (i) => dsts[i]!.path);
  for (const s of openSrcs) {
    const name = basename(srcs[s]!.path);
    const d = dstByName.get(name);
    if (srcByName.get(name) !== s || d === undefined || d === -1) continue;
    const score = estimateSimilarity(input(srcs[s]!, 'old'), input(dsts[d]!, 'new'), BASENAME_SCORE);
    if (score >= BASENAME_SCORE) record(d, s);
  }
}

/** The similarity matrix: the best 4 sources per destination, then greedy by score (and same basename). */
function findInexact(
  srcs: Deleted[],
  dsts: Added[],
  openSrcs: number[],
  openDsts: number[],
  input: (c: FileChange, side: 'old' | 'new') => SimilarityInput,
  record: (dst: number, src: number) => void,
): void {
  if (openSrcs.length === 0 || openDsts.length === 0) return;
  if (openSrcs.length * openDsts.length > RENAME_LIMIT * RENAME_LIMIT) return;
  const pairs: Pair[] = [];
  for (const d of openDsts) {
    const candidates = openSrcs.map((s) => ({
      src: s,
      dst: d,
      score: estimateSimilarity(input(srcs[s]!, 'old'), input(dsts[d]!, 'new'), DEFAULT_RENAME_SCORE),
      nameScore: basenameSame(srcs[s]!.path, dsts[d]!.path),
    }));
    pairs.push(...candidates.sort(comparePairs).slice(0, CANDIDATES_PER_DST));
  }
  const taken = new Set<number>();
  const done = new Set<number>();
  for (const pair of pairs.sort(comparePairs)) {
    if (pair.score < DEFAULT_RENAME_SCORE) break;
    if (done.has(pair.dst) || taken.has(pair.src)) continue;
    done.add(pair.dst);
    taken.add(pair.src);
    record(pair.dst, pair.src);
  }
}

/** score_compare: higher score first, then same basename first; Array.sort is stable like git's STABLE_QSORT. */
const comparePairs = (a: Pair, b: Pair): number => b.score - a.score || b.nameScore - a.nameScore;

/** The original list with each matched add turned into a rename and its delete dropped. */
function collapse(changes: FileChange[], srcs: Deleted[], dsts: Added[], match: Map<number, number>): FileChange[] {
  const renamedFrom = new Set<FileChange>();
  const renames = new Map<FileChange, FileChange>();
  for (const [d, s] of match) {
    const from = srcs[s]!;
    const to = dsts[d]!;
    renamedFrom.add(from);
    renames.set(to, {
      status: 'R',
      path: to.path,
      oldPath: from.path,
      oldOid: from.oldOid,
      newOid: to.newOid,
      ...(from.oldMode && { oldMode: from.oldMode }),
      ...(to.newMode && { newMode: to.newMode }),
    });
  }
  return changes.filter((c) => !renamedFrom.has(c)).map((c) => renames.get(c) ?? c);
}

function similarityInputs(blobs: Map<string, Uint8Array>): (c: FileChange, side: 'old' | 'new') => SimilarityInput {
  const spans = new Map<string, ReturnType<typeof hashSpans>>();
  return (change, side) => {
    const oid = (side === 'old' ? change.oldOid : change.newOid) ?? '';
    const bytes = blobs.get(oid) ?? new Uint8Array();
    const mode = side === 'old' ? change.oldMode : change.newMode;
    return {
      size: bytes.length,
      isRegular: mode !== '120000',
      spans: () => spans.get(oid) ?? spans.set(oid, hashSpans(bytes)).get(oid)!,
    };
  };
}

function uniqueByBasename(indexes: number[], pathOf: (i: number) => string): Map<string, number> {
  const byName = new Map<string, number>();
  for (const i of indexes) {
    const name = basename(pathOf(i));
    byName.set(name, byName.has(name) ? -1 : i);
  }
  return byName;
}

const basename = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** basename_same: 1 when both paths end in the same file name */
const basenameSame = (a: string, b: string): number => (basename(a) === basename(b) ? 1 : 0);
