// The fast path for import statements: names read from the tokens, exactly as convert-stmt.ts reads them from
// the nodes. An import's handful of nodes costs more to fetch through the WASM boundary than its text to tokenize.
import { FastPathError, tokenize, type Token } from './fast-tokens.js';
import type { ImportName, Stmt } from './summary.js';

/** `import a.b as c, d` in `text[from, to)`. */
export function parseImport(text: string, line: number, from: number, to: number): Stmt {
  const reader = new ImportReader(text, tokenize(text, line, from, to));
  reader.keyword('import');
  return { k: 'import', names: reader.names(true), line };
}

/** `from ..pkg.mod import a as b, c`, `from m import (a, b)` or `from m import *` in `text[from, to)`. */
export function parseFromImport(text: string, line: number, from: number, to: number): Stmt {
  const reader = new ImportReader(text, tokenize(text, line, from, to));
  reader.keyword('from');
  // the module node's text with its whitespace removed, leading dots counted off as the level
  const first = reader.pos;
  while (reader.isOp('.') || reader.isOp('...')) reader.pos++;
  if (reader.pos === first || (reader.tok.kind === 'name' && reader.tok.text !== 'import')) reader.dottedName();
  let module = reader.span(first).replace(/\s+/g, '');
  const level = /^\.*/.exec(module)![0].length;
  module = module.slice(level);
  reader.keyword('import');
  if (reader.isOp('*')) {
    reader.pos++;
    reader.end();
    return { k: 'from', module, level, names: '*', line };
  }
  return { k: 'from', module, level, names: reader.names(false), line };
}

class ImportReader {
  pos = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  get tok(): Token {
    return this.tokens[this.pos]!;
  }

  isOp(text: string): boolean {
    return this.tok.kind === 'op' && this.tok.text === text;
  }

  keyword(word: string): void {
    if (this.tok.kind !== 'name' || this.tok.text !== word) throw new FastPathError(`expected ${word}`);
    this.pos++;
  }

  end(): void {
    if (this.tok.kind !== 'end') throw new FastPathError(`unexpected ${this.tok.text}`);
  }

  /** The source text from token `first` to the end of the last token read (what a node's text would be). */
  span(first: number): string {
    const last = this.tokens[this.pos - 1]!;
    return this.text.slice(this.tokens[first]!.start, last.start + last.text.length);
  }

  dottedName(): string {
    const first = this.pos;
    this.name();
    while (this.isOp('.')) {
      this.pos++;
      this.name();
    }
    return this.span(first);
  }

  name(): string {
    if (this.tok.kind !== 'name') throw new FastPathError('expected a name');
    return this.tokens[this.pos++]!.text;
  }

  /** The import list: dotted names (plain `import`) or names (`from ... import`), each maybe `as` an alias. */
  names(isDotted: boolean): ImportName[] {
    const isParenthesized = !isDotted && this.isOp('(');
    if (isParenthesized) this.pos++;
    const names: ImportName[] = [];
    do {
      const name = isDotted ? this.dottedName() : this.name();
      let alias: string | null = null;
      if (this.tok.kind === 'name' && this.tok.text === 'as') {
        this.pos++;
        alias = this.name();
      }
      names.push({ name, alias });
      if (!this.isOp(',')) break;
      this.pos++;
    } while (this.tok.kind === 'name');
    if (isParenthesized) {
      if (!this.isOp(')')) throw new FastPathError('expected )');
      this.pos++;
    }
    this.end();
    return names;
  }
}
