// What a resident server (src/server/) keeps between the checks it runs, and the work it finishes after replying.
import { newGitKept, type GitKept } from '../git/cli-git.js';
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

/** What a server keeps for the git port: commit listings and object readers (src/git/cli-git.ts bounds them). */
export function keptGit(resident: Resident): GitKept {
  let kept = resident.caches.get(GIT_KEY) as GitKept | undefined;
  if (kept === undefined) {
    kept = newGitKept();
    resident.caches.set(GIT_KEY, kept);
  }
  return kept;
}

const GIT_KEY = 'git';

/** Results kept in memory: at most the few a check reads (HEAD's, the index's), like the files on disk. */
const KEEP_IN_MEMORY = 4;

/**
 * A result cache that also remembers what it read or stored (`key` names its directory). A remembered result is shared by later checks, so it
 * is frozen: code that changed one would throw rather than corrupt the next check's schema.
 */
export function rememberingResults<T>(inner: ResultCache<T>, resident: Resident, key: string): ResultCache<T> {
  const kept = new Map<string, T>();
  const keep = (key: string, value: T): T => {
    kept.delete(key);
    kept.set(key, deepFreeze(value));
    for (const old of kept.keys()) {
      if (kept.size <= KEEP_IN_MEMORY) break;
      kept.delete(old);
    }
    return value;
  };
  return {
    async get(key) {
      const known = kept.get(key);
      // the file stays among the most recently used, for a check run without the server
      if (known !== undefined) return inner.touch(key).then(() => keep(key, known));
      const value = await inner.get(key);
      return value === undefined ? undefined : keep(key, value);
    },
    set(key, value) {
      inner.set(key, value);
      keep(key, value);
    },
    touch: (key) => inner.touch(key),
    // a result file (~1.6 MB for 200 models) only serves a later check run without the server: written when quiet
    flush: () => {
      resident.whenQuiet(`results ${key}`, () => inner.flush());
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
