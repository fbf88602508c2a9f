// Timing helpers for the benchmark: spawned-process wall times, in-process rates, medians and tables.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUSAGE = new URL('./rusage.cjs', import.meta.url).pathname;

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank 90th percentile. */
export function p90(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)];
}

/** Runs a command once and returns its wall time in seconds; a failure other than `okCodes` aborts the bench. */
export function timeSpawn(cmd, args, { cwd, env, okCodes = [0] } = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error || !okCodes.includes(r.status)) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status ?? r.error}\n${r.stderr}`);
  }
  return seconds;
}

/** Runs a node script with a preload that reports the child's own peak RSS and CPU time. */
export function nodeUsage(args, { cwd, env, okCodes = [0] }) {
  const dir = mkdtempSync(join(tmpdir(), 'sg-rusage-'));
  const out = join(dir, 'usage.json');
  try {
    const wall = timeSpawn(process.execPath, ['--require', RUSAGE, ...args], { cwd, env: { ...env, SG_BENCH_RUSAGE: out }, okCodes });
    const usage = JSON.parse(readFileSync(out, 'utf8'));
    return { wall, rssMB: usage.maxRSS / 1024, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Calls `fn` (async) until `minMs` passed and at least once; returns seconds per call. */
export async function timeLoop(fn, minMs) {
  let calls = 0;
  const start = performance.now();
  do {
    await fn();
    calls += 1;
  } while (performance.now() - start < minMs);
  return (performance.now() - start) / 1000 / calls;
}

/** `runs` samples of each named variant, interleaved so a load change on the machine hits all of them alike. */
export function sampleInterleaved(runs, variants, before = () => {}) {
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const [name, fn] of Object.entries(variants)) {
      before(name, i);
      samples[name].push(fn(i));
    }
  }
  return samples;
}

const fmt = (x, digits) => (typeof x === 'number' ? x.toFixed(digits) : String(x));

/** Prints a table: `rows` are arrays of cells; numbers get `digits` decimals. */
export function printTable(title, header, rows, digits = 3) {
  const cells = [header, ...rows.map((r) => r.map((c) => fmt(c, digits)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  console.log(`\n## ${title}`);
  for (const [n, row] of cells.entries()) {
    console.log(row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

export const verdict = (isMet) => (isMet ? 'PASS' : 'MISS');
