// The markdown report for pull-request comments and job summaries.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/report/markdown.js';
import { checkReport } from './helpers/report-fixture.js';

describe('markdown report', () => {
  it('has a status heading and a table with one row per finding', () => {
    const md = renderMarkdown(checkReport());
    expect(md.startsWith('## schemaguard: blocked\n')).toBe(true);
    expect(md).toContain('| | rule | where | what | who |\n|---|---|---|---|---|\n');
    expect(md).toContain(
      '| ⛔ block | `type-narrowing` | `app/models/order.py:8` | Column orders.total narrows from NUMERIC(12, 2) to NUMERIC(10, 2). | @acme/analytics, @acme/orders |',
    );
    expect(md).toContain('| ⛔ block (suppressed) | `drop-column` |');
    expect(md).toContain('| ⚠️ warn | `nullable-added` |');
    expect(md).toContain('| ℹ️ info | `type-widening` |');
  });

  it('details contracts, consumers and the safe path, and ends with how to override', () => {
    const md = renderMarkdown(checkReport());
    expect(md).toContain('- contract: orders-feed (owners: @acme/orders), policy block');
    expect(md).toContain('- downstream: fct_orders (model); owners: @acme/analytics');
    expect(md).toContain('- safe path: Existing values may not fit');
    expect(md).toContain('`SCHEMAGUARD_OVERRIDE="<why this is safe>" git commit ...`');
  });

  it('says when an override cannot help, and records an override that was given', () => {
    expect(renderMarkdown(checkReport({ allowOverride: false }))).toContain('A contract forbids overriding at least one finding');
    const md = renderMarkdown(checkReport({ overrideReason: 'readers | moved' }));
    expect(md.startsWith('## schemaguard: passed with override\n')).toBe(true);
    expect(md).toContain('| ⛔ block (overridden) | `type-narrowing` |');
    expect(md).toContain('**Override** (type-narrowing): readers \\| moved');
  });

  it('escapes pipes and newlines inside table cells', () => {
    const report = checkReport();
    const [first] = report.verdict.findings;
    if (first === undefined) throw new Error('fixture has findings');
    first.message = 'a | b\nc';
    expect(renderMarkdown(report)).toContain('| a \\| b c |');
  });
});
