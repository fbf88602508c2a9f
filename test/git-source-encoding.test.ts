// Python source is decoded as the interpreter decodes it: UTF-8 unless a BOM or a PEP 263 declaration says otherwise.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openGit } from '../src/git/open.js';
import { readSnapshotFiles } from '../src/git/sources.js';
import { decodeSource } from '../src/git/source-encoding.js';
import { readWorktreeFiles } from '../src/git/worktree.js';
import { runCli } from './helpers/cli.js';
import { createRepo, type TestRepo } from './helpers/git-repo.js';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('decodeSource', () => {
  it('reads a latin-1 declaration on the first line, byte for byte', () => {
    expect(decodeSource(latin1('# -*- coding: latin-1 -*-\nx = "caf\xe9 \x93"\n'))).toBe('# -*- coding: latin-1 -*-\nx = "café \x93"\n');
  });

  it('reads a declaration on the second line after a comment-only first line, in its vim spelling too', () => {
    expect(decodeSource(latin1('#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = "\xa4"\n'))).toContain('x = "€"');
    expect(decodeSource(latin1('\n# coding=ISO_8859_15\nx = "\xa4"\n'))).toContain('x = "€"');
  });

  it('ignores a declaration on the second line after a line of code, as Python does', () => {
    expect(decodeSource(latin1('import os\n# coding: latin-1\nx = "\xe9"\n'))).toContain('x = "\ufffd"');
  });

  it('decodes a declared windows code page with its own table', () => {
    expect(decodeSource(latin1('# coding: cp1252\nx = "\x93q\x94"\n'))).toContain('x = "“q”"');
  });

  it('reads UTF-8 when nothing is declared, a UTF-8 BOM is present or the declared codec is unknown', () => {
    const text = 'x = "café"\n';
    expect(decodeSource(Buffer.from(text))).toBe(text);
    expect(decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeSource(Buffer.from(`# coding: no-such-codec\n${text}`))).toBe(`# coding: no-such-codec\n${text}`);
  });
});

describe('a latin-1 model file', () => {
  let repo: TestRepo | undefined;
  afterEach(() => repo?.cleanup());

  const MODEL = [
    '# -*- coding: latin-1 -*-',
    'import sqlalchemy as sa',
    'from sqlalchemy.orm import declarative_base',
    'Base = declarative_base()',
    'class Dish(Base):',
    '    __tablename__ = "dish"',
    '    id = sa.Column(sa.Integer, primary_key=True)',
    '    name = sa.Column(sa.String(30), comment="plat du jour, \xe0 la carte")',
    '',
  ].join('\n');

  it('reads the same text from the index (both git backends) and the working tree, and its comment reaches the schema', async () => {
    repo = createRepo();
    writeFileSync(join(repo.dir, 'models.py'), latin1(MODEL));
    repo.git('add', 'models.py');
    const expected = MODEL;
    for (const backend of ['cli', 'iso'] as const) {
      const git = await openGit(repo.dir, repo.env, { backend });
      try {
        const [file] = await readSnapshotFiles(git, { kind: 'index' }, (p) => p === 'models.py');
        expect([backend, file?.text]).toEqual([backend, expected]);
      } finally {
        await git.close();
      }
    }
    expect((await readWorktreeFiles(repo.dir)).map((f) => f.text)).toEqual([expected]);
    const result = runCli(['schema', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout) as { tables: { columns: { name: string; comment: string | null }[] }[] };
    expect(schema.tables[0]?.columns.find((c) => c.name === 'name')?.comment).toBe('plat du jour, à la carte');
  });
});
