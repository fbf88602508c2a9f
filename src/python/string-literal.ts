// Decodes Python string literal text (prefix, quotes, escapes) into its value.

export interface LiteralParts {
  prefix: string;
  /** the text between the quotes, still escaped */
  body: string;
}

/** Splits `rb'''abc'''` into its lower-cased prefix and the text between the quotes. */
export function splitLiteral(text: string): LiteralParts {
  let i = 0;
  while (i < text.length && text[i] !== '"' && text[i] !== "'") i++;
  const prefix = text.slice(0, i).toLowerCase();
  const quote = text.slice(i, i + 3);
  const width = quote === '"""' || quote === "'''" ? 3 : 1;
  const end = text.length - width >= i + width ? text.length - width : text.length;
  return { prefix, body: text.slice(i + width, end) };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

/**
 * Applies Python's backslash escapes (not for raw strings). Unknown escapes stay as written, like Python; in
 * bytes `\u` and `\U` are not escapes.
 */
export function unescapePython(body: string, isBytes = false): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\' || i + 1 >= body.length) {
      out += ch;
      continue;
    }
    const next = body[i + 1]!;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (next === 'x' || (!isBytes && (next === 'u' || next === 'U'))) {
      const width = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + width);
      out += /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? String.fromCodePoint(parseInt(hex, 16)) : ch + next;
      i += /^[0-9a-fA-F]+$/.test(hex) && hex.length === width ? 1 + width : 1;
    } else if (next >= '0' && next <= '7') {
      const oct = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(oct, 8));
      i += oct.length;
    } else {
      out += ch;
    }
  }
  return out;
}

/** A bytes literal's value: its bytes, one character each (latin-1). */
export function bytesValue(text: string): string {
  const { prefix, body } = splitLiteral(text);
  return prefix.includes('r') ? body : unescapePython(body, true);
}

/** The value of a non-f string literal. */
export function stringValue(text: string): string {
  const { prefix, body } = splitLiteral(text);
  return prefix.includes('r') ? body : unescapePython(body);
}
