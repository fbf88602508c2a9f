// Hands an override from the pre-commit run to the commit-msg hook of the same `git commit`, through the git dir.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OverrideTrailer } from './trailers.js';

const FILE = 'pending-override.json';
// A record older than this belongs to an aborted commit, not to the one now writing its message.
const MAX_AGE_MS = 60 * 60 * 1000;

const pathIn = (gitDir: string) => join(gitDir, 'schemaguard', FILE);

export async function writeOverrideRecord(gitDir: string, trailer: OverrideTrailer, now: Date): Promise<void> {
  const file = pathIn(gitDir);
  await mkdir(join(gitDir, 'schemaguard'), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ ...trailer, at: now.toISOString() }));
  await rename(temp, file);
}

export async function clearOverrideRecord(gitDir: string): Promise<void> {
  await rm(pathIn(gitDir), { force: true });
}

/** The record left by this commit's pre-commit run, consumed (deleted) by reading it. */
export async function takeOverrideRecord(gitDir: string, now: Date): Promise<OverrideTrailer | null> {
  const file = pathIn(gitDir);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  await rm(file, { force: true });
  try {
    const record = JSON.parse(text) as Partial<OverrideTrailer> & { at?: string };
    const age = now.getTime() - Date.parse(record.at ?? '');
    if (typeof record.reason !== 'string' || !Array.isArray(record.rules) || !(age >= 0 && age < MAX_AGE_MS)) return null;
    return { reason: record.reason, rules: record.rules.filter((r): r is string => typeof r === 'string') };
  } catch {
    return null;
  }
}
