// Recognises SQLAlchemy, Flask-SQLAlchemy and SQLModel names however they were imported.
import type { TypeModule } from '../schema/type-spec.js';
import type { Value } from './values.js';

const SQLMODEL_OWN = new Set(['SQLModel', 'Field', 'Relationship', 'AutoString']);

/**
 * The SQLAlchemy symbol an external value names: 'Column' for sqlalchemy.Column, sqlalchemy.schema.Column,
 * sqlmodel.Column or db.Column; 'sqlmodel.Field' for SQLModel's own names; undefined for anything else.
 */
const symbols = new Map<string, string | null>();

export function saSymbol(v: Value | undefined): string | undefined {
  if (!v || v.t !== 'ext') return undefined;
  // null marks a name known not to be SQLAlchemy's: one lookup answers both cases
  let sym = symbols.get(v.name);
  if (sym === undefined) {
    sym = symbolOf(v.name) ?? null;
    symbols.set(v.name, sym);
  }
  return sym ?? undefined;
}

function symbolOf(name: string): string | undefined {
  const last = name.slice(name.lastIndexOf('.') + 1);
  if (name.startsWith('sqlalchemy.') || name.startsWith('sqlalchemy_')) {
    return name.startsWith('sqlalchemy.') ? last : undefined;
  }
  if (name.startsWith('sqlmodel.')) return SQLMODEL_OWN.has(last) ? `sqlmodel.${last}` : last;
  if (name.startsWith('flask_sqlalchemy.')) return `flask_sqlalchemy.${last}`;
  return undefined;
}

/**
 * A SQL function by name: `func.lower`, `sa.func.length`, `db.func.now`, `sqlalchemy.sql.expression.func.x`, and
 * the functions module's own (`from sqlalchemy.sql.functions import coalesce`; its classes are capitalised).
 */
export function isSqlFunction(name: string): boolean {
  return /^sqlalchemy(\.\w+)*\.func\.[A-Za-z_]\w*$/.test(name) || /^sqlalchemy\.sql\.functions\.[a-z_]\w*$/.test(name);
}

/** The module a type class comes from, for rendering: dialect types differ from generic ones. */
export function typeModuleOf(extNameText: string): TypeModule {
  const m = /\.dialects\.(postgresql|mysql|sqlite|mssql|oracle)\b/.exec(extNameText);
  if (m) return m[1] as TypeModule;
  if (extNameText.startsWith('sqlmodel.')) return extNameText.endsWith('.AutoString') ? 'sqlmodel' : 'sqlalchemy';
  return 'sqlalchemy';
}

export function isSaName(v: Value | undefined, ...names: string[]): boolean {
  const s = saSymbol(v);
  return s !== undefined && names.includes(s);
}

/** Python's own names used by annotations and helpers, canonical: typing.Optional, datetime.datetime ... */
export function pyName(v: Value | undefined): string | undefined {
  if (!v || v.t !== 'ext') return undefined;
  return v.name.replace(/^typing_extensions\./, 'typing.');
}
