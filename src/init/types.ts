// What `schemaguard init` knows about a repository, and the file actions it plans from that.

export const HOOK_NAMES = ['pre-commit', 'pre-push', 'commit-msg'] as const;
export type HookName = (typeof HOOK_NAMES)[number];

export const HOOK_MANAGERS = ['husky', 'pre-commit', 'git'] as const;
/** husky 9 (.husky/), the pre-commit framework (.pre-commit-config.yaml), or plain git hooks. */
export type HookManager = (typeof HOOK_MANAGERS)[number];

export type PackageManager = 'npm' | 'pnpm' | 'yarn';

/** One hook file in git's hooks directory, as found. */
export interface GitHookState {
  /** text of `<hooks dir>/<name>`, undefined when absent */
  current?: string;
  /** whether `<name>.pre-schemaguard` (a hook chained before ours) already exists */
  hasSaved: boolean;
}

/** Everything the planner needs, read once by detect.ts: the planner itself never reads anything. */
export interface RepoFacts {
  /** absolute path of the work tree's top */
  root: string;
  /** absolute path of the directory git runs hooks from (core.hooksPath, else .git/hooks) */
  hooksDir: string;
  /** core.hooksPath as configured, undefined when unset */
  hooksPathConfig?: string;
  /** repository-relative path → text, for the files init may read or edit (absent files are missing) */
  files: ReadonlyMap<string, string>;
  gitHooks: Readonly<Record<HookName, GitHookState>>;
  /** repository-relative paths of the Python files that look like SQLAlchemy models */
  modelFiles: readonly string[];
  /** a .husky/ directory exists (husky is, or was, this repository's hook manager) */
  hasHuskyDir: boolean;
  /** node_modules/husky is installed, so init can activate the .husky hooks right away */
  isHuskyInstalled: boolean;
  /** node_modules/.bin/schemaguard exists: the hooks find schemaguard without a global install */
  isInstalledLocally: boolean;
  /** from the lock file: the command that adds a dev dependency */
  packageManager: PackageManager;
  /** `pre-commit --version` when the executable is on PATH */
  preCommitVersion?: string;
  /** the hook scripts this package ships (hooks/), copied as they are into git's hooks directory */
  shippedHooks: Readonly<Record<HookName, string>>;
}

export type FileAction =
  | { kind: 'write'; path: string; content: string; isExecutable: boolean; isNew: boolean; why: string }
  | { kind: 'rename'; from: string; to: string; why: string }
  /** a command run from the repository root, e.g. husky's own installer */
  | { kind: 'run'; command: readonly string[]; why: string };

/** What one planner contributes: its actions, notes and next steps. */
export interface PartialPlan {
  actions: FileAction[];
  notes: string[];
  nextSteps: string[];
}

export interface InitPlan {
  manager: HookManager;
  /** why this manager was chosen, in the user's words */
  reason: string;
  /** paths are absolute; they are shown relative to the repository root */
  actions: FileAction[];
  /** what the user should know about choices init made */
  notes: string[];
  nextSteps: string[];
}
