// Where a repository's server listens: <git common dir>/schemaguard/server/<cache version>.sock, found without git.
import { discoverGitDir, readText } from '../git/discover.js';
import { dirname, join, resolve } from 'node:path';

/** Unix socket paths are limited to ~108 bytes; a repository deeper than that checks in-process. */
const MAX_SOCKET_PATH = 100;

/** The directory holding the sockets (mode 0700: only the repository's owner may send a server work). */
export const serverDir = (commonDir: string): string => join(commonDir, 'schemaguard', 'server');

/** The git common dir a socket path belongs to (the inverse of socketPathFor). */
export const commonDirOfSocket = (socket: string): string => dirname(dirname(dirname(socket)));

export function socketPathFor(commonDir: string, cacheVersion: string): string | null {
  const path = join(serverDir(commonDir), `${cacheVersion}.sock`);
  return Buffer.byteLength(path) <= MAX_SOCKET_PATH ? path : null;
}

/**
 * The git common dir as git would find it from `cwd`, read from the file system (a spawn of git costs milliseconds).
 * It only picks the socket: the server then runs the check with the caller's cwd and environment, so a wrong guess
 * costs speed, never correctness. Null when no repository is found.
 */
export async function findCommonDir(cwd: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const gitDir = env.GIT_DIR ? resolve(cwd, env.GIT_DIR) : (await discoverGitDir(resolve(cwd)))?.gitdir;
  if (gitDir === undefined) return null;
  if (env.GIT_COMMON_DIR) return resolve(cwd, env.GIT_COMMON_DIR);
  const common = (await readText(join(gitDir, 'commondir'))).trim();
  return common === '' ? gitDir : resolve(gitDir, common);
}
