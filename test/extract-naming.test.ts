// Naming conventions and long-name truncation, checked against names real SQLAlchemy 2.0.40 produced.
import { describe, expect, it } from 'vitest';
import type { MetaInfo } from '../src/extract/drafts.js';
import { constraintName, type NamingInput } from '../src/extract/naming.js';

function meta(naming: Record<string, string> = {}, schema: string | null = null): MetaInfo {
  return { id: 1, schema, naming: new Map(Object.entries(naming)), tokens: new Map() };
}

const noTokens = (): { reason: string } => ({ reason: 'the token is a lambda the test does not run' });

function input(partial: Partial<NamingInput>): NamingInput {
  return { kind: 'ix', name: null, table: { name: 'users', schema: null }, columns: [{ name: 'email', key: 'email' }], ...partial };
}

describe('constraint and index names', () => {
  it('uses ix_%(column_0_label)s by default, with the schema in the label', () => {
    expect(constraintName(meta(), input({}), 'postgresql', noTokens)).toBe('ix_users_email');
    const inSchema = input({ table: { name: 'aisles', schema: 'inventory' }, columns: [{ name: 'zone', key: 'zone' }] });
    expect(constraintName(meta(), inSchema, 'postgresql', noTokens)).toBe('ix_inventory_aisles_zone');
  });

  it('keeps an explicit name unless the template uses %(constraint_name)s', () => {
    const m = meta({ ck: 'ck_%(table_name)s_%(constraint_name)s', uq: 'uq_%(table_name)s_%(column_0_name)s' });
    expect(constraintName(m, input({ kind: 'ck', name: 'positive' }), 'postgresql', noTokens)).toBe('ck_users_positive');
    expect(constraintName(m, input({ kind: 'uq', name: 'my_uq' }), 'postgresql', noTokens)).toBe('my_uq');
    expect(constraintName(m, input({ kind: 'ix' }), 'postgresql', noTokens)).toBeNull();
  });

  it('joins all columns for column_0N_name and column_0_N_name', () => {
    const m = meta({ uq: 'uq_%(column_0N_name)s', ix: 'ix_%(column_0_N_name)s' });
    const cols = [{ name: 'a', key: 'a' }, { name: 'b', key: 'b' }];
    expect(constraintName(m, input({ kind: 'uq', columns: cols }), 'postgresql', noTokens)).toBe('uq_ab');
    expect(constraintName(m, input({ kind: 'ix', columns: cols }), 'postgresql', noTokens)).toBe('ix_a_b');
  });

  it('names foreign keys from the referred table', () => {
    const m = meta({ fk: 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s' });
    const fk = input({ kind: 'fk', columns: [{ name: 'org_id', key: 'org_id' }], referred: { schema: null, table: 'orgs', columns: ['id'], fullnames: ['orgs.id'] } });
    expect(constraintName(m, fk, 'postgresql', noTokens)).toBe('fk_users_org_id_orgs');
  });

  it('truncates a convention name past the dialect limit with an md5 suffix, as SQLAlchemy does', () => {
    const long = input({ table: { name: 'a_really_long_table_name_for_testing', schema: null }, columns: [{ name: 'an_equally_long_column_name_here', key: 'x' }] });
    // what SQLAlchemy 2.0.40 names it (oracle run on the same model)
    expect(constraintName(meta(), long, 'postgresql', noTokens)).toBe('ix_a_really_long_table_name_for_testing_an_equally_long_0fc3');
    expect(constraintName(meta(), long, 'sqlite', noTokens)).toBe('ix_a_really_long_table_name_for_testing_an_equally_long_column_name_here');
  });

  it('runs a callable token, and says why an unknown one gives no name', () => {
    const m: MetaInfo = { ...meta({ uq: 'uq_%(table_name)s_%(cols)s' }), tokens: new Map([['cols', { t: 'none' }]]) };
    const cols = [{ name: 'a', key: 'a' }, { name: 'b', key: 'b' }];
    expect(constraintName(m, input({ kind: 'uq', columns: cols }), 'postgresql', () => 'a_b')).toBe('uq_users_a_b');
    expect(constraintName(m, input({ kind: 'uq', columns: cols }), 'postgresql', noTokens)).toEqual({ reason: 'the token is a lambda the test does not run' });
    // a token neither the convention's callables nor SQLAlchemy's own know
    const unknownToken: MetaInfo = meta({ uq: 'uq_%(table_name)s_%(nonesuch)s' });
    expect(constraintName(unknownToken, input({ kind: 'uq', columns: cols }), 'postgresql', noTokens)).toEqual({ reason: 'token %(nonesuch)s not known' });
  });
});
