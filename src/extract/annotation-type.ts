// The column type SQLAlchemy 2.0 (`Mapped[...]`) and SQLModel 0.0.24 (field annotations) infer from a Python annotation.
import type { TypeArg, TypeSpec } from '../schema/type-spec.js';

export type AnnotationFlavor = 'sqlalchemy' | 'sqlmodel';

/** SQLModel `Field(...)` arguments that shape the inferred type (sqlmodel/main.py get_sqlalchemy_type). */
export interface SqlModelFieldArgs {
  max_length?: number | null;
  max_digits?: number | null;
  decimal_places?: number | null;
}

// Spellings of one class under another dotted name (aliases and the subclasses SQLModel's issubclass accepts).
// pathlib.WindowsPath is left out: pydantic cannot build a schema for it on the POSIX systems the oracle runs on.
const SAME_CLASS: Readonly<Record<string, string>> = {
  'typing.Text': 'str',
  'pydantic.networks.EmailStr': 'pydantic.EmailStr',
  'pathlib.PosixPath': 'pathlib.Path',
};

// Library aliases that are `Annotated[origin, ...]`: SQLAlchemy looks the alias up in the type_annotation_map, then
// its origin, and SQLModel maps the origin. pydantic's UUID1 ... UUID5 (Annotated[UUID, UuidVersion(n)]) and its
// constrained and strict aliases (PositiveInt is Annotated[int, Gt(0)]).
const ANNOTATED_ORIGIN: Readonly<Record<string, string>> = pydanticAliases({
  'uuid.UUID': ['UUID1', 'UUID3', 'UUID4', 'UUID5'],
  'builtins.int': ['PositiveInt', 'NegativeInt', 'NonPositiveInt', 'NonNegativeInt', 'StrictInt'],
  'builtins.float': ['PositiveFloat', 'NegativeFloat', 'NonPositiveFloat', 'NonNegativeFloat', 'StrictFloat', 'FiniteFloat'],
  'builtins.bool': ['StrictBool'],
  'builtins.str': ['StrictStr'],
  'builtins.bytes': ['StrictBytes'],
});

/** `pydantic.X` and `pydantic.types.X` for each alias X of each class. */
function pydanticAliases(byClass: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(byClass).flatMap(([cls, aliases]) => aliases.flatMap((a) => [[`pydantic.${a}`, cls], [`pydantic.types.${a}`, cls]])));
}

/** The class a library's `Annotated` alias stands for (`pydantic.PositiveInt` -> 'builtins.int'); undefined for any other name. */
export function annotatedOrigin(name: string): string | undefined {
  return Object.hasOwn(ANNOTATED_ORIGIN, name) ? ANNOTATED_ORIGIN[name] : undefined;
}

// sqlalchemy/sql/sqltypes.py `_type_map`: the default type_annotation_map. Anything else (dict, list, Any,
// IPv4Address, Path ...) makes SQLAlchemy raise MappedAnnotationError. SQLModel maps the same classes the
// same way, except that it turns str first into AutoString.
const PLAIN_TYPES: Readonly<Record<string, string>> = {
  int: 'Integer',
  float: 'Float',
  bool: 'Boolean',
  'uuid.UUID': 'Uuid',
  'decimal.Decimal': 'Numeric',
  'datetime.date': 'Date',
  'datetime.datetime': 'DateTime',
  'datetime.time': 'Time',
  'datetime.timedelta': 'Interval',
  bytes: 'LargeBinary',
  str: 'String',
};

// sqlmodel/main.py get_sqlalchemy_type: str-like annotations become AutoString, the rest a plain SQLAlchemy type.
const SQLMODEL_STRINGS = new Set([
  'str',
  'pydantic.EmailStr',
  'pathlib.Path',
  'ipaddress.IPv4Address',
  'ipaddress.IPv4Network',
  'ipaddress.IPv6Address',
  'ipaddress.IPv6Network',
]);

function spec(name: string, module: TypeSpec['module'] = 'sqlalchemy', kwargs: Record<string, TypeArg> = {}): TypeSpec {
  return { name, module, args: [], kwargs };
}

function canonical(name: string): string {
  const bare = name.startsWith('builtins.') ? name.slice('builtins.'.length) : name;
  return SAME_CLASS[bare] ?? bare;
}

/**
 * The type for an annotation given by its dotted name after import resolution ('int', 'datetime.datetime',
 * 'uuid.UUID'), with Optional / `| None` already stripped. null when the library refuses the annotation.
 * Enum classes and Literal go through typeFromEnumAnnotation / typeFromLiteralAnnotation.
 */
export function typeFromAnnotation(name: string, flavor: AnnotationFlavor): TypeSpec | null {
  const key = canonical(name);
  // enum.Enum itself: an Enum with no members, hence no name (SQLAlchemy's generic Enum(enum.Enum))
  if (key === 'enum.Enum') return { ...spec('Enum'), enumValues: [] };
  if (flavor === 'sqlmodel' && SQLMODEL_STRINGS.has(key)) return spec('AutoString', 'sqlmodel');
  const plain = Object.hasOwn(PLAIN_TYPES, key) ? PLAIN_TYPES[key] : undefined;
  return plain === undefined ? null : spec(plain);
}

/** `Mapped[Status]` / `status: Status` for a Python enum class: Enum(Status), named after the lower-cased class. */
export function typeFromEnumAnnotation(className: string, memberNames: readonly string[]): TypeSpec {
  return { ...spec('Enum'), enumClass: className, enumValues: [...memberNames] };
}

/**
 * `Mapped[Literal['a', 'b']]`: SQLAlchemy makes a non-native Enum of the values (strings only, else it raises).
 * SQLModel cannot take a Literal field at all (issubclass() raises TypeError), so null.
 */
export function typeFromLiteralAnnotation(values: readonly TypeArg[], flavor: AnnotationFlavor): TypeSpec | null {
  if (flavor === 'sqlmodel' || !values.every((v): v is string => typeof v === 'string')) return null;
  return { ...spec('Enum', 'sqlalchemy', { native_enum: false }), args: [...values], enumValues: [...values] };
}

/**
 * Applies SQLModel's Field(max_length=...) to an inferred AutoString and Field(max_digits=..., decimal_places=...)
 * to an inferred Numeric, as get_sqlalchemy_type does. Only for inferred types: an explicit sa_type wins in SQLModel.
 */
export function withSqlModelField(inferred: TypeSpec, field: SqlModelFieldArgs): TypeSpec {
  if (inferred.module === 'sqlmodel' && inferred.name === 'AutoString') {
    // `if max_length:` in SQLModel: 0 and None keep the length-less AutoString
    return field.max_length ? { ...inferred, kwargs: { length: field.max_length } } : inferred;
  }
  if (inferred.module === 'sqlalchemy' && inferred.name === 'Numeric') {
    const kwargs = { precision: field.max_digits ?? null, scale: field.decimal_places ?? null };
    return { ...inferred, kwargs };
  }
  return inferred;
}
