// Intermediate tables and columns, as SQLAlchemy would hold them before DDL: names, flags, references.
import type { TypeSpec } from '../schema/type-spec.js';
import type { SourceRef, Unresolved } from '../schema/types.js';
import type { CallValue, ClassInfo, Value } from './values.js';

/** One MetaData: its tables share a namespace, a default schema and naming conventions. */
export interface MetaInfo {
  id: number;
  schema: string | null;
  /** why `MetaData(schema=...)` is not known statically, when it is not */
  schemaUnknown?: string;
  /** a naming_convention that is not a mapping known statically: why, and where */
  namingUnknown?: { reason: string; file: string; line: number };
  /** naming_convention: key ('ix', 'uq', 'fk', 'ck', 'pk') -> template */
  naming: Map<string, string>;
  /** naming_convention entries whose value is a callable: custom tokens, or a whole-name function */
  tokens: Map<string, Value>;
  /** the naming_convention mapping as given, what `metadata.naming_convention` reads back */
  convention?: Value;
  /** a MetaData not known here (an outside declarative base's, `Model.metadata` of one): which tables share it is not known */
  outside?: true;
}

export interface FkDraft extends GivenName {
  /** 'table.col', 'schema.table.col', or a column reference value (Model.id, table.c.id) */
  target: Value;
  ondelete: string | null;
  onupdate: string | null;
  file: string;
  line: number;
  retarget?: Retarget;
}

/** A CHECK constraint: its text as written, and the expression SQLAlchemy compiles when it is one (check-sql.ts). */
/** A constraint's name as given; `converted` when it was given as `conv("...")`. */
export interface GivenName {
  name: string | null;
  converted?: true;
  /** a copy's (to_metadata): it keeps the name it has on the table it was copied from, under that table's convention */
  namedBy?: TableDraft;
}

/** A copied foreign key (to_metadata): a target in schema `from` (any, with `always`) is taken in schema `to` instead. */
export interface Retarget {
  from: string | null;
  to: string | null;
  always?: true;
}

export interface CheckDraft extends GivenName {
  sqltext: string;
  expr?: Value;
}

export interface ColumnDraft {
  name: string | null;
  key: string | null;
  /** null: no type given (NullType), taken from the referred column of a foreign key */
  type: TypeSpec | null;
  /** a type argument was given but is not known statically: a `Mapped[...]` annotation does not stand in for it */
  typeUnknown?: true;
  /** an argument that may be its type was not understood (`mapped_column(GUID, ...)`): the type it has is a guess */
  typeDoubtful?: true;
  /** nullable= as written (SQLAlchemy's user-defined nullability); null when not given */
  nullable: boolean | null;
  /** what the `Mapped[...]` annotation (or an Identity) implies when nullable= is not given, primary key or not */
  nullableDefault: boolean | null;
  primaryKey: boolean;
  unique: boolean | null;
  index: boolean | null;
  default: string | null;
  serverDefault: string | null;
  comment: string | null;
  foreignKeys: FkDraft[];
  checks: CheckDraft[];
  sortOrder: number;
  source: SourceRef;
  /** problems met while reading this column (its type, a length...) */
  unresolved: Unresolved[];
  /** the mapped attribute name when an ORM class maps the column */
  attr?: string;
  /**
   * declared with no name or key of its own (`id = Column(Integer)`): SQLAlchemy maps it from the table as the
   * mapper does any column no property names, so a `column_prefix` applies to it
   */
  byOwnKey?: true;
  /** the Column(...) value it was read from, for references to that object (a class-body Index) */
  call?: CallValue;
  /** a type-less copy (to_metadata): the column whose type it has */
  typeFrom?: { table: TableDraft; column: ColumnDraft };
}

export type ConstraintDraft =
  | ({ k: 'pk'; columns: ColumnRef[] } & GivenName)
  | ({ k: 'uq'; columns: ColumnRef[] } & GivenName)
  | ({ k: 'ix'; columns: ColumnRef[]; unique: boolean } & GivenName)
  | ({ k: 'ck' } & CheckDraft)
  | ({ k: 'fkc'; columns: ColumnRef[]; targets: Value[]; ondelete: string | null; onupdate: string | null; retarget?: Retarget } & GivenName);

/** A column named in a constraint: by key (a string) or an expression rendered as text. */
export type ColumnRef = { k: 'key'; key: string } | { k: 'expr'; text: string } | { k: 'value'; value: Value };

export interface TableDraft {
  name: string;
  schema: string | null;
  meta: MetaInfo;
  columns: ColumnDraft[];
  constraints: ConstraintDraft[];
  source: SourceRef | null;
  unresolved: Unresolved[];
  /** the Table(...) call that built it (imperative tables), for `table.c.x` references */
  call?: CallValue;
  /** the ORM class mapping it, for `Model.attr` references */
  cls?: ClassInfo;
  /** the Table keywords its class's `__table_args__` gives (`{"extend_existing": True}`) */
  kwargs?: ReadonlyMap<string, Value>;
}
