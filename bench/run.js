// `npm run bench [-- --quick]`: speed and memory against floors measured in the same run (run `npm run build` first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, checkLatency, fastPath, tierUp } from './checks.js';
import { generateModels } from './generate.js';
import { median, nodeUsage, p90, printTable, sampleInterleaved, timeSpawn, verdict } from './measure.js';
import { benchEnv, createModelRepo } from './repos.js';
import { throughputRows } from './throughput.js';

const isQuick = process.argv.includes('--quick');
/** Runs per scenario; the 2,000-model repository and the tier-up variants cost the most, so they get fewer. */
const RUNS = isQuick ? { rate: 1, schema: 2, check: 3, big: 1, tier: 2 } : { rate: 3, schema: 5, check: 7, big: 2, tier: 4 };
/** How long each side of (a) runs before it is measured: until V8 has compiled the extractor's many paths. */
const WARM_MS = isQuick ? 1500 : 4000;
const FIXTURES = new URL('../fixtures/models/', import.meta.url).pathname;
/** `--wasm-tier-up` is V8's default, given explicitly so schemaguard's own choice (src/check/schema-at.ts) stands aside. */
const TIER_VARIANTS = {
  'V8 default': ['--wasm-tier-up'],
  '--liftoff-only': ['--liftoff-only'],
  '--no-wasm-tier-up': ['--no-wasm-tier-up'],
  schemaguard: [],
};

function extraction(corpus) {
  return throughputRows(corpus, FIXTURES, RUNS.rate, WARM_MS).then((rows) => {
    printTable(
      '(a) throughput, MB/s (in-process, after a warm-up of each side; target: extraction >= 0.5x parse-only)',
      ['corpus', 'MB', 'parse med', 'parse p90', 'extract med', 'extract p90', 'ratio', 'target', ''],
      rows.map((r) => [r.label, r.mb, r.parseMedian, r.parseP90, r.extractMedian, r.extractP90, r.ratio, '>= 0.5', verdict(r.ratio >= 0.5)]),
      2,
    );
  });
}

/** (b) cold (cache deleted before each run: every file parsed) and warm (the tree read before, as on a second run). */
function schemaProcess(corpus, env, lines) {
  const cache = join(corpus, '.git', 'schemaguard');
  const run = () => nodeUsage([BIN, 'schema', '--format', 'json'], { cwd: corpus, env });
  run();
  const s = sampleInterleaved(RUNS.schema, {
    node: () => timeSpawn(process.execPath, ['-e', '0'], { cwd: corpus, env }),
    cold: () => {
      rmSync(cache, { recursive: true, force: true });
      return run();
    },
    warm: run,
  });
  const row = (label, usages) => {
    const wall = usages.map((u) => u.wall);
    return [label, median(wall), p90(wall), median(s.node), median(wall) / median(s.node), median(usages.map((u) => u.cpu)), Math.max(...usages.map((u) => u.rssMB)), '< 0.5 s', verdict(median(wall) < 0.5)];
  };
  printTable(
    `(b) schemaguard schema --format json, ${lines} lines in a git working tree (spawned; seconds)`,
    ['process', 'median', 'p90', 'floor node -e 0', 'ratio', 'cpu s', 'peak RSS MB', 'target', ''],
    [row('schema, cold cache', s.cold), row('schema, warm cache', s.warm)],
  );
}

function checks(repos) {
  const rows = [];
  for (const repo of repos) {
    const r = checkLatency(repo, repo.models >= 2000 ? RUNS.big : RUNS.check);
    const isTarget = repo.models === 200;
    const row = (label, phase, target, isMet) => {
      const floor = phase.node.median + phase.git.median;
      return [`${repo.models} models ${label}`, phase.check.median, phase.check.p90, phase.node.median, phase.git.median, phase.check.median / floor, isTarget ? target : '-', isTarget && target ? verdict(isMet(phase, floor)) : ''];
    };
    rows.push(row('warm', r.warm, '<= 1.5x', (p, floor) => p.check.median <= 1.5 * floor));
    rows.push(row('warm, in-process', r.warmInProcess, '', () => false));
    rows.push(row('cold', r.cold, '<= 1 s', (p) => p.check.median <= 1));
  }
  printTable(
    '(c) check --staged, one staged model edit (spawned; seconds; ratio = median / (node + git floors of the same phase); warm = served by the resident server, in-process = SCHEMAGUARD_SERVER=0)',
    ['repo / cache', 'median', 'p90', 'node -e 0', 'git diff', 'ratio', 'target', ''],
    rows,
  );
}

function noModel(repo) {
  const r = fastPath(repo, RUNS.check);
  const ratio = r.check.median / r.node.median;
  printTable(
    `(d) check --staged, README-only commit, ${repo.models} models (spawned; seconds)`,
    ['case', 'median', 'p90', 'node -e 0', 'ratio', 'target', ''],
    [
      ['no model staged', r.check.median, r.check.p90, r.node.median, ratio, '<= 1.5x', verdict(ratio <= 1.5)],
      ['same, in-process', r.inProcess.median, r.inProcess.p90, r.node.median, r.inProcess.median / r.node.median, '-', ''],
    ],
  );
}

function tiering(repo) {
  const r = tierUp(repo, RUNS.tier, TIER_VARIANTS);
  const rows = Object.entries(r).map(([name, s]) => [name, s.median, s.p90, s.median / r[`V8 default ${name.split(' ').pop()}`].median]);
  printTable(
    `(e) WASM tier-up, check --staged on ${repo.models} models (seconds; ratio to V8 default; schemaguard = its own choice)`,
    ['variant', 'median', 'p90', 'ratio'],
    rows,
  );
}

async function main() {
  if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) throw new Error('dist/ is missing: run `npm run build` first');
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'schemaguard-bench-')));
  const started = performance.now();
  console.log(`schemaguard bench${isQuick ? ' (quick)' : ''}: node ${process.version}, load average ${loadavg()[0].toFixed(2)}`);
  try {
    const env = benchEnv(join(root, 'home'));
    const corpus = join(root, 'corpus');
    const lines = generateModels(corpus, { models: 800, columnsPerModel: 20 });
    execFileSync('git', ['init', '-q', corpus], { env });
    await extraction(corpus);
    schemaProcess(corpus, env, lines);
    const repos = [10, 200, 2000].map((n) => createModelRepo(root, n, env));
    checks(repos);
    noModel(repos[1]);
    tiering(repos[1]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`\ndone in ${((performance.now() - started) / 1000).toFixed(0)} s, load average ${loadavg()[0].toFixed(2)}`);
}

await main();
