// Renders an extracted Schema as a Mermaid erDiagram: entities with typed columns, one edge per foreign key.
import type { Column, Schema, Table } from '../schema/types.js';

/** Mermaid entity and type names allow letters, digits, `_` and `-` only. */
function ident(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * A column's name or type, where Mermaid wants a word that starts with a letter or `_` and is not one of its key
 * marks (a column `pk`, a column `0` of a numpy-style table), which its parser refuses.
 */
function word(text: string): string {
  const made = ident(text);
  if (/^(pk|fk|uk)$/i.test(made)) return `${made}_`;
  return /^[A-Za-z_]/.test(made) ? made : `_${made}`;
}

function entity(schema: string | null, name: string): string {
  const made = ident(schema ? `${schema}.${name}` : name);
  // the diagram's own keyword cannot name an entity
  return /^erdiagram$/i.test(made) ? `${made}_` : made;
}

function keys(c: Column): string {
  const out = [c.primary_key ? 'PK' : '', c.foreign_keys.length > 0 ? 'FK' : '', c.unique ? 'UK' : ''].filter(Boolean);
  return out.length > 0 ? ` ${out.join(', ')}` : '';
}

function renderEntity(t: Table): string[] {
  const lines = [`  ${entity(t.schema, t.name)} {`];
  for (const c of t.columns) lines.push(`    ${c.type ? word(c.type) : 'UNKNOWN'} ${word(c.name)}${keys(c)}`);
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
