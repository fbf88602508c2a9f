// type-semantic: same values, different meaning.
import { describe, expect, it } from 'vitest';
import { typeSemantic } from '../src/rules/type-semantic.js';
import { runRule } from './helpers/rule-context.js';
import { col, pk, table, withColumn } from './helpers/schema-builders.js';

const events = table('events', [pk(), col('at', 'TIMESTAMP WITHOUT TIME ZONE'), col('payload', 'JSON')]);

describe('type-semantic', () => {
  it('fires when a timestamp gains a time zone', () => {
    const findings = runRule(typeSemantic, [events], [withColumn(events, 'at', { type: 'TIMESTAMP WITH TIME ZONE' })]);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]?.message).toBe('Column events.at changes meaning from TIMESTAMP WITHOUT TIME ZONE to TIMESTAMP WITH TIME ZONE.');
    expect(findings[0]?.category).toBe('type');
  });

  it('fires on JSON -> JSONB', () => {
    expect(runRule(typeSemantic, [events], [withColumn(events, 'payload', { type: 'JSONB' })])).toHaveLength(1);
  });

  it('does not fire on a plain widening or an unchanged type', () => {
    expect(runRule(typeSemantic, [events], [withColumn(events, 'at', { type: 'TIMESTAMP(6) WITHOUT TIME ZONE' })])).toEqual([]);
    expect(runRule(typeSemantic, [events], [events])).toEqual([]);
  });
});
