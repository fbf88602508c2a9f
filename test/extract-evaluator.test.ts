// The static evaluator through extractSchema: constants across modules, helpers, regex table names,
// partial columns, and what it refuses to guess (reported as unresolved, never invented).
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';
import type { Schema, Table } from '../src/schema/types.js';

async function extract(files: Record<string, string>): Promise<Schema> {
  const sources = Object.entries(files).map(([path, text]) => ({ path, text }));
  return (await extractSchema(sources, { dialect: 'postgresql' })).schema;
}

function table(schema: Schema, name: string): Table {
  const t = schema.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${schema.tables.map((x) => x.name).join(', ')}`);
  return t;
}

function types(t: Table): Record<string, string> {
  return Object.fromEntries(t.columns.map((c) => [c.name, c.type]));
}

const BASE = 'from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n';

describe('static evaluation of model code', () => {
  it("decides issubclass() over SQLAlchemy's declarative bases, whose ancestry is known (Advanced Alchemy's SentinelMixin)", async () => {
    const schema = await extract({
      'm.py': 'from sqlalchemy.inspection import Inspectable\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, MappedAsDataclass, declared_attr, mapped_column\n\nclass Named:\n    @declared_attr.directive\n    def __tablename__(cls) -> str:\n        kinds = [name for name, base in (("dc", MappedAsDataclass), ("decl", DeclarativeBase), ("insp", Inspectable)) if issubclass(cls, base)]\n        return "_".join([cls.__name__.lower(), *kinds])\n\nclass Base(DeclarativeBase):\n    pass\n\nclass DcBase(MappedAsDataclass, DeclarativeBase):\n    pass\n\nclass Thing(Named, Base):\n    id: Mapped[int] = mapped_column(primary_key=True)\n\nclass Other(Named, DcBase):\n    id: Mapped[int] = mapped_column(primary_key=True, init=False)\n',
    });
    // printed by SQLAlchemy 2.0
    expect(schema.tables.map((t) => t.name)).toEqual(['other_dc_decl_insp', 'thing_decl_insp']);
    expect(schema.tables.flatMap((t) => t.unresolved)).toEqual([]);
  });

  it('reads an attribute of an Annotated alias on its origin, as typing forwards it (familyhistory)', async () => {
    const schema = await extract({
      'm.py': 'from datetime import datetime\nfrom typing import Annotated\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\ndatetime_tz = Annotated[datetime, True]\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Person(Base):\n    __tablename__ = "person"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    born: Mapped[datetime] = mapped_column(default=datetime_tz.now)\n',
    });
    // SQLAlchemy 2.0 holds datetime.now as the column's default
    expect(table(schema, 'person').columns.map((c) => c.default)).toEqual([null, 'datetime.now']);
  });

  it('follows constants, arithmetic, f-strings and %-formatting across modules', async () => {
    const schema = await extract({
      'app/__init__.py': '',
      'app/limits.py': 'NAME = 40\nSLUG = NAME + 8\nPREFIX = "crm"\n',
      'app/models.py': `${BASE}from sqlalchemy import Column, Integer, String\nfrom app import limits as L\nfrom app.limits import PREFIX\n\nclass Account(Base):\n    __tablename__ = f"{PREFIX}_accounts"\n    id = Column(Integer, primary_key=True)\n    name = Column(String(L.NAME))\n    slug = Column(String(L.SLUG * 2))\n    code = Column(String(int("%d" % 12)))\n`,
    });
    expect(types(table(schema, 'crm_accounts'))).toEqual({ id: 'INTEGER', name: 'VARCHAR(40)', slug: 'VARCHAR(96)', code: 'VARCHAR(12)' });
  });

  it('runs a CamelCase -> snake_case helper written with re.sub in a declared_attr', async () => {
    const schema = await extract({
      'app/__init__.py': '',
      'app/naming.py': 'import re\n_BOUNDARY = re.compile(r"(?<!^)(?=[A-Z])")\n\ndef snake(name):\n    return _BOUNDARY.sub("_", name).lower()\n',
      'app/models.py': `from sqlalchemy import Column, Integer\nfrom sqlalchemy.orm import DeclarativeBase, declared_attr\nfrom app.naming import snake\n\nclass Base(DeclarativeBase):\n    @declared_attr.directive\n    def __tablename__(cls):\n        return snake(cls.__name__)\n    id = Column(Integer, primary_key=True)\n\nclass UserAccount(Base):\n    pass\n\nclass HTTPLog(Base):\n    pass\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['h_t_t_p_log', 'user_account']);
  });

  it('inlines a small helper function that returns a column, with its parameters bound', async () => {
    const schema = await extract({
      'm.py': `${BASE}from sqlalchemy import Column, Integer, String, ForeignKey\n\ndef fk(target, nullable=False):\n    return Column(Integer, ForeignKey(target + ".id"), nullable=nullable)\n\nclass Org(Base):\n    __tablename__ = "orgs"\n    id = Column(Integer, primary_key=True)\n\nclass Team(Base):\n    __tablename__ = "teams"\n    id = Column(Integer, primary_key=True)\n    org_id = fk("orgs")\n    parent_id = fk("teams", nullable=True)\n`,
    });
    const teams = table(schema, 'teams');
    expect(teams.columns.map((c) => [c.name, c.nullable, c.foreign_keys])).toEqual([
      ['id', false, []],
      ['org_id', false, ['orgs.id']],
      ['parent_id', true, ['teams.id']],
    ]);
    expect(teams.unresolved).toEqual([]);
  });

  it('applies functools.partial(Column, nullable=False) aliases, with per-column overrides', async () => {
    const schema = await extract({
      'm.py': `${BASE}import functools\nimport sqlalchemy as sa\nColumn = functools.partial(sa.Column, nullable=False)\n\nclass Item(Base):\n    __tablename__ = "items"\n    id = Column(sa.Integer, primary_key=True)\n    name = Column(sa.String(20))\n    note = Column(sa.Text, nullable=True)\n`,
    });
    expect(table(schema, 'items').columns.map((c) => [c.name, c.nullable])).toEqual([
      ['id', false],
      ['name', false],
      ['note', true],
    ]);
  });

  it('reports runtime configuration as unresolved with file, line and reason instead of guessing', async () => {
    const schema = await extract({
      'm.py': `${BASE}import os\nfrom sqlalchemy import Column, Integer, String\n\nclass Note(Base):\n    __tablename__ = "notes"\n    id = Column(Integer, primary_key=True)\n    body = Column(String(int(os.environ.get("BODY_LEN"))))\n`,
    });
    const notes = table(schema, 'notes');
    expect(notes.unresolved).toHaveLength(1);
    expect(notes.unresolved[0]).toMatchObject({ file: 'm.py', line: 9, symbol: 'body' });
    expect(notes.unresolved[0]!.reason).toContain('os.environ');
  });

  it('names a third-party mixin that is not in the repository', async () => {
    const schema = await extract({
      'm.py': `from flask_appbuilder.models.mixins import AuditMixin\n${BASE}from sqlalchemy import Column, Integer\n\nclass Host(Base, AuditMixin):\n    __tablename__ = "hosts"\n    id = Column(Integer, primary_key=True)\n`,
    });
    const reasons = table(schema, 'hosts').unresolved.map((u) => `${u.symbol} ${u.reason}`);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('AuditMixin');
    expect(reasons[0]).toContain('flask_appbuilder');
  });

  it("maps Flask-AppBuilder models: SQLA's db.Column is SQLAlchemy's, its Model adds no column", async () => {
    const schema = await extract({
      'app/__init__.py': 'from flask_appbuilder import SQLA\n\ndb = SQLA()\n',
      'app/models.py': 'from flask_appbuilder import Model\nfrom flask_appbuilder.models.mixins import AuditMixin\nfrom app import db\n\nclass Task(Model):\n    __tablename__ = "task"\n    id = db.Column(db.Integer, primary_key=True)\n    name = db.Column(db.String(150), nullable=False)\n\nclass Step(db.Model, AuditMixin):\n    __tablename__ = "step"\n    id = db.Column(db.Integer, primary_key=True)\n    task_id = db.Column(db.Integer, db.ForeignKey("task.id"))\n',
    });
    expect(table(schema, 'task').columns.map((c) => [c.name, c.type, c.nullable])).toEqual([['id', 'INTEGER', false], ['name', 'VARCHAR(150)', false]]);
    expect(table(schema, 'task').unresolved).toEqual([]);
    const step = table(schema, 'step');
    expect(step.columns.map((c) => [c.name, c.foreign_keys])).toEqual([['id', []], ['task_id', ['task.id']]]);
    // db.Model is the same Model, one MetaData: the foreign key resolves; the audit mixin's columns are not known
    expect(step.unresolved.map((u) => u.symbol)).toEqual(['AuditMixin']);
    expect(schema.diagnostics).toEqual([]);
  });

  it("takes SQLAlchemy-serializer's SerializerMixin as adding no column, as its source shows", async () => {
    const schema = await extract({
      'm.py': `${BASE}from sqlalchemy import Column, Integer\nfrom sqlalchemy_serializer import SerializerMixin\nfrom sqlalchemy_serializer.serializer import SerializerMixin as Plain\n\nclass Post(Base, SerializerMixin):\n    __tablename__ = "posts"\n    serialize_rules = ("-author.posts",)\n    id = Column(Integer, primary_key=True)\n\nclass Tag(Plain, Base):\n    __tablename__ = "tags"\n    id = Column(Integer, primary_key=True)\n`,
    });
    expect(schema.tables.map((t) => [t.name, t.columns.map((c) => c.name), t.unresolved])).toEqual([['posts', ['id'], []], ['tags', ['id'], []]]);
  });

  it("runs a helper that names its property's getter (fget.__name__ =) before returning it: no column, nothing to report", async () => {
    const schema = await extract({
      'm.py': `${BASE}from sqlalchemy import Column, Integer\n\ndef static_role(name, bit):\n    @property\n    def has_role(self):\n        return (self.roles & bit) != 0\n\n    @has_role.setter\n    def has_role(self, value):\n        self.roles |= bit\n\n    has_role.fget.__name__ = name\n    return has_role\n\nclass User(Base):\n    __tablename__ = "users"\n    id = Column(Integer, primary_key=True)\n    roles = Column(Integer, default=0, nullable=False)\n    is_admin = static_role("is_admin", 0x4000)\n`,
    });
    expect(schema.tables.map((t) => [t.name, t.columns.map((c) => c.name), t.unresolved])).toEqual([['users', ['id', 'roles'], []]]);
  });

  it('reports a Column made by an object of a library it cannot read', async () => {
    const schema = await extract({
      'm.py': `${BASE}from sqlalchemy import Column, Integer\nfrom vendor.orm import Database\n\ndb = Database()\n\nclass Job(Base):\n    __tablename__ = "jobs"\n    id = Column(Integer, primary_key=True)\n    owner_id = db.Column(db.Integer)\n`,
    });
    const jobs = table(schema, 'jobs');
    expect(jobs.columns.map((c) => c.name)).toEqual(['id']);
    expect(jobs.unresolved).toHaveLength(1);
    expect(jobs.unresolved[0]).toMatchObject({ file: 'm.py', line: 11, symbol: 'owner_id' });
    expect(jobs.unresolved[0]!.reason).toContain('vendor.orm.Database().Column(...) is not a Column schemaguard knows');
  });

  it("reads a module's own names through sys.modules[__name__].__dict__ (CodeChecker's permission names)", async () => {
    const schema = await extract({
      'app/__init__.py': '',
      'app/models.py': `${BASE}import sys\nfrom sqlalchemy import Column, Enum, Integer\n\ndef __names(scope):\n    return ["ADMIN", "VIEW"] if scope == "PRODUCT" else ["SUPERUSER"]\n\nclass Grant(Base):\n    __tablename__ = "grants"\n    id = Column(Integer, primary_key=True)\n    permission = Column(Enum(*sys.modules[__name__].__dict__["__names"]("PRODUCT"), name="perms"))\n`,
    });
    const grants = table(schema, 'grants');
    expect(grants.columns.find((c) => c.name === 'permission')?.enum).toEqual(['ADMIN', 'VIEW']);
    expect(grants.unresolved).toEqual([]);
  });

  it('does not loop forever on a self-referencing helper', async () => {
    const schema = await extract({
      'm.py': `${BASE}from sqlalchemy import Column, Integer, String\n\ndef length(n):\n    return length(n + 1)\n\nclass T(Base):\n    __tablename__ = "t"\n    id = Column(Integer, primary_key=True)\n    s = Column(String(length(1)))\n`,
    });
    const t = table(schema, 't');
    expect(t.columns.map((c) => c.name)).toEqual(['id', 's']);
    expect(t.unresolved.map((u) => u.symbol)).toEqual(['s']);
  });

  it('maps classes made by type() in a loop and fills the module dict they are stored in', async () => {
    const schema = await extract({
      'm.py': `${BASE}import sqlalchemy as sa\n\ndef plural(word):\n    return word[:-1] + "ies" if word.endswith("y") else word + "s"\n\nLOOKUPS = {}\nfor kind in ["category", "status"]:\n    LOOKUPS[kind] = type(kind.title(), (Base,), {"__tablename__": plural(kind), "id": sa.Column(sa.Integer, primary_key=True)})\n\nclass Thing(Base):\n    __tablename__ = "things"\n    id = sa.Column(sa.Integer, primary_key=True)\n    status_id = sa.Column(sa.ForeignKey(LOOKUPS["status"].id))\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['categories', 'statuss', 'things']);
    expect(table(schema, 'things').columns[1]).toMatchObject({ type: 'INTEGER', foreign_keys: ['statuss.id'] });
  });

  it('runs helpers that fill a kwargs dict before building the column', async () => {
    const schema = await extract({
      'm.py': `${BASE}import sqlalchemy as sa\n\ndef Required(*args, **kwargs):\n    kwargs.setdefault("nullable", False)\n    opts = dict(kwargs)\n    opts["comment"] = "required"\n    return sa.Column(*args, **opts)\n\nclass T(Base):\n    __tablename__ = "t"\n    id = sa.Column(sa.Integer, primary_key=True)\n    a = Required(sa.String(5))\n    b = Required(sa.String(5), nullable=True)\n`,
    });
    expect(table(schema, 't').columns.map((c) => [c.name, c.nullable, c.comment])).toEqual([
      ['id', false, null],
      ['a', false, 'required'],
      ['b', true, 'required'],
    ]);
  });
});