// Code that writes a namespace through the builtin that returns it: in a class body `locals()[str(i)] = Column(Float)`
// in a loop (`locals()` and `vars()` are the namespace the class is made from), `locals().update({...})`; at module
// level `globals().update({...})` (scan.ts).
import type { Expr, Stmt } from '../python/summary.js';

/** A call of one of the builtins that return a namespace, without arguments: `locals()`, `vars()`, `globals()`. */
export const callsBuiltin = (e: Expr, ...names: string[]): boolean => e.k === 'call' && e.args.length === 0 && e.fn.k === 'name' && names.includes(e.fn.id);

/** `locals()` or `vars()`, called in the class body. */
export const isNamespaceCall = (e: Expr): boolean => callsBuiltin(e, 'locals', 'vars');

/** The single positional argument of `<target>.update(arg)`, where `isTarget` recognises the namespace. */
export function updateArgument(e: Expr, isTarget: (obj: Expr) => boolean): Expr | undefined {
  if (e.k !== 'call' || e.fn.k !== 'attr' || e.fn.name !== 'update' || !isTarget(e.fn.obj) || e.args.length !== 1) return undefined;
  const only = e.args[0]!;
  return only.name || only.star ? undefined : only.value;
}

/** Names the class body bound to its namespace (`ns = locals()`). */
export type Aliases = ReadonlySet<string>;

const isNamespace = (e: Expr, aliases: Aliases): boolean => isNamespaceCall(e) || (e.k === 'name' && aliases.has(e.id));

/** The key expression of a `locals()[key]` (or `vars()[key]`, `ns[key]`) assignment target. */
export function namespaceKey(target: Expr, aliases: Aliases): Expr | undefined {
  return target.k === 'sub' && isNamespace(target.obj, aliases) ? target.index : undefined;
}

/** The argument of a `locals().update(...)` statement (a single positional one). */
export function namespaceUpdate(stmt: Stmt, aliases: Aliases): Expr | undefined {
  return stmt.k === 'expr' ? updateArgument(stmt.value, (obj) => isNamespace(obj, aliases)) : undefined;
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
