// The tables SQLAlchemy-Continuum 1.5 declares on the models' base: Transaction (transaction.py) and its plugins'
// TransactionChanges, TransactionMeta and Activity, each made only when the registry has no class of that name.
import type { TypeSpec } from '../schema/type-spec.js';
import type { SourceRef } from '../schema/types.js';
import type { ColumnDraft, MetaInfo, TableDraft } from './drafts.js';
import { blankColumn } from './columns.js';
import type { Extraction } from './state.js';
import { typeSpecOf } from './type-of.js';
import { num, type Value } from './values.js';

export type ContinuumPlugin = 'PropertyModTrackerPlugin' | 'TransactionChangesPlugin' | 'TransactionMetaPlugin' | 'ActivityPlugin' | 'FlaskPlugin' | 'NullDeletePlugin';

/** A SQLAlchemy type as the library's `sa.<name>(args)` gives it, with the project's `@compiles` (Continuum's own for BigInteger on SQLite). */
export function libraryType(x: Extraction, name: string, ...args: number[]): TypeSpec {
  const callee: Value = { t: 'ext', name: `sqlalchemy.${name}` };
  const value: Value = args.length === 0 ? callee : { t: 'call', callee, args: args.map((a) => num(a)), kwargs: new Map(), file: '', line: 0, expr: { k: 'other', type: 'call', text: '', line: 0 } };
  const spec = typeSpecOf(x.ctx, value, '', 0);
  return 't' in spec ? { name, module: 'sqlalchemy', args, kwargs: {} } : spec;
}

/** A `sa.Column(name, type, ...)` of the library's. */
export function libraryColumn(name: string, type: TypeSpec, source: SourceRef, set: Partial<ColumnDraft> = {}): ColumnDraft {
  return blankColumn(name, name, source, { type, ...set });
}

function libraryTable(name: string, meta: MetaInfo, source: SourceRef, columns: ColumnDraft[]): TableDraft {
  return { name, schema: meta.schema, meta, columns, constraints: [], source: { ...source, symbol: name }, unresolved: [] };
}

/** TransactionFactory's class: id, remote_addr, the user's key when there is a user class, then TransactionBase's issued_at. */
export function transactionTable(x: Extraction, meta: MetaInfo, source: SourceRef, user: { table: TableDraft; column: ColumnDraft } | null): TableDraft {
  const big = libraryType(x, 'BigInteger');
  const columns = [
    libraryColumn('id', big, source, { primaryKey: true, default: "Sequence('transaction_id_seq')" }),
    libraryColumn('remote_addr', libraryType(x, 'String', 50), source),
  ];
  if (user) {
    const { table, column } = user;
    const target = `${table.schema !== null ? `${table.schema}.` : ''}${table.name}.${column.name ?? column.key}`;
    columns.push({
      ...libraryColumn('user_id', column.type ?? big, source, { index: true }),
      ...(column.type === null && column.typeFrom ? { typeFrom: column.typeFrom } : column.type === null ? { typeFrom: { table, column } } : {}),
      foreignKeys: [{ name: null, target: { t: 'str', v: target }, ondelete: null, onupdate: null, file: source.file, line: source.line }],
    });
  }
  columns.push(libraryColumn('issued_at', libraryType(x, 'DateTime'), source, { default: 'transaction.utc_now' }));
  return libraryTable('transaction', meta, source, columns);
}

/** The tables the plugins add, each unless the registry has a class of its model's name. */
export function pluginTables(x: Extraction, meta: MetaInfo, source: SourceRef, plugins: readonly ContinuumPlugin[], taken: (name: string) => boolean): TableDraft[] {
  const big = libraryType(x, 'BigInteger');
  const unicode = libraryType(x, 'Unicode', 255);
  const out: TableDraft[] = [];
  if (plugins.includes('TransactionChangesPlugin') && !taken('TransactionChanges')) {
    out.push(libraryTable('transaction_changes', meta, source, [
      libraryColumn('transaction_id', big, source, { primaryKey: true }),
      libraryColumn('entity_name', unicode, source, { primaryKey: true }),
    ]));
  }
  if (plugins.includes('TransactionMetaPlugin') && !taken('TransactionMeta')) {
    out.push(libraryTable('transaction_meta', meta, source, [
      libraryColumn('transaction_id', big, source, { primaryKey: true }),
      libraryColumn('key', unicode, source, { primaryKey: true }),
      libraryColumn('value', libraryType(x, 'UnicodeText'), source),
    ]));
  }
  if (plugins.includes('ActivityPlugin') && !taken('Activity')) {
    const string = libraryType(x, 'String', 255);
    // _compat.JSONType: PostgreSQL's JSON there, its UnicodeText impl elsewhere
    const json = x.ctx.project.dialect === 'postgresql' ? libraryType(x, 'JSON') : libraryType(x, 'UnicodeText');
    out.push(libraryTable('activity', meta, source, [
      libraryColumn('transaction_id', big, source, { nullable: false, index: true }),
      libraryColumn('data', json, source),
      libraryColumn('object_type', string, source),
      libraryColumn('object_id', big, source),
      libraryColumn('object_tx_id', big, source),
      libraryColumn('target_type', string, source),
      libraryColumn('target_id', big, source),
      libraryColumn('target_tx_id', big, source),
      // ActivityBase's, a mixin's columns after the class's own
      libraryColumn('id', big, source, { primaryKey: true, default: "Sequence('activity_id_seq')" }),
      libraryColumn('verb', unicode, source),
    ]));
  }
  return out;
}
