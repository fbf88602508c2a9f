// `schemaguard schema` from disk with the check's caches: files are keyed by the blob id git would give their
// text, so a tree read twice, or read after a check, is not parsed again.
import { createHash } from 'node:crypto';
import type { ExtractOptions, ExtractResult } from '../extract/index.js';
import type { SourceFile } from '../git/types.js';
import { fileSetKey, prepareParsing } from './schema-at.js';
import { openSchemaCaches } from './session.js';

function blobId(text: string): string {
  return createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest('hex');
}

type Options = Pick<ExtractOptions, 'dialect' | 'models'>;

/** `commonDir`: the git common dir of the repository the files are in; null outside one (nothing is cached). */
export async function extractWorktree(commonDir: string | null, files: SourceFile[], options: Options, toolVersion: string): Promise<ExtractResult> {
  const { extractSchema } = await import('../extract/index.js');
  if (commonDir === null) return extractSchema(files, options);
  const keyed = files.map((f) => ({ ...f, oid: blobId(f.text) }));
  const { caches, flush } = openSchemaCaches(commonDir, toolVersion);
  const key = fileSetKey(keyed.map((f) => ({ path: f.path, oid: f.oid, mode: '100644' as const })), options);
  let result = await caches.results.get(key);
  if (result === undefined) {
    const cache = await prepareParsing(keyed, await caches.summaries(), options.models);
    result = await extractSchema(keyed, { ...options, cache });
    caches.results.set(key, result);
  }
  await flush();
  return result;
}
