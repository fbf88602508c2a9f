// repr() of a `datetime` module value the evaluator keeps as its constructor call: `time(20)` reads
// `datetime.time(20, 0)`, `timedelta(minutes=15)` reads `datetime.timedelta(seconds=900)`, as the oracle prints them.
import { isFloat, type CallValue, type Value } from './values.js';

/** Each constructor's parameters in order, with their defaults (undefined: required). */
const PARAMETERS: Record<string, ReadonlyArray<[string, number | undefined]>> = {
  'datetime.date': [['year', undefined], ['month', undefined], ['day', undefined]],
  'datetime.time': [['hour', 0], ['minute', 0], ['second', 0], ['microsecond', 0]],
  'datetime.datetime': [['year', undefined], ['month', undefined], ['day', undefined], ['hour', 0], ['minute', 0], ['second', 0], ['microsecond', 0]],
};

const TIMEDELTA_MICROSECONDS: ReadonlyArray<[string, number]> = [
  ['days', 86_400_000_000],
  ['seconds', 1_000_000],
  ['microseconds', 1],
  ['milliseconds', 1000],
  ['minutes', 60_000_000],
  ['hours', 3_600_000_000],
  ['weeks', 604_800_000_000],
];

/** The call's arguments by parameter name; undefined when one is no number or not a parameter (`tzinfo=`). */
function argumentsByName(call: CallValue, names: readonly string[]): Map<string, Extract<Value, { t: 'num' }>> | undefined {
  if (call.args.length > names.length) return undefined;
  const given = new Map<string, Value>([...call.args.map((a, i): [string, Value] => [names[i]!, a]), ...call.kwargs]);
  const out = new Map<string, Extract<Value, { t: 'num' }>>();
  for (const [name, v] of given) {
    if (!names.includes(name) || v.t !== 'num') return undefined;
    out.set(name, v);
  }
  return out;
}

/** repr() of a date, time, datetime or timedelta built from numbers; undefined for any other value. */
export function datetimeRepr(v: Value): string | undefined {
  if (v.t !== 'call' || v.callee.t !== 'ext') return undefined;
  const name = v.callee.name;
  if (name === 'datetime.timedelta') return timedeltaRepr(v);
  const parameters = PARAMETERS[name];
  const given = parameters && argumentsByName(v, parameters.map(([p]) => p));
  if (!parameters || !given || [...given.values()].some(isFloat)) return undefined;
  const fields: number[] = [];
  for (const [p, fallback] of parameters) {
    const value = given.get(p)?.v ?? fallback;
    if (value === undefined) return undefined;
    fields.push(value);
  }
  // Python drops a zero microsecond, then a zero second, and shows the rest (hour and minute always)
  if (name !== 'datetime.date') {
    if (fields.at(-1) === 0) fields.pop();
    if (fields.length === parameters.length - 1 && fields.at(-1) === 0) fields.pop();
  }
  return `${name}(${fields.join(', ')})`;
}

/** Python normalises a timedelta to days, seconds (0..86399) and microseconds, and shows the non-zero ones. */
function timedeltaRepr(call: CallValue): string | undefined {
  const given = argumentsByName(call, TIMEDELTA_MICROSECONDS.map(([p]) => p));
  if (!given) return undefined;
  if ([...given.values()].some(isFloat)) return floatTimedeltaRepr(given);
  let total = 0n;
  for (const [p, scale] of TIMEDELTA_MICROSECONDS) total += BigInt(given.get(p)?.v ?? 0) * BigInt(scale);
  return timedeltaText(total);
}

/**
 * A timedelta given floats (`hours=1.5`): read when its total is a whole number of microseconds (a fraction of one is
 * rounded by Python's own rules, not modelled).
 */
function floatTimedeltaRepr(given: Map<string, Extract<Value, { t: 'num' }>>): string | undefined {
  let total = 0;
  for (const [p, scale] of TIMEDELTA_MICROSECONDS) total += (given.get(p)?.v ?? 0) * scale;
  return Number.isSafeInteger(total) ? timedeltaText(BigInt(total)) : undefined;
}

function timedeltaText(total: bigint): string {
  const day = 86_400_000_000n;
  // floor division, as Python's divmod: the days carry the sign, seconds and microseconds are never negative
  const days = total / day - (total % day < 0n ? 1n : 0n);
  const rest = total - days * day;
  const parts: Array<[string, bigint]> = [
    ['days', days],
    ['seconds', rest / 1_000_000n],
    ['microseconds', rest % 1_000_000n],
  ];
  const shown = parts.filter(([, n]) => n !== 0n);
  return `datetime.timedelta(${shown.length === 0 ? '0' : shown.map(([p, n]) => `${p}=${n}`).join(', ')})`;
}
