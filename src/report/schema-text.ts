// Renders an extracted Schema as a readable listing: one block per table, columns aligned.
import type { Column, Schema, Table } from '../schema/types.js';

function qualified(t: Pick<Table, 'schema' | 'name'>): string {
  return t.schema ? `${t.schema}.${t.name}` : t.name;
}

function flags(c: Column): string {
  const out = [c.primary_key ? 'PK' : '', c.nullable ? 'NULL' : 'NOT NULL'];
  if (c.unique) out.push('UNIQUE');
  if (c.index) out.push('INDEX');
  if (c.server_default !== null) out.push(`DEFAULT ${c.server_default}`);
  for (const fk of c.foreign_keys) out.push(`-> ${fk}`);
  return out.filter(Boolean).join('  ');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length));
}

function renderTable(t: Table): string[] {
  const where = t.source ? `  (${t.source.file}:${t.source.line}${t.source.symbol ? ` ${t.source.symbol}` : ''})` : '';
  const lines = [`${qualified(t)}${where}`];
  const typeText = (c: Column): string => (c.enum ? `${c.type} [${c.enum.join(', ')}]` : c.type);
  const nameWidth = Math.max(0, ...t.columns.map((c) => c.name.length));
  const typeWidth = Math.max(0, ...t.columns.map((c) => typeText(c).length));
  for (const c of t.columns) {
    const type = typeText(c);
    lines.push(`  ${pad(c.name, nameWidth)}  ${pad(type, typeWidth)}  ${flags(c)}`.trimEnd());
  }
  for (const ix of t.indexes) lines.push(`  index ${ix.name ?? '(unnamed)'} (${ix.columns.join(', ')})${ix.unique ? ' UNIQUE' : ''}`);
  for (const uq of t.unique_constraints) lines.push(`  unique ${uq.name ?? '(unnamed)'} (${uq.columns.join(', ')})`);
  for (const ck of t.check_constraints) lines.push(`  check ${ck.name ?? '(unnamed)'} (${ck.sqltext})`);
  for (const u of t.unresolved) lines.push(`  unresolved ${u.file}:${u.line}${u.symbol ? ` ${u.symbol}` : ''}: ${u.reason}`);
  return lines;
}

export function renderSchemaText(schema: Schema): string {
  if (schema.tables.length === 0) return 'no tables found\n';
  const blocks = schema.tables.map((t) => renderTable(t).join('\n'));
  const total = schema.tables.reduce((n, t) => n + t.columns.length, 0);
  return `${blocks.join('\n\n')}\n\n${schema.tables.length} tables, ${total} columns (${schema.dialect})\n`;
}
