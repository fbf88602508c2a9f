// Plain git hooks: schemaguard's scripts copied into git's hooks directory, chaining the hooks found there.
import * as path from 'node:path';
import { INIT_MESSAGES as M } from './messages.js';
import { HOOK_NAMES, type HookName, type PartialPlan, type RepoFacts } from './types.js';

/** The line every shipped hook carries: how init tells its own hooks from someone else's. */
const SHIPPED_HOOK_MARK = '# schemaguard-hook ';
export const SAVED_SUFFIX = '.pre-schemaguard';

function planHook(facts: RepoFacts, name: HookName, plan: PartialPlan): void {
  const target = path.join(facts.hooksDir, name);
  const shipped = facts.shippedHooks[name];
  const { current, hasSaved } = facts.gitHooks[name];
  if (current === shipped) return;
  const write = (isNew: boolean, why: string): void => {
    plan.actions.push({ kind: 'write', path: target, content: shipped, isExecutable: true, isNew, why });
  };
  if (current === undefined) return write(true, M.whyHook(name));
  if (current.includes(SHIPPED_HOOK_MARK)) return write(false, M.whyHookUpdate(name));
  if (hasSaved) {
    // someone put a hook here after schemaguard's was chained: moving it would overwrite the saved one
    plan.notes.push(M.hookConflict(name, `${name}${SAVED_SUFFIX}`));
    return;
  }
  plan.actions.push({ kind: 'rename', from: target, to: `${target}${SAVED_SUFFIX}`, why: M.whyChain(name) });
  write(true, M.whyHook(name));
}

export function planGitHooks(facts: RepoFacts): PartialPlan {
  const plan: PartialPlan = { actions: [], notes: [], nextSteps: [] };
  for (const name of HOOK_NAMES) planHook(facts, name, plan);
  const relative = path.relative(facts.root, facts.hooksDir);
  if (facts.hooksPathConfig !== undefined && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    // a hooks directory inside the work tree is usually tracked: the team gets the hooks by committing it
    plan.nextSteps.push(M.commitHooksDir(relative.split(path.sep).join('/')));
  }
  return plan;
}
