// `match` in helper functions: the first case whose pattern matches the subject (and whose guard holds) runs.
// A pattern that cannot be decided statically stops the helper, as an undecidable `if` does.
import type { MatchCase, Pattern } from '../python/summary.js';
import type { Ctx, Env } from './context.js';
import { evalExpr } from './evaluate.js';
import { equalValues } from './evaluate-ops.js';
import { isInstanceOf } from './outside-attrs.js';
import { isTruthy, undecidable, unknown, type Unknown, type Value } from './values.js';

/** Builtins whose one positional sub-pattern matches the subject itself (`case int(n):`). */
const SELF_MATCHING = new Set(['bool', 'bytearray', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple'].map((n) => `builtins.${n}`));

/** Bindings of a successful match; false when the pattern does not match. */
type Matched = Map<string, Value> | false;

/** The case that runs, with the names its pattern binds; null when none matches; unknown when it cannot be decided. */
export function chooseCase(ctx: Ctx, cases: MatchCase[], subject: Value, env: Env): { chosen: MatchCase; bound: Map<string, Value> } | null | Unknown {
  for (const c of cases) {
    const matched = matchPattern(ctx, c.pattern, subject, env, c.line);
    if (matched !== false && !(matched instanceof Map)) return matched;
    if (matched === false) continue;
    if (c.guard) {
      const guardEnv: Env = { ...env, locals: new Map([...(env.locals ?? []), ...matched]) };
      const test = evalExpr(ctx, c.guard, guardEnv);
      const truth = isTruthy(test);
      if (truth === undefined) return unknown(undecidable(test), env.module.file, c.line);
      if (!truth) continue;
    }
    return { chosen: c, bound: matched };
  }
  return null;
}

function matchPattern(ctx: Ctx, pattern: Pattern, subject: Value, env: Env, line: number): Matched | Unknown {
  const notDecided = (why: string): Unknown => unknown(`case pattern not decidable statically: ${why}`, env.module.file, line);
  switch (pattern.p) {
    case 'wildcard':
      return new Map();
    case 'capture':
      return new Map([[pattern.name, subject]]);
    case 'value': {
      const eq = equalValues(subject, evalExpr(ctx, pattern.value, env));
      if (eq === undefined) return notDecided(subject.t === 'unknown' ? subject.reason : 'the subject is not known well enough');
      return eq ? new Map() : false;
    }
    case 'or':
      for (const alt of pattern.alts) {
        const matched = matchPattern(ctx, alt, subject, env, line);
        if (matched !== false) return matched;
      }
      return false;
    case 'as': {
      const matched = matchPattern(ctx, pattern.pattern, subject, env, line);
      return matched instanceof Map ? new Map([...matched, [pattern.name, subject]]) : matched;
    }
    case 'seq':
      return matchSequence(ctx, pattern.items, subject, env, line, notDecided);
    case 'mapping':
      return matchMapping(ctx, pattern, subject, env, line, notDecided);
    case 'class': {
      const cls = evalExpr(ctx, pattern.cls, env);
      const is = isInstanceOf(subject, cls);
      if (is === undefined) return notDecided('an isinstance() test not known statically');
      if (!is) return false;
      const positional = pattern.args[0];
      if (pattern.kwargs.length > 0 || pattern.args.length > 1 || (positional && !SELF_MATCHING.has(cls.t === 'ext' ? cls.name : ''))) {
        return notDecided('a class pattern over attributes');
      }
      return positional ? matchPattern(ctx, positional, subject, env, line) : new Map();
    }
    case 'star':
    case 'other':
      return notDecided(pattern.p === 'other' ? pattern.text : 'a star pattern outside a sequence');
  }
}

/** A sequence pattern: a tuple or list subject (never a string) of the right length, item by item. */
function matchSequence(ctx: Ctx, items: Pattern[], subject: Value, env: Env, line: number, notDecided: (why: string) => Unknown): Matched | Unknown {
  if (subject.t === 'str' || subject.t === 'num' || subject.t === 'bool' || subject.t === 'none' || subject.t === 'dict') return false;
  if (subject.t !== 'seq' || subject.kind === 'set') return notDecided('the subject is not a sequence known statically');
  const star = items.findIndex((p) => p.p === 'star');
  const before = star < 0 ? items : items.slice(0, star);
  const after = star < 0 ? [] : items.slice(star + 1);
  const n = subject.items.length;
  if (star < 0 ? n !== items.length : n < before.length + after.length) return false;
  const bound = new Map<string, Value>();
  const pairs: Array<[Pattern, Value]> = [
    ...before.map((p, i): [Pattern, Value] => [p, subject.items[i]!]),
    ...after.map((p, i): [Pattern, Value] => [p, subject.items[n - after.length + i]!]),
  ];
  for (const [p, v] of pairs) {
    const matched = matchPattern(ctx, p, v, env, line);
    if (!(matched instanceof Map)) return matched;
    for (const [k, value] of matched) bound.set(k, value);
  }
  const starred = star < 0 ? undefined : items[star];
  if (starred?.p === 'star' && starred.name) bound.set(starred.name, { t: 'seq', kind: 'list', items: subject.items.slice(before.length, n - after.length) });
  return bound;
}

/** A mapping pattern: a dict subject holding every key, each value matching; `**rest` takes the other entries. */
function matchMapping(ctx: Ctx, pattern: Extract<Pattern, { p: 'mapping' }>, subject: Value, env: Env, line: number, notDecided: (why: string) => Unknown): Matched | Unknown {
  if (subject.t === 'str' || subject.t === 'num' || subject.t === 'bool' || subject.t === 'none' || subject.t === 'seq') return false;
  if (subject.t !== 'dict') return notDecided('the subject is not a mapping known statically');
  const bound = new Map<string, Value>();
  const used = new Set<number>();
  for (const [i, keyExpr] of pattern.keys.entries()) {
    const key = evalExpr(ctx, keyExpr, env);
    const at = subject.entries.findIndex(([k]) => equalValues(k, key) === true);
    if (at < 0) return subject.entries.some(([k]) => equalValues(k, key) === undefined) ? notDecided('a key not known statically') : false;
    used.add(at);
    const matched = matchPattern(ctx, pattern.values[i]!, subject.entries[at]![1], env, line);
    if (!(matched instanceof Map)) return matched;
    for (const [k, v] of matched) bound.set(k, v);
  }
  if (pattern.rest) bound.set(pattern.rest, { t: 'dict', entries: subject.entries.filter((_, i) => !used.has(i)) });
  return bound;
}
