// .schemaguardrc.example must load as a config and show every key the schema has.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { RULE_IDS } from '../src/rules/registry.js';
import { configSchema } from '../src/config/schema.js';
import { childSchema, objectKeys, unionOptions, unwrap } from '../src/config/schema-walk.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../.schemaguardrc.example', import.meta.url));

/** Every key path of the schema: `[]` stands for "an element of the list", `{}` for "an entry of the mapping". */
function schemaPaths(schema: z.core.$ZodType, prefix: string[] = []): string[][] {
  const options = unionOptions(schema);
  if (options !== undefined) return options.flatMap((option) => schemaPaths(option, prefix));
  const keys = objectKeys(schema);
  if (keys !== undefined) {
    return keys.flatMap((key) => [[...prefix, key], ...schemaPaths(childSchema(schema, key)!, [...prefix, key])]);
  }
  const type = (unwrap(schema) as z.core.$ZodTypes)._zod.def.type;
  if (type === 'array') return schemaPaths(childSchema(schema, 0)!, [...prefix, '[]']);
  if (type === 'record') return [[...prefix, '{}'], ...schemaPaths(childSchema(schema, '')!, [...prefix, '{}'])];
  return [];
}

/** Whether some value in `data` sits at `path` (any element for `[]`, any entry for `{}`). */
function hasPath(data: unknown, path: readonly string[]): boolean {
  if (path.length === 0) return data !== undefined;
  const [head, ...rest] = path;
  if (head === '[]') return Array.isArray(data) && data.some((item) => hasPath(item, rest));
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return false;
  const values = head === '{}' ? Object.values(data) : Object.hasOwn(data, head!) ? [(data as Record<string, unknown>)[head!]] : [];
  return values.some((value) => hasPath(value, rest));
}

describe('.schemaguardrc.example', () => {
  it('loads and validates through --config', async () => {
    // the rule ids it names must be real ones
    const loaded = await loadConfig({ cwd: ROOT, configPath: '.schemaguardrc.example', knownRuleIds: RULE_IDS });
    expect(loaded.filepath).toBe(EXAMPLE);
    expect(loaded.config.contracts.length).toBeGreaterThan(0);
    expect(loaded.config.lineage.sources.length).toBeGreaterThan(0);
  });

  it('shows every key of the schema', () => {
    const paths = schemaPaths(configSchema);
    expect(paths.length).toBeGreaterThan(35);
    const example = parse(readFileSync(EXAMPLE, 'utf8')) as unknown;
    const missing = paths.filter((path) => !hasPath(example, path)).map((path) => path.join('.'));
    expect(missing).toEqual([]);
  });

  it('gives every key a comment', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const keys = new Set(schemaPaths(configSchema).map((path) => path.at(-1)!).filter((key) => !['[]', '{}'].includes(key)));
    const undocumented = [...keys].filter((key) => !new RegExp(`^\\s*#.*\\b${key}\\b`, 'm').test(text));
    expect(undocumented).toEqual([]);
  });
});
