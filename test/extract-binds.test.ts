// Flask-SQLAlchemy binds: each `__bind_key__` has a MetaData of its own, so the same table name in two binds
// is two tables and a foreign key resolves only inside its bind (checked against the oracle by hand:
// SQLAlchemy 2.0.40 + Flask-SQLAlchemy 3.1.1 list both `users` tables and leave the cross-bind FK column NULL-typed).
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';

const MODELS = `from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    __tablename__ = "users"
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(120))


class AuditUser(db.Model):
    __bind_key__ = "audit"
    __tablename__ = "users"
    id = db.Column(db.Integer, primary_key=True)
    action = db.Column(db.String(40))


class AuditNote(db.Model):
    __bind_key__ = "audit"
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("users.id"))
    owner_id = db.Column(db.ForeignKey("owners.id"))


class Owner(db.Model):
    __tablename__ = "owners"
    id = db.Column(db.BigInteger, primary_key=True)
`;

describe('Flask-SQLAlchemy binds', () => {
  it('keeps a table name used in two binds as two tables, each with its own columns', async () => {
    const { schema } = await extractSchema([{ path: 'app.py', text: MODELS }], { dialect: 'postgresql' });
    const users = schema.tables.filter((t) => t.name === 'users');
    expect(users.map((t) => t.columns.map((c) => c.name))).toEqual([
      ['id', 'email'],
      ['id', 'action'],
    ]);
  });

  it('resolves a foreign key inside its bind only: a table of another bind gives no type', async () => {
    const { schema } = await extractSchema([{ path: 'app.py', text: MODELS }], { dialect: 'postgresql' });
    const note = schema.tables.find((t) => t.name === 'audit_note')!;
    const types = Object.fromEntries(note.columns.map((c) => [c.name, c.type]));
    // users.id exists in the audit bind (INTEGER); owners only in the default bind
    expect(types).toEqual({ id: 'INTEGER', user_id: 'INTEGER', owner_id: 'NULLTYPE' });
    expect(note.unresolved.map((u) => u.symbol)).toEqual(['owner_id']);
  });
});
