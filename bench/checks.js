// Scenarios (c)-(e): `schemaguard check --staged` latency in generated repos, against floors taken in the same run.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { median, nodeUsage, p90, sampleInterleaved, timeSpawn } from './measure.js';
import { stageModelEdit, stageReadmeOnly } from './repos.js';

export const BIN = new URL('../bin/schemaguard.js', import.meta.url).pathname;

/** Edits get a new number each time, so every run stages a blob no cache has seen. */
let editNumber = 0;

const floors = (repo) => ({
  node: () => timeSpawn(process.execPath, ['-e', '0'], { cwd: repo.dir, env: repo.env }),
  git: () => timeSpawn('git', ['diff', '--cached', '--name-only'], { cwd: repo.dir, env: repo.env }),
});

/** One check of a fresh staged model edit; `isCold` deletes the cache dir first. Exit 0 or 1 are both verdicts. */
function check(repo, { isCold, nodeArgs = [] }) {
  stageModelEdit(repo, (editNumber += 1));
  if (isCold) rmSync(join(repo.dir, '.git', 'schemaguard'), { recursive: true, force: true });
  return nodeUsage([...nodeArgs, BIN, 'check', '--staged'], { cwd: repo.dir, env: repo.env, okCodes: [0, 1] });
}

const walls = (usages) => usages.map((u) => u.wall);
const stats = (xs) => ({ median: median(xs), p90: p90(xs) });

/** (c): floors, cold and warm check per repository, interleaved run by run. */
export function checkLatency(repo, runs) {
  check(repo, { isCold: false }); // fills the cache: "warm" is the second run onwards
  const s = sampleInterleaved(runs, {
    ...floors(repo),
    cold: () => check(repo, { isCold: true }),
    warm: () => check(repo, { isCold: false }),
  });
  return {
    node: stats(s.node),
    git: stats(s.git),
    cold: { ...stats(walls(s.cold)), cpu: median(s.cold.map((u) => u.cpu)) },
    warm: { ...stats(walls(s.warm)), cpu: median(s.warm.map((u) => u.cpu)) },
  };
}

/** (d): a commit that stages no Python file. */
export function fastPath(repo, runs) {
  stageReadmeOnly(repo, (editNumber += 1));
  const s = sampleInterleaved(runs, {
    node: floors(repo).node,
    check: () => nodeUsage([BIN, 'check', '--staged'], { cwd: repo.dir, env: repo.env }).wall,
  });
  return { node: stats(s.node), check: stats(s.check) };
}

/** (e): V8's WASM tier-up on and off as node flags (schemaguard leaves a user's own flag alone), cold and warm. */
export function tierUp(repo, runs, variants) {
  check(repo, { isCold: false });
  const fns = {};
  for (const [name, nodeArgs] of Object.entries(variants)) {
    fns[`${name} cold`] = () => check(repo, { isCold: true, nodeArgs }).wall;
    fns[`${name} warm`] = () => check(repo, { isCold: false, nodeArgs }).wall;
  }
  const s = sampleInterleaved(runs, fns);
  return Object.fromEntries(Object.entries(s).map(([k, xs]) => [k, stats(xs)]));
}
