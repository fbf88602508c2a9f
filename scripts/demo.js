// `npm run demo`: a throwaway repository from fixtures/demo, schemaguard installed from this package with its
// real git hooks, a breaking model change blocked by `git commit`, then let through with a recorded override.
// Usage: node scripts/demo.js [--keep]   (--keep leaves the temp dir and prints its path)
// Exits 1 when the story does not happen as told, so the demo doubles as a smoke test; 2 on a usage error.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURE = join(ROOT, 'fixtures', 'demo');
const MODEL_FILE = 'app/models/customer.py';
const EMAIL_LINE = '    email: Mapped[str] = mapped_column(String(255), unique=True)\n';
const COMMIT_MESSAGE = 'Drop customers.email: addresses live in customer_contacts now';
const OVERRIDE_REASON = 'email moved to customer_contacts; growth-data signed off in ANALYTICS-142';
const STEPS = 7;

// NO_COLOR and FORCE_COLOR as the schemaguard CLI reads them (src/cli/run.ts)
const isColor =
  process.env.NO_COLOR === undefined && process.env.FORCE_COLOR !== '0' && (Boolean(process.stdout.isTTY) || Boolean(process.env.FORCE_COLOR));
const paint = (code) => (text) => (isColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const green = paint('32');

class DemoFailure extends Error {}

const say = (text = '') => void process.stdout.write(`${text}\n`);
const heading = (n, title) => say(`\n${bold(`[${n}/${STEPS}] ${title}`)}`);
const indent = (text) => text.replace(/^(\s*\n)+/, '').trimEnd().split('\n').map((line) => `    ${line}`).join('\n');

/** Inherited environment minus what would leak into the demo: a caller's git repository and schemaguard switches. */
function demoEnv(work) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_') && !key.startsWith('SCHEMAGUARD')));
  const globalConfig = join(work, 'gitconfig');
  writeFileSync(globalConfig, '');
  return {
    ...env,
    // the user's ~/.gitconfig (hooksPath, templates, signing) stays out, and nothing writes to it
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    ...(isColor ? { FORCE_COLOR: '1' } : {}),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
}

/** Runs a command with stdout and stderr in one file, so hook output and git's own lines keep their order. */
function run(ctx, command, args, extraEnv = {}) {
  const log = join(ctx.work, 'output.log');
  const fd = openSync(log, 'w');
  try {
    const result = spawnSync(command, args, { cwd: ctx.repo, env: { ...ctx.env, ...extraEnv }, stdio: ['ignore', fd, fd], timeout: 180_000 });
    if (result.error) throw new DemoFailure(`${command} did not run to the end: ${result.error.message}`);
    return { status: result.status ?? 1, output: readFileSync(log, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

function runOk(ctx, command, args) {
  const result = run(ctx, command, args);
  if (result.status !== 0) throw new DemoFailure(`${command} ${args.join(' ')} exited ${result.status}:\n${indent(result.output)}`);
  return result.output;
}

/** Prints the command as typed and its output; the exit status too when it failed or `isStatusShown`. */
function show(ctx, display, command, args, { env = {}, isStatusShown = false } = {}) {
  say(dim(`  $ ${display}`));
  const result = run(ctx, command, args, env);
  if (result.output.trim() !== '') say(indent(result.output));
  if (isStatusShown || result.status !== 0) say(`  ${result.status === 0 ? green('exit status 0') : red(`exit status ${result.status}`)}`);
  return result;
}

const git = (ctx, ...args) => runOk(ctx, 'git', args).trim();
const expect = (isTrue, message) => {
  if (!isTrue) throw new DemoFailure(message);
};

function createRepo(ctx) {
  heading(1, 'A throwaway repository from fixtures/demo: a Flask/SQLAlchemy shop, its dbt project, a contract');
  say(dim(`  in ${ctx.repo}`));
  cpSync(FIXTURE, ctx.repo, { recursive: true });
  git(ctx, 'init', '-q', '-b', 'main');
  for (const [key, value] of [['user.name', 'Demo Developer'], ['user.email', 'dev@shop.example'], ['commit.gpgSign', 'false'], ['gc.auto', '0']]) {
    git(ctx, 'config', key, value);
  }
  git(ctx, 'add', '-A');
  git(ctx, 'commit', '-q', '-m', 'Shop: customers and orders');
  say(indent(git(ctx, 'ls-files')));
}

/**
 * `npm pack` of this repository, installed the way a Python project installs a Node tool: globally, here into a
 * prefix inside the temp dir, offline from the npm cache `npm ci` filled. When the cache lacks a dependency, the
 * package is linked instead (this repository's own node_modules serve its dependencies).
 */
function installSchemaguard(ctx) {
  heading(2, 'Install schemaguard the way a user does: npm pack, then npm install --global (offline)');
  const tarball = join(ctx.work, runOk(ctx, 'npm', ['pack', '--silent', '--pack-destination', ctx.work, ROOT]).trim().split('\n').pop() ?? '');
  expect(existsSync(tarball), `npm pack wrote no tarball into ${ctx.work}`);
  const prefix = join(ctx.work, 'prefix');
  const common = ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error'];
  let installed = show(ctx, `npm install --global --offline ${basename(tarball)}`, 'npm', [...common, '--offline', tarball]);
  if (installed.status !== 0) {
    say(`  ${bold('the npm cache lacks a dependency, so this checkout is linked instead')}`);
    installed = show(ctx, `npm install --global ${ROOT}`, 'npm', [...common, ROOT]);
  }
  expect(installed.status === 0, 'schemaguard could not be installed');
  ctx.env.PATH = `${join(prefix, 'bin')}${delimiter}${ctx.env.PATH ?? ''}`;
  show(ctx, 'schemaguard --version', 'schemaguard', ['--version']);
}

function initAndSync(ctx) {
  heading(3, 'schemaguard init: installs the git hooks');
  expect(show(ctx, 'schemaguard init', 'schemaguard', ['init']).status === 0, 'schemaguard init failed');
  for (const hook of ['pre-commit', 'commit-msg']) {
    const file = git(ctx, 'rev-parse', '--git-path', `hooks/${hook}`);
    const path = resolve(ctx.repo, file);
    expect(existsSync(path) && readFileSync(path, 'utf8').includes('schemaguard'), `schemaguard init installed no ${hook} hook (${file})`);
  }
  heading(4, 'schemaguard sync: reads the dbt manifest into the lineage snapshot, which is committed');
  expect(show(ctx, 'schemaguard sync', 'schemaguard', ['sync']).status === 0, 'schemaguard sync failed');
  show(ctx, 'schemaguard impact customers.email', 'schemaguard', ['impact', 'customers.email']);
  git(ctx, 'add', '-A');
  const commit = show(ctx, 'git commit -m "Add the lineage snapshot"', 'git', ['commit', '-m', 'Add the lineage snapshot'], { isStatusShown: true });
  expect(commit.status === 0, 'a commit without model changes did not pass the pre-commit hook');
}

function breakingCommit(ctx) {
  heading(5, `A breaking change: ${MODEL_FILE} drops customers.email`);
  const path = join(ctx.repo, MODEL_FILE);
  const model = readFileSync(path, 'utf8');
  expect(model.includes(EMAIL_LINE), `${MODEL_FILE} has no email column to drop`);
  writeFileSync(path, model.replace(EMAIL_LINE, ''));
  say(indent(git(ctx, '--no-pager', 'diff', isColor ? '--color=always' : '--no-color', '--', MODEL_FILE)));
  git(ctx, 'add', MODEL_FILE);

  heading(6, 'git commit: the pre-commit hook blocks it');
  const before = git(ctx, 'rev-parse', 'HEAD');
  const commit = show(ctx, `git commit -m "${COMMIT_MESSAGE}"`, 'git', ['commit', '-m', COMMIT_MESSAGE], { isStatusShown: true });
  expect(commit.status !== 0, 'the breaking commit was NOT blocked');
  expect(git(ctx, 'rev-parse', 'HEAD') === before, 'the blocked commit still moved HEAD');
  // git exits 1 whatever the hook's status: ask the check itself that this is a block (1), not an error (2)
  const check = run(ctx, 'schemaguard', ['check', '--staged', '--format', 'json']);
  expect(check.status === 1, `schemaguard check --staged exited ${check.status}, not 1 (blocked):\n${indent(check.output)}`);
}

function overrideCommit(ctx) {
  heading(7, 'SCHEMAGUARD_OVERRIDE="<reason>" git commit: let through, the reason recorded as a trailer');
  const display = `SCHEMAGUARD_OVERRIDE="${OVERRIDE_REASON}" git commit -m "${COMMIT_MESSAGE}"`;
  const commit = show(ctx, display, 'git', ['commit', '-m', COMMIT_MESSAGE], {
    env: { SCHEMAGUARD_OVERRIDE: OVERRIDE_REASON },
    isStatusShown: true,
  });
  expect(commit.status === 0, 'the commit with SCHEMAGUARD_OVERRIDE did not pass');
  const log = show(ctx, 'git log -1', 'git', ['--no-pager', 'log', '-1', '--no-decorate']);
  expect(log.output.includes(`Schemaguard-Override: ${OVERRIDE_REASON}`), 'the commit has no Schemaguard-Override trailer with the reason');
}

function parseArgs(argv) {
  const unknown = argv.filter((arg) => arg !== '--keep');
  if (unknown.length > 0) {
    process.stderr.write(`demo: unknown argument ${unknown.join(' ')}\nusage: node scripts/demo.js [--keep]\n`);
    process.exit(2);
  }
  return { isKept: argv.includes('--keep') };
}

function main() {
  const { isKept } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'schemaguard-demo-'));
  const ctx = { work, repo: join(work, 'shop'), env: demoEnv(work) };
  try {
    for (const step of [createRepo, installSchemaguard, initAndSync, breakingCommit, overrideCommit]) step(ctx);
    say(`\n${green(bold('demo passed'))}: blocked at git commit, then let through with the reason recorded (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    if (!(error instanceof DemoFailure)) throw error;
    say(`\n${red(bold('demo FAILED'))}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    if (isKept) say(`the demo repository is kept: ${ctx.repo}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main();
