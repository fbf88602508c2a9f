// `schemaguard schema` from disk with the check's caches: files are keyed by the blob id git would give their
// text, so a tree read twice, or read after a check, is not parsed again.
import { createHash } from 'node:crypto';
import type { ExtractOptions, ExtractResult } from '../extract/index.js';
import type { SourceFile } from '../git/types.js';
import { fileSetKey, prepareParsing } from './schema-at.js';
import { openPrintedCache, openSchemaCaches, type Printed } from './session.js';

function blobId(text: string): string {
  return createHash('sha1').update(`blob ${Buffer.byteLength(text)}\0`).update(text).digest('hex');
}

type Options = Pick<ExtractOptions, 'dialect' | 'models'>;

/**
 * The command's output for the files: `print` renders an extraction. `commonDir` is the git common dir of the
 * repository the files are in; within one, what was printed is kept by file set and `format`, so printing the
 * same tree again neither extracts nor renders. Outside one (null) nothing is cached.
 */
export async function printWorktree(commonDir: string | null, files: SourceFile[], options: Options, toolVersion: string, format: string, print: (result: ExtractResult) => Promise<Printed>): Promise<Printed> {
  if (commonDir === null) return print(await (await import('../extract/index.js')).extractSchema(files, options));
  const keyed = keyedFiles(files);
  const printed = openPrintedCache(commonDir, toolVersion);
  const key = createHash('sha1').update(`${format}\n${setKey(keyed, options)}`).digest('hex');
  const known = await printed.get(key);
  if (known) return known;
  const made = await print(await extractKeyed(commonDir, keyed, options, toolVersion));
  printed.set(key, made);
  await printed.flush();
  return made;
}

const keyedFiles = (files: SourceFile[]): SourceFile[] => files.map((f) => ({ ...f, oid: blobId(f.text) }));
const setKey = (keyed: SourceFile[], options: Options): string => fileSetKey(keyed.map((f) => ({ path: f.path, oid: f.oid!, mode: '100644' as const })), options);

async function extractKeyed(commonDir: string, keyed: SourceFile[], options: Options, toolVersion: string): Promise<ExtractResult> {
  const { extractSchema } = await import('../extract/index.js');
  const { caches, flush } = openSchemaCaches(commonDir, toolVersion);
  const key = setKey(keyed, options);
  let result = await caches.results.get(key);
  if (result === undefined) {
    const cache = await prepareParsing(keyed, await caches.summaries(), options.models);
    result = await extractSchema(keyed, { ...options, cache });
    caches.results.set(key, result);
  }
  await flush();
  return result;
}
