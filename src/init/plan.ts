// Planning: which hook manager, then the pure list of file actions that sets it and the config up.
import { INIT_MESSAGES as M } from './messages.js';
import { dependsOn, parsePackageJson } from './package-json.js';
import { planGitHooks } from './plan-git-hooks.js';
import { planHusky } from './plan-husky.js';
import { planPreCommitFramework } from './plan-pre-commit.js';
import { PRE_COMMIT_CONFIG } from './pre-commit-yaml.js';
import { planStarterConfig } from './starter-config.js';
import type { HookManager, InitPlan, PartialPlan, RepoFacts } from './types.js';

/**
 * The hook manager a repository already uses wins, because two managers fight over the same git
 * hooks (husky moves core.hooksPath; pre-commit refuses to install while it is set). Only a
 * repository without one gets the default for its kind: husky for Node, plain git hooks otherwise.
 */
export function chooseManager(facts: RepoFacts, forced?: HookManager): { manager: HookManager; reason: string } {
  if (forced !== undefined) return { manager: forced, reason: M.reasonForced };
  const pkgText = facts.files.get('package.json');
  const hasHuskyDependency = pkgText !== undefined && dependsOn(parsePackageJson(pkgText), 'husky');
  if (facts.hasHuskyDir || facts.hooksPathConfig?.startsWith('.husky') === true || hasHuskyDependency) {
    return { manager: 'husky', reason: M.reasonHusky };
  }
  if (facts.files.has(PRE_COMMIT_CONFIG)) return { manager: 'pre-commit', reason: M.reasonPreCommit };
  if (facts.hooksPathConfig !== undefined) return { manager: 'git', reason: M.reasonHooksPath(facts.hooksPathConfig) };
  if (pkgText !== undefined) return { manager: 'husky', reason: M.reasonNode };
  return { manager: 'git', reason: M.reasonPlain };
}

const PLANNERS: Record<HookManager, (facts: RepoFacts) => PartialPlan> = {
  husky: planHusky,
  'pre-commit': planPreCommitFramework,
  git: planGitHooks,
};

export function planInit(facts: RepoFacts, forced?: HookManager): InitPlan {
  const { manager, reason } = chooseManager(facts, forced);
  const parts = [PLANNERS[manager](facts), planStarterConfig(facts)];
  const nextSteps = [
    ...(facts.isInstalledLocally ? [] : [manager === 'husky' ? M.addSchemaguard(facts.packageManager) : M.installForHooks]),
    ...parts.flatMap((part) => part.nextSteps),
    M.commitSetup,
    M.ci,
  ];
  return {
    manager,
    reason,
    actions: parts.flatMap((part) => part.actions),
    notes: parts.flatMap((part) => part.notes),
    nextSteps,
  };
}
