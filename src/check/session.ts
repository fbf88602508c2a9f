// Everything a check needs beyond git: config, the blob cache, the lineage snapshot. Loaded only when models changed.
import { resolve } from 'node:path';
import { loadConfig, type LoadedConfig } from '../config/load.js';
import { openBlobCache, type BlobCache } from '../git/cache.js';
import type { GitPort, RepoInfo } from '../git/port.js';
import { lineageViewOf, loadSnapshot, snapshotWarnings } from '../lineage/impact.js';
import type { ModuleSummary } from '../python/summary.js';
import { SUMMARY_VERSION } from '../python/summary.js';
import { RULE_IDS } from '../rules/registry.js';
import type { CompareContext } from './compare.js';
import { CHECK_MESSAGES as M } from './messages.js';
import { createSchemaReader } from './schema-at.js';

export interface Session {
  context: CompareContext;
  loaded: LoadedConfig;
  cache: BlobCache<ModuleSummary>;
  notes: string[];
}

export interface SessionOptions {
  configPath?: string;
  toolVersion: string;
  now: Date;
}

export async function openSession(port: GitPort, info: RepoInfo, root: string, options: SessionOptions): Promise<Session> {
  const loaded = await loadConfig({ cwd: root, knownRuleIds: RULE_IDS, ...(options.configPath === undefined ? {} : { configPath: options.configPath }) });
  const { config } = loaded;
  const cache = await openBlobCache<ModuleSummary>(info.commonDir, `${options.toolVersion}-s${SUMMARY_VERSION}`);
  const snapshotPath = resolve(loaded.rootDir, config.lineage.snapshot);
  const snapshot = await loadSnapshot(snapshotPath);
  const notes =
    snapshot === null
      ? config.lineage.sources.length > 0
        ? [M.noSnapshot(config.lineage.snapshot)]
        : []
      : snapshotWarnings(snapshot, { file: config.lineage.snapshot, maxAgeDays: config.lineage.maxAgeDays, now: options.now });
  return {
    loaded,
    cache,
    notes,
    context: {
      reader: createSchemaReader(port, config, cache),
      config,
      lineage: snapshot === null ? null : lineageViewOf(snapshot),
      today: options.now.toISOString().slice(0, 10),
    },
  };
}
