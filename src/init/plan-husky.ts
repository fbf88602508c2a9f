// husky 9: the prepare script, schemaguard's lines in .husky/<hook>, and lint-staged's *.py task.
import * as path from 'node:path';
import { UserError } from '../cli/errors.js';
import {
  blockPlacement,
  huskyBlock,
  LINT_STAGED_CONFIG,
  LINT_STAGED_CONFIG_FILE,
  mergeBlock,
  withoutBlock,
} from './husky-blocks.js';
import { INIT_MESSAGES as M } from './messages.js';
import { dependsOn, parsePackageJson, stringifyPackageJson, withHuskyPrepare, type PackageJson } from './package-json.js';
import { HOOK_NAMES, type PartialPlan, type RepoFacts } from './types.js';

/** Where lint-staged looks for its configuration besides package.json (lint-staged 16, configFiles.js). */
export const LINT_STAGED_CONFIG_FILES = [
  '.lintstagedrc', '.lintstagedrc.json', '.lintstagedrc.yaml', '.lintstagedrc.yml',
  '.lintstagedrc.mjs', '.lintstagedrc.mts', '.lintstagedrc.js', '.lintstagedrc.ts', '.lintstagedrc.cjs', '.lintstagedrc.cts',
  'lint-staged.config.mjs', 'lint-staged.config.mts', 'lint-staged.config.js', 'lint-staged.config.ts',
  'lint-staged.config.cjs', 'lint-staged.config.cts',
] as const;

export const HUSKY_FILES = ['.husky/pre-commit', '.husky/pre-push', '.husky/commit-msg', '.husky/_/h'] as const;

/**
 * Whether lint-staged runs the check. Only through a function task (a string command would get the
 * staged file names appended, which the check does not take), so only in a config init writes itself:
 * JSON and YAML cannot hold a function, and someone's JS config is theirs to edit.
 */
function wireLintStaged(facts: RepoFacts, pkg: PackageJson, plan: PartialPlan): boolean {
  if (!dependsOn(pkg, 'lint-staged')) {
    plan.notes.push(M.noLintStaged);
    return false;
  }
  const configs = [
    ...(pkg.data['lint-staged'] === undefined ? [] : ['package.json']),
    ...LINT_STAGED_CONFIG_FILES.filter((file) => facts.files.has(file)),
  ];
  const config = configs[0];
  if (config === undefined) {
    plan.actions.push({
      kind: 'write', path: path.join(facts.root, LINT_STAGED_CONFIG_FILE), content: LINT_STAGED_CONFIG,
      isExecutable: false, isNew: true, why: M.whyLintStagedConfig,
    });
    return true;
  }
  const text = config === 'package.json' ? JSON.stringify(pkg.data['lint-staged']) : (facts.files.get(config) ?? '');
  if (text.includes('schemaguard')) return true;
  plan.notes.push(M.lintStagedNotEdited(config));
  return false;
}

function planActivation(facts: RepoFacts, pkg: PackageJson, plan: PartialPlan): void {
  if (!facts.isHuskyInstalled) {
    plan.nextSteps.push(dependsOn(pkg, 'husky') ? M.runInstall(facts.packageManager) : M.addHusky(facts.packageManager));
    return;
  }
  if (facts.hooksPathConfig === '.husky/_' && facts.files.has('.husky/_/h')) return;
  plan.actions.push({ kind: 'run', command: ['node', 'node_modules/husky/bin.js'], why: M.whyActivateHusky });
}

export function planHusky(facts: RepoFacts): PartialPlan {
  const plan: PartialPlan = { actions: [], notes: [], nextSteps: [] };
  const text = facts.files.get('package.json');
  if (text === undefined) throw new UserError(M.huskyNeedsPackageJson, M.huskyNeedsPackageJsonHint);
  const pkg = parsePackageJson(text);
  const prepared = withHuskyPrepare(pkg);
  if (prepared !== undefined) {
    plan.actions.push({
      kind: 'write', path: path.join(facts.root, 'package.json'), content: stringifyPackageJson(prepared),
      isExecutable: false, isNew: false, why: M.whyPrepare,
    });
  }
  const isViaLintStaged = wireLintStaged(facts, pkg, plan);
  for (const hook of HOOK_NAMES) {
    const file = `.husky/${hook}`;
    const existing = facts.files.get(file);
    const needsLintStagedLine = isViaLintStaged && !/lint-staged/.test(withoutBlock(existing ?? ''));
    const merged = mergeBlock(existing, huskyBlock(hook, { isViaLintStaged, needsLintStagedLine }), blockPlacement(hook));
    if (merged === existing) continue;
    plan.actions.push({
      kind: 'write', path: path.join(facts.root, file), content: merged, isExecutable: false,
      isNew: existing === undefined, why: existing === undefined ? M.whyHuskyCreate(hook) : M.whyHuskyAppend(hook),
    });
  }
  planActivation(facts, pkg, plan);
  return plan;
}
