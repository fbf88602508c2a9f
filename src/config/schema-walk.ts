// Reads the zod schema itself: the schema at a config path, the keys allowed there, and what a value should be.
import type { z } from 'zod';
import { EXPECTED_WORDS as W } from './messages.js';

type Schema = z.core.$ZodType;
type Check = { _zod: { def: { check: string; minimum?: number; value?: number; inclusive?: boolean; format?: string } } };
type PathKey = PropertyKey;

/** The schema under wrappers that do not change what a value must look like (optional, default, …). */
export function unwrap(schema: Schema): Schema {
  const s = schema as z.core.$ZodTypes;
  switch (s._zod.def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return unwrap(s._zod.def.innerType as Schema);
    case 'pipe':
      return unwrap(s._zod.def.in as Schema);
    default:
      return schema;
  }
}

/** The keys a mapping schema allows, or undefined where the schema is not a fixed-key mapping. */
export function objectKeys(schema: Schema): string[] | undefined {
  const s = unwrap(schema) as z.core.$ZodTypes;
  return s._zod.def.type === 'object' ? Object.keys(s._zod.def.shape) : undefined;
}

/** The alternatives of a union (after unwrapping), or undefined. */
export function unionOptions(schema: Schema): Schema[] | undefined {
  const s = unwrap(schema) as z.core.$ZodTypes;
  return s._zod.def.type === 'union' ? [...(s._zod.def.options as readonly Schema[])] : undefined;
}

/** The schema one step down: a mapping's key, a list's element, a record's value, a union option's key. */
export function childSchema(schema: Schema, key: PathKey): Schema | undefined {
  const s = unwrap(schema) as z.core.$ZodTypes;
  const def = s._zod.def;
  if (def.type === 'object') return typeof key === 'string' ? (def.shape[key] as Schema | undefined) : undefined;
  if (def.type === 'array') return def.element as Schema;
  if (def.type === 'record') return def.valueType as Schema;
  if (def.type === 'union') {
    for (const option of def.options as readonly Schema[]) {
      const child = childSchema(option, key);
      if (child !== undefined) return child;
    }
  }
  return undefined;
}

export function schemaAt(root: Schema, path: readonly PathKey[]): Schema | undefined {
  let current: Schema | undefined = root;
  for (const key of path) {
    if (current === undefined) return undefined;
    current = childSchema(current, key);
  }
  return current;
}

function checksOf(schema: Schema): Check[] {
  return ((schema._zod.def as { checks?: Check[] }).checks ?? []) as Check[];
}

function hasCheck(schema: Schema, name: string): Check | undefined {
  return checksOf(schema).find((c) => c._zod.def.check === name);
}

function describeNumber(schema: Schema): string {
  const isWhole = checksOf(schema).some((c) => c._zod.def.check === 'number_format');
  const word = isWhole ? W.wholeNumber : W.number;
  const lower = hasCheck(schema, 'greater_than')?._zod.def;
  return lower?.value === undefined ? word : W.greaterThan(word, lower.value, lower.inclusive === true);
}

function describeString(schema: Schema): string {
  const format = (schema._zod.def as { format?: string }).format;
  if (format === 'url') return W.url;
  if (format === 'date') return W.date;
  return hasCheck(schema, 'min_length') ? W.nonEmptyString : W.string;
}

/** Plural words for list elements: "strings", "mappings". */
function describePlural(schema: Schema): string {
  const type = (unwrap(schema) as z.core.$ZodTypes)._zod.def.type;
  if (type === 'string') return 'strings';
  if (type === 'number') return 'numbers';
  if (type === 'object' || type === 'union' || type === 'record') return 'mappings';
  return 'values';
}

/** What a value at this schema must be, in words ("a list of strings", "one of block, warn"). */
export function describeExpected(schema: Schema | undefined): string {
  if (schema === undefined) return W.value;
  const inner = unwrap(schema);
  const described = (inner as { description?: string }).description;
  if (described !== undefined) return described;
  const s = inner as z.core.$ZodTypes;
  const def = s._zod.def;
  switch (def.type) {
    case 'string':
      return describeString(inner);
    case 'number':
      return describeNumber(inner);
    case 'boolean':
      return W.boolean;
    case 'enum':
      return W.oneOf(Object.values(def.entries).map(String));
    case 'array': {
      const of = describePlural(def.element as Schema);
      return hasCheck(inner, 'min_length') ? W.nonEmptyList(of) : W.list(of);
    }
    case 'record':
      return W.record(describeExpected(def.valueType as Schema));
    case 'object':
    case 'union':
      return W.mapping;
    default:
      return W.value;
  }
}
