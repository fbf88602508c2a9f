// extractSchema: Python model files to the canonical Schema, statically (no Python is run).
import type { SourceFile } from '../git/types.js';
import { SUMMARY_VERSION, type ModuleSummary } from '../python/summary.js';
import type { Diagnostic, Dialect, Directive, Schema } from '../schema/types.js';
import { buildSchema } from './build.js';
import { importsOf, modelMatcher } from './discovery.js';
import { readDirectives } from './directives.js';
import { knownTables } from './known-tables.js';
import { scanScope } from './scan-scope.js';
import { moduleNameFor, sourceRoots } from './module-names.js';
import type { ModuleInfo } from './values.js';
import { messages } from './messages.js';

export interface SummaryCache {
  get(oid: string): ModuleSummary | undefined;
  set(oid: string, s: ModuleSummary): void;
}

export interface ExtractOptions {
  dialect: Dialect;
  cache?: SummaryCache;
  /** globs of model files; by default, files that import SQLAlchemy, SQLModel or Flask-SQLAlchemy */
  models?: string[];
  /**
   * Scan only the model modules the changed files can reach (see scan-scope.ts): a partial schema, holding the
   * tables those modules build (names still resolve across the whole project; foreign keys to tables not built
   * read them from `known`, the whole schema of the same files before the change). When the change reaches half
   * the models or more, everything is scanned and the result has no `scanned`.
   */
  partial?: { changed: ReadonlySet<string>; known: Schema };
}

export interface ExtractResult {
  schema: Schema;
  directives: Directive[];
  /** with `partial`: the model files scanned */
  scanned?: string[];
}

interface Candidate {
  file: SourceFile;
  name: string;
  isPackage: boolean;
}

export async function extractSchema(files: SourceFile[], options: ExtractOptions): Promise<ExtractResult> {
  const python = [...files].filter((f) => f.path.endsWith('.py')).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const roots = sourceRoots(python.map((f) => f.path));
  const byName = new Map<string, Candidate>();
  for (const file of python) {
    const mod = moduleNameFor(file.path, roots);
    if (mod && !byName.has(mod.name)) byName.set(mod.name, { file, ...mod });
  }
  const isModel = modelMatcher(options.models);
  const models = [...byName.values()].filter((c) => isModel(c.file.path, c.file.text));
  const summaries = await summarizeClosure(models, byName, options.cache);
  const diagnostics: Diagnostic[] = [];
  const directives: Directive[] = [];
  const modules: ModuleInfo[] = [];
  for (const [c, summary] of summaries) {
    modules.push({ name: c.name, file: c.file.path, isPackage: c.isPackage, body: summary.body });
    for (const e of summary.errors) diagnostics.push({ file: c.file.path, line: e.line, severity: 'error', message: messages.syntaxError(e.message) });
    directives.push(...readDirectives(c.file.path, summary.directives, diagnostics));
  }
  const scope = options.partial && partialScope(summaries, models, options.partial.changed, roots);
  const modelNames = new Set(models.map((m) => m.name).filter((name) => !scope || scope.has(name)));
  const scanned = modules.filter((m) => modelNames.has(m.name));
  const schema = buildSchema(modules, scanned, options.dialect, diagnostics, scope && options.partial ? knownTables(options.partial.known) : undefined);
  // one order whatever the scan order was, so a schema assembled from parts reads as a whole one does
  schema.diagnostics = sortDiagnostics(schema.diagnostics);
  return { schema, directives, ...(scope ? { scanned: scanned.map((m) => m.file) } : {}) };
}

/** The modules to scan for a change; undefined when that is most of them (a whole scan is then cheaper). */
function partialScope(summaries: Map<Candidate, ModuleSummary>, models: Candidate[], changed: ReadonlySet<string>, roots: string[]): Set<string> | undefined {
  const names = new Set([...changed].flatMap((path) => moduleNameFor(path, roots)?.name ?? []));
  const scope = scanScope([...summaries].map(([c, summary]) => ({ name: c.name, isPackage: c.isPackage, file: c.file.path, summary })), { files: changed, names });
  const reached = models.filter((m) => scope.has(m.name)).length;
  return reached * 2 <= models.length ? scope : undefined;
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic): [string, number] => [d.file ?? '', d.line ?? 0];
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const [fa, la] = rank(a.d);
      const [fb, lb] = rank(b.d);
      return fa < fb ? -1 : fa > fb ? 1 : la - lb || a.i - b.i;
    })
    .map(({ d }) => d);
}

/** Parses the model files and, transitively, every in-repo module they import. */
async function summarizeClosure(models: Candidate[], byName: Map<string, Candidate>, cache: SummaryCache | undefined): Promise<Map<Candidate, ModuleSummary>> {
  const out = new Map<Candidate, ModuleSummary>();
  const queue = [...models];
  let summarize: ((text: string) => Promise<ModuleSummary>) | undefined;
  while (queue.length > 0) {
    const c = queue.shift()!;
    if (out.has(c)) continue;
    const cached = c.file.oid ? cache?.get(c.file.oid) : undefined;
    let summary = cached?.version === SUMMARY_VERSION ? cached : undefined;
    if (!summary) {
      // the parser loads only when a file actually needs parsing
      summarize ??= (await import('../python/summarize.js')).summarizeModule;
      summary = await summarize(c.file.text);
      if (c.file.oid) cache?.set(c.file.oid, summary);
    }
    out.set(c, summary);
    for (const dep of importsOf(c.name, c.isPackage, summary)) {
      const next = byName.get(dep);
      if (next && !out.has(next)) queue.push(next);
    }
  }
  return out;
}
