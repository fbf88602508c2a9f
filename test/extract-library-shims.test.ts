// Libraries outside the repository restated as the Python they declare (src/extract/library-shims.ts): a model over
// one of their mixins gets the mixin's columns. sqlalchemy-utils' Timestamp has an oracle golden
// (fixtures/models/library-shim-mixins); fastapi-users-db-sqlalchemy is in no Debian package, so these expectations
// were printed by the oracle over its 6.0.1 modules as published (TYPE_CHECKING branches and all) and checked by hand.
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';
import type { Dialect, Schema } from '../src/schema/types.js';

const MODELS = [
  'from typing import Optional',
  'from fastapi_users_db_sqlalchemy import SQLAlchemyBaseOAuthAccountTableUUID, SQLAlchemyBaseUserTable, SQLAlchemyBaseUserTableUUID',
  'from fastapi_users_db_sqlalchemy.access_token import SQLAlchemyBaseAccessTokenTableUUID',
  'from fastapi_users_db_sqlalchemy.generics import GUID',
  'from sqlalchemy import Integer, String',
  'from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship',
  '',
  '',
  'class Base(DeclarativeBase):',
  '    pass',
  '',
  '',
  'class User(SQLAlchemyBaseUserTableUUID, Base):',
  '    nickname: Mapped[Optional[str]] = mapped_column(String(40))',
  '    oauth_accounts = relationship("OAuthAccount", lazy="joined")',
  '',
  '',
  'class OAuthAccount(SQLAlchemyBaseOAuthAccountTableUUID, Base):',
  '    pass',
  '',
  '',
  'class AccessToken(SQLAlchemyBaseAccessTokenTableUUID, Base):',
  '    pass',
  '',
  '',
  'class Admin(SQLAlchemyBaseUserTable[int], Base):',
  '    __tablename__ = "admins"',
  '',
  '    id: Mapped[int] = mapped_column(Integer, primary_key=True)',
  '    badge = mapped_column(GUID, nullable=True)',
].join('\n');

async function extract(text: string, dialect: Dialect): Promise<Schema> {
  return (await extractSchema([{ path: 'app/__init__.py', text: '' }, { path: 'app/models.py', text }], { dialect })).schema;
}

const columns = (schema: Schema): Record<string, Array<[string, string, boolean]>> =>
  Object.fromEntries(schema.tables.map((t) => [t.name, t.columns.map((c): [string, string, boolean] => [c.name, c.type, c.nullable])]));

describe('library shims', () => {
  it("maps fastapi-users' user, OAuth account and access token mixins, and its GUID type per dialect", async () => {
    const pg = await extract(MODELS, 'postgresql');
    expect(columns(pg)).toEqual({
      accesstoken: [['user_id', 'UUID', false], ['token', 'VARCHAR(43)', false], ['created_at', 'TIMESTAMP WITH TIME ZONE', false]],
      admins: [['id', 'INTEGER', false], ['badge', 'UUID', true], ['email', 'VARCHAR(320)', false], ['hashed_password', 'VARCHAR(1024)', false], ['is_active', 'BOOLEAN', false], ['is_superuser', 'BOOLEAN', false], ['is_verified', 'BOOLEAN', false]],
      oauth_account: [['id', 'UUID', false], ['user_id', 'UUID', false], ['oauth_name', 'VARCHAR(100)', false], ['access_token', 'VARCHAR(1024)', false], ['expires_at', 'INTEGER', true], ['refresh_token', 'VARCHAR(1024)', true], ['account_id', 'VARCHAR(320)', false], ['account_email', 'VARCHAR(320)', false]],
      user: [['nickname', 'VARCHAR(40)', true], ['id', 'UUID', false], ['email', 'VARCHAR(320)', false], ['hashed_password', 'VARCHAR(1024)', false], ['is_active', 'BOOLEAN', false], ['is_superuser', 'BOOLEAN', false], ['is_verified', 'BOOLEAN', false]],
    });
    expect(pg.tables.flatMap((t) => t.unresolved)).toEqual([]);
    expect(pg.diagnostics).toEqual([]);
    expect(pg.tables.map((t) => [t.name, t.indexes.map((i) => [i.name, i.unique]), t.foreign_keys.map((f) => [f.columns, f.referred_table, f.ondelete])])).toEqual([
      ['accesstoken', [['ix_accesstoken_created_at', false]], [[['user_id'], 'user', 'cascade']]],
      ['admins', [['ix_admins_email', true]], []],
      ['oauth_account', [['ix_oauth_account_account_id', false], ['ix_oauth_account_oauth_name', false]], [[['user_id'], 'user', 'cascade']]],
      ['user', [['ix_user_email', true]], []],
    ]);
    expect(columns(await extract(MODELS, 'mysql'))).toEqual({
      accesstoken: [['user_id', 'CHAR(36)', false], ['token', 'VARCHAR(43)', false], ['created_at', 'TIMESTAMP', false]],
      admins: [['id', 'INTEGER', false], ['badge', 'CHAR(36)', true], ['email', 'VARCHAR(320)', false], ['hashed_password', 'VARCHAR(1024)', false], ['is_active', 'BOOL', false], ['is_superuser', 'BOOL', false], ['is_verified', 'BOOL', false]],
      oauth_account: [['id', 'CHAR(36)', false], ['user_id', 'CHAR(36)', false], ['oauth_name', 'VARCHAR(100)', false], ['access_token', 'VARCHAR(1024)', false], ['expires_at', 'INTEGER', true], ['refresh_token', 'VARCHAR(1024)', true], ['account_id', 'VARCHAR(320)', false], ['account_email', 'VARCHAR(320)', false]],
      user: [['nickname', 'VARCHAR(40)', true], ['id', 'CHAR(36)', false], ['email', 'VARCHAR(320)', false], ['hashed_password', 'VARCHAR(1024)', false], ['is_active', 'BOOL', false], ['is_superuser', 'BOOL', false], ['is_verified', 'BOOL', false]],
    });
  });

  it("leaves a project's own module of a shimmed library's name to the project", async () => {
    const schema = (
      await extractSchema(
        [
          { path: 'app/__init__.py', text: '' },
          { path: 'app/models.py', text: 'from sqlalchemy import Column, Integer\nfrom sqlalchemy.orm import declarative_base\nfrom sqlalchemy_utils import Timestamp\n\nBase = declarative_base()\n\nclass Thing(Base, Timestamp):\n    __tablename__ = "thing"\n    id = Column(Integer, primary_key=True)\n' },
          { path: 'sqlalchemy_utils/__init__.py', text: 'import sqlalchemy as sa\n\nclass Timestamp:\n    stamped = sa.Column(sa.Integer)\n' },
        ],
        { dialect: 'postgresql' },
      )
    ).schema;
    expect(schema.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['thing', ['id', 'stamped']]]);
  });
});
