// Warehouse relation <-> app table matching through the config's `warehouse` map (docs/lineage.md#matching).
import type { Config } from '../config/schema.js';
import type { TableName } from './types.js';

export type WarehouseConfig = NonNullable<Config['warehouse']>;

/** A relation as the warehouse names it (a dbt source, an OpenLineage dataset). */
export interface WarehouseRelation {
  database: string | null;
  schema: string;
  table: string;
}

/** SQLAlchemy leaves the schema unset for PostgreSQL's default schema. */
const DEFAULT_SCHEMA = 'public';

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The forward rule: app table (s, t) is warehouse relation (S, T) when
 * `schemas[s ?? 'public'] ?? (s ?? 'public')` equals S and `tables[t] ?? t` equals T (both case-insensitive,
 * as warehouses fold unquoted names), and `warehouse.database`, when set, equals the relation's database.
 */
function matchesAppTable(app: TableName, rel: WarehouseRelation, warehouse?: WarehouseConfig): boolean {
  if (!isInWarehouseDatabase(rel, warehouse)) return false;
  const appSchema = app.schema ?? DEFAULT_SCHEMA;
  const schema = warehouse?.schemas[appSchema] ?? appSchema;
  const table = warehouse?.tables[app.name] ?? app.name;
  return eq(schema, rel.schema) && eq(table, rel.table);
}

/** A relation outside the configured warehouse database cannot be an app table. */
function isInWarehouseDatabase(rel: WarehouseRelation, warehouse?: WarehouseConfig): boolean {
  const wanted = warehouse?.database;
  return wanted === undefined || rel.database === null || eq(wanted, rel.database);
}

/**
 * The reverse of `matchesAppTable`: the app-side names a warehouse relation can stand for (usually one).
 * Empty when the relation lives in another database than `warehouse.database`.
 */
export function appTablesFor(rel: WarehouseRelation, warehouse?: WarehouseConfig): TableName[] {
  if (!isInWarehouseDatabase(rel, warehouse)) return [];
  const schemas = reverseLookup(warehouse?.schemas ?? {}, rel.schema);
  const tables = reverseLookup(warehouse?.tables ?? {}, rel.table);
  const names: TableName[] = [];
  for (const schema of schemas) {
    for (const name of tables) names.push({ schema: eq(schema, DEFAULT_SCHEMA) ? null : schema, name });
  }
  return names.filter((app) => matchesAppTable(app, rel, warehouse));
}

/**
 * The keys mapped onto `value`; when none is, `value` itself, unless the map sends that name elsewhere.
 * A configured mapping wins over the identity, so a relation gets one app-side name, not two.
 */
function reverseLookup(map: Record<string, string>, value: string): string[] {
  const keys = Object.keys(map).filter((key) => eq(map[key] ?? '', value));
  const identityTaken = Object.keys(map).some((key) => eq(key, value));
  if (keys.length === 0 && !identityTaken) keys.push(value.toLowerCase());
  return keys.sort();
}

/** Same app table: case-insensitive, and no schema is the default schema. */
export function isSameTable(a: TableName, b: TableName): boolean {
  return eq(a.schema ?? DEFAULT_SCHEMA, b.schema ?? DEFAULT_SCHEMA) && eq(a.name, b.name);
}

/** A sort and lookup key for an app table: `schema.name`, lower case, the default schema left out. */
export function tableKey(table: TableName): string {
  const schema = (table.schema ?? DEFAULT_SCHEMA).toLowerCase();
  const name = table.name.toLowerCase();
  return schema === DEFAULT_SCHEMA ? name : `${schema}.${name}`;
}

/** How a table is shown to people: `name` or `schema.name`. */
export function displayTable(table: TableName): string {
  return table.schema === null || eq(table.schema, DEFAULT_SCHEMA) ? table.name : `${table.schema}.${table.name}`;
}
