// The bridge from git to the extractor: a snapshot's files, with their text and blob ids.
import type { DecodedSource, FileEntry, GitPort, Snapshot } from './port.js';
import type { SourceFile } from './types.js';

/** Every regular file of the snapshot that passes the filter, read in one batch. */
export async function readSnapshotFiles(
  port: GitPort,
  snapshot: Snapshot,
  filter: (path: string) => boolean,
): Promise<SourceFile[]> {
  return readSourceFiles(port, await port.listFiles(snapshot, filter));
}

/**
 * Text for listed entries; a caller holding a per-blob cache lists first and reads only its misses. `known`
 * holds texts read before (by blob id) and receives those read now: both sides of a change share most blobs.
 * Symlinks are skipped: their blob is a link target, not Python source.
 */
export async function readSourceFiles(port: GitPort, entries: FileEntry[], known = new Map<string, DecodedSource>()): Promise<SourceFile[]> {
  const files = entries.filter((entry) => entry.mode !== '120000');
  const missing = [...new Set(files.map((entry) => entry.oid).filter((oid) => !known.has(oid)))];
  if (missing.length > 0) for (const [oid, decoded] of await port.readBlobs(missing)) known.set(oid, decoded);
  return files.map((entry) => sourceFile(entry.path, known.get(entry.oid) ?? { text: '' }, entry.oid));
}

/** A decoded file; its decoding problem, when there is one, travels with it to the extractor. */
export function sourceFile(path: string, decoded: DecodedSource, oid?: string): SourceFile {
  return { path, text: decoded.text, ...(oid === undefined ? {} : { oid }), ...(decoded.problem ? { decodeProblem: decoded.problem } : {}) };
}
