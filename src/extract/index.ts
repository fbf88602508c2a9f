// extractSchema: Python model files to the canonical Schema, statically (no Python is run).
import { posix } from 'node:path';
import type { SourceFile } from '../git/types.js';
import { SUMMARY_VERSION, type ModuleSummary, type Stmt } from '../python/summary.js';
import type { Diagnostic, Dialect, Directive, Schema } from '../schema/types.js';
import { buildSchema } from './build.js';
import { dynamicImports, importsOf, isTestModule, modelMatcher, type ModelMatcher } from './discovery.js';
import { readDirectives } from './directives.js';
import { knownTables } from './known-tables.js';
import { outlineOf, type ModuleOutline } from './outline.js';
import { scanScope } from './scan-scope.js';
import { moduleNameFor, sourceRoots, withParentPackages } from './module-names.js';
import { projectRoots } from './project-roots.js';
import { mergeProjects } from './projects.js';
import type { ModuleInfo } from './values.js';
import { shimModules } from './library-shims.js';
import { messages } from './messages.js';

export interface SummaryCache {
  get(oid: string): ModuleSummary | undefined;
  set(oid: string, s: ModuleSummary): void;
  /** the module's outline, only when the summary is stored too: its body is then decoded if it is evaluated */
  outline?(oid: string): ModuleOutline | undefined;
}

export interface ExtractOptions {
  dialect: Dialect;
  cache?: SummaryCache;
  /** globs of model files; by default, files that import SQLAlchemy, SQLModel or Flask-SQLAlchemy or use its names (discovery.ts) */
  models?: string[];
  /**
   * Scan only the modules the changed files can reach (see scan-scope.ts): a partial schema, holding the
   * tables those modules build (names still resolve across the whole project; foreign keys to tables not built
   * read them from `known`, the whole schema of the same files before the change). When the change reaches half
   * the modules or more, everything is scanned and the result has no `scanned`.
   */
  partial?: { changed: ReadonlySet<string>; known: Schema };
}

export interface ExtractResult {
  schema: Schema;
  directives: Directive[];
  /** with `partial`: the files scanned */
  scanned?: string[];
  /** with `partial`: every file read (the model files and what they import), scanned or not */
  read?: string[];
}

interface Candidate {
  file: SourceFile;
  name: string;
  isPackage: boolean;
}

export async function extractSchema(files: SourceFile[], options: ExtractOptions): Promise<ExtractResult> {
  const isModel = modelMatcher(options.models);
  // a test module is not read, unless the configuration's model globs name it
  const isClaimed = options.models && options.models.length > 0 ? isModel : () => false;
  const python = [...files]
    .filter((f) => f.path.endsWith('.py') && (!isTestModule(f.path, f.text) || isClaimed(f.path, f.text)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const projectOf = projectRoots(python);
  const projects = new Map<string, SourceFile[]>();
  for (const f of python) {
    const project = projectOf(f.path);
    const sources = projects.get(project);
    if (sources) sources.push(f);
    else projects.set(project, [f]);
  }
  if (projects.size <= 1) return (await extractProject(python, [...projects.keys()][0] ?? '', isModel, options)).result;
  const { partial } = options;
  // for a change, only the projects it touches are extracted; check/partial.ts keeps the others' tables as they were
  const touched = partial && new Set([...partial.changed].map(projectOf));
  const results: ExtractResult[] = [];
  for (const [project, sources] of projects) {
    if (touched && !touched.has(project)) continue;
    const { result, files: read } = await extractProject(sources, project, isModel, options);
    results.push(partial && !result.scanned ? { ...result, scanned: read, read } : result);
  }
  const merged = mergeProjects(results, partial !== undefined);
  merged.schema.diagnostics = sortDiagnostics(merged.schema.diagnostics);
  return merged;
}

/** One Python project: its modules named from its own roots, so two services' `app` packages stay apart; `files`: the modules read. */
async function extractProject(python: SourceFile[], project: string, isModel: ModelMatcher, options: ExtractOptions): Promise<{ result: ExtractResult; files: string[] }> {
  const roots = sourceRoots(python.map((f) => f.path), project);
  const byName = new Map<string, Candidate>();
  const diagnostics: Diagnostic[] = [];
  for (const file of python) {
    const mod = moduleNameFor(file.path, roots);
    if (mod && !byName.has(mod.name)) byName.set(mod.name, { file, ...mod });
    else if (!mod && isModel(file.path, file.text)) diagnostics.push({ file: file.path, line: 1, severity: 'warning', message: messages.notAModule });
  }
  const models = [...byName.values()].filter((c) => isModel(c.file.path, c.file.text));
  const summaries = await summarizeClosure(withPackages(models, byName), byName, options.cache);
  await addFactoryCallers(summaries, byName, options.cache);
  const directives: Directive[] = [];
  const modules: ModuleInfo[] = [];
  for (const [c, { outline, body }] of summaries) {
    modules.push(moduleInfo(c, outline, body));
    for (const e of outline.errors) diagnostics.push({ file: c.file.path, line: e.line, severity: e.severity ?? 'error', message: messages.syntaxError(e.message) });
    directives.push(...readDirectives(c.file.path, outline.directives, diagnostics));
  }
  // every module of the closure runs when the models are imported: a table one builds through a helper counts
  const scope = options.partial && partialScope(summaries, options.partial.changed, roots);
  const scanned = scope ? modules.filter((m) => scope.has(m.name)) : modules;
  const known = scope && options.partial ? knownTables(options.partial.known, new Set([...scanned.map((m) => m.file), ...options.partial.changed])) : undefined;
  const shims = await shimModules(importedTopLevels(summaries.values()), async (text) => (await summarizer())(text));
  // shims are scanned too, for the @compiles functions they register (sqlalchemy-utc's utcnow())
  const schema = buildSchema([...modules, ...namespacePackages(modules, byName), ...shims], [...scanned, ...shims], options.dialect, diagnostics, known);
  // one order whatever the scan order was, so a schema assembled from parts reads as a whole one does
  schema.diagnostics = sortDiagnostics(schema.diagnostics);
  const files = modules.map((m) => m.file);
  return { result: { schema, directives, ...(scope ? { scanned: scanned.map((m) => m.file), read: files } : {}) }, files };
}

/** The top-level names of what the modules import absolutely (`sqlalchemy_utils` for `from sqlalchemy_utils import X`). */
function importedTopLevels(loaded: Iterable<Loaded>): Set<string> {
  const out = new Set<string>();
  for (const { outline } of loaded) {
    for (const s of outline.imports) {
      if (s.k === 'import') for (const n of s.names) out.add(n.name.split('.')[0]!);
      else if (s.level === 0) out.add(s.module.split('.')[0]!);
    }
  }
  return out;
}

/**
 * PEP 420 namespace packages: a directory of modules with no `__init__.py` (polimedica's `src/university`), so that
 * `import university.database.orm` binds a package whose attributes are its submodules. Its file is the directory.
 */
function namespacePackages(modules: readonly ModuleInfo[], byName: ReadonlyMap<string, Candidate>): ModuleInfo[] {
  const out = new Map<string, ModuleInfo>();
  for (const m of modules) {
    const parts = m.name.split('.');
    let dir = m.isPackage ? posix.dirname(m.file) : m.file.slice(0, -'.py'.length);
    for (let n = parts.length - 1; n > 0; n--) {
      dir = posix.dirname(dir);
      const name = parts.slice(0, n).join('.');
      if (!byName.has(name) && !out.has(name)) out.set(name, { name, file: dir, isPackage: true, namespace: true, factories: [], body: [] });
    }
  }
  return [...out.values()];
}

/** The modules to scan for a change; undefined when that is most of them (a whole scan is then cheaper). */
function partialScope(summaries: Map<Candidate, Loaded>, changed: ReadonlySet<string>, roots: string[]): Set<string> | undefined {
  const names = new Set([...changed].flatMap((path) => moduleNameFor(path, roots)?.name ?? []));
  const modules = [...summaries].map(([c, { outline }]) => ({ name: c.name, isPackage: c.isPackage, file: c.file.path, imports: outline.imports, effects: outline.effects, calls: outline.calls }));
  const scope = scanScope(modules, { files: changed, names });
  const reached = modules.filter((m) => scope.has(m.name)).length;
  return reached * 2 <= modules.length ? scope : undefined;
}

/** The model modules and the packages Python runs before each (`app/__init__.py` for `app.models`). */
function withPackages(models: Candidate[], byName: Map<string, Candidate>): Candidate[] {
  const out = new Set<Candidate>();
  for (const m of models) {
    for (const name of withParentPackages(m.name)) {
      const c = byName.get(name);
      if (c) out.add(c);
    }
  }
  return [...out];
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

/** A module as the closure found it: its outline now, its body when something reads it. */
interface Loaded {
  outline: ModuleOutline;
  body: () => Stmt[];
}

function moduleInfo(c: Candidate, outline: ModuleOutline, load: () => Stmt[]): ModuleInfo {
  let body: Stmt[] | undefined;
  return {
    name: c.name,
    file: c.file.path,
    isPackage: c.isPackage,
    factories: outline.factories,
    get body() {
      return (body ??= load());
    },
  };
}

let summarizing: Promise<(text: string) => Promise<ModuleSummary>> | undefined;

/** The parser loads only when a file actually needs parsing, and its module is imported once per process. */
function summarizer(): Promise<(text: string) => Promise<ModuleSummary>> {
  summarizing ??= import('../python/summarize.js').then((m) => m.summarizeModule);
  return summarizing;
}

/**
 * Parses the model files and, transitively, every in-repo module they import (what the cache holds is not parsed),
 * into `out` (a closure found before, to extend). `loaded`: modules already read, not read again.
 */
async function summarizeClosure(models: Candidate[], byName: Map<string, Candidate>, cache: SummaryCache | undefined, out = new Map<Candidate, Loaded>(), loaded = new Map<Candidate, Loaded>()): Promise<Map<Candidate, Loaded>> {
  const queue = [...models];
  while (queue.length > 0) {
    const c = queue.shift()!;
    if (out.has(c)) continue;
    const module = loaded.get(c) ?? (await loadModule(c, cache));
    out.set(c, module);
    for (const deps of [importsOf(c.name, c.isPackage, module.outline.imports), dynamicImports(c.file.text, byName.keys())]) {
      for (const dep of deps) {
        const next = byName.get(dep);
        if (next && !out.has(next)) queue.push(next);
      }
    }
  }
  return out;
}

async function loadModule(c: Candidate, cache: SummaryCache | undefined): Promise<Loaded> {
  const oid = c.file.oid;
  const cached = oid === undefined ? undefined : cachedModule(cache, oid, c.file.path);
  if (cached) return cached;
  const summary = withDecodeProblem(await (await summarizer())(c.file.text), c.file.decodeProblem);
  if (oid) cache?.set(oid, summary);
  return { outline: outlineOf(summary), body: () => summary.body };
}

/**
 * A module that names no ORM construct but calls, at import time, a factory a model module defines
 * (scrapydweb's view module runs `create_jobs_table(server)` for each configured server) makes tables as Python
 * imports it: it is read too, with what it imports. Only a file that spells such a call is parsed, and it is kept
 * when it imports a module that defines a factory.
 */
async function addFactoryCallers(closure: Map<Candidate, Loaded>, byName: Map<string, Candidate>, cache: SummaryCache | undefined): Promise<void> {
  const makers = new Set([...closure].filter(([, { outline }]) => outline.factories.length > 0).map(([c]) => c.name));
  if (makers.size === 0) return;
  const names = [...new Set([...closure.values()].flatMap(({ outline }) => outline.factories))];
  const spelled = new RegExp(`\\b(?:${names.join('|')})\\s*\\(`);
  const candidates = [...byName.values()].filter((c) => !closure.has(c) && spelled.test(c.file.text));
  const read = new Map<Candidate, Loaded>();
  for (const c of candidates) read.set(c, await loadModule(c, cache));
  const callers = candidates.filter((c) => importsOf(c.name, c.isPackage, read.get(c)!.outline.imports).some((name) => makers.has(name)));
  if (callers.length > 0) await summarizeClosure(withPackages(callers, byName), byName, cache, closure, read);
}

/** A decoding problem is the file's own, as a syntax error is: it is kept (and cached) with its summary. */
function withDecodeProblem(summary: ModuleSummary, problem: SourceFile['decodeProblem']): ModuleSummary {
  if (!problem) return summary;
  const first = { line: problem.line, message: problem.message, ...(problem.severity === 'warning' ? { severity: 'warning' as const } : {}) };
  return { ...summary, errors: [first, ...summary.errors] };
}

function cachedModule(cache: SummaryCache | undefined, oid: string, file: string): Loaded | undefined {
  const outline = cache?.outline?.(oid);
  if (outline?.version === SUMMARY_VERSION) {
    return {
      outline,
      body: () => {
        const summary = cache!.get(oid);
        // outline() vouches that the summary is stored: a miss here is a bug, reported as an internal error
        if (summary === undefined) throw new Error(`the cached summary of ${file} could not be read`);
        return summary.body;
      },
    };
  }
  const summary = cache?.get(oid);
  return summary?.version === SUMMARY_VERSION ? { outline: outlineOf(summary), body: () => summary.body } : undefined;
}
