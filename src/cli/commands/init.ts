// `schemaguard init`: placeholder until its issue lands.
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { ContextFactory, SetExit } from './index.js';

export function registerInit(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('init')
    .description('not implemented yet')
    .action(() => {
      void context;
      void setExit;
      throw new UserError('schemaguard init is not implemented yet');
    });
}
