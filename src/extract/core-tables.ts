// Core tables: Table(name, metadata, *columns, *constraints, **kw), `__table_args__`, and Index(...) statements.
import { checkOf, checkTextProblem, columnFromCall, foreignKeyOf, callOf } from './columns.js';
import { isTableCall } from './evaluate-attr.js';
import type { ColumnRef, ConstraintDraft, MetaInfo, TableDraft } from './drafts.js';
import { bindMetadata, flaskRegistry, metaOfValue, newMeta } from './registry.js';
import { constructorArgument } from './sa-arguments.js';
import { saSymbol } from './sa-names.js';
import type { Extraction } from './state.js';
import { messages } from './messages.js';
import { namedValueText, notAName, unknownCause, valueText } from './value-text.js';
import { asString, constraintNameOf, type CallValue, type Value } from './values.js';

/** SQLAlchemy's constraint and index classes, by name. */
export const CONSTRAINT_NAMES: ReadonlySet<string> = new Set(['UniqueConstraint', 'Index', 'PrimaryKeyConstraint', 'CheckConstraint', 'ForeignKeyConstraint']);

/** `Table(...)`, or Flask-SQLAlchemy's `db.Table(...)` (which may leave out the MetaData). */

/** The MetaData of a Table call and where its columns start. */
function tableMeta(x: Extraction, v: CallValue): { meta: MetaInfo | undefined; first: number } {
  const given = v.args[1] ? metaOfValue(x.ctx, x.reg, v.args[1]) : undefined;
  if (given) return { meta: given, first: 2 };
  if (v.callee.t === 'attr') {
    // db.Table(..., bind_key="audit") goes to that bind's MetaData
    const key = v.kwargs.get('bind_key');
    const db = v.callee.obj;
    const reg = key?.t === 'str' && db.t === 'call' ? flaskRegistry(x.ctx, x.reg, db) : undefined;
    return { meta: reg && key?.t === 'str' ? bindMetadata(x.reg, reg, key.v) : metaOfValue(x.ctx, x.reg, db), first: 1 };
  }
  const second = v.args[1];
  const isItem = second?.t === 'call' && (callOf(second, 'Column') !== undefined || constraintOf(second) !== undefined);
  return { meta: undefined, first: isItem ? 1 : 2 };
}

/** The table a `Table(...)` value builds; one draft per call object, created on first sight. */
export function tableForCall(x: Extraction, value: Value | undefined): TableDraft | undefined {
  if (value?.t !== 'call') return undefined;
  // a table made before: by this Table(...) call, or a copy a to_metadata() call made
  const known = x.tableByCall.get(value);
  if (known || !isTableCall(value)) return known;
  const v = value;
  const name = asString(v.args[0]);
  if (name === undefined) {
    x.orphans.push({ file: v.file, line: v.line, reason: messages.tableName(v.args[0]?.t === 'unknown' ? v.args[0].reason : 'not a string') });
    return undefined;
  }
  const shape = tableMeta(x, v);
  const meta = shape.meta ?? unknownMeta(x);
  const table: TableDraft = { name, schema: meta.schema, meta, columns: [], constraints: [], source: null, unresolved: [], call: v };
  x.tableByCall.set(v, table);
  x.tables.push(table);
  for (const arg of v.args.slice(shape.first)) addTableItem(x, table, arg, v);
  applyTableKwargs(table, v.kwargs, v);
  return table;
}

/** Tables whose MetaData we cannot identify share one namespace of their own, which other tables may share. */
function unknownMeta(x: Extraction): MetaInfo {
  if (!x.reg.fallbackMeta) {
    x.reg.fallbackMeta = newMeta(x.reg, undefined);
    x.reg.fallbackMeta.outside = true;
  }
  return x.reg.fallbackMeta;
}

/** Table items of SQLAlchemy's that the extracted schema has no place for (schema-json.md): nothing is missing. */
const UNRECORDED_ITEMS = new Set(['ExcludeConstraint']);

function addTableItem(x: Extraction, table: TableDraft, arg: Value, call: CallValue): void {
  const column = callOf(arg, 'Column');
  if (column) {
    const col = columnFromCall(x.ctx, column, null);
    col.key ??= col.name;
    // a column whose name is not known statically (reported) has no name to stand under: it is left out
    if (col.name !== null) table.columns.push(col);
    table.unresolved.push(...col.unresolved);
    return;
  }
  const constraint = arg.t === 'call' ? constraintOf(arg) : undefined;
  if (arg.t === 'call' && constraint) addConstraint(table, arg, constraint);
  else if (arg.t === 'unknown') table.unresolved.push({ file: arg.file || call.file, line: arg.line || call.line, reason: arg.reason });
  // Table() takes None among its items; anything else not read here may be a column or a constraint: said, not dropped
  else if (arg.t !== 'none' && !UNRECORDED_ITEMS.has(saSymbol(arg.t === 'call' ? arg.callee : arg) ?? '')) table.unresolved.push({ file: call.file, line: call.line, reason: messages.tableArgument(namedValueText(arg)) });
}

function applyTableKwargs(table: TableDraft, kwargs: ReadonlyMap<string, Value>, where: { file: string; line: number }): void {
  table.kwargs = kwargs;
  // schema=None keeps the MetaData's default schema; BLANK_SCHEMA means no schema at all
  const schema = kwargs.get('schema');
  if (schema === undefined || schema.t === 'none') return;
  if (schema.t === 'str') table.schema = schema.v;
  else if (schema.t === 'ext' && schema.name.endsWith('BLANK_SCHEMA')) table.schema = null;
  else table.unresolved.push({ file: where.file, line: where.line, symbol: 'schema', reason: messages.tableSchema(unknownCause(schema)) });
}

/** `__table_args__`: a tuple of constraints, optionally ending in a dict of Table keywords, or a dict. */
export function addTableArgs(x: Extraction, table: TableDraft, args: Value, file: string, line: number): void {
  if (args.t === 'dict') return applyTableKwargs(table, dictKwargs(args), { file, line });
  if (args.t === 'unknown') {
    table.unresolved.push({ file: args.file || file, line: args.line || line, symbol: '__table_args__', reason: args.reason });
    return;
  }
  if (args.t === 'none') return;
  if (args.t !== 'seq') {
    table.unresolved.push({ file, line, symbol: '__table_args__', reason: messages.tableArgs(valueText(args)) });
    return;
  }
  const items = [...args.items];
  const last = items[items.length - 1];
  if (last?.t === 'dict') {
    items.pop();
    applyTableKwargs(table, dictKwargs(last), { file, line });
  }
  for (const item of items) addTableItem(x, table, item, { file, line } as CallValue);
}

/** A dict's string-keyed entries, as keywords. */
export function dictKwargs(d: Extract<Value, { t: 'dict' }>): Map<string, Value> {
  return new Map(d.entries.flatMap(([k, v]) => (k.t === 'str' ? [[k.v, v] as [string, Value]] : [])));
}

export function columnRef(v: Value): ColumnRef {
  if (v.t === 'str') return { k: 'key', key: v.v };
  return { k: 'value', value: v };
}

/** A constraint on its table. A name not known statically is a problem on the table, not the convention's name. */
export function addConstraint(table: TableDraft, call: CallValue, constraint: ConstraintDraft): void {
  table.constraints.push(constraint);
  const name = saSymbol(call.callee) === 'Index' ? call.args[0] : constructorArgument(call, 'name');
  const notName = notAName(name);
  if (notName !== undefined) table.unresolved.push({ file: call.file, line: call.line, reason: messages.constraintName(notName) });
  // a CHECK whose text is not known keeps its source text: that is what is reported, not a column left out
  const unknownText = checkTextProblem(call);
  if (unknownText) table.unresolved.push({ file: call.file, line: call.line, reason: unknownText });
  const column = unknownText ? undefined : columnArguments(call).find((a) => a.t === 'unknown');
  if (column?.t === 'unknown') table.unresolved.push({ file: call.file, line: call.line, reason: messages.constraintColumn(column.reason) });
}

/** `Index(...)`, `UniqueConstraint(...)`, `CheckConstraint(...)` ... however SQLAlchemy was imported. */
export function isConstraintCall(call: CallValue): boolean {
  return CONSTRAINT_NAMES.has(saSymbol(call.callee) ?? '');
}

/** The arguments of an Index or constraint call that stand for its columns. */
export function columnArguments(call: CallValue): Value[] {
  switch (saSymbol(call.callee)) {
    case 'Index':
      return call.args.slice(1);
    case 'CheckConstraint': {
      const sqltext = constructorArgument(call, 'sqltext');
      return sqltext ? [sqltext] : [];
    }
    case 'ForeignKeyConstraint': {
      const columns = constructorArgument(call, 'columns');
      return columns?.t === 'seq' ? columns.items : [];
    }
    default:
      return call.args;
  }
}

export function constraintOf(call: CallValue): ConstraintDraft | undefined {
  const sym = saSymbol(call.callee);
  if (!sym || !CONSTRAINT_NAMES.has(sym)) return undefined;
  const name = constraintNameOf(constructorArgument(call, 'name'));
  switch (sym) {
    case 'UniqueConstraint':
      return { k: 'uq', ...name, columns: call.args.map(columnRef) };
    case 'PrimaryKeyConstraint':
      return { k: 'pk', ...name, columns: call.args.map(columnRef) };
    case 'CheckConstraint':
      return { k: 'ck', ...checkOf(call) };
    case 'Index': {
      const [first, ...rest] = call.args;
      const unique = call.kwargs.get('unique');
      return { k: 'ix', ...constraintNameOf(first), columns: rest.map(columnRef), unique: unique?.t === 'bool' && unique.v };
    }
    default: {
      const [cols, refs] = [constructorArgument(call, 'columns'), constructorArgument(call, 'refcolumns')];
      const fk = foreignKeyOf(call);
      return {
        k: 'fkc',
        ...name,
        columns: cols?.t === 'seq' ? cols.items.map(columnRef) : [],
        targets: refs?.t === 'seq' ? refs.items : [],
        ondelete: fk.ondelete,
        onupdate: fk.onupdate,
      };
    }
  }
}
