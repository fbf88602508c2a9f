// Per-blob extraction results kept under the common git dir: one packed file, read once, appended to whole lines at a time.
import { randomBytes } from 'node:crypto';
import { appendFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { packLine, parsePack, type Pack, type PackEntry } from './cache-pack.js';

/**
 * Measured on 200 model results of ~2.5 KB (see the report): one packed file read and indexed once beats one
 * file per blob (8 ms against 25 ms to read 200, and one write instead of 200 on a cold run). New entries are
 * appended (a 2.8 MB pack rewritten to add one 14 KB summary cost ~15 ms); the pack is rewritten only when it
 * outgrows its limits or holds damaged lines. A rewrite puts the entries this process used last and trims from
 * the front, so the pack stays a few working sets large.
 */
const PACK_FILE = 'blobs-1.ndjson';
/**
 * A summary is ~14 KB for a 50-line model file: the limits must hold every model of a large code base (2,000
 * models are ~28 MB) with room for new blobs, or every check re-parses what the last one trimmed.
 */
export const MAX_ENTRIES = 8000;
const MAX_BYTES = 128 * 1024 * 1024;
const STALE_TEMP_MS = 10 * 60 * 1000;
const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const VERSION = /^[A-Za-z0-9._+-]{1,64}$/;

export interface BlobCache<T = unknown> {
  /** the stored value (a fresh copy), or undefined on a miss or a damaged entry */
  get(oid: string): T | undefined;
  /** whether an entry that passes its checksum is stored, without decoding it; counts as a use, like get() */
  has(oid: string): boolean;
  /** remembers a JSON-serialisable value until flush() */
  set(oid: string, value: T): void;
  /** writes new entries; true when the pack was written. Never throws: a cache that cannot be written is a miss. */
  flush(): Promise<boolean>;
  /** where the pack lives */
  readonly file: string;
}

/** What this process knows of the pack file: enough to tell whether appending keeps it within its limits. */
type PackState = Pick<Pack, 'lines' | 'bytes' | 'isClean'>;

/** Opens the cache of one tool version: `<commonDir>/schemaguard/cache/v<version>/`. */
export async function openBlobCache<T = unknown>(commonDir: string, version: string): Promise<BlobCache<T>> {
  if (!VERSION.test(version)) throw new Error(`blob cache version must match ${VERSION.source}: "${version}"`);
  const dir = join(commonDir, 'schemaguard', 'cache', `v${version}`);
  const file = join(dir, PACK_FILE);
  const pack = parsePack(await readFile(file).catch(() => Buffer.alloc(0)));
  let state: PackState = pack;
  const fresh = new Map<string, PackEntry>();
  const touched = new Set<string>();
  const entryOf = (oid: string) => fresh.get(oid) ?? pack.entries.get(oid);

  return {
    file,
    get(oid) {
      const entry = entryOf(oid);
      const value = entry && isIntact(entry) ? decode<T>(entry) : undefined;
      if (value !== undefined) touched.add(oid);
      return value;
    },
    has(oid) {
      const entry = entryOf(oid);
      const isHit = entry !== undefined && isIntact(entry);
      if (isHit) touched.add(oid);
      return isHit;
    },
    set(oid, value) {
      const json = JSON.stringify(value);
      if (!OID.test(oid) || json === undefined) return;
      fresh.set(oid, { oid, json: Buffer.from(json, 'utf8'), line: null });
      touched.add(oid);
    },
    async flush() {
      if (fresh.size === 0) return false;
      const lines = [...fresh.values()].map(packLine);
      const write = canAppend(state, lines) ? appendPack(dir, file, state, lines) : writePack(dir, file, fresh, touched);
      const written = await write.catch(() => null);
      if (written === null) return false;
      state = written;
      // what was written stays readable from this process
      for (const [oid, entry] of fresh) pack.entries.set(oid, entry);
      fresh.clear();
      return true;
    },
  };
}

function isIntact(entry: PackEntry): boolean {
  // an entry's bytes never change once read: one checksum per entry, however often it is asked for
  entry.isIntact ??= entry.crc === undefined || crc32(entry.json) === entry.crc;
  return entry.isIntact;
}

function decode<T>(entry: PackEntry): T | undefined {
  try {
    return JSON.parse(entry.json.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

function canAppend(state: PackState, lines: readonly Buffer[]): boolean {
  const bytes = lines.reduce((sum, line) => sum + line.length, 0);
  return state.isClean && state.lines + lines.length <= MAX_ENTRIES && state.bytes + bytes <= MAX_BYTES;
}

/**
 * One write in append mode: concurrent appenders each add whole lines, and a reader that catches a line half
 * written drops it (no LF yet). A writer killed mid-line leaves a torn line, which makes the next writer rewrite.
 */
async function appendPack(dir: string, file: string, state: PackState, lines: Buffer[]): Promise<PackState> {
  await mkdir(dir, { recursive: true });
  const text = Buffer.concat(lines);
  await appendFile(file, text);
  await removeStaleTemps(dir);
  return { lines: state.lines + lines.length, bytes: state.bytes + text.length, isClean: state.isClean };
}

/** Re-reads the pack (another hook may have written since we opened it), merges, trims, renames into place. */
async function writePack(dir: string, file: string, fresh: Map<string, PackEntry>, touched: Set<string>): Promise<PackState> {
  await mkdir(dir, { recursive: true });
  const current = parsePack(await readFile(file).catch(() => Buffer.alloc(0))).entries;
  const merged = [...current.values()].filter((e) => !fresh.has(e.oid) && !touched.has(e.oid));
  const recent = [...touched].map((oid) => fresh.get(oid) ?? current.get(oid)).filter((e) => e !== undefined);
  const lines = trim([...merged, ...recent].map((entry) => entry.line ?? packLine(entry)));
  const text = Buffer.concat(lines);
  const temp = join(dir, `${PACK_FILE}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await removeStaleTemps(dir);
  return { lines: lines.length, bytes: text.length, isClean: true };
}

/** Drops the least recently used lines (the front) beyond the entry and byte limits. */
function trim(lines: Buffer[]): Buffer[] {
  let bytes = lines.reduce((sum, line) => sum + line.length, 0);
  let start = 0;
  while (start < lines.length && (lines.length - start > MAX_ENTRIES || bytes > MAX_BYTES)) {
    bytes -= (lines[start] as Buffer).length;
    start++;
  }
  return lines.slice(start);
}

/** Temp files of a writer that died between write and rename. */
async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => []);
  const now = Date.now();
  for (const name of names.filter((n) => n.endsWith('.tmp'))) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > STALE_TEMP_MS) await unlink(path).catch(() => undefined);
  }
}
