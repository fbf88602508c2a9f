// Builds what rules and the engine are given: real diffs of hand-written schemas, a parsed config, a lineage view.
import { configSchema, type ConfigInput } from '../../src/config/schema.js';
import type { EvaluateInput } from '../../src/engine/types.js';
import { lineageViewOf } from '../../src/lineage/impact.js';
import type { LineageNode, LineageSnapshot, SnapshotTable } from '../../src/lineage/types.js';
import { RULE_IDS } from '../../src/rules/registry.js';
import type { ExtractionProblem, Rule, RuleContext, RuleFinding } from '../../src/rules/types.js';
import type { SchemaChange } from '../../src/schema/changes.js';
import { diffSchemas, type DiffOptions } from '../../src/schema/diff.js';
import type { Directive, Schema, Table } from '../../src/schema/types.js';
import { schema } from './schema-builders.js';

export interface ContextOptions {
  config?: ConfigInput;
  lineage?: LineageSnapshot | null;
  problems?: ExtractionProblem[];
  directives?: Directive[];
  today?: string;
}

/** The changes `diffSchemas` finds between two table lists (PostgreSQL), with renames declared as given. */
function changesBetween(before: Table[], after: Table[], options: DiffOptions = {}): SchemaChange[] {
  return diffSchemas(schema(before), schema(after), options);
}

function ruleContext(changes: readonly SchemaChange[], options: ContextOptions = {}): RuleContext {
  return {
    changes,
    config: configSchema.parse(options.config ?? {}),
    lineage: options.lineage ? lineageViewOf(options.lineage) : null,
    problems: options.problems ?? [],
    directives: options.directives ?? [],
    knownRuleIds: RULE_IDS,
    today: options.today ?? '2026-03-01',
  };
}

/** Diffs BEFORE and AFTER (renamed-from directives among `directives` are applied) and runs one rule. */
export function runRule(rule: Rule, before: Table[], after: Table[], options: ContextOptions = {}): RuleFinding[] {
  const renames = configSchema.parse(options.config ?? {}).renames;
  const changes = changesBetween(before, after, { directives: options.directives ?? [], renames });
  return rule.check(ruleContext(changes, options));
}

/** The input `evaluate` takes for BEFORE -> AFTER; the override reason is null unless given. */
export function evaluateInput(
  before: Table[],
  after: Table[],
  options: ContextOptions & { overrideReason?: string | null } = {},
): EvaluateInput {
  const context = ruleContext([], options);
  const afterSchema: Schema = schema(after);
  return {
    changes: changesBetween(before, after, { directives: options.directives ?? [], renames: context.config.renames }),
    after: afterSchema,
    directives: options.directives ?? [],
    problems: context.problems,
    config: context.config,
    lineage: context.lineage,
    overrideReason: options.overrideReason ?? null,
    today: context.today,
  };
}

export function ignore(file: string, line: number, rule: string, reason: string | null): Directive {
  return { kind: 'ignore', file, line, rule, reason };
}

/** A snapshot as `schemaguard sync` writes it: complete, one dbt source, tables and nodes sorted. */
export function snapshot(tables: SnapshotTable[], nodes: Omit<LineageNode, 'source'>[], partial = false): LineageSnapshot {
  return {
    version: 1,
    generated_at: '2026-02-27T08:00:00Z',
    partial,
    sources: [{ id: 'dbt:target/manifest.json', kind: 'dbt', location: 'target/manifest.json', status: 'ok' }],
    tables: [...tables].sort((a, b) => `${a.schema ?? ''}.${a.name}`.localeCompare(`${b.schema ?? ''}.${b.name}`)),
    nodes: nodes.map((n) => ({ ...n, source: 'dbt:target/manifest.json' })).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** A dbt model node with its owners; `children` are the ids of nodes reading it. */
export function dbtModel(name: string, owners: string[], children: string[] = []): Omit<LineageNode, 'source'> {
  return { id: `model.analytics.${name}`, type: 'model', name, owners, children };
}

/** A dashboard (dbt exposure) with its owners. */
export function dashboard(name: string, owners: string[]): Omit<LineageNode, 'source'> {
  return { id: `exposure.analytics.${name}`, type: 'exposure', name, kind: 'dashboard', owners, children: [] };
}
