// The blob cache's file format: one `<oid> <crc32 hex> <json>` line per entry, later lines winning.
import { crc32 } from 'node:zlib';

export interface PackEntry {
  oid: string;
  json: Buffer;
  /** checksum read from the file; undefined for an entry made in this process */
  crc?: number;
  /** the entry's bytes as stored, reused verbatim when the pack is rewritten */
  line: Buffer | null;
  /** whether the checksum matched, once computed */
  isIntact?: boolean;
}

const LF = 0x0a;
const HEADER = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) ([0-9a-f]{8}) $/;

export interface Pack {
  entries: Map<string, PackEntry>;
  /** lines that hold an entry, superseded ones included */
  lines: number;
  bytes: number;
  /** every line holds an entry and the last one ends: new lines can be appended */
  isClean: boolean;
}

/** Indexes a pack without parsing any JSON: a hook reads only the entries it asks for. Lines that do not
 * look like entries, and a last line without its LF (a torn write), are left out. */
export function parsePack(buf: Buffer): Pack {
  const entries = new Map<string, PackEntry>();
  let lines = 0;
  let isClean = true;
  for (let at = 0; at < buf.length; ) {
    const end = buf.indexOf(LF, at);
    if (end === -1) {
      isClean = false;
      break;
    }
    const entry = parseLine(buf, at, end);
    if (entry) {
      entries.set(entry.oid, entry);
      lines++;
    } else {
      isClean = false;
    }
    at = end + 1;
  }
  return { entries, lines, bytes: buf.length, isClean };
}

function parseLine(buf: Buffer, start: number, end: number): PackEntry | null {
  const space = buf.indexOf(0x20, start);
  if (space === -1 || space >= end) return null;
  const headerEnd = space + 10;
  if (headerEnd > end) return null;
  const match = HEADER.exec(buf.toString('latin1', start, headerEnd));
  if (!match?.[1] || !match[2]) return null;
  return {
    oid: match[1],
    crc: Number.parseInt(match[2], 16),
    json: buf.subarray(headerEnd, end),
    line: buf.subarray(start, end + 1),
  };
}

export function packLine(entry: PackEntry): Buffer {
  const crc = crc32(entry.json).toString(16).padStart(8, '0');
  return Buffer.concat([Buffer.from(`${entry.oid} ${crc} `, 'latin1'), entry.json, Buffer.from('\n')]);
}
