// Real `git commit` runs with a real pre-commit hook that opens the git port and records what it saw.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGitLayer, installProbeHook, readProbe } from './helpers/git-probe.js';
import { addWorktree, createRepo, makeTempDir, type TestRepo } from './helpers/git-repo.js';
import { trackedResources } from './helpers/tracked.js';

let probe = '';
beforeAll(() => {
  probe = compileGitLayer();
});
afterAll(() => rmSync(probe, { recursive: true, force: true }));

const { defer, track } = trackedResources();

/** HEAD, index and working tree all differ: HEAD a=1 b=1, index a=2, working tree a=3 b=3. */
function threeStateRepo(backend = ''): { repo: TestRepo; out: string } {
  const repo = createRepo({ files: { 'a.py': 'a = 1\n', 'b.py': 'b = 1\n' } });
  const outDir = makeTempDir();
  track(repo);
  defer(() => rmSync(outDir, { recursive: true, force: true }));
  repo.write('a.py', 'a = 2\n');
  repo.git('add', 'a.py');
  repo.write('a.py', 'a = 3\n');
  repo.write('b.py', 'b = 3\n');
  const out = join(outDir, 'probe.jsonl');
  installProbeHook(join(repo.dir, '.git'), probe, out, 'pre-commit', backend);
  return { repo, out };
}

describe.each(['cli', 'iso'])('pre-commit hook through the %s backend', (backend) => {
  it('`git commit`: the staged content', () => {
    const { repo, out } = threeStateRepo(backend);
    repo.git('commit', '-q', '-m', 'plain');
    const [seen] = readProbe(out);
    expect(seen).toMatchObject({ backend, staged: { 'a.py': 'a = 2\n', 'b.py': 'b = 1\n' } });
    expect(seen?.changes).toEqual([{ status: 'M', path: 'a.py' }]);
    expect(repo.git('show', 'HEAD:a.py')).toBe('a = 2\n');
  });

  it('`git commit -a`: the temporary index with every tracked change', () => {
    const { repo, out } = threeStateRepo(backend);
    repo.git('commit', '-q', '-a', '-m', 'all');
    const [seen] = readProbe(out);
    expect(seen?.envIndexFile).toMatch(/index\.lock$/);
    expect(seen).toMatchObject({ staged: { 'a.py': 'a = 3\n', 'b.py': 'b = 3\n' } });
    expect(seen?.changes.map((c) => c.path)).toEqual(['a.py', 'b.py']);
  });

  it('`git commit <path>`: HEAD plus that path only, not the other staged change', () => {
    const { repo, out } = threeStateRepo(backend);
    repo.git('commit', '-q', '-m', 'only b', 'b.py');
    const [seen] = readProbe(out);
    expect(seen?.envIndexFile).toMatch(/next-index-\d+\.lock$/);
    expect(seen).toMatchObject({ staged: { 'a.py': 'a = 1\n', 'b.py': 'b = 3\n' } });
    expect(seen?.changes).toEqual([{ status: 'M', path: 'b.py' }]);
    expect(repo.git('show', 'HEAD:a.py')).toBe('a = 1\n');
  });

  it('a rename staged with `git mv` reaches the hook as a rename', () => {
    const { repo, out } = threeStateRepo(backend);
    repo.git('reset', '-q', '--hard');
    repo.git('mv', 'b.py', 'c.py');
    repo.git('commit', '-q', '-m', 'move');
    expect(readProbe(out)[0]?.changes).toEqual([{ status: 'R', path: 'c.py', oldPath: 'b.py' }]);
  });
});

describe('pre-commit hook in a linked worktree', () => {
  it('`git commit -a` in the worktree checks the worktree, not the main checkout', () => {
    const { repo, out } = threeStateRepo();
    const tree = addWorktree(repo, 'feature');
    track(tree);
    tree.write('b.py', 'b = feature\n');
    tree.git('commit', '-q', '-a', '-m', 'feature work');
    const [seen] = readProbe(out);
    expect(seen).toMatchObject({ backend: 'cli', staged: { 'a.py': 'a = 1\n', 'b.py': 'b = feature\n' } });
    expect(seen?.indexFile).toBe(join(repo.dir, '.git', 'worktrees', 'feature', 'index.lock'));
  });
});
