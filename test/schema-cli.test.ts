// `schemaguard schema` end to end: the built CLI on model projects in temp dirs (run `npx tsc` first).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Schema } from '../src/schema/types.js';
import { runCli } from './helpers/cli.js';

const MODELS = `import enum
from sqlalchemy import Enum, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

class Status(enum.Enum):
    active = "a"
    closed = "c"

class Base(DeclarativeBase):
    pass

class Org(Base):
    __tablename__ = "orgs"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)

class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("orgs.id", ondelete="CASCADE"), index=True)
    status: Mapped[Status] = mapped_column(Enum(Status, name="user_status"))
`;

describe('schemaguard schema', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sg-schema-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(path: string, text: string): void {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  it('prints the canonical schema JSON with two-space indentation and a trailing newline', () => {
    write('app/__init__.py', '');
    write('app/models.py', MODELS);
    const r = runCli(['schema', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    const schema = JSON.parse(r.stdout) as Schema;
    expect(r.stdout).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    expect(schema.dialect).toBe('postgresql');
    expect(schema.tables.map((t) => t.name)).toEqual(['orgs', 'users']);
    const users = schema.tables[1]!;
    expect(users.columns.map((c) => [c.name, c.type, c.nullable, c.foreign_keys])).toEqual([
      ['id', 'INTEGER', false, []],
      ['org_id', 'INTEGER', false, ['orgs.id']],
      ['status', 'USER_STATUS', false, []],
    ]);
    expect(users.columns[2]!.enum).toEqual(['active', 'closed']);
    expect(users.indexes).toEqual([{ name: 'ix_users_org_id', columns: ['org_id'], unique: false }]);
    expect(users.foreign_keys[0]).toMatchObject({ referred_table: 'orgs', ondelete: 'CASCADE' });
  });

  it('renders types for the dialect asked for', () => {
    write('m.py', MODELS);
    const r = runCli(['schema', '--format', 'json', '--dialect', 'mysql'], { cwd: dir });
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as Schema;
    expect(schema.dialect).toBe('mysql');
    expect(schema.tables[1]!.columns[2]!.type).toBe("ENUM('ACTIVE','CLOSED')");
  });

  it('prints a readable listing by default and a Mermaid diagram on request', () => {
    write('m.py', MODELS);
    const text = runCli(['schema'], { cwd: dir });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^orgs {2}\(m\.py:12 Org\)$/m);
    expect(text.stdout).toMatch(/^ {2}org_id +INTEGER +NOT NULL +INDEX +-> orgs\.id$/m);
    expect(text.stdout).toContain('2 tables, 5 columns (postgresql)');
    const mermaid = runCli(['schema', '--format', 'mermaid'], { cwd: dir });
    expect(mermaid.stdout.split('\n')[0]).toBe('erDiagram');
    expect(mermaid.stdout).toContain('  orgs ||--o{ users : "org_id"');
  });

  it('reports a file that does not parse on stderr and still prints the rest (exit 0)', () => {
    write('m.py', MODELS);
    write('broken.py', 'import sqlalchemy\nclass Oops(:\n');
    const r = runCli(['schema', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^broken\.py:2: invalid Python syntax/m);
    expect((JSON.parse(r.stdout) as Schema).tables).toHaveLength(2);
  });

  it('exits 2 with a clear message when there is nothing to read', () => {
    const empty = runCli(['schema'], { cwd: dir });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('no Python files to read');
    const missing = runCli(['schema', 'nope'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no such file or directory');
    expect(missing.stderr).not.toContain('at ');
  });

  it('resolves imports from the repository root when a package path is given', () => {
    for (const [k, v] of [['user.name', 'Test'], ['user.email', 't@example.com'], ['commit.gpgSign', 'false'], ['gc.auto', '0']] as const) {
      if (k === 'user.name') execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
      execFileSync('git', ['config', k, v], { cwd: dir });
    }
    write('app/__init__.py', '');
    write('app/db.py', 'from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n');
    write('app/models/__init__.py', '');
    write('app/models/item.py', 'from sqlalchemy import Column, Integer\nfrom app.db import Base\n\nclass Item(Base):\n    __tablename__ = "items"\n    id = Column(Integer, primary_key=True)\n');
    write('other/legacy.py', 'import sqlalchemy as sa\nt = sa.Table("legacy", sa.MetaData(), sa.Column("id", sa.Integer))\n');
    const r = runCli(['--cwd', join(dir, 'app'), 'schema', 'models', '--format', 'json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as Schema).tables.map((t) => [t.name, t.source?.file])).toEqual([['items', 'app/models/item.py']]);
  });
  it('in a git working tree, caches under the git dir and still sees every edit', () => {
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    write('m.py', MODELS);
    const first = runCli(['schema', '--format', 'json'], { cwd: dir });
    expect(first.status).toBe(0);
    expect(existsSync(join(dir, '.git', 'schemaguard', 'cache'))).toBe(true);
    expect(runCli(['schema', '--format', 'json'], { cwd: dir }).stdout).toBe(first.stdout);
    write('m.py', MODELS.replace('String(80)', 'String(90)'));
    const edited = JSON.parse(runCli(['schema', '--format', 'json'], { cwd: dir }).stdout) as Schema;
    expect(edited.tables[0]!.columns[1]!.type).toBe('VARCHAR(90)');
  });

  it('prints a tree printed before from what it printed, diagnostics included, per format', () => {
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    write('m.py', MODELS);
    write('broken.py', 'import sqlalchemy\nclass Oops(:\n');
    const first = runCli(['schema', '--format', 'json'], { cwd: dir });
    const text = runCli(['schema'], { cwd: dir });
    const cache = join(dir, '.git', 'schemaguard', 'cache');
    const printed = readdirSync(cache).find((d) => d.startsWith('printed-v'))!;
    expect(readdirSync(join(cache, printed))).toHaveLength(2);
    // only the printed outputs left: a second run neither extracts (no result is written again) nor differs
    for (const d of readdirSync(cache)) if (d !== printed) rmSync(join(cache, d), { recursive: true });
    const again = runCli(['schema', '--format', 'json'], { cwd: dir });
    expect([again.status, again.stdout, again.stderr]).toEqual([0, first.stdout, first.stderr]);
    expect(again.stderr).toMatch(/^broken\.py:2: invalid Python syntax/m);
    expect(runCli(['schema'], { cwd: dir }).stdout).toBe(text.stdout);
    expect(readdirSync(cache)).toEqual([printed]);
  });
});
