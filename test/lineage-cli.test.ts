import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, OL_NAMESPACE } from './helpers/lineage-fixtures.js';
import { runCliAsync, sendJson, startServer, type TestServer } from './helpers/lineage-server.js';

// run `npx tsc -p tsconfig.json` first: these tests run the built CLI
let repo: string;
const servers: TestServer[] = [];

const WAREHOUSE_YAML = readFileSync(new URL('warehouse.yaml', FIXTURES), 'utf8');

function writeConfig(sources: string, extra = ''): void {
  writeFileSync(join(repo, '.schemaguardrc.yaml'), `${WAREHOUSE_YAML}lineage:\n  maxAgeDays: 3650\n  sources:\n${sources}${extra}`);
}

const LOCAL_SOURCES = `    - dbt: { manifest: lineage/dbt/manifest.json }
    - openlineage: { events: lineage/openlineage-events.ndjson, namespace: "${OL_NAMESPACE}" }
    - file: lineage/consumers.yaml
`;

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'sg-cli-lineage-'));
  cpSync(new URL('.', FIXTURES), join(repo, 'lineage'), { recursive: true });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  rmSync(repo, { recursive: true, force: true });
});

const snapshotText = (): string => readFileSync(join(repo, '.schemaguard', 'lineage.json'), 'utf8');

describe('schemaguard sync and impact (built CLI)', () => {
  it('sync writes the snapshot from file sources with a progress line per source', () => {
    writeConfig(LOCAL_SOURCES);
    const r = runCli(['sync'], { cwd: repo });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^wrote \.schemaguard\/lineage\.json: \d+ tables, \d+ downstream nodes from 3 sources\n$/);
    expect(r.stderr).toContain('  dbt lineage/dbt/manifest.json: fetching…');
    expect(r.stderr).toMatch(/ {2}dbt lineage\/dbt\/manifest\.json: done, \d+ nodes \(\d+ ms\)/);
    expect(r.stderr).toMatch(/file lineage\/consumers\.yaml: done, 3 nodes/);
    expect(r.stderr).not.toContain('\u001b[');
    expect(JSON.parse(snapshotText())).toMatchObject({ version: 1, partial: false });
  });

  it('impact prints the tree, JSON and Mermaid from the snapshot', () => {
    writeConfig(LOCAL_SOURCES);
    expect(runCli(['sync', '--quiet'], { cwd: repo }).status).toBe(0);
    const text = runCli(['impact', 'users.email'], { cwd: repo });
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('users.email: 13 downstream consumers');
    expect(text.stdout).toContain('exposure Weekly revenue (dashboard)  https://bi.acme.example/dashboards/42  owners: Revenue Analytics <revenue@acme.example>');
    const json = runCli(['impact', 'billing.invoices.voided', '--format', 'json'], { cwd: repo });
    expect(json.status).toBe(0);
    const body = JSON.parse(json.stdout) as { target: string; consumers: { id: string }[] };
    expect(body.target).toBe('billing.invoices.voided');
    expect(body.consumers.map((c) => c.id)).toEqual(expect.arrayContaining(['model.shop.stg_invoices', 'exposure.shop.weekly_revenue', 'job:airflow:finance.revenue_daily']));
    const mermaid = runCli(['impact', 'orders', '--format', 'mermaid'], { cwd: repo });
    expect(mermaid.stdout.startsWith('flowchart LR\n')).toBe(true);
  });

  it('impact: usage and snapshot errors exit 2 with what to do', () => {
    writeConfig(LOCAL_SOURCES);
    const none = runCli(['impact', 'users'], { cwd: repo });
    expect(none.status).toBe(2);
    expect(none.stderr).toBe('schemaguard: no lineage snapshot at .schemaguard/lineage.json\n  run `schemaguard sync` to fetch it from the configured sources\n');
    runCli(['sync'], { cwd: repo });
    expect(runCli(['impact', 'users', '--format', 'xml'], { cwd: repo }).status).toBe(2);
    expect(runCli(['impact', 'a.b.c.d'], { cwd: repo }).stderr).toContain('cannot read "a.b.c.d" as TABLE');
    writeFileSync(join(repo, '.schemaguard', 'lineage.json'), '{"version": 1,\n "generated_at": }');
    const corrupt = runCli(['impact', 'users'], { cwd: repo });
    expect(corrupt.status).toBe(2);
    expect(corrupt.stderr).toMatch(/^schemaguard: .*lineage\.json:2:\d+: not valid JSON/);
    expect(corrupt.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('warns on a stale snapshot; sync without sources is a usage error', () => {
    writeConfig(LOCAL_SOURCES);
    runCli(['sync'], { cwd: repo });
    const old = snapshotText().replace(/"generated_at": "[^"]+"/, '"generated_at": "2001-01-01T00:00:00.000Z"');
    writeFileSync(join(repo, '.schemaguard', 'lineage.json'), old);
    const r = runCli(['impact', 'users'], { cwd: repo });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: the lineage snapshot \.schemaguard\/lineage\.json is \d+ days old \(more than 3650\)/);
    writeFileSync(join(repo, '.schemaguardrc.yaml'), 'lineage:\n  sources: []\n');
    const empty = runCli(['sync'], { cwd: repo });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('no lineage sources are configured');
  });

  it('sync over HTTP: token sent; 500, timeout and malformed JSON keep the old snapshot; --allow-partial marks it', async () => {
    const manifest = readFileSync(new URL('dbt/manifest.json', FIXTURES), 'utf8');
    let mode: 'ok' | '500' | 'hang' | 'bad' = 'ok';
    const server = await startServer((_req, res) => {
      if (mode === 'ok') sendJson(res, 200, manifest);
      else if (mode === '500') sendJson(res, 500, '{}');
      else if (mode === 'bad') sendJson(res, 200, '{"metadata": [}');
    });
    servers.push(server);
    writeConfig(`    - dbt: { url: "${server.url}/manifest.json", tokenEnv: SG_TEST_TOKEN, timeoutMs: 300 }\n    - file: lineage/consumers.yaml\n`);
    const env = { SG_TEST_TOKEN: 'tok-123' };
    const ok = await runCliAsync(['sync'], { cwd: repo, env });
    expect(ok.status).toBe(0);
    expect(server.requests[0]?.authorization).toBe('Bearer tok-123');
    const before = snapshotText();
    expect(before).not.toContain('tok-123');
    for (const [m, why] of [['500', /HTTP 500/], ['hang', /no answer within 300 ms/], ['bad', /not valid JSON/]] as const) {
      mode = m;
      const r = await runCliAsync(['sync'], { cwd: repo, env });
      expect(r.status, m).toBe(2);
      expect(r.stderr).toContain('schemaguard: sync failed: 1 of 2 lineage sources failed');
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toContain('kept the previous snapshot .schemaguard/lineage.json');
      expect(r.stderr).toContain('--allow-partial');
      expect(snapshotText()).toBe(before);
    }
    mode = '500';
    const partial = await runCliAsync(['sync', '--allow-partial'], { cwd: repo, env });
    expect(partial.status).toBe(0);
    expect(partial.stderr).toContain('the snapshot is marked partial: 1 source failed');
    expect(JSON.parse(snapshotText())).toMatchObject({ partial: true, sources: [{ status: 'failed' }, { status: 'ok' }] });
  });

  it('colours progress only when asked (FORCE_COLOR) and never with NO_COLOR', async () => {
    writeConfig(LOCAL_SOURCES);
    const coloured = await runCliAsync(['sync'], { cwd: repo, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stderr).toContain('\u001b[');
    copyFileSync(join(repo, '.schemaguardrc.yaml'), join(repo, 'copy.yaml'));
    const plain = await runCliAsync(['sync', '--config', 'copy.yaml'], { cwd: repo, env: { FORCE_COLOR: '1' } });
    expect(plain.status).toBe(0);
    expect(plain.stderr).not.toContain('\u001b[');
  });
});
