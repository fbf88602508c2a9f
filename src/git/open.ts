// Picks the git backend: the git executable when one is on PATH, else isomorphic-git.
import { access, constants, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { CliGit, type GitKept } from './cli-git.js';
import { GitError } from './errors.js';
import { gitMessages } from './messages.js';
import type { GitPort } from './port.js';

export interface OpenGitOptions {
  /** force a backend (tests, the library API); default: 'cli' when git is on PATH */
  backend?: 'cli' | 'iso';
  /** what a long-lived caller keeps between ports (the git executable backend uses it) */
  kept?: GitKept;
}

/** Opens a port on the repository containing `cwd`. `env` is passed to git untouched, so GIT_DIR and
 * GIT_INDEX_FILE set by a hook are honoured. */
export async function openGit(cwd: string, env: NodeJS.ProcessEnv, options: OpenGitOptions = {}): Promise<GitPort> {
  const dir = resolve(cwd);
  const isDirectory = await stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isDirectory) throw new GitError(gitMessages.noDirectory(dir));
  const executable = options.backend === 'iso' ? null : await findExecutable('git', env);
  if ((options.backend ?? (executable ? 'cli' : 'iso')) === 'iso') {
    // loaded on demand: importing isomorphic-git alone costs ~100 ms, more than a whole warm hook
    const { IsoGit } = await import('./iso-git.js');
    return new IsoGit(dir, env);
  }
  return new CliGit({ executable: executable ?? 'git', cwd: dir, env }, options.kept);
}

/** Looks `name` up on PATH without spawning anything (a spawn costs milliseconds in a hook). */
export async function findExecutable(name: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const isWindows = process.platform === 'win32';
  const extensions = isWindows ? (env.PATHEXT ?? '.EXE;.CMD;.BAT;.COM').split(';') : [''];
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter((dir) => dir !== '' && isAbsolute(dir));
  for (const dir of dirs) {
    for (const extension of extensions) {
      const candidate = join(dir, name + extension.toLowerCase());
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

const isExecutable = (path: string): Promise<boolean> =>
  access(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK).then(
    () => true,
    () => false,
  );
