// Which paths can hold models: the default skips, the config's models globs and exclusions.
import { describe, expect, it } from 'vitest';
import { isSkippedByDefault, pythonPathFilter } from '../src/config/model-paths.js';

describe('model paths', () => {
  it('skips virtualenvs, dependencies, migrations, test directories and dot-directories by default', () => {
    for (const path of ['.venv/lib/x.py', 'venv/a.py', 'node_modules/p/a.py', 'alembic/versions/0001_init.py',
      'app/migrations/versions/abc.py', 'tests/test_models.py', 'conftest.py', 'setup.py', '.tox/a.py']) {
      expect(isSkippedByDefault(path), path).toBe(true);
    }
    // a file named like a test is judged by its text when extracted (extract/discovery.ts isTestModule)
    for (const path of ['app/models/user.py', 'models.py', 'alembic/env.py', 'app/testing_utils.py', 'app/test_user.py', 'app/user_test.py', 'gis/env/model.py']) {
      expect(isSkippedByDefault(path), path).toBe(false);
    }
  });

  it('keeps .py files only, honours exclude, and lets models globs reach into skipped places', () => {
    const plain = pythonPathFilter({ exclude: ['legacy/**'] });
    expect(['app/models.py', 'legacy/models.py', 'README.md', 'tests/models.py'].filter(plain)).toEqual(['app/models.py']);
    const globbed = pythonPathFilter({ exclude: [], models: ['tests/fixtures/models/*.py'] });
    expect(globbed('tests/fixtures/models/user.py')).toBe(true);
    expect(globbed('tests/test_x.py')).toBe(false);
  });
});
