// Instances of in-repo record classes: `@dataclass` classes and `typing.NamedTuple` subclasses, whose generated
// constructor stores each field (settings objects, column specs). A field reads what the call passed, else its default.
import type { Expr } from '../python/summary.js';
import { mroOf } from './classes.js';
import { bareInstance } from './constructors.js';
import { classScope, type Ctx } from './context.js';
import { callLambda } from './evaluate-func.js';
import { evalExpr } from './evaluate.js';
import { bindingValue } from './resolve.js';
import { pyName } from './sa-names.js';
import { record, unknown, type Arguments, type CallValue, type ClassInfo, type Value } from './values.js';

const recordKinds = new WeakMap<ClassInfo, boolean>();

/**
 * `@dataclass`, `@dataclass(...)`, `@dataclasses.dataclass`; a NamedTuple base; a pydantic model (its fields set by
 * keyword: a settings object built with `Config(...)` or `Config.model_validate({...})`); or an in-repo base that is one.
 */
export function isRecordClass(ctx: Ctx, cls: ClassInfo): boolean {
  let known = recordKinds.get(cls);
  if (known === undefined) {
    recordKinds.set(cls, false);
    known = mroOf(ctx, cls).some((e) => (e.k === 'class' ? ownsFields(ctx, e.cls) : RECORD_BASES.has(pyName(e.value) ?? '')));
    recordKinds.set(cls, known);
  }
  return known;
}

const PYDANTIC_MODELS = new Set(['pydantic.BaseModel', 'pydantic.main.BaseModel']);
const RECORD_BASES = new Set(['typing.NamedTuple', ...PYDANTIC_MODELS]);

/** A pydantic model class (not SQLModel's, whose table classes are mapped, nor BaseSettings, read from the environment). */
export function isPydanticModel(ctx: Ctx, cls: ClassInfo): boolean {
  return mroOf(ctx, cls).some((e) => e.k === 'value' && PYDANTIC_MODELS.has(pyName(e.value) ?? ''));
}

/** `Config.model_validate({...})`: an instance with the dict's string keys as its keyword arguments. */
export function validatedModel(cls: ClassInfo, data: Value | undefined, file: string, line: number): Value {
  if (data?.t !== 'dict' || data.entries.some(([k]) => k.t !== 'str')) return unknown(`${cls.name}.model_validate() of a value not known statically`, file, line);
  const kwargs = new Map(data.entries.map(([k, v]) => [k.t === 'str' ? k.v : '', v]));
  return { ...bareInstance(cls, file, line), kwargs };
}

function ownsFields(ctx: Ctx, cls: ClassInfo): boolean {
  return cls.madeDataclass === true || cls.def.decorators.some((d) => {
    const v = evalExpr(ctx, d, { module: cls.module, depth: 0 });
    return pyName(v.t === 'call' ? v.callee : v) === 'dataclasses.dataclass';
  });
}

/**
 * The fields in constructor order: each record class's annotated names, base classes first. A redefinition keeps
 * its place and gives the field its own default (the owner, nearest in the MRO).
 */
function recordFields(ctx: Ctx, cls: ClassInfo): Array<{ name: string; owner: ClassInfo }> {
  const out = new Map<string, ClassInfo>();
  for (const e of [...mroOf(ctx, cls)].reverse()) {
    if (e.k !== 'class') continue;
    for (const stmt of e.cls.def.body) {
      if (stmt.k === 'ann' && stmt.target.k === 'name' && !isClassVar(stmt.ann)) out.set(stmt.target.id, e.cls);
    }
  }
  return [...out].map(([name, owner]) => ({ name, owner }));
}

function isClassVar(ann: Expr): boolean {
  const head = ann.k === 'sub' ? ann.obj : ann;
  return (head.k === 'name' && head.id === 'ClassVar') || (head.k === 'attr' && head.name === 'ClassVar');
}

/** A field of a record instance: the argument passed for it, else its default; undefined when `name` is no field. */
export function recordField(ctx: Ctx, instance: CallValue, cls: ClassInfo, name: string): Value | undefined {
  // what the instance's own code set (a dataclass's __post_init__) comes first
  const own = instance.attrs?.get(name);
  if (own) return own;
  // `field(init=False)` is no constructor parameter: positions count the others
  const fields = recordFields(ctx, cls).filter((f) => f.name === name || isInitField(ctx, f.owner, f.name));
  const at = fields.findIndex((f) => f.name === name);
  if (at === -1) return undefined;
  const owner = fields[at]!.owner;
  const passed = isInitField(ctx, owner, name) ? (instance.args[at] ?? instance.kwargs.get(name)) : undefined;
  if (passed) return isPydanticModel(ctx, cls) ? validatedField(ctx, owner, name, passed, instance) : passed;
  const binding = classScope(ctx.project, owner).bindings.get(name);
  if (!binding || binding.k === 'ann') return unknown(`${cls.name}() without its field ${name}`, instance.file, instance.line);
  const value = bindingValue(ctx, binding, { module: owner.module, cls: owner, depth: 0 });
  if (value.t !== 'call' || pyName(value.callee) !== 'dataclasses.field') return value;
  // a default_factory's object is the instance's own from then on: `d.tags.append(x)` changes what later reads see
  const made = fieldDefault(ctx, value);
  if (value.kwargs.has('default_factory')) (instance.attrs ??= new Map()).set(name, made);
  return made;
}

/** A `@dataclass` class (or one over such a base): what `dataclasses.fields()` and `asdict()` accept. */
export function isDataclass(ctx: Ctx, cls: ClassInfo): boolean {
  return mroOf(ctx, cls).some((e) => e.k === 'class' && ownsFields(ctx, e.cls));
}

function dataclassOf(ctx: Ctx, v: Value | undefined): ClassInfo | undefined {
  const cls = v?.t === 'class' ? v.cls : v?.t === 'call' && v.callee.t === 'class' ? v.callee.cls : undefined;
  return cls && isDataclass(ctx, cls) ? cls : undefined;
}

/**
 * `dataclasses.fields(cls_or_instance)`: a Field per field, with its `name`, `metadata` (a `field(metadata=...)`
 * mapping, else empty) and `default` (`dataclasses.MISSING` when it has none).
 */
export function dataclassFields(ctx: Ctx, v: Value | undefined, file: string, line: number): Value {
  const cls = dataclassOf(ctx, v);
  if (!cls) return unknown('dataclasses.fields() of a value not known statically', file, line);
  const items = recordFields(ctx, cls).map(({ name, owner }) => {
    const binding = classScope(ctx.project, owner).bindings.get(name);
    const declared = binding && binding.k !== 'ann' ? bindingValue(ctx, binding, { module: owner.module, cls: owner, depth: 0 }) : undefined;
    const isField = declared?.t === 'call' && pyName(declared.callee) === 'dataclasses.field';
    const metadata = (isField && declared.kwargs.get('metadata')) || { t: 'dict', entries: [] };
    const missing: Value = { t: 'ext', name: 'dataclasses.MISSING' };
    const fallback = isField ? (declared.kwargs.get('default') ?? missing) : (declared ?? missing);
    return record({ name: { t: 'str', v: name }, metadata, default: fallback });
  });
  return { t: 'seq', kind: 'tuple', items };
}

/** `dataclasses.asdict(instance)`: its fields by name, nested dataclass instances (in lists and dicts too) made dicts. */
export function dataclassAsDict(ctx: Ctx, v: Value | undefined, file: string, line: number): Value {
  if (v?.t !== 'call' || !dataclassOf(ctx, v)) return unknown('dataclasses.asdict() of a value not known statically', file, line);
  const convert = (x: Value): Value => {
    if (x.t === 'call' && x.callee.t === 'class' && dataclassOf(ctx, x)) {
      const cls = x.callee.cls;
      return { t: 'dict', entries: recordFields(ctx, cls).map(({ name }): [Value, Value] => [{ t: 'str', v: name }, convert(recordField(ctx, x, cls, name)!)]) };
    }
    if (x.t === 'seq') return { ...x, items: x.items.map(convert) };
    if (x.t === 'dict' && !x.collection) return { t: 'dict', entries: x.entries.map(([k, item]): [Value, Value] => [convert(k), convert(item)]) };
    return x;
  };
  return convert(v);
}

/** Whether a field is a constructor parameter: not one declared `field(init=False)`. */
function isInitField(ctx: Ctx, owner: ClassInfo, name: string): boolean {
  const binding = classScope(ctx.project, owner).bindings.get(name);
  if (binding?.k !== 'expr' || binding.expr.k !== 'call') return true;
  const value = bindingValue(ctx, binding, { module: owner.module, cls: owner, depth: 0 });
  const init = value.t === 'call' && pyName(value.callee) === 'dataclasses.field' ? value.kwargs.get('init') : undefined;
  return !(init?.t === 'bool' && !init.v);
}

/** A dict given for a pydantic field whose annotation is a model (`{"limits": {"title": 200}}`): that model, validated. */
function validatedField(ctx: Ctx, owner: ClassInfo, name: string, passed: Value, instance: CallValue): Value {
  if (passed.t !== 'dict') return passed;
  const ann = owner.def.body.find((s) => s.k === 'ann' && s.target.k === 'name' && s.target.id === name);
  const type = ann?.k === 'ann' ? evalExpr(ctx, ann.ann, { module: owner.module, cls: owner, depth: 0 }) : undefined;
  return type?.t === 'class' && isPydanticModel(ctx, type.cls) ? validatedModel(type.cls, passed, instance.file, instance.line) : passed;
}

/** `field(default=...)`, `field(default_factory=...)`: the default, or what the factory makes. */
function fieldDefault(ctx: Ctx, field: CallValue): Value {
  const given = field.kwargs.get('default');
  if (given) return given;
  const factory = field.kwargs.get('default_factory');
  if (factory?.t === 'code' && factory.expr.k === 'lambda' && factory.env) return callLambda(ctx, factory.expr, { args: [], kwargs: new Map() }, factory.env, factory.defaults);
  if (factory?.t === 'ext' && (factory.name === 'builtins.list' || factory.name === 'builtins.dict')) {
    return factory.name === 'builtins.list' ? { t: 'seq', kind: 'list', items: [] } : { t: 'dict', entries: [] };
  }
  // `field(default_factory=MoneyOptions)`: a record class called with no arguments holds its own defaults
  if (factory?.t === 'class' && isRecordClass(ctx, factory.cls)) return bareInstance(factory.cls, field.file, field.line);
  return unknown('a field default not known statically', field.file, field.line);
}

/** A NamedTuple or namedtuple class. */
export function isNamedTupleClass(ctx: Ctx, cls: ClassInfo): boolean {
  return mroOf(ctx, cls).some((e) => e.k === 'value' && pyName(e.value) === 'typing.NamedTuple');
}

/** A named tuple instance (`Row(1, "int")` of a NamedTuple or namedtuple class): its items; undefined for anything else. */
export function namedTupleItems(ctx: Ctx, v: Value): Value[] | undefined {
  if (v.t !== 'call' || v.callee.t !== 'class') return undefined;
  const cls = v.callee.cls;
  if (!isNamedTupleClass(ctx, cls)) return undefined;
  return recordFields(ctx, cls).map((f) => recordField(ctx, v, cls, f.name)!);
}

/** `dataclasses.replace(obj, **changes)`, a named tuple's `_replace(**changes)`: a new instance, every field given by keyword. */
export function replaceRecord(ctx: Ctx, instance: CallValue, changes: ReadonlyMap<string, Value>): Value | undefined {
  if (instance.callee.t !== 'class' || !isRecordClass(ctx, instance.callee.cls)) return undefined;
  const cls = instance.callee.cls;
  const kwargs = new Map(recordFields(ctx, cls).map((f) => [f.name, changes.get(f.name) ?? recordField(ctx, instance, cls, f.name)!]));
  return { ...instance, args: [], kwargs };
}

/** A named tuple's `_replace(**changes)` (a new instance) and `_asdict()` (its fields by name). */
export function namedTupleMethod(ctx: Ctx, obj: CallValue, name: '_replace' | '_asdict', a: Arguments): Value {
  const replaced = replaceRecord(ctx, obj, name === '_replace' ? a.kwargs : new Map());
  if (name === '_replace' || replaced?.t !== 'call') return replaced ?? unknown(`${name}() not known statically`, obj.file, obj.line);
  return { t: 'dict', entries: [...replaced.kwargs].map(([k, v]): [Value, Value] => [{ t: 'str', v: k }, v]) };
}
