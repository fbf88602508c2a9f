// Classes made by calls: `type(name, bases, namespace)`, and the functional APIs of Enum and namedtuple.
import type { ClassDef, Expr, Stmt } from '../python/summary.js';
import type { Env } from './context.js';
import { unknown, type Value } from './values.js';

let typeSerial = 0;

/**
 * `Enum("Status", "ACTIVE ARCHIVED")`, `Enum("Status", ["A", "B"])`, `Enum("Status", [("A", 1)])`,
 * `Enum("Status", {"A": "a"})`: an enum class with those members. Names alone number from `start` (1), flags by
 * powers of two, a StrEnum's are its lower-cased names.
 */
export function functionalEnum(base: string, name: Extract<Value, { t: 'str' }>, names: Value, start: Value | undefined, env: Env, expr: Expr): Value {
  const fail = unknown(`${base}() members not known statically`, env.module.file, expr.line);
  const items: Value[] | undefined = names.t === 'str' ? splitNames(names.v).map((v) => ({ t: 'str', v })) : names.t === 'seq' ? names.items : undefined;
  const entries: Array<[Value, Value]> = names.t === 'dict' ? [...names.entries] : [];
  const first = start?.t === 'num' ? start.v : 1;
  const isFlag = base === 'enum.Flag' || base === 'enum.IntFlag';
  for (const [i, item] of (items ?? []).entries()) {
    if (item.t === 'seq' && item.items.length === 2) entries.push([item.items[0]!, item.items[1]!]);
    else if (item.t === 'str') entries.push([item, base === 'enum.StrEnum' ? { t: 'str', v: item.v.toLowerCase() } : { t: 'num', v: isFlag ? 2 ** i : first + i }]);
    else return fail;
  }
  if (names.t !== 'dict' && !items) return fail;
  return classFromType([name, { t: 'seq', kind: 'tuple', items: [{ t: 'ext', name: base }] }, { t: 'dict', entries }], env, expr);
}

/**
 * `LocalEnum("Local", {"DEBIT": "Debit"})`, `LocalEnum("Local", [("DEBIT", "Debit")])`: the functional API on a
 * project Enum subclass that has no members. Names alone take values from the class's own `_generate_next_value_`:
 * not followed.
 */
export function functionalSubEnum(base: Extract<Value, { t: 'class' }>, name: Extract<Value, { t: 'str' }>, names: Value, env: Env, expr: Expr): Value {
  const isPair = (v: Value): v is Extract<Value, { t: 'seq' }> => v.t === 'seq' && v.items.length === 2;
  const entries = names.t === 'dict' ? names.entries : names.t === 'seq' && names.items.every(isPair) ? names.items.map((p) => (p as Extract<Value, { t: 'seq' }>).items as [Value, Value]) : undefined;
  if (!entries) return unknown(`${base.cls.name}() members not known statically (names without values)`, env.module.file, expr.line);
  return classFromType([name, { t: 'seq', kind: 'tuple', items: [base] }, { t: 'dict', entries: [...entries] }], env, expr);
}

/** Names in one string, as the functional APIs of Enum and namedtuple split them: `"RED GREEN, BLUE"`. */
function splitNames(text: string): string[] {
  return text.replaceAll(',', ' ').split(/\s+/).filter(Boolean);
}

/** `namedtuple("Row", "id kind")`, `namedtuple("Row", ["id", "kind"])`: the field names; undefined when not known. */
export function fieldNames(v: Value): string[] | undefined {
  if (v.t === 'str') return splitNames(v.v);
  return v.t === 'seq' && v.items.every((i) => i.t === 'str') ? v.items.map((i) => (i as Extract<Value, { t: 'str' }>).v) : undefined;
}

/** `[("id", int), ("kind", str)]`: the names of the pairs; undefined when not known. */
export function pairNames(v: Value): string[] | undefined {
  if (v.t !== 'seq') return undefined;
  const names = v.items.map((p) => (p.t === 'seq' && p.items[0]?.t === 'str' ? p.items[0].v : undefined));
  return names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

/** A named tuple class made by a call: a NamedTuple record class with those fields, `defaults` for the last ones. */
export function functionalNamedTuple(name: Extract<Value, { t: 'str' }>, fields: string[] | undefined, defaults: Value | undefined, env: Env, expr: Expr): Value {
  const given = defaults === undefined || defaults.t === 'none' ? [] : defaults.t === 'seq' ? defaults.items : undefined;
  if (!fields || !given || given.length > fields.length) return unknown('namedtuple() with fields not known statically', env.module.file, expr.line);
  const annotations: Array<[Value, Value]> = fields.map((f) => [{ t: 'str', v: f }, { t: 'ext', name: 'typing.Any' }]);
  const values: Array<[Value, Value]> = given.map((v, i) => [{ t: 'str', v: fields[fields.length - given.length + i]! }, v]);
  const namespace: Value = { t: 'dict', entries: [[{ t: 'str', v: '__annotations__' }, { t: 'dict', entries: annotations }], ...values] };
  return classFromType([name, { t: 'seq', kind: 'tuple', items: [{ t: 'ext', name: 'typing.NamedTuple' }] }, namespace], env, expr);
}

/**
 * `make_dataclass("Dim", ["axis", ("maximum", int, field(default=0))], bases=(...), namespace={...})`: a dataclass
 * with those fields, in that order (a name alone is typed Any).
 */
export function functionalDataclass(name: Value | undefined, fields: Value | undefined, a: { bases?: Value; namespace?: Value }, env: Env, expr: Expr): Value {
  const fail = unknown('make_dataclass() with fields not known statically', env.module.file, expr.line);
  const specs = fields?.t === 'seq' ? fields.items : undefined;
  if (name?.t !== 'str' || !specs) return fail;
  const annotations: Array<[Value, Value]> = [];
  const values: Array<[Value, Value]> = [];
  for (const spec of specs) {
    const [field, type, value] = spec.t === 'str' ? [spec] : spec.t === 'seq' && spec.items.length >= 2 && spec.items.length <= 3 ? spec.items : [];
    if (field?.t !== 'str') return fail;
    annotations.push([field, type ?? { t: 'ext', name: 'typing.Any' }]);
    if (value) values.push([field, value]);
  }
  const extra = a.namespace === undefined || a.namespace.t === 'none' ? [] : a.namespace.t === 'dict' ? a.namespace.entries : undefined;
  const bases = a.bases === undefined ? { t: 'seq' as const, kind: 'tuple' as const, items: [] } : a.bases;
  if (!extra || bases.t !== 'seq') return fail;
  const namespace: Value = { t: 'dict', entries: [...extra, [{ t: 'str', v: '__annotations__' }, { t: 'dict', entries: annotations }], ...values] };
  const made = classFromType([name, bases, namespace], env, expr);
  if (made.t === 'class') made.cls.madeDataclass = true;
  return made;
}

/**
 * `type("Foo", (Base,), {"__tablename__": "foo", "id": Column(...)})`: a class whose body assigns each namespace
 * entry (the values reach the body through the class closure); an `__annotations__` entry annotates, and
 * `keywords` (types.new_class's `{"table": True}`) are the class keywords.
 */
export function classFromType(args: Value[], env: Env, expr: Expr, keywords?: Value): Value {
  const [name, bases, namespace] = args;
  if (name?.t !== 'str' || bases?.t !== 'seq' || namespace?.t !== 'dict') return unknown('type() with arguments not known statically', env.module.file, expr.line);
  const closure = new Map<string, Value>();
  const slot = (v: Value): Expr => {
    const id = `__schemaguard_attr_${closure.size}`;
    closure.set(id, v);
    return { k: 'name', id, line: expr.line };
  };
  const target = (id: string): Expr => ({ k: 'name', id, line: expr.line });
  const body: Stmt[] = [];
  const annotations = namespace.entries.find(([k, v]) => k.t === 'str' && k.v === '__annotations__' && v.t === 'dict')?.[1];
  const annotated = new Map((annotations?.t === 'dict' ? annotations.entries : []).flatMap(([k, v]) => (k.t === 'str' ? [[k.v, v] as const] : [])));
  // the namespace in its order (which is `vars(cls)`'s); an annotated name with a value is one statement
  // (`kind: str = "text"`), as a record class's field default reads it; annotations alone where `__annotations__` is
  const valued = new Set(namespace.entries.flatMap(([k]) => (k.t === 'str' ? [k.v] : [])));
  for (const [k, v] of namespace.entries) {
    if (k.t !== 'str') continue;
    if (k.v === '__annotations__') {
      for (const [name, ann] of annotated) if (!valued.has(name)) body.push({ k: 'ann', target: target(name), ann: slot(ann), value: null, line: expr.line });
      continue;
    }
    const ann = annotated.get(k.v);
    body.push(ann ? { k: 'ann', target: target(k.v), ann: slot(ann), value: slot(v), line: expr.line } : { k: 'assign', targets: [target(k.v)], value: slot(v), line: expr.line });
  }
  const classKeywords = keywords?.t === 'dict' ? keywords.entries.flatMap(([k, v]) => (k.t === 'str' ? [{ name: k.v, value: slot(v) }] : [])) : [];
  const def: ClassDef = { k: 'class', name: name.v, bases: classKeywords, decorators: [], body, line: expr.line };
  const id = `${env.module.name}:${name.v}#type${++typeSerial}`;
  return { t: 'class', cls: { id, name: name.v, module: env.module, def, closure, bases: bases.items } };
}
