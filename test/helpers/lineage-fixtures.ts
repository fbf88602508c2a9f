// The fixture lineage sources merged into one snapshot, as `sync` would write it, for impact and snapshot tests.
import { readFileSync } from 'node:fs';
import { parseConsumersFile } from '../../src/lineage/consumers-file.js';
import { parseDbtManifest } from '../../src/lineage/dbt-manifest.js';
import { mergeSnapshot, type SourceOutcome } from '../../src/lineage/merge.js';
import { parseOpenLineageEvents } from '../../src/lineage/openlineage-events.js';
import { openLineageFragment } from '../../src/lineage/openlineage-fragment.js';
import type { LineageSnapshot } from '../../src/lineage/types.js';

export const FIXTURES = new URL('../../fixtures/lineage/', import.meta.url);
export const WAREHOUSE = { database: 'analytics', schemas: { public: 'app_public', billing: 'billing_raw' }, tables: { events: 'app_events' } };
export const OL_NAMESPACE = 'postgres://warehouse.acme.example:5432';

const read = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

export function fixtureOutcomes(): SourceOutcome[] {
  const dbt = parseDbtManifest(read('dbt/manifest.json'), { sourceId: 'dbt:dbt/manifest.json', label: 'dbt/manifest.json', warehouse: WAREHOUSE });
  const events = parseOpenLineageEvents(read('openlineage-events.ndjson'), 'openlineage-events.ndjson');
  const ol = openLineageFragment(events, { sourceId: 'openlineage:openlineage-events.ndjson', namespace: OL_NAMESPACE, warehouse: WAREHOUSE });
  const file = parseConsumersFile(read('consumers.yaml'), 'consumers.yaml', 'file:consumers.yaml');
  const ok = (id: string, kind: 'dbt' | 'openlineage' | 'file', location: string, nodes: number) => ({ id, kind, location, status: 'ok' as const, fingerprint: 'sha256:0', nodes });
  return [
    { source: ok('dbt:dbt/manifest.json', 'dbt', 'dbt/manifest.json', dbt.nodes.length), fragment: dbt },
    { source: ok('openlineage:openlineage-events.ndjson', 'openlineage', 'openlineage-events.ndjson', ol.nodes.length), fragment: ol },
    { source: ok('file:consumers.yaml', 'file', 'consumers.yaml', file.nodes.length), fragment: file },
  ];
}

export function fixtureSnapshot(generatedAt = new Date('2025-11-20T09:00:00Z')): LineageSnapshot {
  return mergeSnapshot(fixtureOutcomes(), generatedAt);
}
