// `Mapped[...]` annotations: optionality, Annotated extras, and the type SQLAlchemy infers from them.
import type { TypeSpec } from '../schema/type-spec.js';
import type { Ctx } from './context.js';
import { annotatedOrigin, typeFromAnnotation, typeFromEnumAnnotation, typeFromLiteralAnnotation, type AnnotationFlavor } from './annotation-type.js';
import { mroValues } from './classes.js';
import { ENUM_BASES } from './enum-bases.js';
import { sameKey } from './evaluate-ops.js';
import { enumMembers, enumSpec, isEnumClass } from './enums.js';
import { lookupName } from './resolve.js';
import { pyName, saSymbol } from './sa-names.js';
import { typeSpecOf } from './type-of.js';
import { unknown, type ClassInfo, type ModuleInfo, type Unknown, type Value } from './values.js';

export type Container = 'mapped' | 'classvar' | 'other';

const MAPPED = new Set(['Mapped', 'WriteOnlyMapped', 'DynamicMapped']);

export interface AnnotationInfo {
  container: Container;
  /** the type inside Mapped[...], optional stripped; null for a bare `Mapped` */
  type: Value | null;
  optional: boolean;
}

type Generic = Extract<Value, { t: 'generic' }>;

function genericOf(v: Value, name: string): Generic | undefined {
  return v.t === 'generic' && pyName(v.base) === name ? v : undefined;
}

export function readAnnotation(ctx: Ctx, ann: Value, module: ModuleInfo): AnnotationInfo {
  if (ann.t === 'generic' && MAPPED.has(saSymbol(ann.base) ?? '')) {
    const inner = forwardRef(ctx, ann.args[0] ?? { t: 'none' }, module);
    return { container: 'mapped', optional: includesNone(inner), type: withoutNone(inner) };
  }
  if (MAPPED.has(saSymbol(ann) ?? '')) return { container: 'mapped', optional: false, type: null };
  if (genericOf(ann, 'typing.ClassVar') || pyName(ann) === 'typing.ClassVar') return { container: 'classvar', optional: false, type: null };
  const plain = forwardRef(ctx, ann, module);
  return { container: 'other', optional: includesNone(plain), type: withoutNone(plain) };
}

/**
 * `Mapped["User"]`: a string names a class or type of the module; inside a generic too
 * (`Mapped[Optional["datetime"]]`), except where strings are values (`Literal["a"]`, `Annotated` extras).
 */
export function forwardRef(ctx: Ctx, v: Value, module: ModuleInfo): Value {
  if (v.t === 'generic') {
    const base = pyName(v.base);
    if (base === 'typing.Literal') return v;
    const upTo = base === 'typing.Annotated' ? 1 : v.args.length;
    const args = v.args.map((a, i) => (i < upTo ? forwardRef(ctx, a, module) : a));
    return args.every((a, i) => a === v.args[i]) ? v : { ...v, args };
  }
  if (v.t !== 'str') return v;
  const text = v.v.trim();
  const optional = /^Optional\[(.+)\]$/.exec(text)?.[1] ?? /^(.+?)\s*\|\s*None$/.exec(text)?.[1];
  if (optional) return { t: 'generic', base: { t: 'ext', name: 'typing.Optional' }, args: [forwardRef(ctx, { t: 'str', v: optional }, module)] };
  if (!/^[A-Za-z_][\w.]*$/.test(text)) return unknown(`string annotation "${text}" not resolved`, module.file, 0);
  const [head, ...rest] = text.split('.');
  let value = lookupName(ctx, head!, { module, depth: 0 }, 0);
  for (const part of rest) value = value.t === 'module' || value.t === 'ext' ? { t: 'ext', name: `${pyName(value) ?? ''}.${part}` } : value;
  return value;
}

function includesNone(v: Value): boolean {
  if (v.t === 'generic' && v.expanded) return includesNone(v.expanded);
  if (v.t === 'none' || pyName(v) === 'types.NoneType') return true;
  if (v.t === 'alias') return includesNone(v.value);
  if (genericOf(v, 'typing.Optional')) return true;
  const union = genericOf(v, 'typing.Union');
  if (union) return union.args.some(includesNone);
  const annotated = genericOf(v, 'typing.Annotated');
  return annotated ? includesNone(annotated.args[0] ?? { t: 'none' }) : false;
}

export function withoutNone(v: Value): Value {
  const optional = genericOf(v, 'typing.Optional');
  if (optional) return withoutNone(optional.args[0] ?? { t: 'none' });
  const union = genericOf(v, 'typing.Union');
  if (union) {
    const rest = union.args.filter((a) => a.t !== 'none').map(withoutNone);
    return rest.length === 1 ? rest[0]! : { ...union, args: rest };
  }
  return v;
}

/** Annotated[T, mapped_column(...)]: the mapped_column calls among the extras. */
export function annotatedExtras(v: Value | null): { inner: Value | null; extras: Value[] } {
  // `type Str50 = Annotated[str, mapped_column(...)]`: the alias lends its mapped_column too
  const annotated = v ? genericOf(v.t === 'alias' ? v.value : v.t === 'generic' && v.expanded ? v.expanded : v, 'typing.Annotated') : undefined;
  if (annotated) return { inner: withoutNone(annotated.args[0] ?? { t: 'none' }), extras: annotated.args.slice(1) };
  return { inner: v, extras: [] };
}

/** The type SQLAlchemy (or SQLModel) infers for a Python annotation type, through the type_annotation_map. */
export function typeFromPython(ctx: Ctx, t: Value, typeMap: Array<[Value, Value]>, flavor: AnnotationFlavor, file: string, line: number): TypeSpec | Unknown {
  if (t.t === 'unknown') return t;
  const { inner, extras } = annotatedExtras(t);
  const checks = extras.length > 0 ? [t, inner!] : [t];
  const origin = t.t === 'ext' ? annotatedOrigin(t.name) : undefined;
  if (origin) checks.push({ t: 'ext', name: origin });
  // an alias not in the type_annotation_map falls back to its value (SQLAlchemy 2.0 does, with a warning)
  if (t.t === 'alias') checks.push(withoutNone(t.value));
  if (t.t === 'generic' && t.expanded) checks.push(withoutNone(t.expanded));
  for (const check of checks) {
    const found = lookupType(ctx, check, typeMap, flavor, file, line);
    if (found) return found;
  }
  return unknown(`no SQLAlchemy type for annotation ${describe(t)}`, file, line);
}

function describe(v: Value): string {
  if (v.t === 'class') return v.cls.name;
  if (v.t === 'ext') return v.name.replace(/^builtins\./, '');
  if (v.t === 'generic') return `${describe(v.base)}[...]`;
  return v.t;
}

function lookupType(ctx: Ctx, t: Value, typeMap: Array<[Value, Value]>, flavor: AnnotationFlavor, file: string, line: number): TypeSpec | Unknown | undefined {
  if (t.t === 'alias' || t.t === 'generic') {
    const mapped = typeMap.find(([k]) => sameKey(k, t) || sameGeneric(k, t));
    if (mapped) return typeSpecOf(ctx, mapped[1], file, line);
  }
  const supertype = newTypeOf(t);
  if (supertype) {
    // `UserId = NewType("UserId", int)`: the NewType itself in the map, else its supertype (flatten_newtype)
    const mapped = typeMap.find(([k]) => sameKey(k, t));
    return mapped ? typeSpecOf(ctx, mapped[1], file, line) : lookupType(ctx, supertype, typeMap, flavor, file, line);
  }
  if (t.t === 'generic' && pyName(t.base) === 'typing.Literal') {
    const values = t.args.map((a) => (a.t === 'str' ? a.v : null));
    const plain = typeFromLiteralAnnotation(values, flavor);
    if (!plain) return unknown('Literal annotation not supported here', file, line);
    // `type_annotation_map={Literal: Enum(native_enum=False, length=32)}`: that Enum's options over the literal's
    // values (Enum._resolve_for_python_type), whatever enum it was given
    const mapped = typeMap.find(([k]) => pyName(k) === 'typing.Literal')?.[1];
    if (!mapped) return plain;
    const isEnum = mapped.t === 'call' && saSymbol(mapped.callee) === 'Enum';
    const strings = t.args.filter((a) => a.t === 'str');
    return typeSpecOf(ctx, isEnum ? { ...mapped, args: strings } : mapped, file, line);
  }
  const candidates = t.t === 'class' ? mroValues(ctx, t.cls).flatMap(withEnumBases) : [t];
  for (const candidate of candidates) {
    const mapped = typeMap.find(([k]) => sameKey(k, candidate) || sameGeneric(k, candidate));
    const isExact = candidate === candidates[0];
    if (mapped && (isExact || isEnumBase(candidate))) {
      if (t.t === 'class' && isEnumBase(candidate)) return enumForClass(ctx, t.cls, mapped[1], file, line);
      return typeSpecOf(ctx, mapped[1], file, line);
    }
    if (!isExact) continue;
    const name = pyName(candidate);
    const spec = name ? typeFromAnnotation(name, flavor) : null;
    if (spec) return spec;
  }
  // no map entry anywhere up the MRO (`enum.Enum` may be one, past IntEnum): SQLAlchemy's own Enum
  if (t.t === 'class' && candidates.some(isEnumBase)) return enumForClass(ctx, t.cls, undefined, file, line);
  // SQLModel asks issubclass() of each type in turn (`class PasswordStr(SecretStr, str)` is a str); SQLAlchemy
  // takes a subclass of a type only through its type_annotation_map
  if (t.t === 'class' && flavor === 'sqlmodel') {
    const bases = new Set(candidates.map(pyName));
    const base = SQLMODEL_SUBCLASS_CHECKS.find((name) => bases.has(name));
    return base ? (typeFromAnnotation(base, flavor) ?? undefined) : undefined;
  }
  return undefined;
}

/** The types SQLModel's get_sqlalchemy_type tests a class against, in its order. */
const SQLMODEL_SUBCLASS_CHECKS = ['builtins.str', 'builtins.float', 'builtins.bool', 'builtins.int', 'datetime.datetime', 'datetime.date', 'datetime.timedelta', 'datetime.time', 'builtins.bytes', 'decimal.Decimal', 'uuid.UUID'];

function newTypeOf(v: Value): Value | undefined {
  return v.t === 'call' && pyName(v.callee) === 'typing.NewType' ? v.args[1] : undefined;
}

function withEnumBases(v: Value): Value[] {
  // the enum classes above it that a type_annotation_map may name (ReprEnum is not one to name)
  const above = v.t === 'ext' ? ENUM_BASES[v.name]?.filter((name) => name.startsWith('enum.') && name !== 'enum.ReprEnum') : undefined;
  return above ? [v, ...above.map((name): Value => ({ t: 'ext', name }))] : [v];
}

function isEnumBase(v: Value): boolean {
  return v.t === 'ext' && /^enum\.(Enum|IntEnum|StrEnum|Flag|IntFlag)$/.test(v.name);
}

function enumForClass(ctx: Ctx, cls: ClassInfo, mapped: Value | undefined, file: string, line: number): TypeSpec | Unknown {
  if (!isEnumClass(ctx, cls)) return unknown(`${cls.name} is not an enum`, file, line);
  const base = typeFromEnumAnnotation(cls.name, enumMembers(ctx, cls).map((m) => m.name));
  if (mapped?.t !== 'call' || mapped.callee.t !== 'ext') return base;
  const configured = enumSpec(ctx, mapped.callee, { ...mapped, args: [{ t: 'class', cls }] }, file, line);
  return 't' in configured ? configured : { ...base, kwargs: configured.kwargs };
}

function sameGeneric(a: Value, b: Value): boolean {
  // typing's Union is unordered and flat: Union[int, str] == Union[str, int] == Union[int, Union[str, int]]
  if (genericOf(a, 'typing.Union') && genericOf(b, 'typing.Union')) {
    const [x, y] = [unionMembers(a), unionMembers(b)];
    return x.every((m) => y.some((n) => sameArg(m, n))) && y.every((n) => x.some((m) => sameArg(m, n)));
  }
  if (a.t !== 'generic' || b.t !== 'generic' || a.args.length !== b.args.length) return false;
  if (!sameKey(a.base, b.base) && (pyName(a.base) === undefined || pyName(a.base) !== pyName(b.base))) return false;
  return a.args.every((x, i) => sameArg(x, b.args[i]!));
}

function sameArg(a: Value, b: Value): boolean {
  return sameKey(a, b) || sameGeneric(a, b) || sameScalar(a, b);
}

function unionMembers(v: Value): Value[] {
  const union = genericOf(v, 'typing.Union');
  return union ? union.args.flatMap(unionMembers) : [v];
}

function sameScalar(a: Value, b: Value): boolean {
  return (a.t === 'str' || a.t === 'num' || a.t === 'bool') && a.t === b.t && a.v === b.v;
}
