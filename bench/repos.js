// Synthetic git repositories for the check benchmark: N generated models committed, then one staged edit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateModels } from './generate.js';

const CONFIG = 'models:\n  - "app/models/**/*.py"\ndialect: postgresql\n';
const EDITED = 'app/models/entity_1.py';

/** process.env without git's or node's outer settings, with a HOME of its own (no global git config). */
export function benchEnv(home) {
  mkdirSync(home, { recursive: true });
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('GIT_') && key !== 'NODE_OPTIONS' && !key.startsWith('SCHEMAGUARD')) env[key] = value;
  }
  return { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
}

function git(repo, ...args) {
  return execFileSync('git', args, { cwd: repo.dir, env: repo.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A committed repository of `models` model files (20 columns each), a config and a README. */
export function createModelRepo(root, models, env) {
  const dir = join(root, `repo-${models}`);
  const lines = generateModels(dir, { models, columnsPerModel: 20 });
  writeFileSync(join(dir, '.schemaguardrc.yaml'), CONFIG);
  writeFileSync(join(dir, 'README.md'), '# bench\n');
  const repo = { dir, env, models, lines, original: readFileSync(join(dir, EDITED), 'utf8') };
  git(repo, 'init', '-q', '-b', 'main');
  for (const [key, value] of [['user.name', 'bench'], ['user.email', 'bench@schemaguard.invalid'], ['commit.gpgSign', 'false'], ['gc.auto', '0']]) {
    git(repo, 'config', key, value);
  }
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'models');
  return repo;
}

/** Stages a new nullable column in one model (a warning, never a block); `k` makes each edit a new blob. */
export function stageModelEdit(repo, k) {
  const column = `    bench_note_${k} = sa.Column(sa.Text(), nullable=True)\n\n    def __repr__`;
  writeFileSync(join(repo.dir, EDITED), repo.original.replace('    def __repr__', column));
  git(repo, 'add', EDITED);
}

/** Puts the model file back as committed and stages a README change instead: no Python file is staged. */
export function stageReadmeOnly(repo, k) {
  writeFileSync(join(repo.dir, EDITED), repo.original);
  writeFileSync(join(repo.dir, 'README.md'), `# bench\n\nedit ${k}\n`);
  git(repo, 'add', EDITED, 'README.md');
}
