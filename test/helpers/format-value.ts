// Renders schema JSON values for mismatch messages: VARCHAR(255), [id, org_id], {name: x, columns: [a]}.

export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${formatValue(v)}`);
    return `{${parts.join(', ')}}`;
  }
  return String(value);
}

/** `<where>: expected <e>, got <a>` — the one shape every value mismatch takes. */
export function mismatch(where: string, expected: unknown, actual: unknown): string {
  return `${where}: expected ${formatValue(expected)}, got ${formatValue(actual)}`;
}

/** Deep equality for the JSON values schema files hold (null, scalars, arrays, plain objects). */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isSameValue(item, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => isSameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}
