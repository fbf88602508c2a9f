// The per-blob extraction cache: hits, misses, version isolation, corruption, atomic and concurrent writes.
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ENTRIES, openBlobCache } from '../src/git/cache.js';
import { openGit } from '../src/git/open.js';
import { addWorktree, createRepo, makeTempDir, type TestRepo } from './helpers/git-repo.js';

const oid = (n: number) => n.toString(16).padStart(40, '0');
const value = (n: number) => ({ tables: [{ name: `t${n}`, columns: ['id', 'name'], span: [n, n + 10] }] });

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
  cleanups = [];
});

function commonDir(): string {
  const dir = makeTempDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function track(repo: TestRepo): TestRepo {
  cleanups.push(() => repo.cleanup());
  return repo;
}

describe('blob cache', () => {
  it('misses, then hits after a flush, with a fresh copy on every get', async () => {
    const dir = commonDir();
    const first = await openBlobCache(dir, '1');
    expect(first.get(oid(1))).toBeUndefined();
    first.set(oid(1), value(1));
    expect(first.get(oid(1))).toEqual(value(1));
    expect(await first.flush()).toBe(true);
    expect(first.file).toBe(join(dir, 'schemaguard', 'cache', 'v1', 'blobs-1.ndjson'));

    const second = await openBlobCache<ReturnType<typeof value>>(dir, '1');
    const hit = second.get(oid(1));
    expect(hit).toEqual(value(1));
    hit?.tables.pop();
    expect(second.get(oid(1))).toEqual(value(1));
    expect(second.get(oid(2))).toBeUndefined();
    expect(await second.flush()).toBe(false);
  });

  it('keeps versions apart: an upgraded tool never reads old entries', async () => {
    const dir = commonDir();
    const v1 = await openBlobCache(dir, '0.1.0+x1');
    v1.set(oid(1), value(1));
    await v1.flush();
    expect((await openBlobCache(dir, '0.1.0+x2')).get(oid(1))).toBeUndefined();
    expect((await openBlobCache(dir, '0.1.0+x1')).get(oid(1))).toEqual(value(1));
    await expect(openBlobCache(dir, '../escape')).rejects.toThrow(/version/);
  });

  it('treats damaged entries as misses and rewrites a clean pack', async () => {
    const dir = commonDir();
    const cache = await openBlobCache(dir, '1');
    for (const n of [1, 2, 3, 4]) cache.set(oid(n), value(n));
    await cache.flush();
    const lines = readFileSync(cache.file, 'utf8').split('\n');
    const flipped = (lines[1] ?? '').replace('"t2"', '"t9"'); // valid JSON, wrong checksum
    const torn = (lines[3] ?? '').slice(0, 60); // a last line cut short, no LF
    writeFileSync(cache.file, ['garbage line', lines[0], flipped, lines[2], '\u0000\u0001binary', torn].join('\n'));

    const damaged = await openBlobCache(dir, '1');
    expect([1, 2, 3, 4].map((n) => damaged.get(oid(n)) !== undefined)).toEqual([true, false, true, false]);
    damaged.set(oid(2), value(2));
    await damaged.flush();
    const clean = readFileSync(cache.file, 'utf8');
    expect(clean).not.toMatch(/garbage|binary/);
    expect(clean.split('\n').filter(Boolean)).toHaveLength(3);

    writeFileSync(cache.file, Buffer.from([0xff, 0xfe, 0, 1, 2, 10, 10]));
    expect((await openBlobCache(dir, '1')).get(oid(1))).toBeUndefined();
  });

  it('writes atomically: no temp files left, concurrent writers never leave a torn pack', async () => {
    const dir = commonDir();
    const a = await openBlobCache(dir, '1');
    const b = await openBlobCache(dir, '1');
    a.set(oid(1), value(1));
    b.set(oid(2), value(2));
    await a.flush();
    await b.flush();
    const merged = await openBlobCache(dir, '1');
    expect([merged.get(oid(1)), merged.get(oid(2))]).toEqual([value(1), value(2)]);

    const writers = await Promise.all(Array.from({ length: 6 }, () => openBlobCache(dir, '1')));
    writers.forEach((w, i) => w.set(oid(100 + i), value(100 + i)));
    expect(await Promise.all(writers.map((w) => w.flush()))).toEqual(writers.map(() => true));
    const after = await openBlobCache(dir, '1');
    const present = writers.map((_, i) => after.get(oid(100 + i)) !== undefined);
    expect(present).toContain(true);
    for (const line of readFileSync(after.file, 'utf8').split('\n').filter(Boolean)) {
      expect(line).toMatch(/^[0-9a-f]{40} [0-9a-f]{8} \{.*\}$/);
    }
    expect(readdirSync(join(dir, 'schemaguard', 'cache', 'v1')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('removes the temp file of a writer that died, not one still being written', async () => {
    const dir = commonDir();
    const cache = await openBlobCache(dir, '1');
    cache.set(oid(1), value(1));
    await cache.flush();
    const folder = join(dir, 'schemaguard', 'cache', 'v1');
    const stale = join(folder, 'blobs-1.ndjson.999-dead.tmp');
    const live = join(folder, 'blobs-1.ndjson.998-live.tmp');
    writeFileSync(stale, 'half');
    writeFileSync(live, 'half');
    utimesSync(stale, new Date(Date.now() - 3600_000), new Date(Date.now() - 3600_000));
    cache.set(oid(2), value(2));
    await cache.flush();
    expect(readdirSync(folder).sort()).toEqual(['blobs-1.ndjson', 'blobs-1.ndjson.998-live.tmp']);
  });

  it('never throws when it cannot write: a cache that cannot be written is a miss next time', async () => {
    const dir = commonDir();
    writeFileSync(join(dir, 'schemaguard'), 'a file where the cache directory should be');
    const cache = await openBlobCache(dir, '1');
    cache.set(oid(1), value(1));
    expect(await cache.flush()).toBe(false);
  });

  it('drops the least recently used entries beyond its size limit', async () => {
    const dir = commonDir();
    const cache = await openBlobCache(dir, '1');
    for (let n = 0; n < MAX_ENTRIES + 100; n++) cache.set(oid(n), n);
    await cache.flush();
    const reopened = await openBlobCache(dir, '1');
    expect(reopened.get(oid(0))).toBeUndefined();
    expect(reopened.get(oid(99))).toBeUndefined();
    expect(reopened.get(oid(100))).toBe(100);
    expect(reopened.get(oid(MAX_ENTRIES + 99))).toBe(MAX_ENTRIES + 99);
    // a hit moves an entry to the recent end when the pack is next written
    reopened.set(oid(MAX_ENTRIES + 1000), 1);
    await reopened.flush();
    const lines = readFileSync(reopened.file, 'utf8').trim().split('\n');
    expect(lines.slice(-3).map((l) => l.slice(0, 40))).toEqual([oid(100), oid(MAX_ENTRIES + 99), oid(MAX_ENTRIES + 1000)]);
  });

  it('tells a stored entry without decoding it: has() passes the checksum like get()', async () => {
    const dir = commonDir();
    const cache = await openBlobCache(dir, '1');
    for (const n of [1, 2]) cache.set(oid(n), value(n));
    expect(cache.has(oid(1))).toBe(true);
    await cache.flush();
    const lines = readFileSync(cache.file, 'utf8').split('\n');
    writeFileSync(cache.file, [lines[0], (lines[1] ?? '').replace('"t2"', '"t9"'), ''].join('\n'));
    const reopened = await openBlobCache(dir, '1');
    expect([1, 2, 3].map((n) => reopened.has(oid(n)))).toEqual([true, false, false]);
  });

  it('appends new entries to a sound pack instead of rewriting it', async () => {
    const dir = commonDir();
    const first = await openBlobCache(dir, '1');
    for (const n of [1, 2, 3]) first.set(oid(n), value(n));
    await first.flush();
    const before = readFileSync(first.file);
    const inode = statSync(first.file).ino;
    const second = await openBlobCache(dir, '1');
    expect(second.get(oid(1))).toEqual(value(1));
    second.set(oid(4), value(4));
    expect(await second.flush()).toBe(true);
    const after = readFileSync(first.file);
    expect(statSync(first.file).ino).toBe(inode);
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.toString('utf8').split('\n').filter(Boolean).map((l) => l.slice(0, 40))).toEqual([1, 2, 3, 4].map(oid));
    // a second flush of the same process appends again
    second.set(oid(5), value(5));
    await second.flush();
    expect([1, 2, 3, 4, 5].map((n) => second.get(oid(n)) !== undefined)).toEqual([true, true, true, true, true]);
    expect((await openBlobCache(dir, '1')).get(oid(5))).toEqual(value(5));
  });

  it('rewrites a pack whose last line was torn, keeping what the torn write did not reach', async () => {
    const dir = commonDir();
    const cache = await openBlobCache(dir, '1');
    for (const n of [1, 2]) cache.set(oid(n), value(n));
    await cache.flush();
    const text = readFileSync(cache.file, 'utf8');
    writeFileSync(cache.file, text + `${oid(3)} 0000`); // a writer killed mid-line
    const next = await openBlobCache(dir, '1');
    next.set(oid(4), value(4));
    await next.flush();
    const lines = readFileSync(cache.file, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.filter(Boolean).map((l) => l.slice(0, 40)).sort()).toEqual([1, 2, 4].map(oid));
  });

  it('keeps the entries has() vouched for when a rewrite trims the pack', async () => {
    const dir = commonDir();
    const cache = await openBlobCache(dir, '1');
    for (let n = 0; n < MAX_ENTRIES; n++) cache.set(oid(n), n);
    await cache.flush();
    const reopened = await openBlobCache(dir, '1');
    expect(reopened.has(oid(0))).toBe(true);
    reopened.set(oid(MAX_ENTRIES + 1000), 1);
    await reopened.flush();
    const lines = readFileSync(reopened.file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(MAX_ENTRIES);
    expect(lines.slice(-2).map((l) => l.slice(0, 40))).toEqual([oid(0), oid(MAX_ENTRIES + 1000)]);
    expect(lines[0]?.slice(0, 40)).toBe(oid(2));
  });

  it('lives in the common git dir: shared by linked worktrees, invisible to git status', async () => {
    const main = track(createRepo({ files: { 'a.py': 'a = 1\n' } }));
    const tree = track(addWorktree(main, 'side'));
    const git = await openGit(tree.dir, tree.env, { backend: 'cli' });
    const info = await git.repoInfo();
    await git.close();
    const fromTree = await openBlobCache(info.commonDir, '1');
    fromTree.set(oid(7), value(7));
    await fromTree.flush();
    expect((await openBlobCache(join(main.dir, '.git'), '1')).get(oid(7))).toEqual(value(7));
    expect(statSync(join(main.dir, '.git', 'schemaguard', 'cache', 'v1', 'blobs-1.ndjson')).isFile()).toBe(true);
    expect(main.git('status', '--porcelain', '--untracked-files=all')).toBe('');
  });
});
