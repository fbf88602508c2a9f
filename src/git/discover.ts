// Finding a repository's git dir from the file system, as git's setup walks up from a directory: for the
// isomorphic-git backend, and for the resident server's client, which must not spawn git to pick a socket.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Walks up from `start`: a `.git` directory, a `.git` file (`gitdir: <path>`), or a bare git dir. */
export async function discoverGitDir(start: string): Promise<{ gitdir: string; dir: string | null } | null> {
  for (let dir = start; ; dir = dirname(dir)) {
    const dotgit = join(dir, '.git');
    const kind = await statKind(dotgit);
    if (kind === 'dir') return { gitdir: dotgit, dir };
    if (kind === 'file') {
      const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(await readText(dotgit));
      if (pointer?.[1]) return { gitdir: resolve(dir, pointer[1]), dir };
    }
    if ((await statKind(join(dir, 'HEAD'))) === 'file' && (await statKind(join(dir, 'objects'))) === 'dir') {
      return { gitdir: dir, dir: null };
    }
    if (dirname(dir) === dir) return null;
  }
}

export async function statKind(path: string): Promise<'file' | 'dir' | null> {
  const info = await stat(path).catch(() => null);
  if (!info) return null;
  return info.isDirectory() ? 'dir' : 'file';
}

/** A file's text, '' when it cannot be read. */
export const readText = (path: string): Promise<string> => readFile(path, 'utf8').catch(() => '');
