// A change's after schema assembled from partial scans (check/partial.ts) must be the whole extraction's, or
// refused: over every fixture project, every Python file is edited in a few ways and both are compared.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeAfter } from '../src/check/partial.js';
import { extractSchema, type ExtractResult } from '../src/extract/index.js';
import type { SourceFile } from '../src/git/types.js';
import { readWorktreeFiles } from '../src/git/worktree.js';
import { summarizeModule } from '../src/python/summarize.js';
import { outlineOf } from '../src/extract/outline.js';
import { scanScope } from '../src/extract/scan-scope.js';
import { MODELS_DIR, UNRESOLVED_DIR, listCaseDirs } from './helpers/golden-cases.js';

const PROJECTS_DIR = fileURLToPath(new URL('../fixtures/projects/', import.meta.url));

const PROBE_TABLE = '\nimport sqlalchemy as _probe_sa\n_probe_meta = _probe_sa.MetaData()\n_probe = _probe_sa.Table("partial_probe", _probe_meta, _probe_sa.Column("id", _probe_sa.Integer, primary_key=True))\n';

/** Edits of one file: lines shifted, a column made NOT NULL, a table added, a length changed, the file deleted, a table or an `id` renamed. */
const EDITS: Array<[string, (text: string) => string | null]> = [
  ['lines shifted', (text) => `# edited\n\n${text}`],
  ['nullable flipped', (text) => (text.includes('nullable=True') ? text.replace('nullable=True', 'nullable=False') : null)],
  ['table added', (text) => text + PROBE_TABLE],
  ['string widened', (text) => (/String\(\d+/.test(text) ? text.replace(/String\((\d+)/, (_m, n: string) => `String(${Number(n) + 1}`) : null)],
  ['file deleted', () => ''],
  // a table or column other tables' foreign keys name: the whole extraction no longer finds it, nor may a part
  ['table renamed', (text) => (/__tablename__\s*=\s*["']\w+/.test(text) ? text.replace(/(__tablename__\s*=\s*["']\w+)/, '$1_renamed') : null)],
  ['id renamed', (text) => (/^\s+id\s*(:[^=\n]*)?=\s*[\w.]*(Column|mapped_column)\(/m.test(text) ? text.replace(/^(\s+)id(\s*(:[^=\n]*)?=\s*[\w.]*(Column|mapped_column)\()/m, '$1ident$2') : null)],
];

function edited(files: SourceFile[], path: string, edit: (text: string) => string | null): SourceFile[] | null {
  const file = files.find((f) => f.path === path)!;
  const text = edit(file.text);
  if (text === null) return null;
  return text === '' ? files.filter((f) => f !== file) : files.map((f) => (f === file ? { path, text } : f));
}

const strip = (r: ExtractResult) => JSON.stringify({ schema: r.schema, directives: r.directives });

/**
 * `whole`: the change reaches half the models or more, so it is extracted whole by design (every change of a
 * project of two or three files); `refused`: a partial scan ran but could not be proved equal and was dropped.
 */
interface Counts {
  composed: number;
  whole: number;
  refused: number;
}

/** Every edit of every Python file of one project: assembled and equal to the whole extraction, or refused. */
async function checkProject(dir: string, counts: Counts): Promise<void> {
  await checkFiles(await readWorktreeFiles(dir), counts);
}

async function checkFiles(files: SourceFile[], counts: Counts): Promise<void> {
  const before = await extractSchema(files, { dialect: 'postgresql' });
  for (const file of files.filter((f) => f.path.endsWith('.py'))) {
    for (const [label, edit] of EDITS) {
      const after = edited(files, file.path, edit);
      if (after === null) continue;
      const partial = { changed: new Set([file.path]), known: before.schema };
      const [partBefore, partAfter, whole] = await Promise.all([
        extractSchema(files, { dialect: 'postgresql', partial }),
        extractSchema(after, { dialect: 'postgresql', partial }),
        extractSchema(after, { dialect: 'postgresql' }),
      ]);
      if (!partAfter.scanned) {
        counts.whole += 1;
        continue;
      }
      const composed = composeAfter({ before, partBefore, partAfter, changed: partial.changed });
      if (composed === null) {
        counts.refused += 1;
        continue;
      }
      counts.composed += 1;
      expect(strip(composed), `${file.path}: ${label}`).toBe(strip(whole));
    }
  }
}

describe('partial extraction of a change', () => {
  const counts: Counts = { composed: 0, whole: 0, refused: 0 };
  const projects = [...listCaseDirs(MODELS_DIR).map((d) => MODELS_DIR + d), ...listCaseDirs(UNRESOLVED_DIR).map((d) => UNRESOLVED_DIR + d)];
  const checked = new Set<string>();

  for (const dir of projects) {
    it(dir.slice(dir.indexOf('fixtures/')), async () => {
      await checkProject(dir, counts);
      checked.add(dir);
    });
  }

  it('fixtures/projects, a monorepo (the billing users table renamed: tables are told apart by name)', async () => {
    const files = (await readWorktreeFiles(PROJECTS_DIR)).map((f) =>
      f.path === 'billing-service/src/billing/models.py' ? { ...f, text: f.text.replaceAll('"users', '"customers') } : f,
    );
    const own: Counts = { composed: 0, whole: 0, refused: 0 };
    await checkFiles(files, own);
    expect(own.composed).toBeGreaterThan(own.refused);
  });

  it('assembles most changes rather than refusing them', async () => {
    // run on its own (-t), it checks the projects the tests above did not
    for (const dir of projects) if (!checked.has(dir)) await checkProject(dir, counts);
    console.log(`partial extraction over the fixture projects: ${JSON.stringify(counts)}`);
    expect(counts.composed).toBeGreaterThan(counts.refused);
  });
});

describe('composeAfter refusals', () => {
  const table = (file: string, name: string, extra = '') => ({
    path: file,
    text: `import sqlalchemy as sa\nmeta = sa.MetaData()\nt = sa.Table("${name}", meta, sa.Column("id", sa.Integer, primary_key=True)${extra})\n`,
  });

  it('refuses when one table name lives in two MetaData (it tells tables apart by name)', async () => {
    const files = [table('a.py', 'events'), table('b.py', 'events', ', sa.Column("x", sa.Text)'), table('c.py', 'users'), table('d.py', 'orders')];
    // b.py's table is the later of the two: a lookup by name finds it, so only the name check can refuse this edit
    const after = files.map((f) => (f.path === 'b.py' ? table('b.py', 'events', ', sa.Column("x", sa.Text), sa.Column("y", sa.Text)') : f));
    const before = await extractSchema(files, { dialect: 'postgresql' });
    expect(before.schema.tables.filter((t) => t.name === 'events')).toHaveLength(2);
    const partial = { changed: new Set(['b.py']), known: before.schema };
    const [partBefore, partAfter] = await Promise.all([extractSchema(files, { dialect: 'postgresql', partial }), extractSchema(after, { dialect: 'postgresql', partial })]);
    expect(partAfter.scanned).toEqual(['b.py']);
    expect(composeAfter({ before, partBefore, partAfter, changed: partial.changed })).toBeNull();
  });
});

describe('scanScope', () => {
  const module = async (name: string, file: string, text: string) => ({ name, file, isPackage: file.endsWith('__init__.py'), ...outlineOf(await summarizeModule(text)) });
  const scopeOf = (modules: Parameters<typeof scanScope>[0], file: string) => [...scanScope(modules, { files: new Set([file]), names: new Set() })].sort();

  it('reaches importers through re-exports but not sibling models through their package', async () => {
    const modules = await Promise.all([
      module('app', 'app/__init__.py', 'from .user import User\nfrom .order import Order\n'),
      module('app.base', 'app/base.py', 'from sqlalchemy.orm import DeclarativeBase\nclass Base(DeclarativeBase):\n    pass\n'),
      module('app.user', 'app/user.py', 'from .base import Base\nclass User(Base):\n    __tablename__ = "user"\n'),
      module('app.order', 'app/order.py', 'from .base import Base\nclass Order(Base):\n    __tablename__ = "order"\n'),
      module('app.admin', 'app/admin.py', 'from app import User\nclass Admin(User):\n    pass\n'),
    ]);
    expect(scopeOf(modules, 'app/user.py')).toEqual(['app', 'app.admin', 'app.user']);
    expect(scopeOf(modules, 'app/base.py')).toEqual(['app', 'app.admin', 'app.base', 'app.order', 'app.user']);
  });

  it('always scans a module whose top-level code acts on other modules', async () => {
    const modules = await Promise.all([
      module('app.base', 'app/base.py', 'import sqlalchemy as sa\nmetadata = sa.MetaData()\n'),
      module('app.conventions', 'app/conventions.py', 'from app.base import metadata\nmetadata.naming_convention = {"ix": "ix_%(column_0_label)s"}\n'),
      module('app.user', 'app/user.py', 'import sqlalchemy as sa\nfrom app.base import metadata\nuser = sa.Table("user", metadata)\n'),
    ]);
    // app.base comes along as app.user's import that calls something at its top level (see the next test)
    expect(scopeOf(modules, 'app/user.py')).toEqual(['app.base', 'app.conventions', 'app.user']);
  });

  it('scans what a reached module imports from modules that build at their top level, so tables keep their source', async () => {
    const modules = await Promise.all([
      module('app.constants', 'app/constants.py', 'NAME_LEN = 80\n'),
      module('app.tables', 'app/tables.py', 'import sqlalchemy as sa\nfrom app.constants import NAME_LEN\nmeta = sa.MetaData()\norders = sa.Table("orders", meta, sa.Column("id", sa.Integer, primary_key=True))\n'),
      module('app.domain', 'app/domain.py', 'class Order:\n    pass\n'),
      module('app.mapping', 'app/mapping.py', 'from sqlalchemy.orm import registry\nfrom app.domain import Order\nfrom app.tables import orders\nregistry().map_imperatively(Order, orders)\n'),
    ]);
    expect(scopeOf(modules, 'app/domain.py')).toEqual(['app.domain', 'app.mapping', 'app.tables']);
  });
});
