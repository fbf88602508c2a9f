// What a rule sees and what it returns. Rules are pure: typed changes in, findings out.
import type { Config, Severity } from '../config/schema.js';
import type { Consumer } from '../lineage/types.js';
import type { SchemaChange, TableRef } from '../schema/changes.js';
import type { Directive, SourceRef } from '../schema/types.js';

/**
 * What kind of break a finding is. The engine escalates drop/rename/type/nullability when a contract
 * or a consumer is hit, and demotes column drops/renames nobody reads.
 */
export type FindingCategory = 'drop' | 'rename' | 'type' | 'nullability' | 'constraint' | 'addition' | 'contract' | 'error';

/** The downstream knowledge rules may ask for; built by the engine from the lineage snapshot. */
export interface LineageView {
  consumersOf(table: TableRef, column?: string): Consumer[];
  /** the snapshot knows this table's readers column by column, so "nobody reads column X" is a fact */
  knowsColumns(table: TableRef): boolean;
}

/** A changed model file that could not be extracted completely. */
export interface ExtractionProblem {
  file: string;
  line: number;
  message: string;
  /** the table concerned, when the problem is inside one */
  table: TableRef | null;
}

export interface RuleContext {
  changes: readonly SchemaChange[];
  config: Config;
  lineage: LineageView | null;
  problems: readonly ExtractionProblem[];
  /** `# schemaguard:` comments of the new source */
  directives: readonly Directive[];
  /** every registered rule id, to check suppressions against */
  knownRuleIds: readonly string[];
  /** YYYY-MM-DD, for deprecation dates */
  today: string;
}

/** One thing a rule found. The engine adds contracts, consumers, the final severity. */
export interface RuleFinding {
  message: string;
  help: string;
  category: FindingCategory;
  change: SchemaChange | null;
  table: TableRef | null;
  column?: string;
  source: SourceRef | null;
  /** a severity the rule chooses for this finding, instead of its default (e.g. widening a pinned type) */
  severity?: Severity;
}

export interface Rule {
  /** kebab-case; equals the file name; the docs page is docs/rules/<id>.md */
  id: string;
  defaultSeverity: Severity;
  description: string;
  check(context: RuleContext): RuleFinding[];
}
