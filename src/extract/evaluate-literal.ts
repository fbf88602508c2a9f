// `ast.literal_eval(text)` for the static evaluator: column specs kept as a Python literal in a string (tuples,
// lists, dicts, sets, strings, numbers, True/False/None). Anything outside that grammar, or a number Python would
// hold beyond 2**53, gives undefined: the caller reports it.
import { numberLiteral } from '../python/number-literal.js';
import { bytesValue, stringValue } from '../python/string-literal.js';
import { bytesObject } from './evaluate-bytes.js';
import { setItem } from './evaluate-mutate.js';
import { equalValues } from './evaluate-ops.js';
import { isFloat, num, type Value } from './values.js';

class NotLiteral extends Error {}

const NUMBER = /^(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*(?:[eE][+-]?\d(?:_?\d)*)?[jJ]?)/;
const STRING_START = /^[rRbBuU]{0,2}(?:'''|"""|'|")/;

export function literalEval(text: string, file: string, line: number): Value | undefined {
  const reader = new LiteralReader(text.replace(/^[ \t]+/, ''), file, line);
  try {
    const value = reader.expression();
    reader.end();
    return value;
  } catch (e) {
    if (e instanceof NotLiteral) return undefined;
    throw e;
  }
}

class LiteralReader {
  private at = 0;

  constructor(
    private readonly src: string,
    private readonly file: string,
    private readonly line: number,
  ) {}

  /** A top-level expression may be a tuple without parentheses (`"a", "b"`). */
  expression(): Value {
    const first = this.value();
    if (!this.eat(',')) return first;
    const items = [first];
    while (!this.atEnd()) {
      items.push(this.value());
      if (!this.eat(',')) break;
    }
    return { t: 'seq', kind: 'tuple', items };
  }

  end(): void {
    this.space();
    if (this.at < this.src.length) throw new NotLiteral();
  }

  private value(): Value {
    this.space();
    const rest = this.src.slice(this.at);
    if (this.eat('(')) return this.group();
    if (this.eat('[')) return { t: 'seq', kind: 'list', items: this.items(']') };
    if (this.eat('{')) return this.braces();
    if (this.eat('-')) return this.signed(-1);
    if (this.eat('+')) return this.signed(1);
    if (STRING_START.test(rest)) return this.strings();
    const word = /^(True|False|None|set)\b/.exec(rest)?.[1];
    if (word === 'set') {
      // `set()`: the only call literal_eval accepts
      this.at += 3;
      if (!this.eat('(') || !this.eat(')')) throw new NotLiteral();
      return { t: 'seq', kind: 'set', items: [] };
    }
    if (word) {
      this.at += word.length;
      return word === 'None' ? { t: 'none' } : { t: 'bool', v: word === 'True' };
    }
    return this.number();
  }

  private signed(sign: number): Value {
    const v = this.value();
    if (v.t !== 'num') throw new NotLiteral();
    return num(sign * v.v, isFloat(v));
  }

  private number(): Value {
    const raw = NUMBER.exec(this.src.slice(this.at))?.[0];
    if (!raw || /[jJ]$/.test(raw)) throw new NotLiteral();
    this.at += raw.length;
    const n = numberLiteral(raw);
    if (!n || (!n.isFloat && !Number.isSafeInteger(n.v))) throw new NotLiteral();
    return num(n.v, n.isFloat);
  }

  /** Adjacent string literals concatenate; str and bytes do not mix. */
  private strings(): Value {
    const parts: Array<{ bytes: boolean; v: string }> = [];
    while (STRING_START.test(this.src.slice(this.at))) {
      const token = this.stringToken();
      const isBytes = /^[a-zA-Z]*[bB]/.test(token);
      parts.push({ bytes: isBytes, v: isBytes ? bytesValue(token) : stringValue(token) });
      this.space();
    }
    const joined = parts.map((p) => p.v).join('');
    if (parts.every((p) => p.bytes)) return bytesObject(joined, this.file, this.line);
    if (parts.some((p) => p.bytes)) throw new NotLiteral();
    return { t: 'str', v: joined };
  }

  private stringToken(): string {
    const open = STRING_START.exec(this.src.slice(this.at))![0];
    const quote = open.replace(/^[a-zA-Z]+/, '');
    const start = this.at;
    let i = this.at + open.length;
    while (i < this.src.length) {
      if (this.src[i] === '\\') i += 2;
      else if (this.src.startsWith(quote, i)) break;
      else if (quote.length === 1 && this.src[i] === '\n') throw new NotLiteral();
      else i += 1;
    }
    if (i >= this.src.length) throw new NotLiteral();
    this.at = i + quote.length;
    return this.src.slice(start, this.at);
  }

  /** `(...)`: a tuple when empty or when a comma follows an item, else the item itself. */
  private group(): Value {
    if (this.eat(')')) return { t: 'seq', kind: 'tuple', items: [] };
    const first = this.value();
    if (this.eat(')')) return first;
    if (!this.eat(',')) throw new NotLiteral();
    return { t: 'seq', kind: 'tuple', items: [first, ...this.items(')')] };
  }

  /** Items up to the closing bracket, a trailing comma allowed. */
  private items(close: string): Value[] {
    const items: Value[] = [];
    while (!this.eat(close)) {
      items.push(this.value());
      if (!this.eat(',')) {
        if (!this.eat(close)) throw new NotLiteral();
        break;
      }
    }
    return items;
  }

  /** `{}` is a dict; `{a, b}` a set; `{k: v}` a dict (later keys replace earlier ones, as in Python). */
  private braces(): Value {
    if (this.eat('}')) return { t: 'dict', entries: [] };
    const first = this.value();
    if (!this.eat(':')) {
      const items = [first];
      if (this.eat(',')) items.push(...this.items('}'));
      else if (!this.eat('}')) throw new NotLiteral();
      // a set keeps one of equal items
      return { t: 'seq', kind: 'set', items: items.filter((item, i) => items.findIndex((other) => equalValues(other, item) === true) === i) };
    }
    const made: Extract<Value, { t: 'dict' }> = { t: 'dict', entries: [] };
    setItem(made, first, this.value());
    while (!this.eat('}')) {
      if (!this.eat(',')) throw new NotLiteral();
      if (this.eat('}')) break;
      const key = this.value();
      if (!this.eat(':')) throw new NotLiteral();
      setItem(made, key, this.value());
    }
    return made;
  }

  /** Whitespace, newlines inside brackets and comments. */
  private space(): void {
    for (;;) {
      const m = /^(?:[ \t\r\n\f]+|#[^\n]*|\\\n)/.exec(this.src.slice(this.at));
      if (!m) return;
      this.at += m[0].length;
    }
  }

  private eat(token: string): boolean {
    this.space();
    if (!this.src.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  private atEnd(): boolean {
    this.space();
    return this.at >= this.src.length;
  }
}
