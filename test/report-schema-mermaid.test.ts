// `schema --format mermaid`: every name and type spelled as Mermaid's erDiagram parser takes a word (checked
// against mermaid 11's parser by hand: a column `pk` or `0`, a type `NUMERIC(10, 2)`, an entity `erDiagram` are refused).
import { describe, expect, it } from 'vitest';
import { renderSchemaMermaid } from '../src/report/schema-mermaid.js';
import { col, pk, schema, table } from './helpers/schema-builders.js';

describe('schema as a Mermaid erDiagram', () => {
  it('keeps the words Mermaid takes and mends the ones it refuses', () => {
    const measures = table('measure', [pk('pk'), col('0', 'FLOAT'), col('total', 'NUMERIC(10, 2)'), col('taken_at', 'TIMESTAMP WITHOUT TIME ZONE'), col('FK', 'INTEGER')]);
    const text = renderSchemaMermaid(schema([measures, table('erDiagram', [pk()], { schema: null }), table('invoices', [pk()], { schema: 'billing' })]));
    expect(text.split('\n')).toEqual([
      'erDiagram',
      '  measure {',
      '    INTEGER pk_ PK',
      '    FLOAT _0',
      '    NUMERIC_10__2_ total',
      '    TIMESTAMP_WITHOUT_TIME_ZONE taken_at',
      '    INTEGER FK_',
      '  }',
      '  erDiagram_ {',
      '    INTEGER id PK',
      '  }',
      '  billing_invoices {',
      '    INTEGER id PK',
      '  }',
      '',
    ]);
  });
});
