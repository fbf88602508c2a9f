// bytes and hashlib for the static evaluator: `hashlib.sha1(f"{table}:{cols}".encode()).hexdigest()[:8]` in a
// naming-convention token keeps long constraint names short and stable.
import { createHash } from 'node:crypto';
import { unknown, type Arguments, type CallValue, type Value } from './values.js';

/** Python's algorithm names and node's; blake2b / blake2s at their default digest sizes. */
const ALGORITHMS: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha1',
  sha224: 'sha224',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  sha3_224: 'sha3-224',
  sha3_256: 'sha3-256',
  sha3_384: 'sha3-384',
  sha3_512: 'sha3-512',
  blake2b: 'blake2b512',
  blake2s: 'blake2s256',
};

const BYTES = 'builtins.bytes';
const HASH_PREFIX = 'hashlib.';

const made = (callee: string, args: Value[], file: string, line: number): CallValue => ({
  t: 'call',
  callee: { t: 'ext', name: callee },
  args,
  kwargs: new Map(),
  file,
  line,
  expr: { k: 'other', type: callee, text: '', line },
});

/** bytes are kept as a `bytes` object over a string of their byte values, one character per byte (latin-1). */
export function bytesObject(binary: string, file: string, line: number): CallValue {
  return made(BYTES, [{ t: 'str', v: binary }], file, line);
}

export function bytesOf(v: Value | undefined): string | undefined {
  if (v?.t !== 'call' || v.callee.t !== 'ext' || v.callee.name !== BYTES) return undefined;
  const [binary] = v.args;
  return binary?.t === 'str' ? binary.v : undefined;
}

/** repr() of a bytes object, as Python writes it (`b'\x00ab'`); undefined for any other value. */
export function bytesRepr(v: Value): string | undefined {
  const binary = bytesOf(v);
  if (binary === undefined) return undefined;
  const quote = binary.includes("'") && !binary.includes('"') ? '"' : "'";
  const escaped = [...binary].map((c) => {
    const code = c.charCodeAt(0);
    if (c === '\\' || c === quote) return `\\${c}`;
    if (c === '\t') return '\\t';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return code < 0x20 || code >= 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : c;
  });
  return `b${quote}${escaped.join('')}${quote}`;
}

/** `a + b` and `data * n` over bytes; undefined for any other operation. */
export function bytesOperation(op: string, a: Value, b: Value, file: string, line: number): Value | undefined {
  const [x, y] = [bytesOf(a), bytesOf(b)];
  if (op === '+' && x !== undefined && y !== undefined) return bytesObject(x + y, file, line);
  if (op === '*' && x !== undefined && b.t === 'num' && Number.isInteger(b.v)) return bytesObject(x.repeat(Math.max(0, b.v)), file, line);
  return undefined;
}

/** The codec Python would use, or undefined for one not followed. */
function codecOf(a: Arguments): 'utf8' | 'ascii' | 'latin1' | undefined {
  const given = a.args[0] ?? a.kwargs.get('encoding');
  const errors = a.args[1] ?? a.kwargs.get('errors');
  if (errors && !(errors.t === 'str' && errors.v === 'strict')) return undefined;
  if (!given) return 'utf8';
  if (given.t !== 'str') return undefined;
  const name = given.v.toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8') return 'utf8';
  if (name === 'ascii' || name === 'us-ascii') return 'ascii';
  if (name === 'latin-1' || name === 'latin1' || name === 'iso-8859-1') return 'latin1';
  return undefined;
}

/**
 * `text.encode(...)`; undefined where Python would raise (a character the codec cannot encode, a lone surrogate)
 * or the codec is not followed.
 */
export function encodeText(text: string, a: Arguments, file: string, line: number): Value | undefined {
  const codec = codecOf(a);
  if (codec === 'utf8') return !/\p{Cs}/u.test(text) ? bytesObject(Buffer.from(text, 'utf8').toString('latin1'), file, line) : undefined;
  const limit = codec === 'ascii' ? 0x7f : 0xff;
  if (codec === undefined || [...text].some((c) => c.codePointAt(0)! > limit)) return undefined;
  return bytesObject(text, file, line);
}

/** `data.decode(...)` and `data.hex()` of a bytes object; undefined for anything else. */
export function callBytesMethod(obj: CallValue, name: string, a: Arguments, file: string, line: number): Value | undefined {
  const binary = bytesOf(obj);
  if (binary === undefined) return undefined;
  const buffer = Buffer.from(binary, 'latin1');
  switch (name) {
    case 'hex':
      return a.args.length === 0 ? { t: 'str', v: buffer.toString('hex') } : undefined;
    case 'decode': {
      const codec = codecOf(a);
      if (codec === 'latin1') return { t: 'str', v: binary };
      if (codec === 'ascii') return /^[\x00-\x7f]*$/.test(binary) ? { t: 'str', v: binary } : undefined;
      if (codec !== 'utf8') return undefined;
      try {
        return { t: 'str', v: new TextDecoder('utf-8', { fatal: true }).decode(buffer) };
      } catch {
        return unknown('bytes.decode() of bytes that are not UTF-8', file, line);
      }
    }
    default:
      return undefined;
  }
}

/** The CRC-32 table of zlib's polynomial (0xEDB88320, reflected). */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** `zlib.crc32(data[, value])` (or binascii's) and `zlib.adler32(data[, value])`: the unsigned checksum; undefined for other names. */
export function checksum(name: string, a: Arguments, file: string, line: number): Value | undefined {
  const isCrc = name === 'zlib.crc32' || name === 'binascii.crc32';
  if (!isCrc && name !== 'zlib.adler32') return undefined;
  const [data, start] = a.args;
  const binary = bytesOf(data);
  if (binary === undefined || a.args.length > 2 || a.kwargs.size > 0 || (start !== undefined && (start.t !== 'num' || !Number.isInteger(start.v)))) {
    return data?.t === 'unknown' ? data : unknown(`${name}() of data not known statically`, file, line);
  }
  const initial = start?.t === 'num' ? start.v >>> 0 : isCrc ? 0 : 1;
  if (isCrc) {
    let c = ~initial >>> 0;
    for (let i = 0; i < binary.length; i++) c = CRC_TABLE[(c ^ binary.charCodeAt(i)) & 0xff]! ^ (c >>> 8);
    return { t: 'num', v: ~c >>> 0 };
  }
  let lo = initial & 0xffff;
  let hi = initial >>> 16;
  for (let i = 0; i < binary.length; i++) {
    lo = (lo + binary.charCodeAt(i)) % 65521;
    hi = (hi + lo) % 65521;
  }
  return { t: 'num', v: ((hi << 16) | lo) >>> 0 };
}

/** `hashlib.sha1(data)`, `hashlib.new("sha1", data)`: a hash object over what it was given; undefined for other names. */
export function newHash(name: string, a: Arguments, file: string, line: number): Value | undefined {
  if (!name.startsWith(HASH_PREFIX)) return undefined;
  const isNew = name === 'hashlib.new';
  const algorithm = isNew ? (a.args[0]?.t === 'str' ? a.args[0].v.toLowerCase() : undefined) : name.slice(HASH_PREFIX.length);
  const data = isNew ? a.args[1] : a.args[0];
  const extraKeywords = [...a.kwargs.keys()].some((k) => k !== 'usedforsecurity');
  if (algorithm === undefined || !Object.hasOwn(ALGORITHMS, algorithm) || extraKeywords || a.args.length > (isNew ? 2 : 1)) return undefined;
  // a str is refused by Python ("Strings must be encoded before hashing"); unknown data stays unknown
  if (data && bytesOf(data) === undefined) return data.t === 'unknown' ? data : unknown(`hashlib.${algorithm}() of data not known statically`, file, line);
  return made(`${HASH_PREFIX}${algorithm}`, data ? [data] : [], file, line);
}

function algorithmOf(obj: CallValue): string | undefined {
  if (obj.callee.t !== 'ext' || !obj.callee.name.startsWith(HASH_PREFIX)) return undefined;
  return ALGORITHMS[obj.callee.name.slice(HASH_PREFIX.length)];
}

/** `h.update(data)` (adds to the object, as Python's does), `h.hexdigest()`, `h.digest()`, `h.copy()`. */
export function callHashMethod(obj: CallValue, name: string, a: Arguments, file: string, line: number): Value | undefined {
  const algorithm = algorithmOf(obj);
  if (algorithm === undefined) return undefined;
  const parts = obj.args.map(bytesOf);
  switch (name) {
    case 'update':
      // data not known spoils every digest taken after it
      obj.args.push(bytesOf(a.args[0]) !== undefined && a.args.length === 1 ? a.args[0]! : unknown('hash update() with data not known statically', file, line));
      return { t: 'none' };
    case 'copy':
      return { ...obj, args: [...obj.args] };
    case 'hexdigest':
    case 'digest': {
      if (parts.some((p) => p === undefined)) return unknown(`${name}() of a hash over data not known statically`, file, line);
      const hash = createHash(algorithm);
      for (const part of parts) hash.update(Buffer.from(part!, 'latin1'));
      const digest = hash.digest();
      return name === 'hexdigest' ? { t: 'str', v: digest.toString('hex') } : bytesObject(digest.toString('latin1'), file, line);
    }
    default:
      return undefined;
  }
}
