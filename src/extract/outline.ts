// What extraction needs of a module before, and often instead of, its body: the import statements anywhere in
// it, whether its top-level code acts on other modules, its directives and syntax errors. Small enough to cache
// beside each summary, so a partial scan decodes only the bodies it evaluates.
import type { DirectiveComment, Expr, ModuleSummary, Stmt, SyntaxProblem } from '../python/summary.js';
import { bodiesOf } from './builds-schema.js';

export type ImportStmt = Extract<Stmt, { k: 'import' | 'from' }>;

export interface ModuleOutline {
  version: number;
  /** every import statement, at any depth (module level, branches, loops, functions, class bodies), in order */
  imports: ImportStmt[];
  /** top-level code that may change what other modules define (see scan-scope.ts) */
  effects: boolean;
  /** top-level code that calls something: what it builds (a `Table(...)`, a helper's tables) is its own */
  calls: boolean;
  /** top-level functions and classes that define a class or build a table when called: model factories (see index.ts) */
  factories: string[];
  directives: DirectiveComment[];
  errors: SyntaxProblem[];
}

export function outlineOf(summary: ModuleSummary): ModuleOutline {
  const imports: ImportStmt[] = [];
  const walk = (body: readonly Stmt[]): void => {
    for (const s of body) {
      if (s.k === 'import' || s.k === 'from') imports.push(s);
      else if (s.k === 'if' || s.k === 'for') walk([...s.body, ...(s.orelse ?? [])]);
      else if (s.k === 'block' || s.k === 'class' || (s.k === 'def' && s.body)) walk(s.body ?? []);
      else if (s.k === 'match') walk(s.cases.flatMap((c) => c.body));
    }
  };
  walk(summary.body);
  const factories = factoryNames(summary.body);
  return { version: summary.version, imports, effects: hasOutsideEffects(summary.body), calls: hasTopLevelCall(summary.body), factories, directives: summary.directives, errors: summary.errors };
}

/** Calls that build a table or map a class, by the name they are called through (`sa.Table`, `db.Table` ...). */
const TABLE_MAKERS = new Set(['Table', 'map_imperatively', 'mapper', 'declarative_base']);

/**
 * Top-level functions, and classes by their methods, that make models when called: a class statement in their
 * code, a call of a table maker, or a call of another such name of the module (balrog's `AUSDatabase()` makes
 * `Rules(...)`, whose `__init__` builds `Table("rules", ...)`).
 */
function factoryNames(body: readonly Stmt[]): string[] {
  const code = new Map<string, unknown>();
  // module-level definitions, inside an `if`, `try` or loop too (`if HAS_MYSQL: class Releases(AUSTable): ...`)
  const collect = (stmts: readonly Stmt[]): void => {
    for (const s of stmts) {
      if (s.k === 'def' && s.body) code.set(s.name, s.body);
      else if (s.k === 'class') code.set(s.name, s.body.filter((m) => m.k === 'def' && m.body));
      else bodiesOf(s).forEach(collect);
    }
  };
  collect(body);
  const factories = new Set([...code].filter(([, c]) => makesModels(c, TABLE_MAKERS)).map(([name]) => name));
  for (let grew = factories.size > 0; grew; ) {
    grew = false;
    for (const [name, c] of code) {
      if (!factories.has(name) && makesModels(c, factories)) {
        factories.add(name);
        grew = true;
      }
    }
  }
  return [...factories];
}

/** A class statement anywhere in the code, or a call through one of `makers`. */
function makesModels(e: unknown, makers: ReadonlySet<string>): boolean {
  if (Array.isArray(e)) return e.some((x) => makesModels(x, makers));
  if (e === null || typeof e !== 'object') return false;
  const node = e as { k?: unknown; fn?: Expr };
  if (node.k === 'class') return true;
  if (node.k === 'call' && node.fn && makers.has(node.fn.k === 'name' ? node.fn.id : node.fn.k === 'attr' ? node.fn.name : '')) return true;
  return Object.values(e).some((x) => makesModels(x, makers));
}

const isNameTarget = (e: Expr): boolean => e.k === 'name' || ((e.k === 'tuple' || e.k === 'list') && e.items.every(isNameTarget));

/**
 * Top-level code that may change what other modules define: a bare call (`Index(...)`, `start_mappers()`),
 * an assignment to an attribute or item (`Base.metadata.naming_convention = ...`), a loop, anything unsummarised.
 */
function hasOutsideEffects(body: readonly Stmt[]): boolean {
  return body.some((s) => {
    switch (s.k) {
      case 'expr':
        return s.value.k !== 'str';
      case 'assign':
        return !s.targets.every(isNameTarget);
      case 'ann':
      case 'aug':
        return !isNameTarget(s.target);
      case 'if':
        return hasOutsideEffects(s.body) || hasOutsideEffects(s.orelse);
      case 'block':
        return hasOutsideEffects(s.body);
      case 'for':
      case 'while':
      case 'match':
      case 'raise':
      case 'other':
        return true;
      default:
        return false;
    }
  });
}

function hasTopLevelCall(body: readonly Stmt[]): boolean {
  return body.some((s) => {
    switch (s.k) {
      case 'assign':
      case 'ann':
      case 'aug':
      case 'expr':
        return containsCall(s.value);
      case 'if':
        return hasTopLevelCall(s.body) || hasTopLevelCall(s.orelse);
      case 'block':
        return hasTopLevelCall(s.body);
      default:
        return false;
    }
  });
}

/** A call anywhere in an expression (`TABLES.get(k) or build()`; a lambda's body too: more scanning is never wrong). */
export function containsCall(e: unknown): boolean {
  if (Array.isArray(e)) return e.some(containsCall);
  if (e === null || typeof e !== 'object') return false;
  return (e as { k?: unknown }).k === 'call' || Object.values(e).some(containsCall);
}
