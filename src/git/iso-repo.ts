// Finds the repository for the isomorphic-git backend and refuses the layouts isomorphic-git would misread.
import { join, resolve } from 'node:path';
import { discoverGitDir, readText, statKind } from './discover.js';
import { GitError } from './errors.js';
import { gitMessages } from './messages.js';

export interface IsoRepo {
  /** working tree root; null when bare */
  dir: string | null;
  gitdir: string;
  isBare: boolean;
}

/** Environment variables that move objects or the common dir somewhere isomorphic-git will not look. */
const UNSUPPORTED_ENV: Record<string, string> = {
  GIT_COMMON_DIR: 'a repository whose common dir is set by GIT_COMMON_DIR',
  GIT_OBJECT_DIRECTORY: 'objects moved by GIT_OBJECT_DIRECTORY',
  GIT_ALTERNATE_OBJECT_DIRECTORIES: 'alternate object directories (GIT_ALTERNATE_OBJECT_DIRECTORIES)',
};

export async function locateIsoRepo(cwd: string, env: NodeJS.ProcessEnv): Promise<IsoRepo> {
  for (const [name, what] of Object.entries(UNSUPPORTED_ENV)) if (env[name]) throw unsupported(what);
  const found = env.GIT_DIR
    ? { gitdir: resolve(cwd, env.GIT_DIR), dir: resolve(cwd, env.GIT_WORK_TREE ?? cwd) }
    : await discoverGitDir(resolve(cwd));
  if (!found) throw new GitError(gitMessages.notARepository(cwd), gitMessages.notARepositoryHint);
  await assertSupportedLayout(found.gitdir);
  const config = await readText(join(found.gitdir, 'config'));
  const isBare = found.dir === null || /^\s*bare\s*=\s*true\s*$/im.test(config);
  return { gitdir: found.gitdir, dir: isBare ? null : found.dir, isBare };
}

async function assertSupportedLayout(gitdir: string): Promise<void> {
  if ((await statKind(join(gitdir, 'commondir'))) === 'file') {
    throw unsupported('a linked worktree (git worktree add)');
  }
  if ((await statKind(join(gitdir, 'objects', 'info', 'alternates'))) === 'file') {
    throw unsupported('a repository that borrows objects from another (objects/info/alternates)');
  }
  const config = await readText(join(gitdir, 'config'));
  if (/^\s*objectformat\s*=\s*sha256\s*$/im.test(config)) throw unsupported('a SHA-256 repository');
  if (/^\s*refstorage\s*=\s*reftable\s*$/im.test(config)) throw unsupported('reftable refs');
}

/** The index git would read: GIT_INDEX_FILE when set (a hook's temporary index for `git commit -a` or
 * `git commit <path>`), which git resolves from the top of the working tree when relative. */
export function indexFilePath(repo: IsoRepo, cwd: string, env: NodeJS.ProcessEnv): string {
  const named = env.GIT_INDEX_FILE;
  return named ? resolve(repo.dir ?? cwd, named) : join(repo.gitdir, 'index');
}

const unsupported = (what: string) => new GitError(gitMessages.isoUnsupported(what), gitMessages.isoHint);
