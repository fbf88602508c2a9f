// GeoAlchemy2's spatial types (0.15): Geometry, Geography and Raster, UserDefinedTypes whose DDL is their
// get_col_spec() (`geometry(POINT,4326)`), and on MySQL its own @compiles (`POINT NOT NULL SRID 4326`). Importing
// geoalchemy2 sets up an after_parent_attach listener: a column of one, attached to a table, gets an
// `idx_<table>_<column>` index unless spatial_index=False, and is made NOT NULL by the type's nullable=False.
// Read from Debian's geoalchemy2 0.15.2 and checked against it (fixture `geoalchemy2-spatial-types`).
import type { SpatialType, TypeSpec } from '../schema/type-spec.js';
import type { Dialect } from '../schema/types.js';
import { isTruthy, type Value } from './values.js';

/** Each type's class-level `name`, the DDL word; Raster takes no geometry type nor SRID. */
const TYPE_NAMES: ReadonlyMap<string, string> = new Map([
  ['Geometry', 'geometry'],
  ['Geography', 'geography'],
  ['Raster', 'raster'],
]);

/** _GISType.__init__'s parameters in order; Raster's own are `(spatial_index, from_text, name, nullable)`. */
const GIS_PARAMS = ['geometry_type', 'srid', 'dimension', 'spatial_index', 'use_N_D_index', 'use_typmod', 'from_text', 'name', 'nullable'];
const RASTER_PARAMS = ['spatial_index', 'from_text', 'name', 'nullable'];

/** The type's class name for `geoalchemy2.Geometry` or `geoalchemy2.types.Geometry`; undefined for any other name. */
export function spatialClass(name: string): string | undefined {
  const m = /^geoalchemy2\.(?:types\.)?(\w+)$/.exec(name);
  return m && TYPE_NAMES.has(m[1]!) ? m[1] : undefined;
}

/**
 * The TypeSpec of a GeoAlchemy2 type, given as its class or built by a call; null when an argument its DDL or its
 * attach reads is not known statically; undefined for any other value.
 */
export function spatialTypeSpec(v: Value): TypeSpec | null | undefined {
  const callee = v.t === 'call' ? v.callee : v;
  const cls = callee.t === 'ext' ? spatialClass(callee.name) : undefined;
  if (!cls) return undefined;
  const names = cls === 'Raster' ? RASTER_PARAMS : GIS_PARAMS;
  const given = new Map<string, Value>();
  if (v.t === 'call') {
    if (v.args.length > names.length) return null;
    v.args.forEach((a, i) => given.set(names[i]!, a));
    for (const [k, a] of v.kwargs) given.set(k, a);
  }
  const flag = (name: string): boolean | undefined => {
    const value = given.get(name);
    return value ? isTruthy(value) : true;
  };
  const [index, nullable] = [flag('spatial_index'), flag('nullable')];
  const name = given.get('name') ?? { t: 'str', v: TYPE_NAMES.get(cls)! };
  if (index === undefined || nullable === undefined || name.t !== 'str') return null;
  if (cls === 'Raster') return spatialSpec(cls, name.v, { geometryType: null, srid: -1, index, nullable, raster: true });
  const geometryType = geometryTypeOf(given.get('geometry_type'));
  const srid = sridOf(given.get('srid'));
  if (geometryType === undefined || srid === undefined) return null;
  return spatialSpec(cls, name.v, { geometryType, srid, index, nullable });
}

function spatialSpec(cls: string, name: string, spatial: SpatialType): TypeSpec {
  // get_col_spec(): the name alone without a geometry type
  const colSpec = spatial.geometryType ? `${name}(${spatial.geometryType},${spatial.srid})` : name;
  return { name: cls, module: 'sqlalchemy', args: [], kwargs: {}, colSpec, spatial };
}

/** check_ctor_args: upper-cased when truthy, else kept as given (None, ''). */
function geometryTypeOf(v: Value | undefined): string | null | undefined {
  if (!v) return 'GEOMETRY';
  if (v.t === 'none') return null;
  return v.t === 'str' ? (v.v === '' ? '' : v.v.toUpperCase()) : undefined;
}

/** `int(srid)`, -1 for None: an int, an integral float truncated, or a string of digits. */
function sridOf(v: Value | undefined): number | undefined {
  if (!v || v.t === 'none') return -1;
  if (v.t === 'num') return Math.trunc(v.v);
  if (v.t === 'str' && /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(v.v)) return Number(v.v.replace(/_/g, ''));
  return undefined;
}

/**
 * The spec as the column it is attached to leaves it: on MySQL the type's own DDL, where after_parent_attach has
 * copied the column's nullability into the type (`NOT NULL` when not nullable or spatially indexed).
 */
export function attachedSpatialSpec(spec: TypeSpec, nullable: boolean, dialect: Dialect): TypeSpec {
  const s = spec.spatial;
  if (!s || dialect !== 'mysql') return spec;
  let ddl = s.geometryType ?? 'GEOMETRY';
  if (!nullable || s.index) ddl += ' NOT NULL';
  if (s.srid > 0) ddl += ` SRID ${s.srid}`;
  return { ...spec, compiled: { mysql: ddl } };
}
