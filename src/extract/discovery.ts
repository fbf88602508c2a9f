// Which files are model files, and which other modules extraction needs to read to resolve their names.
import picomatch from 'picomatch';
import type { ImportStmt } from './outline.js';
import { resolveRelative, withParentPackages } from './module-names.js';

const ORM_IMPORT = /^\s*(?:from|import)\s+(?:sqlalchemy|sqlmodel|flask_sqlalchemy)\b/m;
/** Flask models often import only `db`: these spellings mark a file as a model file too. */
const ORM_USE = /\bdb\.(?:Model|Column|Table)\b|\b(?:mapped_column|declarative_base|DeclarativeBase)\b|\bColumn\(|\bTable\(/;

export function isModelText(text: string): boolean {
  return ORM_IMPORT.test(text) || ORM_USE.test(text);
}

export function modelMatcher(globs: readonly string[] | undefined): ((path: string, text: string) => boolean) {
  if (!globs || globs.length === 0) return (_path, text) => isModelText(text);
  const match = picomatch([...globs], { dot: true });
  return (path) => match(path);
}

/** Absolute names of the modules a module imports (anywhere in it, see outline.ts), and their parent packages. */
export function importsOf(name: string, isPackage: boolean, imports: readonly ImportStmt[]): string[] {
  const out = new Set<string>();
  const add = (mod: string): void => {
    for (const name of withParentPackages(mod)) out.add(name);
  };
  for (const s of imports) {
    if (s.k === 'import') {
      for (const n of s.names) add(n.name);
      continue;
    }
    const base = resolveRelative(name, isPackage, s.module, s.level);
    if (!base) continue;
    add(base);
    if (s.names !== '*') for (const n of s.names) out.add(`${base}.${n.name}`);
  }
  return [...out];
}
