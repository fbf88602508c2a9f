// Temp git repositories built from fixtures/policy/, real hooks running the built CLI, and model edits.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN } from './cli.js';
import { createRepo, type TestRepo } from './git-repo.js';
import { run, type RunResult } from './packed.js';

const POLICY_DIR = fileURLToPath(new URL('../../fixtures/policy/', import.meta.url));
export const CUSTOMER_FILE = 'app/models/customer.py';
const MODEL_FILES = ['app/__init__.py', 'app/models/__init__.py', 'app/models/base.py', CUSTOMER_FILE, 'app/models/order.py'];

export const policyFile = (path: string): string => readFileSync(join(POLICY_DIR, path), 'utf8');

/** The fixture models plus `files` (config files by their name in the repository), committed as the first commit. */
export function policyRepo(files: Record<string, string>): TestRepo {
  const models = Object.fromEntries(MODEL_FILES.map((path) => [path, policyFile(`repo/${path}`)]));
  return createRepo({ files: { ...models, ...files } });
}

/** A model file's text without the declaration line of `column`; fails when the line is not there. */
function withoutColumn(text: string, column: string): string {
  const line = new RegExp(`^    ${column}: Mapped\\[.*\\n`, 'm');
  if (!line.test(text)) throw new Error(`no declaration of ${column} to drop`);
  return text.replace(line, '');
}

/** Stages the customer model with `column` dropped (and the class line rewritten by `classLine`, when given). */
export function stageCustomerDrop(repo: TestRepo, column: string, classLine?: string): void {
  let text = withoutColumn(readFileSync(join(repo.dir, CUSTOMER_FILE), 'utf8'), column);
  if (classLine !== undefined) text = text.replace(/^class Customer\(Base\):.*$/m, classLine);
  repo.write(CUSTOMER_FILE, text);
  repo.git('add', CUSTOMER_FILE);
}

const HOOK_COMMANDS = {
  'pre-commit': 'check --staged',
  'commit-msg': 'commit-msg "$1"',
  'pre-push': 'check --pre-push',
} as const;

/** `.git/hooks/{pre-commit,commit-msg,pre-push}` running `node <project>/bin/schemaguard.js ...` (pre-push: stdin passes through exec). */
export function installPolicyHooks(repo: TestRepo): void {
  const hooks = join(repo.dir, '.git', 'hooks');
  mkdirSync(hooks, { recursive: true });
  for (const [name, command] of Object.entries(HOOK_COMMANDS)) {
    writeFileSync(join(hooks, name), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" ${command}\n`);
    chmodSync(join(hooks, name), 0o755);
  }
}

/**
 * Real `git <args>` in the repository; never throws, the exit code is the point. repo.env is hermetic: no
 * GIT_* of the outer process (a test run from a git hook has GIT_INDEX_FILE), its own HOME.
 */
export function gitIn(repo: TestRepo, args: readonly string[], env: NodeJS.ProcessEnv = {}): RunResult {
  return run('git', args, { cwd: repo.dir, env: { ...repo.env, NO_COLOR: '1', ...env } });
}

/** The built CLI in the repository, the same way (stdout and stderr together in `output`). */
export function schemaguardIn(repo: TestRepo, args: readonly string[], env: NodeJS.ProcessEnv = {}): RunResult {
  return run(process.execPath, [BIN, ...args], { cwd: repo.dir, env: { ...repo.env, NO_COLOR: '1', ...env } });
}

export const headOid = (repo: TestRepo): string => repo.git('rev-parse', 'HEAD').trim();

/** The override record the pre-commit run leaves for commit-msg; it must never outlive a commit. */
export const hasPendingOverride = (repo: TestRepo): boolean => existsSync(join(repo.dir, '.git', 'schemaguard', 'pending-override.json'));

/** The built CLI is what the hooks run: fail early, with what to do, when it was not built. */
export function assertBuilt(): void {
  if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) {
    throw new Error('dist/ is not built: run `npx tsc -p tsconfig.json && node scripts/copy-assets.js` first');
  }
}
