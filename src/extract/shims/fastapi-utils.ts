// fastapi-utils' `GUID` type (fastapi_utils/guid_type.py, 0.2; its fork fastapi-restful keeps the module): native
// UUID on PostgreSQL, CHAR(32) elsewhere, with the defaults the module offers beside it.
import type { Shim } from './shim.js';

const NAMES = ['GUID', 'GUID_SERVER_DEFAULT_POSTGRESQL', 'GUID_DEFAULT_SQLITE'];
const source = `
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.types import CHAR, TypeDecorator

GUID_SERVER_DEFAULT_POSTGRESQL = sa.DefaultClause(sa.text("gen_random_uuid()"))
GUID_DEFAULT_SQLITE = uuid.uuid4


class GUID(TypeDecorator):
    impl = CHAR
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(UUID())
        return dialect.type_descriptor(CHAR(32))
`;

export const FASTAPI_UTILS_GUID: Shim = { module: 'fastapi_utils.guid_type', exports: NAMES.map((n) => `fastapi_utils.guid_type.${n}`), source };
export const FASTAPI_RESTFUL_GUID: Shim = { module: 'fastapi_restful.guid_type', exports: NAMES.map((n) => `fastapi_restful.guid_type.${n}`), source };
