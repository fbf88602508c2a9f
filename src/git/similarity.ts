// git's rename similarity score (diffcore-delta.c + estimate_similarity in diffcore-rename.c), byte for byte.

/** git scores similarity out of MAX_SCORE; `-M` (50 %) is DEFAULT_RENAME_SCORE */
export const MAX_SCORE = 60000;
export const DEFAULT_RENAME_SCORE = 30000;

const HASHBASE = 107927;
const LF = 0x0a;
const CR = 0x0d;
/** diff.c buffer_is_binary: a NUL in the first 8000 bytes */
const FIRST_FEW_BYTES = 8000;

/** Span counts of a blob: chunks end at LF or after 64 bytes, hashed into ~2^17 buckets. */
export type SpanCounts = Array<[hash: number, count: number]>;

export function hashSpans(buf: Uint8Array): SpanCounts {
  const isText = !buf.subarray(0, FIRST_FEW_BYTES).includes(0);
  const counts = new Map<number, number>();
  let n = 0;
  let accum1 = 0;
  let accum2 = 0;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i] as number;
    // ignore CR in a CRLF pair of a text file
    if (isText && c === CR && i + 1 < buf.length && buf[i + 1] === LF) continue;
    const old1 = accum1;
    accum1 = ((accum1 << 7) ^ (accum2 >>> 25)) >>> 0;
    accum2 = ((accum2 << 7) ^ (old1 >>> 25)) >>> 0;
    accum1 = (accum1 + c) >>> 0;
    if (++n < 64 && c !== LF) continue;
    const hash = ((accum1 + Math.imul(accum2, 0x61)) >>> 0) % HASHBASE;
    counts.set(hash, (counts.get(hash) ?? 0) + n);
    n = 0;
    accum1 = accum2 = 0;
  }
  // as in git, a last chunk without LF and shorter than 64 bytes is not counted
  return [...counts.entries()].sort((a, b) => a[0] - b[0]);
}

/** Bytes of dst that were copied from src (diffcore_count_changes' src_copied). */
function copiedBytes(src: SpanCounts, dst: SpanCounts): number {
  let copied = 0;
  let d = 0;
  for (const [hash, srcCount] of src) {
    while (d < dst.length && (dst[d] as [number, number])[0] < hash) d++;
    const match = dst[d];
    if (match && match[0] === hash) {
      copied += Math.min(srcCount, match[1]);
      d++;
    }
  }
  return copied;
}

export interface SimilarityInput {
  size: number;
  isRegular: boolean;
  spans: () => SpanCounts;
}

/** estimate_similarity: 0..MAX_SCORE, 0 when not both regular files or when the sizes differ too much. */
export function estimateSimilarity(src: SimilarityInput, dst: SimilarityInput, minimumScore: number): number {
  if (!src.isRegular || !dst.isRegular) return 0;
  const maxSize = Math.max(src.size, dst.size);
  const delta = maxSize - Math.min(src.size, dst.size);
  if (maxSize * (MAX_SCORE - minimumScore) < delta * MAX_SCORE) return 0;
  if (dst.size === 0) return 0;
  return Math.floor((copiedBytes(src.spans(), dst.spans()) * MAX_SCORE) / maxSize);
}
