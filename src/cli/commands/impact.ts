// `schemaguard impact`: placeholder until its issue lands.
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { ContextFactory, SetExit } from './index.js';

export function registerImpact(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('impact')
    .description('not implemented yet')
    .action(() => {
      void context;
      void setExit;
      throw new UserError('schemaguard impact is not implemented yet');
    });
}
