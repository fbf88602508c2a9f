// Tokenizer for the fast path: Python simple statements, one at a time, from a slice of the source.

export type TokenKind = 'name' | 'num' | 'str' | 'op' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  /** offset of the token in the statement text */
  start: number;
}

/** Thrown for anything the fast path does not handle; the caller falls back to the tree-sitter conversion. */
export class FastPathError extends Error {}

/** Operators by length, longest first: the tokenizer tries 3, then 2, then 1 characters. */
const OPS3 = new Set(['**=', '//=', '>>=', '<<=', '...']);
const OPS2 = new Set(['->', ':=', '**', '//', '<<', '>>', '<=', '>=', '==', '!=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=']);
const OPS1 = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '@', '=', '+', '-', '*', '/', '%', '&', '|', '^', '~', '<', '>']);

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** String prefixes: r, b, u, f and their pairs, in either case. */
function isStringPrefix(text: string): boolean {
  return text.length <= 3 && /^[rRbBuUfF]{1,2}$/.test(text);
}

const NUMBER = /(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)[jJlL]?/y;

/** Length of the string literal starting at `i` (prefix included), or -1 when `i` does not start one. */
export function stringLength(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 3 && /[rRbBuUfF]/.test(text[j]!)) j++;
  const quote = text[j];
  if (quote !== '"' && quote !== "'") return -1;
  const isRaw = /[rR]/.test(text.slice(i, j));
  const triple = text.startsWith(quote.repeat(3), j);
  const close = triple ? quote.repeat(3) : quote;
  for (let k = j + close.length; k < text.length; k++) {
    const ch = text[k]!;
    if (ch === '\\') {
      k++;
      continue;
    }
    if (!triple && ch === '\n') throw new FastPathError('unterminated string');
    if (text.startsWith(close, k)) return k + close.length - i;
  }
  if (isRaw) throw new FastPathError('unterminated raw string');
  throw new FastPathError('unterminated string');
}

export function tokenize(text: string, firstLine: number): Token[] {
  const tokens: Token[] = [];
  let line = firstLine;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
    } else if (c === 32 || c === 9 || c === 13 || c === 12) {
      i++;
    } else if (c === 35) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
    } else if (c === 92 && text.charCodeAt(i + 1) === 10) {
      i += 2;
      line++;
    } else if (isNameStart(c)) {
      let j = i + 1;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      if ((q === 34 || q === 39) && isStringPrefix(text.slice(i, j))) {
        i = pushString(tokens, text, i, line);
        line = tokens[tokens.length - 1]!.line + countNewlines(tokens[tokens.length - 1]!.text);
      } else {
        tokens.push({ kind: 'name', text: text.slice(i, j), line, start: i });
        i = j;
      }
    } else if (c === 34 || c === 39) {
      i = pushString(tokens, text, i, line);
      line = tokens[tokens.length - 1]!.line + countNewlines(tokens[tokens.length - 1]!.text);
    } else if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) throw new FastPathError('bad number');
      tokens.push({ kind: 'num', text: m[0], line, start: i });
      i += m[0].length;
    } else {
      const op = OPS3.has(text.slice(i, i + 3)) ? text.slice(i, i + 3) : OPS2.has(text.slice(i, i + 2)) ? text.slice(i, i + 2) : text[i]!;
      if (!OPS1.has(op) && op.length === 1) throw new FastPathError(`unexpected character ${op}`);
      tokens.push({ kind: 'op', text: op, line, start: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', text: '', line, start: n });
  return tokens;
}

function pushString(tokens: Token[], text: string, i: number, line: number): number {
  const len = stringLength(text, i);
  if (len < 0) throw new FastPathError('bad string');
  tokens.push({ kind: 'str', text: text.slice(i, i + len), line, start: i });
  return i + len;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
