// pyproject.toml convention: `on-error`, `max-age-days`, … are accepted for the schema's camelCase keys.
import type { z } from 'zod';
import { camelCase, type PathKey } from './key-path.js';
import { childSchema, objectKeys, unionOptions } from './schema-walk.js';

type Schema = z.core.$ZodType;

export interface KeyClash {
  path: PathKey[];
  spellings: [string, string];
}

/** Fixed keys allowed at this schema: a mapping's keys, or all keys of a union's mapping options. */
export function allowedKeys(schema: Schema | undefined): string[] | undefined {
  if (schema === undefined) return undefined;
  const own = objectKeys(schema);
  if (own !== undefined) return own;
  const options = unionOptions(schema)?.map(objectKeys);
  return options?.every((keys) => keys !== undefined) ? options.flat() : undefined;
}

/**
 * Renames kebab-case keys to the schema's camelCase where the schema has fixed keys. Free-form
 * keys (rule ids, table names in `deprecations`, `warehouse.schemas`) are left exactly as written.
 */
export function camelizeKeys(value: unknown, schema: Schema | undefined, path: PathKey[] = []): { value: unknown; clashes: KeyClash[] } {
  const clashes: KeyClash[] = [];
  if (Array.isArray(value)) {
    const element = schema === undefined ? undefined : childSchema(schema, 0);
    const items = value.map((item, i) => {
      const result = camelizeKeys(item, element, [...path, i]);
      clashes.push(...result.clashes);
      return result.value;
    });
    return { value: items, clashes };
  }
  if (value === null || typeof value !== 'object') return { value, clashes };
  const known = allowedKeys(schema);
  const out: Record<string, unknown> = {};
  const spelt = new Map<string, string>();
  for (const [key, child] of Object.entries(value)) {
    const target = known !== undefined && !known.includes(key) && known.includes(camelCase(key)) ? camelCase(key) : key;
    const earlier = spelt.get(target);
    if (earlier !== undefined) clashes.push({ path: [...path, target], spellings: [earlier, key] });
    spelt.set(target, key);
    const result = camelizeKeys(child, schema === undefined ? undefined : childSchema(schema, target), [...path, target]);
    clashes.push(...result.clashes);
    // defineProperty: a key spelt `__proto__` stays data instead of replacing the prototype
    Object.defineProperty(out, target, { value: result.value, enumerable: true, writable: true, configurable: true });
  }
  return { value: out, clashes };
}
