// The plan as text: what init did (or, with --dry-run, would do), why, and what to do next.
import * as path from 'node:path';
import { INIT_MESSAGES as M } from './messages.js';
import type { FileAction, InitPlan } from './types.js';

/** Inside the repository a path shows relative to its root; a hooks directory elsewhere shows in full. */
function shown(file: string, root: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

function describe(action: FileAction, root: string): [verb: string, what: string, why: string] {
  switch (action.kind) {
    case 'write':
      return [action.isNew ? 'create' : 'update', shown(action.path, root), action.why];
    case 'rename':
      return ['move', `${shown(action.from, root)} -> ${path.basename(action.to)}`, action.why];
    case 'run':
      return ['run', action.command.join(' '), action.why];
  }
}

export function renderPlan(plan: InitPlan, root: string, isDryRun: boolean): string {
  const lines = [M.title(plan.manager, plan.reason)];
  if (plan.actions.length === 0) {
    lines.push(M.nothingToDo);
  } else {
    if (isDryRun) lines.push(M.dryRun);
    const rows = plan.actions.map((action) => describe(action, root));
    const width = Math.max(...rows.map(([, what]) => what.length));
    for (const [verb, what, why] of rows) lines.push(`  ${verb.padEnd(6)}  ${what.padEnd(width)}  ${why}`);
  }
  if (plan.notes.length > 0) lines.push('', M.notes, ...plan.notes.map((note) => `  - ${note}`));
  if (plan.actions.length > 0 && plan.nextSteps.length > 0) {
    lines.push('', M.next, ...plan.nextSteps.map((step, i) => `  ${i + 1}. ${step}`));
  }
  return `${lines.join('\n')}\n`;
}
