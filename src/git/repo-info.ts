// Where the repository is and what state HEAD is in: one `git rev-parse` in the usual case.
import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readHeadFiles } from './head-files.js';
import type { RepoInfo } from './port.js';
import { setRecent } from './recent-map.js';
import { commandError, runGit, splitLines, type GitRunner } from './process.js';

/** rev-parse prints one line per argument, in order, and stops at the first that fails: --show-toplevel in a
 * bare repository, HEAD before the first commit. Those two cases take a second look at HEAD. */
const REV_PARSE_ARGS = [
  'rev-parse',
  '--is-bare-repository',
  '--is-shallow-repository',
  '--absolute-git-dir',
  '--git-common-dir',
  // the index git will read: GIT_INDEX_FILE when set, resolved as git resolves it (from the work-tree top)
  '--git-path',
  'index',
  '--show-toplevel',
  'HEAD^{commit}',
  '--symbolic-full-name',
  'HEAD',
  // `--`: HEAD is a revision even if a file of that name exists
  '--',
];

/** Settings of git's that only label or display (hooks get them too): they do not move the repository. */
const LABELS_ONLY = /^GIT_(EDITOR|SEQUENCE_EDITOR|PAGER|REFLOG_ACTION|AUTHOR_|COMMITTER_|PREFIX$|TRACE|TERMINAL_PROMPT$|ASKPASS$)/;

/** What decides where git finds the repository: the directory, the executable and git's own environment. */
function locationKey(runner: GitRunner): string {
  const settings = Object.entries(runner.env).filter(([key]) => key.startsWith('GIT_') && !LABELS_ONLY.test(key));
  return JSON.stringify([runner.executable, runner.cwd, settings.sort(([a], [b]) => (a < b ? -1 : 1))]);
}

/**
 * `kept` (a long-lived caller's, by location): where the repository is does not change between checks, so once
 * git has said it, HEAD is read from the files (head-files.ts) and git asked again only when they cannot say.
 */
export async function readRepoInfo(runner: GitRunner, kept?: Map<string, RepoInfo>): Promise<RepoInfo> {
  const key = kept && locationKey(runner);
  const known = key === undefined ? undefined : kept?.get(key);
  const head = known && (await readHeadFiles(known.gitDir, known.commonDir));
  if (known && head) {
    const [isShallow, hasSubmodules] = await Promise.all([exists(join(known.commonDir, 'shallow')), known.toplevel !== null && exists(join(known.toplevel, '.gitmodules'))]);
    return { ...known, headOid: head.oid, headRef: branchOf(head.symbolic), isShallow, hasSubmodules };
  }
  const info = await askGit(runner);
  if (key !== undefined && kept) setRecent(kept, key, info, KEPT_LOCATIONS);
  return info;
}

/** locations a long-lived caller keeps: a repository's top and the few directories hooks run in */
const KEPT_LOCATIONS = 8;

const branchOf = (symbolic: string): string | null => (symbolic === 'HEAD' ? null : symbolic.replace(/^refs\/heads\//, ''));

async function askGit(runner: GitRunner): Promise<RepoInfo> {
  const result = await runGit(runner, REV_PARSE_ARGS, [0, 128]);
  const lines = splitLines(result.stdout);
  const [bare, shallow, gitDir = '', commonDir = '', indexPath = '', toplevel, oid, symbolic] = lines;
  if (lines.length < 5) throw commandError(REV_PARSE_ARGS, result.stderr);
  const isBare = bare === 'true';
  const top = isBare || toplevel === undefined ? null : resolve(toplevel);
  const head = result.code === 0 && oid && symbolic ? { oid, symbolic } : await readHead(runner);
  return {
    toplevel: top,
    gitDir,
    // both are printed relative to the directory git ran in
    commonDir: resolve(runner.cwd, commonDir),
    indexFile: isBare ? null : resolve(runner.cwd, indexPath),
    isShallow: shallow === 'true',
    isBare,
    headOid: head.oid,
    headRef: branchOf(head.symbolic),
    hasSubmodules: top !== null && (await exists(join(top, '.gitmodules'))),
  };
}

/** HEAD when rev-parse could not say: an unborn branch, or a bare repository. */
async function readHead(runner: GitRunner): Promise<{ oid: string | null; symbolic: string }> {
  const [symbolic, head] = await Promise.all([
    runGit(runner, ['symbolic-ref', '-q', 'HEAD'], [0, 1]),
    runGit(runner, ['rev-parse', '-q', '--verify', 'HEAD^{commit}'], [0, 1]),
  ]);
  return {
    oid: head.code === 0 ? head.stdout.toString('utf8').trim() : null,
    symbolic: symbolic.code === 0 ? symbolic.stdout.toString('utf8').trim() : 'HEAD',
  };
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );
