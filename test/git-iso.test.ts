// The isomorphic-git backend answers exactly like the git executable, or refuses with a clear error.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GitError } from '../src/git/errors.js';
import { openGit } from '../src/git/open.js';
import type { GitPort, Snapshot } from '../src/git/port.js';
import { addWorktree, cloneShallow, createRepo, type TestRepo } from './helpers/git-repo.js';

const all = () => true;

let cleanups: Array<() => void | Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

function track(repo: TestRepo): TestRepo {
  cleanups.push(() => repo.cleanup());
  return repo;
}

async function both(dir: string, env: NodeJS.ProcessEnv): Promise<[GitPort, GitPort]> {
  const cli = await openGit(dir, env, { backend: 'cli' });
  const iso = await openGit(dir, env, { backend: 'iso' });
  cleanups.push(() => cli.close(), () => iso.close());
  return [cli, iso];
}

/** Everything the port can say about a repository, as one comparable value. */
async function observe(git: GitPort, commits: string[]): Promise<unknown> {
  const snapshots: Snapshot[] = [{ kind: 'empty' }, ...commits.map((oid) => ({ kind: 'commit' as const, oid }))];
  const info = await git.repoInfo();
  if (!info.isBare) snapshots.push({ kind: 'index' });
  const listings = await Promise.all(snapshots.map((s) => git.listFiles(s, all)));
  const oids = [...new Set(listings.flat().map((e) => e.oid))].sort();
  const changes = [];
  for (const from of snapshots) for (const to of snapshots) changes.push(await git.changedFiles(from, to));
  const last = commits.at(-1) ?? '';
  return {
    info,
    listings,
    blobs: Object.fromEntries(await git.readBlobs(oids)),
    changes,
    history: {
      all: await git.revList(null, last),
      sinceFirst: await git.revList(commits[0] ?? null, last),
      notOnRemotes: await git.revList(await git.remoteTips(), last),
      remoteTips: (await git.remoteTips()).sort(),
      parents: await Promise.all(commits.map((c) => git.parents(c))),
      messages: await Promise.all(commits.map((c) => git.commitMessage(c))),
      mergeBase: await git.mergeBase(commits[0] ?? '', last),
    },
  };
}

/** Three commits touching what rename detection and listings have to get right, then staged changes. */
function scenarioRepo(): { repo: TestRepo; commits: string[] } {
  const body = (tag: string) =>
    Array.from({ length: 30 }, (_, i) => `field_${i} = Column(String(${i}))  # ${tag}\n`).join('');
  const repo = track(
    createRepo({
      files: {
        'app/models/user.py': body('user'),
        'app/models/order.py': body('order'),
        'app/models/same.py': 'identical = True\n',
        'app/util/helpers.py': 'def helper():\n    return 1',
        'docs/readme.md': 'crlf\r\nline\r\n',
        'empty.py': '',
        'bin/tool.sh': '#!/bin/sh\necho hi\n',
        'café/naïve.py': 'ünïcode = "ok"\n',
      },
    }),
  );
  repo.git('update-index', '--chmod=+x', 'bin/tool.sh');
  const c1 = repo.commit('first');
  repo.remove('app/models/user.py');
  repo.write('app/accounts/user.py', body('user') + 'extra = Column(Text)\n');
  repo.remove('app/models/same.py');
  repo.write('moved/same.py', 'identical = True\n');
  repo.remove('app/util/helpers.py');
  repo.write('app/order_totals.py', body('totally different') + body('new'));
  repo.symlink('latest.py', 'app/accounts/user.py');
  const c2 = repo.commit('second\n\nwith a body\n');
  repo.write('app/models/order.py', body('order').replace('field_3 ', 'field_three '));
  repo.git('tag', '-a', '-m', 'release', 'v1');
  // a remote-tracking ref at the second commit, as a fetch leaves it
  repo.git('update-ref', 'refs/remotes/origin/main', c2);
  const c3 = repo.commit('third');
  repo.remove('app/models/order.py');
  repo.write('app/orders/order.py', body('order'));
  repo.symlink('empty.py', 'moved/same.py');
  repo.git('add', '-A');
  repo.write('app/orders/order.py', 'not staged\n');
  return { repo, commits: [c1, c2, c3] };
}

describe('isomorphic-git backend: same answers as the git executable', () => {
  it('listings, blobs, every pair of changes, history and repository facts', async () => {
    const { repo, commits } = scenarioRepo();
    const [cli, iso] = await both(repo.dir, repo.env);
    const seen = await observe(cli, commits);
    expect(await observe(iso, commits)).toEqual(seen);
    // the scenario really exercises renames and type changes
    const changes = (seen as { changes: Array<Array<{ status: string }>> }).changes.flat().map((c) => c.status);
    expect(new Set(changes)).toEqual(new Set(['A', 'D', 'M', 'R', 'T']));
  });

  it('resolves the revision forms the CLI needs: refs, tags, ids, short ids, ~N and ^N', async () => {
    const { repo } = scenarioRepo();
    const [cli, iso] = await both(repo.dir, repo.env);
    const head = repo.git('rev-parse', 'HEAD').trim();
    const revs = ['HEAD', 'main', 'refs/heads/main', 'v1', 'HEAD~1', 'main^', 'HEAD~2^0', 'HEAD^{commit}', '@'];
    for (const rev of [...revs, head, head.slice(0, 10), 'HEAD~9', 'nope']) {
      expect([rev, await iso.resolve(rev)]).toEqual([rev, await cli.resolve(rev)]);
    }
    await expect(iso.resolve('HEAD@{1}')).rejects.toThrow(GitError);
    await expect(iso.resolve('main..HEAD')).rejects.toThrow(/isomorphic-git can resolve only/);
  });

  it('a temporary index named by GIT_INDEX_FILE, relative to the top of the working tree', async () => {
    const repo = track(createRepo({ files: { 'a.py': 'a = 1\n', 'pkg/b.py': 'b = 1\n' } }));
    repo.write('pkg/b.py', 'b = 2\n');
    repo.gitWith({ env: { GIT_INDEX_FILE: '.git/tmp-index' } }, 'read-tree', 'HEAD');
    repo.gitWith({ env: { GIT_INDEX_FILE: '.git/tmp-index' } }, 'add', 'pkg/b.py');
    const [cli, iso] = await both(join(repo.dir, 'pkg'), { ...repo.env, GIT_INDEX_FILE: '.git/tmp-index' });
    const head = { kind: 'commit' as const, oid: repo.git('rev-parse', 'HEAD').trim() };
    const cliChanges = await cli.changedFiles(head, { kind: 'index' });
    expect(cliChanges.map((c) => c.path)).toEqual(['pkg/b.py']);
    expect(await iso.changedFiles(head, { kind: 'index' })).toEqual(cliChanges);
    expect((await iso.repoInfo()).indexFile).toBe(join(repo.dir, '.git', 'tmp-index'));
  });

  it('shallow clone, submodule, detached HEAD and an unborn branch', async () => {
    const lib = track(createRepo({ files: { 'lib.py': 'x = 1\n' } }));
    lib.write('lib.py', 'x = 2\n');
    const libHead = lib.commit('two');
    const shallow = track(cloneShallow(lib, 1));
    const [sc, si] = await both(shallow.dir, shallow.env);
    expect(await observe(si, [libHead])).toEqual(await observe(sc, [libHead]));

    const app = track(createRepo({ files: { 'app.py': 'y = 1\n' } }));
    app.git('submodule', 'add', '-q', lib.dir, 'vendor/lib');
    const withSub = app.commit('submodule');
    app.git('checkout', '-q', '--detach');
    const [ac, ai] = await both(app.dir, app.env);
    expect(await observe(ai, [withSub])).toEqual(await observe(ac, [withSub]));
    expect((await ai.repoInfo()).headRef).toBeNull();

    const unborn = track(createRepo());
    unborn.write('first.py', 'z = 1\n');
    unborn.git('add', '.');
    const [uc, ui] = await both(unborn.dir, unborn.env);
    expect(await ui.repoInfo()).toEqual(await uc.repoInfo());
    expect(await ui.changedFiles({ kind: 'empty' }, { kind: 'index' })).toEqual(
      await uc.changedFiles({ kind: 'empty' }, { kind: 'index' }),
    );
  });
});

describe('isomorphic-git backend: clear errors where it cannot be right', () => {
  const refusal = async (git: GitPort, pattern: RegExp) => {
    const error = await git.listFiles({ kind: 'index' }, all).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as GitError).message).toMatch(pattern);
    expect((error as GitError).hint).toMatch(/install git/);
  };

  it('index versions 3 (git add -N) and 4', async () => {
    const repo = track(createRepo({ files: { 'a.py': 'a = 1\n' } }));
    repo.write('b.py', 'b = 1\n');
    repo.git('add', '-N', 'b.py');
    await refusal((await both(repo.dir, repo.env))[1], /isomorphic-git cannot read an index in version 3/);
    repo.git('update-index', '--index-version', '4');
    await refusal((await both(repo.dir, repo.env))[1], /isomorphic-git cannot read an index in version 4/);
  });

  it('a split index', async () => {
    const repo = track(createRepo({ files: { 'a.py': 'a = 1\n' } }));
    repo.git('update-index', '--split-index');
    repo.write('a.py', 'a = 2\n');
    repo.git('add', 'a.py');
    await refusal((await both(repo.dir, repo.env))[1], /split index/);
  });

  it('a linked worktree, even for commits', async () => {
    const main = track(createRepo({ files: { 'a.py': 'a = 1\n' } }));
    const tree = track(addWorktree(main, 'wt'));
    const [, iso] = await both(tree.dir, tree.env);
    await refusal(iso, /linked worktree/);
    await expect(iso.resolve('HEAD')).rejects.toThrow(/linked worktree/);
  });
});
