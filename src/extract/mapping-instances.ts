// Instances of project classes over `dict` that add methods but keep dict's construction (web.py's `storage`,
// AttrDict, Bunch): the mapping their constructor makes, read by item, by iteration, by dict's methods and through
// the class's own `__getattr__` (`g.db_app_name` reading `self[key]`).
import { classScope, type Ctx, type Env } from './context.js';
import { mroOf } from './classes.js';
import { callBound, specialMethod } from './evaluate-attr.js';
import { baseInitArguments, dictOf } from './evaluate-call.js';
import { iterate } from './evaluate-builtins.js';
import { pyName } from './sa-names.js';
import type { CallValue, Value } from './values.js';

type DictValue = Extract<Value, { t: 'dict' }>;

/** Methods that would change what the mapping holds as it is made, or how an item is read. */
const MAPPING_HOOKS = ['__new__', '__getitem__', '__iter__', '__missing__', 'keys'];

const contents = new WeakMap<CallValue, DictValue | null>();

/** The mapping an instance of a dict subclass holds (one object, so item assignments stay); undefined for any other value. */
export function mappingContent(ctx: Ctx, v: CallValue): DictValue | undefined {
  if (v.callee.t !== 'class') return undefined;
  let known = contents.get(v);
  if (known === undefined) {
    known = madeMapping(ctx, v) ?? null;
    contents.set(v, known);
  }
  return known ?? undefined;
}

function madeMapping(ctx: Ctx, v: CallValue): DictValue | undefined {
  if (v.callee.t !== 'class') return undefined;
  const { cls } = v.callee;
  const mro = mroOf(ctx, cls);
  const base = mro.find((e) => e.k === 'value');
  if (base?.k !== 'value' || pyName(base.value) !== 'builtins.dict') return undefined;
  const defines = (name: string): boolean => mro.some((e) => e.k === 'class' && classScope(ctx.project, e.cls).bindings.has(name));
  if (MAPPING_HOOKS.some(defines)) return undefined;
  // what dict(...) makes of the constructor's arguments, or of those its own `__init__` hands to dict's
  // (`Storage.__init__(self, ((e, i) for i, e in enumerate(a)))`)
  const a = defines('__init__') ? baseInitArguments(ctx, v, cls) : v;
  if (!a || a.args.length > 1) return undefined;
  const first = a.args[0];
  const items = first && first.t !== 'dict' && first.t !== 'seq' ? iterate(ctx, first) : undefined;
  const made = dictOf(items ? { t: 'seq', kind: 'list', items } : first, a, v.file, v.line);
  return made.t === 'dict' ? made : undefined;
}

/** dict's own methods, which an instance of a subclass reads before the class's `__getattr__` is asked. */
export const DICT_METHODS = new Set(['get', 'items', 'keys', 'values', 'setdefault', 'update', 'pop', 'copy', 'popitem', 'clear']);

/**
 * What `**obj` spreads: a dict, a dict subclass's items, or the items of a project mapping class (its `keys()`, or a
 * `collections.abc.Mapping`'s `__iter__`, read through its `__getitem__`); undefined when not known.
 */
export function spreadMapping(ctx: Ctx, v: Value, env: Env, line: number): DictValue | undefined {
  if (v.t === 'dict') return v;
  if (v.t !== 'call' || v.callee.t !== 'class') return undefined;
  const content = mappingContent(ctx, v);
  if (content) return content;
  const getitem = specialMethod(ctx, v, '__getitem__');
  const keysMethod = specialMethod(ctx, v, 'keys') ?? specialMethod(ctx, v, '__iter__');
  if (!getitem || !keysMethod) return undefined;
  const keys = iterate(ctx, callBound(ctx, keysMethod, v, [], line, env));
  if (!keys) return undefined;
  const entries: Array<[Value, Value]> = keys.map((k) => [k, callBound(ctx, getitem, v, [k], line, env)]);
  return entries.some(([, x]) => x.t === 'unknown') ? undefined : { t: 'dict', entries };
}
