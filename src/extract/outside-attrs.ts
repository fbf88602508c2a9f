// What is known about outside classes without reading them: `object` and SQLAlchemy's declarative bases
// define no project attribute, and their `__name__`; `isinstance` against the builtin types.
import { builtinLacks, docLacks } from './builtin-attrs.js';
import { SQLALCHEMY_NAMES } from './sqlalchemy-namespace.js';
import { bytesOf } from './evaluate-bytes.js';
import { isFlaskDb } from './evaluate-attr.js';
import { saSymbol } from './sa-names.js';
import { isTypeName, isTypeSubclass } from './type-names.js';
import { isBuiltinValue, isFloat, num, type Value } from './values.js';

const DECLARATIVE_BASES = new Set(['DeclarativeBase', 'DeclarativeBaseNoMeta', 'MappedAsDataclass', 'declarative_base']);

/** Attributes a declarative base (or Flask-SQLAlchemy's db.Model) does have besides dunders. */
const BASE_ATTRIBUTES = new Set(['metadata', 'registry', 'query', 'query_class', 'type_annotation_map']);

function isDeclarativeBaseValue(v: Value): boolean {
  if (v.t === 'ext') return v.name === 'builtins.object' || DECLARATIVE_BASES.has(saSymbol(v) ?? '');
  if (v.t === 'call') return DECLARATIVE_BASES.has(saSymbol(v.callee) ?? '') || (v.callee.t === 'attr' && v.callee.name === 'generate_base');
  return v.t === 'attr' && v.name === 'Model' && isFlaskDb(v.obj);
}

/**
 * True when `getattr(v, name)` certainly fails: `v` is `object` or a declarative base, and `name` is neither a
 * dunder nor an attribute those classes have (`getattr(base, "__extra_args__", ())` over `cls.__mro__`), or is a
 * mapping dunder `object` and SQLAlchemy's own bases never have (`getattr(b, "__table__", None)` over
 * `cls.__mro__`); or `v` is a str, number, list, dict ..., which define no single-underscore attributes
 * (`hasattr("x", "_type_affinity")`).
 */
export function lacksAttribute(v: Value, name: string): boolean {
  if (isBuiltinValue(v)) return builtinLacks(v, name);
  if (isSqlAlchemyClassName(v, name)) return !SQLALCHEMY_NAMES.has(name);
  if (v.t === 'clsattr' && v.name === '__doc__') return docLacks(name);
  // `getattr(value, "column", value)`: a MappedColumn holds its Column there, a Column has no such attribute
  if (v.t === 'call' && name === 'column') return saSymbol(v.callee) === 'Column';
  if (!isDeclarativeBaseValue(v) || name.startsWith('_sa_')) return false;
  // a declarative_base(cls=Mixin) or a Flask db.Model inherits what its model class defines
  if (name.startsWith('__') && name.endsWith('__')) return v.t === 'ext' && (MAPPED_DUNDERS.has(name) || !CLASS_DUNDERS.has(name));
  return v.t === 'ext' && v.name === 'builtins.object' ? true : !BASE_ATTRIBUTES.has(name);
}

/** What only a mapped class (or a project class) has: never `object`, `DeclarativeBase` or the classes after it. */
const MAPPED_DUNDERS = new Set(['__table__', '__tablename__', '__table_args__', '__mapper_args__', '__mapper__']);

/**
 * `hasattr(sa, "Uuid")`, `getattr(sa, "Money", None)`: a capitalised name (a type, a construct) on the `sqlalchemy`
 * package, known for the version extraction reproduces; lower-case names include subpackages, which are there once
 * something imported them.
 */
const isSqlAlchemyClassName = (v: Value, name: string): boolean => v.t === 'ext' && v.name === 'sqlalchemy' && /^[A-Z]/.test(name);

/** Attributes pydantic v2 models have (SQLModel 0.0.24 is one): `hasattr(SQLModel, "model_config")`, the v1/v2 switch. */
const PYDANTIC_V2_ATTRIBUTES = new Set(['model_config', 'model_fields', 'model_validate', 'model_dump']);
const PYDANTIC_MODELS = new Set(['sqlmodel.SQLModel', 'sqlmodel.main.SQLModel', 'pydantic.BaseModel', 'pydantic.main.BaseModel']);

/** Whether a library class the repository builds on has the attribute, where the versions extraction reproduces say. */
export function libraryHasAttribute(v: Value, name: string): boolean | undefined {
  if (isSqlAlchemyClassName(v, name)) return SQLALCHEMY_NAMES.has(name);
  if (v.t !== 'ext' || !PYDANTIC_MODELS.has(v.name)) return undefined;
  if (PYDANTIC_V2_ATTRIBUTES.has(name)) return true;
  // pydantic v1's inner `Config` class and `__fields__`-era spellings are gone
  return name === 'Config' ? false : undefined;
}

/** A dunder a project invents (`__table_prefix__`): no class from outside the repository has it. */
export const isProjectDunder = (name: string): boolean => name.length > 4 && name.startsWith('__') && name.endsWith('__') && !CLASS_DUNDERS.has(name) && !MAPPED_DUNDERS.has(name);

/**
 * Every dunder `type`, `object`, `typing.Generic` and SQLAlchemy's declarative bases have (`dir()` of each, Python
 * 3.13, SQLAlchemy 2.0): any other (`__lifetime_seconds__`) is a project's own, which those classes lack.
 */
const CLASS_DUNDERS = new Set([
  '__abstract__', '__abstractmethods__', '__annotations__', '__base__', '__bases__', '__basicsize__', '__call__', '__class__',
  '__class_getitem__', '__dataclass_fields__', '__dataclass_params__', '__delattr__', '__dict__', '__dictoffset__', '__dir__',
  '__doc__', '__eq__', '__firstlineno__', '__flags__', '__format__', '__ge__', '__getattribute__', '__getstate__', '__gt__',
  '__hash__', '__init__', '__init_subclass__', '__instancecheck__', '__itemsize__', '__le__', '__lt__', '__match_args__',
  '__module__', '__mro__', '__name__', '__ne__', '__new__', '__or__', '__orig_bases__', '__parameters__', '__prepare__',
  '__qualname__', '__reduce__', '__reduce_ex__', '__replace__', '__repr__', '__ror__', '__setattr__', '__sizeof__', '__slots__',
  '__static_attributes__', '__str__', '__subclasscheck__', '__subclasses__', '__subclasshook__', '__text_signature__',
  '__type_params__', '__weakref__', '__weakrefoffset__',
]);

/** The declarative dunders a class's own namespace may hold; object's and the declarative bases' never do. */
const MAPPING_DUNDERS = new Set([...MAPPED_DUNDERS, '__abstract__']);

const LIBRARY_NAMESPACE = 'schemaguard.LibraryNamespace';

/**
 * The whole of some namespaces, as Python 3.13 and SQLAlchemy 2.0 fill them (`sorted(object.__dict__)`): a
 * project name (`klass.__dict__.get("__mixin_args__")` over `cls.__mro__`) is certainly not in them.
 */
const OBJECT_NAMESPACE = new Set([
  '__class__', '__delattr__', '__dir__', '__doc__', '__eq__', '__format__', '__ge__', '__getattribute__', '__getstate__', '__gt__',
  '__hash__', '__init__', '__init_subclass__', '__le__', '__lt__', '__ne__', '__new__', '__reduce__', '__reduce_ex__', '__repr__',
  '__setattr__', '__sizeof__', '__str__', '__subclasshook__',
]);
const DECLARATIVE_BASE_NAMESPACE = new Set(['__abstract__', '__dict__', '__doc__', '__init__', '__module__', '__weakref__', '_sa_registry', 'metadata', 'registry']);
/** Flask-SQLAlchemy 3.1's `db.Model` (a declarative_base() class it adds its query attributes to), and the model class it is made over */
const FLASK_MODEL_NAMESPACE = new Set(['__abstract__', '__doc__', '__fsa__', '__init__', '__module__', '_sa_registry', 'metadata', 'query', 'query_class', 'registry']);
const FLASK_MODEL_CLASS_NAMESPACE = new Set([
  '__annotations__', '__dict__', '__doc__', '__firstlineno__', '__module__', '__repr__', '__static_attributes__', '__weakref__', 'query', 'query_class',
]);
/** `sorted(DeclarativeBase.__dict__)` (DeclarativeBaseNoMeta's is the same), and MappedAsDataclass's */
const DECLARATIVE_CLASS_NAMESPACE = new Set([
  '__annotations__', '__dict__', '__doc__', '__firstlineno__', '__init_subclass__', '__module__', '__orig_bases__', '__parameters__',
  '__static_attributes__', '__weakref__',
]);
const DATACLASS_MIXIN_NAMESPACE = new Set(['__dict__', '__doc__', '__firstlineno__', '__init_subclass__', '__module__', '__static_attributes__', '__weakref__']);

/** `vars(DeclarativeBase)` / `object.__dict__` / a `declarative_base()`'s: what the namespace is known to hold. */
export function libraryNamespace(v: Value): Value | undefined {
  if ((v.t !== 'ext' && v.t !== 'call' && v.t !== 'attr') || !(isDeclarativeBaseValue(v) || namespaceKeys(v))) return undefined;
  const name = v.t === 'ext' ? v.name : v.t === 'attr' ? 'db.Model' : 'declarative_base()';
  return { t: 'call', callee: { t: 'ext', name: LIBRARY_NAMESPACE }, args: [v], kwargs: new Map(), file: '', line: 0, expr: { k: 'name', id: name, line: 0 } };
}

/** Whether such a namespace holds `key`: false for a declarative dunder (`"__table__" in vars(b)`), else not known. */
export function libraryNamespaceHas(container: Value, key: Value): boolean | undefined {
  const isNamespace = container.t === 'call' && container.callee.t === 'ext' && container.callee.name === LIBRARY_NAMESPACE;
  if (!isNamespace || key.t !== 'str') return undefined;
  const whole = namespaceKeys(container.args[0]!);
  if (whole) return whole.has(key.v);
  return MAPPING_DUNDERS.has(key.v) ? false : undefined;
}

function namespaceKeys(owner: Value): ReadonlySet<string> | undefined {
  if (owner.t === 'ext' && owner.name === 'builtins.object') return OBJECT_NAMESPACE;
  if (owner.t === 'ext' && (saSymbol(owner) === 'DeclarativeBase' || saSymbol(owner) === 'DeclarativeBaseNoMeta')) return DECLARATIVE_CLASS_NAMESPACE;
  if (owner.t === 'ext' && saSymbol(owner) === 'MappedAsDataclass') return DATACLASS_MIXIN_NAMESPACE;
  if (owner.t === 'attr') return isDeclarativeBaseValue(owner) ? FLASK_MODEL_NAMESPACE : undefined;
  if (owner.t === 'ext' && saSymbol(owner) === 'flask_sqlalchemy.Model') return FLASK_MODEL_CLASS_NAMESPACE;
  return owner.t === 'call' && saSymbol(owner.callee) === 'declarative_base' ? DECLARATIVE_BASE_NAMESPACE : undefined;
}

/** `ns.get(key, default)` on such a namespace: the default when the key is certainly not there. */
export function libraryNamespaceGet(container: Value, args: Value[]): Value | undefined {
  const [key, fallback] = args;
  return key && libraryNamespaceHas(container, key) === false ? (fallback ?? { t: 'none' }) : undefined;
}

/**
 * A name from outside the repository as a value. `sys.version_info` is that of a current Python (the 3.13 the
 * oracle runs), so `if sys.version_info >= (3, 11):` takes the branch a supported interpreter takes.
 */
export function outsideValue(name: string): Value {
  // SQLAlchemy's shared type instances (`impl = STRINGTYPE`): what they were made as
  const shared = name.endsWith('TYPE') ? /^sqlalchemy(\.sql)?(\.sqltypes|\.types|\.type_api)?\.(STRING|INTEGER|BOOLEAN|NULL)TYPE$/.exec(name)?.[3] : undefined;
  if (shared) return typeInstance(SHARED_TYPES[shared]!);
  if (name === 'sys.version_info') return { t: 'seq', kind: 'tuple', items: [num(3), num(13), num(0), { t: 'str', v: 'final' }, num(0)] };
  const constant = name.startsWith('string.') ? STRING_CONSTANTS.get(name.slice('string.'.length)) : undefined;
  if (constant !== undefined) return { t: 'str', v: constant };
  const number = MATH_CONSTANTS.get(name);
  if (number !== undefined) return num(number, true);
  const names = name.startsWith('calendar.') ? CALENDAR_NAMES.get(name.slice('calendar.'.length)) : undefined;
  if (names) return { t: 'seq', kind: 'tuple', items: names.map((v): Value => ({ t: 'str', v })) };
  const version = name.endsWith('.__version__') ? LIBRARY_VERSIONS.get(name.slice(0, -'.__version__'.length)) : undefined;
  return version ? { t: 'str', v: version } : { t: 'ext', name };
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The `calendar` module's names in the C locale (`[d.casefold() for d in calendar.day_abbr]`); the months start with ''. */
const CALENDAR_NAMES: ReadonlyMap<string, string[]> = new Map([
  ['day_name', DAYS],
  ['day_abbr', DAYS.map((d) => d.slice(0, 3))],
  ['month_name', ['', ...MONTHS]],
  ['month_abbr', ['', ...MONTHS.map((m) => m.slice(0, 3))]],
]);

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const WHITESPACE = ' \t\n\r\x0b\x0c';

/** The `string` module's constants (`ALPHABET = string.ascii_uppercase + string.digits`). */
const STRING_CONSTANTS: ReadonlyMap<string, string> = new Map([
  ['ascii_lowercase', LOWER],
  ['ascii_uppercase', UPPER],
  ['ascii_letters', LOWER + UPPER],
  ['digits', DIGITS],
  ['hexdigits', `${DIGITS}abcdefABCDEF`],
  ['octdigits', '01234567'],
  ['punctuation', PUNCTUATION],
  ['whitespace', WHITESPACE],
  ['printable', DIGITS + LOWER + UPPER + PUNCTUATION + WHITESPACE],
]);

/** The `math` module's float constants (`default=math.nan`). */
const MATH_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['math.pi', Math.PI],
  ['math.e', Math.E],
  ['math.tau', 2 * Math.PI],
  ['math.inf', Infinity],
  ['math.nan', NaN],
]);

const SHARED_TYPES: Record<string, string> = { STRING: 'String', INTEGER: 'Integer', BOOLEAN: 'Boolean', NULL: 'NullType' };

/** `String()` as if written in the code that reads the shared instance. */
function typeInstance(type: string): Value {
  return { t: 'call', callee: { t: 'ext', name: `sqlalchemy.${type}` }, args: [], kwargs: new Map(), file: '', line: 0, expr: { k: 'other', type: 'call', text: `${type}()`, line: 0 } };
}

/**
 * The versions whose behaviour extraction reproduces (the oracle's), for code that picks a branch by them:
 * `importlib.metadata.version("flask-sqlalchemy")`, `sqlalchemy.__version__`. Keys are import names.
 */
const LIBRARY_VERSIONS: ReadonlyMap<string, string> = new Map([
  ['sqlalchemy', '2.0.40'],
  ['flask_sqlalchemy', '3.1.1'],
  ['sqlmodel', '0.0.24'],
]);

/** `importlib.metadata.version(distribution)` for those libraries (distribution names normalised as PEP 503). */
export function libraryVersion(distribution: string): string | undefined {
  return LIBRARY_VERSIONS.get(distribution.toLowerCase().replace(/[-_.]+/g, '_'));
}

/** `__name__` of an outside class: `object`, `DeclarativeBase`, a `declarative_base(name=...)` result. */
export function outsideClassName(v: Value): string | undefined {
  if (v.t === 'ext') {
    const last = v.name.slice(v.name.lastIndexOf('.') + 1);
    return v.name.startsWith('builtins.') || /^[A-Z]/.test(last) ? last : undefined;
  }
  if (v.t === 'call' && saSymbol(v.callee) === 'declarative_base') {
    const name = v.kwargs.get('name');
    return name?.t === 'str' ? name.v : 'Base';
  }
  return undefined;
}

const SCHEMA_CONSTRUCTS = new Set(['Column', 'ForeignKey', 'Index', 'UniqueConstraint', 'CheckConstraint', 'PrimaryKeyConstraint', 'ForeignKeyConstraint', 'Table', 'MetaData']);

const BUILTIN_TYPES: Readonly<Record<string, (v: Value) => boolean | undefined>> = {
  'builtins.str': (v) => v.t === 'str',
  'builtins.bytes': (v) => bytesOf(v) !== undefined,
  'builtins.int': (v) => (v.t === 'num' && !isFloat(v)) || v.t === 'bool',
  'builtins.float': (v) => v.t === 'num' && isFloat(v),
  'builtins.bool': (v) => v.t === 'bool',
  'builtins.dict': (v) => v.t === 'dict',
  'builtins.list': (v) => v.t === 'seq' && v.kind === 'list',
  'builtins.tuple': (v) => v.t === 'seq' && v.kind === 'tuple',
  'builtins.set': (v) => v.t === 'seq' && v.kind === 'set',
  'builtins.type': (v) => v.t === 'class' || v.t === 'ext',
};

/** `builtins.dict`, `builtins.str` ...: a builtin container or scalar type (not `type`), whose values the evaluator holds. */
export function isBuiltinDataType(name: string | undefined): boolean {
  return name !== undefined && name !== 'builtins.type' && Object.hasOwn(BUILTIN_TYPES, name);
}

/**
 * `isinstance(v, String)` (or `Column`): true for an instance of that SQLAlchemy type or of a type derived from it, false for
 * any other value the evaluator holds exactly; undefined for a type whose place in the hierarchy is not known.
 */
function typeTest(t: Value): ((v: Value) => boolean | undefined) | undefined {
  const target = saSymbol(t);
  // `isinstance(v, Column)`: a schema construct no other SQLAlchemy class the evaluator builds derives from
  if (target !== undefined && SCHEMA_CONSTRUCTS.has(target)) return (v) => v.t === 'call' && saSymbol(v.callee) === target;
  if (target === undefined || !isTypeName(target)) return undefined;
  return (v) => {
    const sym = v.t === 'call' ? saSymbol(v.callee) : undefined;
    return sym !== undefined && isTypeName(sym) ? isTypeSubclass(sym, target) : false;
  };
}

/** `isinstance(v, dict)` (or a tuple of builtin types); undefined when `v` or the types are not known well enough. */
export function isInstanceOf(v: Value, types: Value): boolean | undefined {
  const targets = types.t === 'seq' ? types.items : [types];
  const tests = targets.map((t) => (t.t === 'ext' && Object.hasOwn(BUILTIN_TYPES, t.name) ? BUILTIN_TYPES[t.name] : typeTest(t)));
  if (tests.some((t) => t === undefined)) return undefined;
  // values the evaluator holds exactly; a SQLAlchemy object is none of the builtin types
  const isExact = isBuiltinValue(v) || v.t === 'class' || bytesOf(v) !== undefined;
  // a SQLAlchemy object, or one of its type classes (`isinstance(sa.Text, type)`)
  const isLibraryObject = (v.t === 'call' && saSymbol(v.callee) !== undefined) || (v.t === 'ext' && isTypeName(saSymbol(v) ?? ''));
  if (!isExact && !isLibraryObject) return undefined;
  const answers = tests.map((t) => t!(v));
  return answers.includes(true) ? true : answers.includes(undefined) ? undefined : false;
}
