// Python operators on column expressions (`score >= 0`, `~status.in_(...)`, `a | b`) build SQL expressions in
// SQLAlchemy, not Python values: the evaluator keeps them as such, for CHECK constraints (check-sql.ts).
import type { Expr } from '../python/summary.js';
import { makeCall } from './evaluate-call.js';
import { isSqlFunction, saSymbol } from './sa-names.js';
import { SQL_OPERATOR, type CallValue, type Value } from './values.js';

/** SQLAlchemy constructs that are column expressions themselves. */
const EXPRESSION_MAKERS = new Set(['Column', 'mapped_column', 'column', 'literal_column', 'and_', 'or_', 'not_', 'text', 'literal', 'null', 'true', 'false']);

/** The operator applied symbolically when an operand is a column expression; undefined for plain values. */
export function sqlOperation(op: string, operands: Value[], file: string, expr: Expr): CallValue | undefined {
  // identity cannot be overloaded: `col is not None` is Python's, never SQL's IS NOT NULL
  if (op === 'is' || op === 'is not' || !operands.some(isSqlOperand)) return undefined;
  return makeCall({ t: 'ext', name: SQL_OPERATOR }, { args: [{ t: 'str', v: op }, ...operands], kwargs: new Map() }, file, expr);
}

export function isSqlOperand(v: Value): boolean {
  if (v.t === 'tablecol') return true;
  // `Model.score` read before mapping; not a dunder or an attribute the class does not have
  if (v.t === 'clsattr') return !v.missing && !v.name.startsWith('__');
  if (v.t !== 'call') return false;
  const callee = v.callee;
  if (callee.t === 'ext') return callee.name === SQL_OPERATOR || isSqlFunction(callee.name) || EXPRESSION_MAKERS.has(saSymbol(callee) ?? '');
  // `status.in_(...)`, `label.like(...)`, and what a custom operator makes (`status.op("&")(FLAG)`)
  return (callee.t === 'attr' && isSqlOperand(callee.obj)) || (callee.t === 'call' && isSqlOperand(callee));
}
