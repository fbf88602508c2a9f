// `schemaguard diff`: placeholder until its issue lands.
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { ContextFactory, SetExit } from './index.js';

export function registerDiff(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('diff')
    .description('not implemented yet')
    .action(() => {
      void context;
      void setExit;
      throw new UserError('schemaguard diff is not implemented yet');
    });
}
