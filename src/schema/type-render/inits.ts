// Constructor logic the catalog reuses: what Enum and PostgreSQL BIT derive from their arguments.
import type { TypeArg } from '../type-spec.js';
import type { BoundType } from './bind.js';
import { truthy } from './python.js';

/** The values an Enum stores: the extractor's `enumValues`, else the string positional arguments. */
export function enumValuesOf(t: BoundType): string[] {
  if (t.spec.enumValues) return t.spec.enumValues;
  return t.spec.args.filter((a): a is string => typeof a === 'string');
}

/**
 * sqlalchemy.Enum._enum_init: length defaults to the longest value (in code points, as Python's len),
 * and an Enum of a Python enum class with members is named after the lower-cased class.
 */
function enumInit(t: BoundType): Record<string, TypeArg> {
  const given = (key: string): boolean => Object.hasOwn(t.attrs, key);
  const values = enumValuesOf(t);
  const longest = values.reduce((n, v) => Math.max(n, [...v].length), 0);
  const derivedName = t.spec.enumClass && values.length > 0 ? t.spec.enumClass.toLowerCase() : null;
  return {
    enums: values,
    length: given('length') ? (t.attrs.length ?? null) : longest,
    name: given('name') ? (t.attrs.name ?? null) : derivedName,
    native_enum: given('native_enum') ? (t.attrs.native_enum ?? null) : true,
  };
}

/** postgresql.ENUM ignores native_enum=False (with a warning): it always is a native ENUM. */
export function pgEnumInit(t: BoundType): Record<string, TypeArg> {
  return { ...enumInit(t), native_enum: true };
}

/** postgresql.BIT: a fixed-width BIT without a length is BIT(1). */
export function bitInit(t: BoundType): Record<string, TypeArg> {
  const length = t.attrs.length ?? null;
  if (truthy(t.attrs.varying)) return { length };
  return { length: truthy(length) ? length : 1 };
}

// what Enum._enum_init and SchemaType.__init__ read from **kw; Enum ignores any other keyword
const ENUM_KEYWORDS = ['native_enum', 'create_constraint', 'values_callable', 'sort_key_function', 'length',
  'omit_aliases', 'validate_strings', 'name', 'schema', 'metadata', 'inherit_schema', 'quote'] as const;

/** The catalog flags of sqlalchemy.Enum and its dialect subclasses. */
export const ENUM_CLASS = { enum: true, init: enumInit, keywords: ENUM_KEYWORDS } as const;
