// PostgreSQL identifier quoting for named types (ENUM, DOMAIN), as PGIdentifierPreparer.format_type does it.
import type { TypeArg } from '../type-spec.js';
import type { BoundType } from './bind.js';
import { CompileError, pyStr, truthy } from './python.js';

// sqlalchemy/dialects/postgresql/base.py RESERVED_WORDS (SQLAlchemy 2.0.40)
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'between',
  'binary', 'both', 'case', 'cast', 'check', 'collate', 'column', 'constraint', 'create', 'cross', 'current_catalog',
  'current_date', 'current_role', 'current_schema', 'current_time', 'current_timestamp', 'current_user', 'default',
  'deferrable', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'false', 'fetch', 'for', 'foreign', 'freeze',
  'from', 'full', 'grant', 'group', 'having', 'ilike', 'in', 'initially', 'inner', 'intersect', 'into', 'is',
  'isnull', 'join', 'leading', 'left', 'like', 'limit', 'localtime', 'localtimestamp', 'natural', 'new', 'not',
  'notnull', 'null', 'of', 'off', 'offset', 'old', 'on', 'only', 'or', 'order', 'outer', 'over', 'overlaps',
  'placing', 'primary', 'references', 'returning', 'right', 'select', 'session_user', 'similar', 'some', 'symmetric',
  'table', 'then', 'to', 'trailing', 'true', 'union', 'unique', 'user', 'using', 'variadic', 'verbose', 'when',
  'where', 'window', 'with',
]);
const LEGAL_CHARACTERS = /^[A-Z0-9_$]+$/i;
const ILLEGAL_INITIAL = /^[0-9$]/;

/** IdentifierPreparer._requires_quotes */
function requiresQuotes(value: string): boolean {
  const lower = value.toLowerCase();
  return RESERVED_WORDS.has(lower) || ILLEGAL_INITIAL.test(value) || !LEGAL_CHARACTERS.test(value) || lower !== value;
}

/** IdentifierPreparer.quote; `force` is quoted_name's quote flag (Enum(quote=...)). psycopg2's pyformat doubles '%'. */
function quote(value: string, force: TypeArg | undefined): string {
  const needed = force === undefined || force === null ? requiresQuotes(value) : truthy(force);
  return needed ? `"${value.replaceAll('"', '""').replaceAll('%', '%%')}"` : value;
}

/** PGIdentifierPreparer.format_type: the (schema-qualified) type name; a named type without a name cannot compile. */
export function formatTypeName(t: BoundType): string {
  const { name, schema } = t.attrs;
  if (!truthy(name)) throw new CompileError(`PostgreSQL ${t.spec.name} type requires a name.`);
  const quoted = quote(pyStr(name), t.attrs.quote);
  return schema === undefined || schema === null ? quoted : `${quote(pyStr(schema), null)}.${quoted}`;
}
