// `sync`: fetch every configured source, merge, write the snapshot atomically unless a source failed.
import { isAbsolute, resolve } from 'node:path';
import type { Config, LineageSourceConfig } from '../config/schema.js';
import { parseConsumersFile } from './consumers-file.js';
import { parseDbtManifest } from './dbt-manifest.js';
import { DEFAULT_TIMEOUT_MS, httpFetchText, readLocalText, redactUrl, type FetchText, type HttpOptions } from './fetch.js';
import { fingerprint } from './json-text.js';
import { crawlMarquez } from './marquez.js';
import { mergeSnapshot, type SourceOutcome } from './merge.js';
import { LINEAGE_MESSAGES } from './messages.js';
import { parseOpenLineageEvents } from './openlineage-events.js';
import { openLineageFragment } from './openlineage-fragment.js';
import { loadSnapshot, writeSnapshot } from './snapshot-file.js';
import type { LineageFragment, LineageSnapshot, SnapshotSource, SourceKind } from './types.js';

export type SyncProgress =
  | { kind: 'start'; label: string }
  | { kind: 'done'; label: string; nodes: number; ms: number }
  | { kind: 'failed'; label: string; error: string };

export interface SyncOptions {
  config: Config;
  /** relative paths in config resolve against it */
  rootDir: string;
  /** the value of an environment variable named by `tokenEnv` (the CLI reads the environment, not us) */
  env: (name: string) => string | undefined;
  allowPartial: boolean;
  now?: () => Date;
  onProgress?: (event: SyncProgress) => void;
  /** how URLs are fetched; tests keep the default and point it at a local server */
  fetchFor?: (options: HttpOptions) => FetchText;
  retryDelayMs?: number;
}

export interface SyncResult {
  snapshotPath: string;
  /** the merged snapshot, written or not */
  snapshot: LineageSnapshot;
  written: boolean;
  failed: SnapshotSource[];
  /** what was on disk before, when nothing was written */
  previous: LineageSnapshot | null;
}

interface Described {
  id: string;
  kind: SourceKind;
  location: string;
}

export async function syncLineage(options: SyncOptions): Promise<SyncResult> {
  const snapshotPath = resolve(options.rootDir, options.config.lineage.snapshot);
  const described = uniqueIds(options.config.lineage.sources.map(describeSource));
  const outcomes = await Promise.all(
    options.config.lineage.sources.map((source, i) => runSource(source, described[i] as Described, options)),
  );
  const snapshot = mergeSnapshot(outcomes, (options.now ?? (() => new Date()))());
  const failed = outcomes.filter((o) => o.source.status === 'failed').map((o) => o.source);
  const write = failed.length === 0 || (options.allowPartial && failed.length < outcomes.length);
  if (write) await writeSnapshot(snapshotPath, snapshot);
  // a snapshot that fails to load is reported, not fatal: the sync result is what matters here
  const previous = write ? null : await loadSnapshot(snapshotPath).catch(() => null);
  return { snapshotPath, snapshot, written: write, failed, previous };
}

function describeSource(source: LineageSourceConfig): Described {
  if ('dbt' in source) {
    const location = source.dbt.manifest ?? redactUrl(source.dbt.url ?? '');
    return { id: `dbt:${location}`, kind: 'dbt', location };
  }
  if ('openlineage' in source) {
    const location = source.openlineage.events ?? redactUrl(source.openlineage.url ?? '');
    return { id: `openlineage:${location}`, kind: 'openlineage', location };
  }
  return { id: `file:${source.file}`, kind: 'file', location: source.file };
}

/** The same source listed twice keeps two entries, so a failure of either is visible. */
function uniqueIds(described: Described[]): Described[] {
  const seen = new Map<string, number>();
  return described.map((d) => {
    const n = (seen.get(d.id) ?? 0) + 1;
    seen.set(d.id, n);
    return n === 1 ? d : { ...d, id: `${d.id}#${n}` };
  });
}

async function runSource(source: LineageSourceConfig, described: Described, options: SyncOptions): Promise<SourceOutcome> {
  const label = `${described.kind} ${described.location}`;
  const started = Date.now();
  options.onProgress?.({ kind: 'start', label });
  const base: SnapshotSource = { id: described.id, kind: described.kind, location: described.location, status: 'ok' };
  try {
    const { fragment, texts } = await fetchSource(source, described, options);
    const result: SnapshotSource = { ...base, fingerprint: fingerprint(texts), nodes: fragment.nodes.length };
    options.onProgress?.({ kind: 'done', label, nodes: fragment.nodes.length, ms: Date.now() - started });
    return { source: result, fragment };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.onProgress?.({ kind: 'failed', label, error: message });
    return { source: { ...base, status: 'failed', error: message } };
  }
}

async function fetchSource(
  source: LineageSourceConfig,
  described: Described,
  options: SyncOptions,
): Promise<{ fragment: LineageFragment; texts: string[] }> {
  const warehouse = options.config.warehouse;
  const sourceId = described.id;
  const path = (p: string): string => (isAbsolute(p) ? p : resolve(options.rootDir, p));
  if ('file' in source) {
    const text = await readLocalText(path(source.file), source.file);
    return { fragment: parseConsumersFile(text, source.file, sourceId), texts: [text] };
  }
  if ('dbt' in source) {
    const { manifest, url } = source.dbt;
    const text = manifest !== undefined ? await readLocalText(path(manifest), manifest) : await http(source.dbt, options)(url ?? '');
    return { fragment: parseDbtManifest(text, { sourceId, label: described.location, ...(warehouse ? { warehouse } : {}) }), texts: [text] };
  }
  const { events, url, namespace } = source.openlineage;
  const common = { sourceId, ...(namespace ? { namespace } : {}), ...(warehouse ? { warehouse } : {}) };
  if (events !== undefined) {
    const text = await readLocalText(path(events), events);
    return { fragment: openLineageFragment(parseOpenLineageEvents(text, events), common), texts: [text] };
  }
  const crawl = await crawlMarquez(url ?? '', http(source.openlineage, options), namespace);
  return { fragment: openLineageFragment(crawl.graph, common), texts: crawl.texts };
}

function http(source: { tokenEnv?: string | undefined; timeoutMs?: number | undefined }, options: SyncOptions): FetchText {
  let token: string | undefined;
  if (source.tokenEnv !== undefined) {
    token = options.env(source.tokenEnv);
    if (token === undefined || token === '') throw new Error(LINEAGE_MESSAGES.tokenMissing(source.tokenEnv));
  }
  const http: HttpOptions = { timeoutMs: source.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  if (token !== undefined) http.token = token;
  if (source.tokenEnv !== undefined) http.tokenEnv = source.tokenEnv;
  if (options.retryDelayMs !== undefined) http.retryDelayMs = options.retryDelayMs;
  return (options.fetchFor ?? httpFetchText)(http);
}
