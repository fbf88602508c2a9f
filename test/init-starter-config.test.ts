// The starter configuration init writes: read back by the real config loader, so it is valid by the schema.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load.js';
import { has, read, runInit } from './helpers/init.js';
import { trackedResources } from './helpers/tracked.js';

const MODEL = 'from sqlalchemy.orm import Mapped, mapped_column\n\nclass User(Base):\n    __tablename__ = "users"\n    id: Mapped[int] = mapped_column(primary_key=True)\n';

const { repoWith } = trackedResources();

describe('the starter configuration', () => {
  it('goes into pyproject.toml as [tool.schemaguard], which the loader reads', async () => {
    const pyproject = '[project]\nname = "shop"\n\n[tool.black]\nline-length = 100';
    const repo = repoWith({ 'pyproject.toml': pyproject, 'shop/models/user.py': MODEL, 'shop/db/tables.py': `import sqlalchemy as sa\nt = sa.Table("t", md)\n` });
    const result = await runInit(repo);
    expect(result.stdout).toMatch(/update\s+pyproject\.toml\s+starter configuration; models: shop\/db\/tables\.py, shop\/models\/\*\*\/\*\.py/);
    expect(read(repo, 'pyproject.toml').startsWith(`${pyproject}\n\n[tool.schemaguard]\n`)).toBe(true);
    const loaded = await loadConfig({ cwd: repo.dir });
    expect(loaded.filepath).toBe(`${repo.dir}/pyproject.toml`);
    expect(loaded.config.models).toEqual(['shop/db/tables.py', 'shop/models/**/*.py']);
    expect(loaded.config.dialect).toBe('postgresql');
  });

  it('goes into .schemaguardrc.yaml without a pyproject.toml, which the loader reads', async () => {
    const repo = repoWith({ 'app/models/user.py': MODEL });
    await runInit(repo, ['--hooks', 'git']);
    const loaded = await loadConfig({ cwd: repo.dir });
    expect(loaded.filepath).toBe(`${repo.dir}/.schemaguardrc.yaml`);
    expect(loaded.config.models).toEqual(['app/models/**/*.py']);
    expect(read(repo, '.schemaguardrc.yaml')).toContain('# contracts:');
  });

  it('without model files it is still valid, with models left for the user to fill in', async () => {
    for (const files of [{}, { 'pyproject.toml': '[project]\nname = "x"\n' }]) {
      const repo = repoWith(files);
      const result = await runInit(repo, ['--hooks', 'git']);
      expect(result.stdout).toContain('No SQLAlchemy model files were found');
      const loaded = await loadConfig({ cwd: repo.dir });
      expect(loaded.filepath).not.toBeNull();
      expect(loaded.config.models).toBeUndefined();
    }
  });

  it.each([
    ['.schemaguardrc.json', { '.schemaguardrc.json': '{"dialect": "mysql"}\n' }],
    ['package.json', { 'package.json': '{"name": "x", "schemaguard": {"dialect": "mysql"}}\n' }],
    ['pyproject.toml', { 'pyproject.toml': '[tool.schemaguard]\ndialect = "mysql"\n' }],
  ])('an existing configuration in %s is kept as it is', async (file, files) => {
    const repo = repoWith({ ...files, 'app/models/user.py': MODEL });
    const result = await runInit(repo, ['--hooks', 'git']);
    expect(result.stdout).toContain(`Kept the existing configuration in ${file}`);
    expect(read(repo, file)).toBe(Object.values(files)[0]);
    expect(has(repo, '.schemaguardrc.yaml')).toBe(false);
  });

  it('a pyproject.toml that is not TOML is left alone; the config goes to .schemaguardrc.yaml', async () => {
    const repo = repoWith({ 'pyproject.toml': '[project\nname = \n', 'app/models/user.py': MODEL });
    const result = await runInit(repo);
    expect(result.stdout).toContain('pyproject.toml could not be read as TOML');
    expect(read(repo, 'pyproject.toml')).toBe('[project\nname = \n');
    expect((await loadConfig({ cwd: repo.dir, configPath: '.schemaguardrc.yaml' })).config.models).toEqual(['app/models/**/*.py']);
  });
});
