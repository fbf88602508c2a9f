// Parsers for git's -z plumbing output (raw diff, ls-tree, ls-files -s) and for commit objects.
import { GitError } from './errors.js';
import { gitMessages } from './messages.js';
import type { ChangeStatus, FileChange, FileEntry, FileMode } from './port.js';

const FILE_MODES: ReadonlySet<string> = new Set(['100644', '100755', '120000']);
/** git also records the legacy group-writable mode 100664; it reads back as a plain file */
const LEGACY_FILE_MODE = '100664';

/** The port's mode for a tree/index mode, or null for what is not a file (gitlink, tree, absent). */
export function fileMode(mode: string): FileMode | null {
  if (mode === LEGACY_FILE_MODE) return '100644';
  return FILE_MODES.has(mode) ? (mode as FileMode) : null;
}

/** `<mode> SP <type> SP <oid> TAB <path>` records of `git ls-tree -r -z`. */
export function parseLsTree(fields: string[]): FileEntry[] {
  const entries: FileEntry[] = [];
  for (const field of fields) {
    const tab = field.indexOf('\t');
    const [mode = '', , oid = ''] = field.slice(0, tab).split(' ');
    const kind = fileMode(mode);
    if (kind) entries.push({ path: field.slice(tab + 1), oid, mode: kind });
  }
  return entries;
}

/** `<mode> SP <oid> SP <stage> TAB <path>` records of `git ls-files -s -z`; conflicts are an error. */
export function parseLsFiles(fields: string[]): FileEntry[] {
  const entries: FileEntry[] = [];
  for (const field of fields) {
    const tab = field.indexOf('\t');
    const [mode = '', oid = '', stage = '0'] = field.slice(0, tab).split(' ');
    const path = field.slice(tab + 1);
    if (stage !== '0') throw new GitError(gitMessages.unmerged(path), gitMessages.unmergedHint);
    const kind = fileMode(mode);
    if (kind) entries.push({ path, oid, mode: kind });
  }
  return entries;
}

/** `git diff-index/diff-tree --raw -z` records: `:<m1> <m2> <oid1> <oid2> <X><score>` NUL path [NUL path2]. */
export function parseRawDiff(fields: string[]): FileChange[] {
  const changes: FileChange[] = [];
  for (let i = 0; i < fields.length; ) {
    const [m1 = '', m2 = '', o1 = '', o2 = '', letters = ''] = (fields[i] ?? '').slice(1).split(' ');
    const letter = letters.charAt(0);
    const hasTwoPaths = letter === 'R' || letter === 'C';
    const first = fields[i + 1] ?? '';
    const second = hasTwoPaths ? (fields[i + 2] ?? '') : first;
    i += hasTwoPaths ? 3 : 2;
    if (letter === 'U') throw new GitError(gitMessages.unmerged(first), gitMessages.unmergedHint);
    const change = rawChange(letter as ChangeStatus, first, second, [m1, o1], [m2, o2]);
    if (change) changes.push(change);
  }
  return changes;
}

/** One change with gitlinks taken out: a submodule is not a file, so file <-> gitlink is an add or delete. */
function rawChange(
  status: ChangeStatus,
  oldPath: string,
  path: string,
  [oldModeRaw, oldOid]: [string, string],
  [newModeRaw, newOid]: [string, string],
): FileChange | null {
  const oldMode = fileMode(oldModeRaw);
  const newMode = fileMode(newModeRaw);
  if (!oldMode && !newMode) return null;
  if (!oldMode) return { status: 'A', path, newOid, newMode: newMode as FileMode };
  if (!newMode) return { status: 'D', path: oldPath, oldOid, oldMode };
  const change: FileChange = { status, path, oldOid, newOid, oldMode, newMode };
  if (status === 'R' || status === 'C') change.oldPath = oldPath;
  return change;
}

export interface CommitObject {
  parents: string[];
  message: string;
}

/** Parents and message of a raw commit object (https://git-scm.com/docs/git-cat-file, commit format). */
export function parseCommit(raw: string): CommitObject {
  const split = raw.indexOf('\n\n');
  const header = split === -1 ? raw : raw.slice(0, split);
  const parents = header
    .split('\n')
    .filter((line) => line.startsWith('parent '))
    .map((line) => line.slice('parent '.length).trim());
  return { parents, message: split === -1 ? '' : raw.slice(split + 2) };
}

/** One path order for every backend (UTF-16 code units), so both report changes identically. */
export const comparePaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
