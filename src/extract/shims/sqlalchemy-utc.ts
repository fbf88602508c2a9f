// SQLAlchemy-Utc 0.14's `UtcDateTime` type (a DateTime with time zone) and its `utcnow()` server default, whose
// @compiles functions give each dialect's SQL (sqlalchemy_utc/sqltypes.py and now.py).
import type { Shim } from './shim.js';

export const SQLALCHEMY_UTC: Shim = {
  module: 'sqlalchemy_utc',
  exports: ['sqlalchemy_utc.UtcDateTime', 'sqlalchemy_utc.utcnow', 'sqlalchemy_utc.sqltypes.UtcDateTime', 'sqlalchemy_utc.now.utcnow'],
  source: `
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import DateTime, TypeDecorator


class UtcDateTime(TypeDecorator):
    impl = DateTime(timezone=True)
    cache_ok = True


class utcnow(FunctionElement):
    type = UtcDateTime()


@compiles(utcnow)
def default_sql_utcnow(element, compiler, **kw):
    return "CURRENT_TIMESTAMP"


@compiles(utcnow, "mysql")
def mysql_sql_utcnow(element, compiler, **kw):
    return "CONVERT_TZ(CURRENT_TIMESTAMP, @@session.time_zone, '+00:00')"


@compiles(utcnow, "sqlite")
def sqlite_sql_utcnow(element, compiler, **kw):
    return r"(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))"
`,
};
