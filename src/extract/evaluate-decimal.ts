// `decimal.Decimal(text)` as the evaluator keeps it (a call with its argument): its sign, digits and exponent, and
// the text `str()` gives it.
import { isFloat, type CallValue, type Value } from './values.js';

export interface DecimalParts {
  sign: 0 | 1;
  /** the coefficient's digits, leading zeros dropped ('0' for zero) */
  digits: string;
  exponent: number;
}

/** `Decimal("0.20")`, `Decimal(5)`: its parts; undefined for any other argument (a float, an expression). */
export function decimalParts(decimal: CallValue): DecimalParts | undefined {
  const [value] = decimal.args;
  const text = value?.t === 'str' ? value.v.trim().replace(/_/g, '') : value?.t === 'num' && !isFloat(value) ? String(value.v) : undefined;
  const parts = text === undefined ? null : /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!parts || parts[2]! + (parts[3] ?? '') === '' || decimal.args.length !== 1) return undefined;
  const fraction = parts[3] ?? '';
  return { sign: parts[1] === '-' ? 1 : 0, digits: (parts[2]! + fraction).replace(/^0+(?=\d)/, ''), exponent: Number(parts[4] ?? 0) - fraction.length };
}

/** str(Decimal(...)): Python's to-scientific-string (`0.00`, `1E+2`, `1E-7`); undefined when it is no Decimal we read. */
export function decimalText(v: Value): string | undefined {
  if (v.t !== 'call' || v.callee.t !== 'ext' || v.callee.name !== 'decimal.Decimal') return undefined;
  const special = specialDecimal(v);
  if (special !== undefined) return special;
  const parts = decimalParts(v);
  if (!parts) return undefined;
  const { digits, exponent } = parts;
  const leftDigits = exponent + digits.length;
  const dotPlace = exponent <= 0 && leftDigits > -6 ? leftDigits : 1;
  let whole: string;
  let fraction = '';
  if (dotPlace <= 0) {
    whole = '0';
    fraction = `.${'0'.repeat(-dotPlace)}${digits}`;
  } else if (dotPlace >= digits.length) {
    whole = digits + '0'.repeat(dotPlace - digits.length);
  } else {
    whole = digits.slice(0, dotPlace);
    fraction = `.${digits.slice(dotPlace)}`;
  }
  const shift = leftDigits - dotPlace;
  return `${parts.sign ? '-' : ''}${whole}${fraction}${shift === 0 ? '' : `E${shift > 0 ? '+' : '-'}${Math.abs(shift)}`}`;
}

/** `Decimal("nan")`, `Decimal("-Inf")`: Python's spelling of an infinity or a NaN (with its payload); else undefined. */
function specialDecimal(decimal: CallValue): string | undefined {
  const [value] = decimal.args;
  const special = value?.t === 'str' && decimal.args.length === 1 ? /^([+-]?)(inf|infinity|nan|snan)(\d*)$/i.exec(value.v.trim()) : null;
  if (!special) return undefined;
  const kind = special[2]!.toLowerCase();
  const payload = special[3]!.replace(/^0+/, '');
  if (kind.startsWith('inf')) return special[3] ? undefined : `${special[1] === '-' ? '-' : ''}Infinity`;
  return `${special[1] === '-' ? '-' : ''}${kind === 'nan' ? 'NaN' : 'sNaN'}${payload}`;
}
