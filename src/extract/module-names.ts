// Python module names from repository paths, with `src/` layouts, as the oracle and Python see them.
import type { ImportStmt } from './outline.js';

// Python 3 identifiers (PEP 3131), non-ASCII letters included: `modèles.py` imports as `modèles`
const IDENT = /^[\p{ID_Start}_][\p{ID_Continue}]*$/u;

export interface ModuleName {
  name: string;
  isPackage: boolean;
}

/**
 * The Python project a file belongs to: the deepest directory above it whose name is no Python identifier
 * (`backend-api/`, ending in '/'), else the repository ('' ). Nothing below such a directory can be imported from
 * above it: it is a project of its own, a monorepo's service run with that directory on `sys.path`.
 */
export function projectOf(path: string): string {
  const dirs = path.split('/').slice(0, -1);
  for (let i = dirs.length - 1; i >= 0; i -= 1) {
    if (!IDENT.test(dirs[i] ?? '')) return `${dirs.slice(0, i + 1).join('/')}/`;
  }
  return '';
}

/** A project's top-level `src/` without `__init__.py` is a source root (the oracle does the same). */
export function sourceRoots(paths: readonly string[], project = ''): string[] {
  const src = `${project}src/`;
  const hasSrc = paths.some((p) => p.startsWith(src));
  return hasSrc && !paths.includes(`${src}__init__.py`) ? [src, project] : [project];
}

/** `app/models/user.py` -> app.models.user; `app/__init__.py` -> app (a package). */
export function moduleNameFor(path: string, roots: readonly string[]): ModuleName | null {
  if (!path.endsWith('.py')) return null;
  const root = roots.find((r) => path.startsWith(r));
  if (root === undefined) return null;
  const parts = path.slice(root.length, -3).split('/');
  const isPackage = parts[parts.length - 1] === '__init__';
  if (isPackage) parts.pop();
  if (parts.length === 0 || !parts.every((p) => IDENT.test(p))) return null;
  return { name: parts.join('.'), isPackage };
}

/** The absolute module a relative import names (`from ..x import y` in `a.b.c` -> `a.x`). */
export function resolveRelative(current: string, isPackage: boolean, module: string, level: number): string | null {
  if (level === 0) return module;
  const parts = current.split('.');
  // a module's own package is its parent; a package (__init__) is its own package
  const drop = isPackage ? level - 1 : level;
  // past the top-level package: Python's "attempted relative import beyond top-level package"
  if (drop >= parts.length) return null;
  const base = parts.slice(0, parts.length - drop);
  if (module) base.push(module);
  return base.length > 0 ? base.join('.') : null;
}

/** `a.b.c` -> a, a.b, a.b.c: the module and each package Python runs on the way to it. */
export function withParentPackages(name: string): string[] {
  const out: string[] = [];
  for (let end = name.indexOf('.'); end > 0; end = name.indexOf('.', end + 1)) out.push(name.slice(0, end));
  out.push(name);
  return out;
}

/** An import statement with its module resolved against the importing module (see resolvedImports). */
export type ResolvedImport =
  /** `import a.b`: each name with its parent packages */
  | { k: 'import'; names: string[] }
  /** `from base import x, y`: base.x, base.y ('*' for a star import) */
  | { k: 'from'; base: string; subs: string[] | '*' };

const resolved = new WeakMap<readonly ImportStmt[], Map<string, ResolvedImport[]>>();

/**
 * A module's imports resolved to absolute names; unresolvable relative imports are left out. Memoised per outline
 * (and module name): a check asks again for every module, on both sides of a change.
 */
export function resolvedImports(name: string, isPackage: boolean, imports: readonly ImportStmt[]): ResolvedImport[] {
  let byModule = resolved.get(imports);
  if (byModule === undefined) {
    byModule = new Map();
    resolved.set(imports, byModule);
  }
  const key = `${name}\0${isPackage}`;
  let out = byModule.get(key);
  if (out === undefined) {
    out = [];
    for (const s of imports) {
      if (s.k === 'import') {
        out.push({ k: 'import', names: s.names.flatMap((n) => withParentPackages(n.name)) });
        continue;
      }
      const base = resolveRelative(name, isPackage, s.module, s.level);
      if (base) out.push({ k: 'from', base, subs: s.names === '*' ? '*' : s.names.map((n) => `${base}.${n.name}`) });
    }
    byModule.set(key, out);
  }
  return out;
}
