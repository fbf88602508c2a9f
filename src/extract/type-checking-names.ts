// Names a module imports only under `if TYPE_CHECKING:`, which is false when the code runs: read where the module's
// code runs at import (a class's bases, a class attribute's or a module-level statement's value), they raise
// NameError there, and SQLAlchemy never builds that module's tables. The module is read as if the names were bound
// (the extractor fills them in for annotations), and each such use is named.
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

/** The first of `names` the expression reads when it is evaluated (a lambda's body is read later, when it is called). */
function readName(e: unknown, names: ReadonlySet<string>): string | undefined {
  if (Array.isArray(e)) {
    for (const x of e) {
      const found = readName(x, names);
      if (found) return found;
    }
    return undefined;
  }
  if (e === null || typeof e !== 'object') return undefined;
  const node = e as { k?: unknown; id?: unknown };
  if (node.k === 'lambda') return undefined;
  if (node.k === 'name' && typeof node.id === 'string' && names.has(node.id)) return node.id;
  for (const x of Object.values(e)) {
    const found = readName(x, names);
    if (found) return found;
  }
  return undefined;
}

/** Per module body (a summary kept across checks by the resident server), the uses found in it. */
const found = new WeakMap<readonly Stmt[], Array<{ line: number; name: string }>>();

function usesOf(module: ModuleInfo): Array<{ line: number; name: string }> {
  let uses = found.get(module.body);
  if (uses) return uses;
  uses = [];
  const names = typeCheckingOnly(module);
  const note = (line: number, name: string | undefined): void => {
    if (name) uses!.push({ line, name });
  };
  const valueOf = (s: Stmt): Expr | null => (s.k === 'assign' || s.k === 'expr' || s.k === 'aug' || s.k === 'ann' ? s.value : null);
  for (const s of names.size === 0 ? [] : module.body) {
    if (s.k === 'class') {
      note(s.line, readName(s.bases.map((b) => b.value), names));
      for (const b of s.body) note(b.line, readName(valueOf(b), names));
    } else note(s.line, readName(valueOf(s), names));
  }
  found.set(module.body, uses);
  return uses;
}

/** Each use of a TYPE_CHECKING-only name in code the module runs at import, once per statement. */
export function reportTypeCheckingNames(x: Extraction, module: ModuleInfo): void {
  for (const { line, name } of usesOf(module)) x.orphans.push({ file: module.file, line, reason: messages.typeCheckingName(name) });
}
