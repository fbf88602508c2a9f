// JSON parsing that names the file, line and column of a syntax error, and small readers for untyped JSON.
import { createHash } from 'node:crypto';
import { locateJsonFault } from '../config/json-locate.js';
import { LINEAGE_MESSAGES } from './messages.js';

/** Bad lineage input: the message names the file (or URL) and what is wrong. */
export class LineageInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LineageInputError';
  }
}

export type Json = Record<string, unknown>;

export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // V8 does not always give a position ("Unexpected token"), so find the first fault ourselves
    const fault = text.trim() === '' ? undefined : locateJsonFault(text);
    const why = text.trim() === '' ? 'the text is empty' : (fault?.reason ?? (error instanceof Error ? error.message : String(error)));
    const where = fault === undefined ? '' : `:${lineColumn(text, fault.offset)}`;
    throw new LineageInputError(LINEAGE_MESSAGES.invalidJson(file, where, why));
  }
}

/** `line:column`, both 1-based, of a character offset. */
export function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function obj(value: unknown): Json {
  return isJson(value) ? value : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `sha256:<hex>` of the texts read from a source, in order. */
export function fingerprint(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  return `sha256:${hash.digest('hex')}`;
}
