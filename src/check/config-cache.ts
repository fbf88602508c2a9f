// The validated config, remembered under the git dir: a warm hook skips cosmiconfig and zod (~100 ms of imports).
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { LoadConfigOptions, LoadedConfig } from '../config/load.js';
import { DEDICATED_PLACES, SHARED_PLACES } from '../config/places.js';

const CONFIG_PLACES = [...DEDICATED_PLACES, ...SHARED_PLACES] as const;

/** A JS config may compute its result (from the environment, the date): it is loaded every time. */
const CODE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs']);
/** Like git's racy-clean check: a file changed this recently may change again within its mtime's granularity. */
const RACY_MS = 2000;
const FILE = 'config.json';

export interface ConfigCacheOptions extends LoadConfigOptions {
  /** `<commonDir>/schemaguard`: deleting it is always safe */
  dir: string;
  toolVersion: string;
}

/** What the loaded config depends on: the options and every place's identity (or absence); null when not cacheable. */
async function fingerprint(options: ConfigCacheOptions): Promise<string | null> {
  const cwd = resolve(options.cwd);
  const places = options.configPath === undefined ? CONFIG_PLACES.map((p) => join(cwd, p)) : [resolve(cwd, options.configPath)];
  const now = Date.now();
  const stats: string[] = [];
  for (const place of places) {
    const info = await stat(place).catch(() => null);
    if (info === null) {
      stats.push('-');
      continue;
    }
    if (CODE_EXTENSIONS.has(extname(place)) || now - info.mtimeMs < RACY_MS) return null;
    // ctime too: it moves on every write, even one that restores an old mtime
    stats.push(`${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`);
  }
  return JSON.stringify([options.toolVersion, cwd, options.configPath ?? null, options.knownRuleIds ?? null, stats]);
}

async function readEntry(file: string, key: string): Promise<LoadedConfig | null> {
  try {
    const entry = JSON.parse(await readFile(file, 'utf8')) as { key?: unknown; loaded?: LoadedConfig };
    return entry.key === key && entry.loaded !== undefined ? entry.loaded : null;
  } catch {
    return null;
  }
}

/** Atomic (temp file + rename), and never an error: a cache that cannot be written is a miss next time. */
async function writeEntry(dir: string, key: string, loaded: LoadedConfig): Promise<void> {
  const temp = join(dir, `${FILE}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, JSON.stringify({ key, loaded }));
    await rename(temp, join(dir, FILE));
  } catch {
    await unlink(temp).catch(() => undefined);
  }
}

/** loadConfig, answered from the cache when no config place changed since the last load. */
export async function loadConfigCached(options: ConfigCacheOptions): Promise<LoadedConfig> {
  const key = await fingerprint(options);
  const hit = key === null ? null : await readEntry(join(options.dir, FILE), key);
  if (hit !== null) return hit;
  const { loadConfig } = await import('../config/load.js');
  const loaded = await loadConfig({
    cwd: options.cwd,
    ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    ...(options.knownRuleIds === undefined ? {} : { knownRuleIds: options.knownRuleIds }),
  });
  if (key !== null) await writeEntry(options.dir, key, loaded);
  return loaded;
}
