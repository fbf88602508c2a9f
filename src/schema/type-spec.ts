// A SQLAlchemy type as the extractor understood it from source, before rendering for a dialect.

/** Where the type class comes from: the generic/SQL-standard types, a dialect module, or SQLModel. */
export type TypeModule = 'sqlalchemy' | 'postgresql' | 'mysql' | 'sqlite' | 'mssql' | 'oracle' | 'sqlmodel';

export type TypeArg = string | number | boolean | null | TypeSpec | TypeArg[];

export interface TypeSpec {
  /** the class name as SQLAlchemy spells it: 'String', 'VARCHAR', 'Numeric', 'JSONB', 'ARRAY', 'Enum', 'Uuid', 'AutoString' */
  name: string;
  module: TypeModule;
  /** positional arguments, e.g. String(50) -> [50]; ARRAY(Integer) -> [{name: 'Integer', ...}] */
  args: TypeArg[];
  /** keyword arguments, e.g. Numeric(precision=10, scale=2), DateTime(timezone=True), Enum(name='status') */
  kwargs: Record<string, TypeArg>;
  /**
   * Enum only: the values SQLAlchemy stores. For a Python enum class these are the member *names*
   * (SQLAlchemy's default), and `enumClass` holds the class name (unnamed PG enum -> lower-cased class name).
   */
  enumValues?: string[];
  enumClass?: string;
  /** .with_variant(T, 'mysql') -> { mysql: T } */
  variants?: Partial<Record<string, TypeSpec>>;
  /** a project UserDefinedType: what its get_col_spec() returned, which is its DDL on every dialect */
  colSpec?: string;
  /**
   * The in-repo class the column's type is an instance of (a TypeDecorator, a subclass of a type): what the
   * oracle names the type by where the dialect cannot compile it (`type(col.type).__name__`).
   */
  className?: string;
  /** a project `@compiles` function's DDL on each dialect it covers; null where its result is not known statically */
  compiled?: Partial<Record<string, CompiledDdl>>;
  /** a GeoAlchemy2 type: what its DDL and its attaching to a table read (`colSpec` is its get_col_spec()) */
  spatial?: SpatialType;
}

/** A GeoAlchemy2 Geometry, Geography or Raster as constructed: `geometryType` null when given as None. */
export interface SpatialType {
  geometryType: string | null;
  srid: number;
  /** spatial_index: the column gets an `idx_<table>_<column>` index */
  index: boolean;
  /** the type's nullable=: False makes its column NOT NULL */
  nullable: boolean;
  /** a Raster, whose index is over `ST_ConvexHull(column)` */
  raster?: true;
}

/**
 * What a `@compiles` function returns: DDL text; `{ visit }` for `compiler.visit_<name>(element, **kw)`, the
 * compiler's own method for that visit name applied to the type; `{ template }` for text that formats the type's
 * attributes (`f"VARCHAR({element.length}) COLLATE ..."`), each `ELEMENT_ATTR` mark holding an attribute name;
 * null when not known statically.
 */
export type CompiledDdl = string | { visit: string } | { template: string } | null;

/** How a `{ template }` marks the type attribute `name` it formats. */
export const elementAttrMark = (name: string): string => `\u0000${name}\u0000`;
export const ELEMENT_ATTR = /\u0000(\w+)\u0000/g;

/** A type rendered for one dialect, as schema JSON carries it. */
export interface RenderedType {
  type: string;
  enum: string[] | null;
}
