// How SQLAlchemy reads a string annotation (every annotation under `from __future__ import annotations`) before
// evaluating it: orm.util._cleanup_mapped_str_annotation quotes the innermost part of `Mapped[A[B[...]]]`.
import type { Expr } from '../python/summary.js';
import type { Ctx, Env } from './context.js';
import { evalExpr } from './evaluate.js';
import { pyName, saSymbol } from './sa-names.js';

type Subscript = Extract<Expr, { k: 'sub' }>;

/** The containers whose string annotations SQLAlchemy cleans up (orm.base._MappedAnnotationBase). */
const MAPPED = new Set(['Mapped', 'WriteOnlyMapped', 'DynamicMapped']);

/**
 * `Mapped[Annotated[str, mapped_column(index=True)]]` as SQLAlchemy reads the string: the chain of `Name[...]`
 * subscripts is followed inwards and its innermost part, when printed without brackets, is quoted element by
 * element (`Annotated["str", "mapped_column(index=True)"]`). Quoted metadata is a string SQLAlchemy does not read,
 * so that Annotated stands for its type alone. Metadata printed with brackets (`mapped_column(default=[])`) or an
 * Annotated under `| None` is not quoted, and read as written.
 */
export function asSqlAlchemyReadsString(ctx: Ctx, ann: Expr, env: Env): Expr {
  if (ann.k !== 'sub' || !isDotted(ann.obj) || !MAPPED.has(saSymbol(evalExpr(ctx, ann.obj, env)) ?? '')) return ann;
  return innermostQuoted(ctx, ann, env);
}

function innermostQuoted(ctx: Ctx, sub: Subscript, env: Env): Expr {
  const inner = sub.index;
  if (inner.k === 'sub' && isDotted(inner.obj)) {
    const cleaned = innermostQuoted(ctx, inner, env);
    return cleaned === inner ? sub : { ...sub, index: cleaned };
  }
  if (inner.k !== 'tuple' || printsBracket(inner) || pyName(evalExpr(ctx, sub.obj, env)) !== 'typing.Annotated') return sub;
  return inner.items[0] ?? sub;
}

/** A name or a dotted name: what the clean-up's `^([^ |]+?)\[` takes as a container. */
function isDotted(e: Expr): boolean {
  return e.k === 'name' || (e.k === 'attr' && isDotted(e.obj));
}

/** Whether the expression's printed form holds `[` or `]` (a subscript, a list, a string with one). */
function printsBracket(e: unknown): boolean {
  if (Array.isArray(e)) return e.some(printsBracket);
  if (e === null || typeof e !== 'object') return false;
  const node = e as { k?: string; kind?: string; v?: unknown };
  if (node.k === 'sub' || node.k === 'list' || (node.k === 'comp' && node.kind === 'list')) return true;
  if (node.k === 'str' && typeof node.v === 'string') return /[[\]]/.test(node.v);
  return Object.values(e).some(printsBracket);
}
