// Class hierarchies: evaluated bases, keywords (`table=True`), and Python's C3 method resolution order.
import type { Arg, ClassDef, Expr } from '../python/summary.js';
import { moduleScope, type Ctx, type Env } from './context.js';
import type { Binding } from './scope.js';
import { bindingValue } from './resolve.js';
import { evalExpr } from './evaluate.js';
import { isFlaskDb } from './evaluate-attr.js';
import { unknown, type ClassInfo, type Value } from './values.js';
import { sourceText } from './value-text.js';

export interface ClassHeader {
  bases: Value[];
  /** the bases as the class statement wrote them, generic aliases kept (`__orig_bases__`) */
  written: Value[];
  keywords: Map<string, Value>;
  decorators: Value[];
}

/** One class in an MRO: an in-repo class, or an opaque outside value (DeclarativeBase, db.Model ...). */
export type MroEntry = { k: 'class'; cls: ClassInfo } | { k: 'value'; value: Value };

const OBJECT: Value = { t: 'ext', name: 'builtins.object' };
const OBJECT_KEY = 'ext:builtins.object';

const headers = new WeakMap<ClassInfo, ClassHeader>();
const mros = new WeakMap<ClassInfo, MroEntry[]>();

/**
 * `class Entry(with_metaclass(Meta, Base))`, six's recipe (or a project copy of it) for a metaclass in code older
 * than Python 3: the class is made as `class Entry(Base, metaclass=Meta)`. Its arguments, when it is that call.
 */
function withMetaclass(base: Expr): Arg[] | undefined {
  if (base.k !== 'call' || base.args.length === 0 || base.args.some((a) => a.name !== undefined || a.star)) return undefined;
  const { fn } = base;
  return (fn.k === 'name' && fn.id === 'with_metaclass') || (fn.k === 'attr' && fn.name === 'with_metaclass') ? base.args : undefined;
}

/**
 * Where a class's bases and keywords are read: its module (or the factory's locals, or the enclosing class). A
 * module-level class named after its base (`class Table(Table):`) reads the name as it was before the statement.
 */
function baseEnv(ctx: Ctx, cls: ClassInfo): Env {
  const env: Env = { module: cls.module, depth: 0, ...(cls.outer ? { cls: cls.outer } : {}), ...(cls.closure ? { locals: cls.closure } : {}) };
  const own = cls.outer || cls.closure ? undefined : moduleScope(ctx.project, cls.module).bindings.get(cls.name);
  const prev = own && classStatement(own, cls.def)?.prev;
  return prev ? { ...env, locals: new Map([[prev.name, bindingValue(ctx, prev.binding, env)]]) } : env;
}

/** The binding a class statement made, in an `if` branch too (`if HAS_MYSQL: class Table(Table): ...`). */
export function classStatement(b: Binding | undefined, def: ClassDef): Extract<Binding, { k: 'class' }> | undefined {
  if (b?.k === 'class') return b.def === def ? b : undefined;
  return b?.k === 'cond' ? (classStatement(b.then, def) ?? classStatement(b.orelse, def)) : undefined;
}

export function classHeader(ctx: Ctx, cls: ClassInfo): ClassHeader {
  let header = headers.get(cls);
  if (header) return header;
  header = { bases: [...(cls.bases ?? [])], written: [...(cls.bases ?? [])], keywords: new Map(), decorators: [] };
  headers.set(cls, header);
  // a class made by a factory reads its keywords from the factory's locals (`type()` and `types.new_class` keep them there)
  const env = baseEnv(ctx, cls);
  for (const arg of cls.def.bases) {
    const helper = arg.name === undefined && !arg.star ? withMetaclass(arg.value) : undefined;
    if (helper) {
      const [meta, ...bases] = helper.map((a) => evalExpr(ctx, a.value, env));
      if (meta) header.keywords.set('metaclass', meta);
      header.bases.push(...bases);
      header.written.push(...bases);
      continue;
    }
    const value = evalExpr(ctx, arg.value, env);
    if (arg.name !== undefined) header.keywords.set(arg.name, value);
    // `TypeDecorator[datetime]`, `Generic[T]`, `Repo[User]`: the alias's origin is the base (__mro_entries__)
    else if (!arg.star) {
      header.bases.push(value.t === 'generic' ? value.base : value.t === 'unknown' ? { ...value, written: sourceText(arg.value) } : value);
      header.written.push(value);
    }
  }
  header.decorators = cls.def.decorators.map((d) => evalExpr(ctx, d, env));
  return header;
}

function entryKey(e: MroEntry): unknown {
  if (e.k === 'class') return e.cls;
  const v = e.value;
  return v.t === 'ext' ? `ext:${v.name}` : v;
}

function asEntry(v: Value): MroEntry {
  return v.t === 'class' ? { k: 'class', cls: v.cls } : { k: 'value', value: v };
}

/** C3 linearisation; outside classes count as having no bases of their own. */
export function mroOf(ctx: Ctx, cls: ClassInfo): readonly MroEntry[] {
  const known = mros.get(cls);
  if (known) return known;
  mros.set(cls, [{ k: 'class', cls }]);
  const bases = classHeader(ctx, cls).bases.map(asEntry);
  const seqs = bases.map((b) => (b.k === 'class' ? mroOf(ctx, b.cls) : outsideMro(ctx, b)));
  seqs.push(bases);
  const merged = (merge(seqs) ?? depthFirst(ctx, bases)).filter((e) => entryKey(e) !== OBJECT_KEY);
  // every MRO ends with object, as `cls.__mro__[1:-1]` in model code expects
  const result: MroEntry[] = [{ k: 'class', cls }, ...merged, { k: 'value', value: OBJECT }];
  mros.set(cls, result);
  return result;
}

/** The MRO as values (`cls.__mro__`): in-repo classes and outside values alike. */
export function mroValues(ctx: Ctx, cls: ClassInfo): Value[] {
  return mroOf(ctx, cls).map((e) => (e.k === 'class' ? { t: 'class', cls: e.cls } : e.value));
}

/**
 * `declarative_base(cls=Mixin)` makes Mixin a base of every model class. Flask-SQLAlchemy's `db.Model` is built
 * from `model_class` (its body, or `cls=` of a declarative_base): that class's own MRO follows it.
 */
function outsideMro(ctx: Ctx, entry: MroEntry): MroEntry[] {
  if (entry.k !== 'value') return [entry];
  const v = entry.value;
  const mixin = v.t === 'call' ? v.kwargs.get('cls') : v.t === 'attr' && v.name === 'Model' && isFlaskDb(v.obj) && v.obj.t === 'call' ? v.obj.kwargs.get('model_class') : undefined;
  return mixin?.t === 'class' ? [entry, ...mroOf(ctx, mixin.cls)] : [entry];
}

/** C3's merge; `tails` counts, per key, the lists holding it after their head, so each step is linear. */
function merge(seqs: (readonly MroEntry[])[]): MroEntry[] | null {
  const out: MroEntry[] = [];
  const lists = seqs.filter((s) => s.length > 0).map((items) => ({ items, keys: items.map(entryKey), at: 0 }));
  const tails = new Map<unknown, number>();
  const count = (key: unknown, by: number) => tails.set(key, (tails.get(key) ?? 0) + by);
  for (const l of lists) for (let i = 1; i < l.keys.length; i++) count(l.keys[i], 1);
  let live = lists.length;
  while (live > 0) {
    const from = lists.find((l) => l.at < l.keys.length && !tails.get(l.keys[l.at]));
    if (!from) return null;
    const key = from.keys[from.at];
    out.push(from.items[from.at]!);
    for (const l of lists) {
      if (l.at >= l.keys.length || l.keys[l.at] !== key) continue;
      l.at += 1;
      if (l.at < l.keys.length) count(l.keys[l.at], -1);
      else live -= 1;
    }
  }
  return out;
}

function depthFirst(ctx: Ctx, bases: MroEntry[]): MroEntry[] {
  const out: MroEntry[] = [];
  const seen = new Set<unknown>();
  for (const b of bases) {
    for (const e of b.k === 'class' ? mroOf(ctx, b.cls) : [b]) {
      if (!seen.has(entryKey(e))) {
        seen.add(entryKey(e));
        out.push(e);
      }
    }
  }
  return out;
}

/** Outside values anywhere in the hierarchy (DeclarativeBase, enum.Enum, db.Model, TypeDecorator ...). */
export function outsideBases(ctx: Ctx, cls: ClassInfo): Value[] {
  return mroOf(ctx, cls).flatMap((e) => (e.k === 'value' ? [e.value] : []));
}

export function unknownBase(cls: ClassInfo, why: string): Value {
  return unknown(why, cls.module.file, cls.def.line);
}
