// Changes between two file listings: whole-snapshot adds/deletes, and the path-by-path diff isomorphic-git needs.
import { comparePaths } from './parse.js';
import type { FileChange, FileEntry, FileMode } from './port.js';
import { detectRenames, type RenameBlobs } from './renames.js';

export const addedAll = (entries: FileEntry[]): FileChange[] =>
  entries.map((e) => ({ status: 'A', path: e.path, newOid: e.oid, newMode: e.mode }));

export const deletedAll = (entries: FileEntry[]): FileChange[] =>
  entries.map((e) => ({ status: 'D', path: e.path, oldOid: e.oid, oldMode: e.mode }));

const isLink = (mode: FileMode): boolean => mode === '120000';

/** What `git diff-tree -r -M` reports between two listings (renames need blob text: `readBlobs`). */
export async function diffListings(
  before: FileEntry[],
  after: FileEntry[],
  readBlobs: RenameBlobs,
): Promise<FileChange[]> {
  const old = new Map(before.map((e) => [e.path, e]));
  const changes: FileChange[] = [];
  for (const entry of after) {
    const prev = old.get(entry.path);
    old.delete(entry.path);
    if (!prev) changes.push(...addedAll([entry]));
    else if (prev.oid !== entry.oid || prev.mode !== entry.mode) changes.push(modified(prev, entry));
  }
  changes.push(...deletedAll([...old.values()]));
  const withRenames = await detectRenames(changes, readBlobs);
  return withRenames.sort((a, b) => comparePaths(a.path, b.path));
}

function modified(prev: FileEntry, entry: FileEntry): FileChange {
  const status = isLink(prev.mode) === isLink(entry.mode) ? 'M' : 'T';
  return { status, path: entry.path, oldOid: prev.oid, newOid: entry.oid, oldMode: prev.mode, newMode: entry.mode };
}
