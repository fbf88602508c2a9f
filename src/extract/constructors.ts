// In-repo subclasses of SQLAlchemy classes with constructors of their own (`class TrimmedColumn(Column)`,
// `class ShortString(String)`): what their `__init__` chain passes up to SQLAlchemy's, run statically.
import type { Ctx } from './context.js';
import { mroOf, outsideBases } from './classes.js';
import { methodChain, runChain } from './method-chain.js';
import { saSymbol } from './sa-names.js';
import { unknown, type Arguments, type CallValue, type ClassInfo, type Unknown, type Value } from './values.js';

/** SQLAlchemy classes whose project subclasses build the same schema object as they do. */
const CONSTRUCTS = new Set(['Table', 'MetaData', 'Column', 'ForeignKey', 'Index', 'UniqueConstraint', 'CheckConstraint', 'PrimaryKeyConstraint', 'ForeignKeyConstraint']);

/** The SQLAlchemy construct a project class builds when called (`Column` for `class TrimmedColumn(Column)`). */
export function constructBase(ctx: Ctx, cls: ClassInfo): Value | undefined {
  const base = outsideBases(ctx, cls)[0];
  return base && CONSTRUCTS.has(saSymbol(base) ?? '') ? base : undefined;
}

/** `cls()` as SQLAlchemy instantiates a type class given bare (`Column(ShortString)`). */
export function bareInstance(cls: ClassInfo, file: string, line: number): CallValue {
  return { t: 'call', callee: { t: 'class', cls }, args: [], kwargs: new Map(), file, line, expr: { k: 'name', id: cls.name, line } };
}

/**
 * The arguments `cls(*a.args, **a.kwargs)` passes to the first class outside the repository: each in-repo
 * `__init__` up the MRO runs in turn, its `super().__init__(...)` calling the next. Undefined when no in-repo class
 * defines one (the call's own arguments go up); unknown, with the reason, when the chain cannot be run to its end.
 */
export function superArguments(ctx: Ctx, cls: ClassInfo, a: Arguments, self: CallValue): Arguments | Unknown | undefined {
  const chain = methodChain(ctx, mroOf(ctx, cls), '__init__');
  if (chain.length === 0) return undefined;
  let passed: Arguments | undefined;
  const ran = runChain(ctx, chain, self, a, self.line, (up) => {
    passed = up;
    return { t: 'none' };
  });
  if (ran.t === 'unknown') return { ...ran, reason: `${cls.name}(): ${ran.reason}` };
  return passed ?? unknown(`${cls.name}.__init__ does not call super().__init__ statically`, self.file, self.line);
}
