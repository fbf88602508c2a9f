// The type compiler: SQLAlchemy's TypeCompiler.process and visit_* dispatch, over visitor tables per dialect.
import { ELEMENT_ATTR, type TypeArg, type TypeSpec } from '../type-spec.js';
import type { Dialect } from '../types.js';
import { bindType, type BoundType } from './bind.js';
import { CompileError } from './python.js';
import { GENERIC_VISITORS } from './visit-generic.js';
import { MYSQL_VISITORS } from './visit-mysql.js';
import { POSTGRESQL_VISITORS } from './visit-postgresql.js';
import { SQLITE_VISITORS } from './visit-sqlite.js';

/** A type outside the catalog was met where `strict` compilation was asked for. */
export class UnknownTypeError extends Error {
  override readonly name = 'UnknownTypeError';
  constructor(readonly spec: TypeSpec) {
    super(`unknown type ${spec.module}.${spec.name}`);
  }
}

export type Visitor = (t: BoundType, c: TypeCompiler) => string;
export type VisitorTable = Readonly<Record<string, Visitor>>;

export interface TypeCompiler {
  readonly dialect: Dialect;
  /** `self.visit_<name>(t)`: the dialect's override when it has one, else the generic method */
  visit(name: string, t: BoundType): string;
  /** `super().visit_<name>(t)` from a dialect compiler: the generic method */
  generic(name: string, t: BoundType): string;
  /** `self.process(type)`: variant for this dialect first, then TypeDecorator impl, then dispatch */
  process(spec: TypeSpec): string;
}

const DIALECT_VISITORS: Readonly<Record<Dialect, VisitorTable>> = {
  postgresql: POSTGRESQL_VISITORS,
  mysql: MYSQL_VISITORS,
  sqlite: SQLITE_VISITORS,
};

/** Python's `with_variant` wins over the base type: the spec SQLAlchemy will actually compile. */
export function variantFor(spec: TypeSpec, dialect: Dialect): TypeSpec {
  return spec.variants?.[dialect] ?? spec;
}

/**
 * `strict`: throw UnknownTypeError on a type outside the catalog. Otherwise such a type, nested in
 * a known one (ARRAY(Geometry)), renders as its class name, the way the oracle names what it cannot compile.
 */
export function createCompiler(dialect: Dialect, strict: boolean): TypeCompiler {
  const own = DIALECT_VISITORS[dialect];
  const call = (fn: Visitor | undefined, name: string, t: BoundType): string => {
    if (!fn) throw new CompileError(`no visit_${name} on ${dialect}`);
    return fn(t, compiler);
  };
  const compiler: TypeCompiler = {
    dialect,
    visit: (name, t) => call(own[name] ?? GENERIC_VISITORS[name], name, t),
    generic: (name, t) => call(GENERIC_VISITORS[name], name, t),
    process(spec) {
      const chosen = variantFor(spec, dialect);
      // a project @compiles function replaces the compiler's own visit (visit_user_defined's get_col_spec() too)
      const custom = chosen.compiled?.[dialect];
      if (custom === null && strict) throw new UnknownTypeError(chosen);
      if (typeof custom === 'string' || custom === null) return custom ?? chosen.name;
      // TypeCompiler.visit_user_defined: the type's own get_col_spec()
      if (chosen.colSpec !== undefined) return chosen.colSpec;
      const t = bindType(chosen);
      if (custom !== undefined) {
        if (!t) throw new UnknownTypeError(chosen);
        return 'template' in custom ? fillTemplate(custom.template, t, chosen) : compiler.visit(custom.visit, t);
      }
      if (!t) {
        if (strict) throw new UnknownTypeError(chosen);
        return chosen.name;
      }
      if (t.cls.decorates) return compiler.process(t.cls.decorates(t, dialect));
      if (t.cls.visit === null) throw new CompileError(`${chosen.name} has no visit name`);
      return compiler.visit(t.cls.visit, t);
    },
  };
  return compiler;
}

/** A `@compiles` function's text with the type's attributes filled in as Python's `str()` shows them (`None` when unset). */
function fillTemplate(template: string, t: BoundType, spec: TypeSpec): string {
  return template.replace(ELEMENT_ATTR, (_, name: string) => {
    if (!t.has(name)) throw new UnknownTypeError(spec);
    return pythonText(t.attrs[name] ?? null, spec);
  });
}

function pythonText(v: TypeArg, spec: TypeSpec): string {
  if (v === null) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  throw new UnknownTypeError(spec);
}
