// The fast path: parses a simple statement's text straight into summary expressions, producing exactly
// what the tree-sitter conversion would (test/extract-fast-path.test.ts compares the two). Anything it
// does not handle throws FastPathError and the statement goes through the tree-sitter conversion.
import { AtomParser, KEYWORDS } from './fast-atoms.js';
import { FastPathError, tokenize } from './fast-tokens.js';
import type { Arg, Expr, Param, Stmt } from './summary.js';

const AUG_OPS = new Set(['+=', '-=', '*=', '/=', '//=', '%=', '**=', '>>=', '<<=', '&=', '|=', '^=', '@=']);
const COMPARE = new Set(['<', '>', '==', '>=', '<=', '!=', 'in', 'not', 'is']);
/** Binding strength of each binary operator, loosest first (`|` binds looser than `*`). */
const BINARY_LEVEL: ReadonlyMap<string, number> = new Map([
  ['|', 0], ['^', 1], ['&', 2], ['<<', 3], ['>>', 3], ['+', 4], ['-', 4], ['*', 5], ['/', 5], ['//', 5], ['%', 5], ['@', 5],
]);

/** Parses an expression statement (assignment, annotation, augmented assignment or bare expression) in `text[from, to)`. */
export function parseSimpleStatement(text: string, firstLine: number, from = 0, to = text.length): Stmt | null {
  return new FastParser(tokenize(text, firstLine, from, to)).statement();
}

class FastParser extends AtomParser {
  protected subParser(text: string, firstLine: number): AtomParser {
    return new FastParser(tokenize(text, firstLine));
  }

  statement(): Stmt | null {
    const line = this.tok.line;
    const isDocstring = this.tok.kind === 'str' && this.peek().kind === 'end';
    const startsWithParen = this.isOp('(');
    const first = this.exprList(true);
    if (this.isOp(':')) {
      if (startsWithParen) throw new FastPathError('parenthesized annotated target');
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

  protected finish<T>(result: T): T {
    if (this.tok.kind !== 'end') throw new FastPathError(`unexpected ${this.tok.text}`);
    return result;
  }

  /** `a, b` without brackets is a tuple (tree-sitter's expression_list / pattern_list). */
  protected exprList(allowStar: boolean): Expr {
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

  protected atListEnd(): boolean {
    const t = this.tok;
    return t.kind === 'end' || (t.kind === 'op' && ['=', ')', ']', '}', ':'].includes(t.text)) || (t.kind === 'op' && AUG_OPS.has(t.text));
  }

  protected starOrExpr(allowStar: boolean): Expr {
    if (allowStar && this.isOp('*')) {
      const line = this.tokens[this.pos++]!.line;
      return { k: 'star', value: this.orExpr(), line };
    }
    return this.expr();
  }

  /** An annotation: `Name[...]` is tree-sitter's generic_type, whose arguments are annotations too. */
  protected annotation(): Expr {
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

  protected lambda(): Expr {
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

  /** Composite nodes carry the line of their first token (a parenthesis included), as tree-sitter nodes do. */
  protected orExpr(): Expr {
    const line = this.tok.line;
    let left = this.andExpr();
    while (this.isName('or')) {
      this.pos++;
      left = { k: 'bool', op: 'or', left, right: this.andExpr(), line };
    }
    return left;
  }

  protected andExpr(): Expr {
    const line = this.tok.line;
    let left = this.notExpr();
    while (this.isName('and')) {
      this.pos++;
      left = { k: 'bool', op: 'and', left, right: this.notExpr(), line };
    }
    return left;
  }

  protected notExpr(): Expr {
    if (this.isName('not')) {
      const line = this.tokens[this.pos++]!.line;
      return { k: 'unary', op: 'not', arg: this.notExpr(), line };
    }
    return this.comparison();
  }

  protected comparison(): Expr {
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

  /** Precedence climbing: operators binding at least as tightly as `level`, left-associative. */
  protected binary(level: number): Expr {
    const line = this.tok.line;
    let left = this.unary();
    for (;;) {
      const t = this.tok;
      const opLevel = t.kind === 'op' ? BINARY_LEVEL.get(t.text) : undefined;
      if (opLevel === undefined || opLevel < level) return left;
      this.pos++;
      left = { k: 'bin', op: t.text, left, right: this.binary(opLevel + 1), line };
    }
  }

  protected unary(): Expr {
    if (this.tok.kind === 'op' && (this.tok.text === '-' || this.tok.text === '+' || this.tok.text === '~')) {
      const t = this.tokens[this.pos++]!;
      return { k: 'unary', op: t.text, arg: this.unary(), line: t.line };
    }
    return this.power();
  }

  protected power(): Expr {
    const line = this.tok.line;
    const base = this.primary();
    if (!this.isOp('**')) return base;
    this.pos++;
    return { k: 'bin', op: '**', left: base, right: this.unary(), line };
  }

  protected primary(): Expr {
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

  protected subscript(obj: Expr, line: number): Expr {
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

  protected subscriptItem(): Expr {
    const line = this.tok.line;
    const lower = this.isOp(':') ? null : this.expr();
    if (!this.isOp(':')) return lower!;
    this.pos++;
    const upper = this.isOp(':') || this.isOp(']') || this.isOp(',') ? null : this.expr();
    let step: Expr | null = null;
    if (this.isOp(':')) {
      this.pos++;
      step = this.isOp(']') || this.isOp(',') ? null : this.expr();
    }
    return { k: 'slice', lower, upper, step, line };
  }

  protected callArgs(): Arg[] {
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

}