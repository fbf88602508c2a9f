// A real git hook that runs node on schemaguard's git layer and records what it saw, for hook tests.
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { makeTempDir } from './git-repo.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Transpiles src/git/*.ts (and the modules they import) to plain ESM in a temp dir a hook can import. */
export function compileGitLayer(): string {
  const out = makeTempDir('schemaguard-probe-');
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
  mkdirSync(join(out, 'git'));
  const src = join(ROOT, 'src', 'git');
  for (const name of readdirSync(src).filter((n) => n.endsWith('.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(src, name), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    writeFileSync(join(out, 'git', name.replace(/\.ts$/, '.js')), outputText);
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  writeFileSync(join(out, 'probe.mjs'), PROBE);
  return out;
}

/** What the probe writes, one JSON line per hook run. */
export interface ProbeRecord {
  backend: string;
  indexFile: string | null;
  envIndexFile: string | null;
  changes: Array<{ status: string; path: string; oldPath?: string }>;
  staged: Record<string, string>;
}

const PROBE = `
import { appendFileSync } from 'node:fs';
import { openGit } from './git/open.js';
import { readSnapshotFiles } from './git/sources.js';
const [out, backend] = process.argv.slice(2);
const port = await openGit(process.cwd(), process.env, backend ? { backend } : {});
const info = await port.repoInfo();
const from = info.headOid ? { kind: 'commit', oid: info.headOid } : { kind: 'empty' };
const changes = await port.changedFiles(from, { kind: 'index' });
const files = await readSnapshotFiles(port, { kind: 'index' }, (p) => p.endsWith('.py'));
await port.close();
const record = {
  backend: port.backend,
  indexFile: info.indexFile,
  envIndexFile: process.env.GIT_INDEX_FILE ?? null,
  changes: changes.map(({ status, path, oldPath }) => ({ status, path, ...(oldPath ? { oldPath } : {}) })),
  staged: Object.fromEntries(files.map((f) => [f.path, f.text])),
};
appendFileSync(out, JSON.stringify(record) + '\\n');
`;

/** Installs `.git/hooks/<name>` (in the common dir, so linked worktrees share it) running the probe. */
export function installProbeHook(
  gitDir: string,
  probeDir: string,
  outFile: string,
  name = 'pre-commit',
  backend = '',
): void {
  const hook = join(gitDir, 'hooks', name);
  mkdirSync(join(gitDir, 'hooks'), { recursive: true });
  writeFileSync(
    hook,
    `#!/bin/sh\nexec "${process.execPath}" "${join(probeDir, 'probe.mjs')}" "${outFile}" ${backend}\n`,
  );
  chmodSync(hook, 0o755);
}

export function readProbe(outFile: string): ProbeRecord[] {
  return readFileSync(outFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ProbeRecord);
}
