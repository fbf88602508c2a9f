// The package as users get it: built from src/ into a staging copy, `npm pack`ed once, installed into temp repos.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './git-repo.js';

export const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for "the explanation is shown" assertions */
  output: string;
}

export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number },
): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env,
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
  });
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? (result.error ? String(result.error) : '');
  return { status: result.status, stdout, stderr, output: `${stdout}\n${stderr}` };
}

/** Fails with the command's own output, so a broken setup step says what broke. */
export function runOk(command: string, args: readonly string[], options: Parameters<typeof run>[2]): RunResult {
  const result = run(command, args, options);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.output.trim()}`);
  }
  return result;
}

export const versionOf = (dependency: string): string =>
  (JSON.parse(readFileSync(join(PROJECT, 'node_modules', dependency, 'package.json'), 'utf8')) as { version: string }).version;

/** The developer's npm cache, so that installs into hermetic temp HOMEs work offline from it. */
export function npmCacheDir(): string {
  return runOk('npm', ['config', 'get', 'cache'], { cwd: PROJECT, env: process.env }).stdout.trim();
}

export interface PackedPackage {
  tarball: string;
  /** the staging directory and the tarball; remove with cleanup() */
  cleanup(): void;
}

/**
 * Compiles src/ into a staging copy of the package (never into the shared dist/, which other test
 * files read while this runs) and packs it with `npm pack`, so `files` in package.json decides what
 * ships, as it does for users. tsc still emits when files outside this test have type errors; only a
 * missing CLI entry point fails the build.
 */
export function packSchemaguard(): PackedPackage {
  const staging = makeTempDir('schemaguard-pack-');
  const pkg = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { files: string[] };
  cpSync(join(PROJECT, 'package.json'), join(staging, 'package.json'));
  for (const entry of pkg.files.filter((name) => name !== 'dist')) {
    if (existsSync(join(PROJECT, entry))) cpSync(join(PROJECT, entry), join(staging, entry), { recursive: true });
  }
  const tsc = run(process.execPath, [join(PROJECT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', join(staging, 'dist')], {
    cwd: PROJECT,
    env: process.env,
    timeoutMs: 300_000,
  });
  if (!existsSync(join(staging, 'dist/cli/main.js'))) throw new Error(`tsc did not build the CLI:\n${tsc.output}`);
  runOk(process.execPath, [join(PROJECT, 'scripts/copy-assets.js'), join(staging, 'dist')], { cwd: PROJECT, env: process.env });
  runOk(process.execPath, [join(PROJECT, 'scripts/bundle.js'), join(staging, 'dist')], { cwd: PROJECT, env: process.env });
  const out = join(staging, 'out');
  mkdirSync(out);
  const packed = runOk('npm', ['pack', '--silent', '--pack-destination', out], { cwd: staging, env: process.env });
  return {
    tarball: join(out, packed.stdout.trim().split('\n').pop() ?? ''),
    cleanup: () => rmSync(staging, { recursive: true, force: true }),
  };
}

/** `npm install` from the tarball (and the registry packages named), deps taken from the npm cache first. */
export function npmInstall(cwd: string, env: NodeJS.ProcessEnv, specs: readonly string[], extra: readonly string[] = []): void {
  runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', ...extra, ...specs], {
    cwd,
    env,
    timeoutMs: 300_000,
  });
}

/** A minimal declarative model file the packed-package tests commit (users: id, email). */
export const USER_MODEL = `from sqlalchemy import Integer, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(255))
`;
