// Which classes SQLAlchemy maps: under a declarative root, not abstract, SQLModel only with table=True.
import { classHeader, outsideBases } from './classes.js';
import { addsNoColumn, OUTSIDE_ROOTS } from './outside-libraries.js';
import { ownAttrs } from './class-body.js';
import { evalExpr } from './evaluate.js';
import { isRootClass, newMeta, registryOf, type Registry } from './registry.js';
import { saSymbol } from './sa-names.js';
import type { Extraction } from './state.js';
import { isTruthy, type ClassInfo, type Value } from './values.js';
import { messages } from './messages.js';
import { unknownCause } from './value-text.js';

/** Outside bases that are known not to add columns. */
const HARMLESS = /^(builtins|typing|typing_extensions|abc|enum|dataclasses|collections|pydantic|sqlmodel|flask_sqlalchemy|sqlalchemy)(\.|$)/;

const kinds = new WeakMap<ClassInfo, Registry | null>();

function ownFlag(x: Extraction, cls: ClassInfo, name: string): boolean {
  const attr = ownAttrs(x, cls).get(name);
  if (!attr?.expr) return false;
  const v = evalExpr(x.ctx, attr.expr, { module: cls.module, cls, depth: 0 });
  const truth = isTruthy(v);
  // `__abstract__ = settings.flag` not known: taken as false (mapped), and said so on its table
  if (truth === undefined) x.pending.set(cls, [...(x.pending.get(cls) ?? []), { file: cls.module.file, line: attr.line, symbol: name, reason: messages.flagNotKnown(name, unknownCause(v)) }]);
  return truth === true;
}

/** The registry of a mapped class; null for mixins, roots, abstract classes, SQLModel classes without table=True. */
export function mappedRegistry(x: Extraction, cls: ClassInfo): Registry | null {
  if (kinds.has(cls)) return kinds.get(cls)!;
  kinds.set(cls, null);
  const result = computeRegistry(x, cls);
  kinds.set(cls, result);
  return result;
}

/** A plain class a decorator has just mapped: what was memoised of it as unmapped is asked again. */
export function forgetMapping(x: Extraction, cls: ClassInfo): void {
  kinds.delete(cls);
  x.mapped.delete(cls);
}

function computeRegistry(x: Extraction, cls: ClassInfo): Registry | null {
  if (isRootClass(x.ctx, cls) || ownFlag(x, cls, '__abstract__') || isAbstractConcrete(x, cls)) return null;
  const registry = registryOf(x.ctx, x.reg, cls) ?? outsideRootRegistry(x, cls);
  if (!registry) return null;
  if (registry.flavor === 'sqlmodel') {
    const table = classHeader(x.ctx, cls).keywords.get('table');
    return table?.t === 'bool' && table.v ? registry : null;
  }
  return registry;
}

/**
 * `class Vehicle(AbstractConcreteBase, Base)`: not mapped; its columns are copied into each concrete subclass, as a
 * mixin's are.
 */
function isAbstractConcrete(x: Extraction, cls: ClassInfo): boolean {
  return classHeader(x.ctx, cls).bases.some((b) => saSymbol(b) === 'AbstractConcreteBase');
}

/**
 * The registry of an AbstractConcreteBase class that is not `__abstract__`: one that names a table (its own
 * `__tablename__`, or a mixin's declared_attr) still builds that Table on its metadata, though the class stays
 * unmapped (fleetyard's `Vehicle`). Null for any other class.
 */
export function abstractConcreteRegistry(x: Extraction, cls: ClassInfo): Registry | null {
  if (!isAbstractConcrete(x, cls) || isRootClass(x.ctx, cls) || ownFlag(x, cls, '__abstract__')) return null;
  return registryOf(x.ctx, x.reg, cls) ?? null;
}

/**
 * A class over a declarative base from outside the repository is mapped when it names its table: the columns we
 * can read are extracted, the base is reported as unresolved unless it is one known to add none (Flask-AppBuilder's
 * `Model`). One registry per outside name.
 */
function outsideRootRegistry(x: Extraction, cls: ClassInfo): Registry | null {
  const attrs = ownAttrs(x, cls);
  if (!attrs.has('__tablename__') && !attrs.has('__table__')) return null;
  if (isDeclarativeBaseMixin(cls)) return null;
  const root = outsideBases(x.ctx, cls).find((v) => v.t === 'ext' && OUTSIDE_ROOTS.has(v.name)) ?? unknownBases(x, cls)[0];
  if (!root) return null;
  const key = root.t === 'ext' ? root.name : root;
  let registry = x.reg.registries.get(key);
  if (!registry) {
    const meta = newMeta(x.reg, undefined);
    meta.outside = true;
    registry = { flavor: 'sqlalchemy', meta, typeMap: [] };
    x.reg.registries.set(key, registry);
  }
  return registry;
}

const BASE_FACTORIES = new Set(['declarative_base', 'generate_base']);

/**
 * `BASE = declarative_base(cls=Nca47Base)` in the class's module: the class is the models' mixin, not a model of an
 * outside base, though it names a table for them (nca47's `__tablename__` declared_attr over oslo.db's bases).
 */
function isDeclarativeBaseMixin(cls: ClassInfo): boolean {
  return cls.module.body.some((s) => {
    if (s.k !== 'assign' || s.value.k !== 'call') return false;
    const fn = s.value.fn;
    const name = fn.k === 'name' ? fn.id : fn.k === 'attr' ? fn.name : '';
    return BASE_FACTORIES.has(name) && s.value.args.some((a) => a.name === 'cls' && a.value.k === 'name' && a.value.id === cls.name);
  });
}

/** Bases from outside the repository that may add columns we cannot see (Flask-AppBuilder's AuditMixin ...). */
export function unknownBases(x: Extraction, cls: ClassInfo): Value[] {
  return outsideBases(x.ctx, cls).filter((v) => {
    if (v.t === 'ext') return !HARMLESS.test(v.name) && !addsNoColumn(v.name);
    if (v.t === 'unknown') return true;
    return false;
  });
}

export function isDeclaredAttr(decorators: Value[]): boolean {
  return decorators.some((d) => {
    const target = d.t === 'call' ? d.callee : d;
    return target.t === 'ext' && /(^|\.)declared_attr(\.directive|\.cascading)?$/.test(target.name);
  });
}
