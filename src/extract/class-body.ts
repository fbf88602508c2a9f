// The attributes a class body defines, in definition order, as `vars(cls)` and `__annotations__` hold them.
import type { Expr, FunctionDef, Stmt } from '../python/summary.js';
import { classCreationAttrs, preparedNamespace } from './class-hooks.js';
import { isNamespaceCall, namespaceKey, namespaceUpdate, writesNamespace } from './class-namespace.js';
import { evalExpr } from './evaluate.js';
import { iterate } from './evaluate-builtins.js';
import { assignTarget, MAX_LOOP } from './evaluate-func.js';
import type { Ctx } from './context.js';
import type { Extraction } from './state.js';
import { messages } from './messages.js';
import { unknownCause } from './value-text.js';
import type { Unresolved } from '../schema/types.js';
import { asString, isTruthy, unknown, type ClassInfo, type Unknown, type Value } from './values.js';


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

/** A class body read once: its attributes, its annotated names in `__annotations__` order, and `vars(cls)`'s names. */
interface BodyRead {
  attrs: Map<string, OwnAttr>;
  annotated: string[];
  inVars: string[];
}

const cache = new WeakMap<ClassInfo, BodyRead>();

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

function readBody(x: Extraction, cls: ClassInfo): BodyRead {
  let read = cache.get(cls);
  if (!read) {
    const found = new Map<string, OwnAttr>();
    // `if HAS_JSONB:` in a class body: the branch the condition picks (the first one when undecidable, reported)
    const undecided = new Map<Expr, Value>();
    const value = (expr: Expr, locals?: Map<string, Value>): Value => evalExpr(x.ctx, expr, { module: cls.module, cls, depth: 0, ...(locals ? { locals } : {}) });
    const problems: Unresolved[] = [];
    const reader: Reader = {
      decide: (test, locals) => {
        const v = value(test, locals);
        const truth = isTruthy(v);
        if (truth === undefined) undecided.set(test, v);
        return truth;
      },
      value,
      items: (iter, locals) => {
        const v = value(iter, locals);
        const items = iterate(x.ctx, v);
        if (items && items.length <= MAX_LOOP) return items;
        return v.t === 'unknown' ? v : unknown(items ? messages.tooManyItems(MAX_LOOP) : 'not iterable statically', cls.module.file, iter.line);
      },
      assign: (target, item, scope) => assignTarget(x.ctx, target, item, scope),
      problem: (line, reason, symbol) => problems.push({ file: cls.module.file, line, ...(symbol === undefined ? {} : { symbol }), reason }),
      cls,
      aliases: new Set(),
    };
    // a metaclass's __prepare__ seeds the namespace the body fills: its names come first, the body may replace them
    for (const [name, seeded] of preparedNamespace(x, cls)) found.set(name, { name, line: cls.def.line, expr: null, ann: null, def: null, isClass: false, value: seeded });
    collect(cls.def.body, found, reader);
    if (problems.length > 0) x.pending.set(cls, [...(x.pending.get(cls) ?? []), ...problems]);
    reportUndecided(x, cls, undecided, reader.aliases);
    const inVars = [...found.values()].filter(inDict).map((a) => a.name);
    const annotated = [...annotationOrder(cls.def.body, reader.decide, (key) => asString(value(key)))];
    const attrs = new Map<string, OwnAttr>();
    for (const name of mergeOrdering(inVars, annotated)) {
      const attr = found.get(name);
      if (attr) attrs.set(name, attr);
    }
    // cached before the hook runs: a hook reading the class sees its body, as in Python
    read = { attrs, annotated, inVars };
    cache.set(cls, read);
    setAttrs(read, classCreationAttrs(x, cls, inVars), cls.def.line);
    // what the function that made the class set on it before its body was read (see setOnFactoryClass)
    if (cls.closure && cls.assigned) setAttrs(read, cls.assigned, cls.def.line);
  }
  return read;
}

/** A class made inside a function (it has a closure) that no registry maps: what is set on it is its namespace. */
export function isPlainFactoryClass(ctx: Ctx, cls: ClassInfo): boolean {
  return cls.closure !== undefined && !ctx.project.hooks.isMapped(cls);
}

/**
 * `setattr(_Ref, f"{target}_id", declared_attr(_col))` in a mixin factory, on the plain class it has just made: the
 * attribute joins the class's namespace (it is in `vars(cls)` when a model later lists the class as a base), read now
 * or when the body is first read.
 */
export function setOnFactoryClass(cls: ClassInfo, name: string, value: Value): void {
  (cls.assigned ??= new Map()).set(name, value);
  const read = cache.get(cls);
  if (read) setAttrs(read, new Map([[name, value]]), cls.def.line);
}

/** What a class decorator set on a plain class before mapping it joins the class's namespace, after its body. */
export function addLateAttrs(x: Extraction, cls: ClassInfo, set: Map<string, Value>): void {
  setAttrs(readBody(x, cls), set, cls.def.line);
}

/**
 * Attributes set on the class after its body (a hook, a decorator): a new name goes to the end of `vars(cls)`,
 * which merges with the annotations again, so annotation-only attributes still come after it.
 */
function setAttrs(read: BodyRead, set: Map<string, Value>, line: number): void {
  if (set.size === 0) return;
  for (const [name, value] of set) {
    Object.assign(entry(read.attrs, name, line), { value, expr: null, def: null, isClass: false });
    if (!read.inVars.includes(name)) read.inVars.push(name);
  }
  const order = mergeOrdering(read.inVars, read.annotated);
  const entries = [...read.attrs].sort(([a], [b]) => rank(order, a) - rank(order, b));
  read.attrs.clear();
  for (const [name, attr] of entries) read.attrs.set(name, attr);
}

/** A name's place in an order; names the order lacks keep theirs after it (the sort is stable). */
function rank(order: string[], name: string): number {
  const at = order.indexOf(name);
  return at < 0 ? order.length : at;
}

/** Each attribute defined under an undecidable class-body `if` is named in the class's problems. */
function reportUndecided(x: Extraction, cls: ClassInfo, undecided: Map<Expr, Value>, aliases: Set<string>): void {
  if (undecided.size === 0) return;
  const problems: Unresolved[] = [];
  const visit = (body: Stmt[]): void => {
    for (const stmt of body) {
      if (stmt.k === 'block' || stmt.k === 'for') visit(stmt.body);
      if (stmt.k !== 'if') continue;
      const value = undecided.get(stmt.test);
      if (value) {
        const names = new Set<string>();
        const branches = [...stmt.body, ...stmt.orelse];
        collect(branches, new Map(), namesOnly(names, aliases));
        for (const name of names) problems.push({ file: cls.module.file, line: stmt.line, symbol: name, reason: messages.undecidedBranch(unknownCause(value)) });
        // attributes named through locals(): which ones is only known by running the branch
        if (names.size === 0 && writesNamespace(branches, aliases)) problems.push({ file: cls.module.file, line: stmt.line, reason: messages.undecidedBranch(unknownCause(value)) });
      }
      visit(stmt.body);
      visit(stmt.orelse);
    }
  };
  visit(cls.def.body);
  x.pending.set(cls, [...(x.pending.get(cls) ?? []), ...problems]);
}

/**
 * Annotated names in first-seen order (a Set keeps it, and finds repeats without a scan); `nameOf` reads the key of
 * an `__annotations__[key] = ...` assignment.
 */
function annotationOrder(body: Stmt[], decide: (test: Expr) => boolean | undefined, nameOf: (key: Expr) => string | undefined, out = new Set<string>()): Set<string> {
  for (const stmt of body) {
    if (stmt.k === 'ann' && stmt.target.k === 'name') out.add(stmt.target.id);
    else if (stmt.k === 'assign') {
      for (const target of stmt.targets) {
        const key = annotationKey(target);
        const name = key && nameOf(key);
        if (name !== undefined) out.add(name);
      }
    } else if (stmt.k === 'block') annotationOrder(stmt.body, decide, nameOf, out);
    else if (stmt.k === 'if') annotationOrder(decide(stmt.test) === false ? stmt.orelse : stmt.body, decide, nameOf, out);
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
 * status classes), `lat, lng = [Column(...) for _ in range(2)]` bind each name to an item of the value. Not for a
 * dict or a set, whose items are keys or unordered.
 */
function assigned(target: Expr, value: Expr): Array<[string, Expr]> {
  if (target.k === 'name') return [[target.id, value]];
  if ((target.k !== 'tuple' && target.k !== 'list') || value.k === 'dict' || (value.k === 'comp' && value.kind !== 'list' && value.kind !== 'gen')) return [];
  return target.items.flatMap((item, i): Array<[string, Expr]> => (item.k === 'name' ? [[item.id, { k: 'sub', obj: value, index: { k: 'num', v: i, line: value.line }, line: value.line }]] : []));
}

/** How a class body is read: `if` tests decided, and the code that writes the namespace itself run in place. */
interface Reader {
  decide(test: Expr, locals?: Map<string, Value>): boolean | undefined;
  value(expr: Expr, locals?: Map<string, Value>): Value;
  /** what a class-body loop runs over, or why that is not known */
  items(iter: Expr, locals?: Map<string, Value>): Value[] | Unknown;
  /** binds a loop target to one item, unpacking as Python does */
  assign(target: Expr, item: Value, scope: Map<string, Value>): void;
  problem(line: number, reason: string, symbol?: string): void;
  cls: ClassInfo | null;
  /** names bound to the namespace itself (`ns = locals()`) */
  aliases: Set<string>;
  /** only gathers the names assignments bind (what an undecidable branch would define); nothing is evaluated */
  names?: Set<string>;
}

const namesOnly = (names: Set<string>, aliases: Set<string>): Reader => ({
  decide: () => true,
  value: () => ({ t: 'none' }),
  items: () => [],
  assign: () => {},
  problem: () => {},
  cls: null,
  aliases,
  names,
});

/** A value computed where it stands (in a loop, through `locals()`), not an expression read later. */
function setValue(e: OwnAttr, value: Value): void {
  Object.assign(e, { value, expr: null, def: null, isClass: false });
}

/** Reads a class body's statements; in a loop's body, the `break` or `continue` that ended it. */
function collect(body: Stmt[], attrs: Map<string, OwnAttr>, reader: Reader, locals?: Map<string, Value>): 'break' | 'continue' | undefined {
  const { names } = reader;
  for (const stmt of body) {
    if ((stmt.k === 'assign' || stmt.k === 'ann') && names) for (const t of stmt.k === 'assign' ? stmt.targets : [stmt.target]) if (t.k === 'name') names.add(t.id);
    switch (stmt.k) {
      case 'assign':
        for (const target of stmt.targets) {
          const annotated = annotationKey(target);
          if (annotated) {
            if (!names) annotate(attrs, reader, annotated, stmt.value, stmt.line, locals);
            continue;
          }
          const key = namespaceKey(target, reader.aliases);
          if (target.k === 'name' && isNamespaceCall(stmt.value)) reader.aliases.add(target.id);
          if (key) {
            if (!names) writeKey(attrs, reader, key, reader.value(stmt.value, locals), stmt.line, locals);
            continue;
          }
          for (const [name, expr] of assigned(target, stmt.value)) {
            const e = entry(attrs, name, stmt.line);
            if (locals && !names) {
              const v = reader.value(expr, locals);
              locals.set(name, v);
              setValue(e, v);
            } else {
              e.expr = expr;
              e.def = null;
              delete e.value;
            }
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
          delete e.value;
        }
        break;
      }
      case 'def': {
        const e = entry(attrs, stmt.name, stmt.line);
        e.def = stmt;
        e.expr = null;
        delete e.value;
        break;
      }
      case 'class':
        entry(attrs, stmt.name, stmt.line).isClass = true;
        break;
      case 'block': {
        const jump = collect(stmt.body, attrs, reader, locals);
        if (jump) return jump;
        break;
      }
      case 'if': {
        if (names) {
          collect([...stmt.body, ...stmt.orelse], attrs, reader);
          break;
        }
        const jump = collect(reader.decide(stmt.test, locals) === false ? stmt.orelse : stmt.body, attrs, reader, locals);
        if (jump) return jump;
        break;
      }
      case 'break':
      case 'continue':
        if (locals && !names) return stmt.k;
        break;
      case 'for':
        if (!names && writesNamespace(stmt.body, reader.aliases)) runLoop(stmt, attrs, reader, locals);
        break;
      case 'del':
        for (const t of stmt.targets) {
          if (t.k !== 'name') continue;
          attrs.delete(t.id);
          locals?.delete(t.id);
        }
        break;
      case 'expr': {
        const update = names ? undefined : namespaceUpdate(stmt, reader.aliases);
        if (update) updateNamespace(attrs, reader, reader.value(update, locals), stmt.line);
        break;
      }
      default:
        break;
    }
  }
  return undefined;
}

/** `locals()[key] = value`: the attribute the key names. */
/** `__annotations__[name] = str` in a class body: the key expression, for an annotation written by name. */
function annotationKey(target: Expr): Expr | undefined {
  return target.k === 'sub' && target.obj.k === 'name' && target.obj.id === '__annotations__' ? target.index : undefined;
}

function annotate(attrs: Map<string, OwnAttr>, reader: Reader, key: Expr, ann: Expr, line: number, locals: Map<string, Value> | undefined): void {
  const name = reader.value(key, locals);
  if (name.t === 'str') entry(attrs, name.v, line).ann = ann;
  else reader.problem(line, messages.namespaceKey(unknownCause(name)));
}

function writeKey(attrs: Map<string, OwnAttr>, reader: Reader, key: Expr, value: Value, line: number, locals: Map<string, Value> | undefined): void {
  const name = reader.value(key, locals);
  if (name.t === 'str') setValue(entry(attrs, name.v, line), value);
  else reader.problem(line, messages.namespaceKey(unknownCause(name)));
}

/** `locals().update({...})`: each string key becomes an attribute. */
function updateNamespace(attrs: Map<string, OwnAttr>, reader: Reader, update: Value, line: number): void {
  if (update.t !== 'dict') return reader.problem(line, messages.namespaceKey(unknownCause(update)));
  for (const [key, value] of update.entries) {
    if (key.t === 'str') setValue(entry(attrs, key.v, line), value);
    else reader.problem(line, messages.namespaceKey(unknownCause(key)));
  }
}

/**
 * A class-body loop whose body writes the namespace, run over what it iterates: each item binds the loop
 * variables (class attributes too, until a `del`), then the body runs with them.
 */
function runLoop(stmt: Extract<Stmt, { k: 'for' }>, attrs: Map<string, OwnAttr>, reader: Reader, locals: Map<string, Value> | undefined): void {
  const items = reader.items(stmt.iter, locals);
  if (!Array.isArray(items)) return reader.problem(stmt.line, messages.loopNotRun(reader.cls?.name ?? 'the class', unknownCause(items)));
  for (const item of items) {
    const scope = new Map(locals);
    reader.assign(stmt.target, item, scope);
    for (const name of targetNames(stmt.target)) setValue(entry(attrs, name, stmt.line), scope.get(name)!);
    const jump = collect(stmt.body, attrs, reader, scope);
    if (locals) for (const [name, value] of scope) locals.set(name, value);
    if (jump === 'break') break;
  }
}

/** The names an assignment target binds (`a`, `a, (b, c)`). */
export function targetNames(target: Expr): string[] {
  if (target.k === 'name') return [target.id];
  return target.k === 'tuple' || target.k === 'list' ? target.items.flatMap(targetNames) : [];
}

/** Whether the name is in the class `__dict__` (annotation-only names are not). */
export function inDict(attr: OwnAttr | undefined): boolean {
  return attr !== undefined && (attr.expr !== null || attr.def !== null || attr.isClass || attr.value !== undefined);
}

export function isDunder(name: string): boolean {
  return name.startsWith('__') && name.endsWith('__');
}
