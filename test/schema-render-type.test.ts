// renderType against every (type, dialect) row that real SQLAlchemy 2.0.40 rendered (fixtures/types/generate.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findUnknownType, isKnownType, renderType } from '../src/schema/render-type.js';
import type { RenderedType, TypeSpec } from '../src/schema/type-spec.js';
import { DIALECTS, type Dialect } from '../src/schema/types.js';

interface GoldenCase {
  expr: string;
  spec: TypeSpec;
  expected: Record<Dialect, RenderedType>;
}

const golden = JSON.parse(readFileSync(new URL('../fixtures/types/render-types.json', import.meta.url), 'utf8')) as {
  sqlalchemy: string;
  cases: GoldenCase[];
};
const rows = golden.cases.flatMap((c) => DIALECTS.map((d) => [c.expr, d, c.spec, c.expected[d]] as const));

describe('renderType matches SQLAlchemy', () => {
  it('covers hundreds of rows from SQLAlchemy 2.0.40', () => {
    expect(golden.sqlalchemy).toBe('2.0.40');
    expect(rows.length).toBeGreaterThan(1000);
  });

  it.each(rows)('%s on %s', (_expr, dialect, spec, expected) => {
    expect(renderType(spec, dialect)).toEqual(expected);
  });

  it.each(golden.cases.map((c) => [c.expr, c.spec] as const))('%s is a known type', (_expr, spec) => {
    expect(isKnownType(spec)).toBe(true);
  });
});

const geometry: TypeSpec = { name: 'Geometry', module: 'sqlalchemy', args: ['POINT'], kwargs: { srid: 4326 } };
const arrayOf = (item: TypeSpec): TypeSpec => ({ name: 'ARRAY', module: 'postgresql', args: [item], kwargs: {} });
const text: TypeSpec = { name: 'Text', module: 'sqlalchemy', args: [], kwargs: {} };

describe('types outside the catalog', () => {
  it('render as the class name, like the oracle fallback, and are reported unknown', () => {
    expect(renderType(geometry, 'postgresql')).toEqual({ type: 'GEOMETRY', enum: null });
    expect(isKnownType(geometry)).toBe(false);
    expect(findUnknownType(geometry)).toBe(geometry);
  });

  it('are found nested in an ARRAY only where the dialect renders the item', () => {
    expect(renderType(arrayOf(geometry), 'postgresql').type).toBe('GEOMETRY[]');
    expect(findUnknownType(arrayOf(geometry), 'postgresql')).toBe(geometry);
    // MySQL cannot compile ARRAY at all, so the item never matters there
    expect(renderType(arrayOf(geometry), 'mysql').type).toBe('ARRAY');
    expect(isKnownType(arrayOf(geometry), 'mysql')).toBe(true);
  });

  it('matter only on the dialects whose variant they are', () => {
    const spec: TypeSpec = { ...text, variants: { postgresql: geometry } };
    expect(isKnownType(spec, 'sqlite')).toBe(true);
    expect(isKnownType(spec, 'postgresql')).toBe(false);
    expect(isKnownType(spec)).toBe(false);
    expect(renderType(spec, 'sqlite').type).toBe('TEXT');
  });

  it('do not hide behind a known variant', () => {
    const spec: TypeSpec = { ...geometry, variants: { sqlite: text } };
    expect(renderType(spec, 'sqlite').type).toBe('TEXT');
    expect(isKnownType(spec, 'sqlite')).toBe(true);
    expect(findUnknownType(spec)).toBe(spec);
  });

  it('does not confuse a name with an Object.prototype member', () => {
    const spec: TypeSpec = { name: 'constructor', module: 'postgresql', args: [], kwargs: {} };
    expect(isKnownType(spec)).toBe(false);
    expect(renderType(spec, 'mysql').type).toBe('CONSTRUCTOR');
  });
});
