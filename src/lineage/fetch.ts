// Reading sources at the edge: local files, and HTTP with a timeout, one retry with backoff, a bearer token.
import { readFile } from 'node:fs/promises';
import { LineageInputError } from './json-text.js';
import { LINEAGE_MESSAGES } from './messages.js';

/** Fetches one URL's body as text; adapters take this so tests can point them at a real local server. */
export type FetchText = (url: string) => Promise<string>;

export interface HttpOptions {
  timeoutMs: number;
  /** the token's value, read by the CLI from the variable named in config */
  token?: string;
  /** the variable's name, only to say where to fix a rejected token */
  tokenEnv?: string;
  /** wait before the one retry */
  retryDelayMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRY_DELAY_MS = 500;

type Attempt = { ok: true; text: string } | { ok: false; retry: boolean; message: string };

export function httpFetchText(options: HttpOptions): FetchText {
  return async (url) => {
    let result = await attempt(url, options);
    if (!result.ok && result.retry) {
      await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS));
      result = await attempt(url, options);
    }
    if (!result.ok) throw new LineageInputError(result.message);
    return result.text;
  };
}

async function attempt(url: string, options: HttpOptions): Promise<Attempt> {
  const shown = redactUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(url, { headers, signal: controller.signal });
    // the body is read under the same timeout: a server may send headers and then stall
    const text = await response.text();
    if (response.ok) return { ok: true, text };
    if (response.status === 401 || response.status === 403) {
      return { ok: false, retry: false, message: LINEAGE_MESSAGES.httpUnauthorized(shown, response.status, options.tokenEnv) };
    }
    return { ok: false, retry: response.status >= 500 || response.status === 429, message: LINEAGE_MESSAGES.httpStatus(shown, response.status) };
  } catch (error) {
    if (controller.signal.aborted) return { ok: false, retry: true, message: LINEAGE_MESSAGES.timeout(shown, options.timeoutMs) };
    return { ok: false, retry: true, message: LINEAGE_MESSAGES.network(shown, networkReason(error)) };
  } finally {
    clearTimeout(timer);
  }
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND…) in `cause`. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** A URL fit to print or store: no user:password, no values of query parameters that look like secrets. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.username = '';
  parsed.password = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (/token|key|secret|sig|pass|auth/i.test(key)) parsed.searchParams.set(key, 'REDACTED');
  }
  return parsed.toString();
}

export async function readLocalText(path: string, label: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new LineageInputError(LINEAGE_MESSAGES.readFailed(label, typeof code === 'string' ? code : String(error)));
  }
}
