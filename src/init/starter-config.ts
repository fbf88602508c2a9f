// The starter configuration: .schemaguardrc.yaml, or [tool.schemaguard] in an existing pyproject.toml.
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { DEDICATED_PLACES } from '../config/places.js';
import { INIT_MESSAGES as M } from './messages.js';
import { modelGlobs } from './models.js';
import type { PartialPlan, RepoFacts } from './types.js';

const STARTER_FILE = '.schemaguardrc.yaml';
const DOCS = 'docs/configuration.md in the schemaguard package';
const FOUND_BY = 'found by scanning for imports of sqlalchemy, sqlmodel and flask_sqlalchemy.';

function starterYaml(globs: readonly string[]): string {
  const models =
    globs.length === 0
      ? ['# models: ["app/models/**/*.py"]   # no model files were found: list yours']
      : ['models:', ...globs.map((glob) => `  - ${JSON.stringify(glob)}`)];
  return [
    '# schemaguard configuration, written by `schemaguard init`.',
    `# Every key is described in ${DOCS}.`,
    '',
    '# Where the SQLAlchemy models live: globs from the repository root,',
    `# ${FOUND_BY}`,
    ...models,
    '',
    '# The SQL dialect the schema is rendered for: postgresql, mysql or sqlite.',
    'dialect: postgresql',
    '',
    '# Tables that other teams read. A breaking change to one blocks the commit and names its owners.',
    '# contracts:',
    '#   - tables: ["users", "orders"]',
    '#     owners: ["@data-team"]',
    '',
  ].join('\n');
}

function starterToml(globs: readonly string[]): string {
  const models =
    globs.length === 0
      ? ['# models = ["app/models/**/*.py"]   # no model files were found: list yours']
      : [`models = [${globs.map((glob) => JSON.stringify(glob)).join(', ')}]`];
  return [
    '',
    '[tool.schemaguard]',
    `# schemaguard configuration, written by \`schemaguard init\`; every key is described in ${DOCS}.`,
    `# Where the SQLAlchemy models live: globs from the repository root, ${FOUND_BY}`,
    ...models,
    '# The SQL dialect the schema is rendered for: postgresql, mysql or sqlite.',
    'dialect = "postgresql"',
    '# Tables that other teams read. A breaking change to one blocks the commit and names its owners.',
    '# [[tool.schemaguard.contracts]]',
    '# tables = ["users", "orders"]',
    '# owners = ["@data-team"]',
    '',
  ].join('\n');
}

type Pyproject = { kind: 'absent' } | { kind: 'unreadable'; reason: string } | { kind: 'toml'; hasSection: boolean };

function readPyproject(text: string | undefined): Pyproject {
  if (text === undefined) return { kind: 'absent' };
  try {
    const tool = parseToml(text).tool;
    return { kind: 'toml', hasSection: typeof tool === 'object' && tool !== null && 'schemaguard' in tool };
  } catch (error) {
    return { kind: 'unreadable', reason: (error as Error).message.split('\n')[0] ?? '' };
  }
}

/** The configuration the loader would find already (load.ts: dedicated files first, then the shared ones). */
function existingConfig(facts: RepoFacts, pyproject: Pyproject): string | undefined {
  const dedicated = DEDICATED_PLACES.find((file) => facts.files.has(file));
  if (dedicated !== undefined) return dedicated;
  if (/"schemaguard"\s*:/.test(facts.files.get('package.json') ?? '')) return 'package.json';
  return pyproject.kind === 'toml' && pyproject.hasSection ? 'pyproject.toml' : undefined;
}

export function planStarterConfig(facts: RepoFacts): PartialPlan {
  const plan: PartialPlan = { actions: [], notes: [], nextSteps: [] };
  const pyprojectText = facts.files.get('pyproject.toml');
  const pyproject = readPyproject(pyprojectText);
  const kept = existingConfig(facts, pyproject);
  if (kept !== undefined) {
    plan.notes.push(M.keptConfig(kept));
    return plan;
  }
  const globs = modelGlobs(facts.modelFiles);
  if (globs.length === 0) plan.notes.push(M.noModelsFound);
  const why = M.whyStarterConfig(globs);
  if (pyproject.kind === 'toml' && pyprojectText !== undefined) {
    const content = `${pyprojectText.endsWith('\n') ? pyprojectText : `${pyprojectText}\n`}${starterToml(globs)}`;
    plan.actions.push({ kind: 'write', path: path.join(facts.root, 'pyproject.toml'), content, isExecutable: false, isNew: false, why });
    plan.nextSteps.push(M.editConfig('[tool.schemaguard] in pyproject.toml'));
    return plan;
  }
  if (pyproject.kind === 'unreadable') plan.notes.push(M.pyprojectUnreadable(pyproject.reason));
  plan.actions.push({
    kind: 'write', path: path.join(facts.root, STARTER_FILE), content: starterYaml(globs), isExecutable: false, isNew: true, why,
  });
  plan.nextSteps.push(M.editConfig(STARTER_FILE));
  return plan;
}
