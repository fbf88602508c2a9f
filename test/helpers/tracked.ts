// Per-test clean-up for repositories and git ports: call at the top of a test file, use the returned makers.
import { afterEach } from 'vitest';
import { openGit } from '../../src/git/open.js';
import type { GitPort } from '../../src/git/port.js';
import { createRepo, type TestRepo } from './git-repo.js';

export function trackedResources() {
  let cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups = [];
  });
  const track = (repo: TestRepo): TestRepo => {
    cleanups.push(() => repo.cleanup());
    return repo;
  };
  return {
    track,
    /** anything else to undo after the test */
    defer(cleanup: () => void | Promise<void>): void {
      cleanups.push(cleanup);
    },
    /** a CLI-backend port on `dir`, closed after the test */
    async port(dir: string, env: NodeJS.ProcessEnv): Promise<GitPort> {
      const opened = await openGit(dir, env, { backend: 'cli' });
      cleanups.push(() => opened.close());
      return opened;
    },
    /** a fresh repository with these files written (not committed) */
    repoWith(files: Record<string, string>): TestRepo {
      const repo = track(createRepo());
      for (const [file, text] of Object.entries(files)) repo.write(file, text);
      return repo;
    },
  };
}
