// Small builders for hand-written Schema values in tests: defaults are SQLAlchemy's for a plain Column.
import type { Column, Dialect, Directive, Schema, Table } from '../../src/schema/types.js';

export function col(name: string, type = 'INTEGER', over: Partial<Column> = {}): Column {
  return {
    name,
    key: name,
    type,
    enum: null,
    nullable: true,
    primary_key: false,
    unique: false,
    index: false,
    default: null,
    server_default: null,
    comment: null,
    foreign_keys: [],
    ...over,
  };
}

/** An integer primary key column `id`. */
export function pk(name = 'id', over: Partial<Column> = {}): Column {
  return col(name, 'INTEGER', { nullable: false, primary_key: true, ...over });
}

export function table(name: string, columns: Column[], over: Partial<Table> = {}): Table {
  return {
    name,
    schema: null,
    source: null,
    columns,
    primary_key: columns.filter((c) => c.primary_key).map((c) => c.name),
    foreign_keys: [],
    unique_constraints: [],
    indexes: [],
    check_constraints: [],
    unresolved: [],
    ...over,
  };
}

export function schema(tables: Table[], dialect: Dialect = 'postgresql'): Schema {
  return { version: 1, dialect, tables, diagnostics: [] };
}

/**
 * A model file laid out the way the extractor reports it: each table's class on `line`, each
 * column on the following lines, so directives can point at real lines.
 */
export function inFile(file: string, line: number, t: Table, symbol = t.name): Table {
  return {
    ...t,
    source: { file, line, symbol },
    columns: t.columns.map((c, i) => ({ ...c, source: { file, line: line + 2 + i } })),
  };
}

export function renamedFrom(file: string, line: number, from: string): Directive {
  return { kind: 'renamed-from', file, line, from };
}

/** A copy with one column replaced (matched by DB name). */
export function withColumn(t: Table, name: string, over: Partial<Column>): Table {
  return { ...t, columns: t.columns.map((c) => (c.name === name ? { ...c, ...over } : c)) };
}
