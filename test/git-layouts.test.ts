// Repository layouts a hook meets: linked worktrees, shallow clones, submodules, bare repositories.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitError } from '../src/git/errors.js';
import type { GitPort, Snapshot } from '../src/git/port.js';
import { readSnapshotFiles } from '../src/git/sources.js';
import { addWorktree, cloneShallow, createRepo } from './helpers/git-repo.js';
import { trackedResources } from './helpers/tracked.js';

const INDEX: Snapshot = { kind: 'index' };
const commit = (oid: string): Snapshot => ({ kind: 'commit', oid });
const all = () => true;

const { track, port } = trackedResources();

const texts = async (git: GitPort, snapshot: Snapshot) =>
  Object.fromEntries((await readSnapshotFiles(git, snapshot, all)).map((f) => [f.path, f.text]));

describe('repository layouts (git executable)', () => {
  it('linked worktree: its own index and HEAD, the main repository as common dir', async () => {
    const main = track(createRepo({ files: { 'a.py': 'a = 1\n' } }));
    const tree = track(addWorktree(main, 'feature'));
    main.write('a.py', 'a = main\n');
    main.git('add', 'a.py');
    tree.write('a.py', 'a = feature\n');
    tree.git('add', 'a.py');
    tree.write('a.py', 'a = feature, unstaged\n');

    const git = await port(tree.dir, tree.env);
    const info = await git.repoInfo();
    expect(info).toMatchObject({
      toplevel: tree.dir,
      gitDir: join(main.dir, '.git', 'worktrees', 'feature'),
      commonDir: join(main.dir, '.git'),
      indexFile: join(main.dir, '.git', 'worktrees', 'feature', 'index'),
      headRef: 'feature',
    });
    expect(await texts(git, INDEX)).toEqual({ 'a.py': 'a = feature\n' });
    // a hook in a linked worktree runs with GIT_DIR set to the worktree's git dir
    const hooked = await port(tree.dir, { ...tree.env, GIT_DIR: info.gitDir });
    expect(await texts(hooked, INDEX)).toEqual({ 'a.py': 'a = feature\n' });
    expect(await texts(await port(main.dir, main.env), INDEX)).toEqual({ 'a.py': 'a = main\n' });
  });

  it('shallow clone: history ends at the cut, missing objects are explained', async () => {
    const source = track(createRepo({ files: { 'a.py': 'v1\n' } }));
    const oldBlob = source.git('rev-parse', 'HEAD:a.py').trim();
    source.write('a.py', 'v2\n');
    const c2 = source.commit('two');
    source.write('a.py', 'v3\n');
    const c3 = source.commit('three');
    const clone = track(cloneShallow(source, 1));
    clone.write('a.py', 'v4\n');
    clone.git('add', 'a.py');

    const git = await port(clone.dir, clone.env);
    const info = await git.repoInfo();
    expect(info).toMatchObject({ isShallow: true, headOid: c3, headRef: 'main' });
    expect(await git.parents(c3)).toEqual([c2]);
    expect(await git.resolve(c2)).toBeNull();
    expect(await git.revList(null, c3)).toEqual([c3]);
    expect(await git.changedFiles(commit(c3), INDEX)).toMatchObject([{ status: 'M', path: 'a.py' }]);
    expect(await texts(git, INDEX)).toEqual({ 'a.py': 'v4\n' });
    const error = (await git.readBlobs([oldBlob]).catch((e: unknown) => e)) as GitError;
    expect(error).toBeInstanceOf(GitError);
    expect(error.hint).toMatch(/shallow clone/);
    const diff = (await git.changedFiles(commit(c2), commit(c3)).catch((e: unknown) => e)) as GitError;
    expect(diff).toBeInstanceOf(GitError);
    expect(diff.hint).toMatch(/shallow clone/);
  });

  it('submodule: a gitlink is not a file, in listings and in changes', async () => {
    const lib = track(createRepo({ files: { 'lib.py': 'x = 1\n' } }));
    const app = track(createRepo({ files: { 'app.py': 'y = 1\n' } }));
    app.git('submodule', 'add', '-q', lib.dir, 'vendor/lib');
    const withSub = app.commit('add submodule');
    lib.write('lib.py', 'x = 2\n');
    lib.commit('bump');
    app.git('-C', 'vendor/lib', 'pull', '-q', 'origin', 'main');
    app.git('add', 'vendor/lib');
    app.write('app.py', 'y = 2\n');
    app.git('add', 'app.py');

    const git = await port(app.dir, app.env);
    const info = await git.repoInfo();
    expect(info.hasSubmodules).toBe(true);
    expect((await git.listFiles(commit(withSub), all)).map((e) => e.path)).toEqual(['.gitmodules', 'app.py']);
    expect((await git.listFiles(INDEX, all)).map((e) => e.path)).toEqual(['.gitmodules', 'app.py']);
    expect(app.git('diff', '--cached', '--name-only')).toContain('vendor/lib');
    expect((await git.changedFiles(commit(withSub), INDEX)).map((c) => c.path)).toEqual(['app.py']);
    // inside the submodule's checkout the port sees the submodule's own repository
    const inner = await port(join(app.dir, 'vendor', 'lib'), app.env);
    expect(await texts(inner, INDEX)).toEqual({ 'lib.py': 'x = 2\n' });
  });

  it('bare repository: commits are readable, the index is refused clearly', async () => {
    const source = track(createRepo({ files: { 'a.py': 'a = 1\n' } }));
    const bare = track(createRepo({ bare: true }));
    source.git('push', '-q', bare.dir, 'main');
    const git = await port(bare.dir, bare.env);
    const info = await git.repoInfo();
    expect(info).toMatchObject({ isBare: true, toplevel: null, indexFile: null, gitDir: bare.dir });
    expect(await texts(git, commit(info.headOid ?? ''))).toEqual({ 'a.py': 'a = 1\n' });
    await expect(git.listFiles(INDEX, all)).rejects.toThrow(/bare repository has no index/);
  });
});
