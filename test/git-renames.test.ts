// Rename detection of the isomorphic-git backend against `git diff -M` itself, on generated edits.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { openGit } from '../src/git/open.js';
import { createRepo, type TestRepo } from './helpers/git-repo.js';

let repos: TestRepo[] = [];
afterEach(() => {
  for (const repo of repos) repo.cleanup();
  repos = [];
});

const LINES = [
  'id = Column(Integer, primary_key=True)\n',
  'name = Column(String(50), nullable=False)\n',
  'email = Column(String(255), unique=True, index=True)\n',
  'created_at = Column(DateTime, server_default=func.now())\n',
  '# a comment line that is quite a bit longer than sixty-four bytes, so git hashes it in chunks\n',
  'org_id = Column(ForeignKey("orgs.id", ondelete="CASCADE"))\r\n',
  '\n',
  'class Thing(Base):\n',
  '    __tablename__ = "things"\n',
  'status = Column(Enum("a", "b", name="status"))\n',
];

const fileBody = fc.array(fc.integer({ min: 0, max: LINES.length - 1 }), { minLength: 1, maxLength: 30 });
const edit = fc.record({
  replace: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: LINES.length - 1 })), { maxLength: 8 }),
  append: fc.array(fc.integer({ min: 0, max: LINES.length - 1 }), { maxLength: 10 }),
  truncate: fc.nat({ max: 10 }),
  dropLastNewline: fc.boolean(),
});
const move = fc.record({
  action: fc.constantFrom('keep', 'delete', 'move', 'move-same-name', 'move-and-edit'),
  edit,
});
const scenario = fc.record({
  files: fc.array(fc.record({ body: fileBody, move }), { minLength: 1, maxLength: 6 }),
  added: fc.array(fileBody, { maxLength: 3 }),
});

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(body: number[], change: Edit): string {
  const lines = body.map((i) => LINES[i] ?? '');
  for (const [at, line] of change.replace) if (lines.length > 0) lines[at % lines.length] = LINES[line] ?? '';
  lines.splice(Math.max(1, lines.length - change.truncate));
  const text = [...lines, ...change.append.map((i) => LINES[i] ?? '')].join('');
  return change.dropLastNewline ? text.replace(/\n$/, '') : text;
}

async function parity(before: Record<string, string>, after: Record<string, string>) {
  const repo = createRepo({ files: before });
  repos.push(repo);
  const base = repo.git('rev-parse', 'HEAD').trim();
  for (const path of Object.keys(before)) if (!(path in after)) repo.remove(path);
  for (const [path, text] of Object.entries(after)) repo.write(path, text);
  repo.git('add', '-A');
  const snapshots = [{ kind: 'commit' as const, oid: base }, { kind: 'index' as const }] as const;
  const cli = await openGit(repo.dir, repo.env, { backend: 'cli' });
  const iso = await openGit(repo.dir, repo.env, { backend: 'iso' });
  try {
    const expected = await cli.changedFiles(...snapshots);
    expect(await iso.changedFiles(...snapshots)).toEqual(expected);
    return expected.map((c) => `${c.status} ${c.oldPath ? `${c.oldPath} -> ` : ''}${c.path}`);
  } finally {
    await cli.close();
    await iso.close();
  }
}

const common = 'c'.repeat(19) + '\n';
const tail = 't'.repeat(60);

describe('rename detection edge cases, as git decides them', () => {
  it('a last line without LF is not counted as shared (git skips a short final chunk)', async () => {
    const before = { 'a/x.py': common + 's'.repeat(19) + '\n' + tail };
    const outcome = await parity(before, { 'b/y.py': common + 'd'.repeat(19) + '\n' + tail });
    expect(outcome).toEqual(['D a/x.py', 'A b/y.py']);
  });

  it('CRLF and LF versions of a file are the same text', async () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line number ${i}`);
    expect(await parity({ 'a/x.py': lines.join('\r\n') + '\r\n' }, { 'b/x.py': lines.join('\n') + '\n' })).toEqual([
      'R a/x.py -> b/x.py',
    ]);
  });

  it('identical copies: each destination takes the source with its own basename', async () => {
    const text = 'same = 1\n';
    expect(await parity({ 'a/one.py': text, 'a/two.py': text }, { 'b/two.py': text, 'b/one.py': text })).toEqual([
      'R a/one.py -> b/one.py',
      'R a/two.py -> b/two.py',
    ]);
  });

  it('a same-basename pair below 75 % loses to a better match elsewhere', async () => {
    const base = Array.from({ length: 20 }, (_, i) => `shared_${i} = Column(Integer)\n`);
    const other = (n: number) => Array.from({ length: n }, (_, i) => `other_${i} = 1\n`);
    const edited = (keep: number) => [...base.slice(0, keep), ...other(20 - keep)].join('');
    const after = { 'new/model.py': edited(13), 'new/better.py': edited(17) };
    const outcome = await parity({ 'old/model.py': base.join('') }, after);
    expect(outcome).toContain('R old/model.py -> new/better.py');
  });
});

describe('rename detection parity', () => {
  it('isomorphic-git backend pairs files exactly as git diff -M does', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ files, added }) => {
        const text = (body: number[]) => body.map((l) => LINES[l]).join('');
        const initial = Object.fromEntries(files.map((f, i) => [`pkg/m${i}/model_${i}.py`, text(f.body)]));
        const repo = createRepo({ files: initial });
        repos.push(repo);
        const base = repo.git('rev-parse', 'HEAD').trim();
        files.forEach((file, i) => {
          const path = `pkg/m${i}/model_${i}.py`;
          const { action } = file.move;
          if (action === 'keep') return;
          repo.remove(path);
          if (action === 'delete') return;
          const target = action === 'move' ? `moved/renamed_${i}.py` : `moved/m${i}/model_${i}.py`;
          repo.write(target, action === 'move-and-edit' ? applyEdit(file.body, file.move.edit) : initial[path] ?? '');
        });
        added.forEach((body, i) => repo.write(`new/extra_${i}.py`, body.map((l) => LINES[l]).join('')));
        repo.git('add', '-A');
        const snapshots = [{ kind: 'commit' as const, oid: base }, { kind: 'index' as const }] as const;
        const cli = await openGit(repo.dir, repo.env, { backend: 'cli' });
        const iso = await openGit(repo.dir, repo.env, { backend: 'iso' });
        try {
          expect(await iso.changedFiles(...snapshots)).toEqual(await cli.changedFiles(...snapshots));
        } finally {
          await cli.close();
          await iso.close();
        }
      }),
      { numRuns: Number(process.env.RENAME_RUNS ?? 40) },
    );
  });
});
