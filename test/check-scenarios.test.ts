// The scenario suite: one fixtures/repos/<scenario>/ per case, built into a real temp repo, judged by the built CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepo, type TestRepo } from './helpers/git-repo.js';
import {
  describeChangeJson,
  describeFindingJson,
  mirrorFacts,
  unmetChanges,
  unmetFindings,
  type ChangeJson,
  type Expected,
  type FindingJson,
} from './helpers/scenario-match.js';
import {
  commitHead,
  listScenarios,
  readExpected,
  schemaguard,
  stageIndex,
  writeWorktree,
  type CheckJson,
  type DiffJson,
  type SchemaguardRun,
} from './helpers/scenario-repo.js';

const scenarios = listScenarios();

/**
 * The schema changes of a diff. A config `renames:` entry names its table/column whatever the revision, so on a
 * side where that rename has not happened (or already has) it is an invalid declaration: that is about the
 * declaration, not a difference between the two schemas.
 */
const schemaChangesOf = (diff: DiffJson) =>
  diff.changes.filter((c) => c.kind !== 'invalid-rename-declaration').map(describeChangeJson);

it('has the scenarios the issue lists', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(18);
});

describe('the expectation matcher can fail', () => {
  const users = { name: 'users', schema: null };
  const drop: ChangeJson = { kind: 'drop-column', table: users, column: 'email' };
  const finding: FindingJson = {
    rule: 'drop-column', severity: 'block', message: 'dropped', file: 'app/models.py', line: 3,
    table: users, column: 'email', suppressed: null, overridden: false,
  };
  const expected: Expected = { exit: 1, changes: [{ kind: 'drop-column', table: 'users', column: 'email' }], findings: [] };

  it('flags a missing change, an unexpected change and an unlisted blocking finding', () => {
    expect(unmetChanges(expected.changes, [])).toHaveLength(1);
    expect(unmetChanges([], [drop])).toHaveLength(1);
    expect(unmetChanges(expected.changes, [drop])).toEqual([]);
    expect(unmetFindings(expected, [finding])).toHaveLength(1);
    expect(unmetFindings(expected, [{ ...finding, severity: 'warn' }])).toEqual([]);
    expect(unmetFindings({ ...expected, absentRules: ['drop-column'] }, [{ ...finding, severity: 'info' }])).toHaveLength(1);
  });

  it('mirrors add/drop, widening/narrowing and the nullability direction', () => {
    const widen: ChangeJson = {
      kind: 'modify-column', table: users, column: 'name', changes: ['length', 'nullable'],
      typeChange: { from: 'VARCHAR(50)', to: 'VARCHAR(80)', class: 'widening' }, becameNotNull: false, becameNullable: true,
    };
    const narrow: ChangeJson = {
      ...widen, typeChange: { from: 'VARCHAR(80)', to: 'VARCHAR(50)', class: 'narrowing' }, becameNotNull: true, becameNullable: false,
    };
    const add: ChangeJson = { ...drop, kind: 'add-column' };
    expect(mirrorFacts([narrow, add], true)).toEqual(mirrorFacts([widen, drop], false));
    expect(mirrorFacts([widen, add], true)).not.toEqual(mirrorFacts([widen, drop], false));
  });
});

describe.each(scenarios)('scenario %s', (scenario) => {
  const expected = readExpected(scenario);
  let repo: TestRepo;
  /** `diff HEAD :staged` right after head/ is committed: the HEAD schema against an equal, separately read one */
  let headSelfDiff: DiffJson;
  /** `diff HEAD :staged` once the scenario is staged */
  let forward: SchemaguardRun;

  beforeAll(() => {
    repo = createRepo();
    commitHead(repo, scenario);
    headSelfDiff = schemaguard(repo, ['diff', 'HEAD', ':staged', '--format', 'json']).json<DiffJson>();
    stageIndex(repo, scenario);
    writeWorktree(repo, scenario);
    forward = schemaguard(repo, ['diff', 'HEAD', ':staged', '--format', 'json']);
  });
  afterAll(() => repo?.cleanup());

  it('check --staged gives the expected exit code, changes and findings', () => {
    const run = schemaguard(repo, ['check', '--staged', '--format', 'json']);
    const report = run.json<CheckJson>();
    const seen = [...report.changes.map(describeChangeJson), ...report.findings.map(describeFindingJson)].join('\n  ');
    expect([...unmetChanges(expected.changes, report.changes), ...unmetFindings(expected, report.findings)], `got:\n  ${seen}\n${run.stderr}`).toEqual([]);
    expect(run.status, run.stderr).toBe(expected.exit);
    expect(report.blocked).toBe(expected.exit === 1);
  });

  it('diff HEAD :staged names the same changes, and a schema diffed with itself is empty', () => {
    expect(schemaChangesOf(headSelfDiff)).toEqual([]);
    expect(forward.status, forward.stderr).toBe(0);
    expect(unmetChanges(expected.changes, forward.json<DiffJson>().changes)).toEqual([]);
  });

  it('the reverse diff (commit the index, then diff HEAD HEAD~1) mirrors the forward one', () => {
    repo.git('commit', '-q', '--no-verify', '--allow-empty', '-m', 'index');
    const reverse = schemaguard(repo, ['diff', 'HEAD', 'HEAD~1', '--format', 'json']).json<DiffJson>().changes;
    expect(mirrorFacts(reverse, true)).toEqual(mirrorFacts(forward.json<DiffJson>().changes, false));
    const indexSelfDiff = schemaguard(repo, ['diff', 'HEAD', ':staged', '--format', 'json']).json<DiffJson>();
    expect(schemaChangesOf(indexSelfDiff)).toEqual([]);
  });
});
