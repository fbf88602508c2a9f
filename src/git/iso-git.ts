// GitPort over isomorphic-git, for machines without a git executable and for the library API.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GitError } from './errors.js';
import { readIndexV2 } from './index-file.js';
import { IsoObjects } from './iso-objects.js';
import { readText } from './discover.js';
import { indexFilePath, locateIsoRepo, type IsoRepo } from './iso-repo.js';
import { listRevisions, readCommitText, resolveRevision } from './iso-revision.js';
import { gitMessages } from './messages.js';
import { comparePaths, parseCommit } from './parse.js';
import { decodeSource } from './source-encoding.js';
import type { DecodedSource, FileChange, FileEntry, GitPort, RepoInfo, Snapshot } from './port.js';
import { isSameSnapshot } from './port.js';
import { addedAll, deletedAll, diffListings } from './snapshot-diff.js';

export class IsoGit implements GitPort {
  readonly backend = 'iso';
  private repo: Promise<{ repo: IsoRepo; objects: IsoObjects }> | null = null;
  private isClosed = false;

  constructor(
    private readonly cwd: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async repoInfo(): Promise<RepoInfo> {
    const { repo, objects } = await this.open();
    const head = (await readText(join(repo.gitdir, 'HEAD'))).trim();
    const symbolic = /^ref:\s*(\S+)$/.exec(head)?.[1] ?? null;
    return {
      toplevel: repo.dir,
      gitDir: repo.gitdir,
      commonDir: repo.gitdir,
      indexFile: repo.isBare ? null : indexFilePath(repo, this.cwd, this.env),
      isShallow: (await objects.shallowCommits()).size > 0,
      isBare: repo.isBare,
      headOid: await resolveRevision(objects, 'HEAD'),
      headRef: symbolic === null ? null : symbolic.replace(/^refs\/heads\//, ''),
      hasSubmodules: repo.dir !== null && (await readText(join(repo.dir, '.gitmodules'))) !== '',
    };
  }

  async resolve(rev: string): Promise<string | null> {
    return resolveRevision((await this.open()).objects, rev);
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    return (await (await this.open()).objects.mergeBases(a, b))[0] ?? null;
  }

  async revList(base: string | readonly string[] | null, head: string): Promise<string[]> {
    return listRevisions((await this.open()).objects, base === null ? [] : typeof base === 'string' ? [base] : base, head);
  }

  async remoteTips(): Promise<string[]> {
    return (await this.open()).objects.remoteTips();
  }

  async commitMessage(oid: string): Promise<string> {
    return parseCommit(await readCommitText((await this.open()).objects, oid)).message;
  }

  async parents(oid: string): Promise<string[]> {
    return parseCommit(await readCommitText((await this.open()).objects, oid)).parents;
  }

  async changedFiles(from: Snapshot, to: Snapshot): Promise<FileChange[]> {
    if (isSameSnapshot(from, to)) return [];
    const all = (s: Snapshot) => this.listFiles(s, () => true);
    if (from.kind === 'empty') return addedAll(await all(to));
    if (to.kind === 'empty') return deletedAll(await all(from));
    return diffListings(await all(from), await all(to), (oids) => this.readRaw(oids));
  }

  async listFiles(snapshot: Snapshot, filter: (path: string) => boolean): Promise<FileEntry[]> {
    const entries = await this.listAll(snapshot);
    return entries.filter((entry) => filter(entry.path)).sort((a, b) => comparePaths(a.path, b.path));
  }

  async readBlobs(oids: string[]): Promise<Map<string, DecodedSource>> {
    const raw = await this.readRaw(oids);
    return new Map([...raw].map(([oid, bytes]) => [oid, decodeSource(bytes)]));
  }

  async close(): Promise<void> {
    this.isClosed = true;
    this.repo = null;
  }

  private open(): Promise<{ repo: IsoRepo; objects: IsoObjects }> {
    if (this.isClosed) return Promise.reject(new GitError(gitMessages.closed));
    this.repo ??= locateIsoRepo(this.cwd, this.env).then((repo) => ({ repo, objects: new IsoObjects(repo.gitdir) }));
    return this.repo;
  }

  private async listAll(snapshot: Snapshot): Promise<FileEntry[]> {
    if (snapshot.kind === 'empty') return [];
    if (snapshot.kind === 'commit') return (await this.open()).objects.listTree(snapshot.oid);
    return this.readIndex();
  }

  private async readIndex(): Promise<FileEntry[]> {
    const { repo } = await this.open();
    if (repo.isBare) throw new GitError(gitMessages.bareIndex);
    const file = indexFilePath(repo, this.cwd, this.env);
    const buf = await readFile(file).catch((error: NodeJS.ErrnoException) => {
      // no index before the first `git add`; a named one that is missing is a mistake, as in CliGit
      if (error.code === 'ENOENT' && this.env.GIT_INDEX_FILE === undefined) return null;
      throw new GitError(gitMessages.indexMissing(file), gitMessages.indexMissingHint);
    });
    return buf === null ? [] : readIndexV2(buf);
  }

  private async readRaw(oids: string[]): Promise<Map<string, Uint8Array>> {
    const { objects } = await this.open();
    const unique = [...new Set(oids)];
    const found = await Promise.all(unique.map((oid) => objects.read(oid)));
    const blobs = new Map<string, Uint8Array>();
    for (const [i, oid] of unique.entries()) {
      const object = found[i];
      if (!object) throw await this.missing(oid);
      if (object.type !== 'blob') throw new GitError(gitMessages.notABlob(oid, object.type));
      blobs.set(oid, object.content);
    }
    return blobs;
  }

  private async missing(oid: string): Promise<GitError> {
    const { objects } = await this.open();
    const isShallow = (await objects.shallowCommits()).size > 0;
    return new GitError(gitMessages.missingObject(oid), isShallow ? gitMessages.shallowHint : undefined);
  }
}
