// Loads web-tree-sitter and the Python grammar once per process, lazily, and compiles the .scm queries.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { Language, Parser, Query } from 'web-tree-sitter';

/** The queries shipped in src/python/queries (copied next to the compiled module by the build). */
export type QueryName = 'directive-comments' | 'syntax-errors';
const QUERY_NAMES: readonly QueryName[] = ['directive-comments', 'syntax-errors'];

export interface PythonParser {
  parser: Parser;
  language: Language;
  /** node type names by type id, to avoid a string lookup through the WASM boundary per node */
  types: readonly string[];
  queries: Record<QueryName, Query>;
}

let loading: Promise<PythonParser> | undefined;

/** Next to the module (src/, or dist/ after `npm run build` copied them); a bare `tsc` build reads src/. */
function readQuery(name: QueryName): string {
  const places = [`./queries/${name}.scm`, `../../src/python/queries/${name}.scm`];
  for (const place of places) {
    const url = new URL(place, import.meta.url);
    if (existsSync(url)) return readFileSync(url, 'utf8');
  }
  throw new Error(`tree-sitter query ${name}.scm not found next to ${import.meta.url}`);
}

/** A WASM tiering flag the user gave node themselves: theirs wins. */
const WASM_TIERING_FLAG = /--(no-)?(liftoff|liftoff-only|wasm-tier-up|wasm-dynamic-tiering)\b/;

/**
 * For a caller about to parse little (a hook's few cache misses): V8 compiles the grammar with Liftoff, then again
 * with TurboFan on a background thread, and on 2 cores that second compile (~150 ms CPU) costs more than it saves
 * on a few files (measured: `npm run bench`, scenario e). Effective only before the grammar loads.
 */
export function preferQuickWasmStartup(): void {
  if (loading !== undefined || [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => WASM_TIERING_FLAG.test(a))) return;
  setFlagsFromString('--liftoff-only');
}

export function loadPythonParser(): Promise<PythonParser> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PythonParser> {
  await Parser.init();
  const require = createRequire(import.meta.url);
  const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return { parser, language, types: language.types, queries: lazyQueries(language) };
}

/** Each query compiles on first use (~5 ms each): most files have neither a directive comment nor a syntax error. */
function lazyQueries(language: Language): Record<QueryName, Query> {
  const queries = {} as Record<QueryName, Query>;
  for (const name of QUERY_NAMES) {
    let compiled: Query | undefined;
    Object.defineProperty(queries, name, { enumerable: true, get: () => (compiled ??= new Query(language, readQuery(name))) });
  }
  return queries;
}
