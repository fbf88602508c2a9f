// The schema of one git snapshot: whole results cached per file set, else parsed only where the blob cache misses.
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import { pythonPathFilter } from '../config/model-paths.js';
import type { BlobCache } from '../git/cache.js';
import type { DecodedSource, FileEntry, GitPort, Snapshot } from '../git/port.js';
import { readSourceFiles } from '../git/sources.js';
import type { ExtractOptions, ExtractResult, SummaryCache } from '../extract/index.js';
import type { SourceFile } from '../git/types.js';
import type { ModuleSummary } from '../python/summary.js';
import type { ModuleOutline } from '../extract/outline.js';
import type { ResultCache } from './result-cache.js';

export interface SchemaReader {
  schemaAt(snapshot: Snapshot): Promise<ExtractResult>;
  /** both schemas of a change; the after one extracted only where `changed` (Python paths) reaches, when that is sound */
  schemasOf(before: Snapshot, after: Snapshot, changed: ReadonlySet<string>): Promise<{ before: ExtractResult; after: ExtractResult }>;
}

/** Per-blob summaries, and their outlines apart: a partial scan reads every outline but few bodies. */
export interface SummaryStore {
  bodies: BlobCache<ModuleSummary>;
  outlines: BlobCache<ModuleOutline>;
}

export interface SchemaCaches {
  summaries: () => Promise<SummaryStore>;
  /** whole extraction results by file-set key: HEAD's schema was usually the index's at the previous commit */
  results: ResultCache<ExtractResult>;
  /** what a resident server keeps from one check to the next; by default each reader starts empty */
  kept?: KeptReads;
}

/** Decoded summaries and blob texts by blob id: addressed by content, so they hold for any later check. */
export interface KeptReads {
  decoded: Decoded;
  texts: Map<string, DecodedSource>;
}

const snapshotKey = (s: Snapshot) => (s.kind === 'commit' ? s.oid : s.kind);

/** Up to this much model text to parse, V8's optimising WASM compile costs more than it saves (bench, scenario e). */
const QUICK_PARSE_BYTES = 1_000_000;

/** Everything extraction reads: the candidate files by path and blob id, and the options it is given. */
export function fileSetKey(entries: FileEntry[], options: { dialect: string; models?: string[] }): string {
  const hash = createHash('sha1');
  hash.update(JSON.stringify([options.dialect, options.models ?? null]));
  for (const entry of entries) hash.update(`\n${entry.mode} ${entry.oid} ${entry.path}`);
  return hash.digest('hex');
}

/**
 * Looks the model files up in the summary cache (what extraction would do first) to learn how much is left to
 * parse: little, and the parser is told to start quickly. What one extraction decodes is kept in `decoded` for
 * the next (a check extracts up to four times): summaries and outlines are plain data no extraction changes.
 */
export async function prepareParsing(files: SourceFile[], store: SummaryStore, models: string[] | undefined, decoded = newDecoded()): Promise<SummaryCache> {
  const { modelMatcher } = await import('../extract/discovery.js');
  const { outlineOf } = await import('../extract/outline.js');
  const { bodies, outlines } = store;
  const isModel = modelMatcher(models);
  let missingBytes = 0;
  for (const file of files) {
    if (file.oid === undefined || decoded.bodies.has(file.oid) || !isModel(file.path, file.text)) continue;
    if (!bodies.has(file.oid)) missingBytes += file.text.length;
  }
  if (missingBytes > 0 && missingBytes < QUICK_PARSE_BYTES) (await import('../python/parser.js')).preferQuickWasmStartup();
  // within one extraction, two paths with one blob never share a summary: classes are keyed by their definition
  const handed = new Set<string>();
  return {
    get(oid) {
      if (handed.has(oid)) return bodies.get(oid);
      handed.add(oid);
      const summary = decoded.bodies.get(oid) ?? bodies.get(oid);
      if (summary === undefined) return undefined;
      decoded.bodies.set(oid, summary);
      // a summary stored before outlines were: its outline is stored now
      if (!outlines.has(oid)) outlines.set(oid, outlineOf(summary));
      return summary;
    },
    set(oid, summary) {
      bodies.set(oid, summary);
      outlines.set(oid, outlineOf(summary));
      decoded.bodies.set(oid, summary);
    },
    outline(oid) {
      let outline = decoded.outlines.get(oid);
      if (outline === undefined && bodies.has(oid)) {
        outline = outlines.get(oid);
        if (outline !== undefined) decoded.outlines.set(oid, outline);
      }
      return outline;
    },
  };
}

/** What a run has decoded from the summary store, by blob id. */
export interface Decoded {
  bodies: Map<string, ModuleSummary>;
  outlines: Map<string, ModuleOutline>;
}

const elapsed = (since: number): string => `${Math.round(performance.now() - since)} ms`;

export const newDecoded = (): Decoded => ({ bodies: new Map(), outlines: new Map() });

/** Where `--debug` lines go: how each schema was obtained. */
export type Trace = (line: string) => void;

const describe = (s: Snapshot): string => (s.kind === 'commit' ? s.oid.slice(0, 12) : s.kind === 'index' ? 'the index' : 'an empty tree');

export function createSchemaReader(port: GitPort, config: Config, caches: SchemaCaches, trace: Trace = () => {}): SchemaReader {
  const isCandidate = pythonPathFilter(config);
  const options = { dialect: config.dialect, ...(config.models === undefined ? {} : { models: config.models }) };
  const memo = new Map<string, Promise<ExtractResult>>();
  const decoded = caches.kept?.decoded ?? newDecoded();
  const texts = caches.kept?.texts ?? new Map<string, DecodedSource>();

  const listings = new Map<string, Promise<{ entries: FileEntry[]; key: string }>>();
  function filesAt(snapshot: Snapshot): Promise<{ entries: FileEntry[]; key: string }> {
    const id = snapshotKey(snapshot);
    let listing = listings.get(id);
    if (listing === undefined) {
      listing = port.listFiles(snapshot, isCandidate).then((entries) => ({ entries, key: fileSetKey(entries, options) }));
      listings.set(id, listing);
    }
    return listing;
  }

  async function extract(entries: FileEntry[], partial?: ExtractOptions['partial']): Promise<ExtractResult> {
    // loaded only on a miss: a warm check whose schemas are both cached never loads the extractor
    const [{ extractSchema }, files, summaries] = await Promise.all([import('../extract/index.js'), readSourceFiles(port, entries, texts), caches.summaries()]);
    const cache = await prepareParsing(files, summaries, options.models, decoded);
    return extractSchema(files, { ...options, cache, ...(partial ? { partial } : {}) });
  }

  async function extractAt(snapshot: Snapshot): Promise<ExtractResult> {
    const { entries, key } = await filesAt(snapshot);
    const cached = await caches.results.get(key);
    if (cached !== undefined) {
      trace(`schema of ${describe(snapshot)}: from the result cache`);
      return cached;
    }
    const started = performance.now();
    const result = await extract(entries);
    trace(`schema of ${describe(snapshot)}: whole extraction of ${entries.length} Python files, ${elapsed(started)}`);
    caches.results.set(key, result);
    return result;
  }

  const schemaAt = (snapshot: Snapshot): Promise<ExtractResult> => {
    const key = snapshotKey(snapshot);
    let result = memo.get(key);
    if (result === undefined) {
      result = extractAt(snapshot);
      memo.set(key, result);
    }
    return result;
  };

  /** The after schema from partial scans of both sides (see check/partial.ts), else from a whole one. */
  async function afterOf(before: Snapshot, whole: ExtractResult, after: Snapshot, changed: ReadonlySet<string>): Promise<ExtractResult> {
    const { entries, key } = await filesAt(after);
    const cached = await caches.results.get(key);
    const label = `schema of ${describe(after)}`;
    if (cached !== undefined) {
      trace(`${label}: from the result cache`);
      return cached;
    }
    const started = performance.now();
    const partial = { changed, known: whole.schema };
    const partAfter = await extract(entries, partial);
    let result = partAfter;
    if (!partAfter.scanned) trace(`${label}: whole extraction (the change reaches half the models or more), ${elapsed(started)}`);
    else {
      const [{ composeAfter }, partBefore] = await Promise.all([import('./partial.js'), filesAt(before).then((b) => extract(b.entries, partial))]);
      const composed = composeAfter({ before: whole, partBefore, partAfter, changed });
      result = composed ?? (await extract(entries));
      const scanned = partAfter.scanned.join(', ') || 'none';
      trace(`${label}: ${composed ? 'partial extraction' : 'partial extraction refused, whole extraction'} (model files scanned: ${scanned}), ${elapsed(started)}`);
    }
    caches.results.set(key, result);
    return result;
  }

  return {
    schemaAt,
    async schemasOf(before, after, changed) {
      const old = await schemaAt(before);
      const key = snapshotKey(after);
      let now = memo.get(key);
      if (now === undefined) {
        now = afterOf(before, old, after, changed);
        memo.set(key, now);
      }
      return { before: old, after: await now };
    },
  };
}
