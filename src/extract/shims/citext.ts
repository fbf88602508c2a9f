// sqlalchemy-citext 1.7's `CIText` (citext/__init__.py): PostgreSQL's case-insensitive text, a UserDefinedType whose
// DDL is `CITEXT` on every dialect.
import type { Shim } from './shim.js';

export const SQLALCHEMY_CITEXT: Shim = {
  module: 'citext',
  exports: ['citext.CIText'],
  source: `
import sqlalchemy.types as types


class CIText(types.Concatenable, types.UserDefinedType):
    def get_col_spec(self):
        return "CITEXT"
`,
};
