// Python's `re` syntax for str patterns, run by JavaScript's RegExp in its Unicode mode: `\w`, `\d`, `\s` and `\b`
// are Unicode-aware in Python (JavaScript's are ASCII-only even with the `u` flag), `$` also matches before a final
// newline, `\A` / `\Z` anchor to the whole text, `(?P<name>...)` names a group. A construct not translated here
// throws, and the callers read the result as not known statically: never an ASCII approximation.

/** Python's \w: what str.isalnum() accepts, and the underscore. */
const WORD = String.raw`\p{L}\p{N}_`;
/**
 * Python's whitespace (\s, str.isspace(), str.split() and strip() with no argument): bidirectional whitespace and
 * separators. JavaScript's \s also takes U+FEFF, and not \x1c-\x1f or U+0085. A class body, for the `u` flag.
 */
export const SPACE = String.raw`\t\n\v\f\r\x1c-\x1f \x85\p{Zs}\u2028\u2029`;
const IS_WORD = `[${WORD}]`;
const BOUNDARY = `(?:(?<=${IS_WORD})(?!${IS_WORD})|(?<!${IS_WORD})(?=${IS_WORD}))`;
/** Python's \B never matches in an empty text (whatever MULTILINE says of `^` and `$`) */
const NOT_BOUNDARY = String.raw`(?!(?<![\s\S])(?![\s\S]))` + `(?:(?<=${IS_WORD})(?=${IS_WORD})|(?<!${IS_WORD})(?!${IS_WORD}))`;

/** Escapes that mean a class of characters, outside a character class and inside one (the negated ones cannot be inside). */
const CLASS_ESCAPES: Record<string, [outside: string, inside: string | null]> = {
  w: [IS_WORD, WORD],
  W: [`[^${WORD}]`, null],
  d: [String.raw`\p{Nd}`, String.raw`\p{Nd}`],
  D: [String.raw`\P{Nd}`, null],
  s: [`[${SPACE}]`, SPACE],
  S: [`[^${SPACE}]`, null],
};
/** Letter escapes JavaScript reads as Python does: control characters. */
const SAME_ESCAPES = new Set(['n', 't', 'r', 'f', 'v']);
/** Characters Unicode mode lets (and wants) escaped: its syntax characters. */
const SYNTAX = /[\^$\\.*+?()[\]{}|/]/;

/**
 * A RegExp's source and flags (`u`, and Python's IGNORECASE, MULTILINE and DOTALL as `i`, `m`, `s`, given or set
 * by the pattern's leading `(?ims)`) that match as Python's pattern does.
 */
export function pythonRegex(python: string, given: string): { source: string; flags: string } {
  const inline = /^\(\?([imsu]+)\)/.exec(python);
  const flags = [...new Set(given + (inline?.[1] ?? '').replace('u', ''))].join('');
  return { source: regexSource(inline ? python.slice(inline[0].length) : python, flags), flags: `${flags}u` };
}

function regexSource(pattern: string, flags: string): string {
  const multiline = flags.includes('m');
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[++i];
      if (next === undefined) throw new Error('a pattern ending in a backslash');
      out += escape(next, inClass, pattern, i, multiline);
      if (next === 'x' || next === 'u' || next === 'U') i += next === 'x' ? 2 : next === 'u' ? 4 : 8;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      // a `[` inside a class is a character in Python, an error in JavaScript's Unicode mode without escaping
      out += c === '[' ? '\\[' : c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // `[]abc]`, `[^]abc]`: a leading `]` is a character in Python
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') out += `\\${pattern[++i]}`;
      continue;
    }
    // without DOTALL, Python's `.` stops only at a newline (JavaScript's at \r and U+2028 too)
    if (c === '.' && !flags.includes('s')) {
      out += '[^\\n]';
      continue;
    }
    if (c === '$') {
      // without MULTILINE, Python's `$` matches at the end and just before a newline that ends the text
      out += multiline ? '$' : String.raw`(?=\n?$)`;
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const named = /^\(\?P<(\w+)>/.exec(pattern.slice(i));
      const backref = /^\(\?P=(\w+)\)/.exec(pattern.slice(i));
      if (named) {
        out += `(?<${named[1]}>`;
        i += named[0].length - 1;
      } else if (backref) {
        out += `\\k<${backref[1]}>`;
        i += backref[0].length - 1;
      } else if (/^\(\?(?:[:=!]|<[=!])/.test(pattern.slice(i))) {
        out += c;
      } else {
        // inline flags (`(?i)`), comments, conditionals: not run here
        throw new Error('a group construct not supported statically');
      }
      continue;
    }
    out += c;
  }
  if (inClass) throw new Error('an unterminated character class');
  return out;
}

function escape(c: string, inClass: boolean, pattern: string, at: number, multiline: boolean): string {
  const cls = CLASS_ESCAPES[c];
  if (cls) {
    const text = inClass ? cls[1] : cls[0];
    if (text === null) throw new Error('a negated class escape inside a character class');
    return text;
  }
  if (!inClass && c === 'b') return BOUNDARY;
  if (!inClass && c === 'B') return NOT_BOUNDARY;
  if (!inClass && c === 'A') return multiline ? String.raw`(?<![\s\S])` : '^';
  if (!inClass && c === 'Z') return multiline ? String.raw`(?![\s\S])` : '$';
  if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(pattern.slice(at + 1, at + 3))) return `\\x${pattern.slice(at + 1, at + 3)}`;
  if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(pattern.slice(at + 1, at + 5))) return `\\u${pattern.slice(at + 1, at + 5)}`;
  if (c === 'U' && /^[0-9a-fA-F]{8}$/.test(pattern.slice(at + 1, at + 9))) return `\\u{${pattern.slice(at + 1, at + 9)}}`;
  // a group reference by one digit (two-digit references and octal escapes are not read here)
  if (!inClass && /[1-9]/.test(c) && !/[0-9]/.test(pattern[at + 1] ?? '')) return `\\${c}`;
  if (inClass && c === 'b') return '\\x08';
  if (SAME_ESCAPES.has(c)) return `\\${c}`;
  // punctuation: a syntax character stays escaped (a `-` too inside a class); one escaped for no reason (`\_`,
  // `\#`) is the character itself, which Unicode mode wants bare
  if (!/[0-9A-Za-z]/.test(c)) return SYNTAX.test(c) || (inClass && c === '-') ? `\\${c}` : c;
  throw new Error(`the escape \\${c} not supported statically`);
}

/** One piece of a replacement template: text, or a group by number or name. */
export type ReplacementPiece = string | { group: number | string };

/**
 * A `re.sub` replacement template as Python reads it: `\1`, `\g<1>`, `\g<name>` name groups; `\n`, `\t`, `\\` and
 * the like are characters; other escapes of letters are errors in Python, here thrown.
 */
export function parseReplacement(repl: string): ReplacementPiece[] {
  const pieces: ReplacementPiece[] = [];
  let text = '';
  const flush = (): void => {
    if (text) pieces.push(text);
    text = '';
  };
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]!;
    if (c !== '\\') {
      text += c;
      continue;
    }
    const next = repl[i + 1];
    const named = /^g<([^>]+)>/.exec(repl.slice(i + 1));
    if (named) {
      flush();
      pieces.push({ group: /^\d+$/.test(named[1]!) ? Number(named[1]) : named[1]! });
      i += named[0].length;
    } else if (next !== undefined && /[1-9]/.test(next)) {
      flush();
      const two = /^[0-9]/.test(repl[i + 2] ?? '');
      pieces.push({ group: Number(two ? repl.slice(i + 1, i + 3) : next) });
      i += two ? 2 : 1;
    } else if (next !== undefined && Object.hasOwn(CHARACTER_ESCAPES, next)) {
      text += CHARACTER_ESCAPES[next];
      i += 1;
    } else if (next !== undefined && !/[0-9A-Za-z]/.test(next)) {
      // `\-`: an unknown escape of punctuation stays as written
      text += `\\${next}`;
      i += 1;
    } else {
      throw new Error('a replacement escape not supported statically');
    }
  }
  flush();
  return pieces;
}

const CHARACTER_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };

/** The replacement for one match: a group that took no part gives "" (Python 3.5+). */
export function expandReplacement(pieces: readonly ReplacementPiece[], m: RegExpExecArray): string {
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') out += piece;
    else {
      const value = typeof piece.group === 'number' ? m[piece.group] : m.groups?.[piece.group];
      if (typeof piece.group === 'number' ? piece.group >= m.length : !m.groups || !(piece.group in m.groups)) throw new Error('invalid group reference');
      out += value ?? '';
    }
  }
  return out;
}

/**
 * A JavaScript index between the two halves of a surrogate pair: no position in Python's text (V8 tries lookarounds
 * there, so `(?![\s\S])` can match inside an emoji).
 */
export const isInsidePair = (text: string, index: number): boolean =>
  index > 0 && index < text.length && /[\uD800-\uDBFF]/.test(text[index - 1]!) && /[\uDC00-\uDFFF]/.test(text[index]!);
