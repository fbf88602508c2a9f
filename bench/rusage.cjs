// Preloaded into a benchmarked node process (--require): writes its own peak RSS and CPU time at exit.
const { writeFileSync } = require('node:fs');

const out = process.env.SG_BENCH_RUSAGE;
if (out) {
  // not inherited by anything the process spawns (git, a re-exec): only this process is measured
  delete process.env.SG_BENCH_RUSAGE;
  process.on('exit', () => writeFileSync(out, JSON.stringify(process.resourceUsage())));
}
