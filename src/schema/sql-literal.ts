// A Python literal inlined in DDL as SQLAlchemy's literal processors render it (literal_binds): CHECK constraints,
// index expressions.
import type { Dialect } from './types.js';

export function sqlLiteral(v: string | number | boolean | null, dialect: Dialect): string | undefined {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return dialect === 'sqlite' ? (v ? '1' : '0') : String(v);
  if (typeof v === 'number') {
    // Python's repr of a float differs from JavaScript's in exponents
    const text = String(v);
    return /e/i.test(text) || !Number.isFinite(v) ? undefined : text;
  }
  // PostgreSQL and MySQL double backslashes (their dialects' _backslash_escapes, true until a connection says otherwise)
  const escaped = dialect === 'sqlite' ? v : v.replaceAll('\\', '\\\\');
  const text = `'${escaped.replaceAll("'", "''")}'`;
  // psycopg2 and mysqlclient take pyformat / format parameters: a literal '%' is doubled
  return dialect === 'sqlite' ? text : text.replaceAll('%', '%%');
}
