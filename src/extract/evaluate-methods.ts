// str / list / dict methods, textwrap.dedent / shorten, inspect.cleandoc and re.sub for the static evaluator (table-name helpers are built from these).
import { encodeText } from './evaluate-bytes.js';
import { convertText, formatSpec } from './evaluate-format.js';
import { popIndex, setItem } from './evaluate-mutate.js';
import { sameKey } from './evaluate-ops.js';
import { iteratorOf } from './evaluate-builtins.js';
import { SPACE, expandReplacement, isInsidePair, parseReplacement, pythonRegex } from './python-regex.js';
import { builtinException, num, raising, record, scalar, unknown, type Arguments, type Value } from './values.js';

type StrValue = Extract<Value, { t: 'str' }>;

function s(v: string): StrValue {
  return { t: 'str', v };
}

function argStr(a: Arguments, i: number): string | undefined {
  const v = a.args[i];
  return v?.t === 'str' ? v.v : undefined;
}

function stripChars(text: string, chars: string | undefined, left: boolean, right: boolean): string {
  // no characters given: Python's whitespace (str.isspace), not only ASCII's
  if (chars === undefined) {
    const head = left ? text.replace(PY_SPACE_START, '') : text;
    return right ? head.replace(PY_SPACE_END, '') : head;
  }
  let start = 0;
  let end = text.length;
  while (left && start < end && chars.includes(text[start]!)) start++;
  while (right && end > start && chars.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Python's predicates over Unicode (its database's derived properties, which JavaScript's regexes name too). */
const bool = (v: boolean): Value => ({ t: 'bool', v });
const CASED = /\p{Cased}/u;
const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;
const UPPER_OR_TITLE = /[\p{Uppercase}\p{Lt}]/u;
const LOWER_OR_TITLE = /[\p{Lowercase}\p{Lt}]/u;
const SPACE_CLASS = `[${SPACE}]`;
const SPACES = new RegExp(`^${SPACE_CLASS}+$`, 'u');
const PY_SPACE_START = new RegExp(`^${SPACE_CLASS}+`, 'u');
const PY_SPACE_END = new RegExp(`${SPACE_CLASS}+$`, 'u');
const PY_SPACE_RUN = new RegExp(`${SPACE_CLASS}+`, 'u');

const SIMPLE: Record<string, (t: string) => Value | undefined> = {
  lower: (t) => s(t.toLowerCase()),
  upper: (t) => s(t.toUpperCase()),
  capitalize: (t) => {
    const [first = '', ...rest] = t;
    const head = titleCase(first);
    return head === undefined ? undefined : s(head + rest.join('').toLowerCase());
  },
  title: (t) => {
    let out = '';
    let previousIsCased = false;
    for (const ch of t) {
      const mapped = previousIsCased ? ch.toLowerCase() : titleCase(ch);
      if (mapped === undefined) return undefined;
      out += mapped;
      previousIsCased = CASED.test(ch);
    }
    return s(out);
  },
  swapcase: (t) => s([...t].map((c) => (UPPER.test(c) ? c.toLowerCase() : LOWER.test(c) ? c.toUpperCase() : c)).join('')),
  isupper: (t) => bool(UPPER.test(t) && !LOWER_OR_TITLE.test(t)),
  islower: (t) => bool(LOWER.test(t) && !UPPER_OR_TITLE.test(t)),
  isalpha: (t) => bool(/^\p{L}+$/u.test(t)),
  isalnum: (t) => bool(/^[\p{L}\p{N}]+$/u.test(t)),
  isdecimal: (t) => bool(/^\p{Nd}+$/u.test(t)),
  // digits beyond Nd (superscripts, circled digits) and numerals among letters (CJK) are in no regex class: not followed
  isdigit: (t) => (/\p{No}/u.test(t) ? undefined : bool(/^\p{Nd}+$/u.test(t))),
  isnumeric: (t) => (/\p{Lo}/u.test(t) ? undefined : bool(/^\p{N}+$/u.test(t))),
  isspace: (t) => bool(SPACES.test(t)),
  isidentifier: (t) => bool(/^[\p{XID_Start}_]\p{XID_Continue}*$/u.test(t)),
  // len() spelled as the method it calls (code points, as Python counts them)
  __len__: (t) => ({ t: 'num', v: [...t].length }),
};

/** The four Latin digraphs, whose title case is neither their upper nor their lower case. */
const TITLE_DIGRAPH: Record<string, string> = { Ǆ: 'ǅ', ǅ: 'ǅ', ǆ: 'ǅ', Ǉ: 'ǈ', ǈ: 'ǈ', ǉ: 'ǈ', Ǌ: 'ǋ', ǋ: 'ǋ', ǌ: 'ǋ', Ǳ: 'ǲ', ǲ: 'ǲ', ǳ: 'ǲ' };

/**
 * A character's title case: its upper case, first letter only where that is several (ß -> Ss, ﬁ -> Fi). Greek
 * letters with a iota subscript and ŉ title-case otherwise: unknown.
 */
function titleCase(ch: string): string | undefined {
  if (Object.hasOwn(TITLE_DIGRAPH, ch)) return TITLE_DIGRAPH[ch];
  const upper = ch.toUpperCase();
  if ([...upper].length === 1) return upper;
  if (/[\u0149\u1f80-\u1fff]/.test(ch)) return undefined;
  const [head = '', ...rest] = upper;
  return head + rest.join('').toLowerCase();
}

export function callStringMethod(text: string, name: string, a: Arguments, file: string, line: number): Value | undefined {
  if (Object.hasOwn(SIMPLE, name)) return SIMPLE[name]!(text);
  switch (name) {
    case 'strip':
    case 'lstrip':
    case 'rstrip':
      return s(stripChars(text, argStr(a, 0), name !== 'rstrip', name !== 'lstrip'));
    case 'replace': {
      const [from, to] = [argStr(a, 0), argStr(a, 1)];
      return from !== undefined && to !== undefined ? s(text.split(from).join(to)) : undefined;
    }
    case 'startswith':
    case 'endswith': {
      // a tuple of prefixes matches when any does
      const first = a.args[0];
      const options = first?.t === 'seq' ? first.items : first ? [first] : [];
      if (options.length === 0 || options.some((o) => o.t !== 'str')) return undefined;
      const hit = options.some((o) => o.t === 'str' && (name === 'startswith' ? text.startsWith(o.v) : text.endsWith(o.v)));
      return { t: 'bool', v: hit };
    }
    case 'removeprefix':
    case 'removesuffix': {
      const x = argStr(a, 0) ?? '';
      if (name === 'removeprefix') return s(x && text.startsWith(x) ? text.slice(x.length) : text);
      return s(x && text.endsWith(x) ? text.slice(0, -x.length) : text);
    }
    case 'split':
    case 'rsplit':
      return splitOf(text, name, a);
    case 'join':
      return joinOf(text, a.args[0], file, line);
    case 'encode':
      return encodeText(text, a, file, line);
    case 'format':
      return formatMethod(text, a, file, line);
    case 'maketrans':
      return maketrans(a);
    case 'translate':
      return translate(text, a.args[0]);
    default:
      return callStringSearch(text, name, a);
  }
}

/** `str.maketrans("-", "_")`, `str.maketrans("ab", "xy", "z")`, `str.maketrans({"-": "_"})`: code point to replacement. */
export function maketrans(a: Arguments): Value | undefined {
  const [from, to, drop] = a.args;
  // a character given twice maps as its last mention says
  const table: Extract<Value, { t: 'dict' }> = { t: 'dict', entries: [] };
  const code = (c: string): Value => ({ t: 'num', v: c.codePointAt(0)! });
  if (from?.t === 'dict' && !to) {
    for (const [k, v] of from.entries) {
      if (k.t === 'str' && [...k.v].length === 1) setItem(table, code(k.v), v);
      else if (k.t === 'num') setItem(table, k, v);
      else return undefined;
    }
    return table;
  }
  if (from?.t !== 'str' || to?.t !== 'str' || (drop && drop.t !== 'str')) return undefined;
  const [xs, ys] = [[...from.v], [...to.v]];
  if (xs.length !== ys.length) return undefined;
  // two strings map code points to code points (`{97: 121}`)
  xs.forEach((c, i) => setItem(table, code(c), code(ys[i]!)));
  for (const c of drop?.t === 'str' ? drop.v : '') setItem(table, code(c), { t: 'none' });
  return table;
}

/**
 * `textwrap.dedent(text)`: the leading spaces and tabs every line shares removed; lines of only spaces and tabs
 * become empty and do not count.
 */
export function dedent(text: string): string {
  const lines = text.split('\n').map((l) => (/^[ \t]+$/.test(l) ? '' : l));
  let margin: string | undefined;
  for (const l of lines) {
    const indent = /^([ \t]*)[^ \t]/.exec(l)?.[1];
    if (indent === undefined) continue;
    if (margin === undefined || margin.startsWith(indent)) margin = indent;
    else if (!indent.startsWith(margin)) {
      let i = 0;
      while (i < margin.length && margin[i] === indent[i]) i += 1;
      margin = margin.slice(0, i);
    }
  }
  return margin ? lines.map((l) => (l.startsWith(margin) ? l.slice(margin.length) : l)).join('\n') : lines.join('\n');
}

/**
 * `inspect.cleandoc(doc)` (Python 3.13): tabs expanded, the first line's leading spaces and the indentation the
 * other lines share removed, leading and trailing blank lines dropped.
 */
export function cleandoc(doc: string): string {
  const lines = expandTabs(doc, 8).split('\n');
  let margin = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.replace(/^ +/, '').length;
    if (content > 0) margin = Math.min(margin, line.length - content);
  }
  lines[0] = lines[0]!.replace(/^ +/, '');
  const out = lines.map((line, i) => (i > 0 && margin < Infinity ? line.slice(margin) : line));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  while (out.length > 0 && out[0] === '') out.shift();
  return out.join('\n');
}

/**
 * `textwrap.shorten(text, width, placeholder=...)`: whitespace collapsed, then as many words as fit with the
 * placeholder after them. Undefined where TextWrapper would split a word (a hyphen, a word longer than the width).
 */
export function shorten(text: string, width: number, placeholder: string): string | undefined {
  const collapsed = text.split(/\s+/).filter(Boolean).join(' ');
  const length = (s: string): number => [...s].length;
  if (length(collapsed) <= width) return collapsed;
  const words = collapsed.split(' ');
  if (collapsed.includes('-') || words.some((w) => length(w) > width) || length(placeholder.trimStart()) > width) return undefined;
  const line: string[] = [];
  let used = 0;
  for (const word of words) {
    const added = (line.length > 0 ? 1 : 0) + length(word);
    if (used + added > width) break;
    line.push(word);
    used += added;
  }
  // words come off the end until the placeholder fits after the last one
  while (line.length > 0) {
    if (used + length(placeholder) <= width) return line.join(' ') + placeholder;
    used -= length(line.pop()!) + (line.length > 0 ? 1 : 0);
  }
  return placeholder.trimStart();
}

/** `text.translate(table)`: each character the table maps replaced (None drops it). */
function translate(text: string, table: Value | undefined): Value | undefined {
  if (table?.t !== 'dict') return undefined;
  const map = new Map<number, Value>();
  for (const [k, v] of table.entries) {
    // a number maps to its character: one outside Unicode's range is Python's ValueError
    const isCodePoint = v.t === 'num' && Number.isInteger(v.v) && v.v >= 0 && v.v <= 0x10ffff;
    if (k.t !== 'num' || (v.t !== 'str' && v.t !== 'none' && !isCodePoint)) return undefined;
    map.set(k.v, v);
  }
  let out = '';
  for (const c of text) {
    const to = map.get(c.codePointAt(0)!);
    out += to === undefined ? c : to.t === 'str' ? to.v : to.t === 'num' ? String.fromCodePoint(to.v) : '';
  }
  return s(out);
}

/** `str.split(sep, maxsplit)` / `str.rsplit(...)`; undefined for arguments that are not plain. */
function splitOf(text: string, name: string, a: Arguments): Value | undefined {
  const sepValue = a.args[0] ?? a.kwargs.get('sep');
  const maxValue = a.args[1] ?? a.kwargs.get('maxsplit');
  if ((sepValue && sepValue.t !== 'str' && sepValue.t !== 'none') || (maxValue && maxValue.t !== 'num')) return undefined;
  const sep = sepValue?.t === 'str' ? sepValue.v : undefined;
  if (sep === '') return undefined;
  const max = maxValue?.t === 'num' && maxValue.v >= 0 ? maxValue.v : Infinity;
  if (sep === undefined) return { t: 'seq', kind: 'list', items: splitWhitespace(text, max, name === 'rsplit').map(s) };
  let parts = text.split(sep);
  if (parts.length > max + 1) {
    parts = name === 'split' ? [...parts.slice(0, max), parts.slice(max).join(sep)] : [parts.slice(0, parts.length - max).join(sep), ...parts.slice(parts.length - max)];
  }
  return { t: 'seq', kind: 'list', items: parts.map(s) };
}

/**
 * `split(maxsplit=n)` on whitespace: n cuts from the left (rsplit: the right), the rest kept whole but for the
 * whitespace at its cut end (`' a b '.split(maxsplit=1)` is ['a', 'b ']).
 */
function splitWhitespace(text: string, max: number, fromRight: boolean): string[] {
  if (fromRight) return splitWhitespace([...text].reverse().join(''), max, false).map((p) => [...p].reverse().join('')).reverse();
  const parts: string[] = [];
  let rest = text.replace(PY_SPACE_START, '');
  while (rest !== '' && parts.length < max) {
    const m = PY_SPACE_RUN.exec(rest);
    if (!m) break;
    parts.push(rest.slice(0, m.index));
    rest = rest.slice(m.index).replace(PY_SPACE_START, '');
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

/** count, find, partition, padding and character-class tests. */
function callStringSearch(text: string, name: string, a: Arguments): Value | undefined {
  const x = argStr(a, 0);
  const num = (v: number): Value => ({ t: 'num', v });
  switch (name) {
    case 'count':
      return x === undefined ? undefined : num(x === '' ? text.length + 1 : text.split(x).length - 1);
    case 'find':
    case 'rfind':
      return x === undefined ? undefined : num(name === 'find' ? text.indexOf(x) : text.lastIndexOf(x));
    case 'partition':
    case 'rpartition': {
      if (!x) return undefined;
      const i = name === 'partition' ? text.indexOf(x) : text.lastIndexOf(x);
      const parts = i < 0 ? (name === 'partition' ? [text, '', ''] : ['', '', text]) : [text.slice(0, i), x, text.slice(i + x.length)];
      return { t: 'seq', kind: 'tuple', items: parts.map(s) };
    }
    case 'zfill':
    case 'ljust':
    case 'rjust':
    case 'center': {
      const width = a.args[0]?.t === 'num' ? a.args[0].v : undefined;
      const fill = name === 'zfill' ? '0' : (argStr(a, 1) ?? ' ');
      if (width === undefined || fill.length !== 1) return undefined;
      if (name === 'zfill' && /^[+-]/.test(text)) return s(text[0]! + text.slice(1).padStart(width - 1, '0'));
      if (name === 'center') {
        // CPython's split of the padding: the odd one goes left when the width is odd
        const margin = width - text.length;
        if (margin <= 0) return s(text);
        const left = Math.floor(margin / 2) + (margin & width & 1);
        return s(fill.repeat(left) + text + fill.repeat(margin - left));
      }
      return s(name === 'ljust' ? text.padEnd(width, fill) : text.padStart(width, fill));
    }
    // full case folding: "Großer" is "grosser" (through upper case: ß -> SS -> ss); a final sigma folds to σ, where
    // JavaScript's lower-casing would give ς again
    case 'casefold':
      return s(text.toUpperCase().toLowerCase().replace(/ς/g, 'σ'));
    case 'expandtabs': {
      const size = a.args[0] ?? a.kwargs.get('tabsize') ?? { t: 'num', v: 8 };
      return size.t === 'num' && Number.isInteger(size.v) ? s(expandTabs(text, size.v)) : undefined;
    }
    case 'splitlines': {
      const keep = a.args[0] ?? a.kwargs.get('keepends');
      if (keep && keep.t !== 'bool') return undefined;
      const lines = text.match(/[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]|$)/g)!.filter((l) => l !== '');
      return { t: 'seq', kind: 'list', items: lines.map((l) => s(keep?.v ? l : l.replace(/(?:\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])$/, ''))) };
    }
    default:
      return undefined;
  }
}

/** `str.expandtabs(size)`: each tab padded to the next multiple of `size` columns, counted from the line's start. */
function expandTabs(text: string, size: number): string {
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const pad = size > 0 ? size - (column % size) : 0;
      out += ' '.repeat(pad);
      column += pad;
    } else {
      out += ch;
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return out;
}

function joinOf(sep: string, seq: Value | undefined, file: string, line: number): Value {
  if (seq?.t !== 'seq') return unknown('join() of a value not known statically', file, line);
  // a str-mixin enum member is a str: its value
  const parts = seq.items.map(scalar).map((v) => (v.t === 'str' ? v.v : undefined));
  if (parts.some((p) => p === undefined)) return unknown('join() of values not known statically', file, line);
  return s(parts.join(sep));
}

/** `"{}_{:03d}".format(a, n)`: fields by position, index or name, with `!r` conversions and format specs. */
function formatMethod(fmt: string, a: Arguments, file: string, line: number): Value {
  let auto = 0;
  let failed = false;
  const out = fmt.replace(/\{\{|\}\}|\{([^{}:!]*)(?:!([rsa]))?(?::([^{}]*))?\}/g, (m, field: string | undefined, conv: string | undefined, spec: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const key = field ?? '';
    const v = key === '' ? a.args[auto++] : /^\d+$/.test(key) ? a.args[Number(key)] : a.kwargs.get(key);
    const converted = v && conv ? convertText(v, conv) : undefined;
    const text = !v ? undefined : conv ? (converted === undefined ? undefined : formatSpec({ t: 'str', v: converted }, spec ?? '')) : formatSpec(v, spec ?? '');
    if (text === undefined) failed = true;
    return text ?? '';
  });
  return failed ? unknown('format() with values not known statically', file, line) : s(out);
}

/**
 * `pending.pop(0)` read for its value (a module-level `while pending:` loop), `names.index(x)`, `.count(x)`,
 * `.copy()` of a list the evaluator holds; undefined for other methods. A popped item leaves the list.
 */
export function callListMethod(list: Extract<Value, { t: 'seq' }>, name: string, a: Arguments, file: string, line: number): Value | undefined {
  const [first] = a.args;
  // a tuple has the two methods that only read (`SCALES.index(scale)`)
  const isReadable = list.kind === 'list' || (list.kind === 'tuple' && (name === 'index' || name === 'count'));
  if (!isReadable || list.slice || a.kwargs.size > 0 || (first && first.t === 'unknown')) return undefined;
  switch (name) {
    case 'pop': {
      if (first && first.t !== 'num') return undefined;
      const at = popIndex(list, first);
      if (at === undefined) return raising(builtinException('IndexError'), list.items.length === 0 ? 'pop from empty list' : 'pop index out of range', file, line);
      return list.items.splice(at, 1)[0]!;
    }
    case 'index': {
      const at = first && a.args.length === 1 ? list.items.findIndex((item) => sameKey(item, first)) : -2;
      if (at === -2) return undefined;
      return at < 0 ? raising(builtinException('ValueError'), `${list.kind}.index(x): x not in ${list.kind}`, file, line) : { t: 'num', v: at };
    }
    case 'count':
      return first && a.args.length === 1 ? { t: 'num', v: list.items.filter((item) => sameKey(item, first)).length } : undefined;
    case 'copy':
      return a.args.length === 0 ? { t: 'seq', kind: 'list', items: [...list.items] } : undefined;
    // a deque's left end (collections.deque is held as a list)
    case 'popleft':
      return a.args.length > 0 ? undefined : (list.items.shift() ?? raising(builtinException('IndexError'), 'pop from an empty deque', file, line));
    default:
      return undefined;
  }
}

export function callDictMethod(d: Extract<Value, { t: 'dict' }>, name: string, a: Arguments, file: string, line: number): Value {
  const [key, fallback] = a.args;
  switch (name) {
    case 'get': {
      const hit = key && d.entries.find(([k]) => sameKey(k, key));
      return hit ? hit[1] : (fallback ?? { t: 'none' });
    }
    // `d.setdefault(year, []).append(t)`: the value there, or the default put there
    case 'setdefault': {
      if (!key || key.t === 'unknown') return unknown('dict.setdefault() of a key not known statically', file, line);
      const hit = d.entries.find(([k]) => sameKey(k, key));
      if (hit) return hit[1];
      const value = fallback ?? { t: 'none' };
      d.entries.push([key, value]);
      return value;
    }
    case 'pop': {
      // `ondelete = kwargs.pop("ondelete", None)` in a helper: the value, and the dict without it
      const at = key ? d.entries.findIndex(([k]) => sameKey(k, key)) : -1;
      if (at < 0) return fallback ?? unknown('dict.pop() of a key not in the mapping', file, line);
      const [[, value]] = d.entries.splice(at, 1) as [[Value, Value]];
      return value;
    }
    case 'keys':
      return { t: 'seq', kind: 'list', items: d.entries.map(([k]) => k) };
    case 'values':
      return { t: 'seq', kind: 'list', items: d.entries.map(([, v]) => v) };
    case 'items':
      return { t: 'seq', kind: 'list', items: d.entries.map(([k, v]) => ({ t: 'seq', kind: 'tuple', items: [k, v] })) };
    case 'copy':
      return { t: 'dict', entries: [...d.entries] };
    case 'most_common': {
      // Counter.most_common([n]): highest counts first, ties in first-seen order
      if (d.entries.some(([, v]) => v.t !== 'num') || (key && key.t !== 'num')) return unknown('Counter.most_common() of counts not known statically', file, line);
      const ranked = [...d.entries].sort(([, x], [, y]) => (y as { v: number }).v - (x as { v: number }).v);
      const top = key?.t === 'num' ? ranked.slice(0, Math.max(0, key.v)) : ranked;
      return { t: 'seq', kind: 'list', items: top.map(([k, v]): Value => ({ t: 'seq', kind: 'tuple', items: [k, v] })) };
    }
    default:
      return unknown(`dict.${name}() not supported statically`, file, line);
  }
}

/** Python's pattern as a RegExp in Unicode mode with Python's flags and `extra` ones (`g`, `y`); throws where not translated. */
function compilePattern(pattern: string, flags: Value | undefined, extra: string): RegExp {
  const js = pythonRegex(pattern, flagsOf(flags));
  return new RegExp(js.source, js.flags + extra);
}

/**
 * `re.sub(pattern, repl, text)` and `re.compile(pattern)`; undefined when the arguments are not plain strings. A
 * callable `repl` (`lambda m: "_" + m.group(1).lower()`) is run by `callRepl` on each match object.
 */
export function callRegex(name: string, a: Arguments, file: string, line: number, callRepl?: (match: Value) => Value): Value | undefined {
  const pattern = argStr(a, 0);
  if (pattern === undefined) return undefined;
  if (name === 're.compile') return undefined;
  const repl = argStr(a, 1);
  const text = argStr(a, 2);
  const isCallable = repl === undefined && (a.args[1]?.t === 'func' || a.args[1]?.t === 'code') && callRepl !== undefined;
  if ((repl === undefined && !isCallable) || text === undefined) return undefined;
  try {
    const count = a.args[3] ?? a.kwargs.get('count');
    const limit = count?.t === 'num' ? count.v : 0;
    const re = compilePattern(pattern, a.args[4] ?? a.kwargs.get('flags'), 'g');
    if (repl !== undefined) {
      const template = parseReplacement(repl);
      return s(substitute(re, text, limit, (m) => expandReplacement(template, m)));
    }
    let failed: Value | undefined;
    const out = substitute(re, text, limit, (m) => {
      const piece = callRepl!(matchRecord(m, text));
      if (piece.t === 'str') return piece.v;
      failed ??= piece.t === 'unknown' ? piece : unknown('re.sub() replacement function does not return a string', file, line);
      return '';
    });
    return failed ?? s(out);
  } catch {
    return unknown('regular expression not supported statically', file, line);
  }
}

/** The matches of a global RegExp as Python's finditer walks them (an empty match too), at most `limit` (0: all). */
function* matchesOf(re: RegExp, text: string, limit: number): Generator<RegExpExecArray> {
  let n = 0;
  for (let m = re.exec(text); m && (limit === 0 || n < limit); m = re.exec(text)) {
    if (isInsidePair(text, m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    yield m;
    n++;
    // past an empty match by one character: a code point, both halves of a surrogate pair
    if (m[0].length === 0) re.lastIndex += (text.codePointAt(re.lastIndex) ?? 0) > 0xffff ? 2 : 1;
  }
}

/** Python's re.sub with a function: each match replaced by what `replace` makes of it. */
function substitute(re: RegExp, text: string, limit: number, replace: (m: RegExpExecArray) => string): string {
  let out = '';
  let last = 0;
  for (const m of matchesOf(re, text, limit)) {
    out += text.slice(last, m.index) + replace(m);
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
}

/**
 * `re.split(pattern, text[, maxsplit[, flags]])` as Python splits: an empty match splits too (so a lookahead
 * split of "CasePriority" starts with ""), and the pattern's groups are kept between the pieces.
 */
export function callRegexSplit(a: Arguments, file: string, line: number): Value | undefined {
  const maxsplit = a.args[2] ?? a.kwargs.get('maxsplit');
  const limit = maxsplit?.t === 'num' ? maxsplit.v : 0;
  return overText(a, file, line, (pattern, text) => {
    const re = compilePattern(pattern, a.args[3] ?? a.kwargs.get('flags'), 'g');
    const out: Value[] = [];
    let last = 0;
    for (const m of matchesOf(re, text, limit)) {
      out.push(s(text.slice(last, m.index)), ...m.slice(1).map(groupValue));
      last = m.index + m[0].length;
    }
    out.push(s(text.slice(last)));
    return { t: 'seq', kind: 'list', items: out };
  });
}

/**
 * A `re` function over a pattern and a text (its first two arguments): what `run` makes of them; undefined when
 * either is not a plain string, and an unknown for a pattern JavaScript cannot run as Python would.
 */
function overText(a: Arguments, file: string, line: number, run: (pattern: string, text: string) => Value): Value | undefined {
  const pattern = argStr(a, 0);
  const text = argStr(a, 1);
  if (pattern === undefined || text === undefined) return undefined;
  try {
    return run(pattern, text);
  } catch {
    return unknown('regular expression not supported statically', file, line);
  }
}

/**
 * `re.search` / `re.match` / `re.fullmatch(pattern, text[, flags])`: None, or a match object (whose groups are not
 * read); undefined when the arguments are not plain strings.
 */
export function callRegexMatch(name: string, a: Arguments, file: string, line: number): Value | undefined {
  return overText(a, file, line, (pattern, text) => {
    const { source, flags } = pythonRegex(pattern, flagsOf(a.args[2] ?? a.kwargs.get('flags')));
    // anchored at the start by the sticky flag and at the end by a lookahead: `^` and `$` would follow MULTILINE
    const anchored = name === 're.fullmatch' ? `(?:${source})(?![\\s\\S])` : name === 're.match' ? `(?:${source})` : source;
    const re = new RegExp(anchored, flags + (name === 're.search' ? 'g' : 'y'));
    const match = name === 're.search' ? matchesOf(re, text, 1).next().value : re.exec(text);
    return match ? matchRecord(match, text) : { t: 'none' };
  });
}

/**
 * `re.finditer(pattern, text[, flags])`: an iterator of match objects; `re.findall`: each match's text, its one
 * group's, or a tuple of its groups ("" for a group that took no part). Undefined when the arguments are not plain
 * strings.
 */
export function callRegexAll(name: string, a: Arguments, file: string, line: number): Value | undefined {
  return overText(a, file, line, (pattern, text) => {
    const matches = [...matchesOf(compilePattern(pattern, a.args[2] ?? a.kwargs.get('flags'), 'g'), text, 0)];
    if (name === 're.finditer') return iteratorOf(matches.map((m) => matchRecord(m, text)));
    const found = (m: RegExpExecArray): Value => {
      const groups = m.slice(1).map((g) => s(g ?? ''));
      return groups.length === 0 ? s(m[0]) : groups.length === 1 ? groups[0]! : { t: 'seq', kind: 'tuple', items: groups };
    };
    return { t: 'seq', kind: 'list', items: matches.map(found) };
  });
}

const groupValue = (g: string | undefined): Value => (g === undefined ? { t: 'none' } : { t: 'str', v: g });

/** A JS string index as Python counts it: in code points (a character outside the BMP is two JS units). */
const codePointIndex = (text: string, index: number): number => (/[\uD800-\uDFFF]/.test(text) ? [...text.slice(0, index)].length : index);

/** A match object: `group()`, `groups()`, `groupdict()`, `start()`, `end()` and `span()` answer from these fields (see callMatchMethod). */
function matchRecord(match: RegExpExecArray, text: string): Value {
  const named = Object.entries(match.groups ?? {}).map(([k, g]): [Value, Value] => [{ t: 'str', v: k }, groupValue(g)]);
  const span: Value[] = [num(codePointIndex(text, match.index)), num(codePointIndex(text, match.index + match[0].length))];
  return record({ __match__: { t: 'seq', kind: 'tuple', items: [...match].map(groupValue) }, __named__: { t: 'dict', entries: named }, __span__: { t: 'seq', kind: 'tuple', items: span } });
}

/** The fields of a match object `matchRecord` made; undefined for any other value. */
export function matchFields(v: Value): ReadonlyMap<string, Value> | undefined {
  return v.t === 'call' && v.callee.t === 'ext' && v.callee.name === 'schemaguard.Record' && v.kwargs.has('__match__') ? v.kwargs : undefined;
}

/** `m.group()`, `m.group(1)`, `m.group("name")`, `m.groups()`, `m.groupdict()` of a match made statically. */
export function callMatchMethod(fields: ReadonlyMap<string, Value>, name: string, a: Arguments, file: string, line: number): Value {
  const all = fields.get('__match__');
  const named = fields.get('__named__');
  if (all?.t !== 'seq' || named?.t !== 'dict') return unknown(`match.${name}() not supported statically`, file, line);
  if (name === 'groupdict') return named;
  // the whole match's position; a group's is not kept
  const span = fields.get('__span__');
  if ((name === 'start' || name === 'end' || name === 'span') && span?.t === 'seq' && (a.args.length === 0 || (a.args[0]?.t === 'num' && a.args[0].v === 0))) {
    return name === 'span' ? span : span.items[name === 'start' ? 0 : 1]!;
  }
  if (name === 'groups') return { t: 'seq', kind: 'tuple', items: all.items.slice(1) };
  const key = a.args[0];
  if (name === 'group' && (key === undefined || key.t === 'num')) return all.items[key?.v ?? 0] ?? unknown('no such group', file, line);
  if (name === 'group' && key?.t === 'str') return named.entries.find(([k]) => k.t === 'str' && k.v === key.v)?.[1] ?? unknown('no such group', file, line);
  return unknown(`match.${name}() not supported statically`, file, line);
}

/** Python's `re` flags a JS RegExp has: IGNORECASE, MULTILINE, DOTALL, alone or joined with `|`. */
const JS_FLAGS: Record<string, string> = { I: 'i', IGNORECASE: 'i', M: 'm', MULTILINE: 'm', S: 's', DOTALL: 's' };

/** The JS flags; a flag JS lacks (VERBOSE, ASCII, LOCALE) throws, which the callers turn into an unknown. */
function flagsOf(v: Value | undefined): string {
  if (v === undefined || v.t === 'none' || (v.t === 'num' && v.v === 0)) return '';
  if (v.t === 'generic' && v.base.t === 'ext' && v.base.name === 'typing.Union') return [...new Set(v.args.map(flagsOf).join(''))].join('');
  const flag = v.t === 'ext' ? JS_FLAGS[v.name.slice(v.name.lastIndexOf('.') + 1)] : undefined;
  if (flag === undefined || (v.t === 'ext' && !v.name.startsWith('re.'))) throw new Error('a regular expression flag not supported statically');
  return flag;
}
