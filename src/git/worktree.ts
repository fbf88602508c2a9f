// Reads the Python files of a working tree from disk (no git needed), skipping environments and tests.
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { isSkippedByDefault } from '../config/model-paths.js';
import { decodeSource } from './source-encoding.js';
import { sourceFile } from './sources.js';
import type { SourceFile } from './types.js';

export interface WorktreeOptions {
  /** files or directories (relative to root, or absolute) to read instead of the whole tree */
  paths?: string[];
  /** globs of repository-relative paths to leave out */
  exclude?: string[];
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** The same default skips as a check's git listing (config/model-paths), plus any virtualenv by its marker. */
function isSkippedDir(rel: string, full: string): boolean {
  return isSkippedByDefault(`${rel}/module.py`) || existsSync(join(full, 'pyvenv.cfg'));
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const rel = toPosix(relative(root, full));
    if (entry.isDirectory()) {
      if (!isSkippedDir(rel, full)) await walk(root, full, out);
    } else if (entry.isFile() && rel.endsWith('.py') && !isSkippedByDefault(rel)) {
      out.push(rel);
    }
  }
}

export async function readWorktreeFiles(root: string, options: WorktreeOptions = {}): Promise<SourceFile[]> {
  const base = resolve(root);
  const found: string[] = [];
  for (const p of options.paths?.length ? options.paths : ['.']) {
    const full = resolve(base, p);
    const info = await stat(full);
    if (info.isDirectory()) await walk(base, full, found);
    else if (full.endsWith('.py')) found.push(toPosix(relative(base, full)));
  }
  const excluded = options.exclude?.length ? picomatch(options.exclude, { dot: true }) : () => false;
  const paths = [...new Set(found)].filter((p) => !excluded(p));
  // one by one and synchronously: thousands of small reads in flight at once cost more in the thread pool than they gain
  return paths.map((path) => sourceFile(path, decodeSource(readFileSync(join(base, path)))));
}
