// The shape of a catalog row: what the renderer knows about one SQLAlchemy type class.
import type { TypeArg, TypeModule, TypeSpec } from '../type-spec.js';
import type { Dialect } from '../types.js';
import type { BoundType } from './bind.js';

export interface TypeClass {
  /** SQLAlchemy's `__visit_name__`; null when no type compiler can render it (the oracle then prints the class name) */
  readonly visit: string | null;
  /** the constructor's positional parameters in order; `*name` collects the remaining arguments into a list */
  readonly params: readonly string[];
  /** Python's `type(t).__name__` when the module's name is an alias (`INT = INTEGER`); the oracle's fallback uses it */
  readonly className?: string;
  /** keywords lost when `.with_variant()` copies the type through SchemaType.adapt (a SQLAlchemy quirk) */
  readonly variantCopyDrops?: readonly string[];
  /** the keyword arguments the constructor keeps; others are swallowed by its **kw (Enum's). Unset: all of them */
  readonly keywords?: readonly string[];
  /** attributes every instance has even when not passed (PostgreSQL BIT's `varying`, MySQL's `unsigned` ...) */
  readonly defaults?: Readonly<Record<string, TypeArg>>;
  /** MySQL `_StringType` / `_NumericType`: the MySQL compiler adds CHARACTER SET/COLLATE or UNSIGNED/ZEROFILL */
  readonly mysql?: 'string' | 'numeric';
  /** an `sqlalchemy.Enum` (or subclass): schema JSON lists its values */
  readonly enum?: true;
  /** SQLite `_DateTimeMixin`: the DDL name depends on the storage format */
  readonly sqliteStorage?: true;
  /** constructor logic beyond storing the arguments: the attributes it derives (Enum's length and name ...) */
  readonly init?: (t: BoundType) => Record<string, TypeArg>;
  /** a TypeDecorator: the type it compiles as on a dialect (its load_dialect_impl, or the dialect's colspecs) */
  readonly decorates?: (t: BoundType, dialect: Dialect) => TypeSpec;
}

export type ClassTable = Readonly<Record<string, TypeClass>>;

/** Shorthand for a catalog row. */
export function typeClass(visit: string | null, params: readonly string[] = [], more: Partial<TypeClass> = {}): TypeClass {
  return { visit, params, ...more };
}

/** Classes whose visit name is their own name and whose arguments do not change the DDL. */
export function plainClasses(names: readonly string[], more: Partial<TypeClass> = {}): Record<string, TypeClass> {
  return Object.fromEntries(names.map((n) => [n, typeClass(n, [], more)]));
}

/** A TypeSpec as the decorators build them. */
export function typeSpec(module: TypeModule, name: string, args: TypeArg[] = [], kwargs: Record<string, TypeArg> = {}): TypeSpec {
  return { name, module, args, kwargs };
}
