// The value of a Python number literal's text (`1_000`, `0x1F`, `2.0`, `1e3`), shared by both conversions of
// source and by `ast.literal_eval`.

/**
 * Its value, and whether Python holds it as a float; undefined for a complex (`2j`) or malformed literal, for a
 * float beyond the double range (`1e999`, Python's inf: summaries are cached as JSON, which has no Infinity), and
 * for an integer beyond 2**53, which a double would round where Python keeps it exact (kept as its text).
 */
export function numberLiteral(text: string): { v: number; isFloat: boolean } | undefined {
  const raw = text.replace(/_/g, '').toLowerCase();
  if (raw.endsWith('j')) return undefined;
  const isPrefixed = /^0[xob]/.test(raw);
  const v = isPrefixed ? parseInt(raw.slice(2), raw[1] === 'x' ? 16 : raw[1] === 'o' ? 8 : 2) : Number(raw);
  const isFloat = !isPrefixed && /[.e]/.test(raw);
  return Number.isFinite(v) && (isFloat || Number.isSafeInteger(v)) ? { v, isFloat } : undefined;
}
