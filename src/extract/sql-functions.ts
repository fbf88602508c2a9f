// How SQLAlchemy's compiler spells `func.<name>(...)` on each dialect: its registered functions (found whatever the
// case of the name), the names it spells itself (compiler.FUNCTIONS) and the dialects' visit_<name>_func.
import type { Dialect } from '../schema/types.js';

/** sqlalchemy.sql.functions' registry: `func.NOW()` is now() (the lookup lowers the name); `func.MyFn()` stays as written. */
const REGISTERED = new Set([
  'aggregate_strings', 'array_agg', 'cast', 'char_length', 'coalesce', 'concat', 'count', 'cube', 'cume_dist', 'current_date',
  'current_time', 'current_timestamp', 'current_user', 'dense_rank', 'extract', 'grouping_sets', 'localtime', 'localtimestamp',
  'max', 'min', 'mode', 'next_value', 'now', 'percent_rank', 'percentile_cont', 'percentile_disc', 'random', 'rank', 'rollup',
  'session_user', 'sum', 'sysdate', 'user',
]);

/** `func.<name>` makes an instance of a registered GenericFunction subclass (`coalesce`), not a plain Function. */
export function isRegisteredFunction(name: string): boolean {
  return REGISTERED.has(name.toLowerCase());
}

/** compiler.FUNCTIONS: without arguments these take no parentheses, but for those SQLAlchemy always calls. */
const SPELLED: ReadonlyMap<string, string> = new Map([
  ['coalesce', 'coalesce'], ['current_date', 'CURRENT_DATE'], ['current_time', 'CURRENT_TIME'], ['current_timestamp', 'CURRENT_TIMESTAMP'],
  ['current_user', 'CURRENT_USER'], ['localtime', 'LOCALTIME'], ['localtimestamp', 'LOCALTIMESTAMP'], ['random', 'random'],
  ['sysdate', 'sysdate'], ['session_user', 'SESSION_USER'], ['user', 'USER'], ['cube', 'CUBE'], ['rollup', 'ROLLUP'],
  ['grouping_sets', 'GROUPING SETS'],
]);
const ALWAYS_CALLED = new Set(['coalesce', 'random', 'cube', 'rollup', 'grouping_sets']);

type Spelling = (args: readonly string[]) => string;
const list = (args: readonly string[]): string => `(${args.join(', ')})`;

/** The dialects' visit_<name>_func (looked up by the lowered name, registered or not). */
const DIALECT_SPELLINGS: Readonly<Record<Dialect, Readonly<Record<string, Spelling>>>> = {
  postgresql: {
    substring: (a) => (a.length === 3 ? `SUBSTRING(${a[0]} FROM ${a[1]} FOR ${a[2]})` : a.length === 2 ? `SUBSTRING(${a[0]} FROM ${a[1]})` : `substring${list(a)}`),
  },
  mysql: { random: (a) => `rand${list(a)}`, sysdate: () => 'SYSDATE()' },
  sqlite: { now: () => 'CURRENT_TIMESTAMP', localtimestamp: () => 'DATETIME(CURRENT_TIMESTAMP, "localtime")', char_length: (a) => `length${list(a)}` },
};

/**
 * `func.<written>(args)` compiled for `dialect` (undefined: SQLAlchemy's dialect-free string form, as `str()` of the
 * expression prints it); `args` are already compiled.
 */
export function sqlFunctionText(written: string, args: readonly string[], dialect: Dialect | undefined): string {
  const lowered = written.toLowerCase();
  const own = dialect ? DIALECT_SPELLINGS[dialect][lowered] : undefined;
  if (own) return own(args);
  const name = isRegisteredFunction(lowered) ? lowered : written;
  const spelled = SPELLED.get(name);
  if (spelled) return args.length > 0 || ALWAYS_CALLED.has(name) ? spelled + list(args) : spelled;
  return name + list(args);
}
