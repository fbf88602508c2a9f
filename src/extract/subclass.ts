// `issubclass(cls, classinfo)` for an in-repo class: along its MRO, the standard library's enum bases expanded.
import type { Ctx } from './context.js';
import { mroOf } from './classes.js';
import { ENUM_BASES } from './enum-bases.js';
import { isBuiltinDataType } from './outside-attrs.js';
import { pyName, saSymbol } from './sa-names.js';
import type { Value } from './values.js';

/** SQLAlchemy's declarative bases and their whole ancestry (`__mro__` past themselves): nothing else lies above them. */
const SQLALCHEMY_BASES: Readonly<Record<string, readonly string[]>> = {
  DeclarativeBase: ['Inspectable', 'typing.Generic'],
  DeclarativeBaseNoMeta: ['Inspectable', 'typing.Generic'],
  MappedAsDataclass: [],
  AsyncAttrs: [],
};

/** A class of the MRO or of classinfo by name: SQLAlchemy's by their symbol, whatever module they are imported from. */
function classKey(v: Value): string {
  const symbol = saSymbol(v);
  return symbol ? `sqlalchemy:${symbol}` : pyName(v) ?? '';
}

/**
 * Whether the in-repo class `v` derives from `types` (a class or a tuple of them); undefined when `v` is not an
 * in-repo class, or when a base from another library, which may derive from anything, would decide it.
 */
export function subclassOf(ctx: Ctx, v: Value, types: Value): boolean | undefined {
  if (v.t !== 'class') return undefined;
  const targets = types.t === 'seq' ? types.items : [types];
  const classes = new Set<unknown>();
  const names = new Set(['builtins.object']);
  let isClosed = true;
  for (const e of mroOf(ctx, v.cls)) {
    if (e.k === 'class') {
      classes.add(e.cls);
      continue;
    }
    const name = pyName(e.value) ?? '';
    names.add(classKey(e.value));
    for (const base of ENUM_BASES[name] ?? []) names.add(base);
    const symbol = saSymbol(e.value);
    const saAncestors = symbol !== undefined && Object.hasOwn(SQLALCHEMY_BASES, symbol) ? SQLALCHEMY_BASES[symbol] : undefined;
    for (const base of saAncestors ?? []) names.add(base.includes('.') ? base : `sqlalchemy:${base}`);
    if (!saAncestors && !Object.hasOwn(ENUM_BASES, name) && !isBuiltinDataType(name) && name !== 'builtins.object') isClosed = false;
  }
  const matches = targets.some((t) => (t.t === 'class' ? classes.has(t.cls) : names.has(classKey(t))));
  return matches || (isClosed && targets.every((t) => t.t === 'class' || t.t === 'ext')) ? matches : undefined;
}
