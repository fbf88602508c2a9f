// The attributes a class body defines, in definition order, as `vars(cls)` and `__annotations__` hold them.
import type { Expr, FunctionDef, Stmt } from '../python/summary.js';
import { classCreationAttrs } from './class-hooks.js';
import { evalExpr } from './evaluate.js';
import type { Extraction } from './state.js';
import { messages } from './messages.js';
import { unknownCause } from './value-text.js';
import type { Unresolved } from '../schema/types.js';
import { isTruthy, type ClassInfo, type Value } from './values.js';

export interface OwnAttr {
  name: string;
  line: number;
  /** the assigned value; null for an annotation alone */
  expr: Expr | null;
  ann: Expr | null;
  def: FunctionDef | null;
  /** a nested class */
  isClass: boolean;
  /** set on the class by its base's `__init_subclass__` (after the body ran) */
  value?: Value;
}

/** A class body read once: its attributes, and its annotated names in `__annotations__` order. */
const cache = new WeakMap<ClassInfo, { attrs: Map<string, OwnAttr>; annotated: string[] }>();

/**
 * Own attributes by name, in the order SQLAlchemy reads them: `vars(cls)` merged with `__annotations__`
 * (util.merge_lists_w_ordering). A later assignment replaces the value, not the place.
 */
export function ownAttrs(x: Extraction, cls: ClassInfo): Map<string, OwnAttr> {
  return readBody(x, cls).attrs;
}

/** The class body's annotated names, in `__annotations__` order. */
export function ownAnnotations(x: Extraction, cls: ClassInfo): string[] {
  return readBody(x, cls).annotated;
}

function readBody(x: Extraction, cls: ClassInfo): { attrs: Map<string, OwnAttr>; annotated: string[] } {
  let read = cache.get(cls);
  if (!read) {
    const found = new Map<string, OwnAttr>();
    // `if HAS_JSONB:` in a class body: the branch the condition picks (the first one when undecidable, reported)
    const undecided = new Map<Expr, Value>();
    const decide = (test: Expr): boolean | undefined => {
      const value = evalExpr(x.ctx, test, { module: cls.module, cls, depth: 0 });
      const truth = isTruthy(value);
      if (truth === undefined) undecided.set(test, value);
      return truth;
    };
    collect(cls.def.body, found, decide);
    reportUndecided(x, cls, undecided);
    const inVars = [...found.values()].filter(inDict).map((a) => a.name);
    const annotated = [...annotationOrder(cls.def.body, decide)];
    const attrs = new Map<string, OwnAttr>();
    for (const name of mergeOrdering(inVars, annotated)) {
      const attr = found.get(name);
      if (attr) attrs.set(name, attr);
    }
    // cached before the hook runs: a hook reading the class sees its body, as in Python
    read = { attrs, annotated };
    cache.set(cls, read);
    setAttrs(attrs, classCreationAttrs(x, cls), cls.def.line);
  }
  return read;
}

/** What a class decorator set on a plain class before mapping it joins the class's namespace, after its body. */
export function addLateAttrs(x: Extraction, cls: ClassInfo, set: Map<string, Value>): void {
  setAttrs(readBody(x, cls).attrs, set, cls.def.line);
}

function setAttrs(attrs: Map<string, OwnAttr>, set: Map<string, Value>, line: number): void {
  for (const [name, value] of set) Object.assign(entry(attrs, name, line), { value, expr: null, def: null, isClass: false });
}

/** Each attribute defined under an undecidable class-body `if` is named in the class's problems. */
function reportUndecided(x: Extraction, cls: ClassInfo, undecided: Map<Expr, Value>): void {
  if (undecided.size === 0) return;
  const problems: Unresolved[] = [];
  const visit = (body: Stmt[]): void => {
    for (const stmt of body) {
      if (stmt.k === 'block') visit(stmt.body);
      if (stmt.k !== 'if') continue;
      const value = undecided.get(stmt.test);
      if (value) {
        const names = new Set<string>();
        collect([...stmt.body, ...stmt.orelse], new Map(), () => true, names);
        for (const name of names) problems.push({ file: cls.module.file, line: stmt.line, symbol: name, reason: messages.undecidedBranch(unknownCause(value)) });
      }
      visit(stmt.body);
      visit(stmt.orelse);
    }
  };
  visit(cls.def.body);
  x.pending.set(cls, [...(x.pending.get(cls) ?? []), ...problems]);
}

/** Annotated names in first-seen order (a Set keeps it, and finds repeats without a scan). */
function annotationOrder(body: Stmt[], decide: (test: Expr) => boolean | undefined, out = new Set<string>()): Set<string> {
  for (const stmt of body) {
    if (stmt.k === 'ann' && stmt.target.k === 'name') out.add(stmt.target.id);
    else if (stmt.k === 'block') annotationOrder(stmt.body, decide, out);
    else if (stmt.k === 'if') annotationOrder(decide(stmt.test) === false ? stmt.orelse : stmt.body, decide, out);
  }
  return out;
}

/** sqlalchemy.util.merge_lists_w_ordering, step for step. */
export function mergeOrdering(a: string[], b: string[]): string[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const inB = new Set(b);
  const overlap = new Set(a.filter((x) => inB.has(x)));
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

/**
 * The names an assignment binds, each with the expression of its value: `NOTEBOOK, JOB = range(1, 3)` (MLflow's
 * status classes) binds each name to an item of the value. Not for a dict, whose items are its keys.
 */
function assigned(target: Expr, value: Expr): Array<[string, Expr]> {
  if (target.k === 'name') return [[target.id, value]];
  if ((target.k !== 'tuple' && target.k !== 'list') || value.k === 'dict' || value.k === 'comp') return [];
  return target.items.flatMap((item, i): Array<[string, Expr]> => (item.k === 'name' ? [[item.id, { k: 'sub', obj: value, index: { k: 'num', v: i, line: value.line }, line: value.line }]] : []));
}

function collect(body: Stmt[], attrs: Map<string, OwnAttr>, decide: (test: Expr) => boolean | undefined, names?: Set<string>): void {
  for (const stmt of body) {
    if ((stmt.k === 'assign' || stmt.k === 'ann') && names) for (const t of stmt.k === 'assign' ? stmt.targets : [stmt.target]) if (t.k === 'name') names.add(t.id);
    switch (stmt.k) {
      case 'assign':
        for (const target of stmt.targets) {
          for (const [name, expr] of assigned(target, stmt.value)) {
            const e = entry(attrs, name, stmt.line);
            e.expr = expr;
            e.def = null;
          }
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
        collect(stmt.body, attrs, decide, names);
        break;
      case 'if':
        if (names) collect([...stmt.body, ...stmt.orelse], attrs, decide, names);
        else collect(decide(stmt.test) === false ? stmt.orelse : stmt.body, attrs, decide);
        break;
      default:
        break;
    }
  }
}

/** Whether the name is in the class `__dict__` (annotation-only names are not). */
export function inDict(attr: OwnAttr | undefined): boolean {
  return attr !== undefined && (attr.expr !== null || attr.def !== null || attr.isClass || attr.value !== undefined);
}

export function isDunder(name: string): boolean {
  return name.startsWith('__') && name.endsWith('__');
}
