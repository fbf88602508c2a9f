// sqlalchemy-mixins' `TimestampsMixin` (sqlalchemy_mixins/timestamp.py, 2.0): its two columns, named by its
// class-level names. The package's other mixins add no column (outside-libraries.ts).
import type { Shim } from './shim.js';

export const SQLALCHEMY_MIXINS_TIMESTAMP: Shim = {
  module: 'sqlalchemy_mixins.timestamp',
  exports: ['sqlalchemy_mixins.TimestampsMixin', 'sqlalchemy_mixins.timestamp.TimestampsMixin'],
  source: `
import sqlalchemy as sa


class TimestampsMixin:
    __abstract__ = True

    __created_at_name__ = "created_at"
    __updated_at_name__ = "updated_at"
    __datetime_func__ = sa.func.now()

    created_at = sa.Column(__created_at_name__, sa.TIMESTAMP(timezone=False), default=__datetime_func__, nullable=False)
    updated_at = sa.Column(__updated_at_name__, sa.TIMESTAMP(timezone=False), default=__datetime_func__, onupdate=__datetime_func__, nullable=False)
`,
};
