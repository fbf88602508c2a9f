// Advanced Alchemy 1.4's declarative bases, mixins and column types (advanced_alchemy/base.py, mixins/, types/; and
// the `IdentityPrimaryKey` of the releases since), as their columns are declared, and Litestar's re-exports of them:
// one registry whose MetaData carries the naming convention and whose type map turns `Mapped[UUID]` into GUID and
// `Mapped[datetime]` into DateTimeUTC, table names from the class name, a per-`__bind_key__` MetaData, and every UUID
// and Nano ID key's `sa_orm_sentinel` column. What decides no column is left out: the sentinel's `init=False` for
// dataclass models, the type map's pydantic and msgspec entries, the encryption and hashing backends, to_dict().
import type { Shim } from './shim.js';

const under = (modules: readonly string[], names: readonly string[]): string[] => modules.flatMap((m) => names.map((n) => `${m}.${n}`));

const TYPES = ['GUID', 'DateTimeUTC', 'ORA_JSONB', 'JsonB', 'BigIntIdentity', 'EncryptedString', 'EncryptedText', 'PasswordHash', 'StoredObject'];
const MIXINS = ['SentinelMixin', 'UniqueMixin', 'UUIDPrimaryKey', 'UUIDv6PrimaryKey', 'UUIDv7PrimaryKey', 'NanoIDPrimaryKey', 'BigIntPrimaryKey', 'IdentityPrimaryKey', 'AuditColumns', 'SlugKey'];
const BASES = [
  'UUIDBase', 'UUIDAuditBase', 'UUIDv6Base', 'UUIDv6AuditBase', 'UUIDv7Base', 'UUIDv7AuditBase', 'NanoIDBase', 'NanoIDAuditBase',
  'BigIntBase', 'BigIntAuditBase', 'DefaultBase', 'SQLQuery', 'AdvancedDeclarativeBase', 'CommonTableAttributes', 'BasicAttributes',
  'orm_registry', 'create_registry', 'convention', 'table_name_regexp',
];
/** What Litestar's `plugins.sqlalchemy` (and, before it, `contrib.sqlalchemy`) re-exports from Advanced Alchemy. */
const LITESTAR = ['litestar.plugins.sqlalchemy', 'litestar.contrib.sqlalchemy'];
const LITESTAR_BASE = ['UUIDBase', 'UUIDAuditBase', 'BigIntBase', 'BigIntAuditBase', 'CommonTableAttributes', 'orm_registry', 'create_registry'];
const LITESTAR_MIXINS = ['AuditColumns', 'BigIntPrimaryKey', 'UUIDPrimaryKey'];
/** The packages that re-export the `base`, `mixins` and `types` modules whole. */
const PACKAGES = ['advanced_alchemy', 'advanced_alchemy.extensions.litestar'];

export const ADVANCED_ALCHEMY_TYPES: Shim = {
  module: 'advanced_alchemy.types',
  exports: [
    ...under(PACKAGES.map((p) => `${p}.types`), TYPES),
    'advanced_alchemy.types.guid.GUID',
    'advanced_alchemy.types.datetime.DateTimeUTC',
    'advanced_alchemy.types.json.JsonB',
    'advanced_alchemy.types.json.ORA_JSONB',
    'advanced_alchemy.types.identity.BigIntIdentity',
    'advanced_alchemy.types.encrypted_string.EncryptedString',
    'advanced_alchemy.types.encrypted_string.EncryptedText',
    'advanced_alchemy.types.password_hash.base.PasswordHash',
    'advanced_alchemy.types.file_object.StoredObject',
    ...under(LITESTAR.map((p) => `${p}.types`), TYPES),
  ],
  source: `
from sqlalchemy.dialects.mssql import UNIQUEIDENTIFIER as MSSQL_UNIQUEIDENTIFIER
from sqlalchemy.dialects.oracle import BLOB as ORA_BLOB
from sqlalchemy.dialects.oracle import RAW as ORA_RAW
from sqlalchemy.dialects.postgresql import JSONB as PG_JSONB
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.types import BINARY, CHAR, JSON, BigInteger, DateTime, Integer, String, Text, TypeDecorator


class GUID(TypeDecorator):
    impl = BINARY(16)
    cache_ok = True

    def __init__(self, *args, binary=True, **kwargs):
        self.binary = binary

    def load_dialect_impl(self, dialect):
        if dialect.name in {"postgresql", "duckdb", "cockroachdb"}:
            return dialect.type_descriptor(PG_UUID())
        if dialect.name == "oracle":
            return dialect.type_descriptor(ORA_RAW(16))
        if dialect.name == "mssql":
            return dialect.type_descriptor(MSSQL_UNIQUEIDENTIFIER())
        if self.binary:
            return dialect.type_descriptor(BINARY(16))
        return dialect.type_descriptor(CHAR(32))


class DateTimeUTC(TypeDecorator):
    impl = DateTime(timezone=True)
    cache_ok = True


class ORA_JSONB(TypeDecorator):
    impl = ORA_BLOB
    cache_ok = True

    def __init__(self, *args, **kwargs):
        self.name = kwargs.pop("name", None)
        self.oracle_strict = kwargs.pop("oracle_strict", True)

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(ORA_BLOB())


JsonB = JSON().with_variant(PG_JSONB, "postgresql").with_variant(ORA_JSONB, "oracle").with_variant(PG_JSONB, "cockroachdb")

BigIntIdentity = BigInteger().with_variant(Integer, "sqlite")


class EncryptedString(TypeDecorator):
    impl = String
    cache_ok = True

    def __init__(self, key=None, backend=None, length=None, **kwargs):
        super().__init__()
        self.length = length

    def load_dialect_impl(self, dialect):
        if dialect.name in {"mysql", "mariadb"}:
            return dialect.type_descriptor(Text())
        if dialect.name == "oracle":
            return dialect.type_descriptor(String(length=4000))
        return dialect.type_descriptor(String())


class EncryptedText(EncryptedString):
    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect):
        return dialect.type_descriptor(Text())


class PasswordHash(TypeDecorator):
    impl = String
    cache_ok = True

    def __init__(self, backend, length=128):
        self.length = length
        super().__init__(length=length)


class StoredObject(TypeDecorator):
    impl = JsonB
    cache_ok = True

    def __init__(self, backend, multiple=False, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.multiple = multiple
`,
};

export const ADVANCED_ALCHEMY_MIXINS: Shim = {
  module: 'advanced_alchemy.mixins',
  exports: [
    ...under(PACKAGES.map((p) => `${p}.mixins`), MIXINS),
    'advanced_alchemy.mixins.sentinel.SentinelMixin',
    ...under(['advanced_alchemy.mixins.uuid'], ['UUIDPrimaryKey', 'UUIDv6PrimaryKey', 'UUIDv7PrimaryKey']),
    'advanced_alchemy.mixins.nanoid.NanoIDPrimaryKey',
    ...under(['advanced_alchemy.mixins.bigint'], ['BigIntPrimaryKey', 'IdentityPrimaryKey']),
    'advanced_alchemy.mixins.audit.AuditColumns',
    'advanced_alchemy.mixins.slug.SlugKey',
    'advanced_alchemy.mixins.unique.UniqueMixin',
    // importing them from the base module is deprecated, and still works
    ...under(['advanced_alchemy.base'], ['AuditColumns', 'BigIntPrimaryKey', 'NanoIDPrimaryKey', 'SlugKey', 'UUIDPrimaryKey', 'UUIDv6PrimaryKey', 'UUIDv7PrimaryKey']),
    ...under(LITESTAR.flatMap((p) => [p, `${p}.base`, `${p}.mixins`]), LITESTAR_MIXINS),
  ],
  source: `
import datetime
from uuid import UUID, uuid4

from sqlalchemy import Index, Sequence, String, UniqueConstraint
from sqlalchemy.orm import Mapped, declarative_mixin, declared_attr, mapped_column
from sqlalchemy.sql.schema import _InsertSentinelColumnDefault

from advanced_alchemy.types import BigIntIdentity, DateTimeUTC

# without uuid-utils and fastnanoid installed the library falls back to uuid4 for these
uuid6 = uuid4
uuid7 = uuid4
nanoid = uuid4


@declarative_mixin
class SentinelMixin:
    __abstract__ = True

    @declared_attr
    def _sentinel(cls) -> Mapped[int]:
        return mapped_column(
            name="sa_orm_sentinel",
            insert_default=_InsertSentinelColumnDefault(),
            _omit_from_statements=True,
            insert_sentinel=True,
            use_existing_column=True,
            nullable=True,
        )


# get-or-create classmethods over a cache: no column
class UniqueMixin:
    pass


@declarative_mixin
class UUIDPrimaryKey(SentinelMixin):
    id: Mapped[UUID] = mapped_column(default=uuid4, primary_key=True)


@declarative_mixin
class UUIDv6PrimaryKey(SentinelMixin):
    id: Mapped[UUID] = mapped_column(default=uuid6, primary_key=True)


@declarative_mixin
class UUIDv7PrimaryKey(SentinelMixin):
    id: Mapped[UUID] = mapped_column(default=uuid7, primary_key=True)


@declarative_mixin
class NanoIDPrimaryKey(SentinelMixin):
    id: Mapped[str] = mapped_column(default=nanoid, primary_key=True)


def _get_schema(cls):
    table_args = getattr(cls, "__table_args__", None)
    if isinstance(table_args, dict) and "schema" in table_args:
        return table_args["schema"]
    if isinstance(table_args, tuple) and table_args and isinstance(table_args[-1], dict) and "schema" in table_args[-1]:
        return table_args[-1]["schema"]
    table_kwargs = getattr(cls, "__table_kwargs__", None)
    if isinstance(table_kwargs, dict) and "schema" in table_kwargs:
        return table_kwargs["schema"]
    return None


@declarative_mixin
class BigIntPrimaryKey:
    __abstract__ = True

    @declared_attr
    def id(cls) -> Mapped[int]:
        seq_kwargs = {"optional": False}
        if schema := _get_schema(cls):
            seq_kwargs["schema"] = schema
        return mapped_column(BigIntIdentity, Sequence(f"{cls.__tablename__}_id_seq", **seq_kwargs), primary_key=True)


@declarative_mixin
class IdentityPrimaryKey:
    @declared_attr
    def id(cls) -> Mapped[int]:
        return mapped_column(BigIntIdentity, primary_key=True, autoincrement=True)


@declarative_mixin
class AuditColumns:
    created_at: Mapped[datetime.datetime] = mapped_column(
        DateTimeUTC(timezone=True),
        default=lambda: datetime.datetime.now(datetime.timezone.utc),
    )
    updated_at: Mapped[datetime.datetime] = mapped_column(
        DateTimeUTC(timezone=True),
        default=lambda: datetime.datetime.now(datetime.timezone.utc),
        onupdate=lambda: datetime.datetime.now(datetime.timezone.utc),
    )


@declarative_mixin
class SlugKey:
    @declared_attr
    def slug(cls) -> Mapped[str]:
        return mapped_column(String(length=100), nullable=False)

    @declared_attr.directive
    @classmethod
    def __table_args__(cls):
        return (
            UniqueConstraint(cls.slug, name=f"uq_{cls.__tablename__}_slug"),
            Index(f"ix_{cls.__tablename__}_slug_unique", cls.slug, unique=True),
        )
`,
};

export const ADVANCED_ALCHEMY_BASE: Shim = {
  module: 'advanced_alchemy.base',
  exports: [...under(PACKAGES.map((p) => `${p}.base`), BASES), ...under(LITESTAR.flatMap((p) => [p, `${p}.base`]), LITESTAR_BASE)],
  source: `
import re
import datetime
import uuid as core_uuid
from typing import Any
from uuid import UUID

from sqlalchemy import Date, MetaData
from sqlalchemy.ext.asyncio import AsyncAttrs
from sqlalchemy.orm import DeclarativeBase, declared_attr, registry

from advanced_alchemy.mixins import AuditColumns, BigIntPrimaryKey, NanoIDPrimaryKey, UUIDPrimaryKey, UUIDv6PrimaryKey, UUIDv7PrimaryKey
from advanced_alchemy.types import GUID, DateTimeUTC, JsonB

convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
table_name_regexp = re.compile("((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))")


class BasicAttributes:
    pass


class CommonTableAttributes(BasicAttributes):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return table_name_regexp.sub(r"_\\1", cls.__name__).lower()


def create_registry(custom_annotation_map=None):
    type_annotation_map = {
        UUID: GUID,
        core_uuid.UUID: GUID,
        datetime.datetime: DateTimeUTC,
        datetime.date: Date,
        dict: JsonB,
        dict[str, Any]: JsonB,
        dict[str, str]: JsonB,
    }
    if custom_annotation_map is not None:
        type_annotation_map.update(custom_annotation_map)
    return registry(metadata=MetaData(naming_convention=convention), type_annotation_map=type_annotation_map)


orm_registry = create_registry()

# the library's MetadataRegistry: one MetaData per bind key
_bind_metadata = {}


class AdvancedDeclarativeBase(DeclarativeBase):
    registry = orm_registry
    __abstract__ = True
    __bind_key__ = None

    def __init_subclass__(cls, **kwargs):
        bind_key = getattr(cls, "__bind_key__", None)
        if bind_key is not None:
            cls.metadata = _bind_metadata.setdefault(bind_key, MetaData(naming_convention=convention))
        super().__init_subclass__(**kwargs)


class UUIDBase(UUIDPrimaryKey, CommonTableAttributes, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class UUIDAuditBase(CommonTableAttributes, UUIDPrimaryKey, AuditColumns, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class UUIDv6Base(UUIDv6PrimaryKey, CommonTableAttributes, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class UUIDv6AuditBase(CommonTableAttributes, UUIDv6PrimaryKey, AuditColumns, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class UUIDv7Base(UUIDv7PrimaryKey, CommonTableAttributes, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class UUIDv7AuditBase(CommonTableAttributes, UUIDv7PrimaryKey, AuditColumns, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class NanoIDBase(NanoIDPrimaryKey, CommonTableAttributes, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class NanoIDAuditBase(CommonTableAttributes, NanoIDPrimaryKey, AuditColumns, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class BigIntBase(BigIntPrimaryKey, CommonTableAttributes, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class BigIntAuditBase(CommonTableAttributes, BigIntPrimaryKey, AuditColumns, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class DefaultBase(CommonTableAttributes, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True


class SQLQuery(BasicAttributes, AdvancedDeclarativeBase, AsyncAttrs):
    __abstract__ = True
    __allow_unmapped__ = True
`,
};
