// The git executable backend reads exactly what will be committed: index, not HEAD, not the working tree.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GitError } from '../src/git/errors.js';
import { openGit } from '../src/git/open.js';
import type { GitPort, Snapshot } from '../src/git/port.js';
import { readSnapshotFiles } from '../src/git/sources.js';
import { createRepo, hermeticEnv, makeTempDir } from './helpers/git-repo.js';
import { trackedResources } from './helpers/tracked.js';

const INDEX: Snapshot = { kind: 'index' };
const head = (oid: string): Snapshot => ({ kind: 'commit', oid });
const all = () => true;

const { track, port, defer } = trackedResources();

/** The patch's header and its first hunk: what `git add -p` stages after answering y, n. */
function firstHunkOnly(patch: string): string {
  const lines = patch.split('\n');
  const hunks = lines.flatMap((line, i) => (line.startsWith('@@') ? [i] : []));
  expect(hunks.length).toBe(2);
  return lines.slice(0, hunks[1]).join('\n') + '\n';
}

async function stagedText(git: GitPort, path: string): Promise<string | undefined> {
  const files = await readSnapshotFiles(git, INDEX, (p) => p === path);
  return files[0]?.text;
}

const MODEL = (a: string, b: string) =>
  [
    'class User(Base):',
    '    __tablename__ = "users"',
    `    id = Column(${a}, primary_key=True)`,
    ...Array.from({ length: 12 }, (_, i) => `    # filler line ${i}`),
    `    email = Column(${b})`,
    '',
  ].join('\n');

describe('staged snapshot through the git executable', () => {
  it('sees one hunk staged with `git apply --cached` (git add -p), not HEAD and not the working tree', async () => {
    const repo = track(createRepo({ files: { 'models.py': MODEL('Integer', 'String(50)') } }));
    const headOid = repo.git('rev-parse', 'HEAD').trim();
    repo.write('models.py', MODEL('BigInteger', 'Text'));
    repo.gitWith({ input: firstHunkOnly(repo.git('diff', '-U1', 'models.py')) }, 'apply', '--cached', '-');
    const git = await port(repo.dir, repo.env);

    expect(await stagedText(git, 'models.py')).toBe(MODEL('BigInteger', 'String(50)'));
    const [headFile] = await readSnapshotFiles(git, head(headOid), all);
    expect(headFile?.text).toBe(MODEL('Integer', 'String(50)'));
    expect(readFileSync(join(repo.dir, 'models.py'), 'utf8')).toBe(MODEL('BigInteger', 'Text'));
    const changes = await git.changedFiles(head(headOid), INDEX);
    expect(changes).toEqual([
      expect.objectContaining({ status: 'M', path: 'models.py', newOid: repo.git('rev-parse', ':models.py').trim() }),
    ]);
  });

  it('sees a real `git add -p` that takes the first hunk only', async () => {
    const repo = track(createRepo({ files: { 'models.py': MODEL('Integer', 'String(50)') } }));
    repo.write('models.py', MODEL('BigInteger', 'Text'));
    repo.gitWith({ input: 'y\nn\n' }, '-c', 'interactive.singleKey=false', 'add', '-p', 'models.py');
    const git = await port(repo.dir, repo.env);
    expect(await stagedText(git, 'models.py')).toBe(MODEL('BigInteger', 'String(50)'));
  });

  it('honours GIT_INDEX_FILE (`git commit <path>`), absolute or relative to the top', async () => {
    const repo = track(createRepo({ files: { 'a.py': 'a = 1\n', 'pkg/b.py': 'b = 1\n' } }));
    repo.write('a.py', 'a = 2\n');
    repo.git('add', 'a.py');
    repo.write('pkg/b.py', 'b = 3\n');
    const temp = join(repo.dir, '.git', 'next-index-test');
    repo.gitWith({ env: { GIT_INDEX_FILE: temp } }, 'read-tree', 'HEAD');
    repo.gitWith({ env: { GIT_INDEX_FILE: temp } }, 'add', 'pkg/b.py');

    const normal = await port(repo.dir, repo.env);
    expect((await normal.changedFiles(head(repo.git('rev-parse', 'HEAD').trim()), INDEX)).map((c) => c.path)).toEqual([
      'a.py',
    ]);
    for (const value of [temp, '.git/next-index-test']) {
      // run from a subdirectory: git resolves a relative GIT_INDEX_FILE from the top of the working tree
      const git = await port(join(repo.dir, 'pkg'), { ...repo.env, GIT_INDEX_FILE: value });
      const info = await git.repoInfo();
      expect(info.indexFile).toBe(temp);
      expect((await git.changedFiles(head(info.headOid ?? ''), INDEX)).map((c) => c.path)).toEqual(['pkg/b.py']);
      expect(await stagedText(git, 'a.py')).toBe('a = 1\n');
      expect(await stagedText(git, 'pkg/b.py')).toBe('b = 3\n');
    }
  });

  it('refuses a GIT_INDEX_FILE that does not exist instead of reading it as an empty index', async () => {
    const repo = track(createRepo({ files: { 'a.py': 'a = 1\n' } }));
    const git = await port(repo.dir, { ...repo.env, GIT_INDEX_FILE: 'no-such-index' });
    const error = await git.listFiles(INDEX, all).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toContain(join(repo.dir, 'no-such-index'));
  });

  it('reads an index in version 4 (index.version 4 / feature.manyFiles)', async () => {
    const repo = track(createRepo({ files: { 'm/a.py': 'a = 1\n', 'm/b.py': 'b = 1\n', 'm/c/d.py': 'd = 1\n' } }));
    repo.git('update-index', '--index-version', '4');
    repo.write('m/b.py', 'b = 2\n');
    repo.git('add', 'm/b.py');
    repo.write('m/b.py', 'b = 3\n');
    expect(readFileSync(join(repo.dir, '.git', 'index')).readUInt32BE(4)).toBe(4);
    const git = await port(repo.dir, repo.env);
    expect((await git.listFiles(INDEX, all)).map((e) => e.path)).toEqual(['m/a.py', 'm/b.py', 'm/c/d.py']);
    expect(await stagedText(git, 'm/b.py')).toBe('b = 2\n');
    expect(readFileSync(join(repo.dir, '.git', 'index')).readUInt32BE(4)).toBe(4);
  });

  it('reads an index in version 3 (intent-to-add): the i-t-a file reads as empty, so it adds no tables', async () => {
    const repo = track(createRepo({ files: { 'a.py': 'a = 1\n' } }));
    repo.write('a.py', 'a = 2\n');
    repo.git('add', 'a.py');
    repo.write('later.py', 'class Later(Base): ...\n');
    repo.git('add', '-N', 'later.py');
    expect(readFileSync(join(repo.dir, '.git', 'index')).readUInt32BE(4)).toBe(3);
    const git = await port(repo.dir, repo.env);
    const files = await readSnapshotFiles(git, INDEX, all);
    expect(Object.fromEntries(files.map((f) => [f.path, f.text]))).toEqual({ 'a.py': 'a = 2\n', 'later.py': '' });
    const changes = await git.changedFiles(head(repo.git('rev-parse', 'HEAD').trim()), INDEX);
    // as diff-index reports it: an added empty blob (git commit leaves the file out; both add no schema)
    expect(changes.map((c) => [c.status, c.path, c.newOid])).toEqual([
      ['M', 'a.py', repo.git('rev-parse', ':a.py').trim()],
      ['A', 'later.py', 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391'],
    ]);
  });

  it('never writes the index, even when it is stat-dirty', async () => {
    const repo = track(createRepo({ files: { 'a.py': 'a = 1\n', 'b.py': 'b = 1\n' } }));
    repo.write('a.py', 'a = 2\n');
    repo.git('add', 'a.py');
    repo.write('b.py', 'b = 1\n'); // same content, new mtime: `git status` would refresh the index
    const indexPath = join(repo.dir, '.git', 'index');
    const before = { bytes: readFileSync(indexPath), mtime: statSync(indexPath).mtimeMs };
    for (const backend of ['cli', 'iso'] as const) {
      const git = await openGit(repo.dir, repo.env, { backend });
      const info = await git.repoInfo();
      await git.changedFiles(head(info.headOid ?? ''), INDEX);
      await readSnapshotFiles(git, INDEX, all);
      await git.close();
    }
    expect(readFileSync(indexPath).equals(before.bytes)).toBe(true);
    expect(statSync(indexPath).mtimeMs).toBe(before.mtime);
    expect(existsSync(`${indexPath}.lock`)).toBe(false);
  });

  it('detached HEAD: no branch, the commit id', async () => {
    const repo = track(createRepo({ files: { 'a.py': 'a = 1\n' } }));
    const first = repo.git('rev-parse', 'HEAD').trim();
    repo.write('a.py', 'a = 2\n');
    repo.commit('second');
    repo.git('checkout', '-q', '--detach', first);
    const info = await (await port(repo.dir, repo.env)).repoInfo();
    expect(info).toMatchObject({ headOid: first, headRef: null, isBare: false, isShallow: false, toplevel: repo.dir });
  });

  it('no commit yet: HEAD is null and every staged file is an addition from the empty snapshot', async () => {
    const repo = track(createRepo());
    repo.write('models/user.py', 'x = 1\n');
    repo.git('add', '.');
    const git = await port(repo.dir, repo.env);
    const info = await git.repoInfo();
    expect(info).toMatchObject({ headOid: null, headRef: 'main', hasSubmodules: false });
    expect(await git.resolve('HEAD')).toBeNull();
    const changes = await git.changedFiles({ kind: 'empty' }, INDEX);
    const newOid = repo.git('rev-parse', ':models/user.py').trim();
    expect(changes).toEqual([{ status: 'A', path: 'models/user.py', newOid, newMode: '100644' }]);
  });

  it('detects a rename with an edit, a deletion and a file that became a symlink', async () => {
    const body = Array.from({ length: 20 }, (_, i) => `column_${i} = Column(Integer)\n`).join('');
    const repo = track(createRepo({ files: { 'old/user.py': body, 'gone.py': 'x = 1\n', 'link.py': 'y = 1\n' } }));
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.remove('old/user.py');
    repo.write('new/user.py', body + 'extra = Column(Text)\n');
    repo.git('rm', '-q', 'gone.py');
    repo.symlink('link.py', 'new/user.py');
    repo.git('add', '-A');
    const git = await port(repo.dir, repo.env);
    const changes = await git.changedFiles(head(base), INDEX);
    expect(changes.map(({ status, path, oldPath, newMode }) => ({ status, path, oldPath, newMode }))).toEqual([
      { status: 'D', path: 'gone.py', oldPath: undefined, newMode: undefined },
      { status: 'T', path: 'link.py', oldPath: undefined, newMode: '120000' },
      { status: 'R', path: 'new/user.py', oldPath: 'old/user.py', newMode: '100644' },
    ]);
    const reverse = await git.changedFiles(INDEX, head(base));
    expect(reverse.find((c) => c.status === 'R')).toMatchObject({ path: 'old/user.py', oldPath: 'new/user.py' });
    // a symlink's blob is its target, not Python: the source bridge leaves it out
    expect((await readSnapshotFiles(git, INDEX, all)).map((f) => f.path)).toEqual(['new/user.py']);
  });

  it('reads many blobs through one cat-file process and fails clearly on a missing object', async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`m/f${i}.py`, `v = ${i}\n`]));
    const repo = track(createRepo({ files }));
    const git = await port(repo.dir, repo.env);
    const listed = await git.listFiles(head(repo.git('rev-parse', 'HEAD').trim()), all);
    const texts = await git.readBlobs(listed.map((e) => e.oid));
    expect(listed.map((e) => texts.get(e.oid)?.text)).toEqual(listed.map((e) => files[e.path]));
    const missing = await git.readBlobs(['0123456789012345678901234567890123456789']).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(GitError);
    expect((missing as GitError).message).toMatch(/0123456789012345678901234567890123456789 is not in this repository/);
    // the helper process survives a miss
    expect((await git.readBlobs([listed[0]?.oid ?? ''])).size).toBe(1);
  });

  it('history: resolve, parents, commit message, rev-list and merge-base', async () => {
    const repo = track(createRepo({ files: { 'a.py': '1\n' } }));
    const c1 = repo.git('rev-parse', 'HEAD').trim();
    repo.write('a.py', '2\n');
    const c2 = repo.commit('second\n\nbody line');
    repo.git('checkout', '-q', '-b', 'side', c1);
    repo.write('b.py', '3\n');
    const side = repo.commit('side');
    const git = await port(repo.dir, repo.env);
    expect(await git.resolve('main')).toBe(c2);
    expect(await git.resolve('main~1')).toBe(c1);
    expect(await git.resolve('no-such-branch')).toBeNull();
    expect(await git.resolve('--output=x')).toBeNull();
    expect(await git.parents(c2)).toEqual([c1]);
    expect(await git.parents(c1)).toEqual([]);
    expect(await git.commitMessage(c2)).toBe('second\n\nbody line\n');
    expect(await git.revList(null, c2)).toEqual([c1, c2]);
    expect(await git.revList(c1, c2)).toEqual([c2]);
    expect(await git.mergeBase(c2, side)).toBe(c1);
  });

  it('unresolved merge conflicts: a clear GitError, whichever way the index is read', async () => {
    const repo = track(createRepo({ files: { 'a.py': 'a = 0\n' } }));
    repo.git('checkout', '-q', '-b', 'side');
    repo.write('a.py', 'a = side\n');
    repo.commit('side');
    repo.git('checkout', '-q', 'main');
    repo.write('a.py', 'a = main\n');
    const main = repo.commit('main');
    expect(() => repo.git('merge', '-q', 'side')).toThrow(/CONFLICT|failed/);
    const git = await port(repo.dir, repo.env);
    await expect(git.listFiles(INDEX, all)).rejects.toThrow(/a\.py has unresolved merge conflicts/);
    await expect(git.changedFiles(head(main), INDEX)).rejects.toThrow(/a\.py has unresolved merge conflicts/);
    const iso = await openGit(repo.dir, repo.env, { backend: 'iso' });
    await expect(iso.listFiles(INDEX, all)).rejects.toThrow(/a\.py has unresolved merge conflicts/);
  });

  it('outside a repository: a clear GitError, not a stack trace', async () => {
    const dir = makeTempDir();
    defer(() => rmSync(dir, { recursive: true, force: true }));
    const git = await port(dir, { ...hermeticEnv(dir), GIT_CEILING_DIRECTORIES: dir });
    const error = await git.repoInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toMatch(/not a git repository/);
    expect((error as GitError).hint).toBeTruthy();
  });
});
