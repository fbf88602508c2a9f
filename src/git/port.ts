// GitPort: everything schemaguard asks of git, implemented over the git executable and over isomorphic-git.

/** A tree to read files from: a commit, the index git will commit (GIT_INDEX_FILE honoured), or nothing. */
export type Snapshot = { kind: 'commit'; oid: string } | { kind: 'index' } | { kind: 'empty' };

/** git's raw diff letters (https://git-scm.com/docs/git-diff#_raw_output_format); 'U' never leaves the port. */
export type ChangeStatus = 'A' | 'M' | 'D' | 'R' | 'C' | 'T';

/** git tree entry modes the port reports; gitlinks (160000, submodules) are not files and never appear. */
export type FileMode = '100644' | '100755' | '120000';

export interface FileChange {
  status: ChangeStatus;
  /** repository-relative POSIX path after the change (the old path for a deletion) */
  path: string;
  /** the path before a rename or copy */
  oldPath?: string;
  oldOid?: string;
  newOid?: string;
  oldMode?: FileMode;
  newMode?: FileMode;
}

export interface FileEntry {
  path: string;
  oid: string;
  mode: FileMode;
}

export interface RepoInfo {
  /** absolute working-tree root; null in a bare repository */
  toplevel: string | null;
  /** absolute per-worktree git dir (`.git/worktrees/<name>` in a linked worktree) */
  gitDir: string;
  /** absolute shared git dir: objects, refs, and schemaguard's cache live here */
  commonDir: string;
  /** absolute path of the index git reads (GIT_INDEX_FILE honoured); null in a bare repository */
  indexFile: string | null;
  isShallow: boolean;
  isBare: boolean;
  /** null before the first commit */
  headOid: string | null;
  /** branch name (`main`), or null when HEAD is detached */
  headRef: string | null;
  /** a `.gitmodules` file exists at the top of the working tree */
  hasSubmodules: boolean;
}

export interface GitPort {
  readonly backend: 'cli' | 'iso';
  repoInfo(): Promise<RepoInfo>;
  /** the commit a revision names, or null when it names none */
  resolve(rev: string): Promise<string | null>;
  mergeBase(a: string, b: string): Promise<string | null>;
  /** commits reachable from head and from none of the bases (all ancestors when there is none), parents before children */
  revList(base: string | readonly string[] | null, head: string): Promise<string[]>;
  /** the commits remote-tracking refs (refs/remotes/*) point at: what this clone knows the remotes have */
  remoteTips(): Promise<string[]>;
  commitMessage(oid: string): Promise<string>;
  /** parents as recorded in the commit; in a shallow clone they may be absent from the object store */
  parents(oid: string): Promise<string[]>;
  /** files that differ, with renames detected (git's -M, 50 % similarity), sorted by path */
  changedFiles(from: Snapshot, to: Snapshot): Promise<FileChange[]>;
  /** every file of a snapshot whose path passes the filter, sorted by path */
  listFiles(snapshot: Snapshot, filter: (path: string) => boolean): Promise<FileEntry[]>;
  /** blob text by blob id, decoded as Python decodes source (source-encoding.ts); a missing object is an error */
  readBlobs(oids: string[]): Promise<Map<string, DecodedSource>>;
  /** ends any helper process; the port may not be used afterwards */
  close(): Promise<void>;
  /**
   * A hint that these snapshots will be listed and objects read: a backend may start that work now, in parallel
   * with whatever the caller loads meanwhile. Errors surface from the later calls, not from here.
   */
  prefetch?(snapshots: Snapshot[]): void;
}

export const isSameSnapshot = (a: Snapshot, b: Snapshot): boolean =>
  a.kind === b.kind && (a.kind !== 'commit' || (b.kind === 'commit' && a.oid === b.oid));

/** A file's bytes that Python refuses as source (not UTF-8, no other encoding declared), or a codec we cannot read. */
export interface DecodeProblem {
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Source text as decoded from a file's bytes, with what stood in the way. */
export interface DecodedSource {
  text: string;
  problem?: DecodeProblem;
}
