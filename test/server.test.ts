// The resident server (src/server/): started by a check that loaded the extractor, then serving the repository's
// next checks with the caller's cwd and environment, and gone when idle or when its cache directory is deleted.
import { chmodSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers/cli.js';
import { USER_MODEL } from './helpers/packed.js';
import { trackedResources } from './helpers/tracked.js';
import { createRepo, type TestRepo } from './helpers/git-repo.js';

const { track, defer } = trackedResources();

const MODEL_FILE = 'app/models/user.py';
const MODEL = `${USER_MODEL}    name: Mapped[str | None] = mapped_column(String(100))\n`;
const SAFE = `${MODEL}    nickname: Mapped[str | None] = mapped_column(String(50))\n`;
const BREAKING = MODEL.replace('    email: Mapped[str] = mapped_column(String(255))\n', '');
const FILES = { [MODEL_FILE]: MODEL, '.schemaguardrc.yaml': 'models:\n  - "app/models/**/*.py"\n', 'README.md': '# app\n' };
const SERVED = /served by the resident server \(pid (\d+)\)/;
const STARTS = 'a resident server starts for the next checks';

const serverEnv = (idleMs = 30_000) => ({ SCHEMAGUARD_SERVER: '1', SCHEMAGUARD_SERVER_IDLE_MS: String(idleMs) });

async function until(condition: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The server writes its files as it stops: its repository is removed only once it is gone. */
async function stopServer(pid: number): Promise<void> {
  if (isRunning(pid)) process.kill(pid);
  await until(() => !isRunning(pid), 'the server to stop');
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const serverDir = (repo: TestRepo) => join(repo.dir, '.git', 'schemaguard', 'server');
const sockets = (repo: TestRepo) => (existsSync(serverDir(repo)) ? readdirSync(serverDir(repo)).filter((f) => f.endsWith('.sock')) : []);

/** A repository whose first staged model edit has been checked in-process, and whose server now answers. */
async function repoWithServer(idleMs?: number): Promise<{ repo: TestRepo; pid: number }> {
  const repo = track(createRepo({ files: FILES }));
  repo.write(MODEL_FILE, SAFE);
  repo.git('add', MODEL_FILE);
  const first = runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv(idleMs) } });
  expect(first.status, first.stderr).toBe(0);
  expect(first.stderr).not.toMatch(SERVED);
  expect(first.stderr).toContain(STARTS);
  let pid = 0;
  await until(() => {
    const probe = runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv(idleMs) } });
    pid = Number(SERVED.exec(probe.stderr)?.[1] ?? 0);
    return pid !== 0;
  }, 'the server to answer');
  defer(() => stopServer(pid));
  return { repo, pid };
}

describe('the resident server', () => {
  it('serves the next checks with the same report and exit code as a check run in-process', async () => {
    const { repo } = await repoWithServer();
    repo.write(MODEL_FILE, BREAKING);
    repo.git('add', MODEL_FILE);
    const served = runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv() } });
    const inProcess = runCli(['check', '--staged'], { cwd: repo.dir, env: { ...repo.env, SCHEMAGUARD_SERVER: '0' } });
    expect(served.stderr).toMatch(SERVED);
    expect(served.status).toBe(1);
    expect(inProcess.status).toBe(1);
    expect(served.stdout).toContain('users.email');
    expect(served.stdout).toBe(inProcess.stdout);
    const json = runCli(['check', '--staged', '--format', 'json'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv() } });
    expect(JSON.parse(json.stdout).blocked).toBe(true);
  });

  it('follows HEAD and the index between the checks it serves: a new commit, a packed ref, a move, index formats, a detached HEAD', async () => {
    const { repo } = await repoWithServer();
    repo.git('commit', '-q', '-m', 'nickname');
    repo.write(MODEL_FILE, SAFE.replace('    email: Mapped[str] = mapped_column(String(255))\n', ''));
    repo.git('add', MODEL_FILE);
    const compare = () => {
      const served = runCli(['check', '--staged', '--format', 'json', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv() } });
      const inProcess = runCli(['check', '--staged', '--format', 'json'], { cwd: repo.dir, env: { ...repo.env, SCHEMAGUARD_SERVER: '0' } });
      expect(served.stderr).toMatch(SERVED);
      expect(served.stdout).toBe(inProcess.stdout);
      return JSON.parse(served.stdout) as { blocked: boolean; changes: Array<{ kind: string }> };
    };
    // against the new HEAD only the email column is dropped (against the first commit, nickname would be new too)
    expect(compare().changes).toHaveLength(1);
    repo.git('pack-refs', '--all');
    expect(compare().changes).toHaveLength(1);
    // a moved model file: renames found in the listings as git finds them, so the same single change
    repo.git('mv', MODEL_FILE, 'app/models/account.py');
    expect(compare().changes).toHaveLength(1);
    // an index the server does not read itself (version 4, a split index): git lists it
    repo.git('update-index', '--index-version', '4');
    expect(compare().changes).toHaveLength(1);
    repo.git('update-index', '--index-version', '2', '--split-index');
    expect(compare().changes).toHaveLength(1);
    repo.git('reset', '-q', '--hard');
    repo.git('checkout', '-q', '--detach', 'HEAD~1');
    repo.write(MODEL_FILE, BREAKING);
    repo.git('add', MODEL_FILE);
    expect(compare().blocked).toBe(true);
  });

  it('serves git\'s pre-push lines, and hands them to the check in-process when the server is gone', async () => {
    const { repo, pid } = await repoWithServer();
    repo.git('commit', '-q', '-m', 'nickname');
    const remote = track(createRepo({ bare: true }));
    repo.git('remote', 'add', 'origin', remote.dir);
    repo.git('push', '-q', '-u', 'origin', 'main');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write(MODEL_FILE, BREAKING);
    const tip = repo.commit('drop email');
    const input = `refs/heads/feature ${tip} refs/heads/feature ${'0'.repeat(40)}\n`;
    const push = (env: NodeJS.ProcessEnv) => runCli(['check', '--pre-push', '--format', 'json', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...env }, input });
    const served = push(serverEnv());
    const inProcess = push({ SCHEMAGUARD_SERVER: '0' });
    expect(served.stderr).toMatch(SERVED);
    expect(served.status).toBe(1);
    expect(served.stdout).toBe(inProcess.stdout);
    process.kill(pid, 'SIGKILL');
    await until(() => !isRunning(pid), 'the server to die');
    const fallback = push(serverEnv());
    expect(fallback.stderr).not.toMatch(new RegExp(`pid ${pid}\\)`));
    expect(fallback.status).toBe(1);
    expect(fallback.stdout).toBe(inProcess.stdout);
  });

  it('serves a check while another connection stays silent', async () => {
    const { repo } = await repoWithServer();
    const [socket] = sockets(repo);
    const silent = connect(join(serverDir(repo), socket!));
    defer(() => void silent.destroy());
    await new Promise((resolve) => silent.once('connect', resolve));
    const started = Date.now();
    const served = runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv() } });
    expect(served.stderr).toMatch(SERVED);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('keeps HEAD\'s result on disk among the most recently used, for a check run without the server', async () => {
    const { repo } = await repoWithServer();
    // each served check stores a new staged result: more than the four files the cache keeps
    for (let i = 0; i < 6; i++) {
      repo.write(MODEL_FILE, `${SAFE}    note_${i}: Mapped[str | None] = mapped_column(String(10))\n`);
      repo.git('add', MODEL_FILE);
      expect(runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv() } }).stderr).toMatch(SERVED);
    }
    // the server writes its files once quiet (a second without checks)
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const alone = runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, SCHEMAGUARD_SERVER: '0' } });
    expect(alone.stderr).toMatch(/schema of [0-9a-f]{12}: from the result cache/);
  });

  it('writes the staged result file once no check has come for a moment', async () => {
    const { repo } = await repoWithServer();
    repo.write(MODEL_FILE, `${SAFE}    quiet: Mapped[str | None] = mapped_column(String(10))\n`);
    repo.git('add', MODEL_FILE);
    expect(runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv() } }).stderr).toMatch(SERVED);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const alone = runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, SCHEMAGUARD_SERVER: '0' } });
    expect(alone.stderr).toContain('schema of the index: from the result cache');
  });

  it('checks what git commit -a and a partial staging commit, through a real hook, not the working tree', async () => {
    const { repo } = await repoWithServer();
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" check --staged --debug\n`);
    chmodSync(hook, 0o755);
    const env = { ...serverEnv(), NO_COLOR: '1' };
    repo.git('reset', '-q');
    // the breaking edit stays unstaged: a README commit passes
    repo.write(MODEL_FILE, BREAKING);
    repo.write('README.md', '# app\n\nmore\n');
    repo.git('add', 'README.md');
    const readme = repo.gitWith({ env }, 'commit', '-q', '-m', 'readme');
    expect(readme).toBeDefined();
    // commit -a stages it into a temporary index (GIT_INDEX_FILE): the served check must block it
    let blocked = '';
    try {
      repo.gitWith({ env }, 'commit', '-q', '-a', '-m', 'drop email');
    } catch (error) {
      blocked = String(error);
    }
    expect(blocked).toMatch(SERVED);
    expect(blocked).toContain('users.email');
    expect(repo.git('log', '--format=%s', '-1').trim()).toBe('readme');
  });

  it('leaves when its cache directory is deleted, and when idle', async () => {
    const first = await repoWithServer();
    rmSync(join(first.repo.dir, '.git', 'schemaguard'), { recursive: true, force: true });
    await until(() => !isRunning(first.pid), 'the server to leave after its directory was deleted');
    const second = await repoWithServer(1500);
    await until(() => !isRunning(second.pid), 'the idle server to leave');
    expect(sockets(second.repo)).toEqual([]);
  });

  it('runs the check itself when the server died, and a new server takes over the socket', async () => {
    const { repo, pid } = await repoWithServer();
    process.kill(pid, 'SIGKILL');
    await until(() => !isRunning(pid), 'the server to die');
    expect(sockets(repo)).toHaveLength(1);
    repo.write(MODEL_FILE, BREAKING);
    repo.git('add', MODEL_FILE);
    const fallback = runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv() } });
    expect(fallback.status).toBe(1);
    // in-process, or (when a server an earlier check started won the race to the stale socket) served by another
    expect(Number(SERVED.exec(fallback.stderr)?.[1] ?? 0)).not.toBe(pid);
    let next = 0;
    await until(() => {
      const probe = runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...serverEnv() } });
      next = Number(SERVED.exec(probe.stderr)?.[1] ?? 0);
      return next !== 0;
    }, 'a new server');
    defer(() => stopServer(next));
    expect(next).not.toBe(pid);
  });

  it('is not started under CI, nor with SCHEMAGUARD_SERVER=0', async () => {
    const repo = track(createRepo({ files: FILES }));
    repo.write(MODEL_FILE, SAFE);
    repo.git('add', MODEL_FILE);
    for (const env of [{ CI: 'true', SCHEMAGUARD_SERVER: '' }, { SCHEMAGUARD_SERVER: '0', CI: '' }]) {
      const result = runCli(['check', '--staged', '--debug'], { cwd: repo.dir, env: { ...repo.env, ...env } });
      expect(result.status).toBe(0);
      expect(result.stderr).not.toContain(STARTS);
    }
    expect(sockets(repo)).toEqual([]);
  });
});
