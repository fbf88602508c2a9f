// What importing SQLAlchemy-Continuum (1.3 to 1.5) does to every table of the process: sqlalchemy_continuum/
// transaction.py's @compiles makes BigInteger INTEGER on SQLite (for its autoincrementing keys). The version and
// transaction tables make_versioned() adds are not restated: that call is reported (scan-losses.ts).
import type { Shim } from './shim.js';

export const SQLALCHEMY_CONTINUUM_TRANSACTION: Shim = {
  module: 'sqlalchemy_continuum.transaction',
  exports: ['sqlalchemy_continuum.transaction.compile_big_integer'],
  source: `
import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles


@compiles(sa.types.BigInteger, "sqlite")
def compile_big_integer(element, compiler, **kw):
    return "INTEGER"
`,
};
