// Everything a check needs beyond git: config, the caches, the lineage snapshot. Loaded only when models changed.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { openBlobCache } from '../git/cache.js';
import type { DecodedSource, GitPort, RepoInfo } from '../git/port.js';
import type { LineageView } from '../rules/types.js';
import type { ModuleSummary } from '../python/summary.js';
import { SUMMARY_VERSION } from '../python/summary.js';
import type { ExtractResult } from '../extract/index.js';
import type { ModuleOutline } from '../extract/outline.js';
import { RULE_IDS } from '../rules/registry.js';
import type { CompareContext } from './compare.js';
import { cacheVersion } from './cache-version.js';
import { loadConfigCached } from './config-cache.js';
import { openResultCache, type ResultCache } from './result-cache.js';
import { keptIn, rememberingResults, type Resident } from './resident.js';
import { CHECK_MESSAGES as M } from './messages.js';
import { UserError } from '../cli/errors.js';
import { createSchemaReader, newDecoded, type SchemaCaches, type SummaryStore, type Trace } from './schema-at.js';

/** Blob texts (and their decoded summaries) a resident server keeps: ~10 times a 2,000-model repository's models. */
const MAX_KEPT_READS = 20_000;

/** Bumped when what extraction makes of the same files changes without a new tool version. */
const RESULT_VERSION = 2;

export interface Session {
  context: CompareContext;
  loaded: LoadedConfig;
  /** the summary and result caches, for readers with other options (another dialect) */
  caches: SchemaCaches;
  /** writes what this check added to the caches; never throws */
  flush(): Promise<void>;
  notes: string[];
}

export interface SessionOptions {
  configPath?: string;
  toolVersion: string;
  now: Date;
  /** `--debug`: how each schema was obtained */
  trace?: Trace;
  /** run by a resident server: caches stay open between checks */
  resident?: Resident;
}

export async function openSession(port: GitPort, info: RepoInfo, root: string, options: SessionOptions): Promise<Session> {
  const dir = join(info.commonDir, 'schemaguard');
  const loaded = await loadConfigCached({
    cwd: root,
    dir,
    toolVersion: cacheVersion(options.toolVersion),
    knownRuleIds: RULE_IDS,
    ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
  });
  const { config } = loaded;
  const { caches, flush } = openSchemaCaches(info.commonDir, options.toolVersion, options.resident);
  const { lineage, notes } = await readLineage(loaded, options.now);
  return {
    loaded,
    caches,
    notes,
    flush,
    context: {
      reader: createSchemaReader(port, config, caches, options.trace),
      config,
      lineage,
      today: options.now.toISOString().slice(0, 10),
    },
  };
}

/**
 * The summary and result caches under the git common dir; `flush` writes what was added and never throws. A resident
 * server opens them once and keeps them.
 */
export function openSchemaCaches(commonDir: string, toolVersion: string, resident?: Resident): { caches: SchemaCaches; flush: () => Promise<void> } {
  if (resident === undefined) return openCaches(commonDir, toolVersion);
  const key = `${commonDir}\0${toolVersion}`;
  const kept = keptIn(resident, key, () => {
    const opened = openCaches(commonDir, toolVersion, (results) => rememberingResults(results, resident, key));
    return { ...opened, caches: { ...opened.caches, kept: { decoded: newDecoded(), texts: new Map<string, DecodedSource>() } } };
  });
  const reads = kept.caches.kept!;
  // a bound on what a long-lived server holds: past it, the next check reads from the packs again
  if (reads.texts.size > MAX_KEPT_READS) Object.assign(reads, { decoded: newDecoded(), texts: new Map() });
  return kept;
}

/** `wrap`: what a resident server puts around the result cache (resident.ts); flush goes through it too. */
function openCaches(
  commonDir: string,
  toolVersion: string,
  wrap: (results: ResultCache<ExtractResult>) => ResultCache<ExtractResult> = (results) => results,
): { caches: SchemaCaches; flush: () => Promise<void> } {
  const version = cacheVersion(toolVersion);
  // opened on the first extraction: a check whose two schemas are cached never reads the summaries pack
  let summaries: Promise<SummaryStore> | undefined;
  const open = <T>(kind: string) => openBlobCache<T>(commonDir, `${version}-${kind}${SUMMARY_VERSION}`);
  const openSummaries = () => (summaries ??= Promise.all([open<ModuleSummary>('s'), open<ModuleOutline>('o')]).then(([bodies, outlines]) => ({ bodies, outlines })));
  const results = wrap(openResultCache<ExtractResult>(cacheDir(commonDir), resultVersion(toolVersion)));
  return {
    caches: { summaries: openSummaries, results },
    flush: async () => {
      await Promise.all([summaries?.then((store) => Promise.all([store.bodies.flush(), store.outlines.flush()])), results.flush()]);
    },
  };
}

const cacheDir = (commonDir: string): string => join(commonDir, 'schemaguard', 'cache');
const resultVersion = (toolVersion: string): string => `${cacheVersion(toolVersion)}-s${SUMMARY_VERSION}.${RESULT_VERSION}`;

/** What `schemaguard schema` printed for a file set, stored as the text it wrote to each stream. */
export interface Printed {
  stderr: string;
  stdout: string;
}

const PRINTED_CODEC = {
  kind: 'printed',
  ext: '.txt',
  encode: (p: Printed): string => `${p.stderr.length}\n${p.stderr}${p.stdout}`,
  decode: (text: string): Printed => {
    const newline = text.indexOf('\n');
    const length = Number(text.slice(0, newline));
    if (newline < 1 || !Number.isSafeInteger(length)) throw new Error('not a printed entry');
    return { stderr: text.slice(newline + 1, newline + 1 + length), stdout: text.slice(newline + 1 + length) };
  },
};

/**
 * Outputs of `schemaguard schema` by file set and format: printing a tree printed before reads one file, where
 * the cached result would be parsed and rendered again (a third of a warm run on 40,000 lines).
 */
export function openPrintedCache(commonDir: string, toolVersion: string): ResultCache<Printed> {
  return openResultCache(cacheDir(commonDir), resultVersion(toolVersion), PRINTED_CODEC);
}

const isMissing = (path: string): Promise<boolean> =>
  stat(path).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );

/** The lineage snapshot as rules see it, and what to say about it (missing, stale). */
async function readLineage(loaded: LoadedConfig, now: Date): Promise<{ lineage: LineageView | null; notes: string[] }> {
  const { lineage: settings } = loaded.config;
  const path = resolve(loaded.rootDir, settings.snapshot);
  const none = { lineage: null, notes: settings.sources.length > 0 ? [M.noSnapshot(settings.snapshot)] : [] };
  // no snapshot (most repositories): the lineage code, and the zod schema it validates with, is never loaded
  if (await isMissing(path)) return none;
  const [{ lineageViewOf, loadSnapshot, snapshotAgeDays, snapshotWarnings }, { LineageInputError }] = await Promise.all([
    import('../lineage/impact.js'),
    import('../lineage/json-text.js'),
  ]);
  // a snapshot that cannot be read is a failure of schemaguard's input: `onError` decides, as for a model file
  const snapshot = await loadSnapshot(path).catch((error: unknown) => {
    if (!(error instanceof LineageInputError)) throw error;
    if (loaded.config.onError === 'warn') return error;
    throw new UserError(error.message.replace(path, settings.snapshot), M.unreadableSnapshotHint);
  });
  if (snapshot instanceof Error) return { lineage: null, notes: [M.unreadableSnapshot(snapshot.message.replace(path, settings.snapshot))] };
  if (snapshot === null) return none;
  const view = lineageViewOf(snapshot);
  const notes = snapshotWarnings(snapshot, { file: settings.snapshot, maxAgeDays: settings.maxAgeDays, now });
  // a stale snapshot still names the readers it knows, but no longer vouches that a column has none
  if (snapshotAgeDays(snapshot, now) > settings.maxAgeDays) return { lineage: { ...view, knowsColumns: () => false }, notes };
  return { lineage: view, notes };
}
