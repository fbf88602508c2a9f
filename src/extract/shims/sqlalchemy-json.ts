// sqlalchemy-json's column types (sqlalchemy_json/__init__.py, 0.5–0.7): `mutable_json_type(dbtype)` is that type
// made mutable, JSON by default, and `MutableJson` / `NestedMutableJson` are JSON (subclasses of it in 0.4, made by
// the function since): their DDL is the same. Nested change tracking changes none.
import type { Shim } from './shim.js';

export const SQLALCHEMY_JSON: Shim = {
  module: 'sqlalchemy_json',
  exports: ['sqlalchemy_json.mutable_json_type', 'sqlalchemy_json.MutableJson', 'sqlalchemy_json.NestedMutableJson'],
  source: `
from sqlalchemy.ext.mutable import MutableDict
from sqlalchemy.types import JSON


def mutable_json_type(dbtype=JSON, nested=False):
    return MutableDict.as_mutable(dbtype)


MutableJson = mutable_json_type()
NestedMutableJson = mutable_json_type(nested=True)
`,
};
