// The json module for the static evaluator: `json.loads()` of a literal and `json.dumps()` of plain data, as
// Python's encoder writes it (a JSON server default: `server_default=json.dumps({})`). Anything else is unknown.
import { raising, builtinException, intValue, isFloat, num, numberText, scalar, unknown, type Arguments, type Value } from './values.js';

/**
 * JSON numbers, kept as written: a float (`2.0`, `1e3`) apart from an int, and an int past 2**53 exact. The text
 * gets a string in each one's place, escaped in the JSON (`\u0000`), which JSON.parse turns into this marker. (An
 * int JSON does not allow, `01`, is left as it is, for JSON.parse to refuse.)
 */
const NUMBER_MARK = '\u0000number:';
const NUMBER_MARK_ESCAPED = '\\u0000number:';

/** `json.loads("...")` of a literal: the data it spells. */
export function fromJson(text: string, file: string, line: number): Value {
  let data: unknown;
  try {
    const mark = (token: string): string => (token.startsWith('"') || !(/[.eE]/.test(token) || /^-?(0|[1-9]\d*)$/.test(token)) ? token : `"${NUMBER_MARK_ESCAPED}${token}"`);
    data = JSON.parse(text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, mark));
  } catch {
    return raising(builtinException('ValueError'), 'json.loads() of text that is not JSON', file, line);
  }
  const value = (v: unknown): Value => {
    if (v === null) return { t: 'none' };
    if (typeof v === 'string') return v.startsWith(NUMBER_MARK) ? numberOf(v.slice(NUMBER_MARK.length)) : { t: 'str', v };
    if (typeof v === 'boolean') return { t: 'bool', v };
    if (Array.isArray(v)) return { t: 'seq', kind: 'list', items: v.map(value) };
    return { t: 'dict', entries: Object.entries(v as Record<string, unknown>).map(([k, x]): [Value, Value] => [{ t: 'str', v: k }, value(x)]) };
  };
  return value(data);
}

const numberOf = (token: string): Value => (/[.eE]/.test(token) ? num(Number(token), true) : intValue(BigInt(token)));

interface Options {
  asciiOnly: boolean;
  sortKeys: boolean;
  indent: string | null;
  itemSeparator: string;
  keySeparator: string;
}

/** `json.dumps(data, sort_keys=, indent=, separators=, ensure_ascii=)`; unknown for data or options not known here. */
export function toJson(a: Arguments, file: string, line: number): Value {
  const options = dumpsOptions(a);
  const data = a.args[0];
  const text = options && data && a.args.length === 1 ? encode(data, options, 0) : undefined;
  return text === undefined ? unknown('json.dumps() of a value or option not known statically', file, line) : { t: 'str', v: text };
}

const KNOWN_OPTIONS = new Set(['sort_keys', 'indent', 'separators', 'ensure_ascii']);

function dumpsOptions(a: Arguments): Options | undefined {
  if ([...a.kwargs.keys()].some((k) => !KNOWN_OPTIONS.has(k))) return undefined;
  const flag = (name: string, given: boolean): boolean | undefined => {
    const v = a.kwargs.get(name);
    return v === undefined ? given : v.t === 'bool' ? v.v : undefined;
  };
  const asciiOnly = flag('ensure_ascii', true);
  const sortKeys = flag('sort_keys', false);
  const indentValue = a.kwargs.get('indent');
  // an int indents by that many spaces, a str by itself; with an indent the item separator loses its space
  const indent = indentValue === undefined || indentValue.t === 'none' ? null : indentValue.t === 'str' ? indentValue.v : indentValue.t === 'num' && Number.isInteger(indentValue.v) ? ' '.repeat(Math.max(0, indentValue.v)) : undefined;
  const given = a.kwargs.get('separators');
  const pair = given?.t === 'seq' && given.kind !== 'set' && given.items.length === 2 && given.items.every((s) => s.t === 'str') ? (given.items as Array<{ t: 'str'; v: string }>).map((s) => s.v) : undefined;
  if (asciiOnly === undefined || sortKeys === undefined || indent === undefined || (given && given.t !== 'none' && !pair)) return undefined;
  return { asciiOnly, sortKeys, indent, itemSeparator: pair?.[0] ?? (indent === null ? ', ' : ','), keySeparator: pair?.[1] ?? ': ' };
}

function encode(v: Value, o: Options, depth: number): string | undefined {
  if (depth > 50) return undefined;
  const s = scalar(v);
  switch (s.t) {
    case 'str':
      return quote(s.v, o.asciiOnly);
    case 'num':
      return numberJson(s);
    case 'bigint':
      return s.v.toString();
    case 'bool':
      return s.v ? 'true' : 'false';
    case 'none':
      return 'null';
    case 'seq': {
      if (s.kind === 'set') return undefined;
      const items = s.items.map((item) => encode(item, o, depth + 1));
      return items.every((i) => i !== undefined) ? container('[', ']', items as string[], o, depth) : undefined;
    }
    case 'dict': {
      const pairs: Array<[string, string]> = [];
      for (const [k, item] of s.entries) {
        const key = keyText(k);
        const text = encode(item, o, depth + 1);
        if (key === undefined || text === undefined) return undefined;
        pairs.push([key, text]);
      }
      // sort_keys sorts the keys as given (ints as numbers, mixed kinds a TypeError): str keys only here
      if (o.sortKeys && !s.entries.every(([k]) => scalar(k).t === 'str')) return undefined;
      if (o.sortKeys) pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return container('{', '}', pairs.map(([k, text]) => `${quote(k, o.asciiOnly)}${o.keySeparator}${text}`), o, depth);
    }
    default:
      return undefined;
  }
}

/** Keys become strings: str as is, numbers, booleans and None as JSON writes them; any other key is a TypeError. */
function keyText(k: Value): string | undefined {
  const s = scalar(k);
  if (s.t === 'str') return s.v;
  if (s.t === 'num') return numberJson(s);
  if (s.t === 'bool') return s.v ? 'true' : 'false';
  return s.t === 'none' ? 'null' : undefined;
}

function numberJson(n: Extract<Value, { t: 'num' }>): string | undefined {
  if (Number.isNaN(n.v)) return 'NaN';
  if (!Number.isFinite(n.v)) return n.v > 0 ? 'Infinity' : '-Infinity';
  // an int past 2**53 is not held exactly here
  return isFloat(n) || Number.isSafeInteger(n.v) ? numberText(n) : undefined;
}

function container(open: string, close: string, items: string[], o: Options, depth: number): string {
  if (items.length === 0) return `${open}${close}`;
  if (o.indent === null) return `${open}${items.join(o.itemSeparator)}${close}`;
  const inner = `\n${o.indent.repeat(depth + 1)}`;
  return `${open}${inner}${items.join(`${o.itemSeparator}${inner}`)}\n${o.indent.repeat(depth)}${close}`;
}

const JSON_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A JSON string as Python's encoder writes it: beyond ASCII as `\uXXXX` (surrogate pairs) under ensure_ascii. */
function quote(text: string, asciiOnly: boolean): string {
  const pattern = asciiOnly ? /["\\\x00-\x1f\u007f-\uffff]/g : /["\\\x00-\x1f]/g;
  return `"${text.replace(pattern, (c) => JSON_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}
