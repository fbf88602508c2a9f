// The fast path: parses a simple statement's text straight into summary expressions, producing exactly
// what the tree-sitter conversion would (test/extract-fast-path.test.ts compares the two). Anything it
// does not handle throws FastPathError and the statement goes through the tree-sitter conversion.
import { FastPathError, tokenize, type Token } from './fast-tokens.js';
import { splitLiteral, stringValue, unescapePython } from './string-literal.js';
import { mergeStrings } from './convert-expr.js';
import type { Arg, DictItem, Expr, Param, Stmt } from './summary.js';

const AUG_OPS = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '>>=', '<<=', '&=', '|=', '^=', '@=']);
const COMPARE = new Set(['<', '>', '==', '>=', '<=', '!=', 'in', 'not', 'is']);
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'lambda', 'await', 'yield', 'from', 'async', 'del', 'pass', 'return', 'import', 'class', 'def', 'while', 'with', 'try', 'except', 'raise', 'global', 'nonlocal', 'assert', 'break', 'continue', 'elif', 'finally', 'as']);
const BINARY_LEVELS: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['|']),
  new Set(['^']),
  new Set(['&']),
  new Set(['<<', '>>']),
  new Set(['+', '-']),
  new Set(['*', '/', '//', '%', '@']),
];

/** Parses an expression statement (assignment, annotation, augmented assignment or bare expression). */
export function parseSimpleStatement(text: string, firstLine: number): Stmt | null {
  return new FastParser(text, tokenize(text, firstLine)).statement();
}

class FastParser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private get tok(): Token {
    return this.tokens[this.pos]!;
  }

  private peek(offset = 1): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private isOp(text: string): boolean {
    return this.tok.kind === 'op' && this.tok.text === text;
  }

  private isName(text: string): boolean {
    return this.tok.kind === 'name' && this.tok.text === text;
  }

  private expectOp(text: string): Token {
    if (!this.isOp(text)) throw new FastPathError(`expected ${text}`);
    return this.tokens[this.pos++]!;
  }

  statement(): Stmt | null {
    const line = this.tok.line;
    const isDocstring = this.tok.kind === 'str' && this.peek().kind === 'end';
    const first = this.exprList(true);
    if (this.isOp(':')) {
      this.pos++;
      const ann = this.annotation();
      let value: Expr | null = null;
      if (this.isOp('=')) {
        this.pos++;
        value = this.exprList(true);
      }
      return this.finish({ k: 'ann', target: first, ann, value, line });
    }
    if (this.tok.kind === 'op' && AUG_OPS.has(this.tok.text)) {
      const op = this.tokens[this.pos++]!.text;
      return this.finish({ k: 'aug', target: first, op, value: this.exprList(true), line });
    }
    if (this.isOp('=')) {
      const targets = [first];
      let value: Expr;
      for (;;) {
        this.pos++;
        const startsWithParen = this.isOp('(');
        value = this.exprList(true);
        if (!this.isOp('=')) break;
        // tree-sitter reads a parenthesized target in a chain as a pattern, not an expression
        if (startsWithParen) throw new FastPathError('parenthesized assignment target');
        targets.push(value);
      }
      return this.finish({ k: 'assign', targets, value, line });
    }
    if (isDocstring) return this.finish(null);
    return this.finish({ k: 'expr', value: first, line });
  }

  private finish<T>(result: T): T {
    if (this.tok.kind !== 'end') throw new FastPathError(`unexpected ${this.tok.text}`);
    return result;
  }

  /** `a, b` without brackets is a tuple (tree-sitter's expression_list / pattern_list). */
  private exprList(allowStar: boolean): Expr {
    const line = this.tok.line;
    const first = this.starOrExpr(allowStar);
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.pos++;
      if (this.atListEnd()) break;
      items.push(this.starOrExpr(allowStar));
    }
    return { k: 'tuple', items, line };
  }

  private atListEnd(): boolean {
    const t = this.tok;
    return t.kind === 'end' || (t.kind === 'op' && ['=', ')', ']', '}', ':'].includes(t.text)) || (t.kind === 'op' && AUG_OPS.has(t.text));
  }

  private starOrExpr(allowStar: boolean): Expr {
    if (allowStar && this.isOp('*')) {
      const line = this.tokens[this.pos++]!.line;
      return { k: 'star', value: this.orExpr(), line };
    }
    return this.expr();
  }

  /** An annotation: `Name[...]` is tree-sitter's generic_type, whose arguments are annotations too. */
  private annotation(): Expr {
    if (this.tok.kind === 'name' && !KEYWORDS.has(this.tok.text) && this.peek().kind === 'op' && this.peek().text === '[') {
      const save = this.pos;
      const name = this.tokens[this.pos++]!;
      const open = this.expectOp('[');
      const params = [this.annotation()];
      while (this.isOp(',')) {
        this.pos++;
        if (this.isOp(']')) break;
        params.push(this.annotation());
      }
      this.expectOp(']');
      if (this.isOp(',') || this.isOp(']') || this.isOp('=') || this.peek(0).kind === 'end') {
        const index: Expr = params.length === 1 ? params[0]! : { k: 'tuple', items: params, line: open.line };
        return { k: 'sub', obj: { k: 'name', id: name.text, line: name.line }, index, line: name.line };
      }
      this.pos = save;
    }
    return this.expr();
  }

  expr(): Expr {
    if (this.isName('lambda')) return this.lambda();
    if (this.isName('yield') || this.isName('await')) throw new FastPathError('yield/await');
    const line = this.tok.line;
    const body = this.orExpr();
    if (!this.isName('if')) {
      if (this.isOp(':=')) throw new FastPathError('walrus');
      return body;
    }
    this.pos++;
    const test = this.orExpr();
    if (!this.isName('else')) throw new FastPathError('conditional without else');
    this.pos++;
    const orelse = this.expr();
    return { k: 'cond', test, body, orelse, line };
  }

  private lambda(): Expr {
    const line = this.tokens[this.pos++]!.line;
    const params: Param[] = [];
    while (!this.isOp(':')) {
      if (this.isOp('*') || this.isOp('**')) throw new FastPathError('lambda star parameter');
      const name = this.tokens[this.pos++]!;
      if (name.kind !== 'name') throw new FastPathError('lambda parameter');
      if (this.isOp('=')) {
        this.pos++;
        params.push({ name: name.text, default: this.expr() });
      } else {
        params.push({ name: name.text });
      }
      if (this.isOp(',')) this.pos++;
      else if (!this.isOp(':')) throw new FastPathError('lambda parameters');
    }
    this.pos++;
    return { k: 'lambda', params, body: this.expr(), line };
  }

  private orExpr(): Expr {
    return this.boolChain('or', () => this.andExpr());
  }

  private andExpr(): Expr {
    return this.boolChain('and', () => this.notExpr());
  }

  /** Composite nodes carry the line of their first token (a parenthesis included), as tree-sitter nodes do. */
  private boolChain(op: 'and' | 'or', next: () => Expr): Expr {
    const line = this.tok.line;
    let left = next();
    while (this.isName(op)) {
      this.pos++;
      left = { k: 'bool', op, left, right: next(), line };
    }
    return left;
  }

  private notExpr(): Expr {
    if (this.isName('not')) {
      const line = this.tokens[this.pos++]!.line;
      return { k: 'unary', op: 'not', arg: this.notExpr(), line };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const line = this.tok.line;
    const first = this.binary(0);
    const ops: string[] = [];
    const items = [first];
    while (this.tok.kind !== 'end' && COMPARE.has(this.tok.text) && (this.tok.kind === 'op' || this.tok.kind === 'name')) {
      let op = this.tokens[this.pos++]!.text;
      if (op === 'not') {
        if (!this.isName('in')) throw new FastPathError('not without in');
        this.pos++;
        op = 'not in';
      } else if (op === 'is' && this.isName('not')) {
        this.pos++;
        op = 'is not';
      }
      ops.push(op);
      items.push(this.binary(0));
    }
    return ops.length === 0 ? first : { k: 'cmp', ops, items, line };
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    const line = this.tok.line;
    let left = this.binary(level + 1);
    const ops = BINARY_LEVELS[level]!;
    while (this.tok.kind === 'op' && ops.has(this.tok.text)) {
      const op = this.tokens[this.pos++]!.text;
      left = { k: 'bin', op, left, right: this.binary(level + 1), line };
    }
    return left;
  }

  private unary(): Expr {
    if (this.tok.kind === 'op' && (this.tok.text === '-' || this.tok.text === '+' || this.tok.text === '~')) {
      const t = this.tokens[this.pos++]!;
      return { k: 'unary', op: t.text, arg: this.unary(), line: t.line };
    }
    return this.power();
  }

  private power(): Expr {
    const line = this.tok.line;
    const base = this.primary();
    if (!this.isOp('**')) return base;
    this.pos++;
    return { k: 'bin', op: '**', left: base, right: this.unary(), line };
  }

  private primary(): Expr {
    const line = this.tok.line;
    let e = this.atom();
    for (;;) {
      if (this.isOp('.')) {
        this.pos++;
        const name = this.tokens[this.pos++]!;
        if (name.kind !== 'name') throw new FastPathError('attribute name');
        e = { k: 'attr', obj: e, name: name.text, line };
      } else if (this.isOp('(')) {
        e = { k: 'call', fn: e, args: this.callArgs(), line };
      } else if (this.isOp('[')) {
        e = this.subscript(e, line);
      } else {
        return e;
      }
    }
  }

  private subscript(obj: Expr, line: number): Expr {
    this.pos++;
    const items = [this.subscriptItem()];
    while (this.isOp(',')) {
      this.pos++;
      if (this.isOp(']')) throw new FastPathError('subscript trailing comma');
      items.push(this.subscriptItem());
    }
    this.expectOp(']');
    const index: Expr = items.length === 1 ? items[0]! : { k: 'tuple', items, line };
    return { k: 'sub', obj, index, line };
  }

  private subscriptItem(): Expr {
    if (this.isOp(':')) throw new FastPathError('slice');
    const e = this.expr();
    if (this.isOp(':')) throw new FastPathError('slice');
    return e;
  }

  private callArgs(): Arg[] {
    const open = this.expectOp('(');
    const args: Arg[] = [];
    while (!this.isOp(')')) {
      if (this.isOp('*') || this.isOp('**')) {
        const star = this.tokens[this.pos++]!.text === '*' ? 1 : 2;
        args.push({ star, value: this.expr() });
      } else if (this.tok.kind === 'name' && this.peek().kind === 'op' && this.peek().text === '=') {
        const name = this.tokens[this.pos++]!.text;
        this.pos++;
        args.push({ name, value: this.expr() });
      } else {
        const value = this.expr();
        if (this.isName('for')) {
          if (args.length > 0) throw new FastPathError('generator after arguments');
          args.push({ value: this.comprehension('gen', value, undefined, open.line) });
          this.expectOp(')');
          return args;
        }
        args.push({ value });
      }
      if (!this.isOp(',')) break;
      this.pos++;
    }
    this.expectOp(')');
    return args;
  }

  private comprehension(kind: 'list' | 'set' | 'gen' | 'dict', elt: Expr, value: Expr | undefined, line: number): Expr {
    this.pos++;
    const target = this.targetList();
    if (!this.isName('in')) throw new FastPathError('comprehension without in');
    this.pos++;
    const iter = this.orExpr();
    const ifs: Expr[] = [];
    while (this.isName('if')) {
      this.pos++;
      ifs.push(this.orExpr());
    }
    if (this.isName('for') || this.isName('async')) throw new FastPathError('nested comprehension');
    return { k: 'comp', kind, elt, ...(value ? { value } : {}), target, iter, ifs, line };
  }

  private targetList(): Expr {
    const line = this.tok.line;
    const first = this.binary(0);
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.pos++;
      items.push(this.binary(0));
    }
    return { k: 'tuple', items, line };
  }

  private atom(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'name':
        return this.nameAtom(t);
      case 'num':
        this.pos++;
        return numberExpr(t);
      case 'str':
        return this.strings();
      case 'op':
        if (t.text === '(') return this.parenthesized();
        if (t.text === '[') return this.listDisplay();
        if (t.text === '{') return this.dictOrSet();
        if (t.text === '...') {
          this.pos++;
          return { k: 'ellipsis', line: t.line };
        }
        throw new FastPathError(`unexpected ${t.text}`);
      default:
        throw new FastPathError('unexpected end');
    }
  }

  private nameAtom(t: Token): Expr {
    if (t.text === 'True' || t.text === 'False' || t.text === 'None') {
      this.pos++;
      return { k: 'const', v: t.text === 'None' ? null : t.text === 'True', line: t.line };
    }
    if (KEYWORDS.has(t.text)) throw new FastPathError(`keyword ${t.text}`);
    this.pos++;
    return { k: 'name', id: t.text, line: t.line };
  }

  private parenthesized(): Expr {
    const open = this.tokens[this.pos++]!;
    if (this.isOp(')')) {
      this.pos++;
      return { k: 'tuple', items: [], line: open.line };
    }
    if (this.isName('yield')) throw new FastPathError('yield');
    const first = this.starOrExpr(true);
    if (this.isName('for')) {
      const comp = this.comprehension('gen', first, undefined, open.line);
      this.expectOp(')');
      return comp;
    }
    if (this.isOp(')')) {
      this.pos++;
      if (first.k === 'star') throw new FastPathError('parenthesized star');
      return first;
    }
    const items = [first];
    while (this.isOp(',')) {
      this.pos++;
      if (this.isOp(')')) break;
      items.push(this.starOrExpr(true));
    }
    this.expectOp(')');
    return { k: 'tuple', items, line: open.line };
  }

  private listDisplay(): Expr {
    const open = this.tokens[this.pos++]!;
    const items: Expr[] = [];
    while (!this.isOp(']')) {
      const item = this.starOrExpr(true);
      if (items.length === 0 && this.isName('for')) {
        const comp = this.comprehension('list', item, undefined, open.line);
        this.expectOp(']');
        return comp;
      }
      items.push(item);
      if (!this.isOp(',')) break;
      this.pos++;
    }
    this.expectOp(']');
    return { k: 'list', items, line: open.line };
  }

  private dictOrSet(): Expr {
    const open = this.tokens[this.pos++]!;
    const entries: DictItem[] = [];
    const items: Expr[] = [];
    while (!this.isOp('}')) {
      if (this.isOp('**')) {
        this.pos++;
        entries.push({ key: null, value: this.binary(0) });
      } else {
        const key = this.starOrExpr(true);
        if (this.isOp(':')) {
          this.pos++;
          const value = this.expr();
          if (entries.length === 0 && items.length === 0 && this.isName('for')) {
            const comp = this.comprehension('dict', key, value, open.line);
            this.expectOp('}');
            return comp;
          }
          entries.push({ key, value });
        } else {
          if (entries.length === 0 && items.length === 0 && this.isName('for')) {
            const comp = this.comprehension('set', key, undefined, open.line);
            this.expectOp('}');
            return comp;
          }
          items.push(key);
        }
      }
      if (!this.isOp(',')) break;
      this.pos++;
    }
    this.expectOp('}');
    if (entries.length > 0 && items.length > 0) throw new FastPathError('mixed dict and set');
    return items.length > 0 ? { k: 'set', items, line: open.line } : { k: 'dict', items: entries, line: open.line };
  }

  /** Adjacent literals concatenate (tree-sitter's concatenated_string). */
  private strings(): Expr {
    const first = this.tok;
    const parts: Expr[] = [];
    while (this.tok.kind === 'str') parts.push(this.stringExpr(this.tokens[this.pos++]!, first.line));
    if (parts.length === 1) return parts[0]!;
    if (parts.every((p) => p.k === 'str')) return { k: 'str', v: parts.map((p) => (p.k === 'str' ? p.v : '')).join(''), line: first.line };
    const out: Array<string | Expr> = [];
    for (const p of parts) {
      if (p.k === 'str') out.push(p.v);
      else if (p.k === 'fstr') out.push(...p.parts);
      else return p;
    }
    return { k: 'fstr', parts: mergeStrings(out), line: first.line };
  }

  private stringExpr(t: Token, line: number): Expr {
    const { prefix, body } = splitLiteral(t.text);
    if (prefix.includes('b')) return { k: 'bytes', line };
    if (!prefix.includes('f')) return { k: 'str', v: stringValue(t.text), line };
    return { k: 'fstr', parts: fstringParts(body, prefix.includes('r'), t.line), line };
  }
}

function numberExpr(t: Token): Expr {
  const raw = t.text.replace(/_/g, '').toLowerCase();
  if (raw.endsWith('j') || raw.endsWith('l')) throw new FastPathError('complex or long number');
  const isPrefixed = /^0[xob]/.test(raw);
  const v = isPrefixed ? parseInt(raw.slice(2), raw[1] === 'x' ? 16 : raw[1] === 'o' ? 8 : 2) : Number(raw);
  if (Number.isNaN(v)) throw new FastPathError('bad number');
  return { k: 'num', v, line: t.line };
}

/** The literal runs and `{expression}` parts of an f-string body. */
function fstringParts(body: string, isRaw: boolean, line: number): Array<string | Expr> {
  const parts: Array<string | Expr> = [];
  let literal = '';
  let i = 0;
  const flush = (): void => {
    if (literal) parts.push(isRaw ? literal : unescapePython(literal));
    literal = '';
  };
  while (i < body.length) {
    const ch = body[i]!;
    if ((ch === '{' || ch === '}') && body[i + 1] === ch) {
      literal += ch;
      i += 2;
    } else if (ch === '{') {
      flush();
      const end = interpolationEnd(body, i + 1);
      const exprText = body.slice(i + 1, end.exprEnd);
      const newlinesBefore = countNewlines(body.slice(0, i + 1));
      const stmt = new FastParser(exprText, tokenize(exprText, line + newlinesBefore));
      parts.push(stmt.expr());
      i = end.close + 1;
    } else {
      literal += ch;
      i++;
    }
  }
  flush();
  return mergeStrings(parts);
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Where an interpolation's expression ends (`!`, `:`, `=` or `}` at depth 0) and where its `}` is. */
function interpolationEnd(body: string, from: number): { exprEnd: number; close: number } {
  let depth = 0;
  let exprEnd = -1;
  for (let i = from; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '"' || ch === "'") throw new FastPathError('string inside f-string');
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === '}' && depth > 0) depth--;
    else if (depth === 0 && exprEnd === -1 && (ch === '!' || ch === ':') && body[i + 1] !== '=') exprEnd = i;
    else if (depth === 0 && exprEnd === -1 && ch === '=' && body[i + 1] !== '=' && !'=!<>'.includes(body[i - 1] ?? '')) {
      throw new FastPathError('self-documenting f-string');
    }
    else if (depth === 0 && ch === '}') return { exprEnd: exprEnd === -1 ? i : exprEnd, close: i };
  }
  throw new FastPathError('unterminated interpolation');
}
