// In-repo subclasses of SQLAlchemy classes with constructors of their own (`class TrimmedColumn(Column)`,
// `class ShortString(String)`): what their `__init__` chain passes up to SQLAlchemy's, run statically.
import { classScope, type Ctx } from './context.js';
import { mroOf, outsideBases } from './classes.js';
import { callFunction } from './evaluate-func.js';
import { saSymbol } from './sa-names.js';
import { unknown, type Arguments, type CallValue, type ClassInfo, type Unknown, type Value } from './values.js';

/** SQLAlchemy classes whose project subclasses build the same schema object as they do. */
const CONSTRUCTS = new Set(['Column', 'ForeignKey', 'Index', 'UniqueConstraint', 'CheckConstraint', 'PrimaryKeyConstraint', 'ForeignKeyConstraint']);

/** The SQLAlchemy construct a project class builds when called (`Column` for `class TrimmedColumn(Column)`). */
export function constructBase(ctx: Ctx, cls: ClassInfo): Value | undefined {
  const base = outsideBases(ctx, cls)[0];
  return base && CONSTRUCTS.has(saSymbol(base) ?? '') ? base : undefined;
}

/**
 * The arguments `cls(*a.args, **a.kwargs)` passes to the first class outside the repository: each in-repo
 * `__init__` up the MRO runs in turn, its `super().__init__(...)` calling the next. Undefined when no in-repo class
 * defines one (the call's own arguments go up); unknown, with the reason, when the chain cannot be run to its end.
 */
export function superArguments(ctx: Ctx, cls: ClassInfo, a: Arguments, self: CallValue): Arguments | Unknown | undefined {
  const inits = mroOf(ctx, cls).flatMap((e) => {
    const binding = e.k === 'class' ? classScope(ctx.project, e.cls).bindings.get('__init__') : undefined;
    return e.k === 'class' && binding?.k === 'def' && binding.def.body ? [{ owner: e.cls, def: binding.def }] : [];
  });
  if (inits.length === 0) return undefined;
  let passed: Arguments | undefined;
  let failed: Unknown | undefined;
  const run = (i: number, args: Arguments): Value => {
    const init = inits[i];
    if (!init) {
      passed = args;
      return { t: 'none' };
    }
    const fn = { module: init.owner.module, def: init.def, bound: self as Value };
    return callFunction(ctx, fn, args, { module: init.owner.module, depth: 0 }, self.line, (up) => {
      const ran = run(i + 1, up);
      if (ran.t === 'unknown') failed ??= ran;
    });
  };
  const ran = run(0, a);
  const problem = ran.t === 'unknown' ? ran : failed;
  if (problem) return { ...problem, reason: `${cls.name}(): ${problem.reason}` };
  return passed ?? unknown(`${cls.name}.__init__ does not call super().__init__ statically`, self.file, self.line);
}
