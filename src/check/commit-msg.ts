// The commit-msg hook's half of an override: put the reason the pre-commit run recorded into the message.
import { readFile, writeFile } from 'node:fs/promises';
import { openGit } from '../git/open.js';
import { takeOverrideRecord } from './override-record.js';
import { appendOverrideTrailer, type OverrideTrailer } from './trailers.js';

/** Adds the trailer when this commit's pre-commit check passed by override; returns what was added, or null. */
export async function addOverrideTrailer(messageFile: string, cwd: string, env: NodeJS.ProcessEnv, now: Date): Promise<OverrideTrailer | null> {
  const port = await openGit(cwd, env);
  try {
    const { gitDir } = await port.repoInfo();
    const record = await takeOverrideRecord(gitDir, now);
    // the record must come from this very `git commit`: the reason travels in its environment
    if (record === null || (env.SCHEMAGUARD_OVERRIDE ?? '').trim() === '') return null;
    const message = await readFile(messageFile, 'utf8');
    await writeFile(messageFile, appendOverrideTrailer(message, record));
    return record;
  } finally {
    await port.close();
  }
}
