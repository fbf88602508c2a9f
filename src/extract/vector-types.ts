// pgvector's SQLAlchemy types (`pgvector.sqlalchemy`): UserDefinedTypes whose get_col_spec() is their DDL on every
// dialect, `VECTOR(1536)`, or the bare name when no size is given. Read from pgvector-python's source, the same in
// each release since 0.1. No Debian package carries it, so the oracle cannot build them: the tests' expectations are
// written by hand from that source (test/extract-evaluator.test.ts). `HalfVector` and `SparseVector` are left out:
// in some releases they are value classes, not types.
import type { TypeSpec } from '../schema/type-spec.js';
import type { Value } from './values.js';

/** Each type's DDL name, and the keyword its one parameter has. */
const VECTOR_TYPES: ReadonlyMap<string, { ddl: string; param: string }> = new Map([
  ['Vector', { ddl: 'VECTOR', param: 'dim' }],
  ['VECTOR', { ddl: 'VECTOR', param: 'dim' }],
  ['HALFVEC', { ddl: 'HALFVEC', param: 'dim' }],
  ['SPARSEVEC', { ddl: 'SPARSEVEC', param: 'dim' }],
  ['BIT', { ddl: 'BIT', param: 'length' }],
]);

/** The class name of `pgvector.sqlalchemy.Vector` or `pgvector.sqlalchemy.vector.VECTOR`; undefined for any other name. */
export function vectorClass(name: string): string | undefined {
  const m = /^pgvector\.sqlalchemy\.(?:\w+\.)?(\w+)$/.exec(name);
  return m && VECTOR_TYPES.has(m[1]!) ? m[1] : undefined;
}

/** The TypeSpec of a pgvector type; null when its size is not known statically; undefined for any other value. */
export function vectorTypeSpec(v: Value): TypeSpec | null | undefined {
  const callee = v.t === 'call' ? v.callee : v;
  const cls = callee.t === 'ext' ? vectorClass(callee.name) : undefined;
  if (!cls) return undefined;
  const { ddl, param } = VECTOR_TYPES.get(cls)!;
  if (v.t === 'call' && (v.args.length > 1 || [...v.kwargs.keys()].some((k) => k !== param))) return null;
  const size = v.t === 'call' ? (v.args[0] ?? v.kwargs.get(param)) : undefined;
  // `'VECTOR(%d)' % dim`: an int, or a float truncated
  if (size && size.t !== 'none' && size.t !== 'num') return null;
  const colSpec = size?.t === 'num' ? `${ddl}(${Math.trunc(size.v)})` : ddl;
  return { name: cls, module: 'sqlalchemy', args: [], kwargs: {}, colSpec };
}
