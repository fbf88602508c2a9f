// What the static evaluator must not guess: effects it cannot follow (an attribute set on an object it does not
// model, a dict method it does not know, a subclass hook that cannot run, a flag from an outside settings
// module) end as `unresolved` entries or diagnostics with the file, line and reason, never as a silent value.
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';
import type { Dialect, Schema, Table } from '../src/schema/types.js';

async function extract(files: Record<string, string>, dialect: Dialect = 'postgresql'): Promise<Schema> {
  const sources = Object.entries(files).map(([path, text]) => ({ path, text }));
  return (await extractSchema(sources, { dialect })).schema;
}

function table(schema: Schema, name: string): Table {
  const t = schema.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name} in ${schema.tables.map((x) => x.name).join(', ')}`);
  return t;
}

const HEAD = 'import sqlalchemy as sa\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\n';

describe('effects the evaluator cannot follow', () => {
  it('names a base class it cannot resolve as the class statement writes it', async () => {
    const schema = await extract({
      'app/__init__.py': '',
      'app/settings.py': 'import os\nmodels = os.environ["MODELS"]\n',
      'm.py': 'from sqlalchemy import Column, Integer\nfrom app.settings import models\n\nclass Thing(models.Base):\n    __tablename__ = "thing"\n    id = Column(Integer, primary_key=True)\n',
    });
    const [entry] = table(schema, 'thing').unresolved;
    expect(entry).toMatchObject({ file: 'm.py', line: 4, symbol: 'models.Base' });
    expect(entry!.reason).toMatch(/^base class models\.Base could not be resolved \(runtime configuration/);
  });

  it("reads sqlalchemy-utils' TimezoneType everywhere and TSVectorType on PostgreSQL only (as the oracle built them)", async () => {
    const model = 'import sqlalchemy as sa\nfrom sqlalchemy.orm import declarative_base\nfrom sqlalchemy_utils import TSVectorType, TimezoneType\nBase = declarative_base()\n\nclass Doc(Base):\n    __tablename__ = "doc"\n    id = sa.Column(sa.Integer, primary_key=True)\n    tz = sa.Column(TimezoneType(backend="dateutil"))\n    search = sa.Column(TSVectorType("title", regconfig="simple"))\n';
    const pg = table(await extract({ 'm.py': model }), 'doc');
    expect(pg.columns.map((c) => c.type)).toEqual(['INTEGER', 'VARCHAR(50)', 'TSVECTOR']);
    expect(pg.unresolved).toEqual([]);
    const mysql = table(await extract({ 'm.py': model }, 'mysql'), 'doc');
    expect(mysql.columns.map((c) => c.type)).toEqual(['INTEGER', 'VARCHAR(50)', 'NULLTYPE']);
    expect(mysql.unresolved.map((u) => [u.symbol, u.reason])).toEqual([['search', "type sqlalchemy_utils.TSVectorType as used here is not followed statically on mysql (its DDL is the library's to work out)"]]);
  });

  it('reports a GeoAlchemy2 type whose SRID or spatial index comes from the environment, and keeps the others', async () => {
    const model = `${HEAD}import os\nfrom geoalchemy2 import Geometry\n\nclass Site(Base):\n    __tablename__ = "site"\n    id = sa.Column(sa.Integer, primary_key=True)\n    at = sa.Column(Geometry("POINT", srid=int(os.environ["SRID"])))\n    area = sa.Column(Geometry("POLYGON", spatial_index=os.environ.get("GIS") == "1"))\n    known = sa.Column(Geometry("POINT", 4326))\n`;
    const site = table(await extract({ 'm.py': model }), 'site');
    expect(site.columns.map((c) => c.type)).toEqual(['INTEGER', 'NULLTYPE', 'NULLTYPE', 'GEOMETRY(POINT,4326)']);
    expect(site.unresolved.map((u) => [u.line, u.symbol, u.reason])).toEqual([
      [10, 'at', "type geoalchemy2.Geometry as used here is not followed statically on postgresql (its DDL is the library's to work out)"],
      [11, 'area', "type geoalchemy2.Geometry as used here is not followed statically on postgresql (its DDL is the library's to work out)"],
    ]);
    expect(site.indexes.map((i) => i.name)).toEqual(['idx_site_known']);
  });

  it("says of an outside declarative base that its MetaData's naming convention is unknown, not of an outside mixin", async () => {
    const schema = await extract({
      'm.py': `${HEAD}from sqlalchemy.orm import Mapped, mapped_column\nfrom vendor.orm import AuditBase\nfrom vendor.mixins import Stamped\n\nclass Author(AuditBase):\n    __tablename__ = "author"\n    name: Mapped[str] = mapped_column(sa.String(50), unique=True)\n\nclass Post(Base, Stamped):\n    __tablename__ = "post"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(table(schema, 'author').unresolved.map((u) => u.reason)).toContain(
      'base class AuditBase from vendor.orm is not in the repository; columns it adds are unknown, and so is the naming convention its MetaData gives constraints',
    );
    expect(table(schema, 'post').unresolved.map((u) => u.reason)).toEqual(['base class Stamped from vendor.mixins is not in the repository; columns it adds are unknown']);
  });

  it("takes a declarative_base(cls=...) class over an outside base for the models' mixin, not for a model of that base", async () => {
    // nca47's shape (oracle: no table base0s; things gets deleted_at): the class names the models' table
    const schema = await extract({
      'm.py': 'import six\nimport sqlalchemy as sa\nfrom sqlalchemy.ext import declarative\n\nclass Base0(six.Iterator):\n    @declarative.declared_attr\n    def __tablename__(cls):\n        return cls.__name__.lower() + "s"\n\n    deleted_at = sa.Column(sa.DateTime)\n\nBASE = declarative.declarative_base(cls=Base0)\n\nclass Thing(BASE):\n    id = sa.Column(sa.Integer, primary_key=True)\n',
    });
    expect(schema.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['things', ['id', 'deleted_at']]]);
    expect(table(schema, 'things').unresolved.map((u) => u.reason)).toEqual(['base class Iterator from six is not in the repository; columns it adds are unknown']);
  });

  it("names an ORM attribute annotated otherwise than Mapped[...], which SQLAlchemy 2.0 refuses, and reads it as 1.4 does", async () => {
    // each refused by SQLAlchemy 2.0.40 with MappedAnnotationError; allowed with __allow_unmapped__ (set in the body or
    // on a declarative_base() after it), under Relationship, and on a plain Column
    const model = (body: string): string =>
      `from typing import ClassVar, Optional\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import Relationship, RelationshipProperty, column_property, declarative_base, mapped_column, relationship, synonym\nBase = declarative_base()\nclass User(Base):\n    __tablename__ = "users"\n    id = sa.Column(sa.Integer, primary_key=True)\n    boss_id = sa.Column(sa.Integer, sa.ForeignKey("users.id"))\n${body}\n`;
    const refused = async (body: string, extra = ''): Promise<string[]> => {
      const text = model(body).replace('Base = declarative_base()\n', `Base = declarative_base()\n${extra}`);
      return (await extract({ 'm.py': text })).diagnostics.filter((d) => d.message.includes('MappedAnnotationError')).map((d) => `${d.line} ${d.message.split(' only as')[0]}`);
    };
    expect(await refused('    boss: RelationshipProperty = relationship("User")')).toEqual(['9 SQLAlchemy 2.0 maps an annotated relationship()']);
    expect(await refused('    boss: "User" = relationship("User")')).toHaveLength(1);
    expect(await refused('    boss: ClassVar = relationship("User")')).toHaveLength(1);
    expect(await refused('    boss: Optional["User"] = relationship("User")')).toHaveLength(1);
    expect(await refused('    code: str = mapped_column(sa.String(5))')).toEqual(['9 SQLAlchemy 2.0 maps an annotated mapped_column()']);
    expect(await refused('    double: int = column_property(id * 2)')).toHaveLength(1);
    expect(await refused('    ident: int = synonym("id")')).toHaveLength(1);
    expect(await refused('    __allow_unmapped__ = True\n    boss: RelationshipProperty = relationship("User")')).toEqual([]);
    expect(await refused('    boss: RelationshipProperty = relationship("User")', 'Base.__allow_unmapped__ = True\n')).toEqual([]);
    expect(await refused('    boss: Relationship = relationship("User")')).toEqual([]);
    expect(await refused('    name: str = sa.Column(sa.String(20))')).toEqual([]);
    const schema = await extract({ 'm.py': model('    code: str = mapped_column(sa.String(5))') });
    expect(table(schema, 'users').columns.map((c) => [c.name, c.type])).toEqual([['id', 'INTEGER'], ['boss_id', 'INTEGER'], ['code', 'VARCHAR(5)']]);
  });

  it('names a name imported only under `if TYPE_CHECKING:` that code run at import reads, and no use Python defers', async () => {
    // SQLAlchemy 2.0.40 fails both modules with NameError (clandestine-platform's scope_hosts.py and team_invitation.py)
    const schema = await extract({
      'models.py': 'from __future__ import annotations\nfrom typing import TYPE_CHECKING\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship\n\nif TYPE_CHECKING:\n    from roles import TeamRoles\n    from hosts import ScopeHosts\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Host(Base):\n    __tablename__ = "host"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    scopes: Mapped[list[ScopeHosts]] = relationship(back_populates="host")\n    picked: Mapped[str] = mapped_column(sa.String(9), default=lambda: TeamRoles.MEMBER)\n\nclass Invitation(Base):\n    __tablename__ = "invitation"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    role: Mapped[str] = mapped_column(sa.String(50), default=TeamRoles.MEMBER)\n',
      'hosts.py': 'from __future__ import annotations\nfrom typing import TYPE_CHECKING\nfrom sqlalchemy import ForeignKey\nfrom sqlalchemy.orm import Mapped, mapped_column\n\nif TYPE_CHECKING:\n    from models import Host\nelse:\n    Base = object\n\nclass ScopeHosts(Host):\n    __tablename__ = "scope_hosts"\n',
      'roles.py': 'import enum\n\nclass TeamRoles(str, enum.Enum):\n    MEMBER = "member"\n',
    });
    expect(schema.diagnostics.map((d) => [d.file, d.line, d.message.split(':')[0]])).toEqual([
      ['hosts.py', 11, 'Host is imported only under `if TYPE_CHECKING'],
      ['models.py', 22, 'TeamRoles is imported only under `if TYPE_CHECKING'],
    ]);
    // a star import may bind the name when the code runs: not said
    const starred = await extract({
      'consts.py': 'LIMIT = 5\n',
      'm.py': `from typing import TYPE_CHECKING\nfrom consts import *\nif TYPE_CHECKING:\n    from consts import LIMIT\n${HEAD}class T(Base):\n    __tablename__ = "t"\n    id = sa.Column(sa.Integer, primary_key=True, default=LIMIT)\n`,
    });
    expect(starred.diagnostics).toEqual([]);
  });

  it("names a TYPE_CHECKING-only name in a mapped column's Mapped[...] annotation, and in any annotation without the __future__ import", async () => {
    // SQLAlchemy 2.0.40 under Python 3.13: MappedAnnotationError for each column form (given a type or not, the name
    // quoted or not), none for a relationship, column_property, synonym, deferred or Column; NameError without the
    // __future__ import (clandestine-platform's wallet.py)
    const HEADER = 'from typing import TYPE_CHECKING, Optional\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, column_property, synonym\nif TYPE_CHECKING:\n    from enums import Currency\n    from other import Owner\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Wallet(Base):\n    __tablename__ = "wallet"\n    id: Mapped[int] = mapped_column(primary_key=True)\n';
    const lines = (body: string[], future = true): Promise<Schema> =>
      extract({ 'm.py': `${future ? 'from __future__ import annotations\n' : ''}${HEADER}${body.map((l) => `    ${l}\n`).join('')}` });
    const said = (schema: Schema): Array<[number | null, string]> => schema.diagnostics.map((d) => [d.line, d.message.split(':')[0]!]);
    const refused = await lines([
      'a: Mapped[Currency] = mapped_column(sa.String(3))',
      'b: Mapped[Optional[Currency]]',
      'c: Mapped["Currency"] = mapped_column(sa.String(3), nullable=True)',
      'd: "Mapped[list[Currency]]" = mapped_column(sa.JSON)',
      'owners: Mapped[list[Owner]] = relationship()',
      'e: Mapped[Currency] = column_property(sa.func.upper(id))',
      'f: Mapped[Currency] = synonym("id")',
      'g: Mapped[Currency] = sa.Column(sa.String(3))',
    ]);
    const mapped = 'Currency is imported only under `if TYPE_CHECKING';
    expect(said(refused)).toEqual([15, 16, 17, 18].map((line) => [line, mapped]));
    expect(refused.diagnostics[0]!.message).toContain('MappedAnnotationError');
    const eager = await lines(['owners: Mapped[list[Owner]] = relationship()', 'note: "Mapped[Currency]" = column_property(sa.func.upper(id))'], false);
    expect(said(eager)).toEqual([[14, 'Owner is imported only under `if TYPE_CHECKING']]);
    expect(eager.diagnostics[0]!.message).toContain('NameError');
  });

  it('says which submodule of a namespace package is not read', async () => {
    const schema = await extract({
      'app/db/orm.py': 'from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n',
      'app/models.py': 'from sqlalchemy import Column, Integer\nimport app.db.orm\n\nclass Thing(app.db.base.Base):\n    __tablename__ = "thing"\n    id = Column(Integer, primary_key=True)\n',
    });
    const [entry] = table(schema, 'thing').unresolved;
    expect(entry).toMatchObject({ file: 'app/models.py', line: 4, symbol: 'app.db.base.Base' });
    expect(entry!.reason).toMatch(/^base class app\.db\.base\.Base could not be resolved \(module app\.db\.base is not among the files read\)/);
  });

  it('leaves unknown what a loop it cannot run may change: names it binds, lists and dicts it changes in place', async () => {
    const schema = await extract({
      'm.py': [
        'import os',
        'import sqlalchemy as sa',
        'metadata = sa.MetaData()',
        'NAMES = os.environ["NAMES"].split(",")',
        'width, sizes, names, count = 10, {"code": 8}, [], 0',
        'for n in NAMES:',
        '    width = 20',
        '    sizes[n] = 4',
        '    if n:',
        '        names.append(n)',
        'while os.environ.get("MORE"):',
        '    count += 1',
        'labels = ["a"]',
        'for label in ["b"]:',
        '    labels.append(label)',
        't = sa.Table("t", metadata, sa.Column("id", sa.Integer, primary_key=True),',
        '    sa.Column("a", sa.String(width)), sa.Column("b", sa.String(sizes["code"])), sa.Column("c", sa.Integer, comment=str(names)),',
        '    sa.Column("d", sa.Integer, comment=str(count)), sa.Column("e", sa.Integer, comment=str(labels)))',
        '',
      ].join('\n'),
    });
    const t = table(schema, 't');
    // a loop it can run is run: `labels` is known
    expect(t.columns.map((c) => [c.name, c.type, c.comment])).toEqual([
      ['id', 'INTEGER', null],
      ['a', 'NULLTYPE', null],
      ['b', 'NULLTYPE', null],
      ['c', 'INTEGER', null],
      ['d', 'INTEGER', null],
      ['e', 'INTEGER', "['a', 'b']"],
    ]);
    expect(t.unresolved.map((u) => u.reason).join('\n')).toMatch(/changed by a loop over a value not known statically \(runtime configuration/);
  });

  it('stops a helper that sets an attribute on an object it does not model, naming the attribute', async () => {
    const schema = await extract({
      'm.py': `${HEAD}\ndef name_col():\n    col = sa.Column(sa.String(20))\n    col.type = sa.Text()\n    return col\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n    name = name_col()\n`,
    });
    const tags = table(schema, 'tags');
    expect(tags.columns.map((c) => c.name)).toEqual(['id']);
    expect(tags.unresolved).toHaveLength(1);
    expect(tags.unresolved[0]).toMatchObject({ file: 'm.py', symbol: 'name' });
    expect(tags.unresolved[0]!.reason).toContain('assignment to attribute type');
  });

  it('says on a SQLModel table what reading its class body met (a namespace key not known), as on a declarative one', async () => {
    const schema = await extract({
      'm.py': `from sqlalchemy import Column, String\nfrom sqlmodel import Field, SQLModel\nfrom settings import LICENCE\n\nclass Practitioner(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n    __annotations__[LICENCE] = str\n    locals()[LICENCE] = Field(sa_column=Column("class", String(12)))\n`,
    });
    const practitioner = table(schema, 'practitioner');
    expect(practitioner.columns.map((c) => c.name)).toEqual(['id']);
    expect(practitioner.unresolved.map((u) => [u.file, u.line])).toEqual([['m.py', 7], ['m.py', 8]]);
    expect(practitioner.unresolved[1]!.reason).toContain('set through locals() or vars() under a name not known statically');
  });

  it('reports a class over a base held by a class attribute it cannot read, instead of dropping its table', async () => {
    const schema = await extract({
      'plugin.py': 'from thirdparty import make_base\n\nclass DbPlugin:\n    base = make_base()\n',
      'm.py': `import sqlalchemy as sa\nfrom plugin import DbPlugin\n\nclass Tag(DbPlugin.base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toHaveLength(1);
    expect(schema.diagnostics[0]).toMatchObject({ file: 'm.py', line: 4, severity: 'warning' });
    expect(schema.diagnostics[0]!.message).toContain('class Tag declares columns over a base not known statically (DbPlugin.base is not known statically)');
  });

  it('reports a naming token that hashes data it cannot know, and one that hashes a str (a TypeError in Python)', async () => {
    const schema = await extract({
      'm.py': `import hashlib, os\nimport sqlalchemy as sa\n\ndef salted(constraint, table):\n    return hashlib.sha1((table.name + os.environ["SALT"]).encode()).hexdigest()[:6]\n\ndef unencoded(constraint, table):\n    return hashlib.md5(table.name).hexdigest()[:6]\n\nmd = sa.MetaData(naming_convention={"salted": salted, "unencoded": unencoded, "uq": "uq_%(salted)s", "ix": "ix_%(unencoded)s"})\nt = sa.Table("t", md, sa.Column("id", sa.Integer, primary_key=True), sa.Column("code", sa.String(5), unique=True), sa.Column("label", sa.String(5), index=True))\n`,
    });
    const t = table(schema, 't');
    expect(t.unique_constraints.map((u) => u.name)).toEqual([null]);
    expect(t.indexes.map((i) => i.name)).toEqual([null]);
    const reasons = t.unresolved.map((u) => u.reason);
    expect(reasons).toHaveLength(2);
    expect(reasons.find((r) => r.startsWith('name of uq constraint'))).toContain('os.environ');
    expect(reasons.find((r) => r.startsWith('name of ix constraint'))).toContain('hashlib.md5() of data not known statically');
  });

  it('holds integers beyond 2**53 exactly (a JS number would round them), but not their true division or 1e999', async () => {
    const schema = await extract({
      'm.py': `${HEAD}\nBIG = 2 ** 63 - 1\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n    code = sa.Column(sa.String(len(str(BIG))))\n    hint = sa.Column(sa.String(len(str(9007199254740993))))\n    huge = sa.Column(sa.String(len(str(0x20_0000_0000_0001))))\n    endless = sa.Column(sa.String(len(str(1e999))))\n    ratio = sa.Column(sa.String(int(BIG / 2 ** 60)))\n`,
    });
    const tags = table(schema, 'tags');
    expect(tags.columns.map((c) => [c.name, c.type])).toEqual([['id', 'INTEGER'], ['code', 'VARCHAR(19)'], ['hint', 'VARCHAR(16)'], ['huge', 'VARCHAR(16)'], ['endless', 'NULLTYPE'], ['ratio', 'NULLTYPE']]);
    expect(tags.unresolved.map((u) => [u.symbol, u.reason])).toEqual([
      ['endless', expect.stringContaining('unsupported expression (number)')],
      ['ratio', expect.stringContaining('operator / on an integer past 2**53 (not followed)')],
    ]);
  });

  it('reports a class types.new_class() makes when its namespace callback cannot be run, instead of dropping it', async () => {
    const schema = await extract({
      'm.py': `import os, types\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\n\ndef body(ns):\n    ns["__tablename__"] = "hist"\n    ns["id"] = sa.Column(sa.Integer, primary_key=True)\n    ns.update(os.environ)\n\nHist = types.new_class("Hist", (Base,), {}, body)\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toHaveLength(1);
    expect(schema.diagnostics[0]).toMatchObject({ file: 'm.py', line: 11, severity: 'warning' });
    expect(schema.diagnostics[0]!.message).toContain('tables built by new_class() are missing: helper function body() could not be evaluated');
  });

  it('stops a generator whose yield from a generator that cannot be run, instead of yielding fewer items', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\n\ndef inner():\n    yield "x"\n    if os.environ.get("A"):\n        yield "y"\n\ndef outer():\n    yield "a"\n    yield from inner()\n\nsa.Table("t_" + "_".join(outer()), sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True))\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toHaveLength(1);
    expect(schema.diagnostics[0]!.message).toContain('helper function inner() could not be evaluated');
  });

  it('reports tables a module-level comprehension builds when its filter is not known, instead of dropping them', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\nmd = sa.MetaData()\nJOURNALS = {\n    n: sa.Table(f"journal_{n}", md, sa.Column("id", sa.Integer, primary_key=True))\n    for n in range(3)\n    if n < 1 or os.environ.get("MORE")\n}\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toHaveLength(1);
    expect(schema.diagnostics[0]).toMatchObject({ file: 'm.py', line: 4, severity: 'warning' });
    expect(schema.diagnostics[0]!.message).toContain('tables built in a comprehension not known statically');
  });

  it('stops a helper at a dict method it cannot perform instead of dropping the change', async () => {
    const schema = await extract({
      'm.py': `${HEAD}\ndef col(**kw):\n    kw.popitem()\n    return sa.Column(sa.String(10), **kw)\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n    code = col(nullable=False)\n`,
    });
    const reasons = table(schema, 'tags').unresolved.map((u) => u.reason);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('dict.popitem()');
  });

  it('reports a module-level change to a convention dict it cannot follow as a diagnostic', async () => {
    const schema = await extract({
      'm.py': `${HEAD}NAMING = {"uq": "uq_%(table_name)s_%(column_0_name)s"}\nNAMING.popitem()\nBase.metadata.naming_convention = NAMING\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 5, severity: 'warning' })]);
    expect(schema.diagnostics[0]!.message).toContain('dict.popitem()');
  });

  it('reports a mapped class whose metaclass sets a table name it cannot know, instead of dropping it silently', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeMeta, declarative_base\n\nclass Meta(DeclarativeMeta):\n    def __init__(cls, name, bases, d):\n        cls.__tablename__ = os.environ["PREFIX"] + name.lower()\n        super().__init__(name, bases, d)\n\nBase = declarative_base(metaclass=Meta)\n\nclass Tag(Base):\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 12, severity: 'warning' })]);
    expect(schema.diagnostics[0]!.message).toBe('__tablename__ not known statically: runtime configuration (os.environ)');
  });

  it('reports a table name computed by an outside library, the class having no parent table to hold it', async () => {
    const schema = await extract({
      'm.py': `import inflection\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase, declared_attr\n\nclass Base(DeclarativeBase):\n    @declared_attr.directive\n    def __tablename__(cls):\n        return inflection.pluralize(inflection.underscore(cls.__name__))\n\nclass UserAccount(Base):\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 10, severity: 'warning' })]);
    expect(schema.diagnostics[0]!.message).toContain("inflection.pluralize(inflection.underscore('UserAccount'))");
  });

  it('names a column added after the class under a name it cannot know', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\nclass Page(Base):\n    __tablename__ = "pages"\n    id = sa.Column(sa.Integer, primary_key=True)\n\nsetattr(Page, os.environ["EXTRA_COLUMN"], sa.Column(sa.Text))\n`,
    });
    const pages = table(schema, 'pages');
    expect(pages.columns.map((c) => c.name)).toEqual(['id']);
    expect(pages.unresolved).toEqual([expect.objectContaining({ file: 'm.py', line: 10 })]);
    expect(pages.unresolved[0]!.reason).toContain('a column set on Page after the class');
  });

  it('names an __init_subclass__ hook it cannot run on the classes it would have changed', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    def __init_subclass__(cls, **kw):\n        if os.environ.get("PREFIX"):\n            cls.__tablename__ = os.environ["PREFIX"] + cls.__name__.lower()\n        super().__init_subclass__(**kw)\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    const tags = table(schema, 'tags');
    expect(tags.unresolved).toHaveLength(1);
    expect(tags.unresolved[0]).toMatchObject({ file: 'm.py', line: 11, symbol: 'Tag' });
    expect(tags.unresolved[0]!.reason).toMatch(/Base\.__init_subclass__ could not be run statically .*os\.environ/);
  });

  it('names a metaclass __init__ it cannot run on the classes it would have changed', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase\nfrom sqlalchemy.orm.decl_api import DeclarativeAttributeIntercept\n\nclass Meta(DeclarativeAttributeIntercept):\n    def __init__(cls, name, bases, ns, **kw):\n        if os.environ.get("AUDIT"):\n            cls.audited = sa.Column(sa.Boolean)\n        super().__init__(name, bases, ns, **kw)\n\nclass Base(DeclarativeBase, metaclass=Meta):\n    pass\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    const tags = table(schema, 'tags');
    expect(tags.columns.map((c) => c.name)).toEqual(['id']);
    // it runs for Base too, whose attributes Tag inherits
    expect(tags.unresolved.map((u) => [u.symbol, u.line])).toEqual([['Tag', 15], ['Base', 12]]);
    for (const u of tags.unresolved) expect(u.reason).toMatch(/metaclass Meta\.__init__ could not be run statically .*os\.environ/);
  });

  it('names a mapper event listener, and a make_searchable() not run at import, whose indexes are added while classes are mapped', async () => {
    const schema = await extract({
      'search.py': `from sqlalchemy import Index, event, orm\n\ndef add_index(mapper, cls):\n    for column in mapper.persist_selectable.c:\n        Index(column.table.name + "_idx", column)\n\ndef make_indexed(metadata):\n    event.listen(orm.Mapper, "instrument_class", add_index)\n\n@event.listens_for(orm.Mapper, "after_configured")\ndef configured():\n    pass\n\n@event.listens_for(orm.Session, "before_commit")\ndef before_commit(session):\n    pass\n`,
      'm.py': `${HEAD}from sqlalchemy_searchable import make_searchable\nfrom search import make_indexed\n\ndef init_search(): make_searchable(Base.metadata)\nmake_indexed(Base.metadata)\n\nclass Doc(Base):\n    __tablename__ = "docs"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(table(schema, 'docs').columns.map((c) => c.name)).toEqual(['id']);
    const warnings = schema.diagnostics.map((d) => [d.file, d.line, d.message]);
    expect(warnings).toEqual([
      ['m.py', 7, expect.stringContaining('sqlalchemy-searchable adds an index')],
      ['search.py', 8, expect.stringContaining('"instrument_class" event listener')],
      ['search.py', 10, expect.stringContaining('"after_configured" event listener')],
    ]);
  });

  describe("SQLAlchemy-Continuum's make_versioned(), whose tables appear only when mappers are configured", () => {
    const article = (versioned: string): string => `\nclass Article(Base):\n    __versioned__ = ${versioned}\n    __tablename__ = "article"\n    id = sa.Column(sa.Integer, primary_key=True)\n`;
    const IMPORT = 'from sqlalchemy_continuum import make_versioned\n';
    const said = (schema: Schema): Array<[string | null, number | null, string]> => schema.diagnostics.map((d) => [d.file, d.line, d.message]);
    const MAKES = expect.stringContaining("make_versioned() adds a version table");

    it('builds the version and transaction tables of a make_versioned() run at import with arguments known statically', async () => {
      const schema = await extract({ 'm.py': `${HEAD}${IMPORT}\nmake_versioned(user_cls=None)\n${article('{}')}` });
      expect(schema.tables.map((t) => t.name)).toEqual(['article', 'article_version', 'transaction']);
      expect(schema.diagnostics).toEqual([]);
    });

    it('names a make_versioned() it does not follow: in a function, given a plugin of another library or options not known, from SQLAlchemy-History', async () => {
      const cases: Array<[string, number]> = [
        [`${IMPORT}\ndef init():\n    make_versioned(user_cls=None)\n\ninit()\n`, 7],
        [`${IMPORT}from my_plugins import AuditPlugin\nmake_versioned(user_cls=None, plugins=[AuditPlugin()])\n`, 6],
        [`${IMPORT}import settings\nmake_versioned(user_cls=None, options=settings.VERSIONING)\n`, 6],
        ['from sqlalchemy_history import make_versioned\nmake_versioned(user_cls=None)\n', 5],
      ];
      for (const [code, line] of cases) {
        const schema = await extract({ 'm.py': `${HEAD}${code}${article('{}')}` });
        expect(schema.tables.map((t) => t.name)).toEqual(['article']);
        expect(said(schema)).toEqual([['m.py', line, MAKES]]);
      }
    });

    it("names a class whose __versioned__ is not known, a versioned relationship's unknown secondary and a user class it cannot find", async () => {
      const unknownOptions = await extract({ 'm.py': `${HEAD}${IMPORT}import settings\nmake_versioned(user_cls=None)\n${article('settings.VERSIONED')}` });
      expect(unknownOptions.tables.map((t) => t.name)).toEqual(['article']);
      expect(said(unknownOptions)).toEqual([['m.py', 8, expect.stringContaining('Article.__versioned__ is not known statically')]]);
      const secondary = `${HEAD}${IMPORT}from sqlalchemy.orm import relationship\nimport tables\nmake_versioned(user_cls=None)\n${article('{}')}    tags = relationship("Tag", secondary=tables.make("article_tag"))\n`;
      const lost = await extract({ 'm.py': secondary });
      expect(lost.tables.map((t) => t.name)).toEqual(['article', 'article_version', 'transaction']);
      expect(said(lost).map(([, , m]) => m)).toContainEqual(expect.stringContaining('secondary table of this relationship of a versioned class is not known statically'));
      const noUser = await extract({ 'm.py': `${HEAD}${IMPORT}\nmake_versioned()\n${article('{}')}` });
      expect(noUser.tables.map((t) => t.name)).toEqual(['article', 'article_version']);
      expect(said(noUser)).toEqual([['m.py', 6, expect.stringContaining('refers to the user class User, which is not a mapped class')]]);
    });
  });

  it('names an outside library call handed the metadata, which may add tables; a shimmed one (Flask-Security) builds its table where it is called', async () => {
    const schema = await extract({
      'app.py': [
        'from flask_sqlalchemy import SQLAlchemy',
        'from flask_migrate import Migrate',
        'from flask_security import SQLAlchemyUserDatastore',
        'from flask_security.models import fsqla_v3 as fsqla',
        'import plugins',
        '',
        'db = SQLAlchemy()',
        'fsqla.FsModels.set_db_info(db)',
        'migrate = Migrate(None, db)',
        'plugins.register(metadata=db.metadata)',
        'print(db)',
        '',
        'class Post(db.Model):',
        '    id = db.Column(db.Integer, primary_key=True)',
        '',
        'user_datastore = SQLAlchemyUserDatastore(db, Post, Post)',
        'plugins.register_model(Post)',
        '',
      ].join('\n'),
    });
    expect(table(schema, 'post').columns.map((c) => c.name)).toEqual(['id']);
    expect(table(schema, 'roles_users').source).toMatchObject({ file: 'app.py', line: 8 });
    // no user or role table here: SQLAlchemy would raise on roles_users' keys, said at the call that made it
    expect(schema.diagnostics.map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      ['app.py', 8, 'warning', expect.stringContaining('foreign key of roles_users to user.id (user_id): no such column')],
      ['app.py', 8, 'warning', expect.stringContaining('foreign key of roles_users to role.id (role_id): no such column')],
      ['app.py', 10, 'warning', expect.stringContaining('plugins.register(metadata=db.metadata) hands the metadata to plugins.register,')],
    ]);
  });

  it('keeps a given type it cannot know unknown, and reads a name it cannot know as the name', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\nclass Settings:\n    def __init__(self):\n        self.region_column = os.environ.get("REGION_COLUMN", "region_code")\n\nSETTINGS = Settings()\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Seat(Base):\n    __tablename__ = "seats"\n    __table_args__ = (sa.UniqueConstraint(os.environ.get("SCOPE", "code"), "label"),)\n    id: Mapped[int] = mapped_column(primary_key=True)\n    label: Mapped[str] = mapped_column(sa.String(int(os.environ.get("LABEL_LEN", "8"))))\n    code: Mapped[str] = mapped_column("barcode" if os.environ.get("LEGACY") else "code", sa.String(32))\n    region: Mapped[str] = mapped_column(SETTINGS.region_column, sa.String(8))\n`,
    });
    const seats = table(schema, 'seats');
    // the Mapped[str] annotation does not stand in for a type given explicitly
    expect(seats.columns.find((c) => c.name === 'label')!.type).toBe('NULLTYPE');
    expect(seats.columns.find((c) => c.key === 'code')!.type).toBe('VARCHAR(32)');
    expect(seats.columns.find((c) => c.key === 'region')!.type).toBe('VARCHAR(8)');
    // a unique constraint over a column not known statically is left out, not made with the rest
    expect(seats.unique_constraints).toEqual([]);
    expect(seats.unresolved.map((u) => [u.symbol, u.line])).toEqual([['label', 18], ['code', 19], ['region', 20], [undefined, 16]]);
    expect(seats.unresolved[0]!.reason).toContain('os.environ');
    expect(seats.unresolved[1]!.reason).toContain('column name not known statically');
    expect(seats.unresolved[2]!.reason).toContain('column name not known statically (runtime configuration (os.environ.get))');
    expect(seats.unresolved[3]!.reason).toContain('a column of this constraint or index is not known statically');
  });

  it('names a column argument it reads as neither a type nor a constraint, instead of dropping it', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nimport vendor_audit\nfrom vendor_audit.sqlalchemy import Tracked\n\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Entry(Base):\n    __tablename__ = "entries"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    note: Mapped[str] = mapped_column(sa.String(20), Tracked())\n    amount: Mapped[int] = mapped_column(vendor_audit.settings.amount_type)\n`,
    });
    const entries = table(schema, 'entries');
    expect(entries.columns.map((c) => [c.name, c.type])).toEqual([['id', 'INTEGER'], ['note', 'VARCHAR(20)'], ['amount', 'INTEGER']]);
    expect(entries.unresolved.map((u) => [u.symbol, u.line])).toEqual([['note', 13], ['amount', 14]]);
    expect(entries.unresolved[0]!.reason).toBe('column argument vendor_audit.sqlalchemy.Tracked() is not understood statically (neither a type nor a constraint known here): the column may be wrong');
    expect(entries.unresolved[1]!.reason).toContain('column argument settings.amount_type is not understood statically');
  });

  it('names a table argument it reads as neither a column nor a constraint, but not an ExcludeConstraint', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nimport vendor_audit\nfrom sqlalchemy.dialects.postgresql import ExcludeConstraint, TSTZRANGE\n\nmetadata = sa.MetaData()\nslots = sa.Table(\n    "slots", metadata,\n    sa.Column("id", sa.Integer, primary_key=True),\n    sa.Column("during", TSTZRANGE),\n    vendor_audit.tracked_column("slots"),\n    ExcludeConstraint(("during", "&&")),\n    None,\n)\n`,
    });
    const slots = table(schema, 'slots');
    expect(slots.columns.map((c) => c.name)).toEqual(['id', 'during']);
    expect(slots.unresolved).toEqual([
      { file: 'm.py', line: 6, reason: "table argument vendor_audit.tracked_column('slots') is not understood statically (neither a column nor a constraint known here): a column or constraint may be missing" },
    ]);
  });

  it('leaves out a unique constraint over something that is not a column of the table, and says so', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nimport vendor_audit\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Seat(Base):\n    __tablename__ = "seats"\n    __table_args__ = (sa.UniqueConstraint("label", vendor_audit.scope_column), sa.UniqueConstraint("label", "row"))\n    id: Mapped[int] = mapped_column(primary_key=True)\n    label: Mapped[str] = mapped_column(sa.String(8))\n    row: Mapped[int]\n`,
    });
    const seats = table(schema, 'seats');
    expect(seats.unique_constraints).toEqual([{ name: null, columns: ['label', 'row'] }]);
    expect(seats.unresolved.map((u) => u.reason)).toEqual([
      'a column of this constraint or index is not known statically (vendor_audit.scope_column is not a column of the table); it is left out',
    ]);
  });

  it('says so when a primary key constraint names what is not a column of the table', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nimport vendor_audit\n\nmetadata = sa.MetaData()\nseats = sa.Table(\n    "seats", metadata,\n    sa.Column("id", sa.Integer),\n    sa.Column("venue", sa.Integer),\n    sa.PrimaryKeyConstraint("id", vendor_audit.venue_column),\n)\n`,
    });
    const seats = table(schema, 'seats');
    expect(seats.primary_key).toEqual(['id']);
    expect(seats.unresolved.map((u) => [u.line, u.reason])).toEqual([
      [5, 'a column of this constraint or index is not known statically (vendor_audit.venue_column is not a column of the table); it is left out'],
    ]);
  });

  it('names a __table_args__ that is neither a tuple nor a dict, and takes None as none', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nimport vendor_audit\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Seat(Base):\n    __tablename__ = "seats"\n    __table_args__ = vendor_audit.table_args("seats")\n    id: Mapped[int] = mapped_column(primary_key=True)\n\nclass Row(Base):\n    __tablename__ = "rows"\n    __table_args__ = None\n    id: Mapped[int] = mapped_column(primary_key=True)\n`,
    });
    expect(table(schema, 'seats').unresolved.map((u) => [u.symbol, u.reason])).toEqual([
      ['__table_args__', "__table_args__ vendor_audit.table_args('seats') is not understood statically (neither a tuple nor a dict known here): constraints, indexes or the schema it gives may be missing"],
    ]);
    expect(table(schema, 'rows').unresolved).toEqual([]);
  });

  it('says so when a mapped class has no primary key, which SQLAlchemy would not map, unless its mapper is given one', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nimport vendor_keys\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Seat(Base):\n    __tablename__ = "seats"\n    id = vendor_keys.surrogate_key()\n    label: Mapped[str] = mapped_column(sa.String(8))\n\nclass Row(Base):\n    __tablename__ = "rows"\n    __mapper_args__ = {"primary_key": ["label"]}\n    label: Mapped[str] = mapped_column(sa.String(8))\n`,
    });
    expect(table(schema, 'seats').unresolved).toEqual([
      { file: 'm.py', line: 8, symbol: 'Seat', reason: 'mapped class Seat has no primary key known statically (SQLAlchemy maps none without one): a key column or constraint is missing' },
    ]);
    expect(table(schema, 'rows').unresolved).toEqual([]);
  });

  it('takes a joined-inheritance subclass whose own table has no key as SQLAlchemy does: mapped under the key it inherits', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, declared_attr\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Named:\n    @declared_attr.directive\n    def __tablename__(cls) -> str:\n        return cls.__name__.lower()\n\nclass Seat(Named, Base):\n    id: Mapped[int] = mapped_column(primary_key=True)\n    kind: Mapped[str]\n    __mapper_args__ = {"polymorphic_on": "kind"}\n\nclass Box(Seat):\n    __mapper_args__ = {"polymorphic_identity": "box"}\n    seat_id: Mapped[int | None] = mapped_column(sa.ForeignKey("seat.id"))\n`,
    });
    const box = table(schema, 'box');
    expect(box.columns.map((c) => [c.name, c.nullable, c.primary_key])).toEqual([['seat_id', true, false]]);
    expect(box.unresolved).toEqual([]);
  });

  it('names a Mapped[] attribute set to something from a library it cannot read, instead of dropping it', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nimport vendor_columns\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Seat(Base):\n    __tablename__ = "seats"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    code: Mapped[str] = vendor_columns.code_column(8)\n    logger = vendor_columns.get_logger("seats")\n`,
    });
    const seats = table(schema, 'seats');
    expect(seats.columns.map((c) => c.name)).toEqual(['id']);
    expect(seats.unresolved).toEqual([
      { file: 'm.py', line: 11, symbol: 'code', reason: 'a Mapped[] attribute is set to vendor_columns.code_column(8), from a library schemaguard cannot read: a column it may map is missing' },
    ]);
  });

  it("reports a TypeDecorator whose constructor stops half-way instead of taking its class's impl", async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\nfrom sqlalchemy.types import TypeDecorator\n\nclass Code(TypeDecorator):\n    impl = sa.String(255)\n    cache_ok = True\n\n    def __init__(self):\n        super().__init__()\n        if os.environ.get("NARROW_CODES"):\n            self.impl = sa.String(8)\n\nmetadata = sa.MetaData()\ncodes = sa.Table("codes", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("code", Code()))\n`,
    });
    const codes = table(schema, 'codes');
    expect(codes.columns.map((c) => [c.name, c.type])).toEqual([['id', 'INTEGER'], ['code', 'NULLTYPE']]);
    expect(codes.unresolved.map((u) => [u.symbol, u.reason])).toEqual([['code', expect.stringMatching(/^TypeDecorator Code: .*os\.environ/)]]);
  });

  it('reports a mapped_column() with no type or only NullType and no annotation, which SQLAlchemy refuses', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\nfrom sqlalchemy.sql.sqltypes import NullType\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Seat(Base):\n    __tablename__ = "seats"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    geom = mapped_column(NullType)\n    note = mapped_column()\n`,
    });
    const seats = table(schema, 'seats');
    expect(seats.columns.map((c) => c.name)).toEqual(['id']);
    expect(seats.unresolved.map((u) => [u.symbol, u.reason])).toEqual([
      ['geom', 'mapped_column() without a type or a Mapped[] annotation'],
      ['note', 'mapped_column() without a type or a Mapped[] annotation'],
    ]);
  });

  it('warns of table copies a comprehension makes under a filter it cannot decide', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\n\nmd = sa.MetaData()\narchive_md = sa.MetaData()\nlive = {n: sa.Table(n, md, sa.Column("id", sa.Integer, primary_key=True)) for n in ["a", "b"]}\ncopies = {n: t.to_metadata(archive_md, schema="archive") for n, t in live.items() if os.environ.get(n.upper())}\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['a', 'b']);
    expect(schema.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [7, expect.stringMatching(/^tables built in a comprehension not known statically \(.*\) are missing$/)],
    ]);
  });

  it("reports Enum() of a class whose metaclass's __prepare__ makes its namespace (aenum's AutoEnum: bare names are members)", async () => {
    const schema = await extract({
      'auto.py': `import enum\n\nclass _AutoDict(enum._EnumDict):\n    def __missing__(self, key):\n        self[key] = enum.auto()\n\nclass _AutoMeta(enum.EnumMeta):\n    @classmethod\n    def __prepare__(metacls, cls, bases, **kwds):\n        ns = super().__prepare__(cls, bases, **kwds)\n        ns.__class__ = _AutoDict\n        return ns\n\nclass AutoEnum(enum.Enum, metaclass=_AutoMeta):\n    pass\n`,
      'm.py': `${HEAD}from auto import AutoEnum\n\nclass Kind(AutoEnum):\n    SMALL  # noqa\n    LARGE  # noqa\n\nclass Item(Base):\n    __tablename__ = "items"\n    id = sa.Column(sa.Integer, primary_key=True)\n    kind = sa.Column(sa.Enum(Kind))\n`,
    });
    const items = table(schema, 'items');
    // the column is there, its type not known (it had been an ENUM with no values)
    expect(items.columns.map((c) => [c.name, c.type, c.enum])).toEqual([['id', 'INTEGER', null], ['kind', 'NULLTYPE', null]]);
    expect(items.unresolved.map((u) => [u.symbol, u.reason])).toEqual([['kind', expect.stringMatching(/^Enum\(\) of class Kind, whose body fills the namespace metaclass _AutoMeta\.__prepare__ makes/)]]);
  });

  it('leaves out a Core column whose name is not known statically, and says so', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\n\nmetadata = sa.MetaData()\nzones = sa.Table(\n    "zones", metadata,\n    sa.Column("id", sa.Integer, primary_key=True),\n    sa.Column(os.environ.get("TENANT_COLUMN", "tenant_id"), sa.String(36), index=True),\n)\n`,
    });
    const zones = table(schema, 'zones');
    expect(zones.columns.map((c) => c.name)).toEqual(['id']);
    expect(zones.indexes).toEqual([]);
    expect(zones.unresolved).toEqual([expect.objectContaining({ file: 'm.py', line: 8 })]);
    expect(zones.unresolved[0]!.reason).toContain('column name not known statically');
  });

  it('does not pick a branch on an upper-case flag of an outside settings module', async () => {
    const schema = await extract({
      'm.py': `${HEAD}from django.conf import settings\n\ndef body_type():\n    if settings.USE_JSONB:\n        return sa.JSON\n    return sa.Text\n\nclass Note(Base):\n    __tablename__ = "notes"\n    id = sa.Column(sa.Integer, primary_key=True)\n    body = sa.Column(body_type())\n`,
    });
    const notes = table(schema, 'notes');
    expect(notes.columns.find((c) => c.name === 'body')!.type).toBe('NULLTYPE');
    expect(notes.unresolved[0]!.reason).toContain('condition not decidable statically');
  });

  it('names the columns of an undecidable class-body if, and the tables of an undecidable module-level if', async () => {
    const schema = await extract({
      'm.py': `${HEAD}from django.conf import settings\n\nclass Doc(Base):\n    __tablename__ = "docs"\n    id = sa.Column(sa.Integer, primary_key=True)\n    if settings.USE_PG:\n        data = sa.Column(sa.JSON)\n    else:\n        data = sa.Column(sa.Text)\n\nif settings.USE_PG:\n    class Note(Base):\n        __tablename__ = "notes"\n        id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(table(schema, 'docs').unresolved).toEqual([expect.objectContaining({ file: 'm.py', line: 9, symbol: 'data' })]);
    expect(table(schema, 'docs').unresolved[0]!.reason).toContain('settings.USE_PG is not known statically');
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 14, severity: 'warning' })]);
    expect(schema.diagnostics[0]!.message).toContain('both branches were read');
  });

  it('gives each name of an unpacked unknown value that value\'s reason', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\ndef sizes():\n    return int(os.environ["NAME"]), 10\n\ndef name_col():\n    name_len, code_len = sizes()\n    return sa.Column(sa.String(name_len))\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n    name = name_col()\n`,
    });
    const reasons = table(schema, 'tags').unresolved.map((u) => u.reason);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('os.environ');
  });

  it('does not take the first branch of a module-level if whose test depends on the environment', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os
from sqlalchemy.dialects.postgresql import JSONB

if os.environ.get("DATABASE_URL", "").startswith("postgres"):\n    JSONType = JSONB\nelse:\n    JSONType = sa.JSON\n\nclass Doc(Base):\n    __tablename__ = "docs"\n    id = sa.Column(sa.Integer, primary_key=True)\n    data = sa.Column(JSONType)\n`,
    });
    const docs = table(schema, 'docs');
    expect(docs.unresolved).toEqual([expect.objectContaining({ file: 'm.py', symbol: 'data' })]);
    expect(docs.unresolved[0]!.reason).toContain('both branches of an if at line 7');
  });

  it('takes no truth from a call to an outside function it does not run', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os.path\n\nclass Doc(Base):\n    __tablename__ = "docs"\n    id = sa.Column(sa.Integer, primary_key=True)\n    if os.path.exists("/etc/big"):\n        body = sa.Column(sa.Text)\n    else:\n        body = sa.Column(sa.String(200))\n`,
    });
    expect(table(schema, 'docs').unresolved).toEqual([expect.objectContaining({ line: 9, symbol: 'body' })]);
  });

  it('reports the columns of a loop over a runtime list on the class it sets them on', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\nclass Page(Base):\n    __tablename__ = "pages"\n    id = sa.Column(sa.Integer, primary_key=True)\n\nfor lang in os.environ.get("LANGS", "en").split(","):\n    setattr(Page, f"title_{lang}", sa.Column(sa.Text))\n`,
    });
    const pages = table(schema, 'pages');
    expect(pages.columns.map((c) => c.name)).toEqual(['id']);
    expect(pages.unresolved).toEqual([expect.objectContaining({ file: 'm.py', line: 10 })]);
    expect(pages.unresolved[0]!.reason).toContain('columns set on Page in a loop over a value not known statically');
  });

  it('reports such a loop on every class of the dict its body picks the class from', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import json\n\nclass Partner(Base):\n    __tablename__ = "partner"\n    id = sa.Column(sa.Integer, primary_key=True)\n\nclass Product(Base):\n    __tablename__ = "product"\n    id = sa.Column(sa.Integer, primary_key=True)\n\nMODELS = {"partner": Partner, "product": Product}\n\nfor model_name, fields in json.load(open("custom_fields.json")).items():\n    model = MODELS[model_name]\n    for spec in fields:\n        setattr(model, spec["name"], sa.Column(sa.Text))\n`,
    });
    for (const name of ['partner', 'product']) {
      expect(table(schema, name).unresolved).toEqual([expect.objectContaining({ file: 'm.py', line: 16 })]);
    }
    expect(schema.diagnostics).toEqual([]);
  });

  it('warns of a class with columns over a base it cannot know, and of a Table() on an object it cannot know', async () => {
    const schema = await extract({
      'm.py': `from plugins import load\nimport sqlalchemy as sa\n\ndb = load("app_db").db\n\nclass Company(db.Model):\n    id = sa.Column(sa.Integer, primary_key=True)\n\nclass Settings(db.Model):\n    pass\n\ntag = db.Table("tag", sa.Column("id", sa.Integer, primary_key=True))\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics.map((d) => [d.line, d.severity])).toEqual([[6, 'warning'], [12, 'warning']]);
    expect(schema.diagnostics[0]!.message).toContain('class Company declares columns over a base not known statically');
    expect(schema.diagnostics[1]!.message).toContain('a Table(...) whose callee is not known statically');
  });

  it('reports a class whose metaclass __new__ passes other bases on (a base with a MetaData of its own), not one that keeps them', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeMeta, declarative_base\n\nclass Meta(DeclarativeMeta):\n    def __new__(cls, name, parents, dct):\n        try:\n            schema, table = dct["__tablename__"].split(".")\n            dct["__tablename__"] = table\n            parents = (declarative_base(metadata=sa.MetaData(schema=schema)),) + parents\n        except (KeyError, ValueError):\n            pass\n        return super(Meta, cls).__new__(cls, name, parents, dct)\n\nBase = declarative_base(metaclass=Meta)\n\nclass Site(Base):\n    __tablename__ = "site"\n    sta = sa.Column(sa.String(6), primary_key=True)\n\nclass Lastid(Base):\n    __tablename__ = "kb.lastid"\n    keyname = sa.Column(sa.String(15), primary_key=True)\n`,
    });
    expect(table(schema, 'site').unresolved).toEqual([]);
    expect(table(schema, 'lastid').unresolved).toEqual([expect.objectContaining({ line: 20, symbol: 'Lastid', reason: expect.stringContaining('makes the class with other bases than its class statement names') })]);
  });

  it('reports a column whose type a foreign key copies from a column whose own type is a guess', async () => {
    const schema = await extract({
      'm.py': `import uuid\nfrom vendor.types import GUID\nfrom sqlalchemy import ForeignKey, String\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Parent(Base):\n    __tablename__ = "parent"\n    id: Mapped[uuid.UUID] = mapped_column(GUID, primary_key=True)\n    code: Mapped[str] = mapped_column(String(8), unique=True)\n\nclass Child(Base):\n    __tablename__ = "child"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    parent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("parent.id"))\n    parent_code = mapped_column(ForeignKey("parent.code"))\n`,
    });
    expect(table(schema, 'child').unresolved).toEqual([
      { file: 'm.py', line: 17, symbol: 'parent_id', reason: 'type taken from parent.id, whose own type is not known statically: the column may be wrong' },
    ]);
  });

  it('reports a server default whose @compiles functions cover other dialects only, not one with a default or a GenericFunction', async () => {
    const files = {
      'm.py': `import sqlalchemy as sa\nfrom sqlalchemy.ext.compiler import compiles\nfrom sqlalchemy.sql.expression import FunctionElement\nfrom sqlalchemy.sql.functions import GenericFunction\nfrom sqlalchemy.orm import declarative_base\n\nBase = declarative_base()\n\nclass UTCnow(FunctionElement):\n    type = sa.DateTime()\n    inherit_cache = True\n\n@compiles(UTCnow, "postgresql")\ndef pg_utcnow(element, compiler, **kw):\n    return "TIMEZONE('utc', CURRENT_TIMESTAMP)"\n\nclass Everywhere(FunctionElement):\n    type = sa.DateTime()\n    inherit_cache = True\n\n@compiles(Everywhere)\ndef anywhere(element, compiler, **kw):\n    return "CURRENT_TIMESTAMP"\n\nclass stamp(GenericFunction):\n    type = sa.DateTime()\n    inherit_cache = True\n\n@compiles(stamp, "postgresql")\ndef pg_stamp(element, compiler, **kw):\n    return "now()"\n\nclass Ticket(Base):\n    __tablename__ = "tickets"\n    id = sa.Column(sa.Integer, primary_key=True)\n    created = sa.Column(sa.DateTime, server_default=UTCnow())\n    seen = sa.Column(sa.DateTime, server_default=Everywhere())\n    stamped = sa.Column(sa.DateTime, server_default=stamp())\n`,
    };
    expect(table(await extract(files, 'postgresql'), 'tickets').unresolved).toEqual([]);
    expect(table(await extract(files, 'sqlite'), 'tickets').unresolved).toEqual([
      { file: 'm.py', line: 36, symbol: 'created', reason: 'server default has no @compiles function for sqlite (only postgresql): SQLAlchemy cannot write its DDL here' },
    ]);
  });

  it('warns of a Table(...) passed to a helper it cannot run, not of the column helper inside it', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\n\nmd = sa.MetaData()\n\ndef standard_columns():\n    return [sa.Column("doc", sa.JSON)]\n\ndef register(table):\n    if os.environ["STRICT"]:\n        raise ValueError(table.name)\n    return table\n\ntrades = register(sa.Table("trades", md, sa.Column("id", sa.Integer, primary_key=True), *standard_columns()))\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics.map((d) => [d.line, d.severity])).toEqual([[14, 'warning']]);
    expect(schema.diagnostics[0]!.message).toMatch(/^a Table\(\.\.\.\) inside an expression not known statically is missing: /);
  });

  it('warns of a plain class that a project decorator maps under a table name chosen at run time', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import registry\n\nreg = registry()\n\ndef legacy_model(name):\n    def decorate(cls):\n        cls.__tablename__ = os.environ["PREFIX"] + name\n        return reg.mapped(cls)\n    return decorate\n\n@legacy_model("media")\nclass Media:\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 14, severity: 'warning' })]);
    expect(schema.diagnostics[0]!.message).toBe('__tablename__ not known statically: runtime configuration (os.environ)');
  });

  it('warns of a plain class that a project decorator maps through a registry it cannot know', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import registry\n\nREGISTRIES = {"main": registry()}\n\ndef model(cls):\n    cls.__tablename__ = cls.__name__.lower()\n    return REGISTRIES[os.environ["DB"]].mapped(cls)\n\n@model\nclass Media:\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 11, severity: 'warning' })]);
    expect(schema.diagnostics[0]!.message).toContain('class Media is mapped by its decorator @model, which is not followed statically (');
  });

  it('reports a type whose constructor calls an outside base explicitly past an in-repo one, which super() would reach first', async () => {
    const schema = await extract({
      'm.py': `${HEAD}\nclass Trimmed(sa.String):\n    def __init__(self, length):\n        super().__init__(length - 1)\n\nclass Code(Trimmed):\n    def __init__(self):\n        sa.String.__init__(self, 12)\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n    code = sa.Column(Code())\n`,
    });
    const tags = table(schema, 'tags');
    expect(tags.columns.find((c) => c.name === 'code')?.type).toBe('NULLTYPE');
    expect(tags.unresolved).toEqual([expect.objectContaining({ file: 'm.py', symbol: 'code' })]);
    expect(tags.unresolved[0]!.reason).toContain('Code.__init__ does not call super().__init__ statically');
  });

  it('reports class attributes written through locals() that it cannot name: a loop over a runtime value, a key not known, an undecidable branch in a loop', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\nclass Reading(Base):\n    __tablename__ = "readings"\n    id = sa.Column(sa.Integer, primary_key=True)\n    for name in os.environ["CHANNELS"].split(","):\n        locals()[name] = sa.Column(sa.Float)\n    locals()[os.environ["EXTRA"]] = sa.Column(sa.Text)\n    for n in range(2):\n        if os.environ.get("WIDE"):\n            locals()["w%d" % n] = sa.Column(sa.Float)\n`,
    });
    const readings = table(schema, 'readings');
    expect(readings.columns.map((c) => c.name)).toEqual(['id', 'w0', 'w1']);
    expect(readings.unresolved.map((u) => [u.line, u.reason])).toEqual([
      [9, 'columns set on Reading in a loop over a value not known statically (runtime configuration (os.environ)) are missing'],
      [11, 'a class attribute set through locals() or vars() under a name not known statically (runtime configuration (os.environ)) is missing'],
      [13, expect.stringContaining('defined under an if whose condition is not decidable statically')],
    ]);
  });

  it('reports a column or constraint added under a module-level if it cannot decide, on the table it changes', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\nclass Device(Base):\n    __tablename__ = "devices"\n    id = sa.Column(sa.Integer, primary_key=True)\n    serial = sa.Column(sa.String(20))\n\nif os.environ.get("STORE_RAW"):\n    Device.__table__.append_column(sa.Column("last_payload", sa.Text))\nelse:\n    Device.__table__.append_constraint(sa.UniqueConstraint("serial", name="uq_serial"))\n`,
    });
    const devices = table(schema, 'devices');
    expect(devices.columns.map((c) => c.name)).toEqual(['id', 'serial', 'last_payload']);
    expect(devices.unresolved.map((u) => [u.line, u.symbol, u.reason])).toEqual([
      [11, 'last_payload', 'added under a module-level if whose condition is not decidable statically (runtime configuration (os.environ.get)); it may not exist'],
      [11, undefined, 'added under a module-level if whose condition is not decidable statically (runtime configuration (os.environ.get)); it may not exist'],
    ]);
  });

  it('warns of a module name bound through globals() under a key it cannot know', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\nglobals()[os.environ["TABLE_NAME"]] = sa.Table("events", Base.metadata, sa.Column("id", sa.Integer, primary_key=True))\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['events']);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 6, severity: 'warning' })]);
    expect(schema.diagnostics[0]!.message).toBe('a module name bound through globals() under a name not known statically (runtime configuration (os.environ)) cannot be read');
  });

  it('reports a class decorator under @reg.mapped that it cannot run, on the class it maps', async () => {
    const schema = await extract({
      'm.py': `import os\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import registry\n\nreg = registry()\n\ndef extra(cls):\n    if os.environ.get("WITH_NOTE"):\n        cls.note = sa.Column(sa.String(20))\n    return cls\n\n@reg.mapped\n@extra\nclass Item:\n    __tablename__ = "items"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    const items = table(schema, 'items');
    expect(items.columns.map((c) => c.name)).toEqual(['id']);
    expect(items.unresolved).toEqual([expect.objectContaining({ file: 'm.py', line: 14, symbol: 'Item' })]);
    expect(items.unresolved[0]!.reason).toContain('a class decorator under @mapped could not be run statically');
  });

  it('names a table schema it cannot know, in the table and in a copy that keeps it, and a copy into a MetaData it cannot know', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\nclass Contract(Base):\n    __tablename__ = "contracts"\n    __table_args__ = {"schema": os.environ.get("CONTRACTS_SCHEMA", "procurement")}\n    id = sa.Column(sa.Integer, primary_key=True)\n\narchive = Contract.__table__.to_metadata(sa.MetaData(), schema="archive")\nkept = Contract.__table__.to_metadata(sa.MetaData(), name="contracts_kept")\nelsewhere = Contract.__table__.to_metadata(os.environ["META"])\n`,
    });
    const unknownSchema = [expect.objectContaining({ file: 'm.py', symbol: 'schema', reason: expect.stringContaining('schema of the table not known statically') })];
    expect(table(schema, 'contracts').unresolved).toEqual(unknownSchema);
    expect(table(schema, 'contracts_kept').unresolved).toEqual(unknownSchema);
    const archived = schema.tables.find((t) => t.schema === 'archive' && t.name === 'contracts');
    expect(archived?.unresolved).toEqual([]);
    expect(archived?.source).toEqual({ file: 'm.py', line: 11, symbol: 'archive' });
    expect(schema.diagnostics).toEqual([
      expect.objectContaining({ file: 'm.py', line: 13, severity: 'warning', message: 'a table copied with to_metadata() is not extracted: the MetaData it is copied to is not known statically' }),
    ]);
  });

  it('names the foreign keys of a copy whose referred_schema_fn reads each constraint', async () => {
    const schema = await extract({
      'm.py': `${HEAD}\nclass Org(Base):\n    __tablename__ = "orgs"\n    id = sa.Column(sa.Integer, primary_key=True)\n\nclass Team(Base):\n    __tablename__ = "teams"\n    id = sa.Column(sa.Integer, primary_key=True)\n    org_id = sa.Column(sa.ForeignKey("orgs.id"))\n\nkeep = lambda table, to_schema, constraint, referred: referred if referred == "shared" else to_schema\ncopy = Team.__table__.to_metadata(sa.MetaData(), schema="tenant", referred_schema_fn=keep)\n`,
    });
    const copy = schema.tables.find((t) => t.schema === 'tenant' && t.name === 'teams');
    expect(copy?.unresolved).toEqual([expect.objectContaining({ file: 'm.py', line: 15, reason: expect.stringContaining('referred_schema_fn decides, not known statically') })]);
  });

  it('names an index whose name it cannot know instead of naming it by the convention', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n    label = sa.Column(sa.String(20))\n    __table_args__ = (\n        sa.Index(os.environ["TAG_INDEX"], "label"),\n        sa.UniqueConstraint("label", name=os.environ["TAG_UQ"]),\n    )\n`,
    });
    const reasons = table(schema, 'tags').unresolved.map((u) => u.reason);
    expect(reasons).toHaveLength(2);
    for (const reason of reasons) expect(reason).toContain('constraint or index name not known statically');
  });

  it('warns of a naming convention it cannot know, once for its MetaData', async () => {
    const schema = await extract({
      'm.py': `import json\nimport sqlalchemy as sa\n\nmeta = sa.MetaData(naming_convention=json.load(open("naming.json")))\n\na = sa.Table("a", meta, sa.Column("id", sa.Integer, primary_key=True))\nb = sa.Table("b", meta, sa.Column("id", sa.Integer, primary_key=True))\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['a', 'b']);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 4, severity: 'warning' })]);
    expect(schema.diagnostics[0]!.message).toContain('a naming_convention not known statically');
  });

  it('warns of the tables a helper builds when it cannot be run, and of a loop that builds tables', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\ndef fields_table(entity):\n    cols = [sa.Column("id", sa.Integer, primary_key=True)]\n    for i in range(int(os.environ["SLOTS"])):\n        cols.append(sa.Column(f"text_{i}", sa.Text))\n    return sa.Table(f"{entity}_fields", Base.metadata, *cols)\n\nparty_fields = fields_table("party")\n\nfor name in os.environ["AUDITED"].split(","):\n    sa.Table(f"{name}_audit", Base.metadata, sa.Column("id", sa.Integer, primary_key=True))\n\nfor handler in os.environ["HANDLERS"].split(","):\n    print(handler)\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics.map((d) => [d.line, d.severity])).toEqual([[12, 'warning'], [14, 'warning']]);
    expect(schema.diagnostics[0]!.message).toContain('tables built by fields_table() are missing');
    expect(schema.diagnostics[1]!.message).toContain('a loop over a value not known statically');
  });

  it('marks a column whose keywords come through ** of a value it cannot know, never dropping them silently', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\nimport json\n\nOPTIONS = json.loads(os.environ["COLUMN_OPTIONS"])\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n    label = sa.Column(sa.String(20), **OPTIONS)\n`,
    });
    const tags = table(schema, 'tags');
    expect(tags.unresolved).toEqual([expect.objectContaining({ file: 'm.py', line: 12, symbol: 'label', reason: expect.stringContaining('keywords passed with ** are not known statically') })]);
  });

  it('marks a column or table CHECK whose text is an f-string over a value it cannot know (its source text is kept)', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\nclass Role(Base):\n    __tablename__ = "roles"\n    id = sa.Column(sa.Integer, primary_key=True)\n    bits = sa.Column(sa.Integer, sa.CheckConstraint(f"bits <= {int(os.environ['MAX_BITS'])}"))\n    __table_args__ = (sa.CheckConstraint(f"id < {int(os.environ['MAX_ID'])}", name="ck_roles_id"),)\n`,
    });
    const reasons = table(schema, 'roles').unresolved.map((u) => [u.line, u.reason]);
    expect(reasons).toEqual([
      [9, expect.stringContaining('CHECK constraint text not known statically')],
      [10, expect.stringContaining('CHECK constraint text not known statically')],
    ]);
    expect(table(schema, 'roles').check_constraints.map((c) => c.sqltext)).toEqual([expect.stringMatching(/^bits <= \{int\(.*MAX_BITS/), expect.stringMatching(/^id < \{int\(.*MAX_ID/)]);
  });

  it('warns of a __mapper_cls__ mapper function (the versioned-history recipe), and names it on each table mapped through it', async () => {
    const schema = await extract({
      'm.py': `${HEAD}from sqlalchemy.orm import Mapper, declared_attr\n\nclass Versioned:\n    @declared_attr\n    def __mapper_cls__(cls):\n        def map(cls, *arg, **kw):\n            mp = Mapper(cls, *arg, **kw)\n            make_history(mp)\n            return mp\n        return map\n\nclass Tag(Base, Versioned):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['tags']);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 6, message: expect.stringContaining('Versioned.__mapper_cls__') })]);
    expect(table(schema, 'tags').unresolved).toEqual([
      { file: 'm.py', line: 15, symbol: 'Tag', reason: 'Tag is mapped through Versioned.__mapper_cls__, a mapper function of its own: columns it adds to this table (a version column) and tables it builds from it (a history table) are not followed' },
    ]);
  });

  it('marks a SQLModel field whose keywords come through ** of a value it cannot know', async () => {
    const schema = await extract({
      'm.py': `import os, json\nfrom decimal import Decimal\nfrom sqlmodel import Field, SQLModel\n\nPRICE = json.loads(os.environ["PRICE"])\n\nclass Product(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n    price: Decimal = Field(**PRICE)\n`,
    });
    expect(table(schema, 'product').unresolved).toEqual([expect.objectContaining({ line: 9, symbol: 'price', reason: expect.stringContaining('keywords passed with ** are not known statically') })]);
  });

  it('warns of the tables a helper would build per item of a comprehension over a value it cannot know', async () => {
    const schema = await extract({
      'm.py': `import os\nfrom sqlmodel import Field, SQLModel\n\nLOCALES = os.environ["LOCALES"].split(",")\n\nclass IdModel(SQLModel):\n    id: int = Field(primary_key=True)\n\ndef translation(locale):\n    return type(f"Text{locale}", (IdModel,), {"__tablename__": f"text_{locale}", "__annotations__": {"body": str}}, table=True)\n\nMODELS = {loc: translation(loc) for loc in LOCALES}\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 12, message: expect.stringContaining('tables built by translation() are missing') })]);
  });

  it('warns of the tables made inside a with block whose in-repo context manager is not followed', async () => {
    const schema = await extract({
      'm.py': `import contextlib, os\nimport sqlalchemy as sa\n\nmetadata = sa.MetaData()\n_stack = [None]\n\n@contextlib.contextmanager\ndef schema_scope(name):\n    if os.environ.get("FLAT"):\n        yield None\n    else:\n        _stack.append(name)\n        yield name\n        _stack.pop()\n\nwith schema_scope("raw"):\n    feed = sa.Table("feed", metadata, sa.Column("id", sa.Integer, primary_key=True), schema=_stack[-1])\n\nwith open(__file__) as f:\n    plain = sa.Table("plain", metadata, sa.Column("id", sa.Integer, primary_key=True))\n`,
    });
    expect(schema.tables.map((t) => t.name).sort()).toEqual(['feed', 'plain']);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'm.py', line: 16, severity: 'warning', message: expect.stringContaining('tables made inside `with schema_scope(...)`') })]);
  });

  it('warns of the tables an import-time constructor builds when its __init__ cannot be followed to its end', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nfrom app_settings import settings\n\nmetadata = sa.MetaData()\n\nclass Tables:\n    def __init__(self, prefix):\n        if settings.STRICT > 3:\n            raise RuntimeError("strict")\n        self.users = sa.Table(prefix + "users", metadata, sa.Column("id", sa.Integer, primary_key=True))\n\nclass Plain:\n    def __init__(self, name):\n        if settings.STRICT > 3:\n            raise RuntimeError("strict")\n        self.name = name\n\ntables = Tables("app_")\nplain = Plain("x")\n`,
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics.map((d) => [d.file, d.line, d.severity])).toEqual([['m.py', 18, 'warning']]);
    expect(schema.diagnostics[0]!.message).toContain('tables built by the constructor of Tables may be missing');
    expect(schema.diagnostics[0]!.message).toContain('not decidable statically');
  });
});

describe('namespaces the evaluator lists', () => {
  it('lists a module by dir(), and refuses one whose names a star import brings', async () => {
    const schema = await extract({
      'app/__init__.py': '',
      'app/limits.py': 'NOTE_LEN = 140\nlower_len = 3\n',
      'app/more.py': 'from .limits import *\nEXTRA = 1\n',
      'app/models.py': `import sqlalchemy as sa\nfrom app import limits, more\n\nmetadata = sa.MetaData()\nlisted = dict((k, getattr(limits, k)) for k in dir(limits) if k.isupper())\nstarred = dict((k, getattr(more, k)) for k in dir(more) if k.isupper())\nnotes = sa.Table("notes", metadata, sa.Column("id", sa.Integer, primary_key=True), sa.Column("body", sa.String(listed["NOTE_LEN"])), sa.Column("extra", sa.String(starred["EXTRA"])))\n`,
    });
    const notes = table(schema, 'notes');
    expect(notes.columns.map((c) => c.type)).toEqual(['INTEGER', 'VARCHAR(140)', 'NULLTYPE']);
    expect(notes.unresolved).toEqual([expect.objectContaining({ symbol: 'extra', reason: expect.stringContaining('dir() of module app.more, whose names are not all known statically') })]);
  });
});

describe('control flow the evaluator follows', () => {
  it('takes a keyword out of **kwargs with dict.pop() in a column helper', async () => {
    const schema = await extract({
      'm.py': `${HEAD}\ndef fk_column(entity, **kwargs):\n    ondelete = kwargs.pop("ondelete", None)\n    return sa.Column(f"{entity}_id", sa.Integer, sa.ForeignKey(f"{entity}.id", ondelete=ondelete), **kwargs)\n\nclass Shipment(Base):\n    __tablename__ = "shipment"\n    id = sa.Column(sa.Integer, primary_key=True)\n\nclass Parcel(Base):\n    __tablename__ = "parcel"\n    id = sa.Column(sa.Integer, primary_key=True)\n    shipment_id = fk_column("shipment", nullable=False, ondelete="CASCADE")\n`,
    });
    const parcel = table(schema, 'parcel');
    expect(parcel.foreign_keys.map((f) => f.ondelete)).toEqual(['CASCADE']);
    expect(parcel.columns.find((c) => c.name === 'shipment_id')?.nullable).toBe(false);
    expect(parcel.unresolved).toEqual([]);
  });

  it('reports a column whose helper matches a class pattern it cannot decide, and runs the patterns it can', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import os\n\nclass Length:\n    def __init__(self, n):\n        self.n = n\n\ndef sized(spec):\n    match spec:\n        case {"length": n}:\n            return sa.String(n)\n        case str():\n            return sa.Text()\n        case Length(n=n):\n            return sa.String(n)\n\ndef by_env():\n    match os.environ["KIND"]:\n        case "big":\n            return sa.BigInteger()\n        case _:\n            return sa.Integer()\n\nclass Note(Base):\n    __tablename__ = "notes"\n    id = sa.Column(sa.Integer, primary_key=True)\n    body = sa.Column(sized("x"))\n    code = sa.Column(sized({"length": 9}))\n    title = sa.Column(sized(Length(9)))\n    n = sa.Column(by_env())\n`,
    });
    const notes = table(schema, 'notes');
    expect(notes.columns.find((c) => c.name === 'body')?.type).toBe('TEXT');
    expect(notes.columns.find((c) => c.name === 'code')?.type).toBe('VARCHAR(9)');
    const reasons = new Map(notes.unresolved.map((u) => [u.symbol, u.reason]));
    expect(reasons.get('title')).toContain('case pattern not decidable statically');
    expect(reasons.get('n')).toContain('runtime configuration (os.environ)');
  });

  it('runs continue, break and for-else inside helpers', async () => {
    const schema = await extract({
      'm.py': `${HEAD}\ndef first_long(names, minimum):\n    picked = []\n    for n in names:\n        if len(n) < minimum:\n            continue\n        picked.append(n)\n        if len(picked) == 2:\n            break\n    else:\n        picked.append("fallback")\n    return "_".join(picked)\n\nclass Tag(Base):\n    __tablename__ = first_long(("a", "tags", "bb", "labels", "x"), 3)\n    id = sa.Column(sa.Integer, primary_key=True)\n\nclass Note(Base):\n    __tablename__ = first_long(("a", "notes"), 3)\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['notes_fallback', 'tags_labels']);
  });
});

describe('roots and helpers followed only in part', () => {
  it('reports a class under a DeclarativeMeta root whose body holds no registry, instead of dropping its table', async () => {
    const schema = await extract({
      'm.py': 'import sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeMeta, registry\n\nreg = registry()\n\nclass Base(metaclass=DeclarativeMeta):\n    __abstract__ = True\n    _reg = reg\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n',
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toHaveLength(1);
    expect(schema.diagnostics[0]).toMatchObject({ file: 'm.py', line: 10, severity: 'warning' });
    expect(schema.diagnostics[0]!.message).toContain('Base is made by orm.DeclarativeMeta, which schemaguard follows only with a registry in its body');
  });

  it('reports a relationship whose secondary table a helper could not make, on the table that declares it', async () => {
    const schema = await extract({
      'm.py': `from thirdparty import KNOWN\nfrom sqlalchemy.orm import relationship, declared_attr\n${HEAD}\ndef secondary_for(cls):\n    if cls.__tablename__ not in KNOWN:\n        return sa.Table(cls.__tablename__ + "_tags", Base.metadata, sa.Column("tag_id", sa.ForeignKey("tags.id")))\n    return Base.metadata.tables[cls.__tablename__ + "_tags"]\n\nclass Tagged:\n    @declared_attr\n    def tags(cls):\n        return relationship("Tag", secondary=secondary_for(cls))\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n\nclass Post(Tagged, Base):\n    __tablename__ = "posts"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['posts', 'tags']);
    const posts = table(schema, 'posts');
    expect(posts.unresolved.map((u) => u.symbol)).toEqual(['tags']);
    expect(posts.unresolved[0]!.reason).toContain('the secondary table of this relationship is not known statically');
    expect(posts.unresolved[0]!.reason).toContain('helper function secondary_for() could not be evaluated');
  });

  it('says when a CHECK expression is not compiled to SQL and its source text stands in', async () => {
    const schema = await extract({
      'm.py': `${HEAD}\nclass Outcome(Base):\n    __tablename__ = "outcomes"\n    id = sa.Column(sa.Integer, primary_key=True)\n    result = sa.Column(sa.String(10))\n    brief_id = sa.Column(sa.Integer)\n    __table_args__ = (sa.CheckConstraint(sa.case((result == "awarded", brief_id.isnot(None)), else_=brief_id.is_(None)), name="ck_keys"),)\n`,
    });
    const outcomes = table(schema, 'outcomes');
    expect(outcomes.check_constraints.map((c) => c.name)).toEqual(['ck_keys']);
    expect(outcomes.unresolved).toHaveLength(1);
    expect(outcomes.unresolved[0]!.reason).toContain('CHECK constraint expression not compiled to SQL statically (case(');
  });

  it("reports a database object whose constructor builds tables through the module's other classes and could not be run", async () => {
    const schema = await extract({
      'db.py': 'import sqlalchemy as sa\n\nclass Rules:\n    def __init__(self, metadata):\n        self.table = sa.Table("rules", metadata, sa.Column("id", sa.Integer, primary_key=True))\n\nclass Database:\n    def __init__(self, uri=None):\n        if uri:\n            self.setup(uri)\n\n    def setup(self, uri):\n        self.metadata = sa.MetaData()\n        self.rules = Rules(self.metadata)\n',
      'app.py': 'import os\nfrom db import Database\n\ndb = Database(os.environ.get("DB_URI"))\n',
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toHaveLength(1);
    expect(schema.diagnostics[0]).toMatchObject({ file: 'app.py', line: 4, severity: 'warning' });
    expect(schema.diagnostics[0]!.message).toContain('tables built by the constructor of Database may be missing');
    expect(schema.diagnostics[0]!.message).toContain('runtime configuration (os.environ.get)');
  });

  it("reports a constructor run at import time that renames a mapped table (celery's configure()), which is not followed", async () => {
    const schema = await extract({
      'm.py': `${HEAD}\nclass Task(Base):\n    __tablename__ = "taskmeta"\n    id = sa.Column(sa.Integer, primary_key=True)\n\n    @classmethod\n    def configure(cls, name=None):\n        cls.__table__.name = name or cls.__tablename__\n\nclass Backend:\n    def __init__(self, names):\n        Task.configure(name=names.get("task"))\n\nbackend = Backend({"task": "myapp_taskmeta"})\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['taskmeta']);
    expect(schema.diagnostics).toHaveLength(1);
    expect(schema.diagnostics[0]).toMatchObject({ file: 'm.py', line: 17, severity: 'warning' });
    expect(schema.diagnostics[0]!.message).toContain('a change to table Task.__table__ (name =) is not followed statically');
  });

  it('does not copy an object with copy.deepcopy (its __deepcopy__ is not followed): the column type is reported', async () => {
    const schema = await extract({
      'm.py': `import copy\n${HEAD}\nclass Spec:\n    length = 20\n\ndef sized():\n    return sa.String(copy.deepcopy(Spec()).length)\n\nclass Tag(Base):\n    __tablename__ = "tags"\n    id = sa.Column(sa.Integer, primary_key=True)\n    name = sa.Column(sized())\n`,
    });
    const tags = table(schema, 'tags');
    expect(tags.columns.find((c) => c.name === 'name')?.type).toBe('NULLTYPE');
    expect(tags.unresolved.map((u) => u.symbol)).toEqual(['name']);
    expect(tags.unresolved[0]!.reason).toContain('deepcopy() of values not known statically');
  });

  it('reports a class mapped imperatively to a table a helper could not build, where the table would be', async () => {
    const schema = await extract({
      'm.py': 'import os\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import registry\n\nmetadata = sa.MetaData()\nreg = registry(metadata=metadata)\n\ndef build_all(md):\n    return {k: sa.Table(k, md, sa.Column("id", sa.Integer, primary_key=True)) for k in sorted(os.environ)}\n\nTABLES = build_all(metadata)\n\nclass Repo:\n    pass\n\nreg.map_imperatively(Repo, TABLES["repositories"])\n',
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics.map((d) => [d.line, d.severity])).toEqual([[11, 'warning'], [16, 'warning']]);
    expect(schema.diagnostics[0]!.message).toContain('tables built by build_all() are missing');
    expect(schema.diagnostics[1]!.message).toContain('class Repo is mapped imperatively to a table not known statically');
  });

  it('reports a class decorator that makes a model of a plain class and could not be run (its namespace written through locals())', async () => {
    const schema = await extract({
      'm.py': 'import sqlalchemy as sa\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\n\ndef proxy(cls):\n    attrs = {k: v for k, v in cls.__dict__.items() if isinstance(v, sa.Column) or k == "__tablename__"}\n    cls.model = type(cls.__name__, (Base,), attrs)\n    return cls\n\n@proxy\nclass Shift:\n    __tablename__ = "shift"\n    id = sa.Column(sa.Integer, primary_key=True)\n    locals().update({"night": sa.Column(sa.Integer)})\n',
    });
    expect(schema.tables).toEqual([]);
    expect(schema.diagnostics).toHaveLength(1);
    expect(schema.diagnostics[0]).toMatchObject({ file: 'm.py', line: 11, severity: 'warning' });
    expect(schema.diagnostics[0]!.message).toContain('class decorator proxy() could not be run statically');
    expect(schema.diagnostics[0]!.message).toContain('written through locals() or vars()');
  });

  it("reports Enum() of a class that is no enum.Enum when its __members__ comes from a metaclass's own code", async () => {
    const schema = await extract({
      'm.py': `${HEAD}\nclass FastEnum(type):\n    def __new__(mcs, name, bases, ns):\n        cls = super().__new__(mcs, name, bases, ns)\n        type.__setattr__(cls, "__members__", {k: v for k, v in ns.items() if isinstance(v, tuple)})\n        return cls\n\nclass Key(metaclass=FastEnum):\n    first = (1, True)\n    second = (1, True)\n\nclass Setting(Base):\n    __tablename__ = "settings"\n    key = sa.Column(sa.Enum(Key), primary_key=True)\n`,
    });
    const settings = table(schema, 'settings');
    expect(settings.columns.map((c) => c.type)).toEqual(['NULLTYPE']);
    expect(settings.unresolved.map((u) => u.symbol)).toEqual(['key']);
    expect(settings.unresolved[0]!.reason).toContain('__members__');
  });

  it("reports a column's name=, key= or comment= it cannot read (an outside setting, a docstring), which would read as not given", async () => {
    const schema = await extract({
      'm.py': `${HEAD}import inspect
from outside_lib import conf

class Status:
    \"\"\"Current state.\"\"\"

class Item(Base):
    __tablename__ = "items"
    id = sa.Column(sa.Integer, primary_key=True)
    code = sa.Column(sa.String(10), name=conf.CODE_COLUMN)
    label = sa.Column(sa.String(10), key=conf.LABEL_KEY, comment=None)
    status = sa.Column(sa.String(10), comment=inspect.getdoc(Status))
    note = sa.Column(sa.String(10), comment="plain " + "text")
`,
    });
    const items = table(schema, 'items');
    expect(items.columns.map((c) => [c.name, c.comment])).toEqual([['id', null], ['code', null], ['label', null], ['status', null], ['note', 'plain text']]);
    expect(items.unresolved.map((u) => [u.symbol, u.line])).toEqual([['code', 13], ['label', 14], ['status', 15]]);
    expect(items.unresolved.map((u) => u.reason.split(' not known')[0])).toEqual(['column name=', 'column key=', 'column comment=']);
    expect(items.unresolved[2]!.reason).toContain('inspect.getdoc(Status)');
  });

  it('reports a server default it cannot compute, where its text would be shown as ? without a word', async () => {
    const schema = await extract({
      'm.py': `${HEAD}from decimal import Decimal\nBANDS = {"zero": Decimal("0"), "standard": Decimal("0.2")}\n\nclass Invoice(Base):\n    __tablename__ = "invoices"\n    id = sa.Column(sa.Integer, primary_key=True)\n    band = sa.Column(sa.String(9), server_default=next(k for k, v in BANDS.items() if v == max(BANDS.values())))\n    rate = sa.Column(sa.String(9), server_default=str(BANDS["standard"]))\n`,
    });
    const invoices = table(schema, 'invoices');
    expect(invoices.columns.map((c) => c.server_default)).toEqual([null, '?', "'0.2'"]);
    expect(invoices.unresolved.map((u) => [u.symbol, u.line])).toEqual([['band', 10]]);
    expect(invoices.unresolved[0]!.reason).toContain('column server_default= not known statically');
  });

  it('reports a server default holding a part it cannot compute (a library call inside text()), shown as ?', async () => {
    const schema = await extract({
      'm.py': `${HEAD}import orjson\nDEFAULT = orjson.dumps({}).decode()\n\nclass Product(Base):\n    __tablename__ = "products"\n    id = sa.Column(sa.Integer, primary_key=True)\n    login = sa.Column(sa.JSON, server_default=sa.text(f"'{DEFAULT}'::jsonb"))\n    extra = sa.Column(sa.JSON, server_default=sa.func.coalesce(sa.text(DEFAULT), "{}"))\n`,
    });
    const products = table(schema, 'products');
    expect(products.columns.map((c) => c.server_default)).toEqual([null, 'sqlalchemy.text(?)', "coalesce(sqlalchemy.text(orjson.dumps({}).decode()), '{}')"]);
    expect(products.unresolved.map((u) => [u.symbol, u.line])).toEqual([['login', 10], ['extra', 11]]);
    expect(products.unresolved.map((u) => u.reason)).toEqual([
      expect.stringMatching(/^column server_default= not known statically \(f-string with a value not known statically\)/),
      expect.stringMatching(/^column server_default= not known statically \(text\(\) of orjson\.dumps\(\{\}\)\.decode\(\)\)/),
    ]);
  });

  it("reports the tables an __init_subclass__ hook builds from the mapped class (an audit table per model), which are not followed", async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Audited:\n    def __init_subclass__(cls, **kwargs):\n        super().__init_subclass__(**kwargs)\n        sa.Table(cls.__table__.name + "_audit", cls.metadata, sa.Column("audit_id", sa.Integer, primary_key=True))\n\nclass Thread(Audited, Base):\n    __tablename__ = "threads"\n    id = sa.Column(sa.Integer, primary_key=True)\n\nclass Page(Audited, Base):\n    __tablename__ = "pages"\n    id = sa.Column(sa.Integer, primary_key=True)\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['pages', 'threads']);
    expect(schema.diagnostics.map((d) => [d.file, d.line, d.severity])).toEqual([['m.py', 8, 'warning']]);
    expect(schema.diagnostics[0]!.message).toContain('tables built by Audited.__init_subclass__');
  });

  it('a type-less foreign key to a table found in no schema names its target (SQLAlchemy leaves it NullType)', async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nmd = sa.MetaData()\ntags = sa.Table("tags", md, sa.Column("id", sa.Integer, primary_key=True), schema="billing")\nposts = sa.Table("posts", md, sa.Column("id", sa.Integer, primary_key=True), sa.Column("tag_id", sa.ForeignKey("tags.id")))\n`,
    });
    const posts = table(schema, 'posts');
    expect(posts.columns.map((c) => [c.name, c.type])).toEqual([['id', 'INTEGER'], ['tag_id', 'NULLTYPE']]);
    expect(posts.unresolved.map((u) => [u.symbol, u.line, u.reason.split(':')[0]])).toEqual([['tag_id', 4, 'no type given, and the column its foreign key names (tags.id) is in no table found']]);
  });

  it('says a foreign key SQLAlchemy cannot resolve (a class name for the table), unless the target may hold the column unseen', async () => {
    const schema = await extract({
      'm.py': `import uuid\nfrom sqlmodel import Field, SQLModel\nfrom sqlalchemy import Column, ForeignKey, Integer\nfrom sqlalchemy.orm import declarative_base\nfrom library.base import AuditBase\n\nclass User(SQLModel, table=True):\n    user_id: uuid.UUID = Field(primary_key=True)\n\nclass Wallet(SQLModel, table=True):\n    wallet_id: uuid.UUID = Field(primary_key=True)\n    owner_id: uuid.UUID = Field(foreign_key="User.user_id")\n    user_id: uuid.UUID = Field(foreign_key="user.user_id")\n\nBase = declarative_base()\n\nclass Account(AuditBase):\n    __tablename__ = "account"\n    name = Column(Integer)\n\nclass Login(Base):\n    __tablename__ = "login"\n    id = Column(Integer, primary_key=True)\n    account_id = Column(ForeignKey("account.id"))\n`,
    });
    expect(table(schema, 'wallet').foreign_keys.map((f) => f.referred_table)).toEqual(['User', 'user']);
    expect(schema.diagnostics.map((d) => [d.file, d.line, d.message])).toEqual([
      ['m.py', 10, 'foreign key of wallet to User.user_id (owner_id): no such column in any table found in its MetaData (SQLAlchemy raises when it resolves the key)'],
    ]);
  });

  it('says a single-table subclass declaring a column its parent table has already, which SQLAlchemy refuses at import', async () => {
    const schema = await extract({
      'm.py': `${HEAD}\nclass Employee(Base):\n    __tablename__ = "employee"\n    id = sa.Column(sa.Integer, primary_key=True)\n    kind = sa.Column(sa.String(20))\n    __mapper_args__ = {"polymorphic_on": kind}\n\nclass Engineer(Employee):\n    start_date = sa.Column(sa.String(30))\n\nclass Manager(Employee):\n    start_date = sa.Column(sa.String(40))\n\nclass Badged:\n    badge = sa.Column(sa.String(8))\n\nclass Clerk(Employee, Badged):\n    pass\n\nclass Guard(Employee, Badged):\n    pass\n`,
    });
    expect(table(schema, 'employee').columns.map((c) => [c.name, c.type])).toEqual([['id', 'INTEGER'], ['kind', 'VARCHAR(20)'], ['start_date', 'VARCHAR(30)'], ['badge', 'VARCHAR(8)']]);
    expect(schema.diagnostics.map((d) => [d.file, d.line, d.message.split(':')[0]])).toEqual([
      ['m.py', 15, 'column start_date on single-table subclass Manager conflicts with the existing column employee.start_date'],
      ['m.py', 23, 'column badge on single-table subclass Guard conflicts with the existing column employee.badge'],
    ]);
    expect(schema.diagnostics[0]!.message).toMatch(/: SQLAlchemy raises at import \(mapped_column\(use_existing_column=True\) shares it\)$/);
  });

  it("says a SQLModel base's Field(sa_column=Column(...)) taken by two tables, one Column object SQLAlchemy refuses to share", async () => {
    const schema = await extract({
      'm.py': `from datetime import datetime\nfrom typing import Optional\nfrom sqlalchemy import Column, DateTime, func\nfrom sqlmodel import Field, SQLModel\n\nclass Stamped(SQLModel):\n    created_at: datetime = Field(sa_column=Column(DateTime, server_default=func.now()))\n\nclass Typed(SQLModel):\n    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime)\n\nclass User(Stamped, Typed, table=True):\n    id: Optional[int] = Field(default=None, primary_key=True)\n\nclass Site(Stamped, Typed, table=True):\n    id: Optional[int] = Field(default=None, primary_key=True)\n`,
    });
    expect(schema.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['site', ['updated_at', 'created_at', 'id']], ['user', ['updated_at', 'created_at', 'id']]]);
    expect(schema.diagnostics.map((d) => [d.file, d.line, d.message.split(':')[0]])).toEqual([
      ['m.py', 15, 'Field(sa_column=Column(...)) created_at of Stamped is one Column object, already in table user'],
    ]);
  });

  it('says a top-level import of a name SQLAlchemy 2.0 no longer has, and not one under try or of a submodule', async () => {
    const schema = await extract({
      'm.py': `from sqlalchemy import Column, Integer, orm, types\nfrom sqlalchemy.orm import relation, declarative_base, exc\ntry:\n    from sqlalchemy.orm import eagerload\nexcept ImportError:\n    eagerload = None\n\nBase = declarative_base()\n\nclass Node(Base):\n    __tablename__ = "nodes"\n    id = Column(Integer, primary_key=True)\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['nodes']);
    expect(schema.diagnostics.map((d) => [d.file, d.line, d.message])).toEqual([
      ['m.py', 2, 'SQLAlchemy 2.0 has no sqlalchemy.orm.relation: this import fails there, and the module with it (read as SQLAlchemy 1.x reads it)'],
    ]);
  });

  it('says a column given no type has NullType (no DDL can be written for it), not that its type is unknown', async () => {
    const schema = await extract({
      'm.py': `from typing import Optional\nfrom sqlalchemy import Column, Integer\nfrom sqlmodel import Field, SQLModel\n\nclass Album(SQLModel, table=True):\n    id: Optional[int] = Field(default=None, sa_column=Column("AlbumId", Integer, primary_key=True))\n    title: str = Field(default="", sa_column=Column("Title", nullable=False))\n`,
    });
    const album = table(schema, 'album');
    expect(album.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([['AlbumId', 'INTEGER', false], ['Title', 'NULLTYPE', false]]);
    expect(album.unresolved.map((u) => [u.symbol, u.line, u.reason])).toEqual([['title', 7, "column has no type: SQLAlchemy's NullType, for which no DDL can be written"]]);
  });

  it("builds a helper's copy of a table whose columns include a type-less foreign key, reporting only that column's type", async () => {
    const schema = await extract({
      'm.py': `import sqlalchemy as sa\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column\n\nclass Base(DeclarativeBase):\n    pass\n\nclass Tenant(Base):\n    __tablename__ = "tenants"\n    id: Mapped[int] = mapped_column(primary_key=True)\n\nclass TenantScoped:\n    @declared_attr\n    def tenant_id(cls) -> Mapped[int]:\n        return mapped_column(sa.ForeignKey("tenants.id"), index=True)\n\nclass Invoice(TenantScoped, Base):\n    __tablename__ = "invoices"\n    id: Mapped[int] = mapped_column(primary_key=True)\n    total = mapped_column(sa.Integer)\n\ndef history(model):\n    cols = [sa.Column(c.name, c.type) for c in model.__table__.c if c.key != "version"]\n    return sa.Table(model.__table__.name + "_history", model.__table__.metadata, *cols)\n\nH = history(Invoice)\n`,
    });
    const copy = table(schema, 'invoices_history');
    expect(copy.columns.map((c) => [c.name, c.type])).toEqual([['id', 'INTEGER'], ['total', 'INTEGER'], ['tenant_id', 'NULLTYPE']]);
    expect(copy.unresolved.map((u) => [u.symbol, u.reason])).toEqual([['tenant_id', 'column type not known statically']]);
    expect(schema.diagnostics).toEqual([]);
  });

  it('says a declared_attr that reads its own attribute raises RecursionError, not that schemaguard failed', async () => {
    // kinit's `__tablename__` directive reads `cls.__tablename__`: only a class with a name of its own maps
    const schema = await extract({
      'm.py': `${'from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, declared_attr\n\nclass Base(DeclarativeBase):\n    @declared_attr.directive\n    def __tablename__(cls) -> str:\n        table_name = cls.__tablename__\n        if not table_name:\n            return cls.__name__.lower()\n        return table_name\n\n'}class Named(Base):\n    __tablename__ = "named"\n    id: Mapped[int] = mapped_column(primary_key=True)\n\nclass Role(Base):\n    id: Mapped[int] = mapped_column(primary_key=True)\n`,
    });
    expect(schema.tables.map((t) => t.name)).toEqual(['named']);
    expect(schema.diagnostics.map((d) => [d.line, d.message])).toEqual([[15, expect.stringContaining('Role.__tablename__ reads itself as its declared_attr runs: Python raises RecursionError')]]);
  });

  it('reports a ForeignKeyConstraint a syntax error left without columns, with the syntax error', async () => {
    const schema = await extract({
      'm.py': `${HEAD}class Parent(Base):\n    __tablename__ = "parent"\n    id = sa.Column(sa.Integer, primary_key=True)\n\nclass Child(Base):\n    __tablename__ = "child"\n    id = sa.Column(sa.Integer, primary_key=True)\n    parent_id = sa.Column(sa.Integer)\n    __table_args__ = (sa.ForeignKeyConstraint([parent_id](, [Parent.id]),)\n`,
    });
    const child = schema.tables.find((t) => t.name === 'child')!;
    expect(child.columns.map((c) => c.name)).toEqual(['id', 'parent_id']);
    expect(child.unresolved.map((u) => u.reason)).toEqual(['ForeignKeyConstraint columns not known statically']);
    expect(schema.diagnostics.map((d) => d.message)).not.toContainEqual(expect.stringContaining('this is a bug'));
    expect(schema.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('invalid Python syntax'));
  });
});
