// Which repository paths can hold models: Python files, minus virtualenvs, migrations and tests, per config.
import picomatch from 'picomatch';
import type { Config } from './schema.js';

// Directories that never hold the application's models (issue: skip virtualenvs, node_modules, site-packages,
// migrations and tests by default). `env` is not among them: it names packages too (nextgisweb.env); a virtualenv's
// modules sit under its site-packages, and on disk it is known by its pyvenv.cfg (git/worktree.ts).
const SKIPPED_DIRS = new Set(['node_modules', 'site-packages', 'dist-packages', '__pycache__', 'venv', '.venv', '.tox', 'tests', 'test']);
const MIGRATION_DIRS = [/(^|\/)alembic\/versions\//, /(^|\/)migrations\/versions\//];
// test_*.py and *_test.py are skipped by the extractor, from their text (a model module may be named test_group.py)
const SKIPPED_FILE = /(^|\/)(conftest|setup)\.py$/;

/** A path that the default discovery skips, whatever the config says. */
export function isSkippedByDefault(path: string): boolean {
  const parts = path.split('/');
  parts.pop();
  if (parts.some((dir) => dir.startsWith('.') || SKIPPED_DIRS.has(dir))) return true;
  return MIGRATION_DIRS.some((re) => re.test(path)) || SKIPPED_FILE.test(path);
}

/**
 * Candidate Python files. With `models` globs the config decides which files are read; `exclude` always
 * applies. Without them every non-skipped .py file is a candidate, and the extractor keeps the ones that
 * import SQLAlchemy and what they import.
 */
export function pythonPathFilter(config: Pick<Config, 'models' | 'exclude'>): (path: string) => boolean {
  const isExcluded = config.exclude.length > 0 ? picomatch(config.exclude, { dot: true }) : () => false;
  if (config.models !== undefined && config.models.length > 0) {
    const isModel = picomatch(config.models, { dot: true });
    return (path) => path.endsWith('.py') && !isExcluded(path) && (isModel(path) || !isSkippedByDefault(path));
  }
  return (path) => path.endsWith('.py') && !isExcluded(path) && !isSkippedByDefault(path);
}
