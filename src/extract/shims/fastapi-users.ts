// fastapi-users-db-sqlalchemy 6.0's table mixins and types (its __init__.py, access_token.py and generics.py), as
// their columns are declared; the database adapters beside them are left out.
import type { Shim } from './shim.js';

export const FASTAPI_USERS_GENERICS: Shim = {
  module: 'fastapi_users_db_sqlalchemy.generics',
  exports: [
    'fastapi_users_db_sqlalchemy.generics.GUID',
    'fastapi_users_db_sqlalchemy.generics.TIMESTAMPAware',
    'fastapi_users_db_sqlalchemy.generics.now_utc',
    // the package imports GUID into its own namespace
    'fastapi_users_db_sqlalchemy.GUID',
  ],
  source: `
from datetime import datetime, timezone

from sqlalchemy import CHAR, TIMESTAMP, TypeDecorator
from sqlalchemy.dialects.postgresql import UUID


class GUID(TypeDecorator):
    impl = CHAR
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "postgresql":
            return dialect.type_descriptor(UUID())
        return dialect.type_descriptor(CHAR(36))


class TIMESTAMPAware(TypeDecorator):
    impl = TIMESTAMP
    cache_ok = True


def now_utc():
    return datetime.now(timezone.utc)
`,
};

export const FASTAPI_USERS_TABLES: Shim = {
  module: 'fastapi_users_db_sqlalchemy',
  exports: [
    'fastapi_users_db_sqlalchemy.SQLAlchemyBaseUserTable',
    'fastapi_users_db_sqlalchemy.SQLAlchemyBaseUserTableUUID',
    'fastapi_users_db_sqlalchemy.SQLAlchemyBaseOAuthAccountTable',
    'fastapi_users_db_sqlalchemy.SQLAlchemyBaseOAuthAccountTableUUID',
    'fastapi_users_db_sqlalchemy.UUID_ID',
    // fastapi-users re-exports the table mixins from its `db` package
    ...['SQLAlchemyBaseUserTable', 'SQLAlchemyBaseUserTableUUID', 'SQLAlchemyBaseOAuthAccountTable', 'SQLAlchemyBaseOAuthAccountTableUUID'].map((name) => `fastapi_users.db.${name}`),
  ],
  source: `
import uuid
from typing import Generic, Optional, TypeVar

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from fastapi_users_db_sqlalchemy.generics import GUID

ID = TypeVar("ID")
UUID_ID = uuid.UUID


class SQLAlchemyBaseUserTable(Generic[ID]):
    __tablename__ = "user"

    email: Mapped[str] = mapped_column(String(length=320), unique=True, index=True, nullable=False)
    hashed_password: Mapped[str] = mapped_column(String(length=1024), nullable=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
    is_superuser: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    is_verified: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)


class SQLAlchemyBaseUserTableUUID(SQLAlchemyBaseUserTable[UUID_ID]):
    id: Mapped[UUID_ID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)


class SQLAlchemyBaseOAuthAccountTable(Generic[ID]):
    __tablename__ = "oauth_account"

    oauth_name: Mapped[str] = mapped_column(String(length=100), index=True, nullable=False)
    access_token: Mapped[str] = mapped_column(String(length=1024), nullable=False)
    expires_at: Mapped[Optional[int]] = mapped_column(Integer, nullable=True)
    refresh_token: Mapped[Optional[str]] = mapped_column(String(length=1024), nullable=True)
    account_id: Mapped[str] = mapped_column(String(length=320), index=True, nullable=False)
    account_email: Mapped[str] = mapped_column(String(length=320), nullable=False)


class SQLAlchemyBaseOAuthAccountTableUUID(SQLAlchemyBaseOAuthAccountTable[UUID_ID]):
    id: Mapped[UUID_ID] = mapped_column(GUID, primary_key=True, default=uuid.uuid4)

    @declared_attr
    def user_id(cls) -> Mapped[GUID]:
        return mapped_column(GUID, ForeignKey("user.id", ondelete="cascade"), nullable=False)
`,
};

export const FASTAPI_USERS_ACCESS_TOKEN: Shim = {
  module: 'fastapi_users_db_sqlalchemy.access_token',
  exports: ['fastapi_users_db_sqlalchemy.access_token.SQLAlchemyBaseAccessTokenTable', 'fastapi_users_db_sqlalchemy.access_token.SQLAlchemyBaseAccessTokenTableUUID'],
  source: `
import uuid
from datetime import datetime
from typing import Generic, TypeVar

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from fastapi_users_db_sqlalchemy.generics import GUID, TIMESTAMPAware, now_utc

ID = TypeVar("ID")


class SQLAlchemyBaseAccessTokenTable(Generic[ID]):
    __tablename__ = "accesstoken"

    token: Mapped[str] = mapped_column(String(length=43), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(TIMESTAMPAware(timezone=True), index=True, nullable=False, default=now_utc)


class SQLAlchemyBaseAccessTokenTableUUID(SQLAlchemyBaseAccessTokenTable[uuid.UUID]):
    @declared_attr
    def user_id(cls) -> Mapped[GUID]:
        return mapped_column(GUID, ForeignKey("user.id", ondelete="cascade"), nullable=False)
`,
};
