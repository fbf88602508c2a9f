// Config problems as values (ConfigIssue) and the one ConfigError that carries them all to the CLI.
import { UserError } from '../cli/errors.js';
import { CONFIG_MESSAGES } from './messages.js';

export interface ConfigIssue {
  /** the config file as shown to the user: relative to the repository root where it lies inside it */
  file: string;
  /** dotted path of the offending value (`contracts[2].owners`); absent for whole-file problems */
  path?: string;
  /** set for syntax errors */
  line?: number;
  column?: number;
  message: string;
}

/** `<file>[:line[:column]]: [<path>: ]<message>` */
export function formatConfigIssue(issue: ConfigIssue): string {
  const position =
    issue.line === undefined ? '' : issue.column === undefined ? `:${issue.line}` : `:${issue.line}:${issue.column}`;
  const path = issue.path === undefined || issue.path === '' ? '' : `${issue.path}: `;
  return `${issue.file}${position}: ${path}${issue.message}`;
}

function summarise(issues: readonly ConfigIssue[]): string {
  const lines = issues.map(formatConfigIssue);
  return lines.length === 1 ? lines[0]! : [CONFIG_MESSAGES.summary(lines.length), ...lines.map((l) => `  ${l}`)].join('\n');
}

export class ConfigError extends UserError {
  constructor(
    readonly issues: readonly ConfigIssue[],
    hint: string,
  ) {
    super(summarise(issues), hint);
    this.name = 'ConfigError';
  }
}
