// The canonical extracted schema (../shared/schema-json.md). Stable: add fields, never rename.

export type Dialect = 'postgresql' | 'mysql' | 'sqlite';
export const DIALECTS: readonly Dialect[] = ['postgresql', 'mysql', 'sqlite'];

/** Where a declaration stands in the source. `line` is 1-based. */
export interface SourceRef {
  file: string;
  line: number;
  symbol?: string;
}

export interface ColumnFk {
  name: string | null;
  columns: string[];
  referred_schema: string | null;
  referred_table: string;
  referred_columns: string[];
  ondelete: string | null;
  onupdate: string | null;
}

export interface Column {
  name: string;
  key: string;
  type: string;
  enum: string[] | null;
  nullable: boolean;
  primary_key: boolean;
  unique: boolean;
  index: boolean;
  default: string | null;
  server_default: string | null;
  comment: string | null;
  foreign_keys: string[];
  /** Our addition: where the column is declared (file of the class or Table that holds it). */
  source?: SourceRef;
}

export interface UniqueConstraint {
  name: string | null;
  columns: string[];
}

export interface Index {
  name: string | null;
  columns: string[];
  unique: boolean;
}

export interface CheckConstraint {
  name: string | null;
  sqltext: string;
}

/** Something static analysis could not pin down; never guessed. */
export interface Unresolved {
  file: string;
  line: number;
  /** the column or attribute concerned, when there is one */
  symbol?: string;
  reason: string;
}

export interface Table {
  name: string;
  schema: string | null;
  source: SourceRef | null;
  columns: Column[];
  primary_key: string[];
  foreign_keys: ColumnFk[];
  unique_constraints: UniqueConstraint[];
  indexes: Index[];
  check_constraints: CheckConstraint[];
  unresolved: Unresolved[];
}

export interface Diagnostic {
  file: string | null;
  line: number | null;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

/**
 * A `# schemaguard: ...` comment found in a model file. Not part of the schema JSON output:
 * the diff reads `renamed-from`, the engine reads `ignore`.
 */
export type Directive =
  | { kind: 'renamed-from'; file: string; line: number; from: string }
  | { kind: 'ignore'; file: string; line: number; rule: string; reason: string | null };

export interface Schema {
  version: 1;
  dialect: Dialect;
  tables: Table[];
  diagnostics: Diagnostic[];
}
