// Carries out a plan: the only part of init that writes files or runs commands.
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { UserError } from '../cli/errors.js';
import { INIT_MESSAGES as M } from './messages.js';
import type { FileAction } from './types.js';

async function applyAction(action: FileAction, root: string, env: NodeJS.ProcessEnv): Promise<void> {
  switch (action.kind) {
    case 'write':
      await mkdir(path.dirname(action.path), { recursive: true });
      await writeFile(action.path, action.content);
      // git runs only executable hooks; an existing file keeps the mode it has
      if (action.isExecutable) await chmod(action.path, 0o755);
      return;
    case 'rename':
      await rename(action.from, action.to);
      return;
    case 'run': {
      const [command = '', ...args] = action.command;
      const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
      if (result.status !== 0) {
        const output = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim() || (result.error?.message ?? '');
        throw new UserError(M.runFailed(action.command.join(' '), result.status, output), M.hint);
      }
      return;
    }
  }
}

/** In order: config edits come before the commands that read them (`pre-commit install` reads the config). */
export async function applyPlan(actions: readonly FileAction[], root: string, env: NodeJS.ProcessEnv): Promise<void> {
  for (const action of actions) await applyAction(action, root, env);
}
