// HEAD read from the git dir's files, for a caller that already knows where the repository is: a spawn of git
// costs milliseconds, more in a large process. Anything unusual is left to git itself (null).
import { join } from 'node:path';
import { readText } from './discover.js';

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const BRANCH = /^refs\/heads\/[^\0\n]+$/;

export interface HeadState {
  oid: string;
  /** `refs/heads/<branch>`, or HEAD when detached */
  symbolic: string;
}

/**
 * A detached HEAD, or a branch whose commit is a loose or packed ref. Null for an unborn branch, a symbolic ref to
 * anything but a branch, or a ref store these files do not hold (reftable): git must answer those.
 */
export async function readHeadFiles(gitDir: string, commonDir: string): Promise<HeadState | null> {
  const head = (await readText(join(gitDir, 'HEAD'))).trim();
  if (OID.test(head)) return { oid: head, symbolic: 'HEAD' };
  const ref = /^ref: (.+)$/.exec(head)?.[1];
  if (ref === undefined || !BRANCH.test(ref)) return null;
  // a loose ref wins over a packed one; an unreadable (or empty) loose file counts as none
  const loose = (await readText(join(commonDir, ref))).trim();
  if (loose !== '') return OID.test(loose) ? { oid: loose, symbolic: ref } : null;
  for (const line of (await readText(join(commonDir, 'packed-refs'))).split('\n')) {
    const [oid, name] = line.split(' ');
    if (name === ref && oid !== undefined && OID.test(oid)) return { oid, symbolic: ref };
  }
  return null;
}
