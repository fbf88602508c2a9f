// The `Schemaguard-Override:` commit trailer: written by the commit-msg hook, read back by range checks.
// Trailer syntax follows git-interpret-trailers: `Key: value` lines in the last paragraph.

export const OVERRIDE_TRAILER = 'Schemaguard-Override';

export interface OverrideTrailer {
  reason: string;
  /** rule ids the override was given for; empty when the trailer names none */
  rules: string[];
}

const TRAILER_LINE = new RegExp(`^${OVERRIDE_TRAILER}:\\s*(.*?)\\s*(?:\\[rules?:\\s*([a-z0-9,\\s-]+)\\])?\\s*$`, 'im');

/** The override trailer of a commit message, or null. A trailer with an empty reason is no override. */
export function parseOverrideTrailer(message: string): OverrideTrailer | null {
  const match = TRAILER_LINE.exec(message);
  const reason = match?.[1]?.trim() ?? '';
  if (match === null || reason === '') return null;
  const rules = (match[2] ?? '').split(',').map((r) => r.trim()).filter((r) => r !== '');
  return { reason, rules };
}

function formatOverrideTrailer(trailer: OverrideTrailer): string {
  const reason = trailer.reason.replace(/\s+/g, ' ').trim();
  return `${OVERRIDE_TRAILER}: ${reason}${trailer.rules.length > 0 ? ` [rules: ${trailer.rules.join(', ')}]` : ''}`;
}

/**
 * Appends the trailer to a commit message: into the existing trailer block when the last paragraph is one,
 * else as a new paragraph. Comment lines (`#`) that git strips stay where they are, after the message.
 */
export function appendOverrideTrailer(message: string, trailer: OverrideTrailer): string {
  if (parseOverrideTrailer(message) !== null) return message;
  const lines = message.split('\n');
  const firstComment = lines.findIndex((line) => line.startsWith('#'));
  const body = (firstComment === -1 ? lines : lines.slice(0, firstComment)).join('\n').trimEnd();
  const comments = firstComment === -1 ? '' : `\n${lines.slice(firstComment).join('\n')}`;
  const lastParagraph = body.split(/\n\s*\n/).pop() ?? '';
  const isTrailerBlock = lastParagraph !== '' && lastParagraph !== body && lastParagraph.split('\n').every((l) => /^[A-Za-z0-9-]+:\s/.test(l));
  const separator = body === '' ? '' : isTrailerBlock ? '\n' : '\n\n';
  return `${body}${separator}${formatOverrideTrailer(trailer)}\n${comments}`;
}
