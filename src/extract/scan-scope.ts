// Which model modules a change can reach: the changed ones, every module that imports them (transitively),
// and those whose top-level code acts on objects of other modules. Only these need scanning again.
import { resolvedImports } from './module-names.js';
import type { ImportStmt } from './outline.js';

export interface ScopeModule {
  name: string;
  isPackage: boolean;
  file: string;
  /** see outline.ts */
  imports: readonly ImportStmt[];
  effects: boolean;
}

/**
 * Names of the modules to scan. An import edge is what a module names explicitly (`from pkg.mod import X`:
 * pkg.mod; `from pkg import mod`: pkg.mod), not the parent packages Python also runs: a package `__init__`
 * that imports every model would otherwise make each model depend on all the others.
 */
export function scanScope(modules: readonly ScopeModule[], changed: { files: ReadonlySet<string>; names: ReadonlySet<string> }): Set<string> {
  const known = new Set(modules.map((m) => m.name));
  const importers = new Map<string, string[]>();
  for (const m of modules) {
    for (const dep of explicitImports(m, known)) {
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
  return scope;
}

function explicitImports(m: ScopeModule, known: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const r of resolvedImports(m.name, m.isPackage, m.imports)) {
    // `import a.b` binds `a`: every package on the way can be read through it
    if (r.k === 'import') {
      for (const name of r.names) out.add(name);
      continue;
    }
    // `from pkg import mod` names pkg.mod whether or not it exists on this side (it may have been deleted)
    if (r.subs !== '*') for (const sub of r.subs) out.add(sub);
    if (r.subs === '*' || r.subs.some((sub) => !known.has(sub))) out.add(r.base);
  }
  return out;
}
