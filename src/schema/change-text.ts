// One plain sentence per schema change, for reports: describeChange(change).
import type { ModifyColumn, SchemaChange, TableRef } from './changes.js';
import { SCHEMA_MESSAGES as M, tableName } from './messages.js';
import type { CheckConstraint, ColumnFk, Index, UniqueConstraint } from './types.js';

function columnName(t: TableRef, column: string): string {
  return `${tableName(t)}.${column}`;
}

function modifyParts(c: ModifyColumn): string[] {
  const { before: b, after: a } = c;
  const parts: string[] = [];
  const has = (aspect: ModifyColumn['changes'][number]) => c.changes.includes(aspect);
  const isEnumToEnum = has('enum') && c.removedValues !== undefined && c.addedValues !== undefined;
  const t = c.typeChange;
  if (t !== undefined && t.from !== t.to && (has('type') || !isEnumToEnum)) parts.push(M.typePart(t.from, t.to, t.class));
  if (isEnumToEnum) parts.push(M.enumPart(c.removedValues ?? [], c.addedValues ?? [], t?.class ?? 'same'));
  else if (has('enum') && t?.from === t?.to) parts.push(M.enumRestriction(a.enum !== null, t?.class ?? 'same'));
  if (c.becameNotNull) parts.push(M.becameNotNull);
  if (c.becameNullable) parts.push(M.becameNullable);
  if (has('default')) parts.push(M.valueChanged('default', b.default, a.default));
  if (has('server_default')) parts.push(M.valueChanged('server default', b.server_default, a.server_default));
  if (has('unique')) parts.push(M.flagChanged(a.unique, 'unique'));
  if (has('index')) parts.push(M.flagChanged(a.index, 'indexed'));
  if (has('primary_key')) parts.push(M.flagChanged(a.primary_key, 'part of the primary key'));
  if (has('foreign_keys')) parts.push(M.foreignKeysChanged(b.foreign_keys, a.foreign_keys));
  if (has('comment')) parts.push(M.commentChanged);
  return parts;
}

function indexText(i: Index): [string, string] {
  const what = `${i.unique ? 'unique index' : 'index'}${i.name === null ? '' : ` ${i.name}`}`;
  return [what, `(${i.columns.join(', ')})`];
}

function uniqueText(u: UniqueConstraint): [string, string] {
  return [`unique constraint${u.name === null ? '' : ` ${u.name}`}`, `(${u.columns.join(', ')})`];
}

function fkText(f: ColumnFk): [string, string] {
  const target = tableName({ name: f.referred_table, schema: f.referred_schema });
  return [`foreign key${f.name === null ? '' : ` ${f.name}`}`, `(${f.columns.join(', ')}) -> ${target} (${f.referred_columns.join(', ')})`];
}

function checkText(c: CheckConstraint): [string, string] {
  return [`check constraint${c.name === null ? '' : ` ${c.name}`}`, `(${c.sqltext})`];
}

function constraintSentence(change: SchemaChange): string | undefined {
  const t = change.table === null ? '' : tableName(change.table);
  const add = (p: [string, string]) => M.constraintAdded(p[0], t, p[1]);
  const drop = (p: [string, string]) => M.constraintDropped(p[0], t, p[1]);
  switch (change.kind) {
    case 'add-index': return add(indexText(change.after));
    case 'drop-index': return drop(indexText(change.before));
    case 'add-unique': return add(uniqueText(change.after));
    case 'drop-unique': return drop(uniqueText(change.before));
    case 'add-foreign-key': return add(fkText(change.after));
    case 'drop-foreign-key': return drop(fkText(change.before));
    case 'add-check': return add(checkText(change.after));
    case 'drop-check': return drop(checkText(change.before));
    default: return undefined;
  }
}

export function describeChange(change: SchemaChange): string {
  switch (change.kind) {
    case 'add-table': return M.tableAdded(tableName(change.table));
    case 'drop-table': return M.tableDropped(tableName(change.table));
    case 'rename-table': return M.tableRenamed(tableName(change.from), tableName(change.table));
    case 'move-table-schema': return M.tableMoved(change.table.name, change.fromSchema, change.table.schema);
    case 'add-column': return M.columnAdded(columnName(change.table, change.column), change.after.type, change.after.nullable);
    case 'drop-column': return M.columnDropped(columnName(change.table, change.column));
    case 'rename-column': return M.columnRenamed(tableName(change.table), change.from, change.column);
    case 'modify-column': return M.columnModified(columnName(change.table, change.column), modifyParts(change));
    case 'primary-key-changed': return M.primaryKeyChanged(tableName(change.table), change.before, change.after);
    case 'invalid-rename-declaration': {
      const table = change.table === null ? '' : tableName(change.table);
      const target = change.column === undefined ? `table ${table}` : `column ${table}.${change.column}`;
      return M.invalidRename(change.declaredBy, change.from, change.table === null ? 'table or column' : target, change.reason);
    }
    default: return constraintSentence(change) ?? change.kind;
  }
}
