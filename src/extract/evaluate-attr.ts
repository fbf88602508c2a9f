// Attribute access in the static evaluator: modules, classes, tables (`t.c.col`), Flask's `db.X`.
import type { Ctx, Env } from './context.js';
import { classScope } from './context.js';
import type { Binding } from './scope.js';
import { mroOf } from './classes.js';
import { enumMemberValue, isEnumClass } from './enums.js';
import { bindingValue, lookupInModule } from './resolve.js';
import { isSaName, saSymbol } from './sa-names.js';
import { unknown, type CallValue, type ClassInfo, type Value } from './values.js';

/** Attributes of a Flask-SQLAlchemy `db` object that are not SQLAlchemy names. */
const FLASK_DB_OWN = new Set(['Model', 'Table', 'metadata', 'metadatas', 'session', 'engine', 'engines', 'Query']);

export function attributeOf(ctx: Ctx, obj: Value, name: string, env: Env, line: number): Value {
  switch (obj.t) {
    case 'unknown':
      return obj;
    case 'module': {
      const found = lookupInModule(ctx, obj.module, name);
      if (found) return found;
      const sub = ctx.project.modules.get(`${obj.module.name}.${name}`);
      return sub ? { t: 'module', module: sub } : unknown(`${obj.module.name} defines no ${name}`, env.module.file, line);
    }
    case 'ext':
      return { t: 'ext', name: `${obj.name}.${name}` };
    case 'class':
      return classAttribute(ctx, obj.cls, name, line);
    case 'clsattr':
      if (obj.name === '__table__' && (name === 'c' || name === 'columns')) return { ...obj, name: '__table__.c' };
      if (obj.name === '__table__.c') return { ...obj, name };
      return { t: 'attr', obj, name };
    case 'call':
      return instanceAttribute(ctx, obj, name);
    case 'tablecols':
      return { t: 'tablecol', table: obj.table, name };
    case 'metatable':
      return name === 'c' || name === 'columns' ? { t: 'tablecols', table: obj } : { t: 'attr', obj, name };
    default:
      return { t: 'attr', obj, name };
  }
}

function instanceAttribute(ctx: Ctx, obj: CallValue, name: string): Value {
  // only mapped classes carry a table; a declarative base or any other object has none
  if (name === '__table__') return { t: 'none' };
  const pseudo = obj.callee.t === 'ext' ? obj.callee.name : '';
  // records the extractor builds for callables it runs (enum members, constraints for naming tokens)
  if (pseudo === 'schemaguard.Record') return obj.kwargs.get(name) ?? { t: 'attr', obj, name };
  if (pseudo === 'schemaguard.Dialect') {
    if (name === 'name') return { t: 'str', v: ctx.project.dialect };
    if (name === 'type_descriptor') return { t: 'ext', name: 'schemaguard.type_descriptor' };
  }
  if (isSaName(obj.callee, 'Table') && (name === 'c' || name === 'columns')) return { t: 'tablecols', table: obj };
  if (isFlaskDb(obj) && !FLASK_DB_OWN.has(name)) return { t: 'ext', name: `sqlalchemy.${name}` };
  // `settings = Settings()`: an instance reads the class's constants (what __init__ sets stays unknown)
  if (obj.callee.t === 'class' && !name.startsWith('__')) {
    const found = classAttribute(ctx, obj.callee.cls, name, obj.line);
    if (found.t !== 'clsattr') return found;
  }
  return { t: 'attr', obj, name };
}

/** `db = SQLAlchemy(...)` from Flask-SQLAlchemy (or a project subclass of it). */
const flaskDbs = new WeakMap<CallValue, boolean>();

export function isFlaskDb(v: Value): boolean {
  if (v.t !== 'call') return false;
  let known = flaskDbs.get(v);
  if (known === undefined) {
    known = saSymbol(v.callee) === 'flask_sqlalchemy.SQLAlchemy' || (v.callee.t === 'class' && v.callee.cls.def.bases.some((b) => /\bSQLAlchemy$/.test(exprName(b.value))));
    flaskDbs.set(v, known);
  }
  return known;
}

function exprName(e: { k: string; id?: string; name?: string }): string {
  return e.k === 'name' ? (e.id ?? '') : e.k === 'attr' ? (e.name ?? '') : '';
}

function classAttribute(ctx: Ctx, cls: ClassInfo, name: string, line: number): Value {
  if (name === '__name__' || name === '__qualname__') return { t: 'str', v: cls.name };
  if (name === '__tablename__') return ctx.project.hooks.tablenameOf(cls);
  if (name === '__table__') return ctx.project.hooks.hasTable(cls) ? { t: 'clsattr', cls, name, line } : { t: 'none' };
  if (name === '__mro__') return { t: 'seq', kind: 'tuple', items: mroOf(ctx, cls).map((e) => (e.k === 'class' ? { t: 'class', cls: e.cls } : e.value)) };
  // the first class up the MRO that defines the name, as Python's attribute lookup finds it
  for (const e of mroOf(ctx, cls)) {
    if (e.k !== 'class') continue;
    const binding = classScope(ctx.project, e.cls).bindings.get(name);
    if (binding) return classMember(ctx, cls, e.cls, name, binding, line);
  }
  return { t: 'clsattr', cls, name, line, missing: true };
}

function classMember(ctx: Ctx, cls: ClassInfo, owner: ClassInfo, name: string, binding: Binding, line: number): Value {
  const env = { module: owner.module, cls: owner, depth: 0 };
  if (binding.k === 'class' || binding.k === 'def') return bindingValue(ctx, binding, env);
  if (binding.k !== 'expr' || binding.expr.k === 'lambda') return { t: 'clsattr', cls, name, line };
  // constants on a class (lengths, flags, choices) and tables held by a class are values;
  // columns stay references to the mapped attribute
  if (isEnumClass(ctx, owner) && !name.startsWith('_')) return enumMemberValue(ctx, owner, name) ?? { t: 'clsattr', cls, name, line };
  const value = bindingValue(ctx, binding, env);
  if (value.t !== 'call' || isSaName(value.callee, 'Table', 'MetaData')) return value;
  return { t: 'clsattr', cls, name, line };
}
