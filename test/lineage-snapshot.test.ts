import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeSnapshot, serializeSnapshot } from '../src/lineage/merge.js';
import { parseSnapshot } from '../src/lineage/snapshot-json.js';
import { loadSnapshot, writeSnapshot } from '../src/lineage/snapshot-file.js';
import { fixtureOutcomes, fixtureSnapshot } from './helpers/lineage-fixtures.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sg-snap-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('snapshot layout', () => {
  it('is versioned, with generated_at and each source fingerprint', () => {
    const snapshot = fixtureSnapshot();
    expect(snapshot.version).toBe(1);
    expect(snapshot.generated_at).toBe('2025-11-20T09:00:00.000Z');
    expect(snapshot.sources.map((s) => s.id)).toEqual(['dbt:dbt/manifest.json', 'openlineage:openlineage-events.ndjson', 'file:consumers.yaml']);
  });

  it('serialises the same lineage to the same text whatever order the fragments list things in', () => {
    const outcomes = fixtureOutcomes();
    const shuffled = outcomes.map((o) => ({
      ...o,
      ...(o.fragment ? { fragment: { tables: [...o.fragment.tables].reverse(), nodes: [...o.fragment.nodes].reverse() } } : {}),
    }));
    const at = new Date('2025-11-20T09:00:00Z');
    expect(serializeSnapshot(mergeSnapshot(shuffled, at))).toBe(serializeSnapshot(mergeSnapshot(outcomes, at)));
  });

  it('merges one table read by two sources, and one reader reported twice (table level wins)', () => {
    const snapshot = fixtureSnapshot();
    const users = snapshot.tables.find((t) => t.name === 'users');
    expect(users?.readers.map((r) => r.node)).toEqual([...(users?.readers.map((r) => r.node) ?? [])].sort());
    expect(users?.readers.some((r) => r.node.startsWith('consumer:'))).toBe(true);
    expect(users?.readers.some((r) => r.node.startsWith('model.'))).toBe(true);
    const twice = mergeSnapshot(
      [
        { source: { id: 'a', kind: 'file', location: 'a', status: 'ok' }, fragment: { tables: [{ schema: null, name: 't', readers: [{ node: 'consumer:x', level: 'column', columns: ['b'] }] }], nodes: [{ id: 'consumer:x', type: 'consumer', name: 'x', owners: ['p'], source: 'a', children: [] }] } },
        { source: { id: 'b', kind: 'file', location: 'b', status: 'ok' }, fragment: { tables: [{ schema: 'public', name: 'T', readers: [{ node: 'consumer:x', level: 'table', reason: 'r' }] }], nodes: [{ id: 'consumer:x', type: 'consumer', name: 'x', owners: ['o'], source: 'b', children: [] }] } },
      ],
      new Date(0),
    );
    expect(twice.tables).toEqual([{ schema: null, name: 't', readers: [{ node: 'consumer:x', level: 'table', reason: 'r' }] }]);
    expect(twice.nodes[0]?.owners).toEqual(['o', 'p']);
  });

  it('round-trips through its JSON text', () => {
    const text = serializeSnapshot(fixtureSnapshot());
    expect(serializeSnapshot(parseSnapshot(text, 'lineage.json'))).toBe(text);
  });
});

describe('reading a snapshot', () => {
  const text = serializeSnapshot(fixtureSnapshot());

  it('a corrupt file names the file and line', () => {
    expect(() => parseSnapshot(text.replace('"partial": false,', '"partial": false'), '.schemaguard/lineage.json')).toThrow(
      ".schemaguard/lineage.json:5:3: not valid JSON",
    );
  });

  it('a wrong shape names the path', () => {
    expect(() => parseSnapshot(text.replace('"level": "column"', '"level": "row"'), 'l.json')).toThrow(/^l\.json tables\[\d+\]\.readers\[\d+\]\.level: corrupt lineage snapshot/);
    expect(() => parseSnapshot('{"version": 1}', 'l.json')).toThrow(/^l\.json generated_at: corrupt lineage snapshot/);
  });

  it('a newer version asks for an upgrade; a dangling node id is corrupt', () => {
    expect(() => parseSnapshot('{"version": 2}', 'l.json')).toThrow('l.json: lineage snapshot version 2 is newer than this schemaguard understands (1)');
    const dangling = text.replace('"node": "model.shop.stg_users"', '"node": "model.shop.gone"');
    expect(() => parseSnapshot(dangling, 'l.json')).toThrow(/readers\[\d+\]\.node: corrupt lineage snapshot: no node "model\.shop\.gone"/);
  });

  it('loadSnapshot: null when absent, the snapshot when present, an error naming a corrupt file', async () => {
    const file = join(dir, 'lineage.json');
    expect(await loadSnapshot(file)).toBeNull();
    writeFileSync(file, text);
    expect((await loadSnapshot(file))?.tables.length).toBe(fixtureSnapshot().tables.length);
    writeFileSync(file, '{');
    await expect(loadSnapshot(file)).rejects.toThrow(`${file}:1:2: not valid JSON`);
  });
});

describe('writing a snapshot', () => {
  it('creates the directory, replaces the file whole, and leaves no temp file', async () => {
    const file = join(dir, 'nested', '.schemaguard', 'lineage.json');
    await writeSnapshot(file, fixtureSnapshot());
    await writeSnapshot(file, fixtureSnapshot(new Date('2025-12-01T00:00:00Z')));
    expect(readdirSync(join(dir, 'nested', '.schemaguard'))).toEqual(['lineage.json']);
    expect(parseSnapshot(readFileSync(file, 'utf8'), file).generated_at).toBe('2025-12-01T00:00:00.000Z');
  });

  it('a write that fails leaves the old file and no temp file', async () => {
    const file = join(dir, 'lineage.json');
    writeFileSync(file, 'old');
    const broken = fixtureSnapshot();
    // a node id that is no string makes serialisation throw inside the write
    (broken.nodes[0] as unknown as { id: bigint }).id = 1n;
    await expect(writeSnapshot(file, broken)).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['lineage.json']);
  });
});
