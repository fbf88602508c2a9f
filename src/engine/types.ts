// The verdict: findings with their final severity, who they hit, and whether the change may pass.
import type { Config, Severity } from '../config/schema.js';
import type { Consumer } from '../lineage/types.js';
import type { SchemaChange } from '../schema/changes.js';
import type { Directive, Schema } from '../schema/types.js';
import type { ExtractionProblem, LineageView, RuleFinding } from '../rules/types.js';

export type FinalSeverity = Exclude<Severity, 'off'>;

export interface ContractHit {
  label: string;
  owners: string[];
  policy: 'block' | 'warn';
  allowOverride: boolean;
  /** the contract's deprecation date for this table/column, when it has one */
  deprecation?: string;
}

export interface Finding extends RuleFinding {
  ruleId: string;
  severity: FinalSeverity;
  contracts: ContractHit[];
  consumers: Consumer[];
  /** why the severity differs from the rule's: escalations, demotions, deprecations */
  adjustments: string[];
  suppressed: { reason: string; file: string; line: number } | null;
  overridden: boolean;
  /** false when a contract forbids overriding this finding */
  canOverride: boolean;
}

export interface Notification {
  owner: string;
  /** ready to paste into chat or an issue */
  message: string;
}

export interface Verdict {
  findings: Finding[];
  /** at least one finding at block severity, neither suppressed nor overridden */
  blocked: boolean;
  override: { reason: string; rules: string[] } | null;
  notifications: Notification[];
}

export interface EvaluateInput {
  changes: readonly SchemaChange[];
  /** the new schema, for the declaration lines suppressions may sit on */
  after: Schema;
  directives: readonly Directive[];
  problems: readonly ExtractionProblem[];
  config: Config;
  lineage: LineageView | null;
  /** a non-empty reason from SCHEMAGUARD_OVERRIDE / --override / a commit trailer */
  overrideReason: string | null;
  /** YYYY-MM-DD */
  today: string;
}
