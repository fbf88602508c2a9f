// Pure helpers the engine and rules call: contractsFor, severityOverride, deprecationFor, suggestName.
import { describe, expect, it } from 'vitest';
import { contractsFor, deprecationFor, severityOverride } from '../src/config/match.js';
import { configSchema, type Config } from '../src/config/schema.js';
import { editDistance, suggestName } from '../src/config/suggest.js';

const config: Config = configSchema.parse({
  rules: { 'no-drop-column': 'warn', 'no-rename-table': 'off' },
  contracts: [
    { name: 'all-billing', tables: ['billing.*'] },
    { name: 'user-pii', tables: ['users', 'user_*'], columns: ['email', 'phone_*'], deprecations: { 'users.email': '2025-06-30' } },
    {
      name: 'orders',
      tables: ['orders'],
      deprecations: { orders: '2026-01-01', 'orders.total': '2025-01-01', 'sales.orders.total': '2024-01-01' },
    },
  ],
});

const names = (contracts: { name?: string }[]) => contracts.map((c) => c.name);

describe('contractsFor', () => {
  it('matches a table glob against the bare or the schema-qualified name', () => {
    expect(names(contractsFor(config, { schema: 'billing', name: 'invoices' }))).toEqual(['all-billing']);
    expect(names(contractsFor(config, { schema: null, name: 'invoices' }))).toEqual([]);
    expect(names(contractsFor(config, { schema: 'sales', name: 'orders' }))).toEqual(['orders']);
    expect(names(contractsFor(config, { schema: null, name: 'user_roles' }))).toEqual(['user-pii']);
  });

  it('is case-sensitive and anchored', () => {
    expect(contractsFor(config, { schema: null, name: 'Users' })).toEqual([]);
    expect(contractsFor(config, { schema: null, name: 'users_archive' })).toEqual([]);
    expect(contractsFor(config, { schema: null, name: 'old_orders' })).toEqual([]);
  });

  it('filters by column where the contract lists columns; without columns every column is covered', () => {
    expect(names(contractsFor(config, { schema: null, name: 'users' }, 'email'))).toEqual(['user-pii']);
    expect(names(contractsFor(config, { schema: null, name: 'users' }, 'phone_home'))).toEqual(['user-pii']);
    expect(names(contractsFor(config, { schema: null, name: 'users' }, 'nickname'))).toEqual([]);
    expect(names(contractsFor(config, { schema: null, name: 'orders' }, 'anything'))).toEqual(['orders']);
    expect(names(contractsFor(config, { schema: null, name: 'users' }))).toEqual(['user-pii']);
  });

  it('returns every matching contract in config order', () => {
    const both = configSchema.parse({ contracts: [{ name: 'b', tables: ['*'] }, { name: 'a', tables: ['users'] }] });
    expect(names(contractsFor(both, { schema: 'public', name: 'users' }, 'id'))).toEqual(['b', 'a']);
  });
});

describe('severityOverride', () => {
  it('returns the configured severity, or undefined', () => {
    expect(severityOverride(config, 'no-drop-column')).toBe('warn');
    expect(severityOverride(config, 'no-rename-table')).toBe('off');
    expect(severityOverride(config, 'no-drop-table')).toBeUndefined();
    expect(severityOverride(config, 'constructor')).toBeUndefined();
    expect(severityOverride(config, '__proto__')).toBeUndefined();
  });
});

describe('deprecationFor', () => {
  const [, pii, orders] = config.contracts;
  it('finds the column key, then the table key; qualified keys first', () => {
    expect(deprecationFor(pii!, { schema: null, name: 'users' }, 'email')).toBe('2025-06-30');
    expect(deprecationFor(pii!, { schema: null, name: 'users' }, 'phone_home')).toBeUndefined();
    expect(deprecationFor(orders!, { schema: null, name: 'orders' }, 'total')).toBe('2025-01-01');
    expect(deprecationFor(orders!, { schema: 'sales', name: 'orders' }, 'total')).toBe('2024-01-01');
    expect(deprecationFor(orders!, { schema: null, name: 'orders' }, 'status')).toBe('2026-01-01');
    expect(deprecationFor(orders!, { schema: null, name: 'orders' })).toBe('2026-01-01');
    expect(deprecationFor(pii!, { schema: null, name: 'users' })).toBeUndefined();
  });
});

describe('suggestName', () => {
  it('suggests near misses only', () => {
    expect(suggestName('onEror', ['onError', 'dialect'])).toBe('onError');
    expect(suggestName('on_error', ['onError', 'dialect'])).toBe('onError');
    expect(suggestName('dailect', ['onError', 'dialect'])).toBe('dialect');
    expect(suggestName('warehouse', ['onError', 'dialect'])).toBeUndefined();
    expect(suggestName('x', [])).toBeUndefined();
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
