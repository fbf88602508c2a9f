// Binds a TypeSpec's arguments to the attributes its SQLAlchemy constructor would set.
import type { TypeArg, TypeSpec } from '../type-spec.js';
import { findTypeClass } from './catalog.js';
import { CompileError } from './python.js';
import type { TypeClass } from './type-class.js';

/** A type instance as the visitors see it: `attrs` holds what `type_.<attr>` would return. */
export interface BoundType {
  readonly spec: TypeSpec;
  readonly cls: TypeClass;
  readonly attrs: Readonly<Record<string, TypeArg>>;
  /** whether instances of the class have the attribute at all (hasattr) */
  has(name: string): boolean;
}

function bindPositional(cls: TypeClass, spec: TypeSpec, attrs: Record<string, TypeArg>): void {
  let i = 0;
  for (const param of cls.params) {
    if (param.startsWith('*')) {
      attrs[param.slice(1)] = spec.args.slice(i);
      return;
    }
    const arg = spec.args[i];
    if (arg === undefined) return;
    attrs[param] = arg;
    i += 1;
  }
  // Python raises TypeError in the constructor; the oracle would not get to compile it either
  if (i < spec.args.length) throw new CompileError(`${spec.name}() takes ${i} positional arguments`);
}

function keeps(cls: TypeClass, spec: TypeSpec, key: string): boolean {
  if (cls.keywords && !cls.keywords.includes(key)) return false;
  // with_variant() compiles a copy of the base type; for some classes the copy forgets arguments
  const copied = spec.variants !== undefined && Object.keys(spec.variants).length > 0;
  return !(copied && cls.variantCopyDrops?.includes(key));
}

/**
 * null when the class is not in the catalog (a third-party or project type). Pass the spec as written,
 * variants included: a base type that has variants is bound as the copy with_variant() made of it.
 */
export function bindType(spec: TypeSpec): BoundType | null {
  const cls = findTypeClass(spec);
  if (!cls) return null;
  const attrs: Record<string, TypeArg> = { ...cls.defaults };
  bindPositional(cls, spec, attrs);
  for (const [key, value] of Object.entries(spec.kwargs)) {
    if (keeps(cls, spec, key)) attrs[key] = value;
  }
  const params = new Set(cls.params.map((p) => p.replace(/^\*/, '')));
  const bound: BoundType = { spec, cls, attrs, has: (name) => Object.hasOwn(attrs, name) || params.has(name) };
  if (cls.init) Object.assign(attrs, cls.init(bound));
  return bound;
}
