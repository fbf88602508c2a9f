// Registers every command; each lives in its own file and owns its options.
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { registerCheck } from './check.js';
import { registerCommitMsg } from './commit-msg.js';
import { registerDiff } from './diff.js';
import { registerImpact } from './impact.js';
import { registerInit } from './init.js';
import { registerSchema } from './schema.js';
import { registerSync } from './sync.js';

export type SetExit = (code: number) => void;
export type ContextFactory = () => CommandContext;

export function registerCommands(program: Command, context: ContextFactory, setExit: SetExit): void {
  for (const register of [registerSchema, registerCheck, registerDiff, registerSync, registerImpact, registerInit, registerCommitMsg]) {
    register(program, context, setExit);
  }
}
