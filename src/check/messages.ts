// What the check says about repositories, revisions and overrides.
export const CHECK_MESSAGES = {
  unknownRevision: (rev: string) => `unknown revision "${rev}"`,
  revisionHint: 'check the name (git rev-parse <rev>), or fetch it first',
  shallowHint: 'this is a shallow clone without that history: fetch it (git fetch --deepen=50, or --unshallow), or in CI check out with fetch-depth: 0',
  noMergeBase: (upstream: string) => `no common ancestor with ${upstream} in this clone`,
  noDefaultBase: 'no base to compare with: this branch has no upstream and there is no origin/HEAD',
  baseHint: 'pass --base <rev> (for example --base origin/main)',
  bareRepository: 'this is a bare repository: there is no index to check',
  bareHint: 'run check --staged inside a working tree, or use check --base/--head',
  unreadableSnapshot: (problem: string) => `${problem}: checked without downstream consumers (onError: warn); run \`npx schemaguard sync\` to rebuild the snapshot`,
  unreadableSnapshotHint: 'run `npx schemaguard sync` to rebuild the snapshot (or restore it from git); `onError: warn` checks without it',
  noSnapshot: (path: string) => `no lineage snapshot at ${path}: downstream consumers are unknown (run \`npx schemaguard sync\`)`,
  stagedLabel: (hasHead: boolean) => (hasHead ? 'HEAD -> staged' : 'first commit -> staged'),
  stagedMergeLabel: (others: number) => `HEAD + ${others === 1 ? 'MERGE_HEAD' : `${others} MERGE_HEAD commits`} -> staged merge`,
  prePushBadLine: (line: number, text: string) =>
    `pre-push input line ${line}: expected "<local ref> <local oid> <remote ref> <remote oid>", got "${text}"`,
  prePushInputHint: "check --pre-push reads git's pre-push hook input: forward the hook's standard input unchanged",
  pathsWithRevision: 'paths cannot be combined with --ref or --staged',
  pathsWithRevisionHint: 'at a revision the config decides which files are models (`models:` globs); drop the paths',
  refAndStaged: 'choose one of --ref and --staged',
} as const;
