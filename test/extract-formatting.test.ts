// String formatting in model code (table names, lengths): f-string specs and conversions, str.format and
// %-formatting must give Python's exact text; the expected strings below were printed by CPython 3.
import { describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';

async function tableNames(body: string): Promise<{ names: string[]; problems: string[] }> {
  const text = `import sqlalchemy as sa\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\nn = 7\ns = "ab"\nw = 6\nv = 3.14159\nbig = 1234567\n${body}`;
  const { schema } = await extractSchema([{ path: 'm.py', text }], { dialect: 'postgresql' });
  return { names: schema.tables.map((t) => t.name), problems: schema.diagnostics.map((d) => d.message) };
}

/** The server default of the first table's column `index`, extracted for PostgreSQL, MySQL and SQLite. */
async function serverDefaultByDialect(text: string, index: number): Promise<Array<string | null>> {
  const out: Array<string | null> = [];
  for (const dialect of ['postgresql', 'mysql', 'sqlite'] as const) {
    out.push((await extractSchema([{ path: 'm.py', text }], { dialect })).schema.tables[0]!.columns[index]!.server_default);
  }
  return out;
}

function model(name: string, tablename: string): string {
  return `class ${name}(Base):\n    __tablename__ = ${tablename}\n    id = sa.Column(sa.Integer, primary_key=True)\n`;
}

describe('string formatting', () => {
  it('applies f-string format specs, conversions and self-documenting fields', async () => {
    const { names } = await tableNames(model('T', `f"{n:03d}|{s!r}|{s:>{w}}|{v:.2f}|{big:,}|{n:+d}|{n:#x}|{s:*^7}|{v:8.3f}|{-n:05d}|{True:>3}|{n=}|{s=!s}|{0.25:.1%}|{n:b}|{n = :>4}"`));
    expect(names).toEqual(["007|'ab'|    ab|3.14|1,234,567|+7|0x7|**ab***|   3.142|-0007|  1|n=7|s=ab|25.0%|111|n =    7"]);
  });

  it('applies str.format specs and %-formatting flags, widths and precisions', async () => {
    const { names } = await tableNames(
      model('T', `"{:03d}_{!r}_{name:<5}|".format(7, "x", name="ab") + "%05d|%-6s|%+d|%.2f|%x|%#o|%r|%5.1f" % (7, "ab", 3, 3.14159, 255, 8, "q", 2.25) + "%(a)s-%(b)03d" % {"a": "x", "b": 5}`),
    );
    // 2.25 rounds to 2.2: ties go to the even digit on the binary value, as in Python (not up, as toFixed does)
    expect(names).toEqual(["007_'x'_ab   |00007|ab    |+3|3.14|ff|0o10|'q'|  2.2x-005"]);
  });

  it('refuses a spec it does not implement instead of dropping it', async () => {
    const { names, problems } = await tableNames(model('T', 'f"t_{v:.3g}"') + model('U', '"t_%e" % v'));
    expect(names).toEqual([]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('f-string field format not supported statically');
    expect(problems[1]).toContain('%-formatting with values not known statically');
  });

  it('writes a server default of an ANSI function as SQLAlchemy compiles it, without parentheses', async () => {
    const text = 'import sqlalchemy as sa\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\nclass T(Base):\n    __tablename__ = "t"\n    id = sa.Column(sa.Integer, primary_key=True)\n    a = sa.Column(sa.DateTime, server_default=sa.func.current_timestamp())\n    b = sa.Column(sa.Date, server_default=sa.func.current_date())\n    c = sa.Column(sa.DateTime, server_default=sa.func.now())\n';
    const { schema } = await extractSchema([{ path: 'm.py', text }], { dialect: 'postgresql' });
    // printed by SQLAlchemy 2.0: str(column.server_default.arg.compile())
    expect(schema.tables[0]!.columns.map((c) => c.server_default)).toEqual([null, 'CURRENT_TIMESTAMP', 'CURRENT_DATE', 'now()']);
  });

  it('writes a Computed column given its SQL by keyword as by position', async () => {
    const text = 'import sqlalchemy as sa\nmd = sa.MetaData()\nt = sa.Table("t", md, sa.Column("id", sa.Integer, primary_key=True), sa.Column("a", sa.Integer), sa.Column("b", sa.Integer, sa.Computed(sqltext="a * 2")), sa.Column("c", sa.Integer, sa.Computed(persisted=True, sqltext=sa.text("a + 1"))), sa.Column("d", sa.Integer, sa.Computed("a - 1", True)))\n';
    const { schema } = await extractSchema([{ path: 'm.py', text }], { dialect: 'postgresql' });
    // printed by the oracle (SQLAlchemy 2.0)
    expect(schema.tables[0]!.columns.map((c) => c.server_default)).toEqual([null, null, "Computed('a * 2')", "Computed('a + 1')", "Computed('a - 1')"]);
  });

  it('reads server defaults and sequences given their arguments by keyword', async () => {
    const columns = ['server_default=sa.DefaultClause(arg="7")', 'server_default=sa.text(text="\'x\'")', 'server_default=sa.Sequence(name="s1", start=5).next_value()', 'sa.Sequence(name="t_seq")'];
    const text = `import sqlalchemy as sa\nmd = sa.MetaData()\nt = sa.Table("t", md, ${columns.map((c, i) => `sa.Column("c${i}", sa.Integer, ${c})`).join(', ')})\n`;
    // printed by the oracle (SQLAlchemy 2.0) for PostgreSQL, MySQL and SQLite
    expect(await serverDefaultByDialect(text, 0)).toEqual(["'7'", "'7'", "'7'"]);
    expect(await serverDefaultByDialect(text, 1)).toEqual(["'x'", "'x'", "'x'"]);
    expect(await serverDefaultByDialect(text, 2)).toEqual(["nextval('s1')", 'nextval(s1)', '<next sequence value: s1>']);
    const { schema } = await extractSchema([{ path: 'm.py', text }], { dialect: 'postgresql' });
    expect(schema.tables[0]!.columns[3]!.default).toBe("Sequence('t_seq')");
  });

  it('writes a server default function (and true()/false()) as each dialect compiles it, a registered name found whatever its case', async () => {
    const columns = ['sa.true()', 'sa.false()', 'func.now()', 'func.NOW()', 'func.CURRENT_TIMESTAMP()', 'func.localtimestamp()', 'func.sysdate()', 'func.random()', 'func.char_length("x")', 'func.MyFn()', 'func.coalesce(1, 2)', 'func.user()'];
    const text = `import sqlalchemy as sa\nfrom sqlalchemy import func\nmd = sa.MetaData()\nt = sa.Table("t", md, sa.Column("id", sa.Integer, primary_key=True), ${columns.map((c, i) => `sa.Column("c${i}", sa.String(9), server_default=${c})`).join(', ')})\n`;
    const defaults = async (dialect: 'postgresql' | 'mysql' | 'sqlite') =>
      (await extractSchema([{ path: 'm.py', text }], { dialect })).schema.tables[0]!.columns.slice(1).map((c) => c.server_default);
    // printed by SQLAlchemy 2.0: str(expression.compile(dialect=<dialect>.dialect(), compile_kwargs={"literal_binds": True}))
    expect(await defaults('postgresql')).toEqual(['true', 'false', 'now()', 'now()', 'CURRENT_TIMESTAMP', 'LOCALTIMESTAMP', 'sysdate', 'random()', "char_length('x')", 'MyFn()', 'coalesce(1, 2)', 'USER']);
    expect(await defaults('mysql')).toEqual(['true', 'false', 'now()', 'now()', 'CURRENT_TIMESTAMP', 'LOCALTIMESTAMP', 'SYSDATE()', 'rand()', "char_length('x')", 'MyFn()', 'coalesce(1, 2)', 'USER']);
    // SQLAlchemy prints SQLite's length(?) here, its argument left unbound by visit_char_length_func: the value is shown
    expect(await defaults('sqlite')).toEqual(['1', '0', 'CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP', 'DATETIME(CURRENT_TIMESTAMP, "localtime")', 'sysdate', 'random()', "length('x')", 'MyFn()', 'coalesce(1, 2)', 'USER']);
  });

  it('writes a server default of a project SQL element as its @compiles function does on each dialect (the utcnow() recipe)', async () => {
    const text = 'import sqlalchemy as sa\nfrom sqlalchemy.ext.compiler import compiles\nfrom sqlalchemy.sql.expression import FunctionElement\n\nclass utcnow(FunctionElement):\n    type = sa.DateTime()\n    inherit_cache = True\n\n@compiles(utcnow, "postgresql")\ndef _pg(element, compiler, **kw):\n    return "TIMEZONE(\'utc\', CURRENT_TIMESTAMP)"\n\n@compiles(utcnow)\ndef _default(element, compiler, **kw):\n    return "CURRENT_TIMESTAMP"\n\nmd = sa.MetaData()\nt = sa.Table("t", md, sa.Column("id", sa.Integer, primary_key=True), sa.Column("at", sa.DateTime, server_default=utcnow()))\n';
    // printed by SQLAlchemy 2.0
    expect(await serverDefaultByDialect(text, 1)).toEqual([
      "TIMEZONE('utc', CURRENT_TIMESTAMP)",
      'CURRENT_TIMESTAMP',
      'CURRENT_TIMESTAMP',
    ]);
  });

  it("writes a sequence's next_value() default as each dialect compiles it", async () => {
    const text = 'import sqlalchemy as sa\nmd = sa.MetaData(schema="obs")\nseq = sa.Sequence("seq_item", metadata=md)\nt = sa.Table("t", md, sa.Column("id", sa.Integer, seq, server_default=seq.next_value(), primary_key=True))\n';
    // printed by SQLAlchemy 2.0 (SQLite compiles no sequence: its dialect-free string form)
    expect(await serverDefaultByDialect(text, 0)).toEqual([
      "nextval('obs.seq_item')",
      'nextval(obs.seq_item)',
      '<next sequence value: obs.seq_item>',
    ]);
  });

  it("writes a Computed column's SQL text as the oracle shows it, so that a changed expression is a changed default", async () => {
    const text = 'import sqlalchemy as sa\nmd = sa.MetaData()\nt = sa.Table("t", md, sa.Column("id", sa.Integer, primary_key=True), sa.Column("a", sa.Integer), sa.Column("b", sa.Integer, sa.Computed("a * 2")), sa.Column("c", sa.String(9), sa.Computed(sa.text("upper(\'x\')"), persisted=True)))\n';
    const { schema } = await extractSchema([{ path: 'm.py', text }], { dialect: 'postgresql' });
    // oracle.py: f"Computed({compile_sql(d.sqltext, dialect)!r})"
    expect(schema.tables[0]!.columns.map((c) => c.server_default)).toEqual([null, null, "Computed('a * 2')", 'Computed("upper(\'x\')")']);
  });

  it('cleans a comment with inspect.cleandoc as Python 3.13 does (tabs expanded, shared indentation and blank edges gone)', async () => {
    const cases = ['\\n    Where we meet.\\n    Defaults to the first.\\n    ', '  First line.\\n\\tTabbed\\n      deeper\\n\\n', 'one'];
    const columns = cases.map((c, i) => `    c${i} = sa.Column(sa.Text, comment=inspect.cleandoc("${c}"))\n`).join('');
    const text = `import inspect\nimport sqlalchemy as sa\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\nclass T(Base):\n    __tablename__ = "t"\n    id = sa.Column(sa.Integer, primary_key=True)\n${columns}`;
    const { schema } = await extractSchema([{ path: 'm.py', text }], { dialect: 'postgresql' });
    // printed by CPython 3.13: [inspect.cleandoc(c) for c in cases]
    expect(schema.tables[0]!.columns.slice(1).map((c) => c.comment)).toEqual(['Where we meet.\nDefaults to the first.', 'First line.\n  Tabbed\ndeeper', 'one']);
    expect(schema.tables[0]!.unresolved).toEqual([]);
  });

  it('writes str(Decimal(...)) as Python does (its digits kept, scientific notation where Python uses it)', async () => {
    const cases = ['"0.00"', '"1.50"', '" 007.5 "', '"1E+2"', '"0.0000001"', '"0.000001"', '"-0"', '5', '"1e3"', '"0.0000000"', '"12345.6789e-2"', '"1_000.5"'];
    const columns = cases.map((c, i) => `    c${i} = sa.Column(sa.String(20), server_default=str(Decimal(${c})))\n`).join('');
    const text = `import sqlalchemy as sa\nfrom decimal import Decimal\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\nclass T(Base):\n    __tablename__ = "t"\n    id = sa.Column(sa.Integer, primary_key=True)\n${columns}`;
    const { schema } = await extractSchema([{ path: 'm.py', text }], { dialect: 'postgresql' });
    // printed by CPython 3.13: [str(Decimal(c)) for c in cases]
    const expected = ['0.00', '1.50', '7.5', '1E+2', '1E-7', '0.000001', '-0', '5', '1E+3', '0E-7', '123.456789', '1000.5'];
    expect(schema.tables[0]!.columns.slice(1).map((c) => c.server_default)).toEqual(expected.map((e) => `'${e}'`));
    expect(schema.tables[0]!.unresolved).toEqual([]);
  });
});
