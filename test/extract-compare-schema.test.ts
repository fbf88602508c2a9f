// The golden comparator itself: it must report every real difference readably and ignore what the brief
// excludes (source, diagnostics, our own fields, constraint order, a default repr that shows a memory address).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Schema, Table } from '../src/schema/types.js';
import { checkUnresolved } from './helpers/check-unresolved.js';
import { compareSchemas } from './helpers/compare-schema.js';
import { MODELS_DIR, readExpectedSchema } from './helpers/golden-cases.js';

const BASE = readExpectedSchema(join(MODELS_DIR, 'table-args-tuple', 'expected.json'));

function copy(): Schema {
  return structuredClone(BASE);
}

function table(s: Schema, name: string): Table {
  const t = s.tables.find((x) => x.name === name);
  if (t === undefined) throw new Error(`fixture lost table ${name}`);
  return t;
}

function column(s: Schema, tableName: string, name: string) {
  const c = table(s, tableName).columns.find((x) => x.name === name);
  if (c === undefined) throw new Error(`fixture lost column ${name}`);
  return c;
}

describe('compareSchemas', () => {
  it('finds nothing between a schema and its copy', () => {
    expect(compareSchemas(BASE, copy())).toEqual([]);
  });

  it('ignores source, diagnostics, fields we add and constraint order', () => {
    const a = copy();
    const t = table(a, 'reservations');
    t.source = { file: 'elsewhere.py', line: 99, symbol: 'X' };
    column(a, 'reservations', 'id').source = { file: 'hotel.py', line: 20 };
    a.diagnostics.push({ file: 'hotel.py', line: 1, severity: 'warning', message: 'noise' });
    t.check_constraints.reverse();
    column(a, 'reservations', 'hotel_id').foreign_keys.reverse();
    expect(compareSchemas(BASE, a)).toEqual([]);
  });

  it('names the table, column and field of a value mismatch', () => {
    const a = copy();
    column(a, 'reservations', 'room_number').type = 'VARCHAR';
    column(a, 'reservations', 'guest_email').nullable = true;
    column(a, 'rooms', 'beds').key = 'bed_count';
    expect(compareSchemas(BASE, a)).toEqual([
      'reservations.room_number.type: expected VARCHAR(8), got VARCHAR',
      'reservations.guest_email.nullable: expected false, got true',
      'rooms.beds.key: expected beds, got bed_count',
    ]);
  });

  it('compares default texts, and a repr that shows a memory address by presence only', () => {
    const a = copy();
    column(a, 'reservations', 'nights').default = null;
    column(a, 'reservations', 'night').server_default = 'now()';
    column(a, 'reservations', 'guests').default = '2.0';
    expect(compareSchemas(BASE, a)).toEqual([
      'reservations.night.server_default: expected null, got now()',
      'reservations.nights.default: expected 1, got null',
      'reservations.guests.default: expected 1, got 2.0',
    ]);
    const symbol = copy();
    column(symbol, 'reservations', 'nights').default = '<app.enum.EnumSymbol object at 0x7f66b5ea8d70>';
    const ours = copy();
    column(ours, 'reservations', 'nights').default = "EnumSymbol(Status, 'new')";
    expect(compareSchemas(symbol, ours)).toEqual([]);
    column(ours, 'reservations', 'nights').default = null;
    expect(compareSchemas(symbol, ours)).toEqual(["reservations.nights.default: expected a value (<app.enum.EnumSymbol object at 0x7f66b5ea8d70>), got null"]);
  });

  it('reports missing, extra and reordered columns and tables', () => {
    const a = copy();
    const t = table(a, 'reservations');
    t.columns = t.columns.filter((c) => c.name !== 'guests');
    t.columns.push({ ...column(a, 'reservations', 'night'), name: 'checkout' });
    const rooms = table(a, 'rooms');
    rooms.columns.reverse();
    a.tables.push({ ...rooms, name: 'suites' });
    a.tables = a.tables.filter((x) => x.name !== 'rooms');
    expect(compareSchemas(BASE, a)).toEqual([
      'reservations.guests: missing column',
      'reservations.checkout: extra column',
      'rooms: missing table',
      'suites: extra table',
    ]);
    const b = copy();
    table(b, 'rooms').columns.reverse();
    expect(compareSchemas(BASE, b)).toEqual([
      'rooms: column order: expected [hotel_id, number, beds], got [beds, number, hotel_id]',
    ]);
  });

  it('pairs look-alike constraints and reports the differing field, else missing / extra', () => {
    const a = copy();
    const t = table(a, 'reservations');
    t.indexes[0] = { ...t.indexes[0]!, name: 'ix_guest_night' };
    t.foreign_keys[0] = { ...t.foreign_keys[0]!, ondelete: null };
    t.check_constraints = t.check_constraints.filter((k) => k.sqltext !== 'guests <= 6');
    t.unique_constraints.push({ name: null, columns: ['guest_email'] });
    expect(compareSchemas(BASE, a)).toEqual([
      'reservations.foreign_keys[fk_reservations_room].ondelete: expected CASCADE, got null',
      'reservations.unique_constraints: extra {name: null, columns: [guest_email]}',
      'reservations.indexes[ix_reservations_guest_night].name: expected ix_reservations_guest_night, got ix_guest_night',
      'reservations.check_constraints: missing {name: null, sqltext: guests <= 6}',
    ]);
  });

  it('reports the primary key, unresolved entries, duplicates and the dialect', () => {
    const a = copy();
    a.dialect = 'mysql';
    table(a, 'rooms').primary_key = ['hotel_id'];
    table(a, 'rooms').unresolved.push({ file: 'hotel.py', line: 14, symbol: 'beds', reason: 'unknown type' });
    a.tables.push(structuredClone(table(a, 'reservations')));
    expect(compareSchemas(BASE, a)).toEqual([
      'dialect: expected postgresql, got mysql',
      'reservations: table extracted more than once',
      'rooms.primary_key: expected [hotel_id, number], got [hotel_id]',
      'rooms.unresolved: expected 0 entries, got 1: hotel.py:14 beds: unknown type',
    ]);
  });

  it('pairs a table name found in two MetaData objects by occurrence, as compare.py does', () => {
    const e = copy();
    e.tables.push({ ...structuredClone(table(e, 'rooms')), columns: table(e, 'rooms').columns.slice(0, 1) });
    const a = structuredClone(e);
    expect(compareSchemas(e, a)).toEqual([]);
    a.tables.pop();
    expect(compareSchemas(e, a)).toEqual(['rooms#2: missing table']);
    const swapped = structuredClone(e);
    swapped.tables.push(swapped.tables.splice(swapped.tables.indexOf(table(swapped, 'rooms')), 1)[0]!);
    expect(compareSchemas(e, swapped).some((m) => m.startsWith('rooms.') && m.endsWith('extra column'))).toBe(true);
  });
});

describe('checkUnresolved', () => {
  const expected = { tables: { rooms: { columns: ['hotel_id', 'beds'], unresolved_mentions: ['TimestampMixin'] } } };

  it('passes when the columns are there and an entry mentions the string', () => {
    const a = copy();
    table(a, 'rooms').unresolved.push({ file: 'hotel.py', line: 9, reason: 'base class TimestampMixin is not in the repository' });
    expect(checkUnresolved(expected, a)).toEqual([]);
  });

  it('reports a missing column, a missing mention and a missing table', () => {
    const a = copy();
    table(a, 'rooms').columns = table(a, 'rooms').columns.filter((c) => c.name !== 'beds');
    expect(checkUnresolved(expected, a)).toEqual([
      'rooms.beds: missing column',
      'rooms.unresolved: nothing mentions TimestampMixin (got [])',
    ]);
    a.tables = [];
    expect(checkUnresolved(expected, a)).toEqual(['rooms: missing table (extracted: [])']);
  });
});
