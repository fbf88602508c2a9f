// `schemaguard schema --ref REV` and `--staged` read models through git, not from the working tree.
import { afterEach, describe, expect, it } from 'vitest';
import type { Schema } from '../src/schema/types.js';
import { runCli } from './helpers/cli.js';
import { createRepo, type TestRepo } from './helpers/git-repo.js';

const model = (columns: string) => `import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = sa.Column(sa.Integer, primary_key=True)
${columns}`;

const repos: TestRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.cleanup();
});

function columnsOf(stdout: string): string[] {
  const schema = JSON.parse(stdout) as Schema;
  return schema.tables.find((t) => t.name === 'users')?.columns.map((c) => `${c.name} ${c.type}`) ?? [];
}

function threeVersions(): TestRepo {
  const repo = createRepo({ files: { 'app/models.py': model('    email = sa.Column(sa.String(50))\n') } });
  repos.push(repo);
  repo.write('app/models.py', model('    email = sa.Column(sa.String(80))\n'));
  repo.git('add', 'app/models.py');
  repo.write('app/models.py', model('    email = sa.Column(sa.Text)\n'));
  return repo;
}

describe('schema at a revision', () => {
  it('--ref HEAD, --staged and the working tree each read their own version', () => {
    const repo = threeVersions();
    const at = (args: string[]) => runCli(['schema', '--format', 'json', ...args], { cwd: repo.dir, env: repo.env });
    const head = at(['--ref', 'HEAD']);
    expect(head.status, head.stderr).toBe(0);
    expect(columnsOf(head.stdout)).toEqual(['id INTEGER', 'email VARCHAR(50)']);
    expect(columnsOf(at(['--staged']).stdout)).toEqual(['id INTEGER', 'email VARCHAR(80)']);
    expect(columnsOf(at([]).stdout)).toEqual(['id INTEGER', 'email TEXT']);
  });

  it('renders for the dialect asked for', () => {
    const repo = threeVersions();
    const r = runCli(['schema', '--format', 'json', '--staged', '--dialect', 'mysql'], { cwd: repo.dir, env: repo.env });
    expect((JSON.parse(r.stdout) as Schema).dialect).toBe('mysql');
  });

  it('an unknown revision and paths with --ref are usage errors: exit 2 with a hint, no stack trace', () => {
    const repo = threeVersions();
    const unknown = runCli(['schema', '--ref', 'no-such-branch'], { cwd: repo.dir, env: repo.env });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown revision "no-such-branch"');
    expect(unknown.stderr).not.toContain('    at ');
    const withPaths = runCli(['schema', 'app', '--staged'], { cwd: repo.dir, env: repo.env });
    expect(withPaths.status).toBe(2);
    expect(withPaths.stderr).toContain('paths cannot be combined');
  });
});
