// Project TypeDecorators: the type they store, from `impl` or from `load_dialect_impl` for the dialect.
import type { TypeSpec } from '../schema/type-spec.js';
import { classScope, type Ctx } from './context.js';
import { mroOf } from './classes.js';
import { callFunction } from './evaluate-func.js';
import { bindingValue } from './resolve.js';
import { saSymbol } from './sa-names.js';
import { typeSpecOf } from './type-of.js';
import { unknown, type Arguments, type CallValue, type ClassInfo, type FuncInfo, type Unknown, type Value } from './values.js';

export const NOT_A_DECORATOR = 'not a TypeDecorator';

/** The pseudo dialect handed to load_dialect_impl: `dialect.name` is known, type_descriptor() is the identity. */
export const DIALECT_CALLEE = 'schemaguard.Dialect';

function findMember(ctx: Ctx, cls: ClassInfo, name: string): { owner: ClassInfo; value: Value } | undefined {
  for (const entry of mroOf(ctx, cls)) {
    if (entry.k !== 'class') continue;
    const binding = classScope(ctx.project, entry.cls).bindings.get(name);
    if (binding) return { owner: entry.cls, value: bindingValue(ctx, binding, { module: entry.cls.module, cls: entry.cls, depth: 0 }) };
  }
  return undefined;
}

function kindOf(ctx: Ctx, cls: ClassInfo): 'decorator' | 'user-defined' | undefined {
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'value') continue;
    const sym = saSymbol(e.value);
    if (sym === 'TypeDecorator') return 'decorator';
    if (sym === 'UserDefinedType') return 'user-defined';
  }
  return undefined;
}

/**
 * `implOnly`: the spec of `self.impl` (what TypeDecorator.__init__ built from `impl` and the call's
 * arguments), without load_dialect_impl.
 */
export function decoratorSpec(ctx: Ctx, cls: ClassInfo, call: CallValue | undefined, file: string, line: number, implOnly: boolean): TypeSpec | Unknown {
  const kind = kindOf(ctx, cls);
  if (kind === undefined) return unknown(NOT_A_DECORATOR, file, line);
  if (kind === 'user-defined') return unknown(`user-defined type ${cls.name} has no statically known DDL`, file, line);
  const self: CallValue = call ?? { t: 'call', callee: { t: 'class', cls }, args: [], kwargs: new Map(), file, line, expr: { k: 'name', id: cls.name, line } };
  if (!implOnly) {
    const hook = findMember(ctx, cls, 'load_dialect_impl');
    if (hook?.value.t === 'func') return dialectImpl(ctx, cls, hook.value.fn, self, file, line);
  }
  const impl = findMember(ctx, cls, 'impl');
  if (!impl) return unknown(`TypeDecorator ${cls.name} has no impl`, file, line);
  const implArgs = constructorArgs(ctx, cls, self, file, line);
  if ('t' in implArgs) return implArgs;
  const hasArgs = implArgs.args.length > 0 || implArgs.kwargs.size > 0;
  // TypeDecorator.__init__ builds impl(*args, **kwargs) when impl is a class
  const implValue = impl.value.t === 'call' || !hasArgs ? impl.value : { ...self, callee: impl.value, args: implArgs.args, kwargs: implArgs.kwargs };
  const spec = typeSpecOf(ctx, implValue, file, line);
  return 't' in spec ? { ...spec, reason: `TypeDecorator ${cls.name}: ${spec.reason}` } : spec;
}

/** What reaches TypeDecorator.__init__: the call's arguments, or what a project __init__ passes to super(). */
function constructorArgs(ctx: Ctx, cls: ClassInfo, self: CallValue, file: string, line: number): Arguments | Unknown {
  const init = findMember(ctx, cls, '__init__');
  if (init?.value.t !== 'func') return { args: self.args, kwargs: self.kwargs };
  let passed: Arguments | undefined;
  const fn = { ...init.value.fn, bound: self };
  const result = callFunction(ctx, fn, { args: self.args, kwargs: self.kwargs }, { module: fn.module, depth: 0 }, line, (a) => {
    passed = a;
  });
  if (passed) return passed;
  return result.t === 'unknown' ? result : unknown(`TypeDecorator ${cls.name}.__init__ does not call super().__init__ statically`, file, line);
}

function dialectImpl(ctx: Ctx, cls: ClassInfo, fn: FuncInfo, self: CallValue, file: string, line: number): TypeSpec | Unknown {
  const dialect: CallValue = { t: 'call', callee: { t: 'ext', name: DIALECT_CALLEE }, args: [], kwargs: new Map(), file, line, expr: self.expr };
  const result = callFunction(ctx, { ...fn, bound: self }, { args: [dialect], kwargs: new Map() }, { module: fn.module, depth: 0 }, line);
  const spec = typeSpecOf(ctx, result, file, line);
  return 't' in spec ? { ...spec, reason: `${cls.name}.load_dialect_impl(): ${spec.reason}` } : spec;
}
