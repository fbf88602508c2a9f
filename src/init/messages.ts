// Every user-facing sentence of `schemaguard init`.
import type { HookManager, HookName, PackageManager } from './types.js';

const ADD_DEV: Record<PackageManager, string> = { npm: 'npm install --save-dev', pnpm: 'pnpm add -D', yarn: 'yarn add -D' };
const INSTALL: Record<PackageManager, string> = { npm: 'npm install', pnpm: 'pnpm install', yarn: 'yarn install' };

const MANAGER_TITLES: Record<HookManager, string> = {
  husky: 'husky hooks',
  'pre-commit': 'pre-commit framework hooks',
  git: 'plain git hooks',
};

export const INIT_MESSAGES = {
  // why this hook manager
  reasonForced: 'chosen with --hooks',
  reasonHusky: 'this repository uses husky',
  reasonPreCommit: 'this repository has a .pre-commit-config.yaml',
  reasonHooksPath: (dir: string) => `core.hooksPath is set to ${dir}, so the hooks go there`,
  reasonNode: 'package.json at the repository root: a Node repository gets husky hooks',
  reasonPlain: 'no package.json and no .pre-commit-config.yaml at the repository root',

  // why each action
  whyHook: (name: HookName) => `schemaguard's ${name} hook`,
  whyHookUpdate: (name: HookName) => `schemaguard's ${name} hook, updated to this version`,
  whyChain: (name: HookName) => `the ${name} hook that was there keeps running, before schemaguard's`,
  whyPrepare: 'the prepare script runs husky, which activates the .husky hooks on npm install',
  whyHuskyCreate: (name: HookName) => `runs schemaguard at ${name}`,
  whyHuskyAppend: (name: HookName) => `adds schemaguard's lines; the lines already there keep running`,
  whyLintStagedConfig: 'lint-staged runs the check when .py files are staged',
  whyActivateHusky: 'activates the .husky hooks now (core.hooksPath = .husky/_)',
  whyPreCommitConfig: "adds schemaguard's hooks (repo: local) and the hook types to install",
  whyPreCommitInstall: 'installs the pre-commit, pre-push and commit-msg hooks',
  whyStarterConfig: (globs: readonly string[]) =>
    globs.length === 0
      ? 'starter configuration (no model files found)'
      : `starter configuration; models: ${globs.length > 3 ? `${globs.slice(0, 3).join(', ')}, ...` : globs.join(', ')}`,

  // notes
  hookConflict: (name: HookName, saved: string) =>
    `${name} was left as it is: it is someone else's hook and ${saved} exists too. Merge them by hand (docs/hooks.md).`,
  noLintStaged: 'lint-staged is not among the dependencies, so .husky/pre-commit runs the check itself.',
  lintStagedNotEdited: (file: string) =>
    `${file} (lint-staged) was left as it is, so .husky/pre-commit runs the check itself. ` +
    'To run it through lint-staged instead, add the function task from docs/hooks.md.',
  preCommitHooksPath: (dir: string) =>
    `core.hooksPath is set (${dir}) and pre-commit will not install hooks then: ` +
    'run `git config --unset core.hooksPath && pre-commit install`.',
  keptConfig: (file: string) => `Kept the existing configuration in ${file}.`,
  noModelsFound:
    'No SQLAlchemy model files were found (files importing sqlalchemy, sqlmodel or flask_sqlalchemy): set `models:` yourself.',
  pyprojectUnreadable: (reason: string) =>
    `pyproject.toml could not be read as TOML (${reason}), so the starter configuration went to .schemaguardrc.yaml.`,

  // next steps
  addSchemaguard: (pm: PackageManager) => `Add schemaguard to the repository, where the hooks find it: ${ADD_DEV[pm]} schemaguard`,
  addHusky: (pm: PackageManager) => `Install husky, which runs the hooks: ${ADD_DEV[pm]} husky`,
  runInstall: (pm: PackageManager) => `Run ${INSTALL[pm]}: its prepare script activates the husky hooks.`,
  installPreCommit:
    'Install the pre-commit framework (pipx install pre-commit, or apt install pre-commit), then run `pre-commit install`.',
  installForHooks:
    'The hooks run schemaguard from node_modules/.bin, from PATH or with npx: install it where they find it ' +
    '(npm install --save-dev schemaguard, or npm install --global schemaguard).',
  commitHooksDir: (dir: string) => `Commit ${dir}/ so that everyone who clones the repository runs the hooks.`,
  editConfig: (file: string) =>
    `Review ${file}: check the model globs, and add contracts for the tables other teams read (docs/configuration.md).`,
  commitSetup: 'Commit the files above, then try it: a commit that drops a model column is blocked;' +
    ' SCHEMAGUARD_OVERRIDE="<reason>" git commit ... lets it through and records the reason.',
  ci: 'Run the same check in CI on pull requests: docs/ci.md.',

  // output
  title: (manager: HookManager, reason: string) => `schemaguard init: ${MANAGER_TITLES[manager]} (${reason})`,
  dryRun: 'Dry run: nothing was changed. The plan:',
  nothingToDo: 'Everything is set up already: nothing changed.',
  notes: 'Notes:',
  next: 'Next:',

  // errors
  preCommitConfigInvalid: (where: string, reason: string) => `${where}: not valid YAML: ${reason}`,
  preCommitConfigNotMap: 'expected a mapping with a repos: key',
  packageJsonInvalid: (reason: string) => `package.json: not valid JSON: ${reason}`,
  huskyNeedsPackageJson: 'husky hooks need a package.json at the repository root',
  huskyNeedsPackageJsonHint: 'run `schemaguard init --hooks git` for plain git hooks instead',
  bareRepository: 'schemaguard init needs a working tree; this is a bare repository',
  runFailed: (command: string, code: number | null, output: string) =>
    `\`${command}\` failed (exit ${code ?? 'signal'})${output ? `: ${output}` : ''}`,
  hint: 'nothing after the failing step was changed; fix it and run schemaguard init again (it skips what is done)',
} as const;
