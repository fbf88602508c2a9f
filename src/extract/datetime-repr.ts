// repr() of a `datetime` module value the evaluator keeps as its constructor call: `time(20)` reads
// `datetime.time(20, 0)`, `timedelta(minutes=15)` reads `datetime.timedelta(seconds=900)`, as the oracle prints them.
import { strRepr } from './evaluate-format.js';
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

/**
 * The call's arguments by parameter name; undefined when one is no number or not a parameter. `tzinfo` (after the
 * numbers, or by keyword) is set apart where the constructor takes one.
 */
function argumentsByName(call: CallValue, names: readonly string[], tz?: { value?: Value }): Map<string, Extract<Value, { t: 'num' }>> | undefined {
  const all = tz ? [...names, 'tzinfo'] : names;
  if (call.args.length > all.length) return undefined;
  const given = new Map<string, Value>([...call.args.map((a, i): [string, Value] => [all[i]!, a]), ...call.kwargs]);
  const out = new Map<string, Extract<Value, { t: 'num' }>>();
  for (const [name, v] of given) {
    if (tz && name === 'tzinfo') tz.value = v;
    else if (!names.includes(name) || v.t !== 'num') return undefined;
    else out.set(name, v);
  }
  return out;
}

/** repr() of a `timezone`: `datetime.timezone.utc`, or its offset (and name); undefined for another tzinfo. */
function timezoneRepr(v: Value): string | undefined {
  if (v.t === 'ext' && v.name === 'datetime.timezone.utc') return 'datetime.timezone.utc';
  if (v.t !== 'call' || v.callee.t !== 'ext' || v.callee.name !== 'datetime.timezone' || v.kwargs.size > 0) return undefined;
  const [offset, name] = v.args;
  const delta = offset?.t === 'call' && offset.callee.t === 'ext' && offset.callee.name === 'datetime.timedelta' ? timedeltaRepr(offset) : undefined;
  if (delta === undefined || (name !== undefined && name.t !== 'str') || v.args.length > 2) return undefined;
  // timezone(timedelta(0)) is the utc singleton
  if (delta === 'datetime.timedelta(0)' && name === undefined) return 'datetime.timezone.utc';
  return `datetime.timezone(${delta}${name?.t === 'str' ? `, ${strRepr(name.v)}` : ''})`;
}

/** repr() of a date, time, datetime or timedelta built from numbers; undefined for any other value. */
export function datetimeRepr(v: Value): string | undefined {
  if (v.t !== 'call' || v.callee.t !== 'ext') return undefined;
  const name = v.callee.name;
  if (name === 'datetime.timedelta') return timedeltaRepr(v);
  const parameters = PARAMETERS[name];
  const tz: { value?: Value } = {};
  const given = parameters && argumentsByName(v, parameters.map(([p]) => p), name === 'datetime.date' ? undefined : tz);
  if (!parameters || !given || [...given.values()].some(isFloat)) return undefined;
  const zone = tz.value === undefined || tz.value.t === 'none' ? '' : timezoneRepr(tz.value);
  if (zone === undefined) return undefined;
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
  return `${name}(${fields.join(', ')}${zone ? `, tzinfo=${zone}` : ''})`;
}

/** `ts.date()` of a datetime built from numbers: the date of it; undefined for another value. */
export function dateOf(v: Value): CallValue | undefined {
  if (v.t !== 'call' || v.callee.t !== 'ext' || v.callee.name !== 'datetime.datetime') return undefined;
  const given = argumentsByName(v, PARAMETERS['datetime.datetime']!.map(([p]) => p), {});
  const [year, month, day] = ['year', 'month', 'day'].map((p) => given?.get(p));
  if (!year || !month || !day) return undefined;
  return { ...v, callee: { t: 'ext', name: 'datetime.date' }, args: [year, month, day], kwargs: new Map() };
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
