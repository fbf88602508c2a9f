// MetaData naming conventions (sqlalchemy/sql/naming.py) and the dialect's truncation of long names.
import { createHash } from 'node:crypto';
import type { Dialect } from '../schema/types.js';
import type { MetaInfo } from './drafts.js';
import type { Value } from './values.js';

/** Runs a callable of a naming convention for a constraint; undefined when it cannot be run statically. */
/** A callable token's text, or why it is not known. */
export type TokenRunner = (fn: Value, input: NamingInput) => string | NotKnown;

export interface NotKnown {
  reason: string;
}

/** SQLAlchemy's DEFAULT_NAMING_CONVENTION, used when a MetaData sets none. */
const DEFAULT_CONVENTION = new Map<string, string>([['ix', 'ix_%(column_0_label)s']]);

/** `metadata.naming_convention` of a MetaData given none: SQLAlchemy's default, as a mapping. */
export function defaultConvention(): Value {
  return { t: 'dict', entries: [...DEFAULT_CONVENTION].map(([k, v]): [Value, Value] => [{ t: 'str', v: k }, { t: 'str', v }]) };
}

const MAX_IDENTIFIER: Record<Dialect, number> = { postgresql: 63, mysql: 64, sqlite: 9999 };

export interface NamingColumn {
  name: string;
  key: string;
}

export interface NamingInput {
  kind: 'ix' | 'uq' | 'ck' | 'fk' | 'pk';
  /** the name given in the source, if any */
  name: string | null;
  /** given as `conv("...")`: final, whatever the convention says */
  converted?: true;
  table: { name: string; schema: string | null };
  columns: NamingColumn[];
  /** a foreign key's targets */
  referred?: { schema: string | null; table: string; columns: string[]; fullnames: string[] };
}

/** The name the DDL gives a constraint or index; why not when a convention's token is not known. */
export function constraintName(meta: MetaInfo, input: NamingInput, dialect: Dialect, run: TokenRunner): string | null | NotKnown {
  // a conv() name is not conventioned, but it is truncated as the dialect truncates names it generates
  if (input.converted) return input.name === null ? null : truncate(input.name, MAX_IDENTIFIER[dialect]);
  const hasOwn = meta.naming.size > 0 || meta.tokens.size > 0;
  const conventions = hasOwn ? meta.naming : DEFAULT_CONVENTION;
  const whole = hasOwn ? meta.tokens.get(input.kind) : undefined;
  if (whole) return input.name ?? run(whole, input);
  const template = conventions.get(input.kind);
  if (template === undefined || (input.name !== null && !template.includes('%(constraint_name)s'))) return input.name;
  let failed: NotKnown | undefined;
  const rendered = render(template, input, (key) => {
    const fn = meta.tokens.get(key);
    const value = fn ? run(fn, input) : token(key, input);
    if (typeof value === 'string') return value;
    failed ??= value ?? { reason: `token %(${key})s not known` };
    return undefined;
  });
  if (rendered === undefined) return failed!;
  return truncate(rendered, MAX_IDENTIFIER[dialect]);
}

function truncate(name: string, max: number): string {
  if (name.length <= max) return name;
  return `${name.slice(0, max - 8)}_${createHash('md5').update(name, 'utf8').digest('hex').slice(-4)}`;
}

function label(input: NamingInput, col: NamingColumn): string {
  const { schema, name } = input.table;
  return `${schema ? `${schema.replace(/\./g, '_')}_` : ''}${name}_${col.name}`;
}

function columnToken(input: NamingInput, index: number, attr: string): string | undefined {
  const col = input.columns[index];
  if (!col) return '';
  if (attr === 'name') return col.name;
  if (attr === 'key') return col.key;
  if (attr === 'label') return label(input, col);
  return undefined;
}

function token(key: string, input: NamingInput): string | undefined {
  if (key === 'table_name') return input.table.name;
  if (key === 'constraint_name') return input.name ?? undefined;
  if (key === 'referred_table_name') return input.referred?.table;
  const referred = /^referred_column_(\d+)(_?N)?_name$/.exec(key);
  if (referred) {
    const columns = input.referred?.columns ?? [];
    return referred[2] ? columns.join(referred[2].startsWith('_') ? '_' : '') : (columns[Number(referred[1])] ?? '');
  }
  const m = /^column_(\d+)(_?N)?_(name|key|label)$/.exec(key);
  if (!m) return undefined;
  if (!m[2]) return columnToken(input, Number(m[1]), m[3]!);
  const parts = input.columns.map((_, i) => columnToken(input, i, m[3]!));
  if (parts.some((p) => p === undefined)) return undefined;
  return parts.join(m[2].startsWith('_') ? '_' : '');
}

function render(template: string, input: NamingInput, lookup: (key: string) => string | undefined): string | undefined {
  let failed = false;
  const out = template.replace(/%\(([^)]+)\)s/g, (_m, key: string) => {
    const value = lookup(key);
    if (value === undefined) failed = true;
    return value ?? '';
  });
  return failed ? undefined : out.replace(/%%/g, '%');
}
