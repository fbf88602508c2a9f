// Temporary directories holding real config files for the config tests; removed after each test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { loadConfig, type LoadConfigOptions } from '../../src/config/load.js';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory with `files` (relative path → content) written into it. */
export function configDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sg-config-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The ConfigError that loading throws; fails the test when loading succeeds or throws anything else. */
export async function loadError(options: LoadConfigOptions): Promise<ConfigError> {
  try {
    await loadConfig(options);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be rejected, but it loaded');
}
