// Module outlines (src/extract/outline.ts): what a partial scan reads of every module without decoding its body.
import { describe, expect, it } from 'vitest';
import { outlineOf } from '../src/extract/outline.js';
import { summarizeModule } from '../src/python/summarize.js';

const outline = async (text: string) => outlineOf(await summarizeModule(text));

describe('outlineOf', () => {
  it('collects import statements at every depth, in order', async () => {
    const o = await outline(
      [
        'import a',
        'if X:',
        '    from .b import c',
        'else:',
        '    import d.e as f',
        'for n in []:',
        '    import g',
        'def h():',
        '    from i import j',
        'class K:',
        '    from .l import m',
        '',
      ].join('\n'),
    );
    expect(o.imports.map((s) => (s.k === 'import' ? s.names.map((n) => n.name).join(',') : `${'.'.repeat(s.level)}${s.module}`))).toEqual(['a', '.b', 'd.e', 'g', 'i', '.l']);
  });

  it('marks top-level code that acts on other modules, and only that', async () => {
    expect((await outline('"""doc"""\nimport sqlalchemy as sa\nNAME = "x"\na, b = 1, 2\nclass A:\n    pass\n')).effects).toBe(false);
    for (const text of ['Base.metadata.naming_convention = {}\n', 'sa.Index("ix", User.email)\n', 'REGISTRY["x"] = 1\n', 'for t in TABLES:\n    pass\n', 'if DEBUG:\n    setup()\n']) {
      expect((await outline(`import sqlalchemy as sa\n${text}`)).effects, text).toBe(true);
    }
  });

  it('marks top-level code that calls something, and only that', async () => {
    expect((await outline('import sqlalchemy as sa\nNAME = "x"\nclass A:\n    x = f()\ndef g():\n    return h()\n')).calls).toBe(false);
    for (const text of ['meta = sa.MetaData()\n', 'TAGS = {o: tag_table(o) for o in OWNERS}\n', 'if X:\n    t = sa.Table("t", meta)\n', 'N: int = len(NAMES)\n']) {
      expect((await outline(`import sqlalchemy as sa\n${text}`)).calls, text).toBe(true);
    }
  });

  it('names the top-level functions that define a class or build a table: model factories', async () => {
    const text = [
      'import sqlalchemy as sa',
      'def make(name):',
      '    class T(Base):',
      '        __tablename__ = name',
      '    return T',
      'def audit(name):',
      '    return sa.Table(name, meta)',
      'def helper(x):',
      '    return x.lower()',
      'class Holder:',
      '    def make_inner(self):',
      '        class U(Base):',
      '            pass',
      '',
    ].join('\n');
    expect((await outline(text)).factories).toEqual(['make', 'audit']);
  });

  it('counts a class whose methods build tables, and what calls a factory of the module, as factories too', async () => {
    const text = [
      'import sqlalchemy as sa',
      'class Rules:',
      '    def __init__(self, metadata):',
      '        self.table = sa.Table("rules", metadata)',
      'class Database:',
      '    def setup(self):',
      '        self.rules = Rules(self.metadata)',
      'def open_database():',
      '    return Database()',
      'class Plain:',
      '    def __init__(self):',
      '        self.x = 1',
      '',
    ].join('\n');
    expect((await outline(text)).factories).toEqual(['Rules', 'Database', 'open_database']);
  });

  it('keeps the directives and syntax errors of the summary', async () => {
    const o = await outline('x = 1  # schemaguard: renamed-from y\ndef broken(:\n');
    expect(o.directives).toEqual([{ line: 1, text: 'renamed-from y' }]);
    expect(o.errors.length).toBeGreaterThan(0);
  });
});
