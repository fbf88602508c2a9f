// `table.to_metadata(metadata, schema=..., name=...)`: a copy of a table in another MetaData, as
// Table.to_metadata in sqlalchemy/sql/schema.py builds it.
import type { CheckDraft, ColumnDraft, ConstraintDraft, Retarget, TableDraft } from './drafts.js';
import { messages } from './messages.js';
import { ownerTable } from './module-effects.js';
import { columnObjectKey } from './references.js';
import { metaOfValue } from './registry.js';
import type { Extraction } from './state.js';
import { tableSoFar } from './table-merge.js';
import { unknownCause } from './value-text.js';
import { callProjectCallable } from './evaluate-call.js';
import { asString, record, strOrNone, tableRecord, unknown, type CallValue, type Value } from './values.js';

/**
 * The `schema=` of to_metadata: RETAIN_SCHEMA (the default) keeps the table's own, None takes the target
 * MetaData's. (BLANK_SCHEMA fails in SQLAlchemy 2.0's own table key: left unknown.)
 */
type CopySchema = { k: 'name'; schema: string | null } | { k: 'unknown'; reason: string };

const isRetained = (given: Value | undefined): boolean => given === undefined || (given.t === 'ext' && given.name.endsWith('RETAIN_SCHEMA'));

function copySchema(given: Value | undefined, own: string | null, metaSchema: string | null): CopySchema {
  if (given === undefined || isRetained(given)) return { k: 'name', schema: own };
  if (given.t === 'none') return { k: 'name', schema: metaSchema };
  if (given.t === 'str') return { k: 'name', schema: given.v };
  return { k: 'unknown', reason: unknownCause(given) };
}

/** Registers the copy a `to_metadata` call makes, under that call (so `copy.append_column(...)` finds it). */
export function copyTable(x: Extraction, owner: Value, call: CallValue, symbol: string | undefined): void {
  const declared = ownerTable(x, owner);
  const source = declared ? tableSoFar(x, declared) : undefined;
  const metaArg = call.args[0] ?? call.kwargs.get('metadata');
  const meta = metaArg ? metaOfValue(x.ctx, x.reg, metaArg) : undefined;
  const nameArg = call.kwargs.get('name');
  const name = nameArg === undefined || nameArg.t === 'none' ? source?.name : asString(nameArg);
  if (!source || !meta || name === undefined) {
    const what = !source ? 'the table copied' : !meta ? 'the MetaData it is copied to' : 'the name given';
    x.orphans.push({ file: call.file, line: call.line, reason: messages.tableCopy(what) });
    return;
  }
  const schema = copySchema(call.kwargs.get('schema'), source.schema, meta.schema);
  // Table(name, metadata, schema=None) takes the MetaData's default schema
  const tableSchema = schema.k === 'name' ? (schema.schema ?? meta.schema) : null;
  const existing = x.tables.find((t) => t.meta === meta && t.name === name && t.schema === tableSchema);
  if (existing) {
    x.tableByCall.set(call, existing);
    return;
  }
  const chosen = call.kwargs.get('referred_schema_fn');
  const retarget = chosen && chosen.t !== 'none' ? referredSchemaFn(x, chosen, source, schema, call) : sameSchemaRetarget(source, schema);
  const moved = retarget && !('reason' in retarget) ? retarget : undefined;
  const copy: TableDraft = {
    name,
    schema: tableSchema,
    meta,
    columns: source.columns.map((c) => copyColumn(c, source, moved)),
    constraints: source.constraints.map((c) => copyConstraint(c, source, moved)),
    source: { file: call.file, line: call.line, symbol: symbol ?? name },
    // what the original's schema was not known from does not hold for a copy given a schema of its own
    unresolved: source.unresolved.filter((u) => u.symbol !== 'schema' || isRetained(call.kwargs.get('schema'))),
  };
  if (schema.k === 'unknown') copy.unresolved.push({ file: call.file, line: call.line, symbol: 'schema', reason: messages.tableSchema(schema.reason) });
  if (retarget && 'reason' in retarget) copy.unresolved.push({ file: call.file, line: call.line, reason: messages.referredSchemaFn(retarget.reason) });
  x.tableByCall.set(call, copy);
  x.tables.push(copy);
}

/** Without referred_schema_fn: a foreign key to the copied table's own schema follows the copy into its schema. */
function sameSchemaRetarget(source: TableDraft, schema: CopySchema): Retarget | undefined {
  return schema.k === 'name' && schema.schema !== null ? { from: source.schema, to: schema.schema } : undefined;
}

/**
 * `referred_schema_fn(table, to_schema, constraint, referred_schema)` run for the copy: the schema every foreign
 * key then refers to. A None (or RETAIN_SCHEMA) result keeps them as written; what it reads of the constraint is
 * not known statically.
 */
function referredSchemaFn(x: Extraction, fn: Value, source: TableDraft, schema: CopySchema, call: CallValue): Retarget | { reason: string } | undefined {
  const toSchema = schema.k === 'name' ? strOrNone(schema.schema) : unknown(schema.reason, call.file, call.line);
  const referred = unknown('the referred schema of each constraint', call.file, call.line);
  const result = callProjectCallable(x.ctx, fn, [tableRecord(source.name, source.schema), toSchema, record({}), referred], 'referred_schema_fn', call.line);
  if (!result) return { reason: unknownCause(fn) };
  if (result.t === 'none' || (result.t === 'ext' && result.name.endsWith('RETAIN_SCHEMA'))) return undefined;
  if (result.t === 'str') return { from: null, to: result.v, always: true };
  return { reason: unknownCause(result) };
}

/**
 * Column._copy: the same column, keyed as the Column object is (not by a mapped attribute); a type-less foreign key column has the type its
 * original took. Flags (unique=True, index=True) make their constraints again under the new MetaData's naming.
 */
export function copyColumn(c: ColumnDraft, source: TableDraft, retarget: Retarget | undefined): ColumnDraft {
  const { attr: _attr, byOwnKey: _byOwnKey, ...rest } = c;
  return {
    ...rest,
    key: columnObjectKey(c),
    foreignKeys: c.foreignKeys.map((fk) => withRetarget({ ...fk, namedBy: source }, retarget)),
    checks: c.checks.map((ck): CheckDraft => ({ ...ck, namedBy: source })),
    ...(c.type === null ? { typeFrom: { table: source, column: c } } : {}),
  };
}

/** Constraints and indexes are copied with the names they have on the original (its naming convention's). */
function copyConstraint(c: ConstraintDraft, source: TableDraft, retarget: Retarget | undefined): ConstraintDraft {
  return c.k === 'fkc' ? withRetarget({ ...c, namedBy: source }, retarget) : { ...c, namedBy: source };
}

function withRetarget<T extends { retarget?: Retarget }>(fk: T, retarget: Retarget | undefined): T {
  return retarget ? { ...fk, retarget } : fk;
}
