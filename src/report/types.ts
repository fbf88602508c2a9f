// What every report format renders: the changes, the verdict and what was compared.
import type { Verdict } from '../engine/types.js';
import type { SchemaChange } from '../schema/changes.js';

export const REPORT_VERSION = 1;

export interface CheckReport {
  version: typeof REPORT_VERSION;
  tool: { name: 'schemaguard'; version: string };
  /** what was compared, for people: "HEAD -> staged", "origin/main..HEAD" */
  compared: string;
  changes: SchemaChange[];
  verdict: Verdict;
  /** things the reader should know that are not findings: a stale lineage snapshot, a shallow clone */
  notes: string[];
}

export type ReportFormat = 'text' | 'json' | 'markdown' | 'sarif' | 'github';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'json', 'markdown', 'sarif', 'github'];
