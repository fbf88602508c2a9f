// The schema of one git snapshot: its Python files read in one batch, parsed only where the blob cache misses.
import type { Config } from '../config/schema.js';
import { pythonPathFilter } from '../config/model-paths.js';
import type { BlobCache } from '../git/cache.js';
import type { GitPort, Snapshot } from '../git/port.js';
import { readSnapshotFiles } from '../git/sources.js';
import { extractSchema, type ExtractResult } from '../extract/index.js';
import type { ModuleSummary } from '../python/summary.js';

export interface SchemaReader {
  schemaAt(snapshot: Snapshot): Promise<ExtractResult>;
}

const snapshotKey = (s: Snapshot) => (s.kind === 'commit' ? s.oid : s.kind);

export function createSchemaReader(port: GitPort, config: Config, cache: BlobCache<ModuleSummary>): SchemaReader {
  const isCandidate = pythonPathFilter(config);
  const options = { dialect: config.dialect, cache, ...(config.models === undefined ? {} : { models: config.models }) };
  const memo = new Map<string, Promise<ExtractResult>>();
  return {
    schemaAt(snapshot) {
      const key = snapshotKey(snapshot);
      let result = memo.get(key);
      if (result === undefined) {
        result = readSnapshotFiles(port, snapshot, isCandidate).then((files) => extractSchema(files, options));
        memo.set(key, result);
      }
      return result;
    },
  };
}
