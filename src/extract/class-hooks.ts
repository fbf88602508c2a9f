// What runs when a class is created, before declarative maps it: the `__init_subclass__` hooks up the MRO, then
// the metaclass's `__init__`. What they set on the class (`cls.__tablename__ = ...`) becomes its attributes.
import type { Stmt } from '../python/summary.js';
import { bodiesOf, buildsTable } from './builds-schema.js';
import { classHeader, mroOf } from './classes.js';
import { callOf } from './columns.js';
import { classScope, methodInfo, withEffects, type Ctx, type Env } from './context.js';
import { bindingValue } from './resolve.js';
import { evalExpr } from './evaluate.js';
import { callFunction } from './evaluate-func.js';
import { methodChain, runChain } from './method-chain.js';
import type { Extraction } from './state.js';
import { messages } from './messages.js';
import { saSymbol } from './sa-names.js';
import { mappedRegistry } from './model-kind.js';
import { qualnameOf, type ClassInfo, type Value } from './values.js';

/**
 * The metaclass's `__new__` edits the namespace first; type.__new__ then calls `__set_name__` on the attributes
 * that define it and runs the base's `__init_subclass__`; the metaclass's `__init__` runs last. `names` are the
 * body's attribute names, in order.
 */
export function classCreationAttrs(x: Extraction, cls: ClassInfo, names: Iterable<string>): Map<string, Value> {
  const meta = metaclassOf(x.ctx, cls);
  const created = new Map([...setNameAttrs(x, cls, names), ...subclassHookAttrs(x, cls)]);
  if (!meta) return created;
  return new Map([...metaclassNewAttrs(x, cls, meta), ...created, ...metaclassInitAttrs(x, cls, meta)]);
}

const definedMethods = new WeakMap<object, Map<string, boolean>>();

/** Whether any class of the project defines a method of this name (read once per extraction). */
function projectDefines(x: Extraction, method: string): boolean {
  let known = definedMethods.get(x.ctx.project);
  if (!known) definedMethods.set(x.ctx.project, (known = new Map()));
  let found = known.get(method);
  if (found === undefined) {
    const inBody = (body: readonly Stmt[]): boolean =>
      body.some((s) => (s.k === 'class' ? s.body.some((m) => m.k === 'def' && m.name === method) || inBody(s.body) : s.k === 'def' ? inBody(s.body ?? []) : bodiesOf(s).some(inBody)));
    found = [...x.ctx.project.modules.values()].some((m) => inBody(m.body));
    known.set(method, found);
  }
  return found;
}

/**
 * An in-repo metaclass's `__prepare__(mcs, name, bases, **kw)`: the namespace it returns is the one the class body
 * then fills, so what it seeds comes first (tradebook's audit columns for `class Account(Base, audited=True)`).
 * Empty without one; one that cannot be run is reported on the class.
 */
export function preparedNamespace(x: Extraction, cls: ClassInfo): Map<string, Value> {
  const meta = metaclassOf(x.ctx, cls);
  const hook = meta ? methodChain(x.ctx, mroOf(x.ctx, meta), '__prepare__')[0] : undefined;
  if (!meta || !hook) return new Map();
  const fn = methodInfo(hook.owner.module, hook.def, hook.owner, { t: 'class', cls: meta });
  const args: Value[] = [{ t: 'str', v: cls.name }, { t: 'seq', kind: 'tuple', items: classHeader(x.ctx, cls).bases }];
  const ns = callFunction(x.ctx, fn, { args, kwargs: classHeader(x.ctx, cls).keywords }, { module: cls.module, depth: 0 }, cls.def.line);
  if (ns.t !== 'dict' || ns.entries.some(([k]) => k.t !== 'str')) {
    const why = ns.t === 'unknown' ? ns.reason : 'it does not return a namespace known statically';
    const problem = { file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.metaclassHook(meta.name, '__prepare__', why) };
    x.pending.set(cls, [...(x.pending.get(cls) ?? []), problem]);
    return new Map();
  }
  return new Map(ns.entries.map(([k, v]) => [k.t === 'str' ? k.v : '', v]));
}

/**
 * `accessionNo = Code()` where the project's descriptor class defines `__set_name__(self, owner, attr)`: Python
 * calls it as the class is made, and what it sets on the class (`setattr(owner, attr, Column(...))`) replaces the
 * descriptor in its place.
 */
function setNameAttrs(x: Extraction, cls: ClassInfo, names: Iterable<string>): Map<string, Value> {
  const set = new Map<string, Value>();
  // rare: most projects define no `__set_name__`, and their classes' attributes are not looked at here
  if (!projectDefines(x, '__set_name__')) return set;
  const env = { module: cls.module, cls, depth: 0 };
  for (const name of names) {
    const binding = classScope(x.ctx.project, cls).bindings.get(name);
    // only an instance of a project class: a cheap look at the callee before the value is made
    if (binding?.k !== 'expr' || binding.expr.k !== 'call') continue;
    const callee = evalExpr(x.ctx, binding.expr.fn, env);
    const hook = callee.t === 'class' ? methodChain(x.ctx, mroOf(x.ctx, callee.cls), '__set_name__')[0] : undefined;
    if (!hook) continue;
    const instance = bindingValue(x.ctx, binding, env);
    const fn = methodInfo(hook.owner.module, hook.def, hook.owner, instance);
    const made = captureSet(x, cls, (why) => messages.setNameHook(hook.owner.name, name, why), () =>
      callFunction(x.ctx, fn, { args: [{ t: 'class', cls }, { t: 'str', v: name }], kwargs: new Map() }, { module: cls.module, depth: 0 }, binding.line),
    );
    for (const [key, value] of made) set.set(key, value);
  }
  return set;
}

/**
 * The in-repo `__init_subclass__` hooks up the MRO, nearest first: each one's `super().__init_subclass__(**kw)`
 * runs the next, for the same class.
 */
function subclassHookAttrs(x: Extraction, cls: ClassInfo): Map<string, Value> {
  const mro = mroOf(x.ctx, cls);
  const hooks = methodChain(x.ctx, mro.slice(1), '__init_subclass__');
  if (hooks.length === 0) return new Map();
  const owner = hooks[0]!.owner.name;
  // a hook that builds a Table of its own (an audit table per subclass, from `cls.__table__`): not followed
  for (const hook of hooks) {
    if (hook.def.body && buildsTable(hook.def.body)) x.orphans.push({ file: hook.owner.module.file, line: hook.def.line, reason: messages.subclassHookTables(hook.owner.name) });
  }
  const kwargs = classHeader(x.ctx, cls).keywords;
  let atMapping: Map<string, Value> | undefined;
  const set = captureSet(x, cls, (why) => messages.subclassHook(owner, why), () =>
    runChain(x.ctx, hooks, { t: 'class', cls }, { args: [], kwargs }, cls.def.line, () => {
      atMapping = new Map(cls.assigned);
      return { t: 'none' };
    }),
  );
  // DeclarativeBase maps the class in its own __init_subclass__: what a hook sets after calling it is a change
  // to the mapped class (declarative's __setattr__ appends a column to the table), not part of its namespace
  if (!atMapping || !mro.some((e) => e.k === 'value' && MAPS_IN_INIT_SUBCLASS.has(saSymbol(e.value) ?? ''))) {
    // on a class no registry maps, `Handler.handlers[...]` consumers read `handler.queue_table` as the hook set it
    if (mappedRegistry(x, cls) === null) keepOnClass(cls, set);
    return set;
  }
  const after = new Map([...set].filter(([name, value]) => atMapping!.get(name) !== value));
  if (after.size > 0) cls.setAfterMapping = after;
  // what is no column stays readable on the class (`klass.__dict__.get("__extra_table_args__")` while it is mapped)
  keepOnClass(cls, new Map([...atMapping].filter(([, value]) => !callOf(value, 'Column', 'mapped_column'))));
  return atMapping;
}

/** The declarative bases whose `__init_subclass__` maps each subclass (the others map it in their metaclass). */
const MAPS_IN_INIT_SUBCLASS = new Set(['DeclarativeBase', 'DeclarativeBaseNoMeta']);

/**
 * What an in-repo metaclass's `__init__(cls, name, bases, namespace)` sets on the class: the DeclEnum recipe
 * (Bodhi) fills `cls._reg` with the members its subclasses declare. The values stay on the class
 * (`creationSet`), where later reads (`cls._reg` in a classmethod) find them.
 */
function metaclassInitAttrs(x: Extraction, cls: ClassInfo, meta: ClassInfo): Map<string, Value> {
  const init = classScope(x.ctx.project, meta).bindings.get('__init__');
  if (init?.k !== 'def' || !init.def.body) return new Map();
  const args: Value[] = [{ t: 'str', v: cls.name }, { t: 'seq', kind: 'tuple', items: classHeader(x.ctx, cls).bases }, namespaceOf(x, cls)];
  const fn = { module: meta.module, def: init.def, bound: { t: 'class', cls } as Value };
  const set = captureSet(x, cls, (why) => messages.metaclassHook(meta.name, '__init__', why), () =>
    callFunction(x.ctx, fn, { args, kwargs: new Map() }, creationEnv(x, cls), cls.def.line),
  );
  keepOnClass(cls, set);
  return set;
}

/** What creation code set stays on the class for later reads; a later hook's value replaces an earlier one. */
export function keepOnClass(cls: ClassInfo, set: Map<string, Value>): void {
  if (set.size > 0) cls.creationSet = new Map([...(cls.creationSet ?? []), ...set]);
}

/**
 * What an in-repo metaclass's `__new__(mcs, name, bases, namespace)` puts in the namespace before the class is
 * made (`namespace["__tablename__"] = ...`): the entries it adds or replaces become the class's attributes.
 */
function metaclassNewAttrs(x: Extraction, cls: ClassInfo, meta: ClassInfo): Map<string, Value> {
  const create = classScope(x.ctx.project, meta).bindings.get('__new__');
  if (create?.k !== 'def' || !create.def.body) return new Map();
  const namespace = namespaceOf(x, cls);
  if (namespace.t !== 'dict') return new Map();
  const before = new Map(namespace.entries.flatMap(([k, v]) => (k.t === 'str' ? [[k.v, v] as const] : [])));
  const { bases } = classHeader(x.ctx, cls);
  const args: Value[] = [{ t: 'class', cls: meta }, { t: 'str', v: cls.name }, { t: 'seq', kind: 'tuple', items: bases }, namespace];
  const fn = { module: meta.module, def: create.def, owner: meta };
  let failed = false;
  // pisces' `parents = (SchemaBase,) + parents`: a base the class statement does not name, whose MetaData may
  // differ, is not followed
  let otherBases = false;
  const project = x.ctx.project;
  project.passedBases = (passed) => {
    otherBases ||= !(passed?.t === 'seq' && passed.items.length === bases.length && passed.items.every((b, i) => b === bases[i]));
  };
  try {
    captureSet(x, cls, (why) => {
      failed = true;
      return messages.metaclassHook(meta.name, '__new__', why);
    }, () => callFunction(x.ctx, fn, { args, kwargs: classHeader(x.ctx, cls).keywords }, creationEnv(x, cls), cls.def.line));
  } finally {
    project.passedBases = undefined;
  }
  if (otherBases) x.pending.set(cls, [...(x.pending.get(cls) ?? []), { file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: messages.metaclassBases(meta.name) }]);
  if (failed) return new Map();
  // what it added to the namespace, or replaced there
  return new Map(namespace.entries.flatMap(([k, v]) => (k.t === 'str' && before.get(k.v) !== v ? [[k.v, v] as const] : [])));
}

/**
 * Where a creation hook runs: the classes and tables it makes are mapped and exist (sr.ht's `WebhookMeta.__new__`
 * makes a `<Name>Subscription` model with `type(...)` for each webhook class).
 */
function creationEnv(x: Extraction, cls: ClassInfo): Env {
  const env = { module: cls.module, depth: 0 };
  return x.onMappingEffect ? withEffects(env, x.onMappingEffect) : env;
}

/** The namespace the class body filled: `__module__` and `__qualname__` first, then its assignments. */
function namespaceOf(x: Extraction, cls: ClassInfo): Value {
  const env = { module: cls.module, cls, depth: 0 };
  const body = new Map<string, Value>([['__module__', { t: 'str', v: cls.module.name }], ['__qualname__', { t: 'str', v: qualnameOf(cls) }]]);
  for (const s of cls.def.body) {
    const target = s.k === 'assign' ? s.targets[0] : s.k === 'ann' ? s.target : undefined;
    const value = s.k === 'assign' || s.k === 'ann' ? s.value : null;
    if (target?.k === 'name' && value) body.set(target.id, evalExpr(x.ctx, value, env));
  }
  return { t: 'dict', entries: [...body].map(([k, v]): [Value, Value] => [{ t: 'str', v: k }, v]) };
}

/**
 * The in-repo metaclass a class is made by: its own `metaclass=`, else the nearest base's, a base made by
 * `declarative_base(metaclass=...)` included.
 */
function metaclassOf(ctx: Ctx, cls: ClassInfo): ClassInfo | undefined {
  for (const e of mroOf(ctx, cls)) {
    const meta = e.k === 'class' ? classHeader(ctx, e.cls).keywords.get('metaclass') : declarativeBaseMeta(e.value);
    if (meta) return meta.t === 'class' ? meta.cls : undefined;
  }
  return undefined;
}

/**
 * The in-repo metaclass whose `__prepare__` makes the namespace a class body fills, if any: such a namespace may
 * give names meaning the body does not spell (aenum's AutoEnum makes each bare name a member).
 */
export function namespaceMaker(ctx: Ctx, cls: ClassInfo): ClassInfo | undefined {
  const meta = metaclassOf(ctx, cls);
  return meta && methodChain(ctx, mroOf(ctx, meta), '__prepare__').length > 0 ? meta : undefined;
}

function declarativeBaseMeta(base: Value): Value | undefined {
  return base.t === 'call' && saSymbol(base.callee) === 'declarative_base' ? base.kwargs.get('metaclass') : undefined;
}

/**
 * Runs code on a class that is not mapped yet (its creation hooks, the decorators before its mapping): what it sets
 * on it (`cls.x = ...`) is its namespace, gathered in `assigned`, not a change to a table.
 */
export function whileCreating<T>(cls: ClassInfo, run: () => T): { result: T; assigned: Map<string, Value> } {
  const saved = cls.assigned;
  const assigned = new Map<string, Value>();
  cls.assigned = assigned;
  cls.inCreation = true;
  try {
    return { result: run(), assigned };
  } finally {
    cls.inCreation = false;
    cls.assigned = saved;
  }
}

/**
 * Runs code that sets attributes on the class (`cls.x = ...` lands in `cls.assigned`) and returns what it set.
 * One that cannot be run to its end is reported on the class: what it would have set is unknown.
 */
function captureSet(x: Extraction, cls: ClassInfo, reason: (why: string) => string, run: () => Value): Map<string, Value> {
  const { result, assigned: set } = whileCreating(cls, run);
  if (result.t === 'unknown') {
    const problem = { file: cls.module.file, line: cls.def.line, symbol: cls.name, reason: reason(result.reason) };
    x.pending.set(cls, [...(x.pending.get(cls) ?? []), problem]);
  }
  return set;
}
