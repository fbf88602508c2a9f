// Object, ref and revision access over isomorphic-git: what the iso backend needs below the GitPort surface.
import * as fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as git from 'isomorphic-git';
import { GitError } from './errors.js';
import { gitMessages } from './messages.js';
import { fileMode } from './parse.js';
import type { FileEntry } from './port.js';

export interface RawObject {
  type: string;
  content: Uint8Array;
}

/** One repository's objects; `cache` keeps isomorphic-git from re-reading packfile indexes per call. */
export class IsoObjects {
  private readonly cache = {};
  private shallow: Promise<Set<string>> | null = null;

  constructor(readonly gitdir: string) {}

  /** The object, or null when the repository does not have it. */
  async read(oid: string): Promise<RawObject | null> {
    try {
      const result = await git.readObject({ fs, gitdir: this.gitdir, oid, format: 'content', cache: this.cache });
      if (result.format !== 'content') return null;
      return { type: result.type, content: result.object };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw asGitError(error, oid);
    }
  }

  async resolveRef(ref: string): Promise<string | null> {
    return git.resolveRef({ fs, gitdir: this.gitdir, ref }).catch((error: unknown) => {
      if (isNotFound(error)) return null;
      throw asGitError(error, ref);
    });
  }

  /** Commits of every remote-tracking ref (refs/remotes/*, loose and packed). */
  async remoteTips(): Promise<string[]> {
    const tips = new Set<string>();
    for (const name of await git.listRefs({ fs, gitdir: this.gitdir, filepath: 'refs/remotes' })) {
      const oid = await this.resolveRef(`refs/remotes/${name}`);
      if (oid !== null) tips.add(oid);
    }
    return [...tips];
  }

  async expandShortOid(prefix: string): Promise<string | null> {
    return git.expandOid({ fs, gitdir: this.gitdir, oid: prefix, cache: this.cache }).catch(() => null);
  }

  async mergeBases(a: string, b: string): Promise<string[]> {
    const bases = git.findMergeBase({ fs, gitdir: this.gitdir, oids: [a, b], cache: this.cache });
    return (bases as Promise<string[]>).catch((error: unknown) => {
      throw asGitError(error, `${a} or ${b}`);
    });
  }

  /** Every file under a commit's tree, recursively; submodule entries are not files. */
  async listTree(commitOid: string): Promise<FileEntry[]> {
    const walk = async (oid: string, prefix: string): Promise<FileEntry[]> => {
      const read = git.readTree({ fs, gitdir: this.gitdir, oid, cache: this.cache });
      const { tree } = await read.catch((error: unknown) => {
        throw asGitError(error, oid);
      });
      const nested = await Promise.all(
        tree.map(async (entry): Promise<FileEntry[]> => {
          const path = prefix + entry.path;
          if (entry.type === 'tree') return walk(entry.oid, `${path}/`);
          const mode = entry.type === 'blob' ? fileMode(entry.mode) : null;
          return mode ? [{ path, oid: entry.oid, mode }] : [];
        }),
      );
      return nested.flat();
    };
    return walk(commitOid, '');
  }

  /** Commits the `shallow` file lists: git treats them as having no parents. */
  shallowCommits(): Promise<Set<string>> {
    this.shallow ??= readFile(join(this.gitdir, 'shallow'), 'utf8').then(
      (text) => new Set(text.split('\n').filter(Boolean)),
      () => new Set<string>(),
    );
    return this.shallow;
  }
}

const errorCode = (error: unknown): unknown =>
  error instanceof Error && 'code' in error ? (error as { code: unknown }).code : undefined;

const isNotFound = (error: unknown): boolean => errorCode(error) === 'NotFoundError';

/** isomorphic-git's own errors (they carry a `code`) are repository problems, not schemaguard bugs. */
function asGitError(error: unknown, name: string): unknown {
  if (isNotFound(error)) return new GitError(gitMessages.missingObject(name));
  if (typeof errorCode(error) === 'string') return new GitError(gitMessages.isoFailed((error as Error).message));
  return error;
}
