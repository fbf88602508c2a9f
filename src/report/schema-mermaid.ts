// Renders an extracted Schema as a Mermaid erDiagram: entities with typed columns, one edge per foreign key.
import type { Column, Schema, Table } from '../schema/types.js';

/** Mermaid entity and type names allow letters, digits, `_` and `-` only. */
function ident(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

function entity(schema: string | null, name: string): string {
  return ident(schema ? `${schema}.${name}` : name);
}

function keys(c: Column): string {
  const out = [c.primary_key ? 'PK' : '', c.foreign_keys.length > 0 ? 'FK' : '', c.unique ? 'UK' : ''].filter(Boolean);
  return out.length > 0 ? ` ${out.join(', ')}` : '';
}

function renderEntity(t: Table): string[] {
  const lines = [`  ${entity(t.schema, t.name)} {`];
  for (const c of t.columns) lines.push(`    ${ident(c.type) || 'UNKNOWN'} ${ident(c.name)}${keys(c)}`);
  lines.push('  }');
  return lines;
}

function renderEdges(t: Table): string[] {
  return t.foreign_keys.map((fk) => {
    const nullable = fk.columns.some((name) => t.columns.find((c) => c.name === name)?.nullable ?? true);
    const parent = entity(fk.referred_schema, fk.referred_table);
    return `  ${parent} ${nullable ? '|o' : '||'}--o{ ${entity(t.schema, t.name)} : "${fk.columns.join(', ')}"`;
  });
}

export function renderSchemaMermaid(schema: Schema): string {
  const lines = ['erDiagram'];
  for (const t of schema.tables) lines.push(...renderEntity(t));
  for (const t of schema.tables) lines.push(...renderEdges(t));
  return `${lines.join('\n')}\n`;
}
