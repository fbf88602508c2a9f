// `schemaguard check`: placeholder until its issue lands.
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { ContextFactory, SetExit } from './index.js';

export function registerCheck(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('check')
    .description('not implemented yet')
    .action(() => {
      void context;
      void setExit;
      throw new UserError('schemaguard check is not implemented yet');
    });
}
