// What the git stage hands to the rest of the pipeline, and the port every git backend implements.

/** One file's text at one revision. `rev` is 'HEAD', ':staged', a commit id, or ':worktree'. */
export interface SourceFile {
  path: string;
  text: string;
  /** git blob id when read from git; absent for working-tree files */
  oid?: string;
}
