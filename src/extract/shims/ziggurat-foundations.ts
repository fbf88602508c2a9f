// ziggurat_foundations 0.8.4's model mixins (ziggurat_foundations/models/*.py, a module each; no __init__ re-exports
// them), as their tables are declared: `__tablename__` and every column through declared_attr, the named primary keys
// and MySQL options of `__table_args__`, `polymorphic_on`. Relationships, validators and services are left out, and so
// is `ziggurat_model_init` (it wires services); `BaseModel` adds only methods. The 0.7-era modules as published declare
// the same: the oracle over them prints golden ziggurat-mixins' tables.
import type { Shim } from './shim.js';

const mixin = (file: string, name: string, source: string): Shim => ({
  module: `ziggurat_foundations.models.${file}`,
  exports: [`ziggurat_foundations.models.${file}.${name}`],
  source,
});

export const ZIGGURAT_BASE = mixin(
  'base',
  'BaseModel',
  `
class BaseModel(object):
    pass
`,
);

export const ZIGGURAT_USER = mixin(
  'user',
  'UserMixin',
  `
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.declarative import declared_attr

from ziggurat_foundations.models.base import BaseModel


class UserMixin(BaseModel):
    __table_args__ = {"mysql_engine": "InnoDB", "mysql_charset": "utf8"}

    @declared_attr
    def __tablename__(cls):
        return "users"

    @declared_attr
    def id(cls):
        return sa.Column(sa.Integer, primary_key=True, autoincrement=True)

    @declared_attr
    def user_name(cls):
        return sa.Column(sa.Unicode(128), unique=True)

    @declared_attr
    def user_password(cls):
        return sa.Column(sa.Unicode(256))

    @declared_attr
    def email(cls):
        return sa.Column(sa.Unicode(100), nullable=False, unique=True)

    @declared_attr
    def status(cls):
        return sa.Column(sa.SmallInteger(), nullable=False, default=1)

    @declared_attr
    def security_code(cls):
        return sa.Column(sa.Unicode(256), default="default")

    @declared_attr
    def last_login_date(cls):
        return sa.Column(sa.TIMESTAMP(timezone=False), default=lambda x: datetime.utcnow(), server_default=sa.func.now())

    @declared_attr
    def registered_date(cls):
        return sa.Column(sa.TIMESTAMP(timezone=False), default=lambda x: datetime.utcnow(), server_default=sa.func.now())

    @declared_attr
    def security_code_date(cls):
        return sa.Column(sa.TIMESTAMP(timezone=False), default=datetime(2000, 1, 1), server_default="2000-01-01 01:01")
`,
);

export const ZIGGURAT_GROUP = mixin(
  'group',
  'GroupMixin',
  `
import sqlalchemy as sa
from sqlalchemy.ext.declarative import declared_attr

from ziggurat_foundations.models.base import BaseModel


class GroupMixin(BaseModel):
    __table_args__ = {"mysql_engine": "InnoDB", "mysql_charset": "utf8"}

    @declared_attr
    def __tablename__(cls):
        return "groups"

    @declared_attr
    def id(cls):
        return sa.Column(sa.Integer(), primary_key=True)

    @declared_attr
    def group_name(cls):
        return sa.Column(sa.Unicode(128), nullable=False, unique=True)

    @declared_attr
    def description(cls):
        return sa.Column(sa.Text())

    @declared_attr
    def member_count(cls):
        return sa.Column(sa.Integer, nullable=False, default=0)
`,
);

export const ZIGGURAT_GROUP_PERMISSION = mixin(
  'group_permission',
  'GroupPermissionMixin',
  `
import sqlalchemy as sa
from sqlalchemy.ext.declarative import declared_attr

from ziggurat_foundations.models.base import BaseModel


class GroupPermissionMixin(BaseModel):
    __table_args__ = (
        sa.PrimaryKeyConstraint("group_id", "perm_name", name="pk_groups_permissions"),
        {"mysql_engine": "InnoDB", "mysql_charset": "utf8"},
    )

    @declared_attr
    def __tablename__(cls):
        return "groups_permissions"

    @declared_attr
    def group_id(cls):
        return sa.Column(
            sa.Integer(), sa.ForeignKey("groups.id", onupdate="CASCADE", ondelete="CASCADE"), primary_key=True
        )

    @declared_attr
    def perm_name(cls):
        return sa.Column(sa.Unicode(64), primary_key=True)
`,
);

// Both resource permission tables name their key "pk_users_resources_permissions " (trailing space included).
export const ZIGGURAT_GROUP_RESOURCE_PERMISSION = mixin(
  'group_resource_permission',
  'GroupResourcePermissionMixin',
  `
import sqlalchemy as sa
from sqlalchemy.ext.declarative import declared_attr

from ziggurat_foundations.models.base import BaseModel


class GroupResourcePermissionMixin(BaseModel):
    __table_args__ = (
        sa.PrimaryKeyConstraint("group_id", "resource_id", "perm_name", name="pk_users_resources_permissions "),
        {"mysql_engine": "InnoDB", "mysql_charset": "utf8"},
    )

    @declared_attr
    def __tablename__(cls):
        return "groups_resources_permissions"

    @declared_attr
    def group_id(cls):
        return sa.Column(
            sa.Integer, sa.ForeignKey("groups.id", onupdate="CASCADE", ondelete="CASCADE"), primary_key=True
        )

    @declared_attr
    def resource_id(cls):
        return sa.Column(
            sa.Integer(),
            sa.ForeignKey("resources.resource_id", onupdate="CASCADE", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        )

    @declared_attr
    def perm_name(cls):
        return sa.Column(sa.Unicode(50), primary_key=True)
`,
);

export const ZIGGURAT_RESOURCE = mixin(
  'resource',
  'ResourceMixin',
  `
import sqlalchemy as sa
from sqlalchemy.ext.declarative import declared_attr

from ziggurat_foundations.models.base import BaseModel


class ResourceMixin(BaseModel):
    @declared_attr
    def __tablename__(cls):
        return "resources"

    @declared_attr
    def resource_id(cls):
        return sa.Column(sa.Integer(), primary_key=True, nullable=False, autoincrement=True)

    @declared_attr
    def parent_id(cls):
        return sa.Column(
            sa.Integer(), sa.ForeignKey("resources.resource_id", onupdate="CASCADE", ondelete="SET NULL")
        )

    @declared_attr
    def ordering(cls):
        return sa.Column(sa.Integer(), default=0, nullable=False)

    @declared_attr
    def resource_name(cls):
        return sa.Column(sa.Unicode(100), nullable=False)

    @declared_attr
    def resource_type(cls):
        return sa.Column(sa.Unicode(30), nullable=False)

    @declared_attr
    def owner_group_id(cls):
        return sa.Column(
            sa.Integer, sa.ForeignKey("groups.id", onupdate="CASCADE", ondelete="SET NULL"), index=True
        )

    @declared_attr
    def owner_user_id(cls):
        return sa.Column(
            sa.Integer, sa.ForeignKey("users.id", onupdate="CASCADE", ondelete="SET NULL"), index=True
        )

    __mapper_args__ = {"polymorphic_on": resource_type}
    __table_args__ = {"mysql_engine": "InnoDB", "mysql_charset": "utf8"}
`,
);

export const ZIGGURAT_USER_GROUP = mixin(
  'user_group',
  'UserGroupMixin',
  `
import sqlalchemy as sa
from sqlalchemy.ext.declarative import declared_attr

from ziggurat_foundations.models.base import BaseModel


class UserGroupMixin(BaseModel):
    __table_args__ = {"mysql_engine": "InnoDB", "mysql_charset": "utf8"}

    @declared_attr
    def __tablename__(cls):
        return "users_groups"

    @declared_attr
    def group_id(cls):
        return sa.Column(
            sa.Integer, sa.ForeignKey("groups.id", onupdate="CASCADE", ondelete="CASCADE"), primary_key=True
        )

    @declared_attr
    def user_id(cls):
        return sa.Column(
            sa.Integer, sa.ForeignKey("users.id", onupdate="CASCADE", ondelete="CASCADE"), primary_key=True
        )
`,
);

export const ZIGGURAT_USER_PERMISSION = mixin(
  'user_permission',
  'UserPermissionMixin',
  `
import sqlalchemy as sa
from sqlalchemy.ext.declarative import declared_attr

from ziggurat_foundations.models.base import BaseModel


class UserPermissionMixin(BaseModel):
    __table_args__ = (
        sa.PrimaryKeyConstraint("user_id", "perm_name", name="pk_users_permissions"),
        {"mysql_engine": "InnoDB", "mysql_charset": "utf8"},
    )

    @declared_attr
    def __tablename__(cls):
        return "users_permissions"

    @declared_attr
    def user_id(cls):
        return sa.Column(
            sa.Integer, sa.ForeignKey("users.id", onupdate="CASCADE", ondelete="CASCADE"), primary_key=True
        )

    @declared_attr
    def perm_name(cls):
        return sa.Column(sa.Unicode(64), primary_key=True)
`,
);

export const ZIGGURAT_USER_RESOURCE_PERMISSION = mixin(
  'user_resource_permission',
  'UserResourcePermissionMixin',
  `
import sqlalchemy as sa
from sqlalchemy.ext.declarative import declared_attr

from ziggurat_foundations.models.base import BaseModel


class UserResourcePermissionMixin(BaseModel):
    __table_args__ = (
        sa.PrimaryKeyConstraint("user_id", "resource_id", "perm_name", name="pk_users_resources_permissions "),
        {"mysql_engine": "InnoDB", "mysql_charset": "utf8"},
    )

    @declared_attr
    def __tablename__(cls):
        return "users_resources_permissions"

    @declared_attr
    def user_id(cls):
        return sa.Column(
            sa.Integer, sa.ForeignKey("users.id", onupdate="CASCADE", ondelete="CASCADE"), primary_key=True
        )

    @declared_attr
    def resource_id(cls):
        return sa.Column(
            sa.Integer(),
            sa.ForeignKey("resources.resource_id", onupdate="CASCADE", ondelete="CASCADE"),
            primary_key=True,
            autoincrement=False,
        )

    @declared_attr
    def perm_name(cls):
        return sa.Column(sa.Unicode(64), primary_key=True)
`,
);

export const ZIGGURAT_EXTERNAL_IDENTITY = mixin(
  'external_identity',
  'ExternalIdentityMixin',
  `
import sqlalchemy as sa
from sqlalchemy.ext.declarative import declared_attr

from ziggurat_foundations.models.base import BaseModel


class ExternalIdentityMixin(BaseModel):
    __table_args__ = (
        sa.PrimaryKeyConstraint("external_id", "local_user_id", "provider_name", name="pk_external_identities"),
        {"mysql_engine": "InnoDB", "mysql_charset": "utf8"},
    )

    @declared_attr
    def __tablename__(cls):
        return "external_identities"

    @declared_attr
    def external_id(cls):
        return sa.Column(sa.Unicode(255), default="", primary_key=True)

    @declared_attr
    def external_user_name(cls):
        return sa.Column(sa.Unicode(255), default="")

    @declared_attr
    def local_user_id(cls):
        return sa.Column(
            sa.Integer, sa.ForeignKey("users.id", onupdate="CASCADE", ondelete="CASCADE"), primary_key=True
        )

    @declared_attr
    def provider_name(cls):
        return sa.Column(sa.Unicode(50), default="", primary_key=True)

    @declared_attr
    def access_token(cls):
        return sa.Column(sa.Unicode(512), default="")

    @declared_attr
    def alt_token(cls):
        return sa.Column(sa.Unicode(512), default="")

    @declared_attr
    def token_secret(cls):
        return sa.Column(sa.Unicode(512), default="")
`,
);
