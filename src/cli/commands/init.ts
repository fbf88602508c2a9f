// `schemaguard init`: sets up the git hooks (husky, the pre-commit framework or plain hooks) and a starter config.
import { Option, type Command } from 'commander';
import { HOOK_MANAGERS, type HookManager } from '../../init/types.js';
import { EXIT } from '../context.js';
import type { ContextFactory, SetExit } from './index.js';

interface InitOptions {
  dryRun?: boolean;
  hooks?: HookManager;
}

export function registerInit(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('init')
    .description('set up the git hooks (husky, pre-commit framework or plain git hooks) and a starter config')
    .option('--dry-run', 'print what would change, and change nothing')
    .addOption(
      new Option('--hooks <manager>', 'the hook manager to set up (default: the one the repository uses)').choices(HOOK_MANAGERS),
    )
    .action(async (options: InitOptions) => {
      const ctx = context();
      // loaded here, not at the top: every command registers at start-up, and the hook's check skips these
      const [{ applyPlan }, { detectRepo }, { planInit }, { renderPlan }] = await Promise.all([
        import('../../init/apply.js'),
        import('../../init/detect.js'),
        import('../../init/plan.js'),
        import('../../init/render.js'),
      ]);
      const facts = await detectRepo({ cwd: ctx.globals.cwd, env: ctx.env, isPreCommitWanted: options.hooks === 'pre-commit' });
      const plan = planInit(facts, options.hooks);
      const isDryRun = options.dryRun === true;
      if (!isDryRun) await applyPlan(plan.actions, facts.root, ctx.env);
      ctx.stdout.write(renderPlan(plan, facts.root, isDryRun));
      setExit(EXIT.pass);
    });
}
