// Raw config data → Config or every problem found in it. Pure: the file was read elsewhere.
import { camelizeKeys } from './aliases.js';
import type { ConfigIssue } from './errors.js';
import type { KeyStyle } from './key-path.js';
import { CONFIG_MESSAGES as M } from './messages.js';
import { configSchema, type Config } from './schema.js';
import { semanticIssues } from './semantic.js';
import { issueAt, toConfigIssues, type IssueContext } from './zod-issues.js';

export interface ValidateOptions {
  /** the file name to show in problems */
  file: string;
  /** 'kebab' (TOML files) also accepts `on-error` for `onError`, `max-age-days` for `maxAgeDays`, … */
  keyStyle?: KeyStyle;
  /** when given, a `rules:` key that is none of these is a problem */
  knownRuleIds?: readonly string[];
}

export type ValidationResult = { ok: true; config: Config } | { ok: false; issues: ConfigIssue[] };

/** An empty file (or a YAML file of only comments) means "all defaults". */
export function validateConfig(raw: unknown, options: ValidateOptions): ValidationResult {
  const input = raw ?? {};
  const style = options.keyStyle ?? 'camel';
  const { value: data, clashes } = style === 'kebab' ? camelizeKeys(input, configSchema) : { value: input, clashes: [] };
  const ctx: IssueContext = { file: options.file, data, raw: input, root: configSchema, style };
  const issues = clashes.map((clash) => issueAt(ctx, clash.path, M.keyGivenTwice(...clash.spellings)));
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: [...issues, ...toConfigIssues(parsed.error.issues, ctx)] };
  issues.push(...semanticIssues(ctx, parsed.data, options.knownRuleIds));
  return issues.length === 0 ? { ok: true, config: parsed.data } : { ok: false, issues };
}
