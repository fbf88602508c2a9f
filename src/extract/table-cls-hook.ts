// A declarative class's `__table_cls__` classmethod (SQLAlchemy calls it instead of Table to make the class's
// table): run on the class's name, columns and table args, what it answers decides the table. None makes the class
// a single-table subclass (the documented "no primary key, no table" recipe); a Table under another name renames it.
import { classScope } from './context.js';
import { mroOf } from './classes.js';
import { attributeOf, isTableCall } from './evaluate-attr.js';
import { callValue } from './evaluate-call.js';
import type { ColumnDraft } from './drafts.js';
import type { Extraction } from './state.js';
import { unknownCause } from './value-text.js';
import type { ClassInfo, Value } from './values.js';

export type TableDecision = { k: 'single' } | { k: 'table'; name: string } | { k: 'unknown'; reason: string };

/** What the class's own `__table_cls__` makes of its table; undefined when no project class defines one. */
export function tableClsDecision(x: Extraction, cls: ClassInfo, name: string, columns: ColumnDraft[], tableArgs: Value | undefined): TableDecision | undefined {
  const defines = mroOf(x.ctx, cls).some((e) => e.k === 'class' && classScope(x.ctx.project, e.cls).bindings.get('__table_cls__')?.k === 'def');
  if (!defines) return undefined;
  const env = { module: cls.module, depth: 0 };
  const line = cls.def.line;
  const hook = attributeOf(x.ctx, { t: 'class', cls }, '__table_cls__', env, line);
  const { positional, keywords } = splitTableArgs(tableArgs);
  // the class's MetaData, or one standing for it where the base's is not a MetaData(...) the evaluator holds
  const read = attributeOf(x.ctx, { t: 'class', cls }, 'metadata', env, line);
  const metadata: Value = read.t === 'call' ? read : { ...STAND_IN, callee: { t: 'ext', name: 'sqlalchemy.MetaData' }, args: [] };
  const args: Value[] = [{ t: 'str', v: name }, metadata, ...columns.map(columnObject), ...positional];
  const made = callValue(x.ctx, hook, { args, kwargs: keywords }, env, { k: 'name', id: '__table_cls__', line });
  if (made.t === 'none') return { k: 'single' };
  const madeName = made.t === 'call' && isTableCall(made) ? made.args[0] : undefined;
  if (madeName?.t === 'str') return { k: 'table', name: madeName.v };
  return { k: 'unknown', reason: made.t === 'unknown' ? unknownCause(made) : 'it does not return a Table known statically' };
}

const STAND_IN = { t: 'call', kwargs: new Map(), file: '', line: 0, expr: { k: 'other', type: 'hook argument', text: '', line: 0 } } as const;

/** A column as the hook sees it: a Column with its name and primary-key flag (what such hooks read). */
function columnObject(col: ColumnDraft): Value {
  const kwargs = new Map<string, Value>([['primary_key', { t: 'bool', v: col.primaryKey }]]);
  const name: Value = col.name === null ? { t: 'none' } : { t: 'str', v: col.name };
  return { ...STAND_IN, callee: { t: 'ext', name: 'sqlalchemy.Column' }, args: [name], kwargs };
}

/** `__table_args__` as Table's arguments: its positional items and its trailing dict's keywords. */
function splitTableArgs(args: Value | undefined): { positional: Value[]; keywords: Map<string, Value> } {
  const items = args?.t === 'seq' ? args.items : args ? [args] : [];
  const last = items.at(-1);
  const keywords = new Map<string, Value>();
  if (last?.t === 'dict') for (const [k, v] of last.entries) if (k.t === 'str') keywords.set(k.v, v);
  return { positional: last?.t === 'dict' ? items.slice(0, -1) : items, keywords };
}
