// The attributes a class body defines, in definition order, as `vars(cls)` and `__annotations__` hold them.
import type { Expr, FunctionDef, Stmt } from '../python/summary.js';
import type { ClassInfo } from './values.js';

export interface OwnAttr {
  name: string;
  line: number;
  /** the assigned value; null for an annotation alone */
  expr: Expr | null;
  ann: Expr | null;
  def: FunctionDef | null;
  /** a nested class */
  isClass: boolean;
}

const cache = new WeakMap<ClassInfo, Map<string, OwnAttr>>();

/**
 * Own attributes by name, in the order SQLAlchemy reads them: `vars(cls)` merged with `__annotations__`
 * (util.merge_lists_w_ordering). A later assignment replaces the value, not the place.
 */
export function ownAttrs(cls: ClassInfo): Map<string, OwnAttr> {
  let attrs = cache.get(cls);
  if (!attrs) {
    const found = new Map<string, OwnAttr>();
    collect(cls.def.body, found);
    const inVars = [...found.values()].filter(inDict).map((a) => a.name);
    const annotated = annotationOrder(cls.def.body);
    attrs = new Map(mergeOrdering(inVars, annotated).flatMap((n) => (found.has(n) ? [[n, found.get(n)!] as const] : [])));
    cache.set(cls, attrs);
  }
  return attrs;
}

function annotationOrder(body: Stmt[]): string[] {
  const out: string[] = [];
  for (const stmt of body) {
    if (stmt.k === 'ann' && stmt.target.k === 'name' && !out.includes(stmt.target.id)) out.push(stmt.target.id);
    else if (stmt.k === 'block') out.push(...annotationOrder(stmt.body).filter((n) => !out.includes(n)));
  }
  return out;
}

/** sqlalchemy.util.merge_lists_w_ordering, step for step. */
export function mergeOrdering(a: string[], b: string[]): string[] {
  const overlap = new Set(a.filter((x) => b.includes(x)));
  const result: string[] = [];
  let current = a;
  let other = b;
  let ci = 0;
  let oi = 0;
  for (;;) {
    let switched = false;
    while (ci < current.length) {
      const element = current[ci++]!;
      if (overlap.has(element)) {
        overlap.delete(element);
        [current, other] = [other, current];
        [ci, oi] = [oi, ci];
        switched = true;
        break;
      }
      result.push(element);
    }
    if (!switched) {
      result.push(...other.slice(oi));
      return result;
    }
  }
}

function put(attrs: Map<string, OwnAttr>, name: string, patch: Partial<OwnAttr> & { line: number }): void {
  const current = attrs.get(name) ?? { name, line: patch.line, expr: null, ann: null, def: null, isClass: false };
  attrs.set(name, { ...current, ...patch });
}

function collect(body: Stmt[], attrs: Map<string, OwnAttr>): void {
  for (const stmt of body) {
    switch (stmt.k) {
      case 'assign':
        for (const target of stmt.targets) {
          if (target.k === 'name') put(attrs, target.id, { expr: stmt.value, def: null, line: stmt.line });
        }
        break;
      case 'ann':
        if (stmt.target.k === 'name') put(attrs, stmt.target.id, { ann: stmt.ann, line: stmt.line, ...(stmt.value ? { expr: stmt.value, def: null } : {}) });
        break;
      case 'def':
        put(attrs, stmt.name, { def: stmt, expr: null, line: stmt.line });
        break;
      case 'class':
        put(attrs, stmt.name, { isClass: true, line: stmt.line });
        break;
      case 'block':
        collect(stmt.body, attrs);
        break;
      default:
        break;
    }
  }
}

/** Whether the name is in the class `__dict__` (annotation-only names are not). */
export function inDict(attr: OwnAttr | undefined): boolean {
  return attr !== undefined && (attr.expr !== null || attr.def !== null || attr.isClass);
}

export function isDunder(name: string): boolean {
  return name.startsWith('__') && name.endsWith('__');
}
