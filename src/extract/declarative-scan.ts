// SQLAlchemy's declarative scan (_ClassScanMapperConfig._scan_attributes): which attributes a mapped
// class collects from itself, its mixins and abstract bases, and in which order.
import { mroOf, type MroEntry } from './classes.js';
import { inDict, isDunder, ownAttrs, type OwnAttr } from './class-body.js';
import { callOf } from './columns.js';
import { classScope, methodInfo, withEffects } from './context.js';
import { evalExpr } from './evaluate.js';
import { asSqlAlchemyReadsString } from './string-annotations.js';
import { columnBehind, descriptorGet } from './evaluate-attr.js';
import { bindingValue } from './resolve.js';
import { callFunction } from './evaluate-func.js';
import { callValue } from './evaluate-call.js';
import { isDeclaredAttr, mappedRegistry } from './model-kind.js';
import type { Unresolved } from '../schema/types.js';
import type { Extraction } from './state.js';
import { unknown, type ClassInfo, type ModuleInfo, type Value } from './values.js';

export interface Attr {
  name: string;
  owner: ClassInfo;
  line: number;
  /** null: annotation only (`x: Mapped[int]`) */
  value: Value | null;
  ann: Value | null;
  /** a mixin's plain Column, copied into the class (Column._copy); a declared_attr's is made for the class */
  copied?: boolean;
}

/** Names a mapped superclass already carries (its mapped attributes); filled by the declarative layer. */
export type MappedNames = (cls: ClassInfo) => Set<string>;

function classEnv(cls: ClassInfo): { module: ClassInfo['module']; cls: ClassInfo; depth: number } {
  return { module: cls.module, cls, depth: 0 };
}

/** The value of an own attribute, a declared_attr evaluated for the class being mapped. */
export function attrValue(x: Extraction, owner: ClassInfo, attr: OwnAttr, target: ClassInfo): Value | null {
  const value = ownValue(x, owner, attr, target);
  return value && declaredAttrCall(x, value, owner, target, attr.line);
}

/**
 * `declared_attr(fn)` called on a function, as a namespace built for `type()` holds it: the descriptor runs the
 * function for the class being mapped, as the decorator form does.
 */
function declaredAttrCall(x: Extraction, value: Value, owner: ClassInfo, target: ClassInfo, line: number): Value {
  const fn = value.t === 'call' && value.args.length === 1 && isDeclaredAttr([value.callee]) ? value.args[0] : undefined;
  if (!fn) return value;
  const env = { module: owner.module, depth: 0 };
  const expr = { k: 'name' as const, id: 'declared_attr', line };
  return mapped(x, callValue(x.ctx, fn, { args: [{ t: 'class', cls: target }], kwargs: new Map() }, x.onMappingEffect ? withEffects(env, x.onMappingEffect) : env, expr));
}

/**
 * What a declared_attr returned, as mapping meets it: a table made for a `relationship(secondary=...)` exists. A
 * class attribute read on a class not mapped (bupap's `return Base.id`, Base the declarative base) is the Column or
 * mapped_column object itself.
 */
function mapped(x: Extraction, value: Value): Value {
  x.onMappingEffect?.(value);
  const column = value.t === 'clsattr' && !x.ctx.project.hooks.isMapped(value.cls) ? columnBehind(x.ctx, value.cls, value.name) : undefined;
  return column ?? value;
}

/** The classes each declared_attr is being run for, now. */
const running = new WeakMap<OwnAttr, Set<ClassInfo>>();

function runningFor(attr: OwnAttr): Set<ClassInfo> {
  let classes = running.get(attr);
  if (!classes) running.set(attr, (classes = new Set()));
  return classes;
}

function ownValue(x: Extraction, owner: ClassInfo, attr: OwnAttr, target: ClassInfo): Value | null {
  if (attr.value) return attr.value;
  if (attr.def) {
    const decorators = attr.def.decorators.map((d) => evalExpr(x.ctx, d, classEnv(owner)));
    if (!isDeclaredAttr(decorators)) return null;
    // a declared_attr reading its own attribute (`cls.__tablename__` in the function) calls itself again in Python
    const running = runningFor(attr);
    if (running.has(target)) return unknown(`${target.name}.${attr.name} reads itself as its declared_attr runs: Python raises RecursionError`, owner.module.file, attr.line);
    const fn = methodInfo(owner.module, attr.def, owner, { t: 'class', cls: target });
    const env = { module: owner.module, depth: 0 };
    running.add(target);
    try {
      return mapped(x, callFunction(x.ctx, fn, { args: [], kwargs: new Map() }, x.onMappingEffect ? withEffects(env, x.onMappingEffect) : env, attr.line));
    } finally {
      running.delete(target);
    }
  }
  if (!attr.expr) return null;
  // through the class binding memo, so the column a class-body Index(...) names is this very column
  const binding = classScope(x.ctx.project, owner).bindings.get(attr.name);
  if (binding?.k === 'expr' && binding.expr === attr.expr) return bindingValue(x.ctx, binding, classEnv(owner));
  return evalExpr(x.ctx, attr.expr, classEnv(owner));
}

/** An own attribute's value if the mapping has evaluated it already (through the class binding memo), else undefined. */
export function evaluatedAttr(x: Extraction, owner: ClassInfo, attr: OwnAttr): Value | undefined {
  const binding = classScope(x.ctx.project, owner).bindings.get(attr.name);
  const known = binding?.k === 'expr' && binding.expr === attr.expr ? x.ctx.project.memo.get(binding) : undefined;
  return known === 'pending' ? undefined : known;
}

/**
 * An attribute's annotation; for a declared_attr, its return annotation, which SQLAlchemy reads on a mixin's
 * (`withReturn`) and not on the mapped class's own.
 */
export function annValue(x: Extraction, owner: ClassInfo, attr: OwnAttr, withReturn = true): Value | null {
  const ann = attr.ann ?? (withReturn ? attr.def?.returns : null) ?? null;
  if (!ann) return null;
  if (!hasFutureAnnotations(owner.module)) return evalExpr(x.ctx, ann, classEnv(owner));
  const env = { ...classEnv(owner), globalsFirst: true };
  return evalExpr(x.ctx, asSqlAlchemyReadsString(x.ctx, ann, env), env);
}

const futureAnnotations = new WeakMap<ModuleInfo, boolean>();

/** `from __future__ import annotations`: the module's annotations are strings, evaluated when the class is mapped. */
function hasFutureAnnotations(module: ModuleInfo): boolean {
  let found = futureAnnotations.get(module);
  if (found === undefined) {
    found = module.body.some((s) => s.k === 'from' && s.module === '__future__' && s.level === 0 && s.names !== '*' && s.names.some((n) => n.name === 'annotations'));
    futureAnnotations.set(module, found);
  }
  return found;
}

function isMappedBase(x: Extraction, e: MroEntry, cls: ClassInfo): boolean {
  return e.k === 'class' && e.cls !== cls && mappedRegistry(x, e.cls) !== null;
}

/** `getattr(cls, name)` resolves to `owner`'s attribute: no class before it in the MRO has the name. */
function resolvesTo(x: Extraction, cls: ClassInfo, name: string, owner: ClassInfo, names: MappedNames): boolean {
  for (const e of mroOf(x.ctx, cls)) {
    if (e.k !== 'class') continue;
    if (e.cls === owner) return true;
    if (inDict(ownAttrs(x, e.cls).get(name))) return false;
    if (isMappedBase(x, e, cls) && names(e.cls).has(name)) return false;
  }
  return true;
}

function definedAnywhere(x: Extraction, cls: ClassInfo, name: string, names: MappedNames): boolean {
  return mroOf(x.ctx, cls).some((e) => e.k === 'class' && (inDict(ownAttrs(x, e.cls).get(name)) || (isMappedBase(x, e, cls) && names(e.cls).has(name))));
}

/** Attributes in the order SQLAlchemy collects them: the class's own first, then each mixin's in MRO order. */
export function scanAttributes(x: Extraction, cls: ClassInfo, names: MappedNames): Attr[] {
  const out = new Map<string, Attr>();
  for (const [name, attr] of ownAttrs(x, cls)) {
    if (isDunder(name) || attr.isClass) continue;
    const lent = inDict(attr) ? undefined : mixinDefinition(x, cls, name, names);
    // a mixin's column (or Mapped annotation) is copied to the class with its own annotation, in the mixin's place
    if (lent?.k === 'copied') continue;
    const value = lent ? lent.value : attrValue(x, cls, attr, cls);
    if (attr.def && value === null) continue;
    // `x: Mapped[int | None] = None` in the class body is mapped as the annotation alone is (a declared_attr's None is not)
    const isPlainNone = !attr.def && value?.t === 'none';
    out.set(name, { name, owner: cls, line: attr.line, value: isPlainNone ? null : value, ann: annValue(x, cls, attr, false) });
  }
  for (const e of mroOf(x.ctx, cls).slice(1)) {
    if (e.k !== 'class' || isMappedBase(x, e, cls)) continue;
    collectMixin(x, cls, e.cls, out, names);
  }
  return [...out.values()];
}

/**
 * What a class's own bare annotation (`label: Mapped[str | None]`, no value) takes from the first mixin (or
 * declarative base) above it that defines the name: SQLAlchemy copies a mixin's column or Mapped annotation to the
 * class before it reads the class's own annotations, so the mixin's wins whole; a mixin's declared_attr gives the
 * value under the class's own annotation. Undefined when no mixin has the name before a mapped class does.
 */
function mixinDefinition(x: Extraction, cls: ClassInfo, name: string, names: MappedNames): { k: 'copied' } | { k: 'declared'; value: Value } | undefined {
  for (const e of mroOf(x.ctx, cls).slice(1)) {
    if (e.k !== 'class') continue;
    if (isMappedBase(x, e, cls)) {
      if (names(e.cls).has(name)) return undefined;
      continue;
    }
    const attr = ownAttrs(x, e.cls).get(name);
    if (!attr || attr.isClass) continue;
    const value = inDict(attr) ? attrValue(x, e.cls, attr, cls) : null;
    if (attr.def) return value === null ? undefined : { k: 'declared', value };
    if (inDict(attr)) return value && (callOf(value, 'Column', 'mapped_column') || value.t === 'unknown') ? { k: 'copied' } : undefined;
    return annValue(x, e.cls, attr) ? { k: 'copied' } : undefined;
  }
  return undefined;
}

/** A mixin's plain columns are copied first, then its declared_attr columns are evaluated for the class. */
function collectMixin(x: Extraction, cls: ClassInfo, mixin: ClassInfo, out: Map<string, Attr>, names: MappedNames): void {
  const later: Array<[string, OwnAttr]> = [];
  for (const [name, attr] of ownAttrs(x, mixin)) {
    if (isDunder(name) || attr.isClass || out.has(name)) continue;
    if (attr.def) {
      later.push([name, attr]);
      continue;
    }
    if (attr.expr === null && attr.value === undefined) {
      const ann = annValue(x, mixin, attr);
      if (ann && !definedAnywhere(x, cls, name, names)) out.set(name, { name, owner: mixin, line: attr.line, value: null, ann });
      continue;
    }
    if (!resolvesTo(x, cls, name, mixin, names)) continue;
    const value = attrValue(x, mixin, attr, cls);
    if (value && (callOf(value, 'Column', 'mapped_column') || value.t === 'unknown')) {
      out.set(name, { name, owner: mixin, line: attr.line, value, ann: annValue(x, mixin, attr), copied: true });
    }
  }
  for (const [name, attr] of later) {
    // `@declared_attr.cascading` runs for every subclass, over what the class or a mapped parent has
    const isCascading = attr.def!.decorators.some((d) => /\.cascading$/.test(valueName(evalExpr(x.ctx, d, classEnv(mixin)))));
    if (!isCascading && (out.has(name) || !resolvesTo(x, cls, name, mixin, names))) continue;
    const value = attrValue(x, mixin, attr, cls);
    if (value !== null) out.set(name, { name, owner: mixin, line: attr.line, value, ann: annValue(x, mixin, attr) });
  }
}

function valueName(v: Value): string {
  return v.t === 'ext' ? v.name : '';
}

/** `getattr(cls, name)` for a dunder: the first definition in the MRO, declared_attr evaluated for `cls`. */
export function dunderValue(x: Extraction, cls: ClassInfo, name: string): { value: Value; owner: ClassInfo; isDeclared: boolean } | undefined {
  for (const e of mroOf(x.ctx, cls)) {
    if (e.k !== 'class') continue;
    const attr = ownAttrs(x, e.cls).get(name);
    if (!attr || !inDict(attr)) continue;
    const value = attrValue(x, e.cls, attr, cls);
    if (value === null) continue;
    return { value: descriptorGet(x.ctx, value, cls, attr.line), owner: e.cls, isDeclared: attr.def !== null };
  }
  return undefined;
}

/** Problems met reading the class body, its own and those of the mixins it takes attributes from. */
export function pendingProblems(x: Extraction, cls: ClassInfo): Unresolved[] {
  const out: Unresolved[] = [];
  for (const e of mroOf(x.ctx, cls)) {
    if (e.k !== 'class' || (e.cls !== cls && mappedRegistry(x, e.cls))) continue;
    ownAttrs(x, e.cls);
    out.push(...(x.pending.get(e.cls) ?? []));
  }
  return out;
}
