// What one extraction accumulates: tables in creation order, mapped classes, registries.
import type { Versioning } from './continuum.js';
import type { Unresolved } from '../schema/types.js';
import type { Ctx } from './context.js';
import type { ColumnDraft, TableDraft } from './drafts.js';
import type { KnownTables } from './known-tables.js';
import type { Registry, RegistryState } from './registry.js';
import type { CallValue, ClassInfo, Value } from './values.js';

export interface MappedClass {
  cls: ClassInfo;
  registry: Registry;
  /** the table holding its columns: its own, or the parent's under single-table inheritance */
  table: TableDraft | null;
  isSingleTable: boolean;
  parent: MappedClass | null;
  /** mapped attribute name -> column, for `Model.attr` references */
  columns: Map<string, ColumnDraft>;
  /** every attribute name the mapping puts on the class (for mixin override checks) */
  names: Set<string>;
}

export interface Extraction {
  ctx: Ctx;
  reg: RegistryState;
  tables: TableDraft[];
  tableByCall: Map<CallValue, TableDraft>;
  mapped: Map<ClassInfo, MappedClass | null>;
  /** problems found on a class before its table exists */
  pending: Map<ClassInfo, Unresolved[]>;
  /** problems that belong to no table (a table whose name is not known): reported as diagnostics */
  orphans: Unresolved[];
  /** Index(...) calls over Column objects no table held yet: attached once the scan is done (module-effects.ts) */
  unattached: CallValue[];
  /** scanning a branch of a module-level `if` that is not decidable: what it changes on existing tables is reported */
  undecided?: { line: number; cause: string };
  /** a partial scan's view of the tables it does not build */
  known?: KnownTables;
  /** the table each SQLModel `Field(sa_column=Column(...))` object went to: one Column object belongs to one table */
  saColumnTables?: Map<CallValue, string>;
  /** what a declared_attr's code builds while a class is mapped (timesketch's `cls.Label = type(...)`): scan.ts maps it */
  onMappingEffect?: (v: Value) => void;
  /** sqlalchemy-searchable's make_searchable() run at import: the calls, and how many classes existed before the first */
  searchable?: { calls: Set<string>; from: number };
  /** SQLAlchemy-Continuum's make_versioned() run at import, as continuum.ts takes it in */
  versioning?: Versioning;
}
