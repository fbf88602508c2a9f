// SQLAlchemy 2.0 maps an annotated ORM attribute only through `Mapped[...]`: `boss: "User" = relationship("User")`
// (SQLAlchemy 1.4's typed style) raises MappedAnnotationError as the class is made, unless the class allows
// unmapped annotations. The class is read as 1.4 reads it, and the refusal named.
import type { Expr } from '../python/summary.js';
import { ownAttrs } from './class-body.js';
import { mroValues } from './classes.js';
import { attributeOf } from './evaluate-attr.js';
import { evalExpr } from './evaluate.js';
import { messages } from './messages.js';
import { saSymbol } from './sa-names.js';
import type { Extraction } from './state.js';
import { isTruthy, type ClassInfo } from './values.js';

/** What declarative reads an annotation for: the constructs it maps (a plain Column is not one of them). */
const ORM_CONSTRUCTS = new Set(['relationship', 'relation', 'mapped_column', 'column_property', 'synonym', 'composite', 'deferred', 'dynamic_loader', 'query_expression']);
/** Annotations declarative maps through: `Mapped` and its kin, and the ORM's own attribute classes (`Relationship`). */
const MAPPED = /^(Mapped|WriteOnlyMapped|DynamicMapped|Relationship|MappedColumn|Synonym|Composite|MappedSQLExpression)$/;

/** The annotation's outer name: `Mapped[int]` and `"Mapped[int]"` both read `Mapped`. */
function outerName(ann: Expr): string | undefined {
  if (ann.k === 'str') return /^\s*(?:[\w.]+\.)?(\w+)/.exec(ann.v)?.[1];
  const base = ann.k === 'sub' ? ann.obj : ann;
  return base.k === 'name' ? base.id : base.k === 'attr' ? base.name : undefined;
}

/** Each own attribute of a mapped class annotated otherwise than `Mapped[...]` over an ORM construct. */
export function reportRefusedAnnotations(x: Extraction, cls: ClassInfo): void {
  const attrs = [...ownAttrs(x, cls).values()].filter((a) => a.ann && a.expr?.k === 'call' && !MAPPED.test(outerName(a.ann) ?? ''));
  if (attrs.length === 0) return;
  // set in the class body, on a base, or on the base after it was made (`Base.__allow_unmapped__ = True`, Base a
  // declarative_base()'s)
  const allowed = attributeOf(x.ctx, { t: 'class', cls }, '__allow_unmapped__', { module: cls.module, depth: 0 }, cls.def.line);
  if (!(allowed.t === 'clsattr' && allowed.missing) && isTruthy(allowed) !== false) return;
  const setOnBase = mroValues(x.ctx, cls).some((v) => v.t === 'call' && v.attrs?.has('__allow_unmapped__') && isTruthy(v.attrs.get('__allow_unmapped__')!) !== false);
  if (setOnBase) return;
  for (const attr of attrs) {
    const call = attr.expr as Extract<Expr, { k: 'call' }>;
    const construct = saSymbol(evalExpr(x.ctx, call.fn, { module: cls.module, cls, depth: 0 }));
    if (construct && ORM_CONSTRUCTS.has(construct)) x.orphans.push({ file: cls.module.file, line: attr.line, symbol: `${cls.name}.${attr.name}`, reason: messages.refusedAnnotation(construct) });
  }
}
