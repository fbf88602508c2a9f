// init's detection: which hook manager a repository gets, and which Python files are its models.
import { describe, expect, it } from 'vitest';
import { detectRepo } from '../src/init/detect.js';
import { isModelSource, modelGlobs } from '../src/init/models.js';
import { chooseManager } from '../src/init/plan.js';
import type { TestRepo } from './helpers/git-repo.js';
import { runInit } from './helpers/init.js';
import { trackedResources } from './helpers/tracked.js';

const { repoWith } = trackedResources();

const detect = (repo: TestRepo) => detectRepo({ cwd: repo.dir, env: repo.env, isPreCommitWanted: false });
const PKG = '{ "name": "x" }\n';

describe('choosing the hook manager', () => {
  it.each([
    ['a Node repository', { 'package.json': PKG }, 'husky', 'package.json at the repository root'],
    ['a repository with .husky/', { '.husky/pre-commit': 'npm test\n' }, 'husky', 'uses husky'],
    ['husky in devDependencies', { 'package.json': '{"devDependencies":{"husky":"^9"}}' }, 'husky', 'uses husky'],
    ['a .pre-commit-config.yaml', { '.pre-commit-config.yaml': 'repos: []\n' }, 'pre-commit', '.pre-commit-config.yaml'],
    ['both package.json and .pre-commit-config.yaml', { 'package.json': PKG, '.pre-commit-config.yaml': 'repos: []\n' }, 'pre-commit', '.pre-commit-config.yaml'],
    ['a Python repository', { 'pyproject.toml': '[project]\nname = "x"\n' }, 'git', 'no package.json'],
  ] as const)('%s gets %s', async (_name, files, manager, reason) => {
    const chosen = chooseManager(await detect(repoWith(files)));
    expect(chosen.manager).toBe(manager);
    expect(chosen.reason).toContain(reason);
  });

  it('core.hooksPath set to a shared directory keeps plain hooks there, even in a Node repository', async () => {
    const repo = repoWith({ 'package.json': PKG });
    repo.git('config', 'core.hooksPath', '.githooks');
    const facts = await detect(repo);
    expect(chooseManager(facts).manager).toBe('git');
    expect(facts.hooksDir).toBe(`${repo.dir}/.githooks`);
  });

  it('--hooks wins over detection', async () => {
    const facts = await detect(repoWith({ 'package.json': PKG }));
    expect(chooseManager(facts, 'git')).toEqual({ manager: 'git', reason: 'chosen with --hooks' });
  });

  it('an unknown --hooks value is a usage error (exit 2)', async () => {
    const result = await runInit(repoWith({}), ['--hooks', 'lefthook']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('husky, pre-commit, git');
  });

  it('outside a git repository init fails with exit 2 and one line, no stack trace', async () => {
    const repo = repoWith({});
    repo.git('init', '-q', '--bare', 'bare.git');
    const result = await runInit({ ...repo, dir: `${repo.dir}/bare.git` });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^schemaguard: .*bare repository/);
    expect(result.stderr).not.toContain('    at ');
  });
});

describe('finding the model files (a text scan)', () => {
  it('finds SQLAlchemy, SQLModel and Flask-SQLAlchemy models, not migrations, tests or engine setup', async () => {
    const repo = repoWith({
      'app/models/user.py': 'from sqlalchemy.orm import Mapped, mapped_column\nclass User(Base):\n    __tablename__ = "users"\n',
      'app/models/billing/invoice.py': 'import sqlalchemy as sa\ninvoices = sa.Table("invoices", metadata)\n',
      'shop/tables.py': 'from sqlmodel import SQLModel, Field\nclass Hero(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n',
      'blog/models.py': 'from . import db\nclass Post(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n',
      'app/db.py': 'from sqlalchemy import create_engine\nengine = create_engine(URL)\n',
      'migrations/versions/0001_init.py': 'import sqlalchemy as sa\nop.add_column("users", sa.Column("x", sa.Integer()))\n',
      'tests/test_models.py': 'from sqlalchemy import Column\nclass T(Base):\n    __tablename__ = "t"\n',
      'app/conftest.py': 'from sqlalchemy import Column\nclass T(Base):\n    __tablename__ = "t"\n',
      'README.md': 'from sqlalchemy import Column; __tablename__\n',
    });
    const facts = await detect(repo);
    expect(facts.modelFiles).toEqual(['app/models/billing/invoice.py', 'app/models/user.py', 'blog/models.py', 'shop/tables.py']);
    expect(modelGlobs(facts.modelFiles)).toEqual(['app/models/**/*.py', 'blog/models.py', 'shop/tables.py']);
  });

  it('reads untracked files too, and skips ignored ones', async () => {
    const model = 'from sqlalchemy import Column\nclass A(Base):\n    __tablename__ = "a"\n';
    const repo = repoWith({ '.gitignore': 'build/\n', 'src/models/a.py': model, 'build/lib/models/a.py': model });
    expect((await detect(repo)).modelFiles).toEqual(['src/models/a.py']);
  });

  it('an import alone is not a model file; a declaration without an ORM import is not either', () => {
    expect(isModelSource('from sqlalchemy import create_engine\n')).toBe(false);
    expect(isModelSource('class Config:\n    __tablename__ = "x"\n')).toBe(false);
    expect(isModelSource('import sqlalchemy\nusers = sqlalchemy.Table("users", md)\n')).toBe(true);
  });

  it('the outermost models/ package becomes one glob', () => {
    expect(modelGlobs(['a/models/x.py', 'a/models/sub/models/y.py', 'models/z.py'])).toEqual(['a/models/**/*.py', 'models/**/*.py']);
  });
});
