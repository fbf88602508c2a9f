// The attributes a class body defines, in definition order, as `vars(cls)` and `__annotations__` hold them.
import type { Expr, FunctionDef, Stmt } from '../python/summary.js';
import { evalExpr } from './evaluate.js';
import type { Extraction } from './state.js';
import { isTruthy, type ClassInfo } from './values.js';

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
export function ownAttrs(x: Extraction, cls: ClassInfo): Map<string, OwnAttr> {
  let attrs = cache.get(cls);
  if (!attrs) {
    const found = new Map<string, OwnAttr>();
    // `if HAS_JSONB:` in a class body: the branch the condition picks (the first one when undecidable)
    const decide = (test: Expr): boolean | undefined => isTruthy(evalExpr(x.ctx, test, { module: cls.module, cls, depth: 0 }));
    collect(cls.def.body, found, decide);
    const inVars = [...found.values()].filter(inDict).map((a) => a.name);
    const annotated = annotationOrder(cls.def.body, decide);
    attrs = new Map(mergeOrdering(inVars, annotated).flatMap((n) => (found.has(n) ? [[n, found.get(n)!] as const] : [])));
    cache.set(cls, attrs);
  }
  return attrs;
}

function annotationOrder(body: Stmt[], decide: (test: Expr) => boolean | undefined): string[] {
  const out: string[] = [];
  for (const stmt of body) {
    if (stmt.k === 'ann' && stmt.target.k === 'name' && !out.includes(stmt.target.id)) out.push(stmt.target.id);
    else if (stmt.k === 'block') out.push(...annotationOrder(stmt.body, decide).filter((n) => !out.includes(n)));
    else if (stmt.k === 'if') out.push(...annotationOrder(decide(stmt.test) === false ? stmt.orelse : stmt.body, decide).filter((n) => !out.includes(n)));
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

function entry(attrs: Map<string, OwnAttr>, name: string, line: number): OwnAttr {
  let current = attrs.get(name);
  if (!current) {
    current = { name, line, expr: null, ann: null, def: null, isClass: false };
    attrs.set(name, current);
  }
  current.line = line;
  return current;
}

function collect(body: Stmt[], attrs: Map<string, OwnAttr>, decide: (test: Expr) => boolean | undefined): void {
  for (const stmt of body) {
    switch (stmt.k) {
      case 'assign':
        for (const target of stmt.targets) {
          if (target.k !== 'name') continue;
          const e = entry(attrs, target.id, stmt.line);
          e.expr = stmt.value;
          e.def = null;
        }
        break;
      case 'ann': {
        if (stmt.target.k !== 'name') break;
        const e = entry(attrs, stmt.target.id, stmt.line);
        e.ann = stmt.ann;
        if (stmt.value) {
          e.expr = stmt.value;
          e.def = null;
        }
        break;
      }
      case 'def': {
        const e = entry(attrs, stmt.name, stmt.line);
        e.def = stmt;
        e.expr = null;
        break;
      }
      case 'class':
        entry(attrs, stmt.name, stmt.line).isClass = true;
        break;
      case 'block':
        collect(stmt.body, attrs, decide);
        break;
      case 'if':
        collect(decide(stmt.test) === false ? stmt.orelse : stmt.body, attrs, decide);
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
