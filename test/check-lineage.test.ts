// Issue 5 through real git and a real HTTP server: `sync` fetches the dbt manifest of fixtures/policy/, then
// staged drops are judged by who reads them downstream (a dbt model and the dashboard built on it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestRepo } from './helpers/git-repo.js';
import { runCliAsync, sendJson, startServer, type TestServer } from './helpers/lineage-server.js';
import { assertBuilt, CUSTOMER_FILE, policyFile, policyRepo, schemaguardIn, stageCustomerDrop } from './helpers/policy-repo.js';

const MANIFEST_PATH = '/api/v2/runs/latest/artifacts/manifest.json';
const SNAPSHOT = '.schemaguard/lineage.json';
const MODEL_OWNER = 'CRM Data <crm-data@shop.example>';
const DASHBOARD_OWNER = 'Marketing Ops <marketing-ops@shop.example>';

let server: TestServer;
const repos: TestRepo[] = [];

beforeAll(async () => {
  assertBuilt();
  const manifest = policyFile('dbt/manifest.json');
  server = await startServer((req, res) => {
    if (req.url === MANIFEST_PATH) sendJson(res, 200, manifest);
    else sendJson(res, 404, '{"error": "not found"}');
  });
});
afterAll(() => server.close());
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

function configText(maxAgeDays: number): string {
  return policyFile('config/lineage.yaml')
    .replaceAll('__DBT_MANIFEST_URL__', `${server.url}${MANIFEST_PATH}`)
    .replaceAll('__MAX_AGE_DAYS__', String(maxAgeDays));
}

/** The fixture app with the lineage config, and `schemaguard sync` run against the server: exit 0, snapshot written. */
async function syncedRepo(maxAgeDays = 14): Promise<TestRepo> {
  const repo = policyRepo({ '.schemaguardrc.yaml': configText(maxAgeDays) });
  repos.push(repo);
  const sync = await runCliAsync(['sync'], { cwd: repo.dir, env: repo.env });
  expect(sync.status, `${sync.stdout}${sync.stderr}`).toBe(0);
  expect(sync.stdout).toBe(`wrote ${SNAPSHOT}: 2 tables, 3 downstream nodes from 1 source\n`);
  return repo;
}

interface Snapshot {
  generated_at: string;
  tables: { schema: string | null; name: string; readers: { node: string; level: string; columns?: string[] }[] }[];
  nodes: { id: string; owners: string[]; children: string[] }[];
}
const readSnapshot = (repo: TestRepo): Snapshot => JSON.parse(readFileSync(join(repo.dir, SNAPSHOT), 'utf8')) as Snapshot;

describe('lineage from a dbt manifest served over HTTP', () => {
  it('sync fetches it and writes the snapshot: column-level readers, owners from the group and the exposure', async () => {
    const repo = await syncedRepo();
    expect(server.requests.some((r) => r.url === MANIFEST_PATH)).toBe(true);
    const snapshot = readSnapshot(repo);
    expect(snapshot.tables).toEqual([
      { schema: null, name: 'customers', readers: [{ node: 'model.crm_analytics.customer_contacts', level: 'column', columns: ['email', 'full_name', 'id'] }] },
      { schema: null, name: 'orders', readers: [{ node: 'model.crm_analytics.order_totals', level: 'column', columns: ['amount', 'customer_id', 'status'] }] },
    ]);
    const owners = Object.fromEntries(snapshot.nodes.map((n) => [n.id, n.owners]));
    expect(owners).toEqual({
      'exposure.crm_analytics.email_campaigns': [DASHBOARD_OWNER],
      'model.crm_analytics.customer_contacts': [MODEL_OWNER],
      'model.crm_analytics.order_totals': ['@finance-data'],
    });
  });

  it('dropping a column read by a dbt model and a dashboard blocks and names both owners and the dashboard', async () => {
    const repo = await syncedRepo();
    stageCustomerDrop(repo, 'email');
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toMatch(/^✖ block {2}drop-column {2}app\/models\/customer\.py:13$/m);
    expect(result.stdout).toContain(`downstream customer_contacts (model); owners: ${MODEL_OWNER}`);
    expect(result.stdout).toContain(
      `downstream Email Campaigns (exposure/dashboard); owners: ${DASHBOARD_OWNER} https://bi.shop.example/dashboards/email-campaigns`,
    );
    expect(result.stdout).toContain(`Notify ${MODEL_OWNER}, ${DASHBOARD_OWNER}.`);
    expect(result.stdout).not.toContain('@finance-data');
    expect(result.stdout).not.toContain('note:');
  });

  it('dropping a column nobody reads, on a table whose readers are known column by column, only warns and says why', async () => {
    const repo = await syncedRepo();
    stageCustomerDrop(repo, 'nickname');
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^⚠ warn {3}drop-column {2}app\/models\/customer\.py:15$/m);
    expect(result.stdout).toContain('lowered to warn: column-level lineage shows no reader and no contract covers it');
    expect(result.stdout).not.toContain('downstream ');
    expect(result.stdout).toContain('Passed with 1 warning.');
  });

  it('the same unread column still blocks where no snapshot exists: the warning comes from the lineage', async () => {
    const repo = policyRepo({ '.schemaguardrc.yaml': configText(14) });
    repos.push(repo);
    stageCustomerDrop(repo, 'nickname');
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).toContain(`note: no lineage snapshot at ${SNAPSHOT}`);
  });

  it('a corrupt snapshot stops the check with its file and line (exit 2, no stack trace), or under onError: warn is a note', async () => {
    const repo = await syncedRepo();
    writeFileSync(join(repo.dir, SNAPSHOT), '{\n  "version": 1,\n  "tables": [--]\n}\n');
    stageCustomerDrop(repo, 'email');
    const blocked = schemaguardIn(repo, ['check', '--staged']);
    expect(blocked.status, blocked.output).toBe(2);
    expect(blocked.stderr).toMatch(/lineage\.json:3:\d+: not valid JSON/);
    expect(blocked.stderr).toContain('run `npx schemaguard sync` to rebuild the snapshot');
    expect(blocked.stderr).not.toContain('internal error');
    writeFileSync(join(repo.dir, '.schemaguardrc.yaml'), `${configText(14)}\nonError: warn\n`);
    const warned = schemaguardIn(repo, ['check', '--staged']);
    // the drop still blocks on its own; the snapshot's readers are not known, so nothing is escalated or demoted
    expect(warned.status, warned.output).toBe(1);
    expect(warned.stdout).toMatch(/note: .*lineage\.json:3:\d+: not valid JSON.*checked without downstream consumers \(onError: warn\)/);
    expect(warned.stdout).not.toContain('downstream customer_contacts');
  });

  it('impact customers.email lists the model and the dashboard with their owners', async () => {
    const repo = await syncedRepo();
    const text = schemaguardIn(repo, ['impact', 'customers.email']);
    expect(text.status, text.output).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('customers.email: 2 downstream consumers');
    expect(text.stdout).toContain(MODEL_OWNER);
    expect(text.stdout).toContain(`Email Campaigns (dashboard)  https://bi.shop.example/dashboards/email-campaigns  owners: ${DASHBOARD_OWNER}`);
    const json = schemaguardIn(repo, ['impact', 'customers.email', '--format', 'json']);
    const consumers = (JSON.parse(json.stdout) as { consumers: { id: string; owners: string[]; level: string }[] }).consumers;
    expect(consumers.map((c) => [c.id, c.owners, c.level])).toEqual([
      ['model.crm_analytics.customer_contacts', [MODEL_OWNER], 'column'],
      ['exposure.crm_analytics.email_campaigns', [DASHBOARD_OWNER], 'column'],
    ]);
  });

  it('a stale snapshot adds a note to the check but does not block by itself', async () => {
    const repo = await syncedRepo(1);
    const snapshot = readSnapshot(repo);
    writeFileSync(join(repo.dir, SNAPSHOT), `${JSON.stringify({ ...snapshot, generated_at: '2020-01-06T08:00:00.000Z' }, null, 2)}\n`);
    repo.write(CUSTOMER_FILE, `${policyFile(`repo/${CUSTOMER_FILE}`)}    phone: Mapped[str | None] = mapped_column(String(30))\n`);
    repo.git('add', CUSTOMER_FILE);
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(0);
    expect(result.stdout).toMatch(/^note: the lineage snapshot \.schemaguard\/lineage\.json is \d+ days old \(more than 1\); run `schemaguard sync`$/m);
    expect(result.stdout).toMatch(/^Passed\.$/m);
  });

  it('a stale snapshot no longer vouches that nobody reads a column: the unread-column drop blocks again', async () => {
    const repo = await syncedRepo(1);
    const snapshot = readSnapshot(repo);
    writeFileSync(join(repo.dir, SNAPSHOT), `${JSON.stringify({ ...snapshot, generated_at: '2020-01-06T08:00:00.000Z' }, null, 2)}\n`);
    stageCustomerDrop(repo, 'nickname');
    const result = schemaguardIn(repo, ['check', '--staged']);
    expect(result.status, result.output).toBe(1);
    expect(result.stdout).not.toContain('lowered to warn');
  });
});
