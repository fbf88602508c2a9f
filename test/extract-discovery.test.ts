// Module names, `src/` layouts, model discovery, the working-tree reader, directives and syntax errors.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractSchema } from '../src/extract/index.js';
import { dynamicImports } from '../src/extract/discovery.js';
import { moduleNameFor, projectOf, resolveRelative, sourceRoots } from '../src/extract/module-names.js';
import { readWorktreeFiles } from '../src/git/worktree.js';
import type { ModuleSummary } from '../src/python/summary.js';

describe('module names', () => {
  it('maps paths to modules, packages to their __init__, and a src/ layout to its root', () => {
    expect(moduleNameFor('app/models/user.py', [''])).toEqual({ name: 'app.models.user', isPackage: false });
    expect(moduleNameFor('app/__init__.py', [''])).toEqual({ name: 'app', isPackage: true });
    const roots = sourceRoots(['src/inventory/__init__.py', 'src/inventory/models.py']);
    expect(moduleNameFor('src/inventory/models.py', roots)?.name).toBe('inventory.models');
    expect(sourceRoots(['src/__init__.py', 'src/m.py'])).toEqual(['']);
    expect(moduleNameFor('my-app/x.py', [''])).toBeNull();
    expect(moduleNameFor('app/modèles.py', [''])?.name).toBe('app.modèles');
  });

  it('starts a project of its own below a directory whose name is no identifier (a monorepo service)', () => {
    expect(projectOf('app/models.py')).toBe('');
    expect(projectOf('users-api/app/models.py')).toBe('users-api/');
    expect(projectOf('services/billing-service/src/billing/models.py')).toBe('services/billing-service/');
    expect(projectOf('a-b/c d/app/m.py')).toBe('a-b/c d/');
    expect(projectOf('create-tables.py')).toBe('');
    const roots = sourceRoots(['users-api/src/app/__init__.py', 'users-api/src/app/m.py'], 'users-api/');
    expect(roots).toEqual(['users-api/src/', 'users-api/']);
    expect(moduleNameFor('users-api/src/app/m.py', roots)?.name).toBe('app.m');
    expect(moduleNameFor('users-api/tool.py', roots)?.name).toBe('tool');
  });

  it('resolves relative imports from modules and from packages', () => {
    expect(resolveRelative('a.b.c', false, 'x', 1)).toBe('a.b.x');
    expect(resolveRelative('a.b', true, 'x', 1)).toBe('a.b.x');
    expect(resolveRelative('a.b.c', false, '', 2)).toBe('a');
    expect(resolveRelative('top', false, 'x', 1)).toBeNull();
  });
});

describe('modules imported by a name computed at run time', () => {
  const names = ['app', 'app.policy', 'app.policy.generic', 'app.policy.atlas', 'app.policyx', 'app.base', 'other'];

  it('reads every module under a literal start, and a name spelled whole with its packages', () => {
    const text = 'import importlib\nmod = importlib.import_module("app.policy." + name)\nbase = __import__(\'app.base\', fromlist=["x"])\n';
    expect(dynamicImports(text, names).sort()).toEqual(['app', 'app.base', 'app.policy', 'app.policy.atlas', 'app.policy.generic']);
    expect(dynamicImports('m = import_module(f"app.policy.{name}")\n', names)).toContain('app.policy.generic');
  });

  it('reads nothing for a name with no literal start, or a file that imports nothing by name', () => {
    expect(dynamicImports('m = import_module(name)\n', names)).toEqual([]);
    expect(dynamicImports('import app.policy\n', names)).toEqual([]);
  });
});

describe('reading a working tree', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sg-worktree-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(path: string, text = ''): void {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }

  it('skips environments, tests, migrations, dot-dirs and excluded globs', async () => {
    for (const p of ['app/models.py', 'app/__init__.py', 'venv/lib/x.py', 'env2/pyvenv.cfg', 'env2/lib/y.py', 'tests/test_a.py', 'app/test_b.py',
      'alembic/versions/001.py', 'app/migrations/versions/002.py', '.hidden/z.py', 'node_modules/q.py', 'app/__pycache__/c.py', 'app/generated/g.py', 'README.md']) {
      write(p);
    }
    const files = await readWorktreeFiles(root, { exclude: ['app/generated/**'] });
    expect(files.map((f) => f.path)).toEqual(['app/__init__.py', 'app/models.py', 'app/test_b.py']);
  });

  it('reads only the given paths when asked', async () => {
    write('a/one.py', 'x = 1');
    write('b/two.py', 'y = 2');
    const files = await readWorktreeFiles(root, { paths: ['b'] });
    expect(files).toEqual([{ path: 'b/two.py', text: 'y = 2' }]);
  });
});

describe('extractSchema over files', () => {
  it('finds Flask models that import only `db`, resolving it through the import', async () => {
    const files = [
      { path: 'app/__init__.py', text: '' },
      { path: 'app/ext.py', text: 'from flask_sqlalchemy import SQLAlchemy\ndb = SQLAlchemy()\n' },
      { path: 'app/models/user.py', text: 'from app.ext import db\n\nclass UserProfile(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n' },
      { path: 'app/views.py', text: 'def index():\n    return "hi"\n' },
    ];
    const { schema } = await extractSchema(files, { dialect: 'postgresql' });
    expect(schema.tables.map((t) => [t.name, t.source?.file])).toEqual([['user_profile', 'app/models/user.py']]);
  });

  it('reads a module that names no ORM construct when it calls, at import time, a factory it imports', async () => {
    const models = 'import sqlalchemy as sa\nfrom sqlalchemy.orm import declarative_base\nBase = declarative_base()\n'
      + 'def make(name):\n    class T(Base):\n        __tablename__ = name\n        id = sa.Column(sa.Integer, primary_key=True)\n    return T\n';
    const files = [
      { path: 'models.py', text: models, oid: '1'.repeat(40) },
      { path: 'jobs.py', text: 'from models import make\nJOBS = [make(n) for n in ("jobs_a", "jobs_b")]\n', oid: '2'.repeat(40) },
      { path: 'app.py', text: 'from models import make\ndef create_app():\n    return make("never")\n', oid: '3'.repeat(40) },
      { path: 'cli.py', text: 'def make(name):\n    return name\nX = make("not_a_table")\n', oid: '4'.repeat(40) },
      { path: 'views.py', text: 'def index():\n    return "hi"\n', oid: '5'.repeat(40) },
    ];
    const parsed = new Map<string, ModuleSummary>();
    const { schema } = await extractSchema(files, { dialect: 'postgresql', cache: { get: (oid) => parsed.get(oid), set: (oid, s) => void parsed.set(oid, s) } });
    expect(schema.tables.map((t) => t.name)).toEqual(['jobs_a', 'jobs_b']);
    expect(schema.diagnostics).toEqual([]);
    // a file that does not spell a factory's call is not even parsed
    expect([...parsed.keys()].map((oid) => oid[0]).sort()).toEqual(['1', '2', '3', '4']);
  });

  it('skips a module named and written like a test, and reads one only named like it', async () => {
    const model = (table: string) => `import sqlalchemy as sa\nfrom app.base import Base\nclass TestGroup(Base):\n    __tablename__ = "${table}"\n    id = sa.Column(sa.Integer, primary_key=True)\n`;
    const base = 'from sqlalchemy.orm import declarative_base\nBase = declarative_base()\n';
    const files = [
      { path: 'app/base.py', text: base },
      { path: 'app/models/test_group.py', text: model('test_groups') },
      { path: 'app/test_models.py', text: `import pytest\n${model('pytest_only')}` },
      { path: 'app/group_test.py', text: `${model('unittest_only')}class TestSaving(unittest.TestCase):\n    pass\n` },
      { path: 'app/test_helpers.py', text: `${model('fn_only')}def test_saves():\n    assert True\n` },
    ];
    const { schema } = await extractSchema(files, { dialect: 'postgresql' });
    expect(schema.tables.map((t) => t.name)).toEqual(['test_groups']);
    const globbed = await extractSchema(files, { dialect: 'postgresql', models: ['app/test_models.py', 'app/models/*.py'] });
    expect(globbed.schema.tables.map((t) => t.name).sort()).toEqual(['pytest_only', 'test_groups']);
  });

  it('keeps extracting past a file that does not parse, and says where it broke', async () => {
    const files = [
      { path: 'good.py', text: 'import sqlalchemy as sa\nmd = sa.MetaData()\nt = sa.Table("t", md, sa.Column("id", sa.Integer, primary_key=True))\n' },
      { path: 'bad.py', text: 'import sqlalchemy as sa\nmd = sa.MetaData()\nu = sa.Table("u", md, sa.Column("id", sa.Integer, primary_key=True))\ndef broken(:\n    pass\n' },
    ];
    const { schema } = await extractSchema(files, { dialect: 'postgresql' });
    expect(schema.tables.map((t) => t.name)).toEqual(['t', 'u']);
    expect(schema.diagnostics).toEqual([expect.objectContaining({ file: 'bad.py', line: 4, severity: 'error' })]);
  });

  it('reads past statements a syntax error leaves without their parts (an `if` cut off before its condition)', async () => {
    const table = 'import sqlalchemy as sa\nmd = sa.MetaData()\nt = sa.Table("t", md, sa.Column("id", sa.Integer, primary_key=True))\n';
    const files = [
      { path: 'cut.py', text: `${table}def column(tokens, args):\n    for tok in tokens:\n        if tok.startswith("->"):\n            args.append(F` },
      { path: 'typo.py', text: 'import sqlalchemy as sa\nclass Id(sa.types.TypeDecorator):\n    impl = sa.CHAR\n    UUID load_dialect_impl(self, dialect):\n        if dialect.name == "postgresql":\n            return dialect.type_descriptor(sa.CHAR(32))\n' },
    ];
    const { schema } = await extractSchema(files, { dialect: 'postgresql' });
    expect(schema.tables.map((t) => t.name)).toEqual(['t']);
    expect(schema.diagnostics.map((d) => [d.file, d.severity])).toEqual(expect.arrayContaining([['cut.py', 'error'], ['typo.py', 'error']]));
  });

  it('returns renamed-from and ignore directives with file and line', async () => {
    const text = [
      'from sqlalchemy import Column, Integer, String',
      'from sqlalchemy.orm import declarative_base',
      'Base = declarative_base()',
      'class U(Base):',
      '    __tablename__ = "u"',
      '    id = Column(Integer, primary_key=True)',
      '    email = Column(String(100))  # schemaguard: renamed-from mail',
      '    note = Column(String(10))  # schemaguard: ignore[no-drop-column] reviewed with the data team',
      '    s = "# schemaguard: renamed-from not_a_comment"',
    ].join('\n');
    const { directives } = await extractSchema([{ path: 'm.py', text }], { dialect: 'postgresql' });
    expect(directives).toEqual([
      { kind: 'renamed-from', file: 'm.py', line: 7, from: 'mail' },
      { kind: 'ignore', file: 'm.py', line: 8, rule: 'no-drop-column', reason: 'reviewed with the data team' },
    ]);
  });

  it('reuses cached summaries by blob id without parsing again', async () => {
    const stored = new Map<string, import('../src/python/summary.js').ModuleSummary>();
    const cache = { get: (oid: string) => stored.get(oid), set: (oid: string, s: import('../src/python/summary.js').ModuleSummary) => void stored.set(oid, s) };
    const file = { path: 'm.py', oid: 'abc123', text: 'import sqlalchemy as sa\nt = sa.Table("t", sa.MetaData(), sa.Column("id", sa.Integer))\n' };
    await extractSchema([file], { dialect: 'postgresql', cache });
    expect([...stored.keys()]).toEqual(['abc123']);
    // same blob id with other text: the stored summary is what gets read
    const other = { ...file, text: file.text.replace('"t"', '"other"') };
    const { schema } = await extractSchema([other], { dialect: 'postgresql', cache });
    expect(schema.tables.map((t) => t.name)).toEqual(['t']);
  });
});
