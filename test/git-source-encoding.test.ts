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

const textOf = (bytes: Buffer): string => decodeSource(bytes).text;

describe('decodeSource', () => {
  it('reads a latin-1 declaration on the first line, byte for byte', () => {
    expect(decodeSource(latin1('# -*- coding: latin-1 -*-\nx = "caf\xe9 \x93"\n'))).toEqual({ text: '# -*- coding: latin-1 -*-\nx = "café \x93"\n' });
  });

  it('reads a declaration on the second line after a comment-only first line, in its vim spelling too', () => {
    expect(textOf(latin1('#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = "\xa4"\n'))).toContain('x = "€"');
    expect(textOf(latin1('\n# coding=ISO_8859_15\nx = "\xa4"\n'))).toContain('x = "€"');
  });

  it('ignores a declaration on the second line after a line of code, as Python does: the bytes are then not UTF-8', () => {
    const decoded = decodeSource(latin1('import os\n# coding: latin-1\nx = "\xe9"\n'));
    expect(decoded.text).toContain('x = "\ufffd"');
    expect(decoded.problem).toMatchObject({ line: 3, severity: 'error', message: expect.stringMatching(/^not valid UTF-8 \(byte 0xE9\).*Python refuses to import this file/) });
  });

  it('decodes a declared windows code page with its own table', () => {
    expect(textOf(latin1('# coding: cp1252\nx = "\x93q\x94"\n'))).toContain('x = "“q”"');
  });

  it('reads UTF-8 when nothing is declared or a UTF-8 BOM is present, with no problem', () => {
    const text = 'x = "café €"\n';
    expect(decodeSource(Buffer.from(text))).toEqual({ text });
    expect(decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text });
    // utf-8-sig: UTF-8 whose BOM is optional
    const declared = `# coding: utf_8_sig\n${text}`;
    expect(decodeSource(Buffer.from(declared))).toEqual({ text: declared });
  });

  it('names the line of the first byte that is not UTF-8, also after a BOM or under a declared utf-8', () => {
    const lines = (bad: number[]) => Buffer.concat([Buffer.from('a = 1\nb = 2\n# caf'), Buffer.from(bad), Buffer.from('\nc = 3\n')]);
    // a lone continuation byte, a truncated sequence, an overlong encoding and a UTF-16 surrogate: all refused
    for (const bad of [[0x80], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      expect([bad, decodeSource(lines(bad)).problem?.line]).toEqual([bad, 3]);
    }
    expect(decodeSource(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), lines([0xff])])).problem).toMatchObject({ line: 3, message: expect.stringContaining('0xFF') });
    expect(decodeSource(Buffer.concat([Buffer.from('# coding: utf-8\n'), lines([0xe9])])).problem?.line).toBe(4);
  });

  it('names the line of bytes the declared codec does not define, as Python refuses them', () => {
    const ascii = Buffer.concat([Buffer.from('# coding: ascii\nx = 1\nname = "caf'), Buffer.from([0xc3, 0xa9]), Buffer.from('"\n')]);
    expect(decodeSource(ascii).problem).toEqual({ line: 3, severity: 'error', message: expect.stringMatching(/^bytes that are not valid ascii \(the encoding declared on line 1\)/) });
    expect(decodeSource(Buffer.from('# coding: latin-1\nname = "caf\xe9"\n', 'latin1')).problem).toBeUndefined();
  });

  it('refuses, as Python does, a declared codec that does not read ASCII as ASCII or does not decode to text', () => {
    for (const [codec, why] of [['utf-16', 'does not read'], ['UTF_32', 'does not read'], ['utf-16-le', 'does not read'], ['hex', 'is not a text encoding'], ['rot_13', 'is not a text encoding'], ['base64', 'is not a text encoding']]) {
      const text = `#!/usr/bin/env python\n# -*- coding: ${codec} -*-\nimport sqlalchemy\n`;
      expect([codec, decodeSource(Buffer.from(text))]).toEqual([
        codec,
        { text, problem: { line: 2, severity: 'error', message: expect.stringMatching(new RegExp(`cannot read Python source \\(.*${why}.*Python refuses to import this file`)) } },
      ]);
    }
    expect(decodeSource(Buffer.from('# coding: utf-7\nx = 1\n')).problem).toBeUndefined();
  });

  it('reads a lone CR as a line end, as Python does, keeping every offset; CRLF stays', () => {
    expect(decodeSource(Buffer.from('a = 1\rb = "x"\r\nc = 3\r\r'))).toEqual({ text: 'a = 1\nb = "x"\r\nc = 3\n\n' });
    expect(decodeSource(latin1('# coding: latin-1\rx = "\xe9"\r'))).toEqual({ text: '# coding: latin-1\nx = "é"\n' });
  });

  it('reads a codec it cannot decode as UTF-8, with a warning at the declaration', () => {
    const text = '#!/usr/bin/env python\n# coding: cp037\nx = "ok"\n';
    expect(decodeSource(Buffer.from(text))).toEqual({
      text,
      problem: { line: 2, severity: 'warning', message: expect.stringMatching(/^the encoding "cp037" declared here is not one schemaguard can decode/) },
    });
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

describe('a model file that is not UTF-8 and declares nothing', () => {
  let repo: TestRepo | undefined;
  afterEach(() => repo?.cleanup());

  const MODEL = (comment: string): string =>
    ['import sqlalchemy as sa', 'from sqlalchemy.orm import declarative_base', 'Base = declarative_base()', 'class Dish(Base):', '    __tablename__ = "dish"', '    id = sa.Column(sa.Integer, primary_key=True)', `    name = sa.Column(sa.String(30))  # ${comment}`, ''].join('\n');

  it('is an error at the line of the bad byte in `schema`, and a staged one blocks the check at that line', () => {
    repo = createRepo({ files: { 'models.py': MODEL('plat du jour') } });
    writeFileSync(join(repo.dir, 'models.py'), latin1(MODEL('plat du jour, \xe0 la carte')));
    const schema = runCli(['schema', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    const { diagnostics, tables } = JSON.parse(schema.stdout) as { diagnostics: { file: string; line: number; severity: string; message: string }[]; tables: { name: string }[] };
    expect(diagnostics).toEqual([{ file: 'models.py', line: 7, severity: 'error', message: expect.stringContaining('not valid UTF-8 (byte 0xE0)') }]);
    // the rest of the file is still read, as for a syntax error
    expect(tables.map((t) => t.name)).toEqual(['dish']);
    repo.git('add', 'models.py');
    const check = runCli(['check', '--staged', '--format', 'json'], { cwd: repo.dir, env: repo.env });
    const report = JSON.parse(check.stdout) as { findings: { rule: string; severity: string; file: string; line: number; message: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'unresolved-model', severity: 'block', file: 'models.py', line: 7 }));
    expect(check.status).toBe(1);
  });
});
