// TypeDecorators: the type each one compiles as on a dialect.
import type { TypeSpec } from '../type-spec.js';
import type { Dialect } from '../types.js';
import type { BoundType } from './bind.js';
import { truthy } from './python.js';
import { typeSpec } from './type-class.js';

/** sqlalchemy.Interval: PostgreSQL's colspecs make a native Interval an INTERVAL(second_precision); elsewhere its impl, DateTime. */
export function intervalImpl(t: BoundType, dialect: Dialect): TypeSpec {
  if (dialect === 'postgresql' && truthy(t.attrs.native)) {
    return typeSpec('postgresql', 'INTERVAL', [], { precision: t.attrs.second_precision ?? null });
  }
  return typeSpec('sqlalchemy', 'DateTime');
}

/** sqlalchemy.PickleType: impl= when given, else LargeBinary. */
export function pickleImpl(t: BoundType): TypeSpec {
  const impl = t.attrs.impl;
  return impl && typeof impl === 'object' && !Array.isArray(impl) ? impl : typeSpec('sqlalchemy', 'LargeBinary');
}

/** sqlmodel.AutoString: String(*args); on MySQL a length-less one becomes String(255) (mysql_default_length). */
export function autoStringImpl(t: BoundType, dialect: Dialect): TypeSpec {
  const length = t.attrs.length ?? null;
  if (dialect === 'mysql' && length === null) return typeSpec('sqlalchemy', 'String', [255]);
  return typeSpec('sqlalchemy', 'String', t.spec.args, t.spec.kwargs);
}
