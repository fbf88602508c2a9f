// Config paths: pyproject's kebab-case key aliases, and rendering a path the way the user wrote it.

export type PathKey = PropertyKey;
/** How keys are spelt in the file: camelCase everywhere, kebab-case accepted as well in TOML (pyproject style). */
export type KeyStyle = 'camel' | 'kebab';

function kebabCase(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function camelCase(key: string): string {
  return key.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A schema key in the file's own style: what a "did you mean" should suggest. */
export function styledKey(key: string, style: KeyStyle): string {
  return style === 'kebab' ? kebabCase(key) : key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at `path` in `data`, or undefined when the path runs out. */
export function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (Array.isArray(current) && typeof key === 'number') current = current[key];
    else if (isPlainObject(current) && typeof key === 'string' && Object.hasOwn(current, key)) current = current[key];
    else return undefined;
  }
  return current;
}

const BARE_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * `contracts[2].owners`; keys that are not bare names are quoted (`deprecations["users.email"]`).
 * `raw` is the file's own data: where it spells a key in kebab-case, the path shows that spelling.
 */
export function renderPath(path: readonly PathKey[], raw: unknown): string {
  let out = '';
  let current = raw;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      current = Array.isArray(current) ? current[key] : undefined;
      continue;
    }
    let shown = String(key);
    if (isPlainObject(current) && !Object.hasOwn(current, shown) && Object.hasOwn(current, kebabCase(shown))) {
      shown = kebabCase(shown);
    }
    out += BARE_KEY.test(shown) ? `${out === '' ? '' : '.'}${shown}` : `[${JSON.stringify(shown)}]`;
    current = isPlainObject(current) ? current[shown] : undefined;
  }
  return out;
}
