// zod 4 issues → ConfigIssues worded "<path>: expected <what>, found <what>", with "did you mean" for near misses.
import type { z } from 'zod';
import { allowedKeys } from './aliases.js';
import type { ConfigIssue } from './errors.js';
import { renderPath, styledKey, valueAt, type KeyStyle, type PathKey } from './key-path.js';
import { CONFIG_MESSAGES as M, EXPECTED_WORDS as W, FOUND_WORDS as F } from './messages.js';
import { describeExpected, schemaAt, unionOptions } from './schema-walk.js';
import { suggestName } from './suggest.js';

type Schema = z.core.$ZodType;
type ZodIssue = z.core.$ZodIssue;

export interface IssueContext {
  file: string;
  /** what zod validated (kebab-case keys already renamed) */
  data: unknown;
  /** the file's own data, so paths keep the user's spelling */
  raw: unknown;
  root: Schema;
  style: KeyStyle;
}

export function issueAt(ctx: IssueContext, path: readonly PathKey[], message: string): ConfigIssue {
  return { file: ctx.file, path: renderPath(path, ctx.raw), message };
}

function describeFound(value: unknown): string {
  if (value === undefined) return F.missing;
  if (value === null) return F.null;
  if (Array.isArray(value)) return value.length === 0 ? F.emptyList : F.list;
  if (value instanceof Date) return F.date;
  switch (typeof value) {
    case 'string':
      return value === '' ? F.emptyString : F.string;
    case 'number':
      return F.number;
    case 'boolean':
      return F.boolean;
    case 'function':
      return F.function;
    case 'object':
      return F.mapping;
    default:
      return F.other(typeof value);
  }
}

/** The value itself where it is short and telling (a string, a number), else its kind. */
function showValue(value: unknown): string {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return JSON.stringify(value);
  if (Array.isArray(value) && value.length > 0) return F.listOf(value.length);
  return describeFound(value);
}

function unknownKeys(ctx: IssueContext, path: PathKey[], keys: readonly string[]): ConfigIssue[] {
  const known = (allowedKeys(schemaAt(ctx.root, path)) ?? []).map((k) => styledKey(k, ctx.style));
  return keys.map((key) => issueAt(ctx, [...path, key], M.unknownKey(suggestName(key, known), known)));
}

/** A union of mappings told apart by their one key (lineage sources): report against the option the user meant. */
function unionIssues(ctx: IssueContext, path: PathKey[], issue: z.core.$ZodIssueInvalidUnion): ConfigIssue[] {
  const union = schemaAt(ctx.root, path);
  const options = (union === undefined ? undefined : unionOptions(union))?.map((option) => allowedKeys(option) ?? []) ?? [];
  const value = valueAt(ctx.data, path);
  const given = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : undefined;
  const meant = options.flatMap((keys, i) => (given?.some((k) => keys.includes(k)) ? [i] : []));
  const chosen = meant.length === 1 ? issue.errors[meant[0]!] : undefined;
  if (chosen !== undefined) return toConfigIssues(chosen, ctx, path);
  const firstKeys = options.map((keys) => styledKey(keys[0] ?? '', ctx.style));
  const found = given === undefined ? describeFound(value) : given.length === 0 ? F.emptyMapping : F.keys(given);
  return [issueAt(ctx, path, M.unionNoKey(firstKeys, found))];
}

function oneIssue(ctx: IssueContext, issue: ZodIssue, path: PathKey[]): ConfigIssue[] {
  const value = valueAt(ctx.data, path);
  const expected = (): string => (path.length === 0 ? W.settings : describeExpected(schemaAt(ctx.root, path)));
  switch (issue.code) {
    case 'invalid_type':
      return [issueAt(ctx, path, M.expected(expected(), describeFound(value)))];
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    case 'not_multiple_of':
      return [issueAt(ctx, path, M.expected(expected(), showValue(value)))];
    case 'invalid_value': {
      const choices = issue.values.map(String);
      const hint = typeof value === 'string' ? suggestName(value, choices) : undefined;
      return [issueAt(ctx, path, M.expected(W.oneOf(choices), showValue(value)) + (hint ? M.didYouMean(hint) : ''))];
    }
    case 'unrecognized_keys':
      return unknownKeys(ctx, path, issue.keys);
    case 'invalid_union':
      return unionIssues(ctx, path, issue);
    default:
      return [issueAt(ctx, path, issue.message)];
  }
}

export function toConfigIssues(issues: readonly ZodIssue[], ctx: IssueContext, base: PathKey[] = []): ConfigIssue[] {
  return issues.flatMap((issue) => oneIssue(ctx, issue, [...base, ...issue.path]));
}
