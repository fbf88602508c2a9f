// The arguments SQLAlchemy's schema constructors also take by position: `CheckConstraint("n > 0", "n_positive")`
// names its constraint as `name=` would, `MetaData("app")` is the schema (signatures of SQLAlchemy 2.0's
// sqlalchemy.sql.schema).
import { saSymbol } from './sa-names.js';
import type { CallValue, Value } from './values.js';

const POSITIONAL: Readonly<Record<string, readonly string[]>> = {
  CheckConstraint: ['sqltext', 'name'],
  ForeignKeyConstraint: ['columns', 'refcolumns', 'name', 'onupdate', 'ondelete'],
  ForeignKey: ['column', '_constraint', 'use_alter', 'name', 'onupdate', 'ondelete'],
  MetaData: ['schema', 'quote_schema', 'naming_convention'],
};

/** The argument bound to `keyword`: given by that name, or at its place among the positional ones. */
export function constructorArgument(call: CallValue, keyword: string): Value | undefined {
  const given = call.kwargs.get(keyword);
  if (given !== undefined) return given;
  const at = POSITIONAL[saSymbol(call.callee) ?? '']?.indexOf(keyword) ?? -1;
  return at < 0 ? undefined : call.args[at];
}
