// The atoms of the fast path: names, numbers, strings and f-strings, displays, comprehensions.
import { joinStrings, mergeStrings } from './convert-expr.js';
import { FastPathError, type Token } from './fast-tokens.js';
import { numberLiteral } from './number-literal.js';
import { bytesValue, splitLiteral, stringValue, unescapePython } from './string-literal.js';
import type { CompClause, DictItem, Expr } from './summary.js';

export const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'if', 'else', 'for', 'lambda', 'await', 'yield', 'from', 'async', 'del', 'pass', 'return', 'import', 'class', 'def', 'while', 'with', 'try', 'except', 'raise', 'global', 'nonlocal', 'assert', 'break', 'continue', 'elif', 'finally', 'as']);

/** Token cursor and atom parsing; the expression grammar above atoms lives in fast-parse.ts. */
export abstract class AtomParser {
  protected pos = 0;

  constructor(protected readonly tokens: Token[]) {}

  abstract expr(): Expr;
  protected abstract orExpr(): Expr;
  protected abstract binary(level: number): Expr;
  protected abstract starOrExpr(allowStar: boolean): Expr;
  /** a parser for the expression inside an f-string interpolation */
  protected abstract subParser(text: string, firstLine: number): AtomParser;

  protected get tok(): Token {
    return this.tokens[this.pos]!;
  }

  protected peek(offset = 1): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  protected isOp(text: string): boolean {
    return this.tok.kind === 'op' && this.tok.text === text;
  }

  protected isName(text: string): boolean {
    return this.tok.kind === 'name' && this.tok.text === text;
  }

  protected expectOp(text: string): Token {
    if (!this.isOp(text)) throw new FastPathError(`expected ${text}`);
    return this.tokens[this.pos++]!;
  }

  protected comprehension(kind: 'list' | 'set' | 'gen' | 'dict', elt: Expr, value: Expr | undefined, line: number): Expr {
    const [first, ...more] = this.compClauses();
    return { k: 'comp', kind, elt, ...(value ? { value } : {}), ...first!, ...(more.length > 0 ? { more } : {}), line };
  }

  /** `for target in iter if ...`, one or more, from the first `for`. */
  private compClauses(): CompClause[] {
    const clauses: CompClause[] = [];
    while (this.isName('for')) {
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
      clauses.push({ target, iter, ifs });
    }
    if (this.isName('async')) throw new FastPathError('async comprehension');
    return clauses;
  }

  protected targetList(): Expr {
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

  protected atom(): Expr {
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

  protected nameAtom(t: Token): Expr {
    if (t.text === 'True' || t.text === 'False' || t.text === 'None') {
      this.pos++;
      return { k: 'const', v: t.text === 'None' ? null : t.text === 'True', line: t.line };
    }
    if (KEYWORDS.has(t.text)) throw new FastPathError(`keyword ${t.text}`);
    this.pos++;
    return { k: 'name', id: t.text, line: t.line };
  }

  protected parenthesized(): Expr {
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

  protected listDisplay(): Expr {
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

  protected dictOrSet(): Expr {
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
  protected strings(): Expr {
    const first = this.tok;
    const parts: Expr[] = [];
    while (this.tok.kind === 'str') parts.push(this.stringExpr(this.tokens[this.pos++]!, first.line));
    return joinStrings(parts, first.line);
  }

  protected stringExpr(t: Token, line: number): Expr {
    const { prefix, body } = splitLiteral(t.text);
    if (prefix.includes('b')) return { k: 'bytes', v: bytesValue(t.text), line };
    if (!prefix.includes('f')) return { k: 'str', v: stringValue(t.text), line };
    return { k: 'fstr', parts: this.fstringParts(body, prefix.includes('r'), t.line), line };
  }

  /** `{value!conv:spec}` as the tree-sitter conversion builds it (a spec may hold fields: `{v:>{width}}`). */
  private fieldExpr(value: Expr, tail: string, isRaw: boolean, line: number, fieldLine: number): Expr {
    let rest = tail;
    let conv: 'r' | 's' | 'a' | null = null;
    if (rest.startsWith('!')) {
      if (!/^![rsa]/.test(rest)) throw new FastPathError('bad conversion');
      conv = rest[1] as 'r' | 's' | 'a';
      rest = rest.slice(2);
    }
    if (rest !== '' && !rest.startsWith(':')) throw new FastPathError('bad format field');
    if (conv === null && rest === '') return value;
    return { k: 'fmt', value, conv, spec: rest === '' ? null : this.formatSpec(rest.slice(1), isRaw, line, fieldLine), line };
  }

  private formatSpec(text: string, isRaw: boolean, line: number, fieldLine: number): Expr {
    const parts: Array<string | Expr> = [];
    let at = 0;
    for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', at)) {
      const close = text.indexOf('}', open);
      if (close === -1 || text.slice(open + 1, close).includes('{')) throw new FastPathError('format spec field');
      parts.push(isRaw ? text.slice(at, open) : unescapePython(text.slice(at, open)));
      parts.push(this.subParser(text.slice(open + 1, close), fieldLine + countNewlines(text.slice(0, open))).expr());
      at = close + 1;
    }
    if (text.indexOf('}', at) !== -1) throw new FastPathError('format spec brace');
    parts.push(isRaw ? text.slice(at) : unescapePython(text.slice(at)));
    const merged = mergeStrings(parts);
    if (merged.length === 0) return { k: 'str', v: '', line };
    return merged.length === 1 && typeof merged[0] === 'string' ? { k: 'str', v: merged[0], line } : { k: 'fstr', parts: merged, line };
  }

  private fstringParts(body: string, isRaw: boolean, line: number): Array<string | Expr> {
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
        const fieldLine = line + countNewlines(body.slice(0, i + 1));
        const value = this.subParser(exprText, fieldLine).expr();
        parts.push(this.fieldExpr(value, body.slice(end.exprEnd, end.close), isRaw, line, fieldLine));
        i = end.close + 1;
      } else {
        literal += ch;
        i++;
      }
    }
    flush();
    return mergeStrings(parts);
  }
}

function numberExpr(t: Token): Expr {
  if (/[lL]$/.test(t.text)) throw new FastPathError('long number');
  const n = numberLiteral(t.text);
  if (!n) throw new FastPathError('complex or bad number');
  return n.isFloat ? { k: 'num', v: n.v, float: true, line: t.line } : { k: 'num', v: n.v, line: t.line };
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
