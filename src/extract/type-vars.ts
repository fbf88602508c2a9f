// Old-style generic aliases over TypeVars: `PrimaryKey = Annotated[T, mapped_column(primary_key=True)]`, then
// `PrimaryKey[UUID]` is the alias with T replaced, as typing substitutes a generic alias's parameters.
import { pyName } from './sa-names.js';
import type { Value } from './values.js';

/** `TypeVar("T")`: its name, else undefined. */
function typeVarName(v: Value): string | undefined {
  return v.t === 'call' && v.callee.t === 'ext' && pyName(v.callee) === 'typing.TypeVar' && v.args[0]?.t === 'str' ? v.args[0].v : undefined;
}

/** The TypeVars of a generic alias, in order of first appearance (typing's `__parameters__`). */
function parametersOf(v: Value, into: string[] = []): string[] {
  const name = typeVarName(v);
  if (name !== undefined) {
    if (!into.includes(name)) into.push(name);
  } else if (v.t === 'generic') {
    for (const arg of v.args) parametersOf(arg, into);
  }
  return into;
}

function substitute(v: Value, bound: ReadonlyMap<string, Value>): Value {
  const name = typeVarName(v);
  if (name !== undefined) return bound.get(name) ?? v;
  if (v.t !== 'generic') return v;
  const args = v.args.map((arg) => substitute(arg, bound));
  // typing flattens Annotated[Annotated[str, a], b] into Annotated[str, a, b]
  const first = args[0];
  if (pyName(v.base) === 'typing.Annotated' && first?.t === 'generic' && pyName(first.base) === 'typing.Annotated') return { ...v, args: [...first.args, ...args.slice(1)] };
  return { ...v, args };
}

/**
 * `alias[args]` of a generic alias holding TypeVars: the alias with each TypeVar replaced by its argument.
 * Undefined when `alias` holds none, or the arguments do not match them one for one.
 */
export function substituteTypeVars(alias: Value, args: readonly Value[]): Value | undefined {
  if (alias.t !== 'generic') return undefined;
  const params = parametersOf(alias);
  if (params.length === 0 || params.length !== args.length) return undefined;
  return substitute(alias, new Map(params.map((p, i) => [p, args[i]!])));
}
