// Finds where a JSON text stops being JSON: V8's JSON.parse does not always say (Node 20: "Unexpected token").

export interface JsonFault {
  offset: number;
  reason: string;
}

class Fault extends Error {
  constructor(
    readonly offset: number,
    reason: string,
  ) {
    super(reason);
  }
}

const LITERALS = ['true', 'false', 'null'] as const;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_BODY = /(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/y;

/** The first syntax fault of `text`, or undefined when it is valid JSON. */
export function locateJsonFault(text: string): JsonFault | undefined {
  let at = 0;
  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const describe = (): string =>
    at >= text.length ? 'unexpected end of file' : `unexpected character ${JSON.stringify(text[at])}`;
  const expect = (char: string, what: string): void => {
    skipSpace();
    if (text[at] !== char) throw new Fault(at, `expected ${what}, ${describe()}`);
    at++;
  };
  const string = (): void => {
    expect('"', 'a double-quoted string');
    STRING_BODY.lastIndex = at;
    STRING_BODY.exec(text);
    at = STRING_BODY.lastIndex;
    if (text[at] !== '"') throw new Fault(at, `unterminated or invalid string, ${describe()}`);
    at++;
  };
  const sequence = (close: string, item: () => void): void => {
    at++;
    skipSpace();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      skipSpace();
      if (text[at] === close) return void at++;
      expect(',', `',' or '${close}'`);
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[at];
    if (char === '{') return sequence('}', () => (string(), expect(':', "':'"), value()));
    if (char === '[') return sequence(']', value);
    if (char === '"') return string();
    const literal = LITERALS.find((word) => text.startsWith(word, at));
    if (literal !== undefined) return void (at += literal.length);
    NUMBER.lastIndex = at;
    if (NUMBER.exec(text) !== null) return void (at = NUMBER.lastIndex);
    throw new Fault(at, `expected a value, ${describe()}`);
  };
  try {
    value();
    skipSpace();
    if (at < text.length) throw new Fault(at, `expected the end of the file, ${describe()}`);
    return undefined;
  } catch (error) {
    if (error instanceof Fault) return { offset: error.offset, reason: error.message };
    throw error;
  }
}
