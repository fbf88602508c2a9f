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


class VECTOR(UserDefinedType):
    cache_ok = True

    def __init__(self, dim=None):
        super(UserDefinedType, self).__init__()
        self.dim = dim

    def get_col_spec(self, **kw):
        if self.dim is None:
            return "VECTOR"
        return "VECTOR(%d)" % self.dim


class HALFVEC(UserDefinedType):
    cache_ok = True

    def __init__(self, dim=None):
        super(UserDefinedType, self).__init__()
        self.dim = dim

    def get_col_spec(self, **kw):
        if self.dim is None:
            return "HALFVEC"
        return "HALFVEC(%d)" % self.dim


class SPARSEVEC(UserDefinedType):
    cache_ok = True

    def __init__(self, dim=None):
        super(UserDefinedType, self).__init__()
        self.dim = dim

    def get_col_spec(self, **kw):
        if self.dim is None:
            return "SPARSEVEC"
        return "SPARSEVEC(%d)" % self.dim


class BIT(UserDefinedType):
    cache_ok = True

    def __init__(self, length=None):
        super(UserDefinedType, self).__init__()
        self.length = length

    def get_col_spec(self, **kw):
        if self.length is None:
            return "BIT"
        return "BIT(%d)" % self.length


Vector = VECTOR
`,
};
