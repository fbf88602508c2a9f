// Which files are model files, and which other modules extraction needs to read to resolve their names.
import picomatch from 'picomatch';
import type { ImportStmt } from './outline.js';
import { resolvedImports, withParentPackages, type ResolvedImport } from './module-names.js';

const ORM_IMPORT = /^\s*(?:from|import)\s+(?:sqlalchemy|sqlmodel|flask_sqlalchemy)\b/m;
/**
 * Flask models often import only `db`, and some model modules take everything from in-repo helpers (`from .base
 * import Base, str_col`): these spellings mark a file as a model file too.
 */
const ORM_USE = /\bdb\.(?:Model|Column|Table)\b|\b(?:mapped_column|declarative_base|DeclarativeBase)\b|\bColumn\(|\bTable\(|\b__table(?:name)?__\b/;

const TEST_NAME = /(^|\/)(test_[^/]*|[^/]*_test)\.py$/;
/** What a test module spells: a test framework's import, a test function, a test class (`class TestUser:`, a TestCase). */
const TEST_TEXT = /^[ \t]*(?:import|from)[ \t]+(?:pytest|unittest|nose2?|hypothesis)\b|^[ \t]*(?:async[ \t]+)?def[ \t]+test\w*[ \t]*\(|^[ \t]*class[ \t]+Test\w*[ \t]*(?::|\([^)]*TestCase\b)/m;

/**
 * A test module, skipped by default: named like one (`test_user.py`, `user_test.py`) and reading like one. owtf's
 * `models/test_group.py` is named like a test and defines a model; it is read.
 */
export function isTestModule(path: string, text: string): boolean {
  return TEST_NAME.test(path) && TEST_TEXT.test(text);
}

function isModelText(text: string): boolean {
  return ORM_IMPORT.test(text) || ORM_USE.test(text);
}

/** Whether a file is a model module (by the configuration's globs, else by what it imports). */
export type ModelMatcher = (path: string, text: string) => boolean;

export function modelMatcher(globs: readonly string[] | undefined): ModelMatcher {
  if (!globs || globs.length === 0) return (_path, text) => isModelText(text);
  const match = picomatch([...globs], { dot: true });
  return (path) => match(path);
}

/** Absolute names of the modules a module imports (anywhere in it, see outline.ts), and their parent packages. */
export function importsOf(name: string, isPackage: boolean, imports: readonly ImportStmt[]): readonly string[] {
  const resolved = resolvedImports(name, isPackage, imports);
  let names = importNames.get(resolved);
  if (names === undefined) {
    names = namesOf(resolved);
    importNames.set(resolved, names);
  }
  return names;
}

/** importsOf's answers, by the memoised resolution they come from */
const importNames = new WeakMap<readonly ResolvedImport[], readonly string[]>();

function namesOf(resolved: readonly ResolvedImport[]): string[] {
  const out = new Set<string>();
  for (const r of resolved) {
    if (r.k === 'import') {
      for (const n of r.names) out.add(n);
      continue;
    }
    for (const n of withParentPackages(r.base)) out.add(n);
    if (r.subs !== '*') for (const sub of r.subs) out.add(sub);
  }
  return [...out];
}

/** `import_module("app.plugins." + name)`, `__import__(f"app.policy.{p}")`, `import_module("app.base")`: the literal start of the name. */
const DYNAMIC_IMPORT = /\b(?:import_module|__import__)\(\s*f?(["'])([A-Za-z_][\w.]*)(\1\s*[,)])?/g;

/**
 * In-repo modules a file imports by name at run time (rucio's policy module, plugin packages): a name spelled
 * whole, or every module under a literal start. Python imports one of the latter; reading the others only runs
 * them, as the oracle does every file.
 */
export function dynamicImports(text: string, names: Iterable<string>): string[] {
  if (!text.includes('import_module(') && !text.includes('__import__(')) return [];
  const out = new Set<string>();
  const starts: string[] = [];
  for (const [, , start, isWhole] of text.matchAll(DYNAMIC_IMPORT)) {
    if (isWhole) for (const n of withParentPackages(start!)) out.add(n);
    else starts.push(start!);
  }
  // the module names are walked once, and only for a file that names a literal start
  if (starts.length > 0) for (const n of names) if (starts.some((s) => n.startsWith(s))) for (const p of withParentPackages(n)) out.add(p);
  return [...out];
}
