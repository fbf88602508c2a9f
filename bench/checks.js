// Scenarios (c)-(e): `schemaguard check --staged` latency in generated repos, against floors taken in the same run.
import { existsSync, readdirSync, rmSync } from 'node:fs';
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

/** `SCHEMAGUARD_SERVER=0`: every check runs in its own process, as under CI. */
const NO_SERVER = { SCHEMAGUARD_SERVER: '0' };

/**
 * One check of a fresh staged model edit; `isCold` deletes the cache dir first (the resident server's socket with
 * it, so that server leaves and the check runs in-process). Exit 0 or 1 are both verdicts.
 */
function check(repo, { isCold, nodeArgs = [], env = {} }) {
  stageModelEdit(repo, (editNumber += 1));
  if (isCold) rmSync(join(repo.dir, '.git', 'schemaguard'), { recursive: true, force: true });
  const usage = nodeUsage([...nodeArgs, BIN, 'check', '--staged'], { cwd: repo.dir, env: { ...repo.env, ...env }, okCodes: [0, 1] });
  // a cold check starts a new server: let it load before the next sample, or its start-up would load that one
  if (isCold && env.SCHEMAGUARD_SERVER !== '0') waitForServer(repo);
  return usage;
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function waitForServer(repo) {
  const dir = join(repo.dir, '.git', 'schemaguard', 'server');
  for (let waited = 0; waited < 5000; waited += 50) {
    if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.sock'))) break;
    sleep(50);
  }
  sleep(200);
}

const walls = (usages) => usages.map((u) => u.wall);
const stats = (xs) => ({ median: median(xs), p90: p90(xs) });

/**
 * (c): floors, cold and warm checks per repository, interleaved run by run. `warm` is a hook as users run it (served
 * by the resident server the first check started); `warm, in-process` is the same with the server turned off.
 */
export function checkLatency(repo, runs) {
  check(repo, { isCold: false }); // fills the cache: "warm" is the second run onwards
  waitForServer(repo);
  const s = sampleInterleaved(runs, {
    ...floors(repo),
    cold: () => check(repo, { isCold: true }),
    warm: () => check(repo, { isCold: false }),
    'warm, in-process': () => check(repo, { isCold: false, env: NO_SERVER }),
  });
  const usage = (samples) => ({ ...stats(walls(samples)), cpu: median(samples.map((u) => u.cpu)) });
  return { node: stats(s.node), git: stats(s.git), cold: usage(s.cold), warm: usage(s.warm), warmInProcess: usage(s['warm, in-process']) };
}

/** (d): a commit that stages no Python file, with the resident server (left by (c)) and without. */
export function fastPath(repo, runs) {
  stageReadmeOnly(repo, (editNumber += 1));
  const s = sampleInterleaved(runs, {
    node: floors(repo).node,
    check: () => nodeUsage([BIN, 'check', '--staged'], { cwd: repo.dir, env: repo.env }).wall,
    'check, in-process': () => nodeUsage([BIN, 'check', '--staged'], { cwd: repo.dir, env: { ...repo.env, ...NO_SERVER } }).wall,
  });
  return { node: stats(s.node), check: stats(s.check), inProcess: stats(s['check, in-process']) };
}

/** (e): V8's WASM tier-up on and off as node flags (schemaguard leaves a user's own flag alone), cold and warm, in-process. */
export function tierUp(repo, runs, variants) {
  check(repo, { isCold: false });
  const fns = {};
  for (const [name, nodeArgs] of Object.entries(variants)) {
    fns[`${name} cold`] = () => check(repo, { isCold: true, nodeArgs, env: NO_SERVER }).wall;
    fns[`${name} warm`] = () => check(repo, { isCold: false, nodeArgs, env: NO_SERVER }).wall;
  }
  const s = sampleInterleaved(runs, fns);
  return Object.fromEntries(Object.entries(s).map(([k, xs]) => [k, stats(xs)]));
}
