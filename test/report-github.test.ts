// GitHub Actions annotations: one workflow command per finding, escaped as the runner expects.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/engine/types.js';
import { renderGithub } from '../src/report/github.js';
import { checkReport } from './helpers/report-fixture.js';

const finding = (over: Partial<Finding>): Finding => ({
  message: 'Column users.email is dropped.',
  help: 'Tell the owners.',
  category: 'drop',
  change: null,
  table: { schema: null, name: 'users' },
  column: 'email',
  source: { file: 'app/models/user.py', line: 13 },
  ruleId: 'drop-column',
  severity: 'block',
  contracts: [],
  consumers: [],
  adjustments: [],
  suppressed: null,
  overridden: false,
  canOverride: true,
  ...over,
});

function reportWith(findings: Finding[]) {
  const report = checkReport();
  return { ...report, verdict: { ...report.verdict, findings, blocked: findings.some((f) => f.severity === 'block') } };
}

describe('github annotations', () => {
  it('writes one annotation per finding at its level and file:line, then a summary line', () => {
    const lines = renderGithub(checkReport()).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      '::error file=app/models/order.py,line=8,title=schemaguard type-narrowing::Column orders.total narrows from NUMERIC(12, 2) to NUMERIC(10, 2).%0AExisting values may not fit (the migration fails or truncates) and readers relying on the old range break. Safe path: add a new column with the narrower type, backfill and validate, move readers, then drop the old column.',
    );
    expect(lines[2]).toMatch(/^::warning file=app\/models\/user\.py,line=14,title=schemaguard nullable-added::/);
    expect(lines[3]).toMatch(/^::notice file=app\/models\/user\.py,line=13,title=schemaguard type-widening::/);
    expect(lines[4]).toBe('schemaguard: blocked (4 findings)');
  });

  it('does not show silenced findings as errors: suppressed is a notice, overridden a warning', () => {
    const lines = renderGithub(checkReport({ overrideReason: 'DATA-77' })).split('\n');
    expect(lines[0]).toMatch(/^::warning file=app\/models\/order\.py,line=8,.*\(overridden\)%0A/);
    expect(lines[1]).toMatch(/^::notice file=app\/models\/user\.py,line=15,.*\(suppressed\)%0A/);
  });

  it('escapes % and newlines in the message, and also : and , in properties', () => {
    const odd = finding({ message: '100% of rows\r\nbreak', help: 'a: b, c', source: { file: 'app/models/we%ird,name:x.py', line: 3 } });
    const [line] = renderGithub(reportWith([odd])).split('\n');
    expect(line).toBe('::error file=app/models/we%25ird%2Cname%3Ax.py,line=3,title=schemaguard drop-column::100%25 of rows%0D%0Abreak%0Aa: b, c');
  });

  it('leaves out file and line for a finding without a source', () => {
    const [line] = renderGithub(reportWith([finding({ source: null, severity: 'warn' })])).split('\n');
    expect(line).toBe('::warning title=schemaguard drop-column::Column users.email is dropped.%0ATell the owners.');
  });
});
