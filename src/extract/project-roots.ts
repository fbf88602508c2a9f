// Where a repository's Python projects start. A directory whose name is no identifier starts one (projectOf). So
// does a plain directory (no `__init__.py`) whose files import the packages in it by their short names and
// nothing of the repository's top level: `backend/app/models.py` with `from app.db import Base` is a service run
// from `backend/`, and its modules are `app.*`, not `backend.app.*`.
import type { SourceFile } from '../git/types.js';
import { projectOf, sourceRoots } from './module-names.js';
import { STDLIB_MODULES } from './stdlib-modules.js';

/** A line's absolute imports: `from a.b import c` -> a; `import a.b as x, c` -> a, c (relative ones never match). */
const ABSOLUTE_IMPORT = /^[ \t]*(?:from[ \t]+([A-Za-z_]\w*)[\w.]*[ \t]+import\b|import[ \t]+([^\n#;]+))/gm;

function importedTops(text: string): string[] {
  const out: string[] = [];
  for (const [, from, imports] of text.matchAll(ABSOLUTE_IMPORT)) {
    if (from !== undefined) out.push(from);
    else for (const part of (imports ?? '').split(',')) out.push(/^\s*([A-Za-z_]\w*)/.exec(part)?.[1] ?? '');
  }
  return out.filter((name) => name !== '');
}

/** The project of each path: the deepest project root above it ('' for the repository's own). */
export type ProjectOf = (path: string) => string;

export function projectRoots(files: readonly SourceFile[]): ProjectOf {
  const paths = files.map((f) => f.path);
  const named = new Set(paths.map(projectOf).filter((p) => p !== ''));
  const deepest = (roots: ReadonlySet<string>) => (path: string) => {
    let best = '';
    for (const r of roots) if (path.startsWith(r) && r.length > best.length) best = r;
    return best;
  };
  const byName = deepest(named);
  const dirs = new Set(paths.flatMap((p) => ancestors(p)));
  const packages = new Set(paths.filter((p) => p.endsWith('/__init__.py')).map((p) => p.slice(0, -'__init__.py'.length)));
  const pathSet = new Set(paths);
  // a module or (namespace) package `name` directly in `dir`
  const holds = (dir: string, name: string) => pathSet.has(`${dir}${name}.py`) || dirs.has(`${dir}${name}/`);
  const startsOf = new Map<string, string[]>();
  const votes = new Map<string, { own: boolean; topLevel: boolean }>();
  for (const f of files) {
    const dir = nearestPlainDir(f.path, packages);
    if (dir === null) continue;
    const project = byName(f.path);
    let starts = startsOf.get(project);
    if (starts === undefined) startsOf.set(project, (starts = sourceRoots(paths, project)));
    if (starts.includes(dir)) continue;
    const vote = votes.get(dir) ?? { own: false, topLevel: false };
    for (const name of importedTops(f.text)) {
      if (starts.some((s) => holds(s, name))) vote.topLevel = true;
      // `import time` beside a `time.py` is Python 3's standard library, not a sign the directory is run as a root
      else if (holds(dir, name) && !STDLIB_MODULES.has(name)) vote.own = true;
    }
    votes.set(dir, vote);
  }
  const imported = [...votes].filter(([, v]) => v.own && !v.topLevel).map(([dir]) => dir);
  return imported.length === 0 ? byName : deepest(new Set([...named, ...imported]));
}

/** `a/b/c.py` -> a/, a/b/ */
function ancestors(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, i) => `${parts.slice(0, i + 1).join('/')}/`);
}

/** The directory a file's top package sits in (the file's own directory for a plain module); null at the top. */
function nearestPlainDir(path: string, packages: ReadonlySet<string>): string | null {
  const dirs = ancestors(path);
  for (let i = dirs.length - 1; i >= 0; i -= 1) {
    const dir = dirs[i] ?? '';
    if (!packages.has(dir)) return dir;
  }
  return null;
}
