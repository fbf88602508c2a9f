// HEAD read from the git dir's files, for a caller that already knows where the repository is: a spawn of git
// costs milliseconds, more in a large process. Anything unusual is left to git itself (null).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

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
  const head = (await readText(join(gitDir, 'HEAD')))?.trim();
  if (head === undefined) return null;
  if (OID.test(head)) return { oid: head, symbolic: 'HEAD' };
  const ref = /^ref: (.+)$/.exec(head)?.[1];
  if (ref === undefined || !BRANCH.test(ref)) return null;
  const loose = (await readText(join(commonDir, ref)))?.trim();
  if (loose !== undefined) return OID.test(loose) ? { oid: loose, symbolic: ref } : null;
  const packed = await readText(join(commonDir, 'packed-refs'));
  for (const line of packed?.split('\n') ?? []) {
    const [oid, name] = line.split(' ');
    if (name === ref && oid !== undefined && OID.test(oid)) return { oid, symbolic: ref };
  }
  return null;
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
