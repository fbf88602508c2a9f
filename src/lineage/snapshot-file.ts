// The snapshot on disk: read it (null when absent), write it atomically (temp file in the same directory + rename).
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LineageInputError } from './json-text.js';
import { LINEAGE_MESSAGES } from './messages.js';
import { serializeSnapshot } from './merge.js';
import { parseSnapshot } from './snapshot-json.js';
import type { LineageSnapshot } from './types.js';

/** The snapshot at `path`, or null when there is none; a corrupt one throws naming the file and the problem. */
export async function loadSnapshot(path: string): Promise<LineageSnapshot | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') return null;
    throw new LineageInputError(LINEAGE_MESSAGES.readFailed(path, typeof code === 'string' ? code : String(error)));
  }
  return parseSnapshot(text, path);
}

/**
 * Readers see the old file or the new one, never half of one: the text goes to a temp file beside the
 * target (same file system, so rename is atomic on POSIX), is flushed, then renamed over it.
 */
export async function writeSnapshot(path: string, snapshot: LineageSnapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(serializeSnapshot(snapshot), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
