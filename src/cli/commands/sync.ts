// `schemaguard sync`: placeholder until its issue lands.
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { ContextFactory, SetExit } from './index.js';

export function registerSync(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('sync')
    .description('not implemented yet')
    .action(() => {
      void context;
      void setExit;
      throw new UserError('schemaguard sync is not implemented yet');
    });
}
