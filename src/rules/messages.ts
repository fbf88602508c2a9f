// Every sentence the rules print: what happened (message) and the safe way forward (help).
import type { InvalidRenameReason, TableRef } from '../schema/changes.js';
import { qualified } from './select.js';

const declareRename = (what: string) =>
  `If this is really a rename, declare it: \`# schemaguard: renamed-from <old>\` on the ${what} line, or a \`renames:\` entry in the config.`;

const RENAME_PROBLEMS: Record<InvalidRenameReason, string> = {
  'old-name-missing': 'the old name exists in neither the old nor the new schema',
  'target-missing': 'the renamed table or column does not exist in the new schema',
  'not-on-declaration': 'the comment is not on a column or table declaration line',
  conflict: 'another rename is declared for the same table or column, or from the same old name',
};

export const RULE_MESSAGES = {
  dropTable: (t: TableRef) => `Table ${qualified(t)} is dropped.`,
  dropTableHelp:
    'Every query, dbt model and dashboard reading this table fails. Safe path: stop writing to it, move readers to the replacement, announce a deprecation date, and drop it in a later change once nobody reads it.',
  dropColumn: (t: TableRef, c: string) => `Column ${qualified(t, c)} is dropped.`,
  dropColumnHelp:
    'Readers that still select it fail. Safe path (expand/contract): stop using it in the app, move readers off it, set a deprecation date in the contract, and drop it after that date.',
  renameTable: (from: string, t: TableRef) => `Table ${from} is renamed to ${qualified(t)}.`,
  renameTableHelp:
    'Readers still query the old name. Safe path: create the new table (or a view with the old name), dual-write, move readers, then drop the old name after a deprecation date.',
  renameColumn: (t: TableRef, from: string, to: string) => `Column ${qualified(t, from)} is renamed to ${to}.`,
  renameColumnHelp:
    'Readers still select the old name. Safe path (expand/contract): add the new column, dual-write both, backfill, move readers, then drop the old column after a deprecation date. To rename only the Python attribute, keep the DB name: `new_attr = Column("old_name", ...)`.',
  moveSchema: (t: TableRef, from: string | null) => `Table ${t.name} moves from schema ${from ?? '(default)'} to ${t.schema ?? '(default)'}.`,
  moveSchemaHelp:
    'Readers address the table by its schema. Safe path: create it in the new schema, replicate or dual-write, move readers, then drop the old one.',
  typeNarrowing: (t: TableRef, c: string, from: string, to: string) => `Column ${qualified(t, c)} narrows from ${from} to ${to}.`,
  typeNarrowingHelp:
    'Existing values may not fit (the migration fails or truncates) and readers relying on the old range break. Safe path: add a new column with the narrower type, backfill and validate, move readers, then drop the old column.',
  typeCrossFamily: (t: TableRef, c: string, from: string, to: string) => `Column ${qualified(t, c)} changes type from ${from} to ${to}.`,
  typeCrossFamilyHelp:
    'Readers parse and compare the column by its type; a change of family breaks casts, joins and aggregations downstream. Safe path: add a new column of the new type, dual-write and backfill, move readers, then drop the old column.',
  typeSemantic: (t: TableRef, c: string, from: string, to: string) => `Column ${qualified(t, c)} changes meaning from ${from} to ${to}.`,
  typeWidening: (t: TableRef, c: string, from: string, to: string) => `Column ${qualified(t, c)} widens from ${from} to ${to}.`,
  typeWideningHelp:
    'Old values still fit, but a reader with a fixed-size target (a warehouse column, a typed model) may reject the new ones. Tell the owners before the first wider value is written.',
  enumValuesAdded: (t: TableRef, c: string, values: readonly string[]) =>
    `Column ${qualified(t, c)} now also allows ${values.map((v) => `'${v}'`).join(', ')}.`,
  enumValuesAddedHelp:
    'Old values still fit, but readers that map or test the accepted values (dbt `accepted_values` tests, CASE mappings, dashboard filters) meet values they do not know. Tell the owners before the first new value is written.',
  enumValueRemoved: (t: TableRef, c: string, values: readonly string[]) =>
    `Column ${qualified(t, c)} no longer allows ${values.map((v) => `'${v}'`).join(', ')}.`,
  enumValueRemovedHelp:
    'Rows holding the removed values break the migration, and readers that filter or group on them lose data. Safe path: migrate existing rows to a remaining value first, tell readers, then remove the value.',
  notNullAdded: (t: TableRef, c: string) => `Column ${qualified(t, c)} becomes NOT NULL.`,
  notNullAddedNoDefault: (t: TableRef, c: string) => `Column ${qualified(t, c)} becomes NOT NULL without a server default.`,
  notNullAddedHelp:
    'The migration fails on a table that holds NULLs, and writers that omit the column (other services, backfills, ETL) start failing. Safe path: add a server_default, backfill NULLs, deploy writers that always set it, then add NOT NULL.',
  notNullNewColumn: (t: TableRef, c: string) => `New column ${qualified(t, c)} is NOT NULL without a server default.`,
  notNullNewColumnHelp:
    'Adding it fails on a non-empty table, and writers that do not know the column fail. Give it a server_default, or add it nullable, backfill, then make it NOT NULL.',
  nullableAdded: (t: TableRef, c: string) => `Column ${qualified(t, c)} becomes nullable.`,
  nullableAddedHelp:
    'Readers lose the guarantee that the column is always set: joins, sums and dbt `not_null` tests may start failing. Tell the owners, or keep it NOT NULL.',
  primaryKeyChanged: (t: TableRef, from: readonly string[], to: readonly string[]) =>
    `Primary key of ${qualified(t)} changes from (${from.join(', ')}) to (${to.join(', ')}).`,
  primaryKeyChangedHelp:
    'Readers deduplicate, join and merge on the primary key; incremental models keyed on it double-count or miss rows. Coordinate with the owners and rebuild incremental models.',
  uniqueAdded: (t: TableRef, cols: readonly string[]) => `A unique constraint on ${qualified(t)} (${cols.join(', ')}) is added.`,
  uniqueAddedHelp:
    'The migration fails if duplicates exist, and writers that inserted duplicates start failing. Check for duplicates and clean them up before the constraint is created.',
  foreignKeyDropped: (t: TableRef, cols: readonly string[], target: string) =>
    `The foreign key ${qualified(t)} (${cols.join(', ')}) -> ${target} is dropped.`,
  foreignKeyDroppedHelp:
    'Readers lose referential integrity: joins may now find orphans. Tell the owners, and keep a dbt relationships test downstream.',
  contractTouched: (t: TableRef, c: string | undefined, contract: string, what: string) =>
    `${c === undefined ? `Table ${qualified(t)}` : `Column ${qualified(t, c)}`} is under contract ${contract} and changes: ${what}.`,
  contractTouchedHelp: (owners: readonly string[]) =>
    `Agree the change with the contract owners first${owners.length > 0 ? ` (${owners.join(', ')})` : ''}, or follow the safe path for this kind of change.`,
  consumerAffected: (t: TableRef, c: string | undefined, n: number) =>
    `${n} downstream consumer${n === 1 ? '' : 's'} read${n === 1 ? 's' : ''} ${c === undefined ? qualified(t) : qualified(t, c)}.`,
  consumerAffectedChange: (what: string) => `It changes: ${what}.`,
  consumerAffectedHelp: 'Tell the owners listed before this lands; the change above says what breaks for them.',
  unresolvedModel: (file: string, message: string) => `The changed model file ${file} could not be read completely: ${message}`,
  unresolvedModelHelp:
    'schemaguard fails closed when it cannot see what a change does. Fix the file (or write the construct in a form schemaguard understands, see the README), or set `onError: warn` in the config.',
  invalidRename: (from: string, reason: InvalidRenameReason) => `The rename from ${from} cannot be applied: ${RENAME_PROBLEMS[reason]}.`,
  invalidRenameHelp: 'Fix or remove the declaration; without it a rename is reported as a drop and an add.',
  unknownSuppressedRule: (rule: string) => `The suppression \`ignore[${rule}]\` names an unknown rule "${rule}".`,
  suppressionWithoutReason: (rule: string) => `The suppression \`ignore[${rule}]\` has no reason, so it suppresses nothing.`,
  invalidSuppressionHelp: 'Write it as `# schemaguard: ignore[<rule-id>] <why this is safe>` on the line of the finding.',
  declareRename,
} as const;
