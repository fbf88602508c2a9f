// Renders a TypeSpec as SQLAlchemy 2.0.40 compiles it for a dialect: str(type.compile(dialect)).upper(), plus enum values.
import { bindType, type BoundType } from './type-render/bind.js';
import { findTypeClass } from './type-render/catalog.js';
import { createCompiler, UnknownTypeError, variantFor } from './type-render/compiler.js';
import { CompileError } from './type-render/python.js';
import type { RenderedType, TypeSpec } from './type-spec.js';
import { DIALECTS, type Dialect } from './types.js';

/**
 * The DDL type of a column as schema JSON carries it. What SQLAlchemy cannot compile (an unnamed
 * PostgreSQL Enum, a length-less VARCHAR on MySQL, ARRAY on SQLite, a type it does not know) renders
 * as the class name, upper-cased, exactly like the oracle's fallback.
 */
export function renderType(spec: TypeSpec, dialect: Dialect): RenderedType {
  const { type, enum: values } = memoised(rendered, spec, dialect, () => ({ type: compileType(spec, dialect).toUpperCase(), enum: enumValues(spec, dialect) }));
  return { type, enum: values && values.slice() };
}

/**
 * Most columns of a code base share a few dozen plain types (`Integer()`, `String(120)`): each is compiled once
 * per dialect. Only specs whose arguments are all scalars are memoised: their key is cheap to spell exactly.
 * Bounded, as a long-lived process (a test run) meets many.
 */
const rendered = new Map<string, RenderedType>();
const unknownTypes = new Map<string, TypeSpec | null>();
const MEMO_LIMIT = 5000;

/**
 * The key last spelled: finalize asks for a column's type and then whether it is known, with the same spec; the
 * same key string hashes once (a new one is hashed again on every lookup).
 */
let last: { spec: TypeSpec; dialect: Dialect | undefined; key: string | null } | undefined;

function memoised<T>(memo: Map<string, T>, spec: TypeSpec, dialect: Dialect | undefined, compute: () => T): T {
  if (last?.spec !== spec || last.dialect !== dialect) last = { spec, dialect, key: plainKey(spec, dialect) };
  const key = last.key;
  if (key === null) return compute();
  const known = memo.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

const scalar = (v: unknown): string | null => (v === null ? 'n' : typeof v === 'object' ? null : `${typeof v}:${String(v)}`);

function plainKey(spec: TypeSpec, dialect: Dialect | undefined): string | null {
  if (spec.variants !== undefined || spec.enumValues !== undefined || spec.enumClass !== undefined || spec.compiled !== undefined) return null;
  let key = `${dialect ?? '*'}|${spec.module}.${spec.name}|${spec.colSpec ?? ''}|${spec.className ?? ''}`;
  for (const arg of spec.args) {
    const text = scalar(arg);
    if (text === null) return null;
    key += `|${text}`;
  }
  for (const name in spec.kwargs) {
    const text = scalar(spec.kwargs[name]);
    if (text === null) return null;
    key += `|${name}=${text}`;
  }
  return key;
}

/**
 * The first type in `spec` (itself, a variant, an ARRAY item ...) that rendering for `dialect`
 * (every dialect when omitted) needs and the catalog does not know: a third-party or project type.
 */
/** What a SQLAlchemy TypeDecorator compiles as on a dialect (`Interval` is a DateTime on MySQL); undefined for other types. */
export function decoratedImpl(spec: TypeSpec, dialect: Dialect): TypeSpec | undefined {
  const t = bindType(spec);
  return t?.cls.decorates ? t.cls.decorates(t, dialect) : undefined;
}

export function findUnknownType(spec: TypeSpec, dialect?: Dialect): TypeSpec | null {
  return memoised(unknownTypes, spec, dialect, () => firstUnknownType(spec, dialect));
}

function firstUnknownType(spec: TypeSpec, dialect?: Dialect): TypeSpec | null {
  for (const d of dialect ? [dialect] : DIALECTS) {
    try {
      createCompiler(d, true).process(spec);
    } catch (e) {
      if (e instanceof UnknownTypeError) return e.spec;
      if (!(e instanceof CompileError)) throw e;
    }
  }
  return null;
}

/** Whether renderType is exact for this spec: false means the extractor should report the column as unresolved. */
export function isKnownType(spec: TypeSpec, dialect?: Dialect): boolean {
  return findUnknownType(spec, dialect) === null;
}

function compileType(spec: TypeSpec, dialect: Dialect): string {
  try {
    return createCompiler(dialect, false).process(spec);
  } catch (e) {
    if (e instanceof CompileError) return spec.className ?? findTypeClass(spec)?.className ?? spec.name;
    throw e;
  }
}

/** The oracle's effective_type: follow the dialect's variant and TypeDecorator impls to the type that is stored. */
function effectiveType(spec: TypeSpec, dialect: Dialect): BoundType | null {
  let current = spec;
  for (let hops = 0; hops < 8; hops += 1) {
    const t = bindType(variantFor(current, dialect));
    if (!t?.cls.decorates) return t;
    current = t.cls.decorates(t, dialect);
  }
  return null;
}

function enumValues(spec: TypeSpec, dialect: Dialect): string[] | null {
  try {
    const t = effectiveType(spec, dialect);
    return t?.cls.enum ? (t.attrs.enums as string[]).slice() : null;
  } catch (e) {
    if (e instanceof CompileError) return null;
    throw e;
  }
}
