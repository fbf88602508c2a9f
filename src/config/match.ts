// Which contracts cover a table or column, rule severity overrides, deprecation dates. Pure.
import picomatch from 'picomatch';
import type { Config, Contract, Severity } from './schema.js';

export interface TableRef {
  schema: string | null;
  name: string;
}

// Table and column names are not paths: `*` may match anything, dots included
const GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true };
const matchers = new WeakMap<readonly string[], (value: string) => boolean>();

function matcherFor(globs: readonly string[]): (value: string) => boolean {
  let matcher = matchers.get(globs);
  if (matcher === undefined) {
    const tests = globs.map((glob) => picomatch(glob, GLOB_OPTIONS));
    matcher = (value) => tests.some((test) => test(value));
    matchers.set(globs, matcher);
  }
  return matcher;
}

/** A table glob matches the bare name (`orders`) or the qualified one (`sales.orders`). */
export function contractCoversTable(contract: Contract, table: TableRef): boolean {
  const matches = matcherFor(contract.tables);
  return matches(table.name) || (table.schema !== null && matches(`${table.schema}.${table.name}`));
}

/** Without `columns`, a contract covers every column of its tables. */
export function contractCoversColumn(contract: Contract, column: string): boolean {
  return contract.columns === undefined || matcherFor(contract.columns)(column);
}

/** The contracts that cover `table` (and `column`, when given), in config order. */
export function contractsFor(config: Config, table: TableRef, column?: string): Contract[] {
  return config.contracts.filter(
    (contract) => contractCoversTable(contract, table) && (column === undefined || contractCoversColumn(contract, column)),
  );
}

/** The severity `rules:` sets for a rule, or undefined where the rule keeps its default. */
export function severityOverride(config: Config, ruleId: string): Severity | undefined {
  return Object.hasOwn(config.rules, ruleId) ? config.rules[ruleId] : undefined;
}

/**
 * The date after which dropping this column (or, without a column, this table) is allowed.
 * A column's own key wins over its table's; qualified keys (`sales.orders.total`) over bare ones.
 */
export function deprecationFor(contract: Contract, table: TableRef, column?: string): string | undefined {
  const tableKeys = table.schema === null ? [table.name] : [`${table.schema}.${table.name}`, table.name];
  const keys = column === undefined ? tableKeys : [...tableKeys.map((t) => `${t}.${column}`), ...tableKeys];
  const key = keys.find((k) => Object.hasOwn(contract.deprecations, k));
  return key === undefined ? undefined : contract.deprecations[key];
}
