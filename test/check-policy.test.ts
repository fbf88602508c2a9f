// Issue 4 through real git: contracts, overrides through the real hooks, pre-push, deprecations, inline
// suppressions and broken configuration files, on the fixtures/policy/ CRM app and the built CLI.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRepo, type TestRepo } from './helpers/git-repo.js';
import {
  assertBuilt,
  gitIn,
  hasPendingOverride,
  headOid,
  installPolicyHooks,
  policyFile,
  policyRepo,
  schemaguardIn,
  stageCustomerDrop,
} from './helpers/policy-repo.js';

const RC = '.schemaguardrc.yaml';
const REASON = 'email moved to customer_contacts, readers migrated (CRM-12)';
const SAFE_PATH = 'Safe path (expand/contract)';

const repos: TestRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});
beforeAll(assertBuilt);

function repoWith(files: Record<string, string>): TestRepo {
  const repo = policyRepo(files);
  repos.push(repo);
  return repo;
}

const contractRepo = (config = 'contract.yaml'): TestRepo => repoWith({ [RC]: policyFile(`config/${config}`) });

/** A contract repository whose main is pushed to a local bare remote, with the hooks installed after that push. */
function pushableRepo(config?: string): { repo: TestRepo; remote: TestRepo } {
  const repo = contractRepo(config);
  const remote = createRepo({ bare: true });
  repos.push(remote);
  repo.git('remote', 'add', 'origin', remote.dir);
  repo.git('push', '-q', '-u', 'origin', 'main');
  installPolicyHooks(repo);
  return { repo, remote };
}
const remoteMain = (remote: TestRepo): string => remote.git('rev-parse', 'main').trim();

describe('a contract-protected column drop', () => {
  it('is blocked: exit 1, the contract and its owner named, the safe path printed', () => {
    const repo = contractRepo();
    stageCustomerDrop(repo, 'email');
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toMatch(/^✖ block {2}drop-column {2}app\/models\/customer\.py:13$/m);
    expect(result.stdout).toContain('Column customers.email is dropped.');
    expect(result.stdout).toContain('contract   customer-contacts (owners: @crm-data), policy block');
    expect(result.stdout).toContain(SAFE_PATH);
    expect(result.stdout).toMatch(/^Notify @crm-data\./m);
    // email is unique: the constraint goes with the column, one break and not two
    expect(result.stdout).toContain('Blocked: 1 breaking change.');
    expect(result.stdout).toContain('SCHEMAGUARD_OVERRIDE="<why this is safe>" git commit');
  });

  it('passes through the real hooks with SCHEMAGUARD_OVERRIDE, and the commit message carries the trailer', () => {
    const repo = contractRepo();
    installPolicyHooks(repo);
    const before = headOid(repo);
    stageCustomerDrop(repo, 'email');

    const blocked = gitIn(repo, ['commit', '-m', 'Drop customers.email']);
    expect(blocked.status, blocked.output).toBe(1);
    expect(blocked.output).toContain('@crm-data');
    expect(headOid(repo)).toBe(before);

    const overridden = gitIn(repo, ['commit', '-m', 'Drop customers.email'], { SCHEMAGUARD_OVERRIDE: REASON });
    expect(overridden.status, overridden.output).toBe(0);
    expect(overridden.output).toContain(`Passed with override (drop-column): ${REASON}`);
    expect(headOid(repo)).not.toBe(before);
    const message = repo.git('log', '-1', '--format=%B');
    expect(message).toMatch(/^Drop customers\.email\n\n/);
    const trailers = repo.gitWith({ input: message }, 'interpret-trailers', '--parse').trim();
    expect(trailers).toBe(`Schemaguard-Override: ${REASON} [rules: drop-column]`);
    expect(hasPendingOverride(repo)).toBe(false);
  });

  it('an override record left by a check whose commit never happened does not reach a later commit', () => {
    const repo = contractRepo();
    installPolicyHooks(repo);
    stageCustomerDrop(repo, 'email');
    // run by hand (or by a pre-commit hook whose commit was then aborted): the record for commit-msg is left
    expect(schemaguardIn(repo, ['check', '--staged'], { SCHEMAGUARD_OVERRIDE: REASON }).status).toBe(0);
    expect(hasPendingOverride(repo)).toBe(true);
    repo.git('reset', '-q');
    repo.write('README.md', '# CRM app\n');
    repo.git('add', 'README.md');
    // the reason is still exported in this shell, but this commit overrides nothing
    const commit = gitIn(repo, ['commit', '-m', 'Add a README'], { SCHEMAGUARD_OVERRIDE: REASON });
    expect(commit.status, commit.output).toBe(0);
    expect(repo.git('log', '-1', '--format=%B')).toBe('Add a README\n\n');
    expect(hasPendingOverride(repo)).toBe(false);
  });
});

describe('pre-push', () => {

  it('a pushed range whose only break carries a trailer passes; a --no-verify commit of the same kind of break is rejected', () => {
    const { repo, remote } = pushableRepo();
    stageCustomerDrop(repo, 'email');
    expect(gitIn(repo, ['commit', '-m', 'Drop customers.email'], { SCHEMAGUARD_OVERRIDE: REASON }).status).toBe(0);
    const overridden = headOid(repo);
    const pushed = gitIn(repo, ['push', 'origin', 'main']);
    expect(pushed.status, pushed.output).toBe(0);
    expect(pushed.output).toContain(`Passed with override (drop-column): ${REASON}`);
    expect(remoteMain(remote)).toBe(overridden);

    stageCustomerDrop(repo, 'full_name');
    const skipped = gitIn(repo, ['commit', '--no-verify', '-m', 'Drop customers.full_name']);
    expect(skipped.status, skipped.output).toBe(0);
    const rejected = gitIn(repo, ['push', 'origin', 'main']);
    expect(rejected.status, rejected.output).not.toBe(0);
    expect(rejected.output).toMatch(/failed to push some refs/);
    expect(rejected.output).toContain('Column customers.full_name is dropped.');
    expect(rejected.output).toContain('@crm-data');
    expect(rejected.output).not.toContain('Column customers.email is dropped.');
    expect(remoteMain(remote)).toBe(overridden);
  });

  it('both commits in one push: the trailer covers only its own break', () => {
    const { repo, remote } = pushableRepo();
    const start = remoteMain(remote);
    stageCustomerDrop(repo, 'email');
    expect(gitIn(repo, ['commit', '-m', 'Drop customers.email'], { SCHEMAGUARD_OVERRIDE: REASON }).status).toBe(0);
    stageCustomerDrop(repo, 'full_name');
    expect(gitIn(repo, ['commit', '--no-verify', '-m', 'Drop customers.full_name']).status).toBe(0);
    const rejected = gitIn(repo, ['push', 'origin', 'main']);
    expect(rejected.status, rejected.output).not.toBe(0);
    expect(rejected.output).toMatch(/^✖ block {2}drop-column {2}app\/models\/customer\.py:\d+ \(overridden\)\n {2}Column customers\.email is dropped\./m);
    expect(rejected.output).toMatch(/^✖ block {2}drop-column {2}app\/models\/customer\.py:\d+\n {2}Column customers\.full_name is dropped\./m);
    expect(rejected.output).toContain('Blocked: 1 breaking change.');
    expect(remoteMain(remote)).toBe(start);
  });
});

describe('a contract with allowOverride: false', () => {
  it('cannot be overridden, by SCHEMAGUARD_OVERRIDE through the hooks or by --override, and says why', () => {
    const repo = contractRepo('contract-no-override.yaml');
    installPolicyHooks(repo);
    const before = headOid(repo);
    stageCustomerDrop(repo, 'email');
    const commit = gitIn(repo, ['commit', '-m', 'Drop customers.email'], { SCHEMAGUARD_OVERRIDE: REASON });
    expect(commit.status, commit.output).toBe(1);
    expect(headOid(repo)).toBe(before);
    expect(commit.output).toContain('contract   customer-contacts (owners: @crm-data), policy block, no override');
    expect(commit.output).toContain('a contract forbids overriding this finding');
    expect(commit.output).toContain('A contract forbids overriding at least one finding');
    expect(commit.output).not.toContain('SCHEMAGUARD_OVERRIDE="<why this is safe>"');
    expect(hasPendingOverride(repo)).toBe(false);

    const flag = schemaguardIn(repo, ['check', '--staged', '--override', REASON, '--format', 'json']);
    expect(flag.status, flag.output).toBe(1);
    const report = JSON.parse(flag.stdout) as { blocked: boolean; override: unknown; findings: { rule: string; overridden: boolean }[] };
    expect(report.blocked).toBe(true);
    expect(report.override).toBeNull();
    expect(report.findings.filter((f) => f.rule === 'drop-column').map((f) => f.overridden)).toEqual([false]);
  });

  it('a hand-written trailer on a --no-verify commit does not get the break past pre-push', () => {
    const { repo, remote } = pushableRepo('contract-no-override.yaml');
    const start = remoteMain(remote);
    stageCustomerDrop(repo, 'email');
    const commit = gitIn(repo, ['commit', '--no-verify', '-m', `Drop customers.email\n\nSchemaguard-Override: ${REASON}`]);
    expect(commit.status, commit.output).toBe(0);
    const push = gitIn(repo, ['push', 'origin', 'main']);
    expect(push.status, push.output).not.toBe(0);
    expect(push.output).toContain('a contract forbids overriding this finding');
    expect(push.output).not.toContain('(overridden)');
    expect(remoteMain(remote)).toBe(start);
  });
});

describe('a deprecation date in the past', () => {
  it('lets the contracted column drop pass with a warning that says why', () => {
    const repo = contractRepo('contract-deprecated.yaml');
    stageCustomerDrop(repo, 'email');
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^⚠ warn {3}drop-column {2}app\/models\/customer\.py:13$/m);
    expect(result.stdout).toContain("lowered to warn: the contract's deprecation date (2024-03-31) has passed");
    // email is unique: its constraint goes with the column and is no break of its own
    expect(result.stdout).not.toContain('unique constraint dropped');
    expect(result.stdout).toContain('Passed with 1 warning.');
  });

  it('covers only the column it names: dropping another contracted column still blocks', () => {
    const repo = contractRepo('contract-deprecated.yaml');
    stageCustomerDrop(repo, 'full_name');
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toContain('Column customers.full_name is dropped.');
    expect(result.stdout).not.toContain('lowered to warn');
  });
});

describe('inline suppression on the class line', () => {
  const CLASS = 'class Customer(Base):';

  it('with a reason lets the drop pass, and the report keeps the reason', () => {
    const repo = contractRepo();
    const reason = 'email lives in customer_contacts since 2025-10 (CRM-12)';
    stageCustomerDrop(repo, 'email', `${CLASS}  # schemaguard: ignore[drop-column] ${reason}`);
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toContain(`app/models/customer.py:13 (suppressed: ${reason})`);
    expect(result.stdout).not.toContain('invalid-suppression');
    expect(result.stdout).toMatch(/^Passed\.$/m);
  });

  it('without a reason does not, and is reported as invalid', () => {
    const repo = contractRepo();
    stageCustomerDrop(repo, 'email', `${CLASS}  # schemaguard: ignore[drop-column]`);
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toMatch(/^✖ block {2}drop-column {2}app\/models\/customer\.py:13$/m);
    expect(result.stdout).toMatch(/^⚠ warn {3}invalid-suppression {2}app\/models\/customer\.py:9$/m);
    expect(result.stdout).toContain('has no reason, so it suppresses nothing');
  });
});

describe('broken configuration files', () => {
  it('.schemaguardrc.yaml with a syntax error: exit 2 with the file and line, no stack trace', () => {
    const repo = repoWith({ [RC]: policyFile('config/broken.yaml') });
    stageCustomerDrop(repo, 'email');
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(2);
    // the flow list opened on line 7 runs into line 8, where the parser notices
    expect(result.stderr).toMatch(/^schemaguard: \.schemaguardrc\.yaml:8:\d+: YAML syntax error: \S/m);
    expect(result.output).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('pyproject.toml [tool.schemaguard] with a wrong type: exit 2 with pyproject.toml and the dotted key path', () => {
    const repo = repoWith({ 'pyproject.toml': policyFile('config/pyproject-type-error.toml') });
    stageCustomerDrop(repo, 'email');
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(2);
    expect(result.stderr).toMatch(/pyproject\.toml: contracts\[0\]\.allow-override: expected true or false, found a string/);
    expect(result.output).not.toMatch(/\n\s+at /);
  });

  it('blocks a commit through the real hook too, and the commit is not made', () => {
    const repo = repoWith({ [RC]: policyFile('config/broken.yaml') });
    installPolicyHooks(repo);
    const before = headOid(repo);
    stageCustomerDrop(repo, 'nickname');
    const commit = gitIn(repo, ['commit', '-m', 'Drop customers.nickname']);
    // git reports a failed hook as its own exit 1, whatever the hook's code
    expect(commit.status, commit.output).toBe(1);
    expect(commit.output).toMatch(/^schemaguard: \.schemaguardrc\.yaml:8:\d+: YAML syntax error/m);
    expect(headOid(repo)).toBe(before);
  });
});
