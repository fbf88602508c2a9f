// Declarative roots (DeclarativeBase, declarative_base(), db.Model, SQLModel, @registry.mapped) and their MetaData.
import { classScope, type Ctx } from './context.js';
import { classHeader, mroOf, type MroEntry } from './classes.js';
import type { MetaInfo } from './drafts.js';
import { isFlaskDb } from './evaluate-attr.js';
import { superArguments } from './constructors.js';
import { bindingValue } from './resolve.js';
import { constructorArgument } from './sa-arguments.js';
import { isSaName, saSymbol } from './sa-names.js';
import { asBool, type CallValue, type ClassInfo, type Value } from './values.js';
import { unknownCause } from './value-text.js';
import { forwardRef } from './annotations.js';

export type Flavor = 'sqlalchemy' | 'flask' | 'sqlmodel';

export interface Registry {
  flavor: Flavor;
  /** the MetaData a class gets when no class in its hierarchy sets `metadata` */
  meta: MetaInfo;
  typeMap: Array<[Value, Value]>;
  /** Flask-SQLAlchemy: one MetaData per `__bind_key__` (`db.metadatas`), made on first use */
  binds?: Map<string, MetaInfo>;
  /** Flask-SQLAlchemy: false with disable_autonaming=True (see hasFlaskNaming) */
  autonaming?: boolean;
}

/** Per extraction: MetaData identities and the registries of roots. */
export interface RegistryState {
  metas: Map<object, MetaInfo>;
  /** by the root's value, or by the dotted name of a root from outside (each import of it is a value of its own) */
  registries: Map<object | string, Registry>;
  /** the MetaData of tables whose metadata argument is not known */
  fallbackMeta?: MetaInfo;
  nextId: number;
}

export function createRegistryState(): RegistryState {
  return { metas: new Map(), registries: new Map(), nextId: 1 };
}

export function newMeta(state: RegistryState, call: CallValue | undefined): MetaInfo {
  const meta: MetaInfo = { id: state.nextId++, schema: null, naming: new Map(), tokens: new Map() };
  for (const key of ['naming_convention', 'schema'] as const) {
    const value = call && constructorArgument(call, key);
    if (value) configureMeta(meta, key, value);
  }
  return meta;
}

/** `MetaData(naming_convention=..., schema=...)`, or the same attributes set on the MetaData afterwards. */
export function configureMeta(meta: MetaInfo, attr: 'naming_convention' | 'schema', value: Value): void {
  if (attr === 'schema') {
    meta.schema = value.t === 'str' ? value.v : null;
    if (value.t === 'str' || value.t === 'none') delete meta.schemaUnknown;
    else meta.schemaUnknown = unknownCause(value);
    return;
  }
  meta.naming = new Map();
  meta.tokens = new Map();
  delete meta.namingUnknown;
  delete meta.convention;
  if (value.t === 'none') return;
  if (value.t !== 'dict') {
    const at = value.t === 'unknown' || value.t === 'call' ? { file: value.file, line: value.line } : { file: '', line: 0 };
    meta.namingUnknown = { reason: unknownCause(value), ...at };
    return;
  }
  meta.convention = value;
  for (const [k, v] of value.entries) {
    const key = k.t === 'str' ? k.v : k.t === 'ext' || k.t === 'class' ? saSymbol(k) ?? (k.t === 'class' ? k.cls.name : k.name) : null;
    if (!key) continue;
    if (v.t === 'str') meta.naming.set(conventionKey(key), v.v);
    else meta.tokens.set(conventionKey(key), v);
  }
}

/** Convention keys may be classes: UniqueConstraint -> uq, Index -> ix ... */
function conventionKey(key: string): string {
  const byClass: Record<string, string> = { UniqueConstraint: 'uq', Index: 'ix', CheckConstraint: 'ck', ForeignKeyConstraint: 'fk', PrimaryKeyConstraint: 'pk' };
  return byClass[key] ?? key;
}

/** The MetaInfo of a `MetaData(...)` value (same object, same MetaData); undefined for anything else. */
export function metaOfValue(ctx: Ctx, state: RegistryState, v: Value): MetaInfo | undefined {
  if (v.t === 'call' && isSaName(v.callee, 'MetaData')) {
    let meta = state.metas.get(v);
    if (!meta) {
      meta = newMeta(state, v);
      state.metas.set(v, meta);
    }
    return meta;
  }
  if (v.t === 'attr' && v.name === 'metadata') return registryOfValue(ctx, state, v.obj)?.meta;
  if (v.t === 'clsattr' && v.name === 'metadata') return metadataFor(ctx, state, v.cls);
  if (v.t === 'ext' && /^sqlmodel\.(main\.)?SQLModel\.metadata$/.test(v.name)) return sqlModelRegistry(state).meta;
  if (v.t === 'call' && isFlaskDb(v)) return flaskRegistry(ctx, state, v).meta;
  return undefined;
}

/** SQLModel keeps one MetaData for every model: one registry key for all of them. */
const SQLMODEL_KEY = {};

function sqlModelRegistry(state: RegistryState): Registry {
  const key = SQLMODEL_KEY;
  let reg = state.registries.get(key);
  if (!reg) {
    reg = { flavor: 'sqlmodel', meta: newMeta(state, undefined), typeMap: [] };
    state.registries.set(key, reg);
  }
  return reg;
}

function memoRegistry(state: RegistryState, key: object, make: () => Registry): Registry {
  let reg = state.registries.get(key);
  if (!reg) {
    reg = make();
    state.registries.set(key, reg);
  }
  return reg;
}

function typeMapOf(v: Value | undefined): Array<[Value, Value]> {
  return v?.t === 'dict' ? v.entries : [];
}

export function flaskRegistry(ctx: Ctx, state: RegistryState, db: CallValue): Registry {
  return memoRegistry(state, db, () => {
    const kwargs = extensionKwargs(ctx, db);
    const modelClass = kwargs.get('model_class');
    const base = modelClass ? registryOfValue(ctx, state, modelClass) : undefined;
    // a 2.x declarative model_class brings its own MetaData: Flask-SQLAlchemy 3.1 then ignores `metadata=` (with a
    // DeprecationWarning), its naming convention with it
    const isDeclarative2x = modelClass?.t === 'class' && mroOf(ctx, modelClass.cls).some((e) => e.k === 'value' && ROOT_BASES.has(saSymbol(e.value) ?? ''));
    const md = isDeclarative2x ? undefined : kwargs.get('metadata');
    const meta = (md && metaOfValue(ctx, state, md)) ?? base?.meta ?? newMeta(state, undefined);
    return { flavor: 'flask', meta, typeMap: base?.typeMap ?? [], autonaming: asBool(kwargs.get('disable_autonaming')) !== true };
  });
}

/**
 * The keywords Flask-SQLAlchemy's own `__init__` receives: a project subclass's constructor may add some
 * (`kwargs.update(metadata=MetaData(naming_convention=...))` before `super().__init__(**kwargs)`). When that
 * constructor cannot be run statically, the call's own keywords.
 */
function extensionKwargs(ctx: Ctx, db: CallValue): ReadonlyMap<string, Value> {
  const passed = db.callee.t === 'class' ? superArguments(ctx, db.callee.cls, { args: db.args, kwargs: db.kwargs }, db) : undefined;
  return passed && !('t' in passed) ? passed.kwargs : db.kwargs;
}

/** Flask-SQLAlchemy's NameMixin applies: automatic table names, and no table for a subclass without a primary key. */
export function hasFlaskNaming(reg: Registry | null | undefined): boolean {
  return reg?.flavor === 'flask' && reg.autonaming !== false;
}

/** The registry a root value stands for: declarative_base(), registry(), db.Model, SQLModel, a root class. */
export function registryOfValue(ctx: Ctx, state: RegistryState, v: Value): Registry | undefined {
  if (v.t === 'class') return isRootClass(ctx, v.cls) ? rootClassRegistry(ctx, state, v.cls) : undefined;
  if (v.t === 'ext' && saSymbol(v) === 'sqlmodel.SQLModel') return sqlModelRegistry(state);
  if (v.t === 'attr' && v.name === 'Model' && v.obj.t === 'call' && isFlaskDb(v.obj)) return flaskRegistry(ctx, state, v.obj);
  if (v.t === 'call' && isFlaskDb(v)) return flaskRegistry(ctx, state, v);
  if (v.t !== 'call') return undefined;
  const sym = saSymbol(v.callee);
  if (sym === 'declarative_base' || sym === 'registry' || sym === 'as_declarative') {
    return memoRegistry(state, v, () => {
      const md = v.kwargs.get('metadata');
      return { flavor: 'sqlalchemy', meta: (md && metaOfValue(ctx, state, md)) ?? newMeta(state, undefined), typeMap: typeMapOf(v.kwargs.get('type_annotation_map')) };
    });
  }
  // registry().generate_base()
  if (v.callee.t === 'attr' && v.callee.name === 'generate_base') return registryOfValue(ctx, state, v.callee.obj);
  return undefined;
}

const ROOT_BASES = new Set(['DeclarativeBase', 'DeclarativeBaseNoMeta']);

/** `class Base(DeclarativeBase)`: the root itself is not mapped; its subclasses are. */
export function isRootClass(ctx: Ctx, cls: ClassInfo): boolean {
  return classHeader(ctx, cls).bases.some((b) => ROOT_BASES.has(saSymbol(b) ?? '')) || isDeclarativeByDecorator(ctx, cls) || isDeclarativeMetaRoot(ctx, cls);
}

/**
 * `class Base(metaclass=DeclarativeMeta)` whose body sets `registry = mapper_registry` (SQLAlchemy's recipe for a
 * base without declarative_base(); Galaxy's): its subclasses are mapped in that registry. SQLAlchemy would map
 * the root too unless it is `__abstract__`, which the recipe always is.
 */
function isDeclarativeMetaRoot(ctx: Ctx, cls: ClassInfo): boolean {
  const meta = classHeader(ctx, cls).keywords.get('metaclass');
  const isDeclarativeMeta = (v: Value): boolean => saSymbol(v) === 'DeclarativeMeta' || (v.t === 'class' && mroOf(ctx, v.cls).some((e) => e.k === 'value' && saSymbol(e.value) === 'DeclarativeMeta'));
  return meta !== undefined && isDeclarativeMeta(meta) && classScope(ctx.project, cls).bindings.has('registry');
}

/** A root made by `@as_declarative(...)` or `@reg.as_declarative_base()`. */
export function isDeclarativeByDecorator(ctx: Ctx, cls: ClassInfo): boolean {
  return classHeader(ctx, cls).decorators.some((d) => declarativeDecorator(d) !== undefined);
}

/**
 * `@as_declarative(metadata=...)` (a registry of its own, made from those keywords) or `@reg.as_declarative_base()`
 * on a root class: the value registryOfValue reads; undefined for any other decorator.
 */
function declarativeDecorator(d: Value): Value | undefined {
  if (d.t === 'call' && saSymbol(d.callee) === 'as_declarative') return d;
  const target = d.t === 'call' ? d.callee : d;
  return target.t === 'attr' && target.name === 'as_declarative_base' ? target.obj : undefined;
}

function classValue(ctx: Ctx, cls: ClassInfo, name: string): Value | undefined {
  const binding = classScope(ctx.project, cls).bindings.get(name);
  return binding ? bindingValue(ctx, binding, { module: cls.module, cls, depth: 0 }) : undefined;
}

function rootClassRegistry(ctx: Ctx, state: RegistryState, cls: ClassInfo): Registry {
  return memoRegistry(state, cls, () => {
    const reg = classValue(ctx, cls, 'registry') ?? classHeader(ctx, cls).decorators.map(declarativeDecorator).find((v) => v !== undefined);
    const fromReg = reg ? registryOfValue(ctx, state, reg) : undefined;
    const md = classValue(ctx, cls, 'metadata');
    const meta = (md && metaOfValue(ctx, state, md)) ?? fromReg?.meta ?? newMeta(state, undefined);
    // a key's forward references (`dict[str, Union[str, "JSON"]]`) resolved as an annotation's are, so the two compare
    const own = typeMapOf(classValue(ctx, cls, 'type_annotation_map')).map(([k, v]): [Value, Value] => [k.t === 'generic' ? forwardRef(ctx, k, cls.module) : k, v]);
    return { flavor: 'sqlalchemy', meta, typeMap: [...(fromReg?.typeMap ?? []), ...own] };
  });
}

/** `@reg.mapped` / `@reg.mapped_as_dataclass`, SQLAlchemy's registry decorators. */
export function isRegistryMapping(d: Value): boolean {
  const target = d.t === 'call' ? d.callee : d;
  return target.t === 'attr' && /^mapped(_as_dataclass)?$/.test(target.name);
}

/** The registry of a class: the first root in its MRO, or the registry of a `@reg.mapped` decorator. */
export function registryOf(ctx: Ctx, state: RegistryState, cls: ClassInfo): Registry | undefined {
  for (const d of [...classHeader(ctx, cls).decorators, ...(cls.mappedBy ? [cls.mappedBy] : [])]) {
    const target = d.t === 'call' ? d.callee : d;
    if (isRegistryMapping(target) && target.t === 'attr') return registryOfValue(ctx, state, target.obj);
  }
  for (const e of mroOf(ctx, cls)) {
    const reg = registryOfEntry(ctx, state, e);
    if (reg) return reg;
  }
  return undefined;
}

function registryOfEntry(ctx: Ctx, state: RegistryState, e: MroEntry): Registry | undefined {
  if (e.k === 'class') return isRootClass(ctx, e.cls) ? rootClassRegistry(ctx, state, e.cls) : undefined;
  return registryOfValue(ctx, state, e.value);
}

/**
 * Flask-SQLAlchemy's `db._make_metadata(bind_key)`: a MetaData per bind, with the default one's naming
 * convention (flask_sqlalchemy/extension.py); the None bind is the default MetaData.
 */
export function bindMetadata(state: RegistryState, reg: Registry, key: string | null): MetaInfo {
  if (key === null) return reg.meta;
  reg.binds ??= new Map();
  let meta = reg.binds.get(key);
  if (!meta) {
    meta = { ...newMeta(state, undefined), naming: new Map(reg.meta.naming), tokens: new Map(reg.meta.tokens), ...(reg.meta.convention ? { convention: reg.meta.convention } : {}) };
    reg.binds.set(key, meta);
  }
  return meta;
}

/**
 * A Flask-SQLAlchemy model that sets no `metadata` (nor `__table__`) itself gets the MetaData of the bind its
 * `__bind_key__` names (its own or inherited), the default one without: a `metadata` an abstract parent set is not
 * inherited (BindMetaMixin / BindMixin in flask_sqlalchemy/model.py, 3.x). Undefined when the key is not known.
 */
function flaskBindMeta(ctx: Ctx, state: RegistryState, cls: ClassInfo, reg: Registry): MetaInfo | undefined {
  const own = classScope(ctx.project, cls).bindings;
  if (own.has('metadata') || own.has('__table__')) return undefined;
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'class' || !classScope(ctx.project, e.cls).bindings.has('__bind_key__')) continue;
    const key = classValue(ctx, e.cls, '__bind_key__');
    if (key?.t === 'str' || key?.t === 'none') return bindMetadata(state, reg, key.t === 'str' ? key.v : null);
    return undefined;
  }
  return reg.meta;
}

/** `getattr(cls, 'metadata')`: the first class in the MRO that sets `metadata`, else the registry's. */
export function metadataFor(ctx: Ctx, state: RegistryState, cls: ClassInfo): MetaInfo | undefined {
  const reg = registryOf(ctx, state, cls);
  const bound = reg?.flavor === 'flask' ? flaskBindMeta(ctx, state, cls, reg) : undefined;
  if (bound) return bound;
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'class') continue;
    const md = classValue(ctx, cls === e.cls ? cls : e.cls, 'metadata');
    const meta = md ? metaOfValue(ctx, state, md) : undefined;
    if (meta) return meta;
  }
  return reg?.meta;
}
