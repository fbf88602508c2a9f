// SARIF 2.1.0: the structure code scanning reads.
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/registry.js';
import { renderSarif } from '../src/report/sarif.js';
import { checkReport } from './helpers/report-fixture.js';

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  suppressions?: { kind: string; justification: string }[];
}

function parse(text: string) {
  const sarif = JSON.parse(text);
  expect(sarif.version).toBe('2.1.0');
  expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
  expect(sarif.runs).toHaveLength(1);
  return { driver: sarif.runs[0].tool.driver, results: sarif.runs[0].results as SarifResult[] };
}

describe('sarif report', () => {
  it('describes every rule with its default level and no relative helpUri', () => {
    const { driver } = parse(renderSarif(checkReport()));
    expect(driver.name).toBe('schemaguard');
    expect(driver.version).toBe('0.1.0');
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note', 'none']).toContain(rule.defaultConfiguration.level);
      expect(rule.helpUri).toBeUndefined();
      expect(rule.help.text).toContain(`docs/rules/${rule.id}.md`);
    }
    const dropColumn = driver.rules.find((r: { id: string }) => r.id === 'drop-column');
    expect(dropColumn.defaultConfiguration.level).toBe('error');
  });

  it('gives one result per finding with level, location and rule index', () => {
    const { driver, results } = parse(renderSarif(checkReport()));
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['type-narrowing', 'error'],
      ['drop-column', 'error'],
      ['nullable-added', 'warning'],
      ['type-widening', 'note'],
    ]);
    const [narrowing] = results;
    expect(narrowing?.locations).toEqual([{ physicalLocation: { artifactLocation: { uri: 'app/models/order.py' }, region: { startLine: 8 } } }]);
    expect(driver.rules[narrowing?.ruleIndex ?? -1].id).toBe('type-narrowing');
    expect(narrowing?.message.text).toContain('Column orders.total narrows');
    expect(narrowing?.suppressions).toBeUndefined();
  });

  it('records in-source suppressions and overrides with their justification', () => {
    const { results } = parse(renderSarif(checkReport({ overrideReason: 'readers moved (DATA-77)' })));
    expect(results.find((r) => r.ruleId === 'drop-column')?.suppressions).toEqual([{ kind: 'inSource', justification: 'flag unused since 2024' }]);
    expect(results.find((r) => r.ruleId === 'type-narrowing')?.suppressions).toEqual([{ kind: 'external', justification: 'readers moved (DATA-77)' }]);
  });
});
