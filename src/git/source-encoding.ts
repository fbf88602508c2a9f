// Python source bytes as the interpreter decodes them: UTF-8 (PEP 3120) unless a BOM or an encoding declaration
// in the first two lines (PEP 263: `# -*- coding: latin-1 -*-`, `# vim: set fileencoding=cp1252 :`) says otherwise.
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type { DecodedSource, DecodeProblem } from './port.js';

const utf8 = new TextDecoder('utf-8');

/** The declaration's pattern, from the language reference; the line must hold only a comment. */
const DECLARATION = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const COMMENT_ONLY = /^[ \t\f]*(#.*)?\r?$/;
const LF = 0x0a;

/** Python's spellings of UTF-8 (and utf-8-sig, whose BOM is optional), normalised: read by the built-in decoder. */
const UTF_8 = new Set(['utf-8', 'utf8', 'u8', 'utf', 'cp65001', 'utf-8-sig', 'utf8-sig']);

/**
 * iconv-lite, loaded on the first file declaring another codec: it knows Python's codec names (`latin-1`,
 * `cp1252`, `shift_jis` ...) and decodes windows-1252 by its table, which Node 20's TextDecoder does not (it reads
 * 0x80-0x9f as ISO-8859-1).
 */
let iconv: typeof import('iconv-lite') | undefined;
const loadIconv = (): typeof import('iconv-lite') => (iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));

/**
 * Python's codecs that do not decode bytes to text (`codecs.decode` ones: hex, base64, rot13 ...), normalised: a
 * declaration naming one is a SyntaxError ("'hex' is not a text encoding").
 */
const NOT_TEXT = new Set(['base64', 'base-64', 'base64-codec', 'bz2', 'bz2-codec', 'hex', 'hex-codec', 'quopri', 'quopri-codec', 'quotedprintable', 'quoted-printable', 'uu', 'uu-codec', 'zip', 'zlib', 'zlib-codec', 'rot13', 'rot-13']);

export function decodeSource(bytes: Uint8Array): DecodedSource {
  const decoded = decodeBytes(bytes);
  return decoded.text.includes('\r') ? { ...decoded, text: universalNewlines(decoded.text) } : decoded;
}

/**
 * Python reads a lone CR as a line end (universal newlines), where tree-sitter's grammar does not. A CR becomes
 * an LF, so text offsets stay as they were; CRLF is left to the grammar, which reads it.
 */
const universalNewlines = (text: string): string => text.replace(/\r(?!\n)/g, '\n');

function decodeBytes(bytes: Uint8Array): DecodedSource {
  // a BOM means UTF-8 whatever a declaration says (Python rejects a conflicting one); the decoder drops it
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return asUtf8(bytes);
  const declared = declaredCodec(bytes);
  if (declared === undefined || UTF_8.has(declared.codec)) return asUtf8(bytes);
  if (NOT_TEXT.has(declared.codec)) return refused(bytes, declared, `"${declared.codec}" is not a text encoding`);
  const decoder = loadIconv();
  if (decoder.encodingExists(declared.codec)) {
    const text = decoder.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), declared.codec);
    // Python decodes the declaration itself with the codec: one that does not read ASCII as ASCII (UTF-16, UTF-32) garbles it
    if (!DECLARATION.test(text.split('\n', declared.line)[declared.line - 1] ?? '')) return refused(bytes, declared, `"${declared.codec}" does not read this file's ASCII as ASCII`);
    return asDeclared(text, declared);
  }
  // Python knows codecs iconv-lite does not (EBCDIC pages, ISO-2022 ...): read on as UTF-8, and say so
  const problem: DecodeProblem = { line: declared.line, severity: 'warning', message: `the encoding "${declared.codec}" declared here is not one schemaguard can decode: the file was read as UTF-8, so non-ASCII text may differ` };
  return { text: utf8.decode(bytes), problem };
}

/** A declared codec Python cannot read source with: an error at the declaration; the text is read as UTF-8 to go on. */
function refused(bytes: Uint8Array, declared: { codec: string; line: number }, why: string): DecodedSource {
  const message = `the encoding declared here cannot read Python source (${why}): Python refuses to import this file (SyntaxError). Declare the encoding the file is written in, or none for UTF-8`;
  return { text: utf8.decode(bytes), problem: { line: declared.line, severity: 'error', message } };
}

/**
 * A declared codec's text: bytes it does not define (`coding: ascii` over `é`, an undefined cp1252 byte) come back
 * as U+FFFD, where Python refuses the file (SyntaxError), named at their line.
 */
function asDeclared(text: string, declared: { codec: string; line: number }): DecodedSource {
  const at = text.indexOf('\ufffd');
  if (at === -1) return { text };
  const message =
    `bytes that are not valid ${declared.codec} (the encoding declared on line ${declared.line}): Python refuses to import this file (SyntaxError). ` +
    'Save it in the declared encoding, or declare the one it is written in';
  return { text, problem: { line: text.slice(0, at).split('\n').length, severity: 'error', message } };
}

/** UTF-8, as Python reads it: bytes that are not valid UTF-8 make the file a SyntaxError, named at their line. */
function asUtf8(bytes: Uint8Array): DecodedSource {
  const text = utf8.decode(bytes);
  if (isUtf8(bytes)) return { text };
  const at = firstInvalidUtf8(bytes);
  const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  const message =
    `not valid UTF-8 (byte 0x${byte}), and no other encoding is declared: Python refuses to import this file (SyntaxError). ` +
    'Save it as UTF-8, or declare its encoding on the first line (`# -*- coding: latin-1 -*-`)';
  return { text, problem: { line: lineAt(bytes, at), severity: 'error', message } };
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return i;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(LF); at !== -1 && at < offset; at = bytes.indexOf(LF, at + 1)) line++;
  return line;
}

/** The codec the first or second line declares (the second only after a comment-only first line), normalised. */
function declaredCodec(bytes: Uint8Array): { codec: string; line: number } | undefined {
  const firstEnd = lineEnd(bytes, 0);
  const first = asciiText(bytes, 0, firstEnd);
  const inFirst = DECLARATION.exec(first);
  if (inFirst) return { codec: normalise(inFirst[1]!), line: 1 };
  if (firstEnd >= bytes.length || !COMMENT_ONLY.test(first)) return undefined;
  const inSecond = DECLARATION.exec(asciiText(bytes, firstEnd + 1, lineEnd(bytes, firstEnd + 1)));
  return inSecond ? { codec: normalise(inSecond[1]!), line: 2 } : undefined;
}

const normalise = (codec: string): string => codec.toLowerCase().replaceAll('_', '-');

function lineEnd(bytes: Uint8Array, from: number): number {
  const at = bytes.indexOf(LF, from);
  return at === -1 ? bytes.length : at;
}

/** A declaration is ASCII in every codec Python accepts for source, so the line is read byte for byte. */
const asciiText = (bytes: Uint8Array, from: number, to: number): string => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');
