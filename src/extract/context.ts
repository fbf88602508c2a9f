// The evaluation context: every module of the extraction, their scopes, and memoised values.
import type { Dialect } from '../schema/types.js';
import type { ClassDef, FunctionDef } from '../python/summary.js';
import type { CompiledType } from './compiles.js';
import { buildScope, type Binding, type Scope } from './scope.js';
import type { Arguments, ClassInfo, FuncInfo, ModuleInfo, TableRef, Value } from './values.js';

/** Questions only the declarative layer can answer, asked by the evaluator (e.g. `has_inherited_table(cls)`). */
export interface EvalHooks {
  /** a registry maps the class (its columns are mapped attributes, not plain Column objects) */
  isMapped(cls: ClassInfo): boolean;
  hasInheritedTable(cls: ClassInfo): boolean;
  tablenameOf(cls: ClassInfo): Value;
  /** `cls.__table__` is set: the class is mapped to a table (its own or a parent's) */
  hasTable(cls: ClassInfo): boolean;
  /** `__table__` is in `cls.__dict__`: a table of its own (a single-table subclass reads its parent's) */
  ownsTable(cls: ClassInfo): boolean;
  /** `cls.__table__.name` / `.schema`; undefined when the class has no table, or its schema is not known statically */
  tableName(cls: ClassInfo): { name: string; schema: string | null } | undefined;
  /** `table.columns` iterated: the Column objects of a table built so far; undefined when the table is not known */
  /** the Column objects of a table, or of a mapped class's table (`Model.__table__.columns`) */
  tableColumns(table: TableRef | Extract<Value, { t: 'class' }>): Value[] | undefined;
  /** the Column object of a mapped class's table with this key (or name), or why it is not known */
  mappedColumn(cls: ClassInfo, key: string): Value | undefined;
  /** `metadata.tables`: the tables built so far on that MetaData, keyed as it keys them; undefined when it is not known */
  metaTables(meta: Value): Array<[string, Value]> | undefined;
  /** `metadata.schema` / `metadata.naming_convention` as configured so far; undefined when the value is no MetaData */
  metaAttribute(meta: Value, name: 'schema' | 'naming_convention'): Value | undefined;
  /** `cls.name` for a declared_attr up the MRO: what it returns for `cls`, as mapping meets it; undefined for any other */
  declaredAttribute(cls: ClassInfo, name: string): Value | undefined;
}

export interface Project {
  modules: Map<string, ModuleInfo>;
  /** top-level package names of the repository: `import app.x` is ours, `import sqlalchemy` is not */
  topLevel: Set<string>;
  dialect: Dialect;
  scopes: Map<object, Scope>;
  /** memoised values of module-level and class-level bindings ('pending' guards cycles) */
  memo: Map<Binding, Value | 'pending'>;
  classes: Map<ClassDef, ClassInfo>;
  hooks: EvalHooks;
  /** the project's `@compiles` type functions, found before the models are read */
  compiled: CompiledType[];
  /** names module-level code bound through `globals()[name] = ...`, as the scan ran it */
  dynamicGlobals: Map<ModuleInfo, Map<string, Value>>;
  /** how far each module's import-time code has run: the line of the statement being scanned, Infinity once done */
  ranTo: Map<ModuleInfo, number>;
  /** the classes class statements have made so far, in the order they ran (`cls.__subclasses__()` reads them) */
  created: ClassInfo[];
  /** the value each unpacking assignment's right side gave, once for all its targets (per module or class made) */
  unpacked: Map<object, Map<object, Value>>;
  /** module-level `if` tests decided so far: Python runs each once (see resolve.ts moduleTest) */
  tests: Map<object, Value>;
  /** a module-level function's parameter defaults, made once as its `def` runs: every call shares them (`bucket=[]`) */
  defaults: Map<object, Value>;
  /** while a metaclass's `__new__` runs for a class: told the bases its `super().__new__(...)` passes on */
  passedBases?: (bases: Value | undefined) => void;
}

/** A link of a method chain being run (method-chain.ts). */
export interface SuperCall {
  /** runs the rest of the chain with what `super().__init__(...)` passes */
  next(a: Arguments): void;
  /** the instance the chain runs on */
  self: Value;
  /** whether `target.__init__(self, ...)` calls what `super().__init__(...)` would */
  reaches(target: Value): boolean;
}

/** A module name bound at import time other than by a statement of its scope (`globals()[name] = ...`, `:=`). */
export function bindDynamicGlobal(project: Project, mod: ModuleInfo, name: string, value: Value): void {
  let names = project.dynamicGlobals.get(mod);
  if (!names) project.dynamicGlobals.set(mod, (names = new Map()));
  names.set(name, value);
}

/** The method chain the code of `env` runs in, if any. */
export function superCallOf(env: Env): SuperCall | undefined {
  for (let e: Env | undefined = env; e; e = e.parent) if (e.superInit) return e.superInit;
  return undefined;
}

/** Where an expression is evaluated: its module, a class body, function locals. */
export interface Env {
  module: ModuleInfo;
  cls?: ClassInfo;
  locals?: Map<string, Value>;
  /** the enclosing function's environment, for closures */
  parent?: Env;
  /** the names the running function declares `global`: read and bound in its module */
  globals?: Set<string>;
  depth: number;
  /** the method chain a constructor (or an `__init_subclass__` hook) runs in, for its `super()` call */
  superInit?: SuperCall;
  /** the instance (or class) a method runs on: what a zero-argument `super()` binds */
  bound?: Value;
  /** the class whose body defines the running method: a zero-argument `super()` looks up past it */
  owner?: ClassInfo;
  /**
   * A bare name is looked up in the module before the class body: SQLAlchemy evaluates a string annotation (every
   * annotation under `from __future__ import annotations`) in the class namespace updated with the module's.
   */
  globalsFirst?: boolean;
  /**
   * Code that runs at import time (a function called from module level, such as `start_mappers()`) reports
   * what its statements build: a Table, a map_imperatively(...), a column set on a class. Absent elsewhere.
   */
  effects?: (v: Value, file: string, line: number) => void;
  /** inside an `except` clause: the exception class it caught, which a bare `raise` raises again */
  handling?: Value;
  /** a generator function's body: what its `yield`s give so far */
  yields?: Value[];
}

/**
 * `env` for code that runs at import time, its effects reported to `effects`. Every field is spelled out (the
 * type makes a new Env field a compile error here): a literal of one shape is far cheaper than a spread, and
 * this runs for each module-level statement that calls something.
 */
export function withEffects(env: Env, effects: NonNullable<Env['effects']>): Env {
  return {
    module: env.module,
    cls: env.cls,
    locals: env.locals,
    parent: env.parent,
    globals: env.globals,
    depth: env.depth,
    superInit: env.superInit,
    bound: env.bound,
    owner: env.owner,
    globalsFirst: env.globalsFirst,
    effects,
    handling: env.handling,
    yields: env.yields,
  } satisfies Record<keyof Env, unknown>;
}

export interface Ctx {
  project: Project;
  /** evaluation steps left: a runaway helper function ends as unknown, not as a hang */
  budget: { steps: number };
}

const NO_HOOKS: EvalHooks = {
  isMapped: () => false,
  hasInheritedTable: () => false,
  tablenameOf: () => ({ t: 'none' }),
  hasTable: () => false,
  ownsTable: () => false,
  tableName: () => undefined,
  tableColumns: () => undefined,
  mappedColumn: () => undefined,
  metaTables: () => undefined,
  metaAttribute: () => undefined,
  declaredAttribute: () => undefined,
};

export function createProject(modules: ModuleInfo[], dialect: Dialect): Project {
  const map = new Map(modules.map((m) => [m.name, m]));
  const topLevel = new Set(modules.map((m) => m.name.split('.')[0]!));
  return { modules: map, topLevel, dialect, scopes: new Map(), memo: new Map(), classes: new Map(), hooks: NO_HOOKS, compiled: [], dynamicGlobals: new Map(), ranTo: new Map(), created: [], unpacked: new Map(), tests: new Map(), defaults: new Map() };
}

export function moduleScope(project: Project, mod: ModuleInfo): Scope {
  let scope = project.scopes.get(mod);
  if (!scope) {
    scope = buildScope(mod.body, mod);
    project.scopes.set(mod, scope);
  }
  return scope;
}

export function classScope(project: Project, cls: ClassInfo): Scope {
  // a class built by a function call has a body of its own per call (its closure differs)
  const key = cls.closure ? cls : cls.def;
  let scope = project.scopes.get(key);
  if (!scope) {
    // `from ..constants import X` in a class body resolves against the class's module, as Python does
    scope = buildScope(cls.def.body, cls.module);
    project.scopes.set(key, scope);
  }
  return scope;
}

export function classInfo(project: Project, def: ClassDef, module: ModuleInfo, outer?: ClassInfo): ClassInfo {
  // a class nested in one a function made is made anew with it, and sees that function's locals too
  const made = outer?.closure ? (nestedClasses.get(outer) ?? nestedClasses.set(outer, new Map()).get(outer)!) : project.classes;
  let info = made.get(def);
  if (!info) {
    const qual = outer ? `${outer.id.split(':')[1]}.${def.name}` : def.name;
    info = { id: `${module.name}:${qual}`, name: def.name, module, def, ...(outer ? { outer } : {}), ...(outer?.closure ? { closure: outer.closure } : {}) };
    made.set(def, info);
  }
  return info;
}

const nestedClasses = new WeakMap<ClassInfo, Map<ClassDef, ClassInfo>>();

/**
 * A function defined in `owner`'s body (a module-level one without an owner), `bound` to its first parameter.
 * A method of a class made inside a function closes over that function's locals, as the class body does.
 */
export function methodInfo(module: ModuleInfo, def: FunctionDef, owner: ClassInfo | undefined, bound?: Value): FuncInfo {
  return { module, def, ...(bound ? { bound } : {}), ...(owner ? { owner } : {}), ...(owner?.closure ? { closure: owner.closure } : {}) };
}
