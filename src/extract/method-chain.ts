// Methods that chain up the MRO through `super()`: a project subclass's `__init__`, `__init_subclass__` hooks.
import type { FunctionDef } from '../python/summary.js';
import type { MroEntry } from './classes.js';
import { classScope, methodInfo, type Ctx, type Env } from './context.js';
import { callFunction } from './evaluate-func.js';
import type { Arguments, ClassInfo, Unknown, Value } from './values.js';

export interface ChainLink {
  owner: ClassInfo;
  def: FunctionDef;
}

/** The in-repo classes of `mro` that define method `name` themselves, nearest first. */
export function methodChain(ctx: Ctx, mro: readonly MroEntry[], name: string): ChainLink[] {
  return mro.flatMap((e) => {
    const binding = e.k === 'class' ? classScope(ctx.project, e.cls).bindings.get(name) : undefined;
    return e.k === 'class' && binding?.k === 'def' && binding.def.body ? [{ owner: e.cls, def: binding.def }] : [];
  });
}

/**
 * Runs the chain from its first link with `a`, `bound` as the first parameter: each link's `super().<method>(...)`
 * (or `Parent.__init__(self, ...)`) runs the next with what it passes, and past the last link `end` receives those arguments. The first link's
 * result, or the first unknown met on the way (a link further up that could not be run).
 */
export function runChain(ctx: Ctx, chain: ChainLink[], bound: Value, a: Arguments, line: number, end: (a: Arguments) => Value, effects?: Env['effects']): Value {
  let failed: Unknown | undefined;
  const run = (i: number, args: Arguments): Value => {
    const link = chain[i];
    if (!link) return end(args);
    const fn = methodInfo(link.owner.module, link.def, link.owner, bound);
    const next = chain[i + 1];
    return callFunction(ctx, fn, args, { module: link.owner.module, depth: 0, ...(effects ? { effects } : {}) }, line, {
      self: bound,
      next: (up) => {
        const ran = run(i + 1, up);
        if (ran.t === 'unknown') failed ??= ran;
      },
      // `Parent.__init__(self, ...)`, the spelling before super(): the next in-repo link, or past the last one any
      // class outside the repository (`TypeDecorator.__init__(self)`) or an in-repo one that inherits the method
      // (`Storage.__init__(self, pairs)` of a dict subclass defining none)
      reaches: (target) => (next ? target.t === 'class' && target.cls === next.owner : target.t !== 'unknown' && !(target.t === 'class' && chain.some((l) => l.owner === target.cls))),
    });
  };
  const ran = run(0, a);
  return ran.t === 'unknown' ? ran : (failed ?? ran);
}
