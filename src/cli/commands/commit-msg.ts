// `schemaguard commit-msg <file>` (hidden): run by the commit-msg hook to leave the override trailer.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../context.js';
import type { ContextFactory, SetExit } from './index.js';

export function registerCommitMsg(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('commit-msg', { hidden: true })
    .description("add the Schemaguard-Override trailer to the commit message when this commit's check was overridden")
    .argument('<file>', 'the commit message file git passes to the commit-msg hook')
    .action(async (file: string) => {
      const ctx = context();
      const { addOverrideTrailer } = await import('../../check/commit-msg.js');
      const added = await addOverrideTrailer(resolve(ctx.globals.cwd, file), ctx.globals.cwd, ctx.env, new Date());
      if (added !== null && !ctx.globals.quiet) ctx.stderr.write(`schemaguard: override recorded in the commit message (${added.rules.join(', ')})\n`);
      setExit(EXIT.pass);
    });
}
