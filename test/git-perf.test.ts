// Measures the hot path: blobs through one cat-file process vs one `git show` each, and a warm hook.
import { execFile, execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBlobCache } from '../src/git/cache.js';
import { openGit } from '../src/git/open.js';
import { compileGitLayer } from './helpers/git-probe.js';
import { createRepo, type TestRepo } from './helpers/git-repo.js';

const run = promisify(execFile);

const model = (i: number) =>
  `class Model${i}(Base):\n    __tablename__ = "model_${i}"\n` +
  Array.from({ length: 60 }, (_, c) => `    col_${c} = Column(String(${c + 1}), nullable=${c % 2 === 0})\n`).join('');

let repo: TestRepo;
let probe: string;
beforeAll(() => {
  const files = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`app/models/m${i}.py`, model(i)]));
  repo = createRepo({ files });
  probe = compileGitLayer();
});
afterAll(() => {
  repo.cleanup();
  rmSync(probe, { recursive: true, force: true });
});

/** The fastest of a few runs: on a shared machine, noise only ever adds time. */
async function timed(task: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return Math.min(...times);
}

describe('git layer speed', () => {
  it('reads 50 blobs through one cat-file --batch much faster than 50 `git show` calls', async () => {
    const oids = repo.git('ls-tree', '-r', '--format=%(objectname)', 'HEAD').trim().split('\n').slice(0, 50);
    const viaPort = await timed(async () => {
      const git = await openGit(repo.dir, repo.env, { backend: 'cli' });
      const texts = await git.readBlobs(oids);
      await git.close();
      expect(texts.size).toBe(50);
    });
    const viaShow = await timed(async () => {
      for (const oid of oids) await run('git', ['show', oid], { cwd: repo.dir, env: repo.env });
    });
    const viaIso = await timed(async () => {
      const git = await openGit(repo.dir, repo.env, { backend: 'iso' });
      expect((await git.readBlobs(oids)).size).toBe(50);
    });
    repo.git('repack', '-adq');
    const viaIsoPacked = await timed(async () => {
      const git = await openGit(repo.dir, repo.env, { backend: 'iso' });
      expect((await git.readBlobs(oids)).size).toBe(50);
    });
    const viaPortPacked = await timed(async () => {
      const git = await openGit(repo.dir, repo.env, { backend: 'cli' });
      expect((await git.readBlobs(oids)).size).toBe(50);
      await git.close();
    });
    console.info(
      `50 blobs: port (cat-file --batch) ${viaPort.toFixed(1)} ms loose / ${viaPortPacked.toFixed(1)} ms packed, ` +
        `50 x git show ${viaShow.toFixed(1)} ms, isomorphic-git ${viaIso.toFixed(1)} ms loose / ` +
        `${viaIsoPacked.toFixed(1)} ms packed`,
    );
    expect(viaPort * 3).toBeLessThan(viaShow);
  });

  it('a warm hook on 200 models costs little beyond node start', async () => {
    const git = await openGit(repo.dir, repo.env, { backend: 'cli' });
    const { commonDir } = await git.repoInfo();
    const cache = await openBlobCache(commonDir, 'perf');
    for (const entry of await git.listFiles({ kind: 'index' }, () => true)) {
      const columns = Array.from({ length: 60 }, (_, c) => `col_${c}`);
      cache.set(entry.oid, { tables: [{ name: entry.path, columns }] });
    }
    await cache.flush();
    await git.close();
    const script = join(probe, 'warm.mjs');
    writeFileSync(script, WARM_HOOK);
    const hook = () => execFileSync(process.execPath, [script], { cwd: repo.dir, env: repo.env, encoding: 'utf8' });
    const bare = () => execFileSync(process.execPath, ['-e', '0'], { env: repo.env });
    expect(JSON.parse(hook())).toEqual({ hits: 200, misses: 0 });
    const hookMs = await timed(async () => hook(), 7);
    const nodeMs = await timed(async () => bare(), 7);
    console.info(`warm hook (200 models, all cached): ${hookMs.toFixed(1)} ms; node -e 0: ${nodeMs.toFixed(1)} ms`);
    expect(hookMs - nodeMs).toBeLessThan(200);
  });
});

/** What a warm `check --staged` does in git: repo facts, the HEAD -> index change list, the index listing,
 * then a cache lookup per model file. */
const WARM_HOOK = `
import { openGit } from './git/open.js';
import { openBlobCache } from './git/cache.js';
const git = await openGit(process.cwd(), process.env);
const info = await git.repoInfo();
const [changes, files] = await Promise.all([
  git.changedFiles({ kind: 'commit', oid: info.headOid }, { kind: 'index' }),
  git.listFiles({ kind: 'index' }, (p) => p.endsWith('.py')),
]);
const cache = await openBlobCache(info.commonDir, 'perf');
let hits = 0;
for (const f of files) if (cache.get(f.oid) !== undefined) hits++;
await git.close();
process.stdout.write(JSON.stringify({ hits, misses: files.length - hits + changes.length }));
`;
