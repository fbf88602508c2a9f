// Tokenizer for the fast path: Python simple statements, one at a time, from a slice of the source.

export type TokenKind = 'name' | 'num' | 'str' | 'op' | 'end';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
  /** offset of the token in the text given to `tokenize` */
  start: number;
}

/** Thrown for anything the fast path does not handle; the caller falls back to the tree-sitter conversion. */
export class FastPathError extends Error {}

/**
 * Operator characters by code: 1 a one-character operator, 2 also one that takes `=` after it (`+=`, `<=`, `:=`),
 * 3 also one that doubles (`**`, `//`, `<<`, `>>`, each also with `=`). `!` only starts `!=`. Checked by char code:
 * slicing candidate strings and looking them up was a third of the fast path's time.
 */
const OP_CLASS = new Uint8Array(128);
for (const c of '()[]{},.;~') OP_CLASS[c.charCodeAt(0)] = 1;
for (const c of ':=+-%&|^@!') OP_CLASS[c.charCodeAt(0)] = 2;
for (const c of '*/<>') OP_CLASS[c.charCodeAt(0)] = 3;

const EQ = 61;
const DOT = 46;
const BANG = 33;

/** Length of the operator at `i` (first char code `c`), or 0 when none starts there. */
function operatorLength(text: string, i: number, c: number): number {
  const kind = c < 128 ? OP_CLASS[c]! : 0;
  if (kind === 0) return 0;
  const next = text.charCodeAt(i + 1);
  if (c === DOT) return next === DOT && text.charCodeAt(i + 2) === DOT ? 3 : 1;
  if (kind >= 2 && next === EQ) return 2;
  if (kind === 3 && next === c) return text.charCodeAt(i + 2) === EQ ? 3 : 2;
  if (c === 45 && next === 62) return 2; // ->
  return c === BANG ? 0 : 1;
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** r, b, u, f in either case: the letters of a string prefix. */
function isPrefixChar(c: number): boolean {
  const lower = c | 32;
  return lower === 114 || lower === 98 || lower === 117 || lower === 102;
}

/** A string prefix is one or two prefix letters (`rb`, `F`). */
function isStringPrefix(text: string, from: number, to: number): boolean {
  const n = to - from;
  return (n === 1 || n === 2) && isPrefixChar(text.charCodeAt(from)) && (n === 1 || isPrefixChar(text.charCodeAt(from + 1)));
}

const NUMBER = /(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)[jJlL]?/y;

/** End of the string literal starting at `i` (prefix included) and ending by `limit`, or -1 when `i` does not start one. */
function stringEnd(text: string, i: number, limit: number): number {
  let j = i;
  while (j < limit && j - i < 3 && isPrefixChar(text.charCodeAt(j))) j++;
  const quote = text.charCodeAt(j);
  if (quote !== 34 && quote !== 39) return -1;
  const isTriple = text.charCodeAt(j + 1) === quote && text.charCodeAt(j + 2) === quote;
  const width = isTriple ? 3 : 1;
  for (let k = j + width; k < limit; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 92) k++;
    else if (ch === 10 && !isTriple) throw new FastPathError('unterminated string');
    else if (ch === quote && (!isTriple || (text.charCodeAt(k + 1) === quote && text.charCodeAt(k + 2) === quote))) {
      return k + width <= limit ? k + width : -1;
    }
  }
  throw new FastPathError('unterminated string');
}

/**
 * The tokens of `text[from, to)`: a statement is tokenized in place in its file's text, as slicing it out first
 * would copy it, and reading a slice is slower than reading the flat file text.
 */
export function tokenize(text: string, firstLine: number, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let line = firstLine;
  let i = from;
  const n = to;
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
      const q = j < n ? text.charCodeAt(j) : 0;
      if ((q === 34 || q === 39) && isStringPrefix(text, i, j)) {
        const end = stringEnd(text, i, n);
        if (end < 0) throw new FastPathError('bad string');
        tokens.push({ kind: 'str', text: text.slice(i, end), line, start: i });
        line += countNewlines(text, i, end);
        i = end;
      } else {
        tokens.push({ kind: 'name', text: text.slice(i, j), line, start: i });
        i = j;
      }
    } else if (c === 34 || c === 39) {
      const end = stringEnd(text, i, n);
      if (end < 0) throw new FastPathError('bad string');
      tokens.push({ kind: 'str', text: text.slice(i, end), line, start: i });
      line += countNewlines(text, i, end);
      i = end;
    } else if (isDigit(c) || (c === DOT && isDigit(text.charCodeAt(i + 1)))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m || i + m[0].length > n) throw new FastPathError('bad number');
      tokens.push({ kind: 'num', text: m[0], line, start: i });
      i += m[0].length;
    } else {
      const len = operatorLength(text, i, c);
      if (len === 0 || i + len > n) throw new FastPathError(`unexpected character ${text[i]}`);
      // one-character strings come from V8's cache: no allocation for the common operators
      tokens.push({ kind: 'op', text: len === 1 ? text[i]! : text.slice(i, i + len), line, start: i });
      i += len;
    }
  }
  tokens.push({ kind: 'end', text: '', line, start: n });
  return tokens;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
