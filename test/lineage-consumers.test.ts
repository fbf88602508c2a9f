import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConsumersFile } from '../src/lineage/consumers-file.js';

const text = readFileSync(new URL('../fixtures/lineage/consumers.yaml', import.meta.url), 'utf8');
const parse = (yaml: string) => parseConsumersFile(yaml, 'consumers.yaml', 'file:consumers.yaml');

describe('hand-written consumers file', () => {
  it('turns each consumer into a node and each read into a reader of an app-side table', () => {
    const fragment = parse(text);
    expect(fragment.nodes.find((n) => n.id === 'consumer:finance-monthly-export')).toEqual({
      id: 'consumer:finance-monthly-export',
      type: 'consumer',
      name: 'Finance monthly spreadsheet',
      kind: 'spreadsheet',
      url: 'https://drive.acme.example/finance/monthly.xlsx',
      owners: ['finance-ops@acme.example'],
      source: 'file:consumers.yaml',
      children: [],
    });
    const tables = Object.fromEntries(fragment.tables.map((t) => [`${t.schema ?? ''}.${t.name}`, t.readers]));
    expect(tables['.users']).toEqual([{ node: 'consumer:finance-monthly-export', level: 'column', columns: ['email', 'plan'] }]);
    expect(tables['billing.invoices']).toEqual([{ node: 'consumer:finance-monthly-export', level: 'column', columns: ['amount_cents', 'issued_on'] }]);
    expect(tables['.orders']).toEqual([{ node: 'consumer:partner-feed', level: 'table', reason: 'the consumers file lists no columns for it' }]);
    expect(tables['.audit_log']).toEqual([{ node: 'consumer:audit-archive', level: 'column', columns: '*' }]);
  });

  it('reads `columns: []` as a reader of no column (a row count), which only the table going away breaks', () => {
    const fragment = parse('consumers:\n  - id: row-count\n    reads:\n      - table: users\n        columns: []\n');
    expect(fragment.tables).toEqual([{ schema: null, name: 'users', readers: [{ node: 'consumer:row-count', level: 'column', columns: [] }] }]);
  });

  it('gives file:line:column for YAML syntax errors', () => {
    expect(() => parse('consumers:\n  - id: a\n    reads: [x\n')).toThrow(/^consumers\.yaml:\d+:\d+: /);
  });

  it('gives file:line and the dotted path for a wrong value', () => {
    const bad = 'consumers:\n  - id: a\n    reads:\n      - table: users\n        columns: email\n';
    expect(() => parse(bad)).toThrow(/^consumers\.yaml:5:18: consumers\[0\]\.reads\[0\]\.columns: /);
  });

  it('names unknown keys and duplicate ids with their line', () => {
    expect(() => parse('consumers:\n  - id: a\n    reads: [{ table: t }]\n    owner: x\n')).toThrow(/^consumers\.yaml:\d+:\d+: consumers\[0\]: Unrecognized key: "owner"/);
    const dup = 'consumers:\n  - id: a\n    reads: [{ table: t }]\n  - id: a\n    reads: [{ table: u }]\n';
    expect(() => parse(dup)).toThrow('consumers.yaml:4:9: consumers[1].id: "a" is used twice');
  });
});
