// Every user-facing sentence of the git layer.

export const gitMessages = {
  commandFailed: (command: string, detail: string) => `git ${command} failed: ${detail}`,
  notARepository: (cwd: string) => `${cwd} is not inside a git repository`,
  noDirectory: (dir: string) => `${dir} is not a directory`,
  notARepositoryHint: 'run schemaguard from a git working tree, or pass --cwd',
  spawnFailed: (detail: string) => `could not run git: ${detail}`,
  missingObject: (oid: string) => `git object ${oid} is not in this repository`,
  shallowHint: 'this is a shallow clone; fetch more history (git fetch --deepen=50 or --unshallow)',
  notABlob: (oid: string, type: string) => `git object ${oid} is a ${type}, not a file`,
  notACommit: (oid: string) => `git object ${oid} is not a commit`,
  unmerged: (path: string) => `${path} has unresolved merge conflicts in the index`,
  unmergedHint: 'resolve the conflicts and stage the result first',
  bareIndex: 'a bare repository has no index to read staged files from',
  indexMissing: (file: string) => `GIT_INDEX_FILE names ${file}, which does not exist`,
  indexMissingHint: 'a relative GIT_INDEX_FILE is relative to the top of the working tree',
  indexCorrupt: 'the git index file is corrupt (git status will say more)',
  badRevision: (rev: string) => `"${rev}" is not a revision schemaguard can look up`,
  batchExited: (detail: string) => `git cat-file stopped unexpectedly${detail ? `: ${detail}` : ''}`,
  closed: 'the git port was used after close()',
  isoUnsupported: (what: string) => `isomorphic-git cannot read ${what} correctly`,
  isoHint: 'install git (https://git-scm.com) and make sure it is on PATH; schemaguard then uses it',
  isoFailed: (detail: string) => `isomorphic-git could not read the repository: ${detail}`,
  isoRevision: (rev: string) =>
    `isomorphic-git can resolve only ref names, object ids and ~N / ^N suffixes, not "${rev}"`,
} as const;
