// The public attributes of Python's plain values (3.13's `dir()`, dunders left out): what `getattr(v, name, default)`
// and `hasattr` can decide for a string, a number, None, a list, a tuple, a set or a dict the evaluator holds.
import type { Value } from './values.js';

const words = (s: string): ReadonlySet<string> => new Set(s.split(' ').filter(Boolean));

const STR = words(
  'capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha isascii ' +
    'isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans ' +
    'partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith ' +
    'strip swapcase title translate upper zfill',
);
// int, float and bool together: a number's kind is not kept apart
const NUMBER = words('as_integer_ratio bit_count bit_length conjugate denominator from_bytes fromhex hex imag is_integer numerator real to_bytes');
const NONE = words('');
const LIST = words('append clear copy count extend index insert pop remove reverse sort');
const TUPLE = words('count index');
const SET = words(
  'add clear copy difference difference_update discard intersection intersection_update isdisjoint issubset issuperset pop ' +
    'remove symmetric_difference symmetric_difference_update union update',
);
const DICT = words('clear copy fromkeys get items keys pop popitem setdefault update values');

function publicAttributes(v: Value): ReadonlySet<string> | undefined {
  switch (v.t) {
    case 'str':
      return STR;
    case 'num':
    case 'bool':
      return NUMBER;
    case 'none':
      return NONE;
    case 'seq':
      return v.kind === 'list' ? LIST : v.kind === 'tuple' ? TUPLE : SET;
    case 'dict':
      return DICT;
    default:
      return undefined;
  }
}

/** Whether a plain value certainly has no attribute `name`; dunders are not decided (false). */
export function builtinLacks(v: Value, name: string): boolean {
  if (name.startsWith('__') && name.endsWith('__')) return false;
  const attributes = publicAttributes(v);
  return attributes !== undefined && !attributes.has(name);
}

/** A class's `__doc__` is a string or None: an attribute neither has is certainly missing. */
export function docLacks(name: string): boolean {
  return builtinLacks({ t: 'str', v: '' }, name) && builtinLacks({ t: 'none' }, name);
}
