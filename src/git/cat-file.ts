// One long-lived `git cat-file --batch` process that answers object reads in request order.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { ByteQueue } from './byte-queue.js';
import { GitError } from './errors.js';
import { gitMessages } from './messages.js';
import { GIT_GLOBAL_ARGS, type GitRunner } from './process.js';

export interface GitObject {
  type: string;
  content: Buffer;
}

interface Pending {
  resolve: (object: GitObject | null) => void;
  reject: (error: Error) => void;
}

/**
 * Output format (https://git-scm.com/docs/git-cat-file#_batch_output): `<oid> SP <type> SP <size> LF
 * <content> LF` per object, or `<name> SP missing LF`. Answers come in request order, so a FIFO of
 * pending promises is the whole protocol. One instance is one process; once it has ended, make another.
 */
export class CatFileBatch {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private readonly queue = new ByteQueue();
  private header: { type: string; size: number } | null = null;
  private stderr = '';
  private hasEnded = false;

  constructor(runner: GitRunner) {
    this.child = spawn(runner.executable, [...GIT_GLOBAL_ARGS, 'cat-file', '--batch'], {
      cwd: runner.cwd,
      env: runner.env,
      windowsHide: true,
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('error', (error) => this.end(gitMessages.spawnFailed(error.message)));
    this.child.on('close', () => this.end(gitMessages.batchExited(this.stderr.trim().split('\n')[0] ?? '')));
    this.child.stdin.on('error', () => undefined); // a dead process is reported by 'close'
    this.setRef(false);
  }

  get isAlive(): boolean {
    return !this.hasEnded;
  }

  /** Reads objects by name (an oid or any revision expression); null for a missing one. */
  read(names: readonly string[]): Promise<Array<GitObject | null>> {
    if (names.length === 0) return Promise.resolve([]);
    const bad = names.find((name) => /[\n\r]/.test(name) || name === '');
    if (bad !== undefined) return Promise.reject(new GitError(gitMessages.badRevision(bad)));
    if (this.hasEnded) return Promise.reject(new GitError(gitMessages.batchExited('')));
    const answers = names.map(
      () => new Promise<GitObject | null>((resolve, reject) => void this.pending.push({ resolve, reject })),
    );
    this.setRef(true);
    this.child.stdin.write(names.join('\n') + '\n');
    return Promise.all(answers);
  }

  close(): Promise<void> {
    if (this.hasEnded) return Promise.resolve();
    // waiting for the exit must keep node alive, or a top-level `await close()` never returns
    this.setRef(true);
    return new Promise((resolve) => {
      this.child.once('close', () => resolve());
      this.child.stdin.end();
    });
  }

  private onData(chunk: Buffer): void {
    this.queue.push(chunk);
    for (;;) {
      if (!this.header) {
        const line = this.queue.takeLine();
        if (line === null) return;
        if (!this.onHeader(line)) continue;
      }
      const header = this.header;
      if (!header || this.queue.length < header.size + 1) return;
      const content = this.queue.take(header.size);
      this.queue.take(1);
      this.header = null;
      this.settle({ type: header.type, content });
    }
  }

  /** true when an object body follows */
  private onHeader(line: string): boolean {
    const parts = line.split(' ');
    const last = parts.at(-1) ?? '';
    if (last === 'missing' || last === 'ambiguous') {
      this.settle(null);
      return false;
    }
    this.header = { type: parts[1] ?? '', size: Number(parts[2]) };
    return true;
  }

  private settle(object: GitObject | null): void {
    this.pending.shift()?.resolve(object);
    if (this.pending.length === 0) this.setRef(false);
  }

  private end(message: string): void {
    this.hasEnded = true;
    for (const waiter of this.pending.splice(0)) waiter.reject(new GitError(message));
  }

  /** An idle helper must not keep node alive: a hook that forgets close() still exits. */
  private setRef(isActive: boolean): void {
    const handles = [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Array<{
      ref(): void;
      unref(): void;
    }>;
    for (const handle of handles) {
      if (isActive) handle.ref();
      else handle.unref();
    }
  }
}
