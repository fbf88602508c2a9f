// Scenario (a): tree-sitter parse-only throughput against schemaguard's whole extraction, in one process.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { median, p90, timeLoop } from './measure.js';

const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;

async function loadDist() {
  const [{ loadPythonParser }, { extractSchema }, { readWorktreeFiles }] = await Promise.all([
    import(dist('python/parser.js')),
    import(dist('extract/index.js')),
    import(dist('git/worktree.js')),
  ]);
  return { parser: (await loadPythonParser()).parser, extractSchema, readWorktreeFiles };
}

const bytesOf = (groups) => groups.flat().reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);

/**
 * `groups` are projects (one extraction each). Both sides first run for `warmMs` each, so both are measured
 * compiled (a throughput is a steady-state rate; the cold costs are what the process rows time). Then, per
 * run, one parse-only pass and one extraction pass over all groups, interleaved; each pass repeats until
 * `minMs` so tiny corpora still give a stable rate.
 */
async function measureCorpus(lib, groups, runs, minMs, warmMs) {
  const mb = bytesOf(groups) / 1e6;
  const parseAll = () => {
    for (const files of groups) for (const f of files) lib.parser.parse(f.text).delete();
  };
  const extractAll = async () => {
    for (const files of groups) await lib.extractSchema(files, { dialect: 'postgresql' });
  };
  await timeLoop(extractAll, warmMs);
  await timeLoop(parseAll, warmMs);
  const parse = [];
  const extract = [];
  for (let i = 0; i < runs; i += 1) {
    parse.push(await timeLoop(parseAll, minMs));
    extract.push(await timeLoop(extractAll, minMs));
  }
  // a rate's slow end is the p90 of its times; the ratio is taken per run, where the load was the same
  return {
    mb,
    parseMedian: mb / median(parse),
    parseP90: mb / p90(parse),
    extractMedian: mb / median(extract),
    extractP90: mb / p90(extract),
    ratio: median(parse.map((p, i) => p / extract[i])),
  };
}

export async function throughputRows(corpusDir, fixturesDir, runs, warmMs) {
  const lib = await loadDist();
  const corpus = [await lib.readWorktreeFiles(corpusDir)];
  const cases = readdirSync(fixturesDir, { withFileTypes: true }).filter((d) => d.isDirectory());
  const fixtures = await Promise.all(cases.map((d) => lib.readWorktreeFiles(join(fixturesDir, d.name))));
  const rows = [];
  for (const [label, groups, minMs] of [['40k-line corpus', corpus, 0], [`fixtures (${fixtures.length} cases)`, fixtures, 300]]) {
    rows.push({ label, ...(await measureCorpus(lib, groups, runs, minMs, warmMs)) });
  }
  return rows;
}
