// Names a module imports only under `if TYPE_CHECKING:`, which is false when the code runs: read where the module's
// code runs at import (a class's bases, a class attribute's or a module-level statement's value), they raise
// NameError there, and SQLAlchemy never builds that module's tables. So do a class body's annotations, evaluated
// there without `from __future__ import annotations`, and a mapped column's `Mapped[...]` annotation in any case,
// which SQLAlchemy resolves in the module's namespace as the class is mapped (a relationship's target it looks up
// later, by name). The module is read as if the names were bound (the extractor fills them in for annotations), and
// each such use is named.
import type { Expr, Stmt } from '../python/summary.js';
import { messages } from './messages.js';
import { buildScope, isTypeChecking } from './scope.js';
import type { Extraction } from './state.js';
import type { ModuleInfo } from './values.js';

/** The names only a top-level `if TYPE_CHECKING:` body binds, as the module's scope reads bindings (scope.ts). */
function typeCheckingOnly(module: ModuleInfo): Set<string> {
  const isGuard = (s: Stmt): s is Extract<Stmt, { k: 'if' }> => s.k === 'if' && isTypeChecking(s.test);
  const guarded = module.body.filter(isGuard);
  if (guarded.length === 0) return new Set();
  const inside = buildScope(guarded.flatMap((s) => s.body), module);
  const elsewhere = buildScope(module.body.flatMap((s) => (isGuard(s) ? s.orelse : [s])), module);
  // a name a star import binds is not known here: such a module is left alone
  if (elsewhere.stars.length > 0) return new Set();
  return new Set([...inside.bindings.keys()].filter((n) => !elsewhere.bindings.has(n)));
}

/**
 * The first of `names` the expression reads when it is evaluated (a lambda's body is read later, when it is called);
 * with `strings`, also a name a string in it spells (a forward reference that is evaluated too).
 */
function readName(e: unknown, names: ReadonlySet<string>, strings = false): string | undefined {
  if (Array.isArray(e)) {
    for (const x of e) {
      const found = readName(x, names, strings);
      if (found) return found;
    }
    return undefined;
  }
  if (e === null || typeof e !== 'object') return undefined;
  const node = e as { k?: unknown; id?: unknown; v?: unknown };
  if (node.k === 'lambda') return undefined;
  if (node.k === 'name' && typeof node.id === 'string' && names.has(node.id)) return node.id;
  if (strings && node.k === 'str' && typeof node.v === 'string') return node.v.match(/[A-Za-z_]\w*/g)?.find((n) => names.has(n));
  for (const x of Object.values(e)) {
    const found = readName(x, names, strings);
    if (found) return found;
  }
  return undefined;
}

/** The first of `names` a `Mapped[...]` annotation names, in its code or its strings (SQLAlchemy evaluates both). */
function mappedAnnotationName(ann: Expr, names: ReadonlySet<string>): string | undefined {
  const isMapped = ann.k === 'str' ? /^\s*(?:\w+\.)*Mapped\s*\[/.test(ann.v) : ann.k === 'sub' && lastName(ann.obj) === 'Mapped';
  return isMapped ? readName(ann, names, true) : undefined;
}

function lastName(e: Expr): string | undefined {
  return e.k === 'name' ? e.id : e.k === 'attr' ? e.name : undefined;
}

/** A mapped column's statement in a class body: `x: Mapped[...]` alone or given a mapped_column(). */
function isMappedColumn(s: Extract<Stmt, { k: 'ann' }>): boolean {
  return s.value === null || (s.value.k === 'call' && lastName(s.value.fn) === 'mapped_column');
}

type Use = { line: number; name: string; mapped?: true };

/** Per module body (a summary kept across checks by the resident server), the uses found in it. */
const found = new WeakMap<readonly Stmt[], Use[]>();

function usesOf(module: ModuleInfo): Use[] {
  let uses = found.get(module.body);
  if (uses) return uses;
  uses = [];
  const names = typeCheckingOnly(module);
  const note = (line: number, name: string | undefined, mapped?: true): void => {
    if (name) uses!.push({ line, name, ...(mapped ? { mapped } : {}) });
  };
  const lazy = module.body.some((s) => s.k === 'from' && s.module === '__future__' && s.names !== '*' && s.names.some((n) => n.name === 'annotations'));
  const valueOf = (s: Stmt): Expr | null => (s.k === 'assign' || s.k === 'expr' || s.k === 'aug' || s.k === 'ann' ? s.value : null);
  // without the __future__ import, a class body's annotation is evaluated as the body runs (before Python 3.14, which
  // defers it to whoever reads it: SQLAlchemy does, for a mapped class)
  const annotationOf = (s: Stmt): Expr | null => (s.k === 'ann' && !lazy && s.target.k === 'name' ? s.ann : null);
  for (const s of names.size === 0 ? [] : module.body) {
    if (s.k === 'class') {
      note(s.line, readName(s.bases.map((b) => b.value), names));
      for (const b of s.body) {
        const eager = readName([annotationOf(b), valueOf(b)], names);
        note(b.line, eager);
        if (!eager && b.k === 'ann' && isMappedColumn(b)) note(b.line, mappedAnnotationName(b.ann, names), true);
      }
    } else note(s.line, readName(valueOf(s), names));
  }
  found.set(module.body, uses);
  return uses;
}

/** Each use of a TYPE_CHECKING-only name in code the module runs at import, once per statement. */
export function reportTypeCheckingNames(x: Extraction, module: ModuleInfo): void {
  for (const { line, name, mapped } of usesOf(module)) {
    x.orphans.push({ file: module.file, line, reason: mapped ? messages.typeCheckingAnnotation(name) : messages.typeCheckingName(name) });
  }
}
