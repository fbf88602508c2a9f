// Python source bytes as the interpreter decodes them: UTF-8 (PEP 3120) unless a BOM or an encoding declaration
// in the first two lines (PEP 263: `# -*- coding: latin-1 -*-`, `# vim: set fileencoding=cp1252 :`) says otherwise.
import { createRequire } from 'node:module';

const utf8 = new TextDecoder('utf-8');

/** The declaration's pattern, from the language reference; the line must hold only a comment. */
const DECLARATION = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const COMMENT_ONLY = /^[ \t\f]*(#.*)?\r?$/;
const LF = 0x0a;

/** Python's spellings of UTF-8, normalised: read by the built-in decoder, without loading iconv-lite. */
const UTF_8 = new Set(['utf-8', 'utf8', 'u8', 'utf', 'cp65001']);

/**
 * iconv-lite, loaded on the first file declaring another codec: it knows Python's codec names (`latin-1`,
 * `cp1252`, `shift_jis` ...) and decodes windows-1252 by its table, which Node 20's TextDecoder does not (it reads
 * 0x80-0x9f as ISO-8859-1).
 */
let iconv: typeof import('iconv-lite') | undefined;
const loadIconv = (): typeof import('iconv-lite') => (iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof import('iconv-lite'));

export function decodeSource(bytes: Uint8Array): string {
  // a BOM means UTF-8 whatever a declaration says (Python rejects a conflicting one); the decoder drops it
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8.decode(bytes);
  const codec = declaredCodec(bytes);
  if (codec === undefined || UTF_8.has(codec)) return utf8.decode(bytes);
  const decoder = loadIconv();
  // a codec iconv-lite does not know: UTF-8, as for undeclared source
  return decoder.encodingExists(codec) ? decoder.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), codec) : utf8.decode(bytes);
}

/** The codec the first or second line declares (the second only after a comment-only first line), normalised. */
function declaredCodec(bytes: Uint8Array): string | undefined {
  const firstEnd = lineEnd(bytes, 0);
  const first = asciiText(bytes, 0, firstEnd);
  const inFirst = DECLARATION.exec(first);
  if (inFirst) return normalise(inFirst[1]!);
  if (firstEnd >= bytes.length || !COMMENT_ONLY.test(first)) return undefined;
  const inSecond = DECLARATION.exec(asciiText(bytes, firstEnd + 1, lineEnd(bytes, firstEnd + 1)));
  return inSecond ? normalise(inSecond[1]!) : undefined;
}

const normalise = (codec: string): string => codec.toLowerCase().replaceAll('_', '-');

function lineEnd(bytes: Uint8Array, from: number): number {
  const at = bytes.indexOf(LF, from);
  return at === -1 ? bytes.length : at;
}

/** A declaration is ASCII in every codec Python accepts for source, so the line is read byte for byte. */
const asciiText = (bytes: Uint8Array, from: number, to: number): string => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');
