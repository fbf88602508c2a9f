// sqlalchemy.dialects.sqlite.base.SQLiteTypeCompiler: BLOB for LargeBinary, *_CHAR for numeric storage formats.
import type { BoundType } from './bind.js';
import type { Visitor, VisitorTable } from './compiler.js';
import { pyConcat } from './python.js';

/**
 * _DateTimeMixin.format_is_text_affinity: a storage format made only of digits gives the column NUMERIC
 * affinity, so SQLAlchemy names it DATE_CHAR / DATETIME_CHAR / TIME_CHAR. Every %(field)0Nd placeholder
 * formats 0 into digits, so only the literal text between them decides.
 */
function isTextAffinity(t: BoundType): boolean {
  const format = t.attrs.storage_format;
  if (format === undefined || format === null) return true; // the default formats contain '-' or ':'
  const literal = pyConcat(format).replace(/%\([a-z]+\)[-+ #0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]/g, '0').replaceAll('%%', '%');
  return /[^0-9]/.test(literal);
}

const storage = (name: string): Visitor => (t, c) =>
  t.cls.sqliteStorage && !isTextAffinity(t) ? `${name}_CHAR` : c.generic(name, t);

export const SQLITE_VISITORS: VisitorTable = {
  large_binary: (t, c) => c.visit('BLOB', t),
  DATETIME: storage('DATETIME'),
  DATE: storage('DATE'),
  TIME: storage('TIME'),
  JSON: () => 'JSON',
};
