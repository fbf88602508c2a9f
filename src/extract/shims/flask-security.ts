// Flask-Security 5.6's ready-made model mixins (flask_security/models/fsqla*.py, and datastore.py's AsaList type), as
// their columns are declared: `FsModels.set_db_info(db)` makes the `roles_users` table, each version's user mixin adds
// to the one before. Later versions' FsModels and FsRoleMixin only subclass fsqla's with a new version number: the
// same classes here, under each version's name. Earlier releases changed some of these in place (fsqla_v3's recovery
// codes and WebAuthn columns): this is the current one. The relationships they declare are left out.
import type { Shim } from './shim.js';

const names = (module: string, list: string[]): string[] => list.map((n) => `flask_security.${module}.${n}`);
const VERSIONS = ['models.fsqla', 'models.fsqla_v2', 'models.fsqla_v3'];

export const FLASK_SECURITY_ASALIST: Shim = {
  module: 'flask_security.datastore',
  exports: ['flask_security.AsaList', 'flask_security.datastore.AsaList'],
  source: `
from sqlalchemy import types


class AsaList(types.TypeDecorator):
    impl = types.UnicodeText
`,
};

export const FLASK_SECURITY_FSQLA: Shim = {
  module: 'flask_security.models.fsqla',
  exports: [...VERSIONS.flatMap((v) => names(v, ['FsModels', 'FsRoleMixin'])), ...names('models.fsqla', ['FsUserMixin'])],
  source: `
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String
from sqlalchemy.ext.mutable import MutableList
from sqlalchemy.sql import func

from flask_security import AsaList, RoleMixin, UserMixin


class FsModels:
    roles_users = None
    db = None
    fs_model_version = 1
    user_table_name = "user"
    role_table_name = "role"
    webauthn_table_name = "webauthn"

    @classmethod
    def set_db_info(cls, appdb, user_table_name="user", role_table_name="role", webauthn_table_name="webauthn"):
        cls.db = appdb
        cls.user_table_name = user_table_name
        cls.role_table_name = role_table_name
        cls.webauthn_table_name = webauthn_table_name
        cls.roles_users = appdb.Table(
            "roles_users",
            Column("user_id", Integer(), ForeignKey(f"{cls.user_table_name}.id")),
            Column("role_id", Integer(), ForeignKey(f"{cls.role_table_name}.id")),
        )


class FsRoleMixin(RoleMixin):
    id = Column(Integer(), primary_key=True)
    name = Column(String(80), unique=True, nullable=False)
    description = Column(String(255))
    permissions = Column(MutableList.as_mutable(AsaList()), nullable=True)
    update_datetime = Column(type_=DateTime, nullable=False, server_default=func.now())


class FsUserMixin(UserMixin):
    id = Column(Integer, primary_key=True)
    email = Column(String(255), unique=True, nullable=False)
    username = Column(String(255))
    password = Column(String(255), nullable=False)
    active = Column(Boolean(), nullable=False)
    fs_uniquifier = Column(String(64), unique=True, nullable=False)
    confirmed_at = Column(DateTime())
    last_login_at = Column(DateTime())
    current_login_at = Column(DateTime())
    last_login_ip = Column(String(64))
    current_login_ip = Column(String(64))
    login_count = Column(Integer)
    tf_primary_method = Column(String(64), nullable=True)
    tf_totp_secret = Column(String(255), nullable=True)
    tf_phone_number = Column(String(128), nullable=True)
    create_datetime = Column(type_=DateTime, nullable=False, server_default=func.now())
    update_datetime = Column(type_=DateTime, nullable=False, server_default=func.now())
`,
};

export const FLASK_SECURITY_FSQLA_V2: Shim = {
  module: 'flask_security.models.fsqla_v2',
  exports: names('models.fsqla_v2', ['FsUserMixin']),
  source: `
from sqlalchemy import Column, String, Text

from flask_security.models.fsqla import FsUserMixin as FsUserMixinV1


class FsUserMixin(FsUserMixinV1):
    username = Column(String(255), unique=True, nullable=True)
    us_totp_secrets = Column(Text, nullable=True)
    us_phone_number = Column(String(128), nullable=True)
`,
};

export const FLASK_SECURITY_FSQLA_V3: Shim = {
  module: 'flask_security.models.fsqla_v3',
  exports: names('models.fsqla_v3', ['FsUserMixin', 'FsWebAuthnMixin']),
  source: `
from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.ext.declarative import declared_attr
from sqlalchemy.ext.mutable import MutableList
from sqlalchemy.sql import func

from flask_security import AsaList, WebAuthnMixin
from flask_security.models.fsqla import FsModels
from flask_security.models.fsqla_v2 import FsUserMixin as FsUserMixinV2


class FsUserMixin(FsUserMixinV2):
    fs_webauthn_user_handle = Column(String(64), unique=True, nullable=True)
    mf_recovery_codes = Column(MutableList.as_mutable(AsaList()), nullable=True)
    password = Column(String(255), nullable=True)
    us_phone_number = Column(String(128), nullable=True, unique=True)


class FsWebAuthnMixin(WebAuthnMixin):
    id = Column(Integer, primary_key=True)
    credential_id = Column(LargeBinary(1024), index=True, unique=True, nullable=False)
    public_key = Column(LargeBinary, nullable=False)
    sign_count = Column(Integer, default=0)
    transports = Column(MutableList.as_mutable(AsaList()), nullable=True)
    backup_state = Column(Boolean, nullable=False)
    device_type = Column(String(64), nullable=False)
    extensions = Column(String(255), nullable=True)
    create_datetime = Column(type_=DateTime, nullable=False, server_default=func.now())
    lastuse_datetime = Column(type_=DateTime, nullable=False)
    name = Column(String(64), nullable=False)
    usage = Column(String(64), nullable=False)

    @declared_attr
    def user_id(cls):
        return Column(Integer, ForeignKey(f"{FsModels.user_table_name}.id", ondelete="CASCADE"), nullable=False)
`,
};
