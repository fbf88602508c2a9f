// Scenarios (c)-(e): `schemaguard check --staged` latency in generated repos, against floors taken in the same run.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { median, p90, sampleInterleaved, timeSpawn } from './measure.js';
import { stageModelEdit, stageReadmeOnly } from './repos.js';

export const BIN = new URL('../bin/schemaguard.js', import.meta.url).pathname;

/** Edits get a new number each time, so every run stages a blob no cache has seen. */
let editNumber = 0;

const floors = (repo) => ({
  node: () => timeSpawn(process.execPath, ['-e', '0'], { cwd: repo.dir, env: repo.env }),
  git: () => timeSpawn('git', ['diff', '--cached', '--name-only'], { cwd: repo.dir, env: repo.env }),
});

/** `SCHEMAGUARD_SERVER=0`: every check runs in its own process, as under CI. */
const PRIMING_CHECKS = 5;
const NO_SERVER = { SCHEMAGUARD_SERVER: '0' };

/**
 * One check of a fresh staged model edit, its wall time in seconds; `isCold` deletes the cache dir first (the
 * resident server's socket with it, so that server leaves and the check runs in-process). Exit 0 or 1 are both
 * verdicts. Spawned plainly, as the floors are (a served check's CPU is mostly the server's: not measured here).
 */
function check(repo, { isCold, nodeArgs = [], env = {} }) {
  stageModelEdit(repo, (editNumber += 1));
  if (isCold) rmSync(join(repo.dir, '.git', 'schemaguard'), { recursive: true, force: true });
  const wall = timeSpawn(process.execPath, [...nodeArgs, BIN, 'check', '--staged'], { cwd: repo.dir, env: { ...repo.env, ...env }, okCodes: [0, 1] });
  // a cold check starts a new server: let it load before the next sample, or its start-up would load that one
  if (isCold && env.SCHEMAGUARD_SERVER !== '0') waitForServer(repo);
  return wall;
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

const stats = (xs) => ({ median: median(xs), p90: p90(xs) });

/**
 * (c): cold, warm and warm in-process checks per repository, each in a phase of its own interleaved run by run with
 * the floors (an in-process check between two served ones would load the machine the server shares). `warm` is a
 * hook as users run it, served by the resident server an earlier check started; `warm, in-process` is the same
 * with the server turned off, as under CI.
 */
export function checkLatency(repo, runs) {
  const phase = (name, run) => {
    const s = sampleInterleaved(runs, { ...floors(repo), [name]: run });
    return { node: stats(s.node), git: stats(s.git), check: stats(s[name]) };
  };
  const cold = phase('cold', () => check(repo, { isCold: true }));
  // the cache filled and the server through its first checks (V8 optimises the check's code over the first few):
  // "warm" is a server that has served a few commits, as from the third or so of a working session
  for (let i = 0; i < PRIMING_CHECKS; i += 1) check(repo, { isCold: false });
  const warm = phase('warm', () => check(repo, { isCold: false }));
  const warmInProcess = phase('warm, in-process', () => check(repo, { isCold: false, env: NO_SERVER }));
  return { cold, warm, warmInProcess };
}

/** (d): a commit that stages no Python file, with the resident server (left by (c)) and without. */
export function fastPath(repo, runs) {
  stageReadmeOnly(repo, (editNumber += 1));
  const s = sampleInterleaved(runs, {
    node: floors(repo).node,
    check: () => timeSpawn(process.execPath, [BIN, 'check', '--staged'], { cwd: repo.dir, env: repo.env }),
    'check, in-process': () => timeSpawn(process.execPath, [BIN, 'check', '--staged'], { cwd: repo.dir, env: { ...repo.env, ...NO_SERVER } }),
  });
  return { node: stats(s.node), check: stats(s.check), inProcess: stats(s['check, in-process']) };
}

/** (e): V8's WASM tier-up on and off as node flags (schemaguard leaves a user's own flag alone), cold and warm, in-process. */
export function tierUp(repo, runs, variants) {
  check(repo, { isCold: false });
  const fns = {};
  for (const [name, nodeArgs] of Object.entries(variants)) {
    fns[`${name} cold`] = () => check(repo, { isCold: true, nodeArgs, env: NO_SERVER });
    fns[`${name} warm`] = () => check(repo, { isCold: false, nodeArgs, env: NO_SERVER });
  }
  const s = sampleInterleaved(runs, fns);
  return Object.fromEntries(Object.entries(s).map(([k, xs]) => [k, stats(xs)]));
}
