// What a resident server (src/server/) keeps between the checks it runs, and the work it finishes after replying.
import { newGitKept, type GitKept } from '../git/cli-git.js';
import { setRecent } from '../git/recent-map.js';
import type { ResultCache } from './result-cache.js';

export interface Resident {
  /** opened caches, by cache directory and version: their entries are addressed by content, so they never go stale */
  readonly caches: Map<string, unknown>;
  /** work whose outcome the reply does not need (cache writes): done after the reply, before the next check */
  defer(work: Promise<unknown>): void;
  /**
   * work that can wait until no check has come for a moment, or the server leaves; a later call with the same key
   * replaces an earlier one still waiting
   */
  whenQuiet(key: string, work: () => Promise<unknown>): void;
}

/** What the server keeps under `key`, made on first use. */
export function keptIn<T>(resident: Resident, key: string, make: () => T): T {
  if (!resident.caches.has(key)) resident.caches.set(key, make());
  return resident.caches.get(key) as T;
}

/** What a server keeps for the git port: commit listings, object readers, locations (src/git/cli-git.ts). */
export const keptGit = (resident: Resident): GitKept => keptIn(resident, 'git', newGitKept);

/** Results kept in memory: at most the few a check reads (HEAD's, the index's), like the files on disk. */
const KEEP_IN_MEMORY = 4;

/**
 * A result cache that also remembers what it read or stored (`key` names its directory). A remembered result is
 * shared by later checks, so it is frozen: code that changed one would throw rather than corrupt the next check's
 * schema. Files serve only a later check run without the server, so they are written when the server is quiet:
 * the last result stored (the index's, HEAD's after the commit), then the ones read are marked as just used, so
 * trimming keeps them.
 */
export function rememberingResults<T>(inner: ResultCache<T>, resident: Resident, key: string): ResultCache<T> {
  const kept = new Map<string, T>();
  let lastStored: string | null = null;
  const read = new Set<string>();
  const keep = (name: string, value: T): T => {
    setRecent(kept, name, deepFreeze(value), KEEP_IN_MEMORY);
    return value;
  };
  const writeWhenQuiet = async (): Promise<void> => {
    const stored = lastStored === null ? undefined : kept.get(lastStored);
    if (lastStored !== null && stored !== undefined) inner.set(lastStored, stored);
    lastStored = null;
    await inner.flush();
    for (const name of read) await inner.touch(name);
    read.clear();
  };
  return {
    async get(name) {
      read.add(name);
      const known = kept.get(name);
      if (known !== undefined) return keep(name, known);
      const value = await inner.get(name);
      return value === undefined ? undefined : keep(name, value);
    },
    set(name, value) {
      read.delete(name);
      lastStored = name;
      keep(name, value);
    },
    touch: (name) => inner.touch(name),
    flush: () => {
      resident.whenQuiet(`results ${key}`, writeWhenQuiet);
      return Promise.resolve();
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
