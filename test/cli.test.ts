import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('cli shell', () => {
  it('--version prints the package version and exits 0', () => {
    const r = runCli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists the commands and the exit codes', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    for (const cmd of ['schema', 'check', 'diff', 'sync', 'impact', 'init']) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toContain('1  blocked');
  });

  it('an unknown option is a usage error: exit 2', () => {
    const r = runCli(['--no-such-flag']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown option');
  });
});
