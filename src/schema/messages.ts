// Every user-facing sentence of the schema area: change descriptions and rename hints.
import type { InvalidRenameReason, RenameOrigin, TableRef } from './changes.js';

const DIRECTIVE = '# schemaguard: renamed-from';

function either(names: readonly string[]): string {
  return names.join(' or ');
}

function origin(o: RenameOrigin): string {
  return o.kind === 'directive' ? `${o.file}:${o.line}` : `config renames[${o.index}]`;
}

export const SCHEMA_MESSAGES = {
  hintAddedColumn: (olds: readonly string[]) =>
    `looks like a rename of ${either(olds)}: declare it with \`${DIRECTIVE} ${olds[0] ?? ''}\` on the new line, or a \`renames:\` entry in config`,
  hintDroppedColumn: (name: string, news: readonly string[]) =>
    `looks like a rename to ${either(news)}: declare it with \`${DIRECTIVE} ${name}\` on the new column's line, or a \`renames:\` entry in config`,
  hintAddedTable: (olds: readonly string[]) =>
    `looks like a rename of table ${either(olds)}: declare it with \`${DIRECTIVE} ${olds[0] ?? ''}\` on the \`__tablename__\` line, or a \`renames:\` entry in config`,
  hintDroppedTable: (name: string, news: readonly string[]) =>
    `looks like a rename to table ${either(news)}: declare it with \`${DIRECTIVE} ${name}\` on the new table's \`__tablename__\` line, or a \`renames:\` entry in config`,

  tableAdded: (t: string) => `table ${t} added`,
  tableDropped: (t: string) => `table ${t} dropped`,
  tableRenamed: (from: string, to: string) => `table ${from} renamed to ${to}`,
  tableMoved: (t: string, from: string | null, to: string | null) =>
    `table ${t} moved from ${from === null ? 'the default schema' : `schema ${from}`} to ${to === null ? 'the default schema' : `schema ${to}`}`,
  columnAdded: (c: string, type: string, isNullable: boolean) => `column ${c} added: ${type}${isNullable ? '' : ' NOT NULL'}`,
  columnDropped: (c: string) => `column ${c} dropped`,
  columnRenamed: (table: string, from: string, to: string) => `column ${table}.${from} renamed to ${to}`,
  columnModified: (c: string, parts: readonly string[]) => `column ${c}: ${parts.join('; ')}`,

  typePart: (from: string, to: string, cls: string) => `${from} -> ${to} (${cls})`,
  enumPart: (removed: readonly string[], added: readonly string[], cls: string) =>
    `${[removed.length > 0 ? `enum values removed: ${removed.join(', ')}` : '', added.length > 0 ? `enum values added: ${added.join(', ')}` : '']
      .filter(Boolean)
      .join('; ') || 'enum values reordered'} (${cls})`,
  enumRestriction: (isNow: boolean, cls: string) => `${isNow ? 'now' : 'no longer'} restricted to enum values (${cls})`,
  becameNotNull: 'now NOT NULL',
  becameNullable: 'now nullable',
  valueChanged: (what: string, from: string | null, to: string | null) => `${what} ${from ?? 'none'} -> ${to ?? 'none'}`,
  flagChanged: (isNow: boolean, what: string) => (isNow ? `now ${what}` : `no longer ${what}`),
  commentChanged: 'comment changed',
  foreignKeysChanged: (from: readonly string[], to: readonly string[]) =>
    `references ${from.join(', ') || 'nothing'} -> ${to.join(', ') || 'nothing'}`,

  constraintAdded: (what: string, table: string, detail: string) => `${what} on ${table} ${detail} added`,
  constraintDropped: (what: string, table: string, detail: string) => `${what} on ${table} ${detail} dropped`,
  primaryKeyChanged: (table: string, from: readonly string[], to: readonly string[]) =>
    `primary key of ${table} changed from (${from.join(', ')}) to (${to.join(', ')})`,

  invalidRename: (o: RenameOrigin, from: string, target: string, reason: InvalidRenameReason) =>
    `renamed-from ${from} at ${origin(o)}: ${INVALID_REASONS[reason](from, target)}`,
} as const;

const INVALID_REASONS: Readonly<Record<InvalidRenameReason, (from: string, target: string) => string>> = {
  'old-name-missing': (from, target) => `there is no ${from} at HEAD to rename ${target} from`,
  'target-missing': (_from, target) => `there is no ${target} in the staged models`,
  'not-on-declaration': () => 'the comment is neither on a column line nor inside a table declaration',
  conflict: (from, target) => `another declaration already renames ${target}, or renames something else from ${from}`,
};

/** "schema.name", or "name" for a table in the default schema. */
export function tableName(t: TableRef): string {
  return t.schema === null ? t.name : `${t.schema}.${t.name}`;
}
