// PostgreSQL identifier quoting for named types (ENUM, DOMAIN), as PGIdentifierPreparer.format_type does it.
import type { TypeArg } from '../type-spec.js';
import type { BoundType } from './bind.js';
import { CompileError, pyStr, truthy } from './python.js';
import { requiresQuotes } from '../identifiers.js';

/** IdentifierPreparer.quote; `force` is quoted_name's quote flag (Enum(quote=...)). psycopg2's pyformat doubles '%'. */
function quote(value: string, force: TypeArg | undefined): string {
  const needed = force === undefined || force === null ? requiresQuotes(value, 'postgresql') : truthy(force);
  return needed ? `"${value.replaceAll('"', '""').replaceAll('%', '%%')}"` : value;
}

/** PGIdentifierPreparer.format_type: the (schema-qualified) type name; a named type without a name cannot compile. */
export function formatTypeName(t: BoundType): string {
  const { name, schema } = t.attrs;
  if (!truthy(name)) throw new CompileError(`PostgreSQL ${t.spec.name} type requires a name.`);
  const quoted = quote(pyStr(name), t.attrs.quote);
  return schema === undefined || schema === null ? quoted : `${quote(pyStr(schema), null)}.${quoted}`;
}
