// The arguments SQLAlchemy's schema constructors also take by position: `CheckConstraint("n > 0", "n_positive")`
// names its constraint as `name=` would, `MetaData("app")` is the schema (signatures of SQLAlchemy 2.0's
// sqlalchemy.sql.schema).
import type { Expr } from '../python/summary.js';
import { saSymbol } from './sa-names.js';
import type { CallValue, Value } from './values.js';

const POSITIONAL: Readonly<Record<string, readonly string[]>> = {
  CheckConstraint: ['sqltext', 'name'],
  Computed: ['sqltext', 'persisted'],
  DefaultClause: ['arg', 'for_update'],
  Sequence: ['name', 'start', 'increment'],
  text: ['text'],
  literal_column: ['text', 'type_'],
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

/** The source expression written for `keyword`: by that name, or at its place among the positional ones. */
export function constructorArgumentSource(call: CallValue, keyword: string): Expr | undefined {
  if (call.expr.k !== 'call') return undefined;
  const { args } = call.expr;
  const named = args.find((a) => a.name === keyword);
  if (named) return named.value;
  // after a `*rest`, the places of the positional arguments are not known from the source
  const positional = args.filter((a) => a.name === undefined);
  const at = POSITIONAL[saSymbol(call.callee) ?? '']?.indexOf(keyword) ?? -1;
  return at < 0 || positional.slice(0, at + 1).some((a) => a.star) ? undefined : positional[at]?.value;
}
