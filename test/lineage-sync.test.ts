import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema, type ConfigInput } from '../src/config/schema.js';
import { parseSnapshot } from '../src/lineage/snapshot-json.js';
import { syncLineage, type SyncOptions, type SyncProgress } from '../src/lineage/sync.js';
import { FIXTURES, WAREHOUSE } from './helpers/lineage-fixtures.js';
import { sendJson, startServer, type Route, type TestServer } from './helpers/lineage-server.js';

const manifest = readFileSync(new URL('dbt/manifest.json', FIXTURES), 'utf8');
const marquez = (name: string): string => readFileSync(new URL(`marquez/${name}`, FIXTURES), 'utf8');

/** A dbt docs host serving manifest.json and a Marquez API, as the fixtures' README lists. */
const goodRoute: Route = (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  const node = url.searchParams.get('nodeId');
  if (url.pathname === '/manifest.json') return sendJson(res, 200, manifest);
  if (url.pathname === '/api/v1/namespaces') return sendJson(res, 200, marquez('namespaces.json'));
  if (url.pathname === '/api/v1/namespaces/warehouse/datasets') return sendJson(res, 200, marquez('datasets-warehouse.json'));
  if (url.pathname === '/api/v1/lineage' && node === 'dataset:warehouse:app_public.users') return sendJson(res, 200, marquez('lineage-users.json'));
  if (url.pathname === '/api/v1/column-lineage' && node === 'dataset:warehouse:app_public.users') return sendJson(res, 200, marquez('column-lineage-users.json'));
  if (url.pathname === '/api/v1/column-lineage' && node === 'dataset:warehouse:marts.user_segments') return sendJson(res, 200, marquez('column-lineage-segments.json'));
  sendJson(res, 404, '{"code":404}');
};

let root: string;
const servers: TestServer[] = [];
const serve = async (route: Route): Promise<TestServer> => {
  const server = await startServer(route);
  servers.push(server);
  return server;
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sg-sync-'));
  copyFileSync(new URL('consumers.yaml', FIXTURES), join(root, 'consumers.yaml'));
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  rmSync(root, { recursive: true, force: true });
});

function options(dbtUrl: string, marquezUrl: string, extra: Partial<SyncOptions> = {}): SyncOptions {
  const input: ConfigInput = {
    warehouse: WAREHOUSE,
    lineage: {
      sources: [
        { dbt: { url: dbtUrl, tokenEnv: 'SG_DBT_TOKEN', timeoutMs: 400 } },
        { openlineage: { url: marquezUrl, timeoutMs: 400 } },
        { file: 'consumers.yaml' },
      ],
    },
  };
  return {
    config: configSchema.parse(input),
    rootDir: root,
    env: (name) => (name === 'SG_DBT_TOKEN' ? 's3cret-token' : undefined),
    allowPartial: false,
    retryDelayMs: 50,
    now: () => new Date('2025-11-20T09:00:00Z'),
    ...extra,
  };
}

const snapshotFile = (): string => join(root, '.schemaguard', 'lineage.json');

async function writeGoodSnapshot(): Promise<string> {
  const good = await serve(goodRoute);
  const result = await syncLineage(options(`${good.url}/manifest.json`, good.url));
  expect(result.written).toBe(true);
  return readFileSync(snapshotFile(), 'utf8');
}

describe('sync against real HTTP servers', () => {
  it('fetches a manifest and a Marquez API, sends the token, writes the merged snapshot', async () => {
    const server = await serve(goodRoute);
    const events: SyncProgress[] = [];
    const result = await syncLineage(options(`${server.url}/manifest.json`, server.url, { onProgress: (e) => events.push(e) }));
    expect(result.written).toBe(true);
    expect(result.failed).toEqual([]);
    const manifestRequest = server.requests.find((r) => r.url === '/manifest.json');
    expect(manifestRequest?.authorization).toBe('Bearer s3cret-token');
    expect(server.requests.filter((r) => r.url.startsWith('/api/')).every((r) => r.authorization === undefined)).toBe(true);
    const text = readFileSync(snapshotFile(), 'utf8');
    expect(text).not.toContain('s3cret');
    const snapshot = parseSnapshot(text, 'lineage.json');
    expect(snapshot.partial).toBe(false);
    expect(snapshot.sources.map((s) => [s.kind, s.status, s.fingerprint?.startsWith('sha256:')])).toEqual([
      ['dbt', 'ok', true],
      ['openlineage', 'ok', true],
      ['file', 'ok', true],
    ]);
    const users = snapshot.tables.find((t) => t.schema === null && t.name === 'users');
    expect(users?.readers.find((r) => r.node === 'job:warehouse:etl.user_segments')).toEqual({
      node: 'job:warehouse:etl.user_segments',
      level: 'column',
      columns: ['created_at', 'email', 'plan'],
    });
    expect(users?.readers.map((r) => r.node)).toContain('model.shop.stg_users');
    expect(users?.readers.map((r) => r.node)).toContain('consumer:finance-monthly-export');
    expect(snapshot.nodes.find((n) => n.id === 'job:warehouse:reporting.segments_refresh')?.owners).toEqual(['bi-team@acme.example']);
    expect(events.filter((e) => e.kind === 'start')).toHaveLength(3);
    expect(events.filter((e) => e.kind === 'done')).toHaveLength(3);
  });

  it('writes the same text for the same lineage (sorted, stable)', async () => {
    const server = await serve(goodRoute);
    await syncLineage(options(`${server.url}/manifest.json`, server.url));
    const first = readFileSync(snapshotFile(), 'utf8');
    await syncLineage(options(`${server.url}/manifest.json`, server.url));
    expect(readFileSync(snapshotFile(), 'utf8')).toBe(first);
    // sorted: tables by (schema, name), nodes by id
    const snapshot = parseSnapshot(first, 'lineage.json');
    const keys = snapshot.tables.map((t) => `${t.schema ?? ''}\u0000${t.name}`);
    expect(keys).toEqual([...keys].sort());
    expect(snapshot.nodes.map((n) => n.id)).toEqual(snapshot.nodes.map((n) => n.id).sort());
  });

  const failing: [string, Route, RegExp, number][] = [
    ['times out', () => undefined, /manifest\.json: no answer within 400 ms/, 2],
    ['returns 500', (_req, res) => sendJson(res, 500, '{"error":"boom"}'), /manifest\.json: HTTP 500/, 2],
    ['returns malformed JSON', (_req, res) => sendJson(res, 200, '{"metadata": {"dbt_schema_version": "x",'), /manifest\.json:1:\d+: not valid JSON/, 1],
    ['rejects the token', (_req, res) => sendJson(res, 401, '{}'), /HTTP 401: check the token in \$SG_DBT_TOKEN/, 1],
  ];

  for (const [what, route, message, requests] of failing) {
    it(`keeps the previous snapshot when the dbt server ${what}`, async () => {
      const before = await writeGoodSnapshot();
      const bad = await serve(route);
      const good = await serve(goodRoute);
      const result = await syncLineage(options(`${bad.url}/manifest.json`, good.url));
      expect(result.written).toBe(false);
      expect(result.failed.map((s) => s.kind)).toEqual(['dbt']);
      expect(result.failed[0]?.error).toMatch(message);
      expect(bad.requests).toHaveLength(requests);
      expect(readFileSync(snapshotFile(), 'utf8')).toBe(before);
      expect(result.previous?.generated_at).toBe('2025-11-20T09:00:00.000Z');
      expect(readdirSync(join(root, '.schemaguard'))).toEqual(['lineage.json']);
    });
  }

  it('--allow-partial writes what succeeded, marked partial, with the failure recorded', async () => {
    const good = await serve(goodRoute);
    const bad = await serve((_req, res) => sendJson(res, 503, 'unavailable'));
    const result = await syncLineage(options(`${good.url}/manifest.json`, bad.url, { allowPartial: true }));
    expect(result.written).toBe(true);
    const snapshot = parseSnapshot(readFileSync(snapshotFile(), 'utf8'), 'lineage.json');
    expect(snapshot.partial).toBe(true);
    expect(snapshot.sources[1]).toMatchObject({ kind: 'openlineage', status: 'failed', error: expect.stringMatching(/HTTP 503/) });
    expect(snapshot.nodes.some((n) => n.id === 'model.shop.stg_users')).toBe(true);
    expect(snapshot.nodes.some((n) => n.type === 'job')).toBe(false);
  });

  it('a missing token variable fails that source without a request', async () => {
    const server = await serve(goodRoute);
    const result = await syncLineage(options(`${server.url}/manifest.json`, server.url, { env: () => undefined }));
    expect(result.failed[0]?.error).toBe('environment variable SG_DBT_TOKEN (tokenEnv) is not set');
    expect(server.requests.some((r) => r.url === '/manifest.json')).toBe(false);
    expect(existsSync(snapshotFile())).toBe(false);
  });

  it('writes nothing when every source fails, even with --allow-partial', async () => {
    const result = await syncLineage({
      ...options('http://127.0.0.1:9/manifest.json', 'http://127.0.0.1:9', { allowPartial: true }),
      config: configSchema.parse({ lineage: { sources: [{ file: 'missing.yaml' }] } }),
    });
    expect(result.written).toBe(false);
    expect(result.failed[0]?.error).toBe('missing.yaml: cannot read: ENOENT');
    expect(existsSync(snapshotFile())).toBe(false);
  });
});
