// Bundles the compiled CLI (<distDir>/cli/main.js, after tsc) into <distDir>/bundle/ for bin/schemaguard.js.
// Usage: node scripts/bundle.js [distDir]   (default: dist; `npm run build` runs it after tsc and copy-assets)
//
// Why: a hook run that stages no model should cost little more than Node's own start-up; loading ~50 small ES
// modules through Node's ESM loader cost ~30 ms of that. The bundle is CommonJS: an ES module entry costs ~6 ms
// more of loader start-up per run than a CommonJS one (measured on a 200-model repository, README staged).
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = resolve(root, process.argv[2] ?? 'dist');
const outDir = join(distDir, 'bundle');
// built beside, then swapped in: tests of other work in this tree run bin/ while a build runs
const building = `${outDir}.${process.pid}.new`;

/** Inlined: the no-model path needs them on every run. */
const FAST_INLINED = ['commander', 'kleur'];
/**
 * Inlined too, in chunks of their own: zod's package entry loads every locale (~25 ms of its ~55 ms); bundled,
 * the unused ones are left out. Every other dependency stays a require() of node_modules.
 */
const INLINED = [...FAST_INLINED, 'zod'];
const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const externalPackages = Object.keys(dependencies).filter((name) => !INLINED.includes(name));

const isExternal = (id) =>
  id.startsWith('node:') || builtinModules.includes(id) || externalPackages.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * Everything `check --staged` runs when no Python file is staged, in one chunk: one file to read instead of ~20
 * (the lazy import() boundaries stay, they just resolve within this chunk). Whatever these modules import comes
 * along, so nothing heavy may be imported statically from here: test/cli-bundle.test.ts checks what the fast path loads.
 */
const FAST_PATH = new RegExp(
  [
    String.raw`/dist/cli/`,
    String.raw`/dist/check/(run-check|override-record|messages|pre-push|resolve-range)\.js$`,
    String.raw`/dist/git/(byte-queue|cat-file|cli-git|errors|messages|open|parse|port|process|renames|repo-info|similarity|snapshot-diff)\.js$`,
    String.raw`/dist/report/(render|text|finding-lines|messages)\.js$`,
    String.raw`/node_modules/(${FAST_INLINED.join('|')})/`,
  ].join('|'),
);

/** What client.cjs needs, in a chunk of its own that the fast chunk loads too: a served check reads nothing else. */
const CLIENT = /\/dist\/(server\/(client|protocol|settings|socket-path)|git\/discover|cli\/version|check\/cache-version)\.js$/;

const bundle = await rolldown({
  // client.cjs: what bin/ loads first, to hand a check to a resident server (src/server/client.ts) without the CLI
  input: { cli: join(distDir, 'cli', 'main.js'), client: join(distDir, 'server', 'client.js') },
  platform: 'node',
  external: isExternal,
  // the inlined packages come from this project's node_modules, also for a distDir elsewhere (the packing tests)
  resolve: { modules: ['node_modules', join(root, 'node_modules')] },
  logLevel: 'warn',
});
try {
  await bundle.write({
    dir: building,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    // flat, two levels below the package root: dist/cli/version.js and dist/init/detect.js find package.json and
    // hooks/ at '../../' from import.meta.url, which the bundle keeps as the chunk's own file URL
    chunkFileNames: '[name]-[hash].cjs',
    codeSplitting: {
      groups: [
        { name: 'client', test: CLIENT, priority: 2 },
        { name: 'fast', test: FAST_PATH, priority: 1 },
      ],
    },
  });
  // src/python/parser.ts reads its queries from ./queries/ next to itself, now a chunk in outDir
  cpSync(join(root, 'src', 'python', 'queries'), join(building, 'queries'), { recursive: true });
  swapIn(building, outDir);
} finally {
  await bundle.close();
  rmSync(building, { recursive: true, force: true });
}

function swapIn(from, to) {
  const old = `${to}.${process.pid}.old`;
  if (existsSync(to)) renameSync(to, old);
  renameSync(from, to);
  rmSync(old, { recursive: true, force: true });
}
