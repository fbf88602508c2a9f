// Reads a version-2 git index (https://git-scm.com/docs/index-format) and refuses what it cannot read correctly.
import { createHash } from 'node:crypto';
import { GitError } from './errors.js';
import { gitMessages } from './messages.js';
import { fileMode } from './parse.js';
import type { FileEntry } from './port.js';

const HEADER = 12;
/** ctime, mtime, dev, ino, mode, uid, gid, size (4 bytes each), a SHA-1, 2 bytes of flags */
const FIXED = 62;
const SHA1 = 20;
const NAME_MASK = 0xfff;
const STAGE_SHIFT = 12;
/** extensions whose presence means the entries alone are not the index: split index, sparse index */
const UNREADABLE_EXTENSIONS: Record<string, string> = {
  link: 'a split index (core.splitIndex)',
  sdir: 'a sparse index (index.sparse)',
};

/** Entries of a v2 index file; the working tree's files are never touched. */
export function readIndexV2(buf: Buffer): FileEntry[] {
  if (buf.length < HEADER + SHA1 || buf.toString('latin1', 0, 4) !== 'DIRC') throw corrupt();
  const version = buf.readUInt32BE(4);
  if (version !== 2) throw unsupported(`an index in version ${version} (feature.manyFiles, index.version)`);
  assertChecksum(buf);
  const count = buf.readUInt32BE(8);
  const entries: FileEntry[] = [];
  let at = HEADER;
  for (let i = 0; i < count; i++) {
    if (at + FIXED > buf.length - SHA1) throw corrupt();
    const flags = buf.readUInt16BE(at + 60);
    const nameLength = flags & NAME_MASK;
    const nameEnd = nameLength < NAME_MASK ? at + FIXED + nameLength : buf.indexOf(0, at + FIXED);
    if (nameEnd < 0 || nameEnd > buf.length - SHA1) throw corrupt();
    const path = buf.toString('utf8', at + FIXED, nameEnd);
    if (flags >> STAGE_SHIFT & 0x3) throw new GitError(gitMessages.unmerged(path), gitMessages.unmergedHint);
    const mode = fileMode(buf.readUInt32BE(at + 24).toString(8));
    if (mode) entries.push({ path, oid: buf.toString('hex', at + 40, at + 60), mode });
    // entries are NUL-padded to a multiple of 8 bytes
    at += (nameEnd - at + 8) & ~7;
  }
  assertReadableExtensions(buf, at);
  return entries;
}

function assertReadableExtensions(buf: Buffer, start: number): void {
  for (let at = start; at + 8 <= buf.length - SHA1; ) {
    const signature = buf.toString('latin1', at, at + 4);
    const feature = UNREADABLE_EXTENSIONS[signature];
    if (feature) throw unsupported(feature);
    at += 8 + buf.readUInt32BE(at + 4);
  }
}

/** index.skipHash (git 2.40) writes a zero checksum */
function assertChecksum(buf: Buffer): void {
  const claimed = buf.subarray(buf.length - SHA1);
  if (claimed.every((byte) => byte === 0)) return;
  const actual = createHash('sha1').update(buf.subarray(0, buf.length - SHA1)).digest();
  if (!actual.equals(claimed)) throw corrupt();
}

const corrupt = () => new GitError(gitMessages.indexCorrupt);
const unsupported = (what: string) => new GitError(gitMessages.isoUnsupported(what), gitMessages.isoHint);
