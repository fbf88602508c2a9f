// The import fast path and in-place tokenizing must summarise exactly like the tree-sitter conversion: same
// names, aliases, module text and levels, whatever the spelling (parentheses, comments, continuations, dots).
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFromImport, parseImport } from '../src/python/fast-imports.js';
import { parseSimpleStatement } from '../src/python/fast-parse.js';
import { FastPathError } from '../src/python/fast-tokens.js';
import { loadPythonParser, type PythonParser } from '../src/python/parser.js';
import { summarizeWith } from '../src/python/summarize.js';

const IMPORTS = String.raw`
import os
import os.path as osp, sys
import a.b.c
import  a . b
import a.\
b as c
from . import models
from .. import x as y
from ...pkg.sub import (
    One,  # the first
    Two as Deux,
    Three,
)
from .... import z
from .mod import *
from sqlalchemy.orm import Mapped, mapped_column, relationship
from a . b import c
from a.\
b import d
from x import (e)
from x import f,
import g,
from __future__ import annotations
class C:
    from sqlalchemy import Column as Col
    import typing
`;

let py: PythonParser;
beforeAll(async () => {
  py = await loadPythonParser();
});

function fastAndSlow(text: string): void {
  const fast = summarizeWith(py, text, { fast: true });
  expect(fast).toEqual(summarizeWith(py, text, { fast: false }));
}

describe('import fast path', () => {
  it('summarises every spelling of an import exactly like the tree-sitter conversion', () => {
    fastAndSlow(IMPORTS);
    const { body, errors } = summarizeWith(py, IMPORTS);
    // no syntax error: the fast path is on
    expect(errors).toEqual([]);
    expect(body.filter((s) => s.k === 'import' || s.k === 'from')).toHaveLength(17);
    // kept: under it, SQLAlchemy reads a class's annotations module names first
    expect(body).toContainEqual(expect.objectContaining({ k: 'from', module: '__future__', level: 0, names: [{ name: 'annotations', alias: null }] }));
    expect(body).toContainEqual({ k: 'from', module: 'pkg.sub', level: 3, names: [{ name: 'One', alias: null }, { name: 'Two', alias: 'Deux' }, { name: 'Three', alias: null }], line: 10 });
    expect(body).toContainEqual({ k: 'import', names: [{ name: 'a . b', alias: null }], line: 5 });
  });

  it('reads the names itself for the usual forms', () => {
    const text = 'from .base import Base, TimestampMixin as TM';
    expect(parseFromImport(text, 4, 0, text.length)).toEqual({
      k: 'from', module: 'base', level: 1, names: [{ name: 'Base', alias: null }, { name: 'TimestampMixin', alias: 'TM' }], line: 4,
    });
    const plain = 'x = 1\nimport sqlalchemy as sa\n';
    expect(parseImport(plain, 2, 6, 29)).toEqual({ k: 'import', names: [{ name: 'sqlalchemy', alias: 'sa' }], line: 2 });
  });

  it('hands back what it does not read', () => {
    for (const text of ['from x import a.b', 'from x import (a', 'from x import a b', 'from x import *, y']) {
      expect(() => parseFromImport(text, 1, 0, text.length), text).toThrow(FastPathError);
    }
  });

  it('keeps the tree-sitter conversion for imports in a file with a syntax error', () => {
    const text = 'from x import (a,\n    b)\nimport y as\nclass C(:\n    pass\n';
    fastAndSlow(text);
    expect(summarizeWith(py, text).errors.length).toBeGreaterThan(0);
  });
});

describe('in-place tokenizing', () => {
  it('parses a statement inside a larger text like the same statement on its own', () => {
    const stmt = 'name: Mapped[str] = mapped_column(String(50), comment="a # b", default=f"{x!r}")';
    const text = `before = 1\n${stmt}\n"after"`;
    const from = text.indexOf('name');
    expect(parseSimpleStatement(text, 2, from, from + stmt.length)).toEqual(parseSimpleStatement(stmt, 2));
  });

  it('does not read past the end it is given', () => {
    // a token that would run on past `to` sends the statement back to the tree-sitter conversion
    const text = 'x = "abc"';
    expect(() => parseSimpleStatement(text, 1, 0, 6)).toThrow(FastPathError);
    expect(() => parseSimpleStatement('x = 12', 1, 0, 5)).toThrow(FastPathError);
    expect(parseSimpleStatement('x = 1 + y', 1, 0, 5)).toEqual({ k: 'assign', targets: [{ k: 'name', id: 'x', line: 1 }], value: { k: 'num', v: 1, line: 1 }, line: 1 });
  });
});
