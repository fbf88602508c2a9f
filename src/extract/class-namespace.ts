// Class-body code that writes the class namespace itself: `locals()[str(i)] = Column(Float)` in a loop (a class
// body's `locals()` and `vars()` are the namespace the class is made from), `locals().update({...})`.
import type { Expr, Stmt } from '../python/summary.js';

const isNamespaceCall = (e: Expr): boolean =>
  e.k === 'call' && e.args.length === 0 && e.fn.k === 'name' && (e.fn.id === 'locals' || e.fn.id === 'vars');

/** The key expression of a `locals()[key]` (or `vars()[key]`) assignment target. */
export function namespaceKey(target: Expr): Expr | undefined {
  return target.k === 'sub' && isNamespaceCall(target.obj) ? target.index : undefined;
}

/** The argument of a `locals().update(...)` statement (a single positional one). */
export function namespaceUpdate(stmt: Stmt): Expr | undefined {
  if (stmt.k !== 'expr' || stmt.value.k !== 'call') return undefined;
  const { fn, args } = stmt.value;
  const only = args[0];
  return fn.k === 'attr' && fn.name === 'update' && isNamespaceCall(fn.obj) && args.length === 1 && only && !only.name && !only.star ? only.value : undefined;
}

/** Whether statements write the namespace (at any depth of `if`, `for`, `with` and `try` blocks). */
export function writesNamespace(body: Stmt[]): boolean {
  return body.some((stmt) => {
    switch (stmt.k) {
      case 'assign':
        return stmt.targets.some((t) => namespaceKey(t) !== undefined);
      case 'expr':
        return namespaceUpdate(stmt) !== undefined;
      case 'if':
        return writesNamespace(stmt.body) || writesNamespace(stmt.orelse);
      case 'for':
      case 'block':
        return writesNamespace(stmt.body);
      default:
        return false;
    }
  });
}
