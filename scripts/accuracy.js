// `npm run accuracy`: scores the built extractor (dist/) against every oracle golden in fixtures/models with
// the oracle's own scorer (../shared/oracle/compare.py): one line per case, the pooled table, then SUMMARY.
// Usage: node scripts/accuracy.js [case...] [--keep]   (--keep leaves the actual/score JSON in the temp dir)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MODELS = join(ROOT, 'fixtures', 'models');
const ORACLE_DIR = resolve(process.env.SG_ORACLE_DIR ?? join(ROOT, '..', 'shared', 'oracle'));
const COMPARE = join(ORACLE_DIR, 'compare.py');
const PYTHON = process.env.PYTHON ?? 'python3';
const DIALECT_FILES = [
  ['postgresql', 'expected.json'],
  ['mysql', 'expected.mysql.json'],
  ['sqlite', 'expected.sqlite.json'],
];
const SHOWN_MISMATCHES = 5;

function listRuns(filters) {
  const cases = readdirSync(MODELS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (filters.length === 0 || filters.includes(d.name)))
    .map((d) => d.name)
    .sort();
  return cases.flatMap((name) =>
    DIALECT_FILES.filter(([, file]) => existsSync(join(MODELS, name, file))).map(([dialect, file]) => ({
      name,
      dialect,
      dir: join(MODELS, name),
      expected: join(MODELS, name, file),
      label: dialect === 'postgresql' ? name : `${name} [${dialect}]`,
    })),
  );
}

/** Why the report cannot run here, or null. A missing oracle is a skip, not a failure. */
function skipReason() {
  if (!existsSync(COMPARE)) {
    return `no oracle scorer at ${COMPARE} (the ../shared/oracle checkout is absent; SG_ORACLE_DIR overrides)`;
  }
  const probe = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `${PYTHON} is not available to run compare.py`;
  return null;
}

async function loadExtractor() {
  const extractPath = join(ROOT, 'dist', 'extract', 'index.js');
  const worktreePath = join(ROOT, 'dist', 'git', 'worktree.js');
  if (!existsSync(extractPath) || !existsSync(worktreePath)) return null;
  const { extractSchema } = await import(pathToFileURL(extractPath).href);
  const { readWorktreeFiles } = await import(pathToFileURL(worktreePath).href);
  return { extractSchema, readWorktreeFiles };
}

function runCompare(args) {
  const r = spawnSync(PYTHON, [COMPARE, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`compare.py ${args[0]} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** compare.py prints Python's json, whose NaN is not JSON: read those metrics as null. */
function parseScore(text) {
  return JSON.parse(text.replace(/(:\s*)-?(?:NaN|Infinity)(?=\s*[,}\]])/g, '$1null'));
}

const fmt = (x) => (typeof x === 'number' ? x.toFixed(3) : '  nan');

function printCase(run, score, ms, error) {
  const m = score.metrics;
  const perfect = score.counts.cases.perfect === 1;
  const status = error ? 'ERROR' : perfect ? 'ok' : 'FAIL';
  const figures = `tables ${fmt(m.tables_f1)}  columns ${fmt(m.columns_f1)}  types ${fmt(m.type_acc)}  exact ${fmt(m.exact_columns_acc)}`;
  console.log(`  ${status.padEnd(5)} ${run.label.padEnd(44)} ${figures}  ${String(ms).padStart(4)} ms`);
  if (error) console.log(`        extraction failed: ${error}`);
  for (const x of score.mismatches.slice(0, perfect ? 0 : SHOWN_MISMATCHES)) {
    console.log(`        ${x.kind} ${x.where}: expected ${JSON.stringify(x.expected)} got ${JSON.stringify(x.actual)}`);
  }
  const more = score.mismatches.length - SHOWN_MISMATCHES;
  if (!perfect && more > 0) console.log(`        ... ${more} more`);
}

async function scoreRun(run, extractor, tmp) {
  const base = join(tmp, `${run.name}.${run.dialect}`);
  const actual = `${base}.actual.json`;
  const started = performance.now();
  let error = null;
  try {
    const files = await extractor.readWorktreeFiles(run.dir);
    const { schema } = await extractor.extractSchema(files, { dialect: run.dialect });
    writeFileSync(actual, `${JSON.stringify(schema, null, 2)}\n`);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e); // compare.py scores the absent file as an empty schema
  }
  const ms = Math.round(performance.now() - started);
  const text = runCompare(['--json', run.expected, actual]);
  writeFileSync(`${base}.score.json`, text);
  printCase(run, parseScore(text), ms, error);
  return `${base}.score.json`;
}

async function main(argv) {
  const keep = argv.includes('--keep');
  const filters = argv.filter((a) => !a.startsWith('--'));
  const skip = skipReason();
  if (skip) {
    console.log(`accuracy: skipped: ${skip}`);
    return 0;
  }
  const extractor = await loadExtractor();
  if (!extractor) {
    console.error('accuracy: dist/ has no extractor (dist/extract/index.js, dist/git/worktree.js); run `npm run build` first');
    return 2;
  }
  const runs = listRuns(filters);
  const unknown = filters.filter((f) => !runs.some((r) => r.name === f));
  if (unknown.length > 0 || runs.length === 0) {
    console.error(`accuracy: no fixture case ${unknown.join(', ')} in ${MODELS}`);
    return 2;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'schemaguard-accuracy-'));
  try {
    console.log(`accuracy: ${runs.length} runs over fixtures/models, scored by ${COMPARE}`);
    const scores = [];
    for (const run of runs) scores.push(await scoreRun(run, extractor, tmp));
    console.log('\naggregate:');
    process.stdout.write(runCompare(['--aggregate', ...scores]));
    if (keep) console.error(`accuracy: actual and score JSON kept in ${tmp}`);
  } finally {
    if (!keep) rmSync(tmp, { recursive: true, force: true });
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
