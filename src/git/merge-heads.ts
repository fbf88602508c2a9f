// The other parents of a merge being concluded: git writes them to MERGE_HEAD, one per line, while a merge that
// stopped (for conflicts, or `--no-commit`) waits for `git commit`.
import { join } from 'node:path';
import { readText } from './discover.js';

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

/** The commits MERGE_HEAD names; empty when no merge is in progress. */
export async function readMergeHeads(gitDir: string): Promise<string[]> {
  const text = await readText(join(gitDir, 'MERGE_HEAD'));
  return text.split('\n').map((line) => line.trim()).filter((line) => OID.test(line));
}
