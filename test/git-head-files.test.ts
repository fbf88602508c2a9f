// HEAD read from the git dir's files (src/git/head-files.ts) must agree with git, or leave the answer to git.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeadFiles } from '../src/git/head-files.js';
import { makeTempDir } from './helpers/git-repo.js';
import { trackedResources } from './helpers/tracked.js';
import { createRepo } from './helpers/git-repo.js';

const { track, defer } = trackedResources();
const FILES = { 'a.txt': 'a\n' };

describe('HEAD from the files', () => {
  it('reads a branch from a loose ref, then from packed-refs, and a detached HEAD', async () => {
    const repo = track(createRepo({ files: FILES }));
    const gitDir = join(repo.dir, '.git');
    const head = repo.git('rev-parse', 'HEAD').trim();
    expect(await readHeadFiles(gitDir, gitDir)).toEqual({ oid: head, symbolic: 'refs/heads/main' });
    repo.git('pack-refs', '--all');
    expect(await readHeadFiles(gitDir, gitDir)).toEqual({ oid: head, symbolic: 'refs/heads/main' });
    repo.write('a.txt', 'b\n');
    const second = repo.commit('second');
    expect(await readHeadFiles(gitDir, gitDir)).toEqual({ oid: second, symbolic: 'refs/heads/main' });
    repo.git('checkout', '-q', '--detach', head);
    expect(await readHeadFiles(gitDir, gitDir)).toEqual({ oid: head, symbolic: 'HEAD' });
  });

  it('reads a linked worktree: HEAD in its own git dir, the branch in the common one', async () => {
    const repo = track(createRepo({ files: FILES }));
    const dir = makeTempDir();
    defer(() => repo.git('worktree', 'remove', '--force', join(dir, 'wt')));
    repo.git('worktree', 'add', '-q', '-b', 'side', join(dir, 'wt'));
    const gitDir = join(repo.dir, '.git', 'worktrees', 'wt');
    expect(await readHeadFiles(gitDir, join(repo.dir, '.git'))).toEqual({ oid: repo.git('rev-parse', 'side').trim(), symbolic: 'refs/heads/side' });
  });

  it('leaves an unborn branch and a symbolic ref to a non-branch to git', async () => {
    const repo = track(createRepo({}));
    const gitDir = join(repo.dir, '.git');
    expect(await readHeadFiles(gitDir, gitDir)).toBeNull();
    repo.write('a.txt', 'a\n');
    repo.commit('first');
    repo.git('symbolic-ref', 'HEAD', 'refs/remotes/origin/main');
    expect(await readHeadFiles(gitDir, gitDir)).toBeNull();
  });
});
