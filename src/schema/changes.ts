// The typed differences between two schemas, in a data engineer's terms; rules test their flags.
import type { CheckConstraint, Column, ColumnFk, Index, SourceRef, Table, UniqueConstraint } from './types.js';

/** A table as the change names it: its name and schema after the change (before it for a drop). */
export interface TableRef {
  readonly name: string;
  readonly schema: string | null;
}

export const COLUMN_ASPECTS = [
  'comment',
  'default',
  'enum',
  'foreign_keys',
  'index',
  'length',
  'nullable',
  'precision',
  'primary_key',
  'server_default',
  'type',
  'unique',
] as const;
/** What changed on a column. 'type' is a change of type name/family, 'length' and 'precision' of its size. */
export type ColumnAspect = (typeof COLUMN_ASPECTS)[number];

/**
 * How a type change affects stored values. 'narrowing' also covers a change that loses in one
 * dimension and gains in another (NUMERIC(10, 2) -> NUMERIC(10, 4)); 'semantic' is a change of
 * meaning with no loss of range (time zone, JSON -> JSONB, enum order, collation).
 */
export type TypeChangeClass = 'widening' | 'narrowing' | 'cross-family' | 'semantic' | 'same';

export interface TypeChange {
  readonly from: string;
  readonly to: string;
  readonly class: TypeChangeClass;
}

/** Who declared a rename: an inline `# schemaguard: renamed-from` comment, or the config's `renames[index]`. */
export type RenameOrigin =
  | { readonly kind: 'directive'; readonly file: string; readonly line: number }
  | { readonly kind: 'config'; readonly index: number };

interface ChangeBase {
  readonly table: TableRef;
  /** where to point the user: the AFTER declaration when there is one, else the BEFORE one */
  readonly source: SourceRef | null;
}

export interface AddTable extends ChangeBase { readonly kind: 'add-table'; readonly after: Table; readonly hint?: string }
export interface DropTable extends ChangeBase { readonly kind: 'drop-table'; readonly before: Table; readonly hint?: string }
export interface RenameTable extends ChangeBase {
  readonly kind: 'rename-table';
  readonly from: TableRef;
  readonly before: Table;
  readonly after: Table;
  readonly declaredBy: RenameOrigin;
}
export interface MoveTableSchema extends ChangeBase {
  readonly kind: 'move-table-schema';
  readonly fromSchema: string | null;
  readonly before: Table;
  readonly after: Table;
}

interface ColumnChangeBase extends ChangeBase {
  /** the DB column name (after the change; before it for a drop) */
  readonly column: string;
}
export interface AddColumn extends ColumnChangeBase { readonly kind: 'add-column'; readonly after: Column; readonly hint?: string }
export interface DropColumn extends ColumnChangeBase { readonly kind: 'drop-column'; readonly before: Column; readonly hint?: string }
export interface RenameColumn extends ColumnChangeBase {
  readonly kind: 'rename-column';
  readonly from: string;
  readonly before: Column;
  readonly after: Column;
  readonly declaredBy: RenameOrigin;
}
export interface ModifyColumn extends ColumnChangeBase {
  readonly kind: 'modify-column';
  readonly before: Column;
  readonly after: Column;
  /** sorted, never empty */
  readonly changes: readonly ColumnAspect[];
  /** present when the type string or the enum values changed */
  readonly typeChange?: TypeChange;
  /** present with 'enum' when both sides are enums: values no longer / newly allowed */
  readonly removedValues?: readonly string[];
  readonly addedValues?: readonly string[];
  readonly becameNotNull: boolean;
  readonly becameNullable: boolean;
}

export interface AddIndex extends ChangeBase { readonly kind: 'add-index'; readonly after: Index }
export interface DropIndex extends ChangeBase { readonly kind: 'drop-index'; readonly before: Index }
export interface AddUnique extends ChangeBase { readonly kind: 'add-unique'; readonly after: UniqueConstraint }
export interface DropUnique extends ChangeBase { readonly kind: 'drop-unique'; readonly before: UniqueConstraint }
export interface AddForeignKey extends ChangeBase { readonly kind: 'add-foreign-key'; readonly after: ColumnFk }
export interface DropForeignKey extends ChangeBase { readonly kind: 'drop-foreign-key'; readonly before: ColumnFk }
export interface AddCheck extends ChangeBase { readonly kind: 'add-check'; readonly after: CheckConstraint }
export interface DropCheck extends ChangeBase { readonly kind: 'drop-check'; readonly before: CheckConstraint }
export interface PrimaryKeyChanged extends ChangeBase {
  readonly kind: 'primary-key-changed';
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export type InvalidRenameReason =
  /** the old name is in neither schema: nothing was renamed from it */
  | 'old-name-missing'
  /** config names a table/column that the staged models do not have */
  | 'target-missing'
  /** a directive that sits on no column line and inside no table declaration */
  | 'not-on-declaration'
  /** a second, different rename declared for the same table/column, or two renames from one old name */
  | 'conflict';

export interface InvalidRenameDeclaration {
  readonly kind: 'invalid-rename-declaration';
  /** the table the declaration is about, null for a directive outside every table */
  readonly table: TableRef | null;
  readonly column?: string;
  readonly from: string;
  readonly reason: InvalidRenameReason;
  readonly declaredBy: RenameOrigin;
  readonly source: SourceRef | null;
}

export type SchemaChange =
  | AddTable
  | DropTable
  | RenameTable
  | MoveTableSchema
  | AddColumn
  | DropColumn
  | RenameColumn
  | ModifyColumn
  | AddIndex
  | DropIndex
  | AddUnique
  | DropUnique
  | AddForeignKey
  | DropForeignKey
  | AddCheck
  | DropCheck
  | PrimaryKeyChanged
  | InvalidRenameDeclaration;

export type SchemaChangeKind = SchemaChange['kind'];

/** The order changes of one table are listed in. */
export const CHANGE_KINDS = [
  'add-table',
  'drop-table',
  'rename-table',
  'move-table-schema',
  'add-column',
  'drop-column',
  'rename-column',
  'modify-column',
  'add-index',
  'drop-index',
  'add-unique',
  'drop-unique',
  'add-foreign-key',
  'drop-foreign-key',
  'add-check',
  'drop-check',
  'primary-key-changed',
  'invalid-rename-declaration',
] as const satisfies readonly SchemaChangeKind[];
