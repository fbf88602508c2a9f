// A repository holding several Python projects (a monorepo's `users-api/`, `billing-service/`): each is extracted on
// its own, and their schemas are listed together (diagnostics unsorted: the caller sorts).
import type { Diagnostic } from '../schema/types.js';
import { compareTables } from './build.js';
import type { ExtractResult } from './index.js';
import { messages } from './messages.js';

/** `partial`: the results are partial extractions (with the files each scanned and read), and so is the merge. */
export function mergeProjects(results: readonly ExtractResult[], partial: boolean): ExtractResult {
  const tables = results.flatMap((r) => r.schema.tables).sort(compareTables);
  const diagnostics: Diagnostic[] = results.flatMap((r) => r.schema.diagnostics);
  // schemas are compared table by table, by name: the same name in two projects would be read as one table
  const seen = new Map<string, string>();
  for (const t of tables) {
    const key = `${t.schema ?? ''}.${t.name}`;
    const file = t.source?.file ?? '';
    const first = seen.get(key);
    if (first === undefined) seen.set(key, file);
    else diagnostics.push({ file: file || null, line: t.source?.line ?? null, severity: 'warning', message: messages.tableInTwoProjects(t.name, first) });
  }
  const [first] = results;
  return {
    schema: { version: 1, dialect: first?.schema.dialect ?? 'postgresql', tables, diagnostics },
    directives: results.flatMap((r) => r.directives),
    ...(partial ? { scanned: results.flatMap((r) => r.scanned ?? []), read: results.flatMap((r) => r.read ?? []) } : {}),
  };
}
