// Checks the schema cannot express: globs that compile, deprecations that can apply, rule ids that exist.
import picomatch from 'picomatch';
import type { ConfigIssue } from './errors.js';
import type { PathKey } from './key-path.js';
import { contractCoversColumn, contractCoversTable } from './match.js';
import { CONFIG_MESSAGES as M } from './messages.js';
import type { Config, Contract } from './schema.js';
import { suggestName } from './suggest.js';
import { issueAt, type IssueContext } from './zod-issues.js';

function globIssues(ctx: IssueContext, globs: readonly string[] | undefined, path: PathKey[]): ConfigIssue[] {
  return (globs ?? []).flatMap((glob, i) => {
    try {
      // strictBrackets: an unbalanced [ ( { is a typo here, not a literal character
      picomatch.makeRe(glob, { strictBrackets: true });
      return [];
    } catch (error) {
      return [issueAt(ctx, [...path, i], M.invalidGlob((error as Error).message))];
    }
  });
}

/**
 * Whether a deprecation's table part can name a table of this contract. The schema of the table is
 * unknown here, so a bare `orders` counts as covered by a qualified glob such as `sales.*`.
 */
function coversTableName(contract: Contract, name: string): boolean {
  if (contractCoversTable(contract, { schema: null, name })) return true;
  if (name.includes('.')) return false;
  return contract.tables.some((glob) => glob.includes('.') && picomatch.isMatch(name, glob.slice(glob.lastIndexOf('.') + 1)));
}

/** A key is `table` or `table.column` (the table part may itself be `schema.table`). */
function deprecationApplies(contract: Contract, key: string): boolean {
  if (coversTableName(contract, key)) return true;
  const dot = key.lastIndexOf('.');
  return dot > 0 && coversTableName(contract, key.slice(0, dot)) && contractCoversColumn(contract, key.slice(dot + 1));
}

function contractIssues(ctx: IssueContext, contract: Contract, index: number): ConfigIssue[] {
  const at: PathKey[] = ['contracts', index];
  return [
    ...globIssues(ctx, contract.tables, [...at, 'tables']),
    ...globIssues(ctx, contract.columns, [...at, 'columns']),
    ...Object.keys(contract.deprecations)
      .filter((key) => !deprecationApplies(contract, key))
      .map((key) => issueAt(ctx, [...at, 'deprecations', key], M.deprecationOutsideContract(key))),
  ];
}

function ruleIssues(ctx: IssueContext, config: Config, knownRuleIds: readonly string[] | undefined): ConfigIssue[] {
  if (knownRuleIds === undefined) return [];
  return Object.keys(config.rules)
    .filter((id) => !knownRuleIds.includes(id))
    .map((id) => issueAt(ctx, ['rules', id], M.unknownRule(suggestName(id, knownRuleIds))));
}

export function semanticIssues(ctx: IssueContext, config: Config, knownRuleIds?: readonly string[]): ConfigIssue[] {
  return [
    ...globIssues(ctx, config.models, ['models']),
    ...globIssues(ctx, config.exclude, ['exclude']),
    ...config.contracts.flatMap((contract, i) => contractIssues(ctx, contract, i)),
    ...ruleIssues(ctx, config, knownRuleIds),
  ];
}
