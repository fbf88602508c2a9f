// Whole extraction results, one file per file-set key, the few most recent kept: HEAD's schema is the index's of the last check.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A result is ~8 KB per model table (1.6 MB for 200 models), so unlike per-blob summaries they are not packed
 * together (one check would read them all): one file each, and only the last few, as a check needs two.
 */
const KEEP = 4;
const STALE_TEMP_MS = 10 * 60 * 1000;
const KEY = /^[0-9a-f]{40}$/;
const VERSION = /^[A-Za-z0-9._+-]{1,64}$/;

export interface ResultCache<T> {
  get(key: string): Promise<T | undefined>;
  /** marks a stored result as just used (trimming keeps the most recently used), without reading it */
  touch(key: string): Promise<void>;
  set(key: string, value: T): void;
  /** writes what set() added and trims to the most recent; never throws */
  flush(): Promise<void>;
}

/** How values are stored: `kind` names the directory (`<kind>-v<version>`), `ext` the files. */
export interface ResultCodec<T> {
  kind: string;
  ext: string;
  encode(value: T): string;
  decode(text: string): T;
}

const JSON_CODEC: ResultCodec<never> = { kind: 'results', ext: '.json', encode: (value) => JSON.stringify(value), decode: (text) => JSON.parse(text) as never };

/** `<dir>/results-v<version>/<key>.json` (or the codec's kind and file ending). */
export function openResultCache<T>(dir: string, version: string, codec: ResultCodec<T> = JSON_CODEC): ResultCache<T> {
  if (!VERSION.test(version)) throw new Error(`result cache version must match ${VERSION.source}: "${version}"`);
  const root = join(dir, `${codec.kind}-v${version}`);
  const file = (key: string): string => join(root, `${key}${codec.ext}`);
  const pending = new Map<string, T>();
  const touch = async (key: string): Promise<void> => {
    if (!KEY.test(key)) return;
    const now = new Date();
    // the mtime orders entries by last use, for trimming
    await utimes(file(key), now, now).catch(() => undefined);
  };
  return {
    async get(key) {
      if (!KEY.test(key)) return undefined;
      try {
        const value = codec.decode(await readFile(file(key), 'utf8'));
        await touch(key);
        return value;
      } catch {
        return undefined;
      }
    },
    touch,
    set(key, value) {
      if (KEY.test(key)) pending.set(key, value);
    },
    async flush() {
      if (pending.size === 0) return;
      await mkdir(root, { recursive: true }).catch(() => undefined);
      for (const [key, value] of pending) await writeAtomic(root, `${key}${codec.ext}`, codec.encode(value)).catch(() => undefined);
      pending.clear();
      await trim(root, codec.ext).catch(() => undefined);
    },
  };
}

async function writeAtomic(root: string, name: string, text: string): Promise<void> {
  const temp = join(root, `${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, join(root, name));
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** Keeps the KEEP most recently used results, and removes temp files of a writer that died. */
async function trim(root: string, ext: string): Promise<void> {
  const names = await readdir(root);
  const entries = await Promise.all(names.map(async (name) => ({ name, info: await stat(join(root, name)).catch(() => null) })));
  const now = Date.now();
  const stale = entries.filter((e) => e.name.endsWith('.tmp') && e.info !== null && now - e.info.mtimeMs > STALE_TEMP_MS);
  const results = entries
    .flatMap((e) => (e.name.endsWith(ext) && e.info !== null ? [{ name: e.name, mtimeMs: e.info.mtimeMs }] : []))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const e of [...stale, ...results.slice(KEEP)]) await unlink(join(root, e.name)).catch(() => undefined);
}
