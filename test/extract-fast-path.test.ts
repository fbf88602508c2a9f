// The fast path (simple statements parsed from their text) must summarise exactly like the tree-sitter
// conversion it shortcuts: same statements, expressions and line numbers, on every fixture and on a
// corpus of awkward syntax.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPythonParser, type PythonParser } from '../src/python/parser.js';
import { parseSimpleStatement } from '../src/python/fast-parse.js';
import { FastPathError } from '../src/python/fast-tokens.js';
import { summarizeWith } from '../src/python/summarize.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

function pythonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return pythonFiles(full);
    return name.endsWith('.py') ? [full] : [];
  });
}

const AWKWARD = String.raw`
x = y = (1, 2)
a, *rest = values
total: int = 3 ** -2 ** 2 + ~4 // 3 % 2 @ m
flags = a if b else c if d else e
ok = not a and b or c is not None and d not in e <= f
s = "a" 'b' f"{x!r:>{width}} {{y}}" rb"\d" u"\u00e9\n" """triple
quoted"""
n = (0x1F, 0o17, 0b101, 1_000, 1e3, .5, 5., 1.5E-3)
d = {**base, "k": [i * 2 for i in range(3) if i], "s": {1, 2}, "g": (j for j in k)}
t = ()
u = (1,)
call(*args, key=value, **kwargs)
f = lambda q, r=2: q + r
obj.attr[1, 2].method(arg)(other)[key]
Mapped[Optional[str]]
z: Mapped[dict[str, int | None]] = mapped_column(
    # a comment inside the arguments
    JSON,  # trailing
    default=dict,
)
w: "Forward" = None
v: sa.orm.Mapped[int]
value = some \
    .chained()
keys = [*d.keys(), *e[1:], *f.g]
*a.b[0], c = values
msg = (f"a{b}"
       f" c{d!s}")
class C(Base, metaclass=M):
    """Docstring."""
    __tablename__ = "c"
    id: Mapped[int] = mapped_column(primary_key=True)
    name = Column(String(50), nullable=False, comment=f"{PREFIX}name")
    kind: Mapped[Literal["a", "b"]]
    Index("ix", name, func.lower(name).desc())
    items = [x for x in data]
    sliced = data[1:2]
    walrus = (y := 3)
    @declared_attr
    def other(cls) -> Mapped[int]:
        return mapped_column(ForeignKey(f"{cls.__tablename__}.id"))
`;

let py: PythonParser;
beforeAll(async () => {
  py = await loadPythonParser();
});

describe('fast path', () => {
  it('summarises the awkward corpus exactly like the tree-sitter conversion', () => {
    const fast = summarizeWith(py, AWKWARD, { fast: true });
    const slow = summarizeWith(py, AWKWARD, { fast: false });
    expect(fast).toEqual(slow);
    expect(fast.body.length).toBeGreaterThan(15);
  });

  it('gives plain JSON data, read back from the cache equal (a float beyond the double range is no number)', () => {
    const summary = summarizeWith(py, `${AWKWARD}\nhuge = 1e999\n`, { fast: true });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('handles the common model statements itself and hands the rare ones back', () => {
    const handled = [
      'id: Mapped[int] = mapped_column(primary_key=True)',
      'name = Column(String(50), nullable=False, comment=f"{PREFIX}name")',
      's = "a" \'b\' f"{x!r:>{width}} {{y}}"',
      'd = {**base, "k": [i * 2 for i in range(3) if i]}',
      '__table_args__ = (UniqueConstraint("a", "b"), {"schema": "s"})',
      'bases = cls.__mro__[1:-1] + data[::2] + grid[1:, :3]',
    ];
    for (const text of handled) expect(parseSimpleStatement(text, 1), text).not.toBeNull();
    for (const text of ['walrus = (y := 3)', 'x = yield y', 'z = 1j']) {
      expect(() => parseSimpleStatement(text, 1), text).toThrow(FastPathError);
    }
  });

  it('summarises every fixture model file exactly like the tree-sitter conversion', () => {
    const files = pythonFiles(FIXTURES);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(summarizeWith(py, text, { fast: true }), file).toEqual(summarizeWith(py, text, { fast: false }));
    }
  });
});
