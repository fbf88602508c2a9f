// Which modules a change can reach: the changed ones, every module that imports them (transitively), and those
// whose top-level code acts on objects of other modules. Only these need scanning again, with the modules they
// import that build something at their top level (so each table is told where a whole scan finds it).
import { resolvedImports } from './module-names.js';
import type { ImportStmt } from './outline.js';

export interface ScopeModule {
  name: string;
  isPackage: boolean;
  file: string;
  /** see outline.ts */
  imports: readonly ImportStmt[];
  effects: boolean;
  calls: boolean;
}

/**
 * Names of the modules to scan. An import edge is what a module names explicitly (`from pkg.mod import X`:
 * pkg.mod; `from pkg import mod`: pkg.mod), not the parent packages Python also runs: a package `__init__`
 * that imports every model would otherwise make each model depend on all the others.
 */
export function scanScope(modules: readonly ScopeModule[], changed: { files: ReadonlySet<string>; names: ReadonlySet<string> }): Set<string> {
  const known = new Set(modules.map((m) => m.name));
  const acting = new Set(modules.filter((m) => m.effects).map((m) => m.name));
  const importers = new Map<string, string[]>();
  const imported = new Map<string, Set<string>>();
  for (const m of modules) {
    const deps = explicitImports(m, known, acting);
    imported.set(m.name, deps);
    for (const dep of deps) {
      const list = importers.get(dep);
      if (list) list.push(m.name);
      else importers.set(dep, [m.name]);
    }
  }
  const scope = new Set<string>();
  // a deleted module is reached by name: its importers are still here
  const queue = [...changed.names, ...modules.filter((m) => changed.files.has(m.file) || m.effects).map((m) => m.name)];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (scope.has(name)) continue;
    scope.add(name);
    for (const importer of importers.get(name) ?? []) if (!scope.has(importer)) queue.push(importer);
  }
  addBuilders(scope, imported, new Set(modules.filter((m) => m.calls).map((m) => m.name)));
  return scope;
}

/**
 * A table reached through an import (`map_imperatively(Order, orders)`) is attributed to the first module a scan
 * meets it in. A whole scan meets it in the module that builds it, which runs first: so does a partial one.
 */
function addBuilders(scope: Set<string>, imported: ReadonlyMap<string, ReadonlySet<string>>, builders: ReadonlySet<string>): void {
  const queue = [...scope];
  while (queue.length > 0) {
    for (const dep of imported.get(queue.pop()!) ?? []) {
      if (builders.has(dep) && !scope.has(dep)) {
        scope.add(dep);
        queue.push(dep);
      }
    }
  }
}

/**
 * `acting`: packages whose `__init__` acts at import time. `from dash import config` reads the package's namespace
 * first, where such code may have rebound `config` (Flask-MonitoringDashboard's `config = Config()` then
 * `config.init_from(...)`, over a `dash/config.py`): an edit there reaches the importer too.
 */
function explicitImports(m: ScopeModule, known: ReadonlySet<string>, acting: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const r of resolvedImports(m.name, m.isPackage, m.imports)) {
    // `import a.b` binds `a`: every package on the way can be read through it
    if (r.k === 'import') {
      for (const name of r.names) out.add(name);
      continue;
    }
    // `from pkg import mod` names pkg.mod whether or not it exists on this side (it may have been deleted)
    if (r.subs !== '*') for (const sub of r.subs) out.add(sub);
    if (r.subs === '*' || r.subs.some((sub) => !known.has(sub)) || acting.has(r.base)) out.add(r.base);
  }
  return out;
}
