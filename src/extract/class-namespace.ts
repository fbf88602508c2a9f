// Class-body code that writes the class namespace itself: `locals()[str(i)] = Column(Float)` in a loop (a class
// body's `locals()` and `vars()` are the namespace the class is made from), `locals().update({...})`.
import type { Expr, Stmt } from '../python/summary.js';

/** `locals()` or `vars()`, called in the class body. */
export const isNamespaceCall = (e: Expr): boolean =>
  e.k === 'call' && e.args.length === 0 && e.fn.k === 'name' && (e.fn.id === 'locals' || e.fn.id === 'vars');

/** Names the class body bound to its namespace (`ns = locals()`). */
export type Aliases = ReadonlySet<string>;

const isNamespace = (e: Expr, aliases: Aliases): boolean => isNamespaceCall(e) || (e.k === 'name' && aliases.has(e.id));

/** The key expression of a `locals()[key]` (or `vars()[key]`, `ns[key]`) assignment target. */
export function namespaceKey(target: Expr, aliases: Aliases): Expr | undefined {
  return target.k === 'sub' && isNamespace(target.obj, aliases) ? target.index : undefined;
}

/** The argument of a `locals().update(...)` statement (a single positional one). */
export function namespaceUpdate(stmt: Stmt, aliases: Aliases): Expr | undefined {
  if (stmt.k !== 'expr' || stmt.value.k !== 'call') return undefined;
  const { fn, args } = stmt.value;
  const only = args[0];
  return fn.k === 'attr' && fn.name === 'update' && isNamespace(fn.obj, aliases) && args.length === 1 && only && !only.name && !only.star ? only.value : undefined;
}

/** Whether statements write the namespace (at any depth of `if`, `for`, `with` and `try` blocks). */
export function writesNamespace(body: Stmt[], aliases: Aliases): boolean {
  return body.some((stmt) => {
    switch (stmt.k) {
      case 'assign':
        return stmt.targets.some((t) => namespaceKey(t, aliases) !== undefined);
      case 'expr':
        return namespaceUpdate(stmt, aliases) !== undefined;
      case 'if':
        return writesNamespace(stmt.body, aliases) || writesNamespace(stmt.orelse, aliases);
      case 'for':
      case 'block':
        return writesNamespace(stmt.body, aliases);
      default:
        return false;
    }
  });
}
