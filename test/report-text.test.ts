// The terminal report: every fact a committer needs, plain when colour is off; renderReport's format switch.
import kleur from 'kleur';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReport } from '../src/report/render.js';
import { renderText } from '../src/report/text.js';
import { REPORT_FORMATS } from '../src/report/types.js';
import { checkReport, warningReport } from './helpers/report-fixture.js';

let wasEnabled = kleur.enabled;
beforeEach(() => {
  wasEnabled = kleur.enabled;
  kleur.enabled = false;
});
afterEach(() => {
  kleur.enabled = wasEnabled;
});

const NARROWING_HELP = 'add a new column with the narrower type, backfill and validate, move readers, then drop the old column';

describe('text report', () => {
  it('gives each blocked finding its change, file:line, contract, consumers with owners and safe path', () => {
    const text = renderText(checkReport());
    expect(text).toContain('schemaguard: 4 schema changes (HEAD -> staged)');
    expect(text).toContain('✖ block  type-narrowing  app/models/order.py:8\n  Column orders.total narrows from NUMERIC(12, 2) to NUMERIC(10, 2).');
    expect(text).toContain('  contract   orders-feed (owners: @acme/orders), policy block\n');
    expect(text).toContain('  downstream fct_orders (model); owners: @acme/analytics\n');
    expect(text).toContain(`  what to do  Existing values may not fit`);
    expect(text).toContain(NARROWING_HELP);
  });

  it('shows warnings, notes, suppressed findings with their reason, and the lineage notes', () => {
    const text = renderText(checkReport());
    expect(text).toContain('⚠ warn   nullable-added  app/models/user.py:14');
    expect(text).toContain('ℹ info   type-widening  app/models/user.py:13');
    expect(text).toContain('✖ block  drop-column  app/models/user.py:15 (suppressed: flag unused since 2024)');
    expect(text).toContain('note: the lineage snapshot is 20 days old');
  });

  it('prints whom to notify with ready-to-paste messages, then how to override', () => {
    const text = renderText(checkReport());
    expect(text).toContain('Notify @acme/analytics, @acme/orders. Ready-to-paste messages:');
    expect(text).toContain('--- to @acme/analytics ---\nHi @acme/analytics, a schema change in the application database touches data you own or read:\n');
    expect(text).toContain('[orders.total] (affects fct_orders)');
    expect(text.trimEnd().split('\n').slice(-3)).toEqual([
      'Blocked: 1 breaking change, 1 warning.',
      'To let a deliberate change through, give a reason (it is recorded in the commit message):',
      '  SCHEMAGUARD_OVERRIDE="<why this is safe>" git commit ...',
    ]);
  });

  it('says when a contract forbids the override, on the finding and in the summary', () => {
    const text = renderText(checkReport({ allowOverride: false }));
    expect(text).toContain('policy block, no override');
    expect(text).toContain('a contract forbids overriding this finding');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'A contract forbids overriding at least one finding: follow the safe path, or change the contract with its owners.',
    );
    expect(text).not.toContain('SCHEMAGUARD_OVERRIDE=');
  });

  it('marks overridden findings and ends with the recorded reason', () => {
    const text = renderText(checkReport({ overrideReason: 'orders readers moved to total_v2 (DATA-77)' }));
    expect(text).toContain('✖ block  type-narrowing  app/models/order.py:8 (overridden)');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Passed with override (type-narrowing): orders readers moved to total_v2 (DATA-77)');
  });

  it('lets warnings through and still names whom to notify', () => {
    const text = renderText(warningReport());
    expect(text).toContain('Notify @acme/orders. Ready-to-paste messages:');
    expect(text).toContain('- Column orders.total becomes NOT NULL. [orders.total]');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Passed with 2 warnings.');
  });

  it('has no ANSI escapes when colour is off, and paints when it is on', () => {
    expect(renderText(checkReport())).not.toMatch(/\u001b\[/);
    kleur.enabled = true;
    expect(renderText(checkReport())).toContain('\u001b[31m✖ block');
  });

  it('in quiet mode prints only the blocking findings and the summary', () => {
    const text = renderText(checkReport(), { quiet: true });
    expect(text).not.toContain('nullable-added');
    expect(text).not.toContain('Notify');
    expect(text).toContain('type-narrowing');
    expect(text).toContain('Blocked: 1 breaking change, 1 warning.');
  });

  it('says so when nothing changed', () => {
    const report = { ...checkReport(), changes: [], verdict: { findings: [], blocked: false, override: null, notifications: [] } };
    expect(renderText(report)).toBe('✔ schemaguard: no schema change (HEAD -> staged).\n');
    expect(renderText(report, { quiet: true })).toBe('');
  });
});

describe('renderReport', () => {
  it('paints the text report only when asked, and leaves kleur as it was', async () => {
    kleur.enabled = true;
    expect(await renderReport(checkReport(), 'text', { color: false })).not.toMatch(/\u001b\[/);
    expect(kleur.enabled).toBe(true);
    kleur.enabled = false;
    expect(await renderReport(checkReport(), 'text', { color: true })).toContain('\u001b[');
    expect(kleur.enabled).toBe(false);
  });

  it('renders each format', async () => {
    for (const format of REPORT_FORMATS) expect((await renderReport(checkReport(), format)).length, format).toBeGreaterThan(0);
    expect(JSON.parse(await renderReport(checkReport(), 'json')).version).toBe(1);
  });
});
