// A module-level `try` with `except` clauses: which path runs when the module is imported. The `try` block's
// statements are read in order for one that certainly raises (an import of an in-repo module or name that does
// not exist, a lookup of a missing key, a `raise`); the first clause that catches it is the path, else the main one.
import type { Stmt } from '../python/summary.js';
import type { Ctx, Env } from './context.js';
import { evalExpr } from './evaluate.js';
import { catches, raisedClass, raisedIn } from './evaluate-func.js';
import { resolveRelative } from './module-names.js';
import { lookupInModule } from './resolve.js';
import type { TryStmt } from './scope.js';
import { builtinException, type Value } from './values.js';

/** The clause that runs (-1: none, the main path) and how many statements of the `try` block ran before it. */
interface TryOutcome {
  clause: number;
  ran: number;
}

const MAIN: TryOutcome = { clause: -1, ran: Number.POSITIVE_INFINITY };
const outcomes = new WeakMap<TryStmt, TryOutcome>();


/** The statements a module's `try` statement runs at import: the try block up to what raised, then the clause, then finally. */
export function takenStatements(ctx: Ctx, stmt: TryStmt, env: Env): Stmt[] {
  const { clause, ran } = tryOutcome(ctx, stmt, env);
  if (clause === -1) return stmt.body;
  const { clauses, finallyStart } = stmt.handlers;
  return [...stmt.body.slice(0, ran), ...clauses[clause]!.body, ...stmt.body.slice(finallyStart)];
}

/** The path a module's `try` statement takes: clause -1 for the main one (nothing raised), else the clause's index. */
export function tryOutcome(ctx: Ctx, stmt: TryStmt, env: Env): TryOutcome {
  let outcome = outcomes.get(stmt);
  if (outcome === undefined) {
    // a statement that reads a name this try binds meets the path being decided: the main one, as before
    outcomes.set(stmt, MAIN);
    outcome = decide(ctx, stmt, { module: env.module, depth: 0 });
    outcomes.set(stmt, outcome);
  }
  return outcome;
}

function decide(ctx: Ctx, stmt: TryStmt, env: Env): TryOutcome {
  const tried = stmt.body.slice(0, stmt.handlers.tryEnd);
  for (const [at, s] of tried.entries()) {
    const raised = raisedBy(ctx, s, env);
    if (!raised) continue;
    // an exception no clause catches would fail the import: the module imports, so it is not what happens
    const clause = stmt.handlers.clauses.findIndex((c) => c.types === null || catches(ctx, evalExpr(ctx, c.types, env), raised) === true);
    return clause === -1 ? MAIN : { clause, ran: at };
  }
  return MAIN;
}

/** The exception class a module-level statement certainly raises; undefined when it raises none that is known. */
function raisedBy(ctx: Ctx, s: Stmt, env: Env): Value | undefined {
  switch (s.k) {
    case 'assign':
    case 'ann':
    case 'aug':
    case 'expr':
      return s.value ? raisedIn(evalExpr(ctx, s.value, env))?.raises : undefined;
    case 'raise':
      return s.exc ? raisedClass(evalExpr(ctx, s.exc, env)) : undefined;
    case 'from': {
      const module = resolveRelative(env.module.name, env.module.isPackage, s.module, s.level);
      if (module === null) return undefined;
      const names = s.names === '*' ? [] : s.names.map((n) => n.name);
      return missingImport(ctx, module, names) ? builtinException('ImportError') : undefined;
    }
    case 'import':
      return s.names.some((n) => missingImport(ctx, n.name, [])) ? builtinException('ImportError') : undefined;
    default:
      return undefined;
  }
}

/** An import of the repository's own code that cannot succeed: its module, or one of the names, is not there. */
function missingImport(ctx: Ctx, module: string, names: string[]): boolean {
  if (!ctx.project.topLevel.has(module.split('.')[0]!)) return false;
  const mod = ctx.project.modules.get(module);
  if (!mod) return true;
  return names.some((name) => !lookupInModule(ctx, mod, name) && !ctx.project.modules.has(`${module}.${name}`));
}
