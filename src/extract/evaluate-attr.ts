// Attribute access in the static evaluator: modules, classes, tables (`t.c.col`), Flask's `db.X`.
import type { Ctx, Env } from './context.js';
import { classScope, methodInfo } from './context.js';
import type { Binding } from './scope.js';
import type { Expr, FunctionDef } from '../python/summary.js';
import { classHeader, mroOf, mroValues } from './classes.js';
import { enumMemberNames, enumMemberValue, enumMembers, isEnumClass, memberInitFailure } from './enums.js';
import { bindingValue, moduleAttribute, outsideName } from './resolve.js';
import { OUTSIDE_FLASK_DBS } from './outside-libraries.js';
import { isProjectDunder, lacksAttribute, libraryNamespace, outsideClassName, outsideValue } from './outside-attrs.js';
import { isSaName, pyName, saSymbol } from './sa-names.js';
import { callOf } from './columns.js';
import { isDeclaredAttr } from './model-kind.js';
import { evalExpr } from './evaluate.js';
import { callFunction } from './evaluate-func.js';
import { columnCallIn, construct, creationOrderOf } from './evaluate-call.js';
import { builtinException, isTruthy, qualnameOf, raising, record, strOrNone, unknown, type CallValue, type ClassInfo, type FuncInfo, type Value } from './values.js';
import { isTypeValue, typeAttribute } from './type-of.js';
import { DICT_METHODS, mappingContent } from './mapping-instances.js';
import { writesNamespace } from './class-namespace.js';
import { isDeclarativeByDecorator } from './registry.js';
import { isNamedTupleClass, isPydanticModel, isRecordClass, recordField } from './record-classes.js';

/** Attributes of a Flask-SQLAlchemy `db` object that are not SQLAlchemy names. */
const FLASK_DB_OWN = new Set(['Model', 'Table', 'metadata', 'metadatas', 'session', 'engine', 'engines', 'Query']);

const COLLECTION_METHODS = new Set(['keys', 'values', 'items']);

export function attributeOf(ctx: Ctx, obj: Value, name: string, env: Env, line: number): Value {
  // `Base.metadata.schema`, `metadata.naming_convention`: as the MetaData is configured (a later `metadata.schema = ...` too)
  const isMetaAttribute = (name === 'schema' || name === 'naming_convention') && (obj.t === 'call' || obj.t === 'clsattr' || obj.t === 'attr' || obj.t === 'ext');
  const configured = isMetaAttribute ? ctx.project.hooks.metaAttribute(obj, name) : undefined;
  if (configured) return configured;
  // `vars(DeclarativeBase)`, `db.Model.__dict__`, a declarative_base()'s: what the library's namespace is known to hold
  const namespace = name === '__dict__' ? libraryNamespace(obj) : undefined;
  if (namespace) return namespace;
  switch (obj.t) {
    case 'unknown':
      return obj;
    case 'module': {
      // `module.__dict__["name"]` reads the name (evaluate.ts); the whole namespace is never built
      if (name === '__dict__') return { t: 'attr', obj, name };
      return moduleAttribute(ctx, obj.module, name, env.module.file, line);
    }
    case 'ext': {
      const className = name === '__name__' ? outsideClassName(obj) : undefined;
      if (className !== undefined) return { t: 'str', v: className };
      return outsideName(ctx, `${obj.name}.${name}`, env.module.file, line);
    }
    case 'class': {
      const found = classAttribute(ctx, obj.cls, name, line);
      // `cls.__table_prefix__` on a class that lacks the knob: AttributeError, which a helper's `try` may catch
      if (found.t === 'clsattr' && found.missing && isProjectDunder(name) && certainlyLacks(ctx, obj, name)) {
        return raising(builtinException('AttributeError'), `${obj.cls.name} has no attribute ${name}`, env.module.file, line);
      }
      return found;
    }
    case 'clsattr': {
      if (obj.name === '__table__' && (name === 'c' || name === 'columns')) return { ...obj, name: '__table__.c' };
      if (obj.name === '__table__.c') return name === 'get' ? { t: 'attr', obj, name } : { ...obj, name };
      if (obj.name === '__table__' && (name === 'name' || name === 'schema' || name === 'fullname')) return tableNamePart(ctx, obj.cls, name, line);
      // `getattr(value, "column", value).primary_key` over a class's namespace: what its Column was made with
      const column = COLUMN_ATTRS.has(name) || name === 'column' ? columnBehind(ctx, obj.cls, obj.name) : undefined;
      if (column && name === 'column' && saSymbol(column.callee) === 'Column') return raising(builtinException('AttributeError'), `Column has no attribute ${name}`, env.module.file, line);
      return (column && columnAttribute(ctx, column, name)) ?? { t: 'attr', obj, name };
    }
    case 'call': {
      const engine = engineAttribute(obj, name);
      if (engine) return engine;
      // `super().__init__` and `super().__init_subclass__` run the method chain they are called in (method-chain.ts)
      const inherited = isSuperCall(obj) && name !== '__init__' && name !== '__init_subclass__' ? superMember(ctx, obj, name, line) : undefined;
      return inherited && inherited !== 'outside' ? inherited : instanceAttribute(ctx, obj, name);
    }
    case 'attr': {
      // `db.Model.primary_key()`: db.Model subclasses the model_class, whose attributes it has
      const modelClass = obj.name === 'Model' && obj.obj.t === 'call' && isFlaskDb(obj.obj) ? obj.obj.kwargs.get('model_class') : undefined;
      const found = modelClass?.t === 'class' ? classAttribute(ctx, modelClass.cls, name, line) : undefined;
      return found && !(found.t === 'clsattr' && found.missing) ? found : { t: 'attr', obj, name };
    }
    case 'func':
      return name === 'fget' && isDescriptor(obj) ? unboundFunction(obj) : { t: 'attr', obj, name };
    case 'tablecols':
      // ColumnCollection's own methods win over a column of that key
      return COLLECTION_METHODS.has(name) ? { t: 'attr', obj, name } : { t: 'tablecol', table: obj.table, name };
    case 'tablecol': {
      // `src.c.id.type`, `md.tables["src"].c.id.type`: what the Table's Column was made with
      const columns = COLUMN_ATTRS.has(name) ? (obj.table.t === 'call' ? obj.table.args : ctx.project.hooks.tableColumns(obj.table)) : undefined;
      const column = columns && columnCallIn(columns, obj.name);
      return (column && columnAttribute(ctx, column, name)) ?? { t: 'attr', obj, name };
    }
    case 'generic': {
      const base = pyName(obj.base);
      // `Status.__args__` of `Literal["booked", "done"]`: its values (other generics flatten or reorder theirs)
      if (name === '__args__' && base === 'typing.Literal') return { t: 'seq', kind: 'tuple', items: obj.args };
      // `money.__metadata__[0]` of `Annotated[Decimal, mapped_column(...)]`: what follows the type; `__origin__` the type
      if (name === '__metadata__' && base === 'typing.Annotated') return { t: 'seq', kind: 'tuple', items: obj.args.slice(1) };
      if (name === '__origin__' && base === 'typing.Annotated' && obj.args[0]) return obj.args[0];
      // typing forwards other attributes to the origin: `Annotated[datetime, ...].now` is `datetime.now`
      if (base === 'typing.Annotated' && obj.args[0] && !name.startsWith('__')) return attributeOf(ctx, obj.args[0], name, env, line);
      return { t: 'attr', obj, name };
    }
    case 'metatable': {
      if (name === 'c' || name === 'columns') return { t: 'tablecols', table: obj };
      // MetaData.tables keys a table "schema.name", or "name" when it has no schema
      const dot = obj.name.indexOf('.');
      if (name === 'name') return { t: 'str', v: obj.name.slice(dot + 1) };
      if (name === 'schema') return dot < 0 ? { t: 'none' } : { t: 'str', v: obj.name.slice(0, dot) };
      return { t: 'attr', obj, name };
    }
    default:
      return { t: 'attr', obj, name };
  }
}

/**
 * `create_engine("sqlite:///:memory:").name` (or `.dialect.name`): the dialect its literal URL names, the part before
 * `+driver://` (balrog picks a column type by it); undefined for anything else.
 */
function engineAttribute(obj: CallValue, name: string): Value | undefined {
  if ((name !== 'name' && name !== 'dialect') || saSymbol(obj.callee) !== 'create_engine') return undefined;
  const url = obj.args[0];
  const dialect = url?.t === 'str' ? /^([a-z][a-z0-9]*)(?:\+[\w.]+)?:\/\//i.exec(url.v)?.[1] : undefined;
  if (dialect === undefined) return undefined;
  const text: Value = { t: 'str', v: dialect.toLowerCase() };
  return name === 'name' ? text : record({ name: text });
}

/** `Model.__table__.name`, `.schema`, `.fullname` (`"schema.name"`, as `ForeignKey(f"{Model.__table__.fullname}.id")` reads it). */
function tableNamePart(ctx: Ctx, cls: ClassInfo, part: 'name' | 'schema' | 'fullname', line: number): Value {
  const table = ctx.project.hooks.tableName(cls);
  if (!table) return unknown(`the table of ${cls.name} is not known statically`, cls.module.file, line);
  if (part === 'name') return { t: 'str', v: table.name };
  if (part === 'schema') return strOrNone(table.schema);
  return { t: 'str', v: table.schema === null ? table.name : `${table.schema}.${table.name}` };
}

function instanceAttribute(ctx: Ctx, obj: CallValue, name: string): Value {
  // only mapped classes carry a table; a declarative base or any other object has none
  if (name === '__table__') return { t: 'none' };
  const className = name === '__name__' ? outsideClassName(obj) : undefined;
  if (className !== undefined) return { t: 'str', v: className };
  const pseudo = obj.callee.t === 'ext' ? obj.callee.name : '';
  // `src.c.id.type.__class__`: the class an object was made by
  if (name === '__class__' && (obj.callee.t === 'class' || (obj.callee.t === 'ext' && !pseudo.startsWith('schemaguard.')))) return obj.callee;
  // records the extractor builds for callables it runs (enum members, constraints for naming tokens)
  if (pseudo === 'schemaguard.Record') return obj.kwargs.get(name) ?? enumMemberAttribute(ctx, obj, name) ?? { t: 'attr', obj, name };
  if (pseudo === 'schemaguard.Dialect') {
    if (name === 'name') return { t: 'str', v: ctx.project.dialect };
    if (name === 'type_descriptor') return { t: 'ext', name: 'schemaguard.type_descriptor' };
  }
  if (obj.callee.t === 'class') construct(ctx, obj, obj.callee.cls);
  // TypeDecorator.impl_instance is the `impl` its constructor made
  const own = obj.attrs?.get(name === 'impl_instance' ? 'impl' : name) ?? columnAttribute(ctx, obj, name) ?? typeAttribute(ctx, obj, name);
  if (own) return own;
  if (name === 'Model' && isFlaskDb(obj)) return flaskModel(ctx, obj);
  if (isTableCall(obj) && (name === 'c' || name === 'columns')) return { t: 'tablecols', table: obj };
  // `Index(f"ix_{tbl.name}_ts", ...)`: the name as given (Table's first argument)
  if (isTableCall(obj) && name === 'name' && obj.args[0]) return obj.args[0];
  // `t.schema`: the one given (None as well as no schema= leaves its MetaData's), else the MetaData's
  if (isTableCall(obj) && name === 'schema') {
    const given = obj.kwargs.get('schema');
    if (given && given.t !== 'none') return given;
    return (obj.args[1] && ctx.project.hooks.metaAttribute(obj.args[1], 'schema')) ?? { t: 'none' };
  }
  // a dataclass or NamedTuple instance holds its fields
  const field = obj.callee.t === 'class' && isRecordClass(ctx, obj.callee.cls) ? recordField(ctx, obj, obj.callee.cls, name) : undefined;
  if (field) return field;
  // `settings = Settings()`: an instance reads the class's constants (what __init__ sets stays unknown); a project
  // subclass of Flask-SQLAlchemy's extension reads its own (`self._naming_convention`) before SQLAlchemy's names
  const member = obj.callee.t === 'class' ? instanceMember(ctx, obj, obj.callee.cls, name) : undefined;
  if (member) return member;
  if (isFlaskDb(obj) && !FLASK_DB_OWN.has(name)) return { t: 'ext', name: `sqlalchemy.${name}` };
  const fromMixin = baseMixinAttribute(ctx, obj, name, obj.line);
  if (fromMixin) return fromMixin;
  return (obj.callee.t === 'class' ? missingAttribute(ctx, obj, obj.callee.cls, name) : undefined) ?? { t: 'attr', obj, name };
}

/** What `declarative_base()` / `generate_base()` put in the Base class's own namespace, over its `cls=`'s. */
const BASE_OWN = new Set(['registry', 'metadata', '__doc__', '__init__', '__abstract__', '__mapper_cls__']);

/**
 * `BASEV2.__table_args__` of `BASEV2 = declarative_base(cls=NeutronBaseV2)`: the Base class subclasses its `cls=`,
 * so it reads that class's attributes (neutron's models end their `__table_args__` tuples with it).
 */
function baseMixinAttribute(ctx: Ctx, obj: CallValue, name: string, line: number): Value | undefined {
  const mixin = isRootValue(obj) && !BASE_OWN.has(name) ? obj.kwargs.get('cls') : undefined;
  if (mixin?.t !== 'class') return undefined;
  const found = classAttribute(ctx, mixin.cls, name, line);
  return found.t === 'clsattr' && found.missing ? undefined : found;
}

/**
 * What an instance gives for a name neither it nor its class holds: a dict subclass's own method over its items,
 * else what the class's `__getattr__` answers (`storage.__getattr__` reading `self[key]`).
 */
function missingAttribute(ctx: Ctx, obj: CallValue, cls: ClassInfo, name: string): Value | undefined {
  const content = DICT_METHODS.has(name) ? mappingContent(ctx, obj) : undefined;
  if (content) return { t: 'attr', obj: content, name };
  // a library class's instance answers from the library (a Flask-SQLAlchemy subclass handing `super().__getattr__` on)
  const overLibrary = mroOf(ctx, cls).some((e) => e.k === 'value' && !pyName(e.value)?.startsWith('builtins.'));
  const hook = name.startsWith('__') || overLibrary ? undefined : specialMethod(ctx, obj, '__getattr__');
  return hook && callBound(ctx, hook, obj, [{ t: 'str', v: name }], obj.line);
}

/** A special method an instance's project class defines (`__getitem__`, `__getattr__`); undefined when none does. */
export function specialMethod(ctx: Ctx, obj: CallValue, name: string): FuncInfo | undefined {
  if (obj.callee.t !== 'class') return undefined;
  const found = classAttribute(ctx, obj.callee.cls, name, obj.line);
  return found.t === 'func' && found.fn.def.body ? found.fn : undefined;
}

/** `method` run on `self` with positional arguments, as Python calls a special method (`env`: the caller's, for its depth). */
export function callBound(ctx: Ctx, method: FuncInfo, self: Value, args: Value[], line: number, env: Env = { module: method.module, depth: 0 }): Value {
  return callFunction(ctx, { ...method, bound: self }, { args, kwargs: new Map() }, env, line);
}

/** What an instance reads from its class: a property run on it, a method bound to it, a constant; undefined for a column or a name the class lacks. */
function instanceMember(ctx: Ctx, obj: CallValue, cls: ClassInfo, name: string): Value | undefined {
  if (name.startsWith('__')) return undefined;
  const found = classAttribute(ctx, cls, name, obj.line);
  if (found.t === 'func') return isProperty(found) ? callFunction(ctx, { ...found.fn, bound: obj }, { args: [], kwargs: new Map() }, { module: found.fn.module, depth: 0 }, obj.line) : boundMethod(found, obj, cls);
  return found.t === 'clsattr' ? undefined : found;
}

/**
 * `Tier.RAW.table_name`: an enum member reads its class's properties and methods, bound to it. A member whose
 * `__init__` stopped half-way does not know what else that `__init__` would have set.
 */
function enumMemberAttribute(ctx: Ctx, member: CallValue, name: string): Value | undefined {
  const owner = member.kwargs.get('__class__');
  const memberName = member.kwargs.get('name');
  if (owner?.t !== 'class' || memberName?.t !== 'str') return undefined;
  const found = instanceMember(ctx, member, owner.cls, name);
  const failed = memberInitFailure(ctx, owner.cls, memberName.v);
  return failed && found?.t !== 'func' ? failed : found;
}

/**
 * The Column (or mapped_column) call that the class body binding `name` (up the MRO) holds, or a declared_attr there
 * returns for `cls` (sqlalchemy_mptt's `cls.left.name` in its `__table_args__`).
 */
export function columnBehind(ctx: Ctx, cls: ClassInfo, name: string): CallValue | undefined {
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'class') continue;
    const binding = classScope(ctx.project, e.cls).bindings.get(name);
    if (!binding) continue;
    if (binding.k === 'expr') return callOf(bindingValue(ctx, binding, { module: e.cls.module, cls: e.cls, depth: 0 }), 'Column', 'mapped_column');
    const declared = binding.k === 'def' ? ctx.project.hooks.declaredAttribute(cls, name) : undefined;
    return declared && callOf(declared, 'Column', 'mapped_column');
  }
  return undefined;
}

/** Column attributes read from its construction, with the value Column.__init__ gives when the argument is left out. */
const COLUMN_ATTRS = new Set(['primary_key', 'name', 'key', 'type', 'nullable', 'unique', 'index', 'comment', 'default', 'server_default', '_creation_order']);

/**
 * What a `Column(...)` holds from its construction, for code that reads it (`isinstance(v, Column) and
 * v.primary_key`, `Stamp().type`, `Column(c.name, c.type, nullable=c.nullable)`). The type only when given: a
 * type-less foreign key column's comes later.
 */
function columnAttribute(ctx: Ctx, obj: CallValue, name: string): Value | undefined {
  // `mapped_column(...).column`: the Column it holds, made of the same arguments
  if (name === 'column' && saSymbol(obj.callee) === 'mapped_column') return { ...obj, callee: { t: 'ext', name: 'sqlalchemy.Column' } };
  if (!COLUMN_ATTRS.has(name) || saSymbol(obj.callee) !== 'Column') return undefined;
  const first = obj.args[0];
  const given = obj.kwargs.get(name);
  switch (name) {
    case 'primary_key':
      return given ?? { t: 'bool', v: false };
    case 'nullable': {
      if (given) return given;
      const pk = obj.kwargs.get('primary_key');
      const isPk = pk ? isTruthy(pk) : false;
      return isPk === undefined ? unknown('nullable of a column whose primary_key is not known statically', obj.file, obj.line) : { t: 'bool', v: !isPk };
    }
    case 'name':
      return first?.t === 'str' ? first : (given ?? { t: 'none' });
    case 'key':
      return given ?? columnAttribute(ctx, obj, 'name');
    case 'type': {
      const type = obj.kwargs.get('type_') ?? (first?.t === 'str' ? obj.args[1] : first);
      if (!type || !isTypeValue(ctx, type)) return undefined;
      // a type given as a class is an instance on the Column (`c.type.__class__` is the class)
      return type.t === 'ext' || type.t === 'class' ? { t: 'call', callee: type, args: [], kwargs: new Map(), file: obj.file, line: obj.line, expr: obj.expr } : type;
    }
    case '_creation_order': {
      const order = creationOrderOf(obj);
      return order === undefined ? undefined : { t: 'num', v: order };
    }
    default:
      return given ?? { t: 'none' };
  }
}

/** Instances of project subclasses of Flask-SQLAlchemy's extension (`class SQLA(SQLAlchemy)`), noted when made. */
const flaskDbInstances = new WeakSet<CallValue>();

/** A call of an in-repo class: an instance of a subclass of Flask-SQLAlchemy's extension is a `db`. */
export function noteInstance(ctx: Ctx, instance: CallValue, cls: ClassInfo): void {
  if (mroValues(ctx, cls).some((b) => saSymbol(b) === 'flask_sqlalchemy.SQLAlchemy')) flaskDbInstances.add(instance);
}

/** `Table(...)`, `sa.Table(...)`, or Flask-SQLAlchemy's `db.Table(...)` (its own, which supplies the MetaData). */
export function isTableCall(v: Value | undefined): boolean {
  if (v?.t !== 'call') return false;
  return saSymbol(v.callee) === 'Table' || (v.callee.t === 'attr' && v.callee.name === 'Table' && isFlaskDb(v.callee.obj));
}

/** `db = SQLAlchemy(...)` from Flask-SQLAlchemy (or a project's or a library's subclass of it, however it was imported). */
export function isFlaskDb(v: Value): boolean {
  return v.t === 'call' && (flaskDbInstances.has(v) || saSymbol(v.callee) === 'flask_sqlalchemy.SQLAlchemy' || (v.callee.t === 'ext' && OUTSIDE_FLASK_DBS.has(v.callee.name)));
}

/**
 * `db.Model`. A `model_class` that is already a declarative class (`declarative_base(cls=...)`, `generate_base()`,
 * an `@as_declarative` class) is used as it is, without Flask's automatic table names
 * (SQLAlchemy._make_declarative_base in flask_sqlalchemy/extension.py).
 */
function flaskModel(ctx: Ctx, db: CallValue): Value {
  const library = db.callee.t === 'ext' ? OUTSIDE_FLASK_DBS.get(db.callee.name) : undefined;
  if (library) return outsideValue(library);
  const base = db.kwargs.get('model_class');
  const isDeclarative =
    (base?.t === 'call' && (saSymbol(base.callee) === 'declarative_base' || (base.callee.t === 'attr' && base.callee.name === 'generate_base'))) ||
    (base?.t === 'class' && isDeclarativeByDecorator(ctx, base.cls));
  return isDeclarative ? base! : { t: 'attr', obj: db, name: 'Model' };
}

function classAttribute(ctx: Ctx, cls: ClassInfo, name: string, line: number): Value {
  if (name === '__name__' || name === '__qualname__') return { t: 'str', v: name === '__name__' ? cls.name : qualnameOf(cls) };
  if (name === '__module__') return { t: 'str', v: cls.module.name };
  if (name === '__tablename__') return ctx.project.hooks.tablenameOf(cls);
  if (name === '__table__') return ctx.project.hooks.hasTable(cls) ? { t: 'clsattr', cls, name, line } : { t: 'none' };
  if (name === '__dict__') return ownNamespace(ctx, cls, line);
  if ((name === '_member_names_' || name === '__members__') && isEnumClass(ctx, cls)) return enumListing(ctx, cls, name);
  if (name === '__mro__') return { t: 'seq', kind: 'tuple', items: mroValues(ctx, cls) };
  if (name === '__bases__') return { t: 'seq', kind: 'tuple', items: classHeader(ctx, cls).bases };
  // the bases as written, set where a generic alias was among them (`class Product(Keyed[str])`), inherited
  if (name === '__orig_bases__') {
    const owner = mroOf(ctx, cls).find((e) => e.k === 'class' && classHeader(ctx, e.cls).written.some((b) => b.t === 'generic'));
    if (owner?.k === 'class') return { t: 'seq', kind: 'tuple', items: classHeader(ctx, owner.cls).written };
  }
  if (name === '__subclasses__') return { t: 'attr', obj: { t: 'class', cls }, name };
  // the first class up the MRO that defines the name, as Python's attribute lookup finds it
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'class') continue;
    const set = e.cls.creationSet?.get(name) ?? plainAssigned(e.cls, name);
    if (set) return set;
    const bindings = classScope(ctx.project, e.cls).bindings;
    const binding = bindings.get(name) ?? bindings.get(unmangled(e.cls, name));
    if (binding) return classMember(ctx, cls, e.cls, name, binding, line);
  }
  // type.mro(), run by callMethod: a class body's own `mro` comes first, as Python finds it
  if (name === 'mro') return { t: 'attr', obj: { t: 'class', cls }, name };
  // pydantic's constructor classmethods, run by callMethod with the class they are read from
  if ((name === 'model_validate' || name === 'parse_obj') && isPydanticModel(ctx, cls)) return { t: 'attr', obj: { t: 'class', cls }, name };
  if (name === '_make' && isNamedTupleClass(ctx, cls)) return { t: 'attr', obj: { t: 'class', cls }, name };
  return inheritedFromLibrary(ctx, cls, name) ?? { t: 'clsattr', cls, name, line, missing: true };
}

/**
 * What code has set on the class since its body ran (`cls.user_table_name = user_table_name` in a classmethod
 * called at import time): later reads see it. A column set so stays the mapped attribute its class gives.
 */
function plainAssigned(cls: ClassInfo, name: string): Value | undefined {
  const value = cls.assigned?.get(name);
  return callOf(value, 'Column', 'mapped_column') ? undefined : value;
}

/** What `super()` / `super(Owner, self)` evaluates to: a call of this pseudo callee, the owner class and the receiver its arguments. */
export const SUPER = 'schemaguard.super';
export const isSuperCall = (v: Value): v is CallValue => v.t === 'call' && v.callee.t === 'ext' && v.callee.name === SUPER;

/** Classes from outside the repository that define no attribute a model's code reads through `super()`. */
const PLAIN_OUTSIDE = /^(builtins\.object|typing\.Generic|abc\.ABC|typing\.Protocol)$/;

/**
 * `super().name` (or `super(Owner, self).name`): Python's lookup along the receiver's MRO, from the class after
 * `Owner`. An in-repo class defining the name gives its member, bound as attribute lookup binds it (a
 * declared_attr runs for the receiver class); `outside` when a class from outside the repository comes first
 * (TypeDecorator's own load_dialect_impl); undefined when the receiver or the class is not known.
 */
export function superMember(ctx: Ctx, sup: CallValue, name: string, line: number): Value | 'outside' | undefined {
  const [start, receiver] = sup.args;
  const cls = receiver?.t === 'class' ? receiver.cls : receiver?.t === 'call' && receiver.callee.t === 'class' ? receiver.callee.cls : undefined;
  if (start?.t !== 'class' || !receiver || !cls) return undefined;
  const mro = mroOf(ctx, cls);
  const at = mro.findIndex((e) => e.k === 'class' && e.cls === start.cls);
  if (at === -1) return undefined;
  for (const e of mro.slice(at + 1)) {
    if (e.k !== 'class') {
      if (e.value.t === 'ext' && PLAIN_OUTSIDE.test(e.value.name)) continue;
      return 'outside';
    }
    const binding = classScope(ctx.project, e.cls).bindings.get(name);
    if (!binding) continue;
    const member = classMember(ctx, cls, e.cls, name, binding, line);
    return receiver.t === 'class' ? member : boundMethod(member, receiver, cls);
  }
  return 'outside';
}

/**
 * `getattr(v, name)` certainly fails: for an in-repo class, no class of its MRO binds or was given the name (which
 * `classAttribute` found missing) and every class from outside the repository certainly lacks it.
 */
export function certainlyLacks(ctx: Ctx, v: Value, name: string): boolean {
  if (v.t !== 'class') return lacksAttribute(v, name);
  return mroOf(ctx, v.cls).every((e) => (e.k === 'class' ? !e.cls.assigned?.has(name) && !e.cls.creationSet?.has(name) : lacksAttribute(e.value, name)));
}

/** `_Event__extra` is how Python stores `__extra` written in the body of class Event (name mangling). */
function unmangled(owner: ClassInfo, name: string): string {
  const prefix = `_${owner.name.replace(/^_+/, '')}__`;
  return name.startsWith(prefix) && !name.endsWith('__') ? name.slice(prefix.length - 2) : '';
}

/** The name Python stores for `name` written in the body of `owner`: `__password` in class User is `_User__password`. */
export function mangled(owner: ClassInfo, name: string): string {
  return name.startsWith('__') && !name.endsWith('__') ? `_${owner.name.replace(/^_+/, '')}${name}` : name;
}

/**
 * `User.email` over a `@hybrid_property`: read on the class, SQLAlchemy calls the function its `.expression`
 * decorator gave, else its getter, with the class (`return cls._email`: the mapped column, which a foreign key
 * can name). Undefined when `owner`'s body does not define `name` as a hybrid property.
 */
function hybridAtClass(ctx: Ctx, cls: ClassInfo, owner: ClassInfo, name: string, line: number): Value | undefined {
  const env = { module: owner.module, cls: owner, depth: 0 };
  const defs = owner.def.body.filter((s): s is FunctionDef => s.k === 'def');
  const isHybrid = (d: Expr): boolean => {
    if ((d.k === 'name' ? d.id : d.k === 'attr' ? d.name : '') !== 'hybrid_property') return false;
    const v = evalExpr(ctx, d, env);
    return v.t === 'ext' && v.name === 'sqlalchemy.ext.hybrid.hybrid_property';
  };
  const getter = defs.find((def) => def.name === name && def.decorators.some(isHybrid));
  if (!getter) return undefined;
  // `@email.expression` over a function of the same name, or `@email.inplace.expression` over one of any name
  const isExpression = (d: Expr): boolean => d.k === 'attr' && d.name === 'expression' && ((d.obj.k === 'name' && d.obj.id === name) || (d.obj.k === 'attr' && d.obj.name === 'inplace' && d.obj.obj.k === 'name' && d.obj.obj.id === name));
  const chosen = defs.findLast((def) => def.decorators.some(isExpression)) ?? getter;
  const fn = methodInfo(owner.module, chosen, owner, { t: 'class', cls });
  return callFunction(ctx, fn, { args: [], kwargs: new Map() }, { module: owner.module, depth: 0 }, line);
}

/** Class methods of SQLAlchemy classes that project subclasses call: `class MutableDict(Mutable, dict)` then `.as_mutable(T)`. */
const MUTABLE_METHODS = ['as_mutable', 'associate_with'];
const LIBRARY_CLASS_METHODS = new Map<string, readonly string[]>([
  ['Mutable', MUTABLE_METHODS],
  ['MutableDict', MUTABLE_METHODS],
  ['MutableList', MUTABLE_METHODS],
  ['MutableSet', MUTABLE_METHODS],
]);

function inheritedFromLibrary(ctx: Ctx, cls: ClassInfo, name: string): Value | undefined {
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'value' || e.value.t !== 'ext') continue;
    const sym = saSymbol(e.value);
    if (sym && LIBRARY_CLASS_METHODS.get(sym)?.includes(name)) return { t: 'ext', name: `${e.value.name}.${name}` };
  }
  return undefined;
}

/**
 * `cls.__dict__`: the names the class body binds (an annotation alone binds none), each with the value attribute
 * lookup gives it there (a plain value such as a `__table_args__` tuple is the value; a column stays a reference;
 * a function, declared_attr or staticmethod, is the function).
 */
function ownNamespace(ctx: Ctx, cls: ClassInfo, line: number): Value {
  // names the body binds through `locals()[...] = ...` or `locals().update(...)` are not among its bindings
  if (writesNamespace(cls.def.body, new Set())) return unknown(`the namespace of class ${cls.name}, written through locals() or vars(), is not known statically`, cls.module.file, line);
  const entries = new Map<string, Value>([['__module__', { t: 'str', v: cls.module.name }], ['__doc__', { t: 'clsattr', cls, name: '__doc__', line }]]);
  // a plain class (no registry maps it) holds its Column objects themselves, which a decorator may move to a model
  const isPlain = !ctx.project.hooks.isMapped(cls);
  for (const [name, b] of classScope(ctx.project, cls).bindings) {
    // a function is there as itself, not bound or run (a declared_attr's descriptor runs on attribute access only)
    if (b.k === 'def' || (isPlain && b.k === 'expr')) entries.set(name, bindingValue(ctx, b, { module: cls.module, cls, depth: 0 }));
    else if (b.k !== 'ann') entries.set(name, classMember(ctx, cls, cls, name, b, line));
  }
  for (const name of cls.assigned?.keys() ?? []) entries.set(name, { t: 'clsattr', cls, name, line });
  // what code set on the class once it was made (`A.extra = staticmethod(...)` at module level, a metaclass)
  for (const [name, value] of cls.creationSet ?? []) entries.set(name, value);
  // declarative sets it once the class is mapped (`klass.__dict__.get("__table__")` finds the nearest table)
  if (ctx.project.hooks.ownsTable(cls)) entries.set('__table__', { t: 'clsattr', cls, name: '__table__', line });
  return { t: 'dict', entries: [...entries].map(([name, v]): [Value, Value] => [{ t: 'str', v: name }, v]) };
}

/** `Status._member_names_` (the names) and `Status.__members__` (name -> member); aliases left out. */
function enumListing(ctx: Ctx, cls: ClassInfo, name: string): Value {
  const members = enumMembers(ctx, cls);
  if (name === '_member_names_') return { t: 'seq', kind: 'list', items: members.map((m) => ({ t: 'str', v: m.name })) };
  // `__members__` lists aliases too, each naming its member
  const valueOf = (member: string): Value => enumMemberValue(ctx, cls, member) ?? members.find((m) => m.name === member)!.value;
  return { t: 'dict', entries: enumMemberNames(ctx, cls).map(([name, member]): [Value, Value] => [{ t: 'str', v: name }, valueOf(member)]) };
}

/** A function's decorators by their last name (`staticmethod`, `functools.cached_property` -> `cached_property`). */
/** `@prefix.setter` (or `.getter`) over a def of that name. */
function isAccessorOf(def: FunctionDef, name: string, accessor: 'setter' | 'getter'): boolean {
  return def.decorators.some((d) => d.k === 'attr' && d.name === accessor && d.obj.k === 'name' && d.obj.id === name);
}

/** The def in a class body that is a property's getter (`@property`, `@x.getter`) or its setter (`@x.setter`). */
function propertyDef(cls: ClassInfo, name: string, role: 'getter' | 'setter'): FunctionDef | undefined {
  const defs = cls.def.body.filter((s): s is FunctionDef => s.k === 'def' && s.name === name);
  if (role === 'setter') return defs.findLast((d) => isAccessorOf(d, name, 'setter'));
  return defs.findLast((d) => isAccessorOf(d, name, 'getter') || d.decorators.some((e) => e.k === 'name' && e.id === 'property'));
}

/**
 * `layout.prefix = "_News_"` on an instance whose class (up the MRO) defines a property setter of that name: the
 * setter runs with the value (it may store something else: `self._prefix = value.strip("_").lower()`).
 * Undefined when no class defines one; else what the setter returned (an unknown when it could not be run).
 */
export function runPropertySetter(ctx: Ctx, obj: CallValue, cls: ClassInfo, name: string, value: Value): Value | undefined {
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'class') continue;
    const setter = propertyDef(e.cls, name, 'setter');
    if (setter?.body) return callFunction(ctx, methodInfo(e.cls.module, setter, e.cls, obj), { args: [value], kwargs: new Map() }, { module: e.cls.module, depth: 0 }, obj.line);
    if (classScope(ctx.project, e.cls).bindings.has(name)) return undefined;
  }
  return undefined;
}

function decoratorNames(fn: Extract<Value, { t: 'func' }>): string[] {
  return fn.fn.def.decorators.map((d) => (d.k === 'name' ? d.id : d.k === 'attr' ? d.name : ''));
}

/** Decorators whose object keeps the function as `fget`: `Mixin.__dict__["__table_args__"].fget(cls)` runs it. */
const FGET_DECORATORS = new Set(['property', 'cached_property', 'declared_attr', 'directive', 'cascading']);

function isDescriptor(fn: Extract<Value, { t: 'func' }>): boolean {
  return decoratorNames(fn).some((name) => FGET_DECORATORS.has(name));
}

function unboundFunction(fn: Extract<Value, { t: 'func' }>): Value {
  const { bound: _bound, ...plain } = fn.fn;
  return { t: 'func', fn: plain };
}

/** `@property` / `@functools.cached_property`: reading it through an instance runs it. */
function isProperty(fn: Extract<Value, { t: 'func' }>): boolean {
  return decoratorNames(fn).some((name) => name === 'property' || name === 'cached_property');
}

/**
 * A function reached through a class or an instance, as Python binds it: a classmethod gets the class, a plain
 * method reached through an instance gets the instance, a staticmethod (or a plain function on a class) nothing.
 */
function boundMethod(fn: Value, receiver: Value, cls: ClassInfo): Value {
  if (fn.t !== 'func') return fn;
  const decorators = decoratorNames(fn);
  if (decorators.includes('staticmethod')) return fn;
  if (decorators.includes('classmethod')) return { t: 'func', fn: { ...fn.fn, bound: { t: 'class', cls } } };
  return receiver.t === 'class' ? fn : { t: 'func', fn: { ...fn.fn, bound: receiver } };
}

/**
 * A class attribute holding an instance of an in-repo class that defines `__get__` (a descriptor, such as a
 * `__tablename__` computed from the owner's name): reading it through the class gives `__get__(None, cls)`.
 */
export function descriptorGet(ctx: Ctx, value: Value, cls: ClassInfo, line: number): Value {
  if (value.t !== 'call' || value.callee.t !== 'class') return value;
  const get = classAttribute(ctx, value.callee.cls, '__get__', line);
  if (get.t !== 'func') return value;
  return callFunction(ctx, { ...get.fn, bound: value }, { args: [{ t: 'none' }, { t: 'class', cls }], kwargs: new Map() }, { module: get.fn.module, depth: 0 }, line);
}

/** An instance of an in-repo class none of whose bases comes from SQLAlchemy (a Column subclass's would be a column). */
function isPlainInstance(ctx: Ctx, v: CallValue): boolean {
  return v.callee.t === 'class' && mroOf(ctx, v.callee.cls).every((e) => e.k === 'class' || saSymbol(e.value) === undefined);
}

/** `declarative_base()`, `registry()`, `registry().generate_base()`. */
function isRootValue(v: CallValue): boolean {
  return isSaName(v.callee, 'declarative_base') || isSaName(v.callee, 'registry') || (v.callee.t === 'attr' && v.callee.name === 'generate_base');
}

function classMember(ctx: Ctx, cls: ClassInfo, owner: ClassInfo, name: string, binding: Binding, line: number): Value {
  const env = { module: owner.module, cls: owner, depth: 0 };
  // `@prefix.setter def prefix(...)` rebinds the name to the property: it is read through its getter
  const getter = binding.k === 'def' && isAccessorOf(binding.def, name, 'setter') ? propertyDef(owner, name, 'getter') : undefined;
  if (getter) return boundMethod({ t: 'func', fn: methodInfo(owner.module, getter, owner) }, { t: 'class', cls }, cls);
  if (binding.k === 'def') {
    if (isDeclaredAttr(binding.def.decorators.map((d) => evalExpr(ctx, d, env)))) {
      // `*TimeSeries.__table_args__`: the descriptor runs the function for the class
      const fn = methodInfo(owner.module, binding.def, owner, { t: 'class', cls });
      const made = callFunction(ctx, fn, { args: [], kwargs: new Map() }, { module: owner.module, depth: 0 }, line);
      if (name.startsWith('__')) return made;
      // `Veterinarian.id` from a mixin's declared_attr: the mapped attribute it makes, a column reference; plain
      // data stays data on the class (`FidesUser.id_field_path`, a "table.id" path for ForeignKey)
      return made.t === 'str' || made.t === 'num' || made.t === 'bool' ? made : { t: 'clsattr', cls, name, line };
    }
    return hybridAtClass(ctx, cls, owner, name, line) ?? boundMethod(bindingValue(ctx, binding, env), { t: 'class', cls }, cls);
  }
  if (binding.k === 'class') return bindingValue(ctx, binding, env);
  if (binding.k === 'expr' ? binding.expr.k === 'lambda' : binding.k !== 'unpack') return { t: 'clsattr', cls, name, line };
  // constants on a class (lengths, flags, choices) and tables held by a class are values;
  // columns stay references to the mapped attribute
  if (isEnumClass(ctx, owner) && !name.startsWith('_')) return enumMemberValue(ctx, owner, name) ?? { t: 'clsattr', cls, name, line };
  const value = descriptorGet(ctx, bindingValue(ctx, binding, env), cls, line);
  // a type held by a class (`class Types: UniqueText = String(512)`) is the type, not a column; so is a declarative
  // root (rdiffweb's `class _DbPlugin: base = declarative_base()`, read as `cherrypy.db.base`) and an instance of a
  // plain project class (`class Settings: db = _Database()`)
  if (value.t !== 'call' || isTableCall(value) || isSaName(value.callee, 'MetaData') || isTypeValue(ctx, value) || isRootValue(value) || isPlainInstance(ctx, value)) return value;
  return { t: 'clsattr', cls, name, line };
}
