// schemaguard's entries for the pre-commit framework, and adding them to a .pre-commit-config.yaml by text.
import { isMap, isSeq, parseDocument, stringify, type Document } from 'yaml';
import { UserError } from '../cli/errors.js';
import { INIT_MESSAGES as M } from './messages.js';

export const PRE_COMMIT_CONFIG = '.pre-commit-config.yaml';
const INSTALL_HOOK_TYPES = ['pre-commit', 'pre-push', 'commit-msg'] as const;

/** Stage names: pre-commit 3.2 renamed `commit`/`push` to the git hook names (older ones reject the new). */
export function preCommitStageNames(version: string | undefined): { commit: string; push: string } {
  const [major = 0, minor = 0] = (version ?? '').split('.').map(Number);
  // unknown (not installed yet): the current names
  const isOld = version !== undefined && (major < 3 || (major === 3 && minor < 2));
  return isOld ? { commit: 'commit', push: 'push' } : { commit: 'pre-commit', push: 'pre-push' };
}

export interface FrameworkHook {
  id: string;
  name: string;
  entry: string;
  stages: string[];
  /** only commit-msg takes a file name: the message file */
  passFilenames: boolean;
}

/**
 * The three hooks. `command` is how to start schemaguard: `npx --no-install schemaguard` for a local
 * (system) hook, `schemaguard` in this package's own manifest. Each entry honours SCHEMAGUARD=0. The
 * framework keeps git's pre-push stdin to itself and hands the pushed range over in PRE_COMMIT_FROM_REF
 * and PRE_COMMIT_TO_REF instead (unset when the push sends a whole new history: nothing to compare with).
 */
export function frameworkHooks(command: string, stages: { commit: string; push: string }): FrameworkHook[] {
  const guarded = (run: string): string => `sh -c '[ "\${SCHEMAGUARD:-}" = 0 ] || ${run}'`;
  return [
    {
      id: 'schemaguard',
      name: 'schemaguard (staged schema changes)',
      entry: guarded(`exec ${command} check --staged`),
      stages: [stages.commit],
      passFilenames: false,
    },
    {
      id: 'schemaguard-pre-push',
      name: 'schemaguard (pushed schema changes)',
      entry: guarded(
        `[ -z "\${PRE_COMMIT_FROM_REF:-}" ] || exec ${command} check --base "$PRE_COMMIT_FROM_REF" --head "$PRE_COMMIT_TO_REF"`,
      ),
      stages: [stages.push],
      passFilenames: false,
    },
    {
      id: 'schemaguard-commit-msg',
      name: 'schemaguard (override trailer)',
      entry: `${guarded(`exec ${command} commit-msg "$1"`)} --`,
      stages: ['commit-msg'],
      passFilenames: true,
    },
  ];
}

const scalar = (value: string): string => stringify(value, { lineWidth: 0 }).trimEnd();

/** One hook's lines; `dash` is the sequence item prefix the file already uses (`- `, `  - `, `-   `). */
function renderHook(hook: FrameworkHook, language: string, dash: string): string[] {
  const pad = ' '.repeat(dash.length);
  return [
    `${dash}id: ${hook.id}`,
    `${pad}name: ${scalar(hook.name)}`,
    `${pad}entry: ${scalar(hook.entry)}`,
    `${pad}language: ${language}`,
    `${pad}pass_filenames: ${hook.passFilenames}`,
    // without it the framework skips a commit that stages no file it lists, and it lists no deletions
    ...(hook.passFilenames ? [] : [`${pad}always_run: true`]),
    `${pad}stages: [${hook.stages.join(', ')}]`,
  ];
}

function localRepoLines(hooks: FrameworkHook[], dash: string): string[] {
  const pad = ' '.repeat(dash.length);
  return [`${dash}repo: local`, `${pad}hooks:`, ...hooks.flatMap((hook) => renderHook(hook, 'system', pad + dash))];
}

function parseConfig(text: string): Document {
  const doc = parseDocument(text);
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = text.slice(0, error.pos[0]).split('\n').length;
    throw new UserError(M.preCommitConfigInvalid(`${PRE_COMMIT_CONFIG}:${line}`, error.message.split('\n')[0] ?? ''));
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    throw new UserError(M.preCommitConfigInvalid(PRE_COMMIT_CONFIG, M.preCommitConfigNotMap));
  }
  return doc;
}

const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
/** A list in the parsed config, or [] where the file has something else (pre-commit reports that itself). */
const listAt = (value: unknown, key: string): unknown[] => {
  const list = field(value, key);
  return Array.isArray(list) ? list : [];
};

function hasSchemaguardHook(doc: Document): boolean {
  return listAt(doc.toJS(), 'repos').some((repo) =>
    listAt(repo, 'hooks').some((hook) => {
      const id = field(hook, 'id');
      return typeof id === 'string' && id.startsWith('schemaguard');
    }),
  );
}

const ensureNewline = (text: string): string => (text === '' || text.endsWith('\n') ? text : `${text}\n`);

/** Inserts the local repo after the last item of `repos:`, in the file's own sequence style. */
function addLocalRepo(text: string, doc: Document, hooks: FrameworkHook[]): string {
  const repos = doc.get('repos', true);
  if (repos === undefined) return `${ensureNewline(text)}repos:\n${localRepoLines(hooks, '- ').join('\n')}\n`;
  const first = isSeq(repos) && !repos.flow ? repos.items[0] : undefined;
  const at = isSeq(repos) ? repos.range?.[1] : undefined;
  const itemStart = (first as { range?: [number, number, number] } | undefined)?.range?.[0];
  if (itemStart === undefined || at === undefined) {
    // `repos: []`, `repos:` with no value, or another odd shape: let the YAML library write the list
    const entry: unknown = (parseDocument(localRepoLines(hooks, '- ').join('\n')).toJS() as unknown[])[0];
    doc.set('repos', doc.createNode([...listAt(doc.toJS(), 'repos'), entry]));
    return doc.toString();
  }
  const dash = text.slice(text.lastIndexOf('\n', itemStart - 1) + 1, itemStart);
  const before = ensureNewline(text.slice(0, at));
  return `${before}${localRepoLines(hooks, dash).join('\n')}\n${text.slice(at)}`;
}

/** default_install_hook_types lets a plain `pre-commit install` set up all three git hooks. */
function addInstallTypes(text: string, doc: Document): string {
  const current = doc.get('default_install_hook_types', true);
  if (current === undefined) {
    return `${ensureNewline(text)}default_install_hook_types: [${INSTALL_HOOK_TYPES.join(', ')}]\n`;
  }
  const have = new Set(listAt(doc.toJS(), 'default_install_hook_types'));
  const missing = INSTALL_HOOK_TYPES.filter((type) => !have.has(type));
  if (missing.length === 0) return text;
  for (const type of missing) doc.addIn(['default_install_hook_types'], type);
  return doc.toString();
}

/** The config with schemaguard's hooks and hook types added; the same text when both are there already. */
export function mergePreCommitConfig(text: string, hooks: FrameworkHook[]): string {
  const doc = parseConfig(text);
  const withRepo = hasSchemaguardHook(doc) ? text : addLocalRepo(text, doc, hooks);
  return addInstallTypes(withRepo, parseConfig(withRepo));
}
