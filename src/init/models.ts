// Finds the Python files that hold SQLAlchemy models by a plain text scan (no parser), and turns them into globs.
const ORM_IMPORT = /^[ \t]*(?:from|import)[ \t]+(?:sqlalchemy|sqlmodel|flask_sqlalchemy)\b/m;
/** Flask-SQLAlchemy models often import only the app's `db` object, never sqlalchemy itself. */
const FLASK_DB = /\bdb\.(?:Model|Column|Table)\b/;
const DECLARES_TABLE = /__tablename__|__table__\s*=|\bTable\(|\bmapped_column\(|\bColumn\(|\btable\s*=\s*True\b|\bdb\.Model\b/;

/** Directories whose Python files are not models even when they use SQLAlchemy: migrations use
 * `sa.Column(...)` in `op.add_column`, tests build throw-away tables, virtualenvs hold libraries. */
const SKIPPED_DIRS = new Set([
  'alembic', 'migrations', 'versions', 'tests', 'test', 'testing', 'node_modules',
  'venv', '.venv', 'env', '.tox', '.nox', 'site-packages', 'build', 'dist', '__pycache__',
]);
const TEST_FILE = /^(?:test_.*|.*_test|conftest)\.py$/;
const MODEL_DIRS = new Set(['models', 'model']);

export function isModelCandidatePath(file: string): boolean {
  const parts = file.split('/');
  const name = parts.pop() ?? '';
  return name.endsWith('.py') && !TEST_FILE.test(name) && !parts.some((dir) => SKIPPED_DIRS.has(dir));
}

export function isModelSource(text: string): boolean {
  return DECLARES_TABLE.test(text) && (ORM_IMPORT.test(text) || FLASK_DB.test(text));
}

/**
 * Globs for the config's `models:` key: a file inside a `models/` package stands for the whole
 * package (`app/models/**\/*.py`), so a model added there later is covered; any other file is
 * listed by its path. The outermost `models/` wins, so no glob covers another.
 */
export function modelGlobs(files: readonly string[]): string[] {
  const globs = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    const at = parts.findIndex((dir, i) => i < parts.length - 1 && MODEL_DIRS.has(dir));
    globs.add(at === -1 ? file : `${parts.slice(0, at + 1).join('/')}/**/*.py`);
  }
  return [...globs].sort();
}
