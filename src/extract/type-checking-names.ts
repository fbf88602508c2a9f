// Names a module imports only under `if TYPE_CHECKING:`, which is false when the code runs: read where the module's
// code runs at import (a class's bases, a class attribute's or a module-level statement's value), they raise
// NameError there, and SQLAlchemy never builds that module's tables. The module is read as if the names were bound
// (the extractor fills them in for annotations), and each such use is named.
import type { Expr, Stmt } from '../python/summary.js';
import { messages } from './messages.js';
import { isTypeChecking } from './scope.js';
import type { Extraction } from './state.js';
import type { ModuleInfo } from './values.js';

/** The names the statements bind at this level (and in the blocks and branches under it, but no function or class body). */
function boundNames(body: readonly Stmt[], out: Set<string>, skipTypeChecking: boolean): Set<string> {
  const target = (e: Expr): void => {
    if (e.k === 'name') out.add(e.id);
    else if (e.k === 'tuple' || e.k === 'list') e.items.forEach(target);
    else if (e.k === 'star') target(e.value);
  };
  for (const s of body) {
    if (s.k === 'import') for (const n of s.names) out.add(n.alias ?? n.name.split('.')[0]!);
    else if (s.k === 'from' && s.names !== '*') for (const n of s.names) out.add(n.alias ?? n.name);
    else if (s.k === 'assign') s.targets.forEach(target);
    else if (s.k === 'ann' || s.k === 'aug') target(s.target);
    else if (s.k === 'class' || s.k === 'def') out.add(s.name);
    else if (s.k === 'if') {
      if (!(skipTypeChecking && isTypeChecking(s.test))) boundNames(s.body, out, skipTypeChecking);
      boundNames(s.orelse, out, skipTypeChecking);
    } else if (s.k === 'block' || s.k === 'for' || s.k === 'while') {
      if (s.k === 'for') target(s.target);
      if (s.k === 'block') for (const m of s.managers ?? []) if (m.target) target(m.target);
      boundNames(s.body, out, skipTypeChecking);
      if (s.k !== 'block' && s.orelse) boundNames(s.orelse, out, skipTypeChecking);
      if (s.k === 'block' && s.handlers) for (const h of s.handlers.clauses) boundNames(h.body, out, skipTypeChecking);
    } else if (s.k === 'typealias') out.add(s.name);
  }
  return out;
}

/** The names only a top-level `if TYPE_CHECKING:` body binds. */
function typeCheckingOnly(module: ModuleInfo): Set<string> {
  const inside = new Set<string>();
  // the names a top-level `match` captures or a star import binds are not known here: such a module is left alone
  if (module.body.some((s) => s.k === 'match' || (s.k === 'from' && s.names === '*'))) return inside;
  for (const s of module.body) if (s.k === 'if' && isTypeChecking(s.test)) boundNames(s.body, inside, false);
  if (inside.size === 0) return inside;
  const elsewhere = boundNames(module.body, new Set(), true);
  return new Set([...inside].filter((n) => !elsewhere.has(n)));
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
