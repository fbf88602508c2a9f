// Backend choice, and the cat-file helper's life cycle as a short-lived hook process sees it.
import { spawnSync } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitError } from '../src/git/errors.js';
import { findExecutable, openGit } from '../src/git/open.js';
import { compileGitLayer } from './helpers/git-probe.js';
import { createRepo, makeTempDir, type TestRepo } from './helpers/git-repo.js';
import { trackedResources } from './helpers/tracked.js';

let probe = '';
beforeAll(() => {
  probe = compileGitLayer();
});
afterAll(() => rmSync(probe, { recursive: true, force: true }));

const { defer, track } = trackedResources();

function repoWithFile(): TestRepo {
  const repo = createRepo({ files: { 'a.py': 'a = 1\n' } });
  track(repo);
  return repo;
}

describe('openGit', () => {
  it('uses the git executable found on PATH, and isomorphic-git when there is none', async () => {
    const repo = repoWithFile();
    const realGit = await findExecutable('git', process.env);
    expect(realGit).toMatch(/git$/);
    const bin = makeTempDir();
    defer(() => rmSync(bin, { recursive: true, force: true }));
    symlinkSync(realGit ?? '', join(bin, 'git'));

    const withGit = await openGit(repo.dir, { ...repo.env, PATH: bin });
    expect(withGit.backend).toBe('cli');
    expect((await withGit.repoInfo()).headRef).toBe('main');
    await withGit.close();

    const noGit = await openGit(repo.dir, { ...repo.env, PATH: join(bin, 'no-such-dir') });
    expect(noGit.backend).toBe('iso');
    expect((await noGit.repoInfo()).headRef).toBe('main');
  });

  it('refuses a directory that does not exist, and a port that was closed', async () => {
    const repo = repoWithFile();
    await expect(openGit(join(repo.dir, 'missing'), repo.env)).rejects.toThrow(GitError);
    for (const backend of ['cli', 'iso'] as const) {
      const git = await openGit(repo.dir, repo.env, { backend });
      await git.close();
      await expect(git.listFiles({ kind: 'index' }, () => true)).rejects.toThrow(/after close/);
    }
  });

  it('an idle cat-file helper does not keep a hook process alive, and close() lets a top-level await finish', () => {
    const repo = repoWithFile();
    const script = (close: boolean) => `
      import { openGit } from './git/open.js';
      const git = await openGit(process.cwd(), process.env, { backend: 'cli' });
      const [entry] = await git.listFiles({ kind: 'index' }, () => true);
      const texts = await git.readBlobs([entry.oid]);
      ${close ? 'await git.close();' : ''}
      process.stdout.write(texts.get(entry.oid).text);
    `;
    for (const close of [false, true]) {
      const file = join(probe, `idle-${close}.mjs`);
      writeFileSync(file, script(close));
      const options = { cwd: repo.dir, env: repo.env, encoding: 'utf8', timeout: 10_000 } as const;
      const result = spawnSync(process.execPath, [file], options);
      expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: 'a = 1\n' });
    }
  });
});
