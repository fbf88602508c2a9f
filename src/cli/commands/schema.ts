// `schemaguard schema`: placeholder until its issue lands.
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import type { ContextFactory, SetExit } from './index.js';

export function registerSchema(program: Command, context: ContextFactory, setExit: SetExit): void {
  program
    .command('schema')
    .description('not implemented yet')
    .action(() => {
      void context;
      void setExit;
      throw new UserError('schemaguard schema is not implemented yet');
    });
}
