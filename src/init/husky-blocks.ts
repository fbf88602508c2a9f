// The lines schemaguard adds to .husky/<hook> files, and merging them into what is there already.
import type { HookName } from './types.js';

const BLOCK_START = '# >>> schemaguard';
const BLOCK_END = '# <<< schemaguard';
const HEADER = `${BLOCK_START}: written by \`schemaguard init\` (docs/hooks.md in the schemaguard package)`;
const SKIP = '"${SCHEMAGUARD:-}"';

export interface PreCommitWiring {
  /** lint-staged runs the check for staged .py files, through the task in .lintstagedrc.mjs */
  isViaLintStaged: boolean;
  /** the hook does not run lint-staged yet, so the block does */
  needsLintStagedLine: boolean;
}

function preCommitBody(wiring: PreCommitWiring): string[] {
  if (!wiring.isViaLintStaged) return [`[ ${SKIP} = 0 ] || schemaguard check --staged`];
  return [
    ...(wiring.needsLintStagedLine ? ['lint-staged'] : []),
    '# lint-staged runs the check when .py files are staged; a commit that stages none of them, such',
    '# as one that only deletes a model file (lint-staged leaves deletions out), is checked here.',
    `if [ ${SKIP} != 0 ] && git diff --cached --quiet --diff-filter=ACMR -- '*.py'; then`,
    '  schemaguard check --staged',
    'fi',
  ];
}

const PRE_PUSH_BODY = [
  "# git's list of pushed refs arrives on stdin and can be read once: the check reads a copy, and",
  '# whatever follows in this hook reads the same lines.',
  'schemaguard_refs=$(cat)',
  `if [ ${SKIP} != 0 ]; then`,
  `  printf '%s\\n' "$schemaguard_refs" | schemaguard check --pre-push`,
  'fi',
  'exec <<SCHEMAGUARD_REFS',
  '$schemaguard_refs',
  'SCHEMAGUARD_REFS',
];

const COMMIT_MSG_BODY = [`[ ${SKIP} = 0 ] || schemaguard commit-msg "$1"`];

export function huskyBlock(hook: HookName, wiring: PreCommitWiring): string {
  const body = hook === 'pre-commit' ? preCommitBody(wiring) : hook === 'pre-push' ? PRE_PUSH_BODY : COMMIT_MSG_BODY;
  return [HEADER, ...body, BLOCK_END].join('\n') + '\n';
}

/** The pre-push block goes first: it must read stdin before any other line of the hook does. */
export function blockPlacement(hook: HookName): 'append' | 'prepend' {
  return hook === 'pre-push' ? 'prepend' : 'append';
}

function blockBounds(text: string): { start: number; end: number } | undefined {
  const start = text.search(/^# >>> schemaguard/m);
  if (start === -1) return undefined;
  const endMarker = text.indexOf(BLOCK_END, start);
  if (endMarker === -1) return undefined;
  const lineEnd = text.indexOf('\n', endMarker);
  return { start, end: lineEnd === -1 ? text.length : lineEnd + 1 };
}

/** The hook's own lines, without schemaguard's block. */
export function withoutBlock(text: string): string {
  const bounds = blockBounds(text);
  return bounds === undefined ? text : text.slice(0, bounds.start) + text.slice(bounds.end);
}

/** Puts the block into a hook file: replaces an earlier block in place, else adds it, keeping every other line. */
export function mergeBlock(existing: string | undefined, block: string, placement: 'append' | 'prepend'): string {
  if (existing === undefined || existing.trim() === '') return block;
  const bounds = blockBounds(existing);
  if (bounds !== undefined) return existing.slice(0, bounds.start) + block + existing.slice(bounds.end);
  const text = existing.endsWith('\n') ? existing : `${existing}\n`;
  if (placement === 'append') return `${text}\n${block}`;
  // a shebang must stay the first line
  const shebang = /^#!.*\n/.exec(text)?.[0] ?? '';
  return `${shebang}${block}\n${text.slice(shebang.length)}`;
}

export const LINT_STAGED_CONFIG_FILE = '.lintstagedrc.mjs';

export const LINT_STAGED_CONFIG = `// lint-staged configuration, written by \`schemaguard init\`.
// The schemaguard task is a function, so lint-staged appends no file names: the check reads the
// whole staged set itself. lint-staged leaves deleted files out; .husky/pre-commit checks those.
export default {
  '*.py': () => (process.env.SCHEMAGUARD === '0' ? [] : 'schemaguard check --staged'),
};
`;
