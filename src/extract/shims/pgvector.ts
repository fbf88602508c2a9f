// pgvector's SQLAlchemy types (`pgvector.sqlalchemy`, 0.4): UserDefinedTypes whose get_col_spec() is their DDL on every
// dialect, `VECTOR(1536)`, or the bare name when no size is given; `Vector` is `VECTOR`. `HalfVector` and
// `SparseVector` are left out: in some releases they are value classes, not types.
import type { Shim } from './shim.js';

const TYPES = ['VECTOR', 'HALFVEC', 'SPARSEVEC', 'BIT'];

export const PGVECTOR_SQLALCHEMY: Shim = {
  module: 'pgvector.sqlalchemy',
  exports: [
    'pgvector.sqlalchemy.Vector',
    ...TYPES.map((t) => `pgvector.sqlalchemy.${t}`),
    ...TYPES.map((t) => `pgvector.sqlalchemy.${t === 'VECTOR' ? 'vector' : t.toLowerCase()}.${t}`),
  ],
  source: `
from sqlalchemy.types import UserDefinedType


class _Sized(UserDefinedType):
    """What each of the types is: its DDL name, sized by its one parameter when given."""

    cache_ok = True
    ddl = ""

    def __init__(self, dim=None):
        super(UserDefinedType, self).__init__()
        self.dim = dim

    def get_col_spec(self, **kw):
        if self.dim is None:
            return self.ddl
        return "%s(%d)" % (self.ddl, self.dim)


class VECTOR(_Sized):
    ddl = "VECTOR"


class HALFVEC(_Sized):
    ddl = "HALFVEC"


class SPARSEVEC(_Sized):
    ddl = "SPARSEVEC"


class BIT(_Sized):
    ddl = "BIT"

    def __init__(self, length=None):
        super().__init__(length)


Vector = VECTOR
`,
};
