// Which model modules a change can reach: the changed ones, every module that imports them (transitively),
// and those whose top-level code acts on objects of other modules. Only these need scanning again.
import type { Expr, ModuleSummary, Stmt } from '../python/summary.js';
import { resolveRelative } from './module-names.js';

export interface ScopeModule {
  name: string;
  isPackage: boolean;
  file: string;
  summary: ModuleSummary;
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
  const queue = [...changed.names, ...modules.filter((m) => changed.files.has(m.file) || hasOutsideEffects(m.summary.body)).map((m) => m.name)];
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
  const walk = (body: readonly Stmt[]): void => {
    for (const s of body) {
      if (s.k === 'import') {
        // `import a.b` binds `a`: every package on the way can be read through it
        for (const n of s.names) {
          const parts = n.name.split('.');
          for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
        }
      } else if (s.k === 'from') {
        const base = resolveRelative(m.name, m.isPackage, s.module, s.level);
        if (!base) continue;
        // `from pkg import mod` names pkg.mod whether or not it exists on this side (it may have been deleted)
        const names = s.names === '*' ? [] : s.names.map((n) => `${base}.${n.name}`);
        for (const sub of names) out.add(sub);
        if (s.names === '*' || names.some((sub) => !known.has(sub))) out.add(base);
      } else if (s.k === 'if' || s.k === 'for') walk([...s.body, ...(s.orelse ?? [])]);
      else if (s.k === 'block' || s.k === 'class' || (s.k === 'def' && s.body)) walk(s.body ?? []);
    }
  };
  walk(m.summary.body);
  return out;
}

const isNameTarget = (e: Expr): boolean => e.k === 'name' || ((e.k === 'tuple' || e.k === 'list') && e.items.every(isNameTarget));

/**
 * Top-level code that may change what other modules define: a bare call (`Index(...)`, `start_mappers()`),
 * an assignment to an attribute or item (`Base.metadata.naming_convention = ...`), a loop, anything unsummarised.
 */
function hasOutsideEffects(body: readonly Stmt[]): boolean {
  return body.some((s) => {
    switch (s.k) {
      case 'expr':
        return s.value.k !== 'str';
      case 'assign':
        return !s.targets.every(isNameTarget);
      case 'ann':
      case 'aug':
        return !isNameTarget(s.target);
      case 'if':
        return hasOutsideEffects(s.body) || hasOutsideEffects(s.orelse);
      case 'block':
        return hasOutsideEffects(s.body);
      case 'for':
      case 'other':
        return true;
      default:
        return false;
    }
  });
}
