// Splits a rendered DDL type string ("TIMESTAMP(3) WITH TIME ZONE", "INTEGER(11) UNSIGNED") into its parts.

export interface ParsedType {
  readonly raw: string;
  /** the words outside the parentheses, upper case, single-spaced, modifiers removed: 'TIMESTAMP WITH TIME ZONE' */
  readonly name: string;
  /** the arguments inside the first parentheses, trimmed: NUMERIC(10, 2) -> ['10', '2'] */
  readonly args: readonly string[];
  /** MySQL's UNSIGNED */
  readonly unsigned: boolean;
  /** what else qualifies the type and changes its meaning: ZEROFILL, BINARY, CHARACTER SET x, COLLATE x */
  readonly modifiers: string;
  /** PostgreSQL arrays: INTEGER[][] -> 2 */
  readonly arrayDims: number;
}

/** Words that qualify a MySQL/PostgreSQL type without naming it; the listed ones take one operand. */
const MODIFIER_WITH_OPERAND = new Set(['COLLATE', 'CHARSET']);
const MODIFIER_ALONE = new Set(['ZEROFILL']);
/** MySQL string attributes, modifiers only after the type's name (BINARY(16) is a type). */
const MODIFIER_AFTER_NAME = new Set(['BINARY', 'ASCII', 'UNICODE']);

/** Index of the `)` closing the `(` at `open`, skipping quoted text (ENUM('a)', 'b')); -1 when unbalanced. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitArgs(inside: string): string[] {
  const out: string[] = [];
  let quote: string | null = null;
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inside.length; i++) {
    const ch = inside[i];
    if (quote !== null) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(inside.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(inside.slice(start).trim());
  return out.filter((a) => a !== '');
}

function takeModifiers(words: string[]): { name: string[]; modifiers: string[]; unsigned: boolean } {
  const name: string[] = [];
  const modifiers: string[] = [];
  let unsigned = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const upper = w.toUpperCase();
    if (upper === 'UNSIGNED') unsigned = true;
    else if (upper === 'SIGNED') continue;
    else if (MODIFIER_ALONE.has(upper) || (MODIFIER_AFTER_NAME.has(upper) && name.length > 0)) modifiers.push(upper);
    else if (upper === 'CHARACTER' && words[i + 1]?.toUpperCase() === 'SET') {
      modifiers.push(`CHARACTER SET ${words[i + 2] ?? ''}`);
      i += 2;
    } else if (MODIFIER_WITH_OPERAND.has(upper)) {
      modifiers.push(`${upper} ${words[i + 1] ?? ''}`);
      i += 1;
    } else name.push(upper);
  }
  return { name, modifiers, unsigned };
}

export function parseType(raw: string): ParsedType {
  // PostgreSQL puts the array brackets before a collation: VARCHAR(20)[] COLLATE "C"
  const arrayDims = (raw.match(/\[\]/g) ?? []).length;
  const text = raw.replace(/\s*\[\]/g, '').trim();
  const open = text.indexOf('(');
  const close = open >= 0 ? closingParen(text, open) : -1;
  const head = close >= 0 ? text.slice(0, open) : text;
  const tail = close >= 0 ? text.slice(close + 1) : '';
  const args = close >= 0 ? splitArgs(text.slice(open + 1, close)) : [];
  const headWords = head.split(/\s+/).filter(Boolean);
  const tailWords = tail.split(/\s+/).filter(Boolean);
  const { name, modifiers, unsigned } = takeModifiers([...headWords, ...tailWords]);
  return { raw, name: name.join(' '), args, unsigned, modifiers: modifiers.sort().join(' '), arrayDims };
}

/** The numeric arguments, NaN for one that is not a number (ENUM('a'), GEOMETRY(POINT, 4326)). */
export function numericArgs(t: ParsedType): number[] {
  return t.args.map((a) => (/^\d+$/.test(a) ? Number(a) : Number.NaN));
}
