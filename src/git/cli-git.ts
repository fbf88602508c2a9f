// GitPort over the git executable: plumbing commands with -z output and one cat-file --batch process.
import { access, readFile } from 'node:fs/promises';
import { CatFileBatch } from './cat-file.js';
import { readIndexV2 } from './index-file.js';
import { setRecent } from './recent-map.js';
import { GitError } from './errors.js';
import { gitMessages } from './messages.js';
import { comparePaths, parseCommit, parseLsFiles, parseLsTree, parseRawDiff } from './parse.js';
import { decodeSource } from './source-encoding.js';
import type { DecodedSource, FileChange, FileEntry, GitPort, RepoInfo, Snapshot } from './port.js';
import { isSameSnapshot } from './port.js';
import { runGit, splitLines, splitNul, type GitResult, type GitRunner } from './process.js';
import { readRepoInfo } from './repo-info.js';
import { addedAll, deletedAll, diffListings } from './snapshot-diff.js';

/** rename detection as `git diff -M`: a moved model file is a rename, not a dropped table */
const DIFF_ARGS = ['-r', '-z', '--raw', '--no-abbrev', '-M'] as const;
/** commit listings a long-lived caller keeps: HEAD's, and a few it moved from */
const KEPT_COMMIT_LISTINGS = 8;
/** object readers a long-lived caller keeps: one per repository (and directory) it is asked about */
const KEPT_READERS = 4;

/** What a long-lived caller (the resident server) keeps between ports: what is read by content, and locations. */
export interface GitKept {
  commitListings: Map<string, FileEntry[]>;
  batches: Map<string, CatFileBatch>;
  /** where each repository is, by the directory and environment git was run with (repo-info.ts) */
  infos: Map<string, RepoInfo>;
}

export const newGitKept = (): GitKept => ({ commitListings: new Map(), batches: new Map(), infos: new Map() });

export class CliGit implements GitPort {
  readonly backend = 'cli';
  /** started on the first object read: a warm hook that only lists files never pays for it */
  private batch: CatFileBatch | null = null;
  private info: Promise<RepoInfo> | null = null;
  private isClosed = false;
  /** each snapshot is listed once per port: the check asks for HEAD's and the index's listing more than once */
  private readonly listings = new Map<string, Promise<FileEntry[]>>();

  /** `kept`: what a long-lived caller keeps across ports */
  constructor(
    private readonly runner: GitRunner,
    private readonly kept?: GitKept,
  ) {}

  prefetch(snapshots: Snapshot[]): void {
    for (const snapshot of snapshots) this.listAll(snapshot).catch(() => undefined);
    if (!this.isClosed) this.objects();
  }

  repoInfo(): Promise<RepoInfo> {
    this.info ??= readRepoInfo(this.runner, this.kept?.infos);
    return this.info;
  }

  async resolve(rev: string): Promise<string | null> {
    if (rev === '' || rev.startsWith('-')) return null;
    const { stdout, code } = await this.git(['rev-parse', '-q', '--verify', `${rev}^{commit}`], [0, 1]);
    return code === 0 ? stdout.toString('utf8').trim() : null;
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    assertRevisions(a, b);
    const { stdout, code } = await this.git(['merge-base', a, b], [0, 1]);
    return code === 0 ? stdout.toString('utf8').trim() : null;
  }

  async revList(base: string | readonly string[] | null, head: string): Promise<string[]> {
    const bases = base === null ? [] : typeof base === 'string' ? [base] : [...base];
    assertRevisions(head, ...bases);
    const { stdout } = await this.git(['rev-list', '--topo-order', '--reverse', head, ...bases.map((b) => `^${b}`), '--']);
    return splitLines(stdout);
  }

  async remoteTips(): Promise<string[]> {
    const { stdout } = await this.git(['for-each-ref', '--format=%(objectname)', 'refs/remotes/']);
    return [...new Set(splitLines(stdout))];
  }

  async commitMessage(oid: string): Promise<string> {
    return parseCommit(await this.readCommit(oid)).message;
  }

  async parents(oid: string): Promise<string[]> {
    return parseCommit(await this.readCommit(oid)).parents;
  }

  async changedFiles(from: Snapshot, to: Snapshot): Promise<FileChange[]> {
    if (isSameSnapshot(from, to)) return [];
    const all = (s: Snapshot) => this.listFiles(s, () => true);
    if (from.kind === 'empty') return addedAll(await all(to));
    if (to.kind === 'empty') return deletedAll(await all(from));
    const changes = await this.diff(from, to);
    return changes.sort((a, b) => comparePaths(a.path, b.path));
  }

  async listFiles(snapshot: Snapshot, filter: (path: string) => boolean): Promise<FileEntry[]> {
    const entries = await this.listAll(snapshot);
    return entries.filter((entry) => filter(entry.path)).sort((a, b) => comparePaths(a.path, b.path));
  }

  async readBlobs(oids: string[]): Promise<Map<string, DecodedSource>> {
    const unique = [...new Set(oids)];
    const objects = await this.objects().read(unique);
    const texts = new Map<string, DecodedSource>();
    for (const [i, oid] of unique.entries()) {
      const object = objects[i];
      if (!object) throw await this.missing(oid);
      if (object.type !== 'blob') throw new GitError(gitMessages.notABlob(oid, object.type));
      texts.set(oid, decodeSource(object.content));
    }
    return texts;
  }

  async close(): Promise<void> {
    this.isClosed = true;
    // a kept reader stays for the next port (it holds no reference to the event loop while idle)
    if (!this.kept) await this.batch?.close();
  }

  /** Two different non-empty snapshots: commit/commit, or a commit and the index (either way round). */
  private async diff(from: Snapshot, to: Snapshot): Promise<FileChange[]> {
    if (from.kind === 'commit' && to.kind === 'commit') {
      return parseRawDiff(splitNul((await this.git(['diff-tree', ...DIFF_ARGS, from.oid, to.oid, '--'])).stdout));
    }
    // a long-lived caller has HEAD's listing kept and the index's listed already (prefetch): compared here, with
    // renames detected as git does (snapshot-diff.ts), they spare a git process
    if (this.kept) return diffListings(await this.listAll(from), await this.listAll(to), (oids) => this.rawBlobs(oids));
    const commit = from.kind === 'commit' ? from.oid : to.kind === 'commit' ? to.oid : '';
    await this.assertIndexReadable();
    // diff-index compares a tree to the index; -R swaps the sides for index -> commit
    const reverse = from.kind === 'index' ? ['-R'] : [];
    const args = ['diff-index', '--cached', ...DIFF_ARGS, ...reverse, commit, '--'];
    return parseRawDiff(splitNul((await this.git(args)).stdout));
  }

  /** blob bytes by id, for rename detection */
  private async rawBlobs(oids: string[]): Promise<Map<string, Uint8Array>> {
    const objects = await this.objects().read(oids);
    const out = new Map<string, Uint8Array>();
    for (const [i, oid] of oids.entries()) {
      const object = objects[i];
      if (!object) throw await this.missing(oid);
      out.set(oid, object.content);
    }
    return out;
  }

  private objects(): CatFileBatch {
    this.assertOpen();
    if (this.batch?.isAlive) return this.batch;
    if (!this.kept) {
      this.batch = new CatFileBatch(this.runner);
      return this.batch;
    }
    // objects are read by id, so one reader serves every check on the same object store
    const { env } = this.runner;
    const key = [this.runner.executable, this.runner.cwd, env.GIT_DIR, env.GIT_COMMON_DIR, env.GIT_OBJECT_DIRECTORY, env.GIT_ALTERNATE_OBJECT_DIRECTORIES].join('\0');
    const kept = this.kept.batches.get(key);
    this.batch = kept?.isAlive ? kept : new CatFileBatch(this.runner);
    if (this.batch !== kept) setRecent(this.kept.batches, key, this.batch, KEPT_READERS, (old) => void old.close());
    return this.batch;
  }

  private listAll(snapshot: Snapshot): Promise<FileEntry[]> {
    const key = snapshot.kind === 'commit' ? snapshot.oid : snapshot.kind;
    let listing = this.listings.get(key);
    if (listing === undefined) {
      listing = this.readListing(snapshot);
      this.listings.set(key, listing);
    }
    return listing;
  }

  private async readListing(snapshot: Snapshot): Promise<FileEntry[]> {
    if (snapshot.kind === 'empty') return [];
    if (snapshot.kind === 'commit') {
      const kept = this.kept?.commitListings.get(snapshot.oid);
      if (kept) return kept;
      const entries = parseLsTree(splitNul((await this.git(['ls-tree', '-r', '-z', '--full-tree', snapshot.oid])).stdout));
      if (this.kept) setRecent(this.kept.commitListings, snapshot.oid, entries, KEPT_COMMIT_LISTINGS);
      return entries;
    }
    const fromFile = this.kept ? await this.readIndexFile() : null;
    if (fromFile) return fromFile;
    await this.assertIndexReadable();
    // `:/` and --full-name: the whole index with root-relative paths, whatever directory we run in
    const { stdout } = await this.git(['ls-files', '-s', '-z', '--full-name', '--', ':/']);
    return parseLsFiles(splitNul(stdout));
  }

  /**
   * The index read from its file, for a long-lived caller (a git process costs more than the read): only the
   * plain version-2 format index-file.ts reads; anything else (v3/v4, a split or sparse index, a conflict, no
   * file, no commit yet) is left to `git ls-files`, which also says what is wrong.
   */
  private async readIndexFile(): Promise<FileEntry[] | null> {
    const { indexFile, headOid } = await this.repoInfo();
    // index-file.ts reads SHA-1 object ids; HEAD's id tells the repository's object format
    if (indexFile === null || headOid?.length !== 40) return null;
    const buf = await readFile(indexFile).catch(() => null);
    try {
      return buf && readIndexV2(buf);
    } catch {
      return null;
    }
  }

  private async readCommit(oid: string): Promise<string> {
    const [object] = await this.objects().read([oid]);
    if (!object) throw await this.missing(oid);
    if (object.type !== 'commit') throw new GitError(gitMessages.notACommit(oid));
    return object.content.toString('utf8');
  }

  /** A bare repository has no index, and git reads a missing GIT_INDEX_FILE as an empty index: both would
   * silently turn every table into a drop. */
  private async assertIndexReadable(): Promise<void> {
    const info = await this.repoInfo();
    if (info.isBare) throw new GitError(gitMessages.bareIndex);
    await assertIndexFileExists(this.runner, info);
  }

  private async missing(oid: string): Promise<GitError> {
    const info = await this.repoInfo().catch(() => null);
    return new GitError(gitMessages.missingObject(oid), info?.isShallow ? gitMessages.shallowHint : undefined);
  }

  private async git(args: string[], okCodes?: readonly number[]): Promise<GitResult> {
    this.assertOpen();
    try {
      return await runGit(this.runner, args, okCodes);
    } catch (error) {
      throw await this.explainMissing(error);
    }
  }

  /** In a shallow clone, "bad object" usually means history that was never fetched: say so. */
  private async explainMissing(error: unknown): Promise<unknown> {
    if (!(error instanceof GitError) || error.hint || !/bad object|bad revision|unable to read/i.test(error.message)) {
      return error;
    }
    const info = await this.repoInfo().catch(() => null);
    return info?.isShallow ? new GitError(error.message, gitMessages.shallowHint) : error;
  }

  private assertOpen(): void {
    if (this.isClosed) throw new GitError(gitMessages.closed);
  }
}

/** A revision is never taken for an option (`--output=...`); resolve() simply finds no commit for one. */
function assertRevisions(...revs: string[]): void {
  const bad = revs.find((rev) => rev === '' || rev.startsWith('-'));
  if (bad !== undefined) throw new GitError(gitMessages.badRevision(bad));
}

async function assertIndexFileExists(runner: GitRunner, info: RepoInfo): Promise<void> {
  const file = info.indexFile;
  if (runner.env.GIT_INDEX_FILE === undefined || file === null) return;
  await access(file).catch(() => {
    throw new GitError(gitMessages.indexMissing(file), gitMessages.indexMissingHint);
  });
}
