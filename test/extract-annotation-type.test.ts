// typeFromAnnotation & co. against the column types real SQLAlchemy 2.0.40 / SQLModel 0.0.24 built (fixtures/types/generate.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  typeFromAnnotation,
  typeFromEnumAnnotation,
  typeFromLiteralAnnotation,
  withSqlModelField,
  type AnnotationFlavor,
  type SqlModelFieldArgs,
} from '../src/extract/annotation-type.js';
import { renderType } from '../src/schema/render-type.js';
import type { RenderedType, TypeSpec } from '../src/schema/type-spec.js';
import { DIALECTS, type Dialect } from '../src/schema/types.js';

type Input =
  | { kind: 'name'; name: string }
  | { kind: 'enum'; class: string; members: string[] }
  | { kind: 'literal'; values: string[] };

interface Row {
  input: Input;
  field?: SqlModelFieldArgs;
  error?: string;
  class?: string;
  rendered?: Record<Dialect, RenderedType>;
}

const golden = JSON.parse(readFileSync(new URL('../fixtures/types/annotation-types.json', import.meta.url), 'utf8')) as {
  sqlalchemy: Row[];
  sqlmodel: Row[];
};

function inferred(input: Input, flavor: AnnotationFlavor, field: SqlModelFieldArgs): TypeSpec | null {
  if (input.kind === 'enum') return typeFromEnumAnnotation(input.class, input.members);
  if (input.kind === 'literal') return typeFromLiteralAnnotation(input.values, flavor);
  const spec = typeFromAnnotation(input.name, flavor);
  return spec && flavor === 'sqlmodel' ? withSqlModelField(spec, field) : spec;
}

const label = (r: Row): string => `${JSON.stringify(r.input)}${r.field && Object.keys(r.field).length ? ` ${JSON.stringify(r.field)}` : ''}`;

describe.each(['sqlalchemy', 'sqlmodel'] as const)('%s annotations match the library', (flavor) => {
  const rows = golden[flavor];

  it('has the cases the brief lists', () => {
    expect(rows.length).toBeGreaterThan(25);
    expect(rows.some((r) => r.error)).toBe(true);
  });

  it.each(rows.map((r) => [label(r), r] as const))('%s', (_label, row) => {
    const spec = inferred(row.input, flavor, row.field ?? {});
    if (row.error) {
      expect(spec).toBeNull();
      return;
    }
    expect(spec?.name).toBe(row.class);
    for (const d of DIALECTS) expect(renderType(spec as TypeSpec, d), d).toEqual(row.rendered?.[d]);
  });
});

describe('withSqlModelField', () => {
  it('leaves types other than AutoString and Numeric alone', () => {
    const integer = typeFromAnnotation('int', 'sqlmodel') as TypeSpec;
    expect(withSqlModelField(integer, { max_length: 5, max_digits: 3 })).toBe(integer);
  });

  it('accepts builtins.-qualified names', () => {
    expect(typeFromAnnotation('builtins.int', 'sqlalchemy')?.name).toBe('Integer');
  });
});
