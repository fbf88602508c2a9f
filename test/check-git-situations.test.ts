// `schemaguard check` in the git situations a fixture directory cannot express: partial staging, real hooks with
// `git commit -a` / `git commit <path>`, no HEAD, detached HEAD, linked worktrees, index v4, shallow clones,
// merges, pre-push input, the fast path, unparsable models and overrides recorded in commit trailers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addWorktree, cloneShallow, createRepo, type TestRepo } from './helpers/git-repo.js';
import { commonDir, gitRun, headOf, installHooks } from './helpers/hook-scripts.js';
import { describeChangeJson, describeFindingJson, type ChangeJson, type FindingJson } from './helpers/scenario-match.js';
import { schemaguard, type CheckJson } from './helpers/scenario-repo.js';
import {
  BROKEN_LINE,
  BROKEN_USERS,
  headLineOf,
  ORDERS_FILE,
  ordersModel,
  PROJECT_FILES,
  USERS_FILE,
  usersModel,
} from './helpers/situation-models.js';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups = [];
});

function track<T extends { cleanup(): void }>(repo: T): T {
  cleanups.push(() => repo.cleanup());
  return repo;
}

const project = () => track(createRepo({ files: PROJECT_FILES }));

function check(repo: TestRepo, args: string[] = ['--staged'], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const result = schemaguard(repo, ['check', ...args, '--format', 'json'], options);
  return { status: result.status, stderr: result.stderr, report: result.json<CheckJson>() };
}

const changesOf = (report: CheckJson) => report.changes.map(describeChangeJson);
const blocking = (report: CheckJson) =>
  report.findings.filter((f) => f.severity === 'block' && f.suppressed === null && !f.overridden).map(describeFindingJson);
const isDrop = (column: string) => (c: ChangeJson) => c.kind === 'drop-column' && c.table?.name === 'users' && c.column === column;
const dropFinding = (column: string) => (f: FindingJson) => f.rule === 'drop-column' && f.column === column;

/** The patch's file header plus its hunk number `keep`: what `git add -p` stages when only that hunk gets a yes. */
function oneHunk(patch: string, keep: number): string {
  const lines = patch.split('\n');
  const starts = lines.flatMap((line, i) => (line.startsWith('@@') ? [i] : []));
  expect(starts.length, `expected two hunks in:\n${patch}`).toBe(2);
  const [first = 0, second = 0] = starts;
  const hunk = keep === 0 ? lines.slice(first, second) : lines.slice(second);
  return [...lines.slice(0, first), ...hunk].join('\n').replace(/\n*$/, '\n');
}

describe('partial staging (git add -p)', () => {
  const edited = usersModel({ drop: ['email'], add: ['nickname'] });

  it('passes when only the safe hunk is staged and the drop stays in the working tree', () => {
    const repo = project();
    repo.write(USERS_FILE, edited);
    repo.gitWith({ input: oneHunk(repo.git('diff', USERS_FILE), 1) }, 'apply', '--cached', '-');
    const { status, report } = check(repo);
    expect(changesOf(report)).toEqual(['add-column users.nickname']);
    expect(status).toBe(0);
    installHooks(repo, ['pre-commit']);
    expect(gitRun(repo, ['commit', '-m', 'add nickname']).status).toBe(0);
    expect(repo.git('show', 'HEAD:app/models.py')).toContain('email:');
  });

  it('blocks when the breaking hunk is the one staged', () => {
    const repo = project();
    repo.write(USERS_FILE, edited);
    repo.gitWith({ input: oneHunk(repo.git('diff', USERS_FILE), 0) }, 'apply', '--cached', '-');
    const { status, report } = check(repo);
    expect(changesOf(report)).toEqual(['drop-column users.email']);
    expect(report.findings.find(dropFinding('email'))).toMatchObject({ severity: 'block', file: USERS_FILE, line: headLineOf('email') });
    expect(status).toBe(1);
  });
});

describe('through a real pre-commit hook', () => {
  it('git commit -a is blocked by an unstaged drop, and no commit is made', () => {
    const repo = project();
    installHooks(repo, ['pre-commit']);
    const before = headOf(repo);
    repo.write(USERS_FILE, usersModel({ drop: ['name'] }));
    const commit = gitRun(repo, ['commit', '-a', '-m', 'drop name']);
    expect(commit.status).not.toBe(0);
    expect(commit.output).toMatch(/users\.name/);
    expect(headOf(repo)).toBe(before);
    // the same drop left unstaged does not stop a commit of something else
    repo.write('README.md', '# shop\n\nNow with docs.\n');
    repo.git('add', 'README.md');
    expect(gitRun(repo, ['commit', '-m', 'docs']).status).toBe(0);
    expect(headOf(repo)).not.toBe(before);
  });

  it('git commit <path> judges only that path, not what else is staged', () => {
    const repo = project();
    installHooks(repo, ['pre-commit']);
    repo.write(USERS_FILE, usersModel({ drop: ['email'] }));
    repo.git('add', USERS_FILE);
    repo.write(ORDERS_FILE, ordersModel(true));
    const safe = gitRun(repo, ['commit', '-m', 'order notes', ORDERS_FILE]);
    expect(safe.status, safe.output).toBe(0);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(ORDERS_FILE);
    // the staged drop is still staged, and committing its path is blocked
    expect(repo.git('diff', '--cached', '--name-only').trim()).toBe(USERS_FILE);
    const before = headOf(repo);
    const breaking = gitRun(repo, ['commit', '-m', 'drop email', USERS_FILE]);
    expect(breaking.status).not.toBe(0);
    expect(breaking.output).toMatch(/users\.email/);
    expect(headOf(repo)).toBe(before);
  });
});

describe('repository states', () => {
  it('first commit (no HEAD): everything is an addition and passes', () => {
    const repo = track(createRepo());
    for (const [path, text] of Object.entries(PROJECT_FILES)) repo.write(path, text);
    repo.git('add', '-A');
    const { status, report } = check(repo);
    expect(changesOf(report)).toEqual(['add-table orders', 'add-table users']);
    expect(report.compared).toBe('first commit -> staged');
    expect(status).toBe(0);
    installHooks(repo, ['pre-commit']);
    expect(gitRun(repo, ['commit', '-m', 'initial']).status).toBe(0);
  });

  it('detached HEAD: compares with the detached commit, not the branch tip', () => {
    const repo = project();
    const first = headOf(repo);
    repo.write(USERS_FILE, usersModel({ drop: ['phone'] }));
    repo.commit('drop phone');
    repo.git('checkout', '-q', '--detach', first);
    expect(gitRun(repo, ['symbolic-ref', '-q', 'HEAD']).status).not.toBe(0);
    repo.write(USERS_FILE, usersModel({ drop: ['email'] }));
    repo.git('add', USERS_FILE);
    const { status, report } = check(repo);
    expect(changesOf(report)).toEqual(['drop-column users.email']);
    expect(status).toBe(1);
  });

  it('linked worktree: reads that worktree index, caches under the common git dir', () => {
    const repo = project();
    const tree = track(addWorktree(repo, 'feature'));
    tree.write(USERS_FILE, usersModel({ drop: ['email'] }));
    tree.git('add', USERS_FILE);
    const inTree = check(repo, ['--staged'], { cwd: tree.dir });
    expect(changesOf(inTree.report)).toEqual(['drop-column users.email']);
    expect(inTree.status).toBe(1);
    const inMain = check(repo);
    expect(changesOf(inMain.report)).toEqual([]);
    expect(inMain.status).toBe(0);
    expect(existsSync(join(commonDir(repo), 'schemaguard', 'cache'))).toBe(true);
    installHooks(repo, ['pre-commit']);
    expect(gitRun(repo, ['commit', '-m', 'drop email'], { cwd: tree.dir }).status).not.toBe(0);
  });

  it('a monorepo service below a directory whose name is no identifier: its drop is blocked', () => {
    const files = Object.fromEntries(Object.entries(PROJECT_FILES).map(([path, text]) => [`users-api/${path}`, text]));
    const repo = track(createRepo({ files }));
    repo.write(`users-api/${USERS_FILE}`, usersModel({ drop: ['phone'] }));
    repo.git('add', '-A');
    const { status, report } = check(repo);
    expect(changesOf(report)).toEqual(['drop-column users.phone']);
    expect(status).toBe(1);
  });

  it('index version 4', () => {
    const repo = project();
    repo.git('update-index', '--index-version', '4');
    repo.write(USERS_FILE, usersModel({ drop: ['email'] }));
    repo.git('add', USERS_FILE);
    expect(readFileSync(join(repo.dir, '.git', 'index')).readUInt32BE(4)).toBe(4);
    const { status, report } = check(repo);
    expect(changesOf(report)).toEqual(['drop-column users.email']);
    expect(status).toBe(1);
  });

  it('shallow clone: a staged break is caught; a base beyond the history is exit 2 with a hint to fetch', () => {
    const source = project();
    for (let i = 1; i <= 6; i++) {
      source.write('README.md', `# shop\n\nrevision ${i}\n`);
      source.commit(`docs ${i}`);
    }
    const clone = track(cloneShallow(source, 1));
    expect(clone.git('rev-parse', '--is-shallow-repository').trim()).toBe('true');
    clone.write(USERS_FILE, usersModel({ drop: ['email'] }));
    clone.git('add', USERS_FILE);
    const staged = check(clone);
    expect(changesOf(staged.report)).toEqual(['drop-column users.email']);
    expect(staged.status).toBe(1);
    const range = schemaguard(clone, ['check', '--base', 'HEAD~5']);
    expect(range.status).toBe(2);
    expect(range.stderr).toMatch(/HEAD~5/);
    expect(range.stderr).toMatch(/fetch/);
    expect(range.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('commit ranges', () => {
  it('a merge commit: --base <main before the merge> --head <merge> judges what the merge brought in', () => {
    const repo = project();
    const start = headOf(repo);
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write(USERS_FILE, usersModel({ drop: ['phone'] }));
    repo.commit('drop phone');
    repo.git('checkout', '-q', 'main');
    repo.write(USERS_FILE, usersModel({ add: ['nickname'] }));
    const mainBefore = repo.commit('add nickname');
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'feature');
    const merge = headOf(repo);
    expect(repo.git('rev-list', '--parents', '-n', '1', merge).trim().split(' ')).toHaveLength(3);
    const merged = check(repo, ['--base', mainBefore, '--head', merge]);
    expect(changesOf(merged.report)).toEqual(['drop-column users.phone']);
    expect(merged.status).toBe(1);
    const whole = check(repo, ['--base', start, '--head', merge]);
    expect(changesOf(whole.report)).toEqual(['add-column users.nickname', 'drop-column users.phone']);
  });

  describe('concluding a merge (MERGE_HEAD): only what differs from every parent is judged', () => {
    /** main adds a column while feature drops one; the merge of feature into main stops before committing */
    function stoppedMerge() {
      const repo = project();
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write(USERS_FILE, usersModel({ drop: ['phone'] }));
      repo.commit('drop phone');
      repo.git('checkout', '-q', 'main');
      repo.write(USERS_FILE, usersModel({ add: ['nickname'] }));
      repo.commit('add nickname');
      repo.git('merge', '-q', '--no-ff', '--no-commit', 'feature');
      expect(existsSync(join(repo.dir, '.git', 'MERGE_HEAD'))).toBe(true);
      return repo;
    }

    it('the merged branch\'s drop, judged on its own commit, does not block the merge commit through the hook', () => {
      const repo = stoppedMerge();
      // the index has both sides: HEAD -> index alone would show feature's drop of phone
      expect(repo.git('show', `:${USERS_FILE}`)).toMatch(/nickname/);
      expect(repo.git('show', `:${USERS_FILE}`)).not.toMatch(/phone/);
      const staged = check(repo);
      expect(staged.report.compared).toMatch(/MERGE_HEAD/);
      expect(changesOf(staged.report)).toEqual([]);
      expect(staged.status).toBe(0);
      installHooks(repo, ['pre-commit']);
      const commit = gitRun(repo, ['commit', '--no-edit']);
      expect(commit.status, commit.output).toBe(0);
      expect(repo.git('rev-list', '--parents', '-n', '1', 'HEAD').trim().split(' ')).toHaveLength(3);
    });

    it('a drop the merge itself makes is blocked, and only it', () => {
      const repo = stoppedMerge();
      repo.write(USERS_FILE, usersModel({ drop: ['phone', 'email'], add: ['nickname'] }));
      repo.git('add', USERS_FILE);
      const { status, report } = check(repo);
      expect(changesOf(report)).toEqual(['drop-column users.email']);
      expect(blocking(report)).toEqual([expect.stringMatching(/^drop-column\/block app\/models.py:\d+ users\.email:/)]);
      expect(status).toBe(1);
    });
  });

  describe('--pre-push', () => {
    const ZERO = '0'.repeat(40);

    function pushedProject() {
      const repo = project();
      const remote = track(createRepo({ bare: true }));
      repo.git('remote', 'add', 'origin', remote.dir);
      repo.git('push', '-q', '-u', 'origin', 'main');
      repo.git('remote', 'set-head', 'origin', 'main');
      return repo;
    }

    // the base is where the branch's commits unknown to every remote-tracking ref begin: origin/HEAD is not needed
    it.each([
      ['with origin/HEAD', false],
      ['without origin/HEAD (a remote added, not cloned)', true],
    ])('a new branch is judged against what the remote has, %s', (_label, dropRemoteHead) => {
      const repo = pushedProject();
      if (dropRemoteHead) repo.git('remote', 'set-head', 'origin', '--delete');
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write(USERS_FILE, usersModel({ drop: ['email'] }));
      const tip = repo.commit('drop email');
      const { status, report } = check(repo, ['--pre-push'], { input: `refs/heads/feature ${tip} refs/heads/feature ${ZERO}\n` });
      expect(changesOf(report)).toEqual(['drop-column users.email']);
      expect(status).toBe(1);
    });

    it('a force push is judged from what the remote had in common with it', () => {
      const repo = pushedProject();
      repo.write(USERS_FILE, usersModel({ add: ['nickname'] }));
      const remoteTip = repo.commit('add nickname');
      repo.git('push', '-q', 'origin', 'main');
      repo.git('reset', '-q', '--hard', 'HEAD~1');
      repo.write(USERS_FILE, usersModel({ drop: ['email'] }));
      const rewritten = repo.commit('drop email instead');
      const { status, report } = check(repo, ['--pre-push'], { input: `refs/heads/main ${rewritten} refs/heads/main ${remoteTip}\n` });
      expect(changesOf(report)).toEqual(['drop-column users.email']);
      expect(status).toBe(1);
    });

    it('a deletion pushes no commits and passes', () => {
      const repo = pushedProject();
      const tip = headOf(repo);
      const { status, report } = check(repo, ['--pre-push'], { input: `(delete) ${ZERO} refs/heads/old ${tip}\n` });
      expect(report.changes).toEqual([]);
      expect(status).toBe(0);
    });

    it('a malformed line is exit 2 with the line, not an internal error', () => {
      const repo = pushedProject();
      const result = schemaguard(repo, ['check', '--pre-push'], { input: 'refs/heads/main deadbeef\n' });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/line 1/);
      expect(result.stderr).not.toMatch(/internal error/);
    });
  });
});

describe('what is and is not loaded', () => {
  it('fast path: a README-only commit creates no blob cache; a non-model .py change passes', () => {
    const repo = project();
    installHooks(repo, ['pre-commit']);
    repo.write('README.md', '# shop\n\nHow to run it.\n');
    repo.git('add', 'README.md');
    expect(gitRun(repo, ['commit', '-m', 'docs']).status).toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'schemaguard'))).toBe(false);
    repo.write('app/pricing.py', 'def with_vat(amount, rate=0.2):\n    return amount * (1 + rate)\n');
    repo.git('add', 'app/pricing.py');
    const { status, report } = check(repo);
    expect(report.changes).toEqual([]);
    expect(status).toBe(0);
    expect(gitRun(repo, ['commit', '-m', 'pricing helper']).status).toBe(0);
  });

  it('a staged model that does not parse blocks with unresolved-model at its file and line', () => {
    const repo = project();
    repo.write(USERS_FILE, BROKEN_USERS);
    repo.git('add', USERS_FILE);
    const { status, report } = check(repo);
    const finding = report.findings.find((f) => f.rule === 'unresolved-model');
    expect(finding, report.findings.map(describeFindingJson).join('\n')).toMatchObject({ severity: 'block', file: USERS_FILE, line: BROKEN_LINE });
    expect(status).toBe(1);
  });

  it('under onError: warn a model that does not parse lets the commit through: its tables\' seeming losses are not judged', () => {
    const repo = track(createRepo({ files: { ...PROJECT_FILES, '.schemaguardrc.yaml': 'onError: warn\n' } }));
    repo.write(USERS_FILE, BROKEN_USERS);
    repo.git('add', USERS_FILE);
    const { status, report } = check(repo);
    // the parser recovers around the error and loses the class body: those are no drops anybody made
    expect(report.findings.map(describeFindingJson)).toEqual([expect.stringMatching(new RegExp(`^unresolved-model/warn ${USERS_FILE}:${BROKEN_LINE} `))]);
    expect(report.changes.filter((c) => c.table?.name === 'users')).toEqual([]);
    expect(status).toBe(0);
  });
});

describe('overrides', () => {
  const REASON = 'email moved to the contacts table, readers migrated (DATA-7)';

  it('a blank SCHEMAGUARD_OVERRIDE overrides nothing, and says so', () => {
    const repo = project();
    repo.write(USERS_FILE, usersModel({ drop: ['email'] }));
    repo.git('add', USERS_FILE);
    const { status, stderr, report } = check(repo, ['--staged'], { env: { SCHEMAGUARD_OVERRIDE: '   ' } });
    expect(status).toBe(1);
    expect(report.override).toBeNull();
    expect(stderr).toContain('the override is empty and is ignored');
  });

  it('SCHEMAGUARD_OVERRIDE through real hooks leaves the trailer; range checks honour it and only it', () => {
    const repo = project();
    installHooks(repo, ['pre-commit', 'commit-msg']);
    const start = headOf(repo);
    repo.write(USERS_FILE, usersModel({ drop: ['email'] }));
    repo.git('add', USERS_FILE);
    expect(gitRun(repo, ['commit', '-m', 'drop email']).status).not.toBe(0);
    const overridden = gitRun(repo, ['commit', '-m', 'drop email'], { env: { SCHEMAGUARD_OVERRIDE: REASON } });
    expect(overridden.status, overridden.output).toBe(0);
    const trailers = repo.gitWith({ input: repo.git('log', '-1', '--format=%B') }, 'interpret-trailers', '--parse');
    expect(trailers).toContain(`Schemaguard-Override: ${REASON}`);
    expect(trailers).toMatch(/drop-column/);

    const passed = check(repo, ['--base', start, '--head', 'HEAD']);
    expect(passed.report.findings.find(dropFinding('email'))).toMatchObject({ overridden: true });
    expect(passed.status).toBe(0);

    repo.write(USERS_FILE, usersModel({ drop: ['email', 'name'] }));
    repo.git('add', USERS_FILE);
    expect(gitRun(repo, ['commit', '--no-verify', '-m', 'drop name']).status).toBe(0);
    expect(repo.git('log', '-1', '--format=%B')).not.toMatch(/Schemaguard-Override/);
    const both = check(repo, ['--base', start, '--head', 'HEAD']);
    expect(blocking(both.report)).toEqual([expect.stringMatching(/^drop-column\/block app\/models\.py:\d+ users\.name/)]);
    expect(both.report.findings.find(dropFinding('email'))).toMatchObject({ overridden: true });
    expect(both.status).toBe(1);
    expect(both.report.changes.filter(isDrop('name'))).toHaveLength(1);
  });
});
