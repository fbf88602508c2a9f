// Name bindings of a module or class body, built from its statements as Python would bind them.
import type { ClassDef, Expr, FunctionDef, Stmt, TryHandlers } from '../python/summary.js';
import { resolveRelative } from './module-names.js';

export type Binding =
  /** `prev`: the binding the name had before, which the expression reads (`N = N * 2`) */
  | { k: 'expr'; expr: Expr; line: number; prev?: { name: string; binding: Binding } }
  /** `a, b = x`: element `index` of x */
  /**
   * One name of an unpacking target: item `index` (from the end when negative); `rest` for a starred name, the
   * list of the items from `index` up to the last `rest` (`first, *middle, last = ...`)
   */
  | { k: 'unpack'; expr: Expr; index: number; rest?: number; line: number }
  /** `import a.b as c` binds c to a.b; `import a.b` binds a to a */
  | { k: 'module'; module: string; line: number }
  | { k: 'from'; module: string; name: string; line: number }
  /** `prev`: the binding the name had before, which the class's bases read (`class Table(Table):`) */
  | { k: 'class'; def: ClassDef; line: number; prev?: { name: string; binding: Binding } }
  | { k: 'def'; def: FunctionDef; line: number }
  /** annotation without a value (`x: int`), class bodies only */
  | { k: 'ann'; ann: Expr; line: number }
  /** `type Name = value` */
  | { k: 'alias'; name: string; params?: string[]; expr: Expr; line: number }
  /** `__all__ += [...]`: the earlier binding, changed by the operator */
  | { k: 'aug'; name: string; prev: Binding; op: string; expr: Expr; line: number }
  /** a module-level `if` / `else`: the binding each branch leaves (undefined where the name is unbound) */
  | { k: 'cond'; test: Expr; then: Binding | undefined; orelse: Binding | undefined; line: number; prev?: { name: string; binding: Binding } }
  /**
   * A module-level `try` with `except` clauses: the binding its main path leaves (try, else, finally) and the one
   * each clause's path leaves, by how many statements of the `try` block ran before the raise; chosen when the name
   * is read by what the `try` block raises (module-try.ts)
   */
  | { k: 'try'; stmt: TryStmt; main: Binding | undefined; clause: (clause: number, ran: number) => Binding | undefined; line: number }
  /**
   * A module-level `match`: the binding each case's body leaves, and the one before the statement (no case
   * matched), chosen when the name is read by the case the subject matches
   */
  | { k: 'match'; stmt: MatchStmt; cases: Array<Binding | undefined>; before: Binding | undefined; line: number };

export type TryStmt = Extract<Stmt, { k: 'block' }> & { handlers: TryHandlers };
type BlockStmt = Extract<Stmt, { k: 'block' }>;

const suppressions = new WeakMap<BlockStmt, TryStmt | null>();

/** The `try` a block is: a try statement with handlers, or a `with suppress(...)`; undefined for any other block. */
export function tryOf(stmt: BlockStmt): TryStmt | undefined {
  return suppressingTry(stmt) ?? (stmt.handlers ? (stmt as TryStmt) : undefined);
}

/**
 * `with suppress(ImportError):` (contextlib's) as the `try` it is: one clause catching those exceptions, doing
 * nothing. Undefined for any other block. The same object each time: the path a module's try takes is kept by statement.
 */
function suppressingTry(stmt: BlockStmt): TryStmt | undefined {
  let known = suppressions.get(stmt);
  if (known === undefined) {
    known = asSuppress(stmt);
    suppressions.set(stmt, known);
  }
  return known ?? undefined;
}

function asSuppress(stmt: BlockStmt): TryStmt | null {
  const [item, ...more] = stmt.managers ?? [];
  const call = item && !item.target && more.length === 0 ? item.manager : undefined;
  if (call?.k !== 'call' || call.args.some((a) => a.name !== undefined || a.star !== undefined)) return null;
  const { fn } = call;
  const isSuppress = (fn.k === 'name' && fn.id === 'suppress') || (fn.k === 'attr' && fn.name === 'suppress' && fn.obj.k === 'name' && fn.obj.id === 'contextlib');
  if (!isSuppress) return null;
  const types: Expr = { k: 'tuple', items: call.args.map((a) => a.value), line: call.line };
  const end = stmt.body.length;
  return { k: 'block', body: stmt.body, handlers: { tryEnd: end, finallyStart: end, clauses: [{ types, name: null, body: [], line: stmt.line }] }, line: stmt.line };
}
export type MatchStmt = Extract<Stmt, { k: 'match' }>;

export interface Scope {
  bindings: Map<string, Binding>;
  /**
   * A module's names bound more than once: the bindings before the last, in statement order. What the module's
   * own code reads while it runs is the binding in effect then (resolve.ts), not the last one.
   */
  earlier?: Map<string, Binding[]>;
  /** `from m import *` statements, last first: a later star import shadows an earlier one */
  stars: StarImport[];
}

export interface StarImport {
  module: string;
  line: number;
}

export interface ModuleRef {
  name: string;
  isPackage: boolean;
}

export function buildScope(body: readonly Stmt[], mod: ModuleRef | null): Scope {
  const scope: Scope = mod ? { bindings: new Map(), stars: [], earlier: new Map() } : { bindings: new Map(), stars: [] };
  bindAll(scope, body, mod, false);
  scope.stars.reverse();
  return scope;
}

/** `keepFirst`: inside an `else` branch of an undecidable `if`, the `if` branch's binding stays. */
function bindAll(scope: Scope, body: readonly Stmt[], mod: ModuleRef | null, keepFirst: boolean): void {
  const set = (name: string, b: Binding): void => {
    if (keepFirst && scope.bindings.has(name)) return;
    const prev = scope.bindings.get(name);
    if (prev && scope.earlier) scope.earlier.set(name, [...(scope.earlier.get(name) ?? []), prev]);
    // a new value that reads the name itself (`N = N * 2`, `if hasattr(SQLModel, ...): SQLModel = ...`) reads the old one
    const reads = (): boolean => (b.k === 'expr' ? mentions(b.expr, name) : b.k === 'cond' ? mentions(b.test, name) : b.k === 'class' && b.def.bases.some((a) => mentions(a.value, name)));
    if (prev && (b.k === 'expr' || b.k === 'cond' || b.k === 'class') && reads()) scope.bindings.set(name, { ...b, prev: { name, binding: prev } });
    else scope.bindings.set(name, b);
  };
  for (const stmt of body) {
    switch (stmt.k) {
      case 'assign':
        for (const target of stmt.targets) bindTarget(target, stmt.value, stmt.line, set);
        break;
      case 'ann':
        if (stmt.target.k === 'name') set(stmt.target.id, stmt.value ? { k: 'expr', expr: stmt.value, line: stmt.line } : { k: 'ann', ann: stmt.ann, line: stmt.line });
        break;
      case 'aug': {
        const prev = stmt.target.k === 'name' ? scope.bindings.get(stmt.target.id) : undefined;
        if (prev && stmt.target.k === 'name') set(stmt.target.id, { k: 'aug', name: stmt.target.id, prev, op: stmt.op.slice(0, -1), expr: stmt.value, line: stmt.line });
        break;
      }
      case 'class':
        set(stmt.name, { k: 'class', def: stmt, line: stmt.line });
        break;
      case 'def':
        set(stmt.name, { k: 'def', def: stmt, line: stmt.line });
        break;
      case 'typealias':
        set(stmt.name, { k: 'alias', name: stmt.name, ...(stmt.params ? { params: stmt.params } : {}), expr: stmt.value, line: stmt.line });
        break;
      case 'import':
        for (const n of stmt.names) {
          if (n.alias) set(n.alias, { k: 'module', module: n.name, line: stmt.line });
          else set(n.name.split('.')[0]!, { k: 'module', module: n.name.split('.')[0]!, line: stmt.line });
        }
        break;
      case 'from':
        bindFrom(scope, stmt, mod, set);
        break;
      case 'if':
        // `if TYPE_CHECKING:` is False when the code runs: its `else` binds, its body only fills gaps
        if (isTypeChecking(stmt.test)) {
          bindAll(scope, stmt.orelse, mod, keepFirst);
          bindAll(scope, stmt.body, mod, true);
        } else if (mod) {
          bindBranches(scope, stmt, mod, set);
        } else {
          bindAll(scope, stmt.body, mod, keepFirst);
          bindAll(scope, stmt.orelse, mod, true);
        }
        break;
      case 'match':
        if (mod) bindMatch(scope, stmt, mod, set);
        break;
      case 'block': {
        const tried = tryOf(stmt);
        if (tried && mod) bindTry(scope, tried, mod, set);
        else bindAll(scope, stmt.body, mod, keepFirst);
        break;
      }
      default:
        break;
    }
  }
}

/**
 * A module-level `try` with handlers: each name a path binds gets the binding of every path, the assignments of the
 * `try` block that ran before the raise standing on a clause's path where the clause does not rebind them.
 */
function bindTry(scope: Scope, stmt: TryStmt, mod: ModuleRef, set: (name: string, b: Binding) => void): void {
  const { tryEnd, finallyStart, clauses } = stmt.handlers;
  const main = branchBindings(scope, stmt.body, mod);
  const finalPart = stmt.body.slice(finallyStart);
  const pathOf = (c: number, ran: number): readonly Stmt[] => [...stmt.body.slice(0, ran), ...clauses[c]!.body, ...finalPart];
  // the names any path may bind: every statement of the try block ran, at most
  const widest = clauses.map((_, c) => branchBindings(scope, pathOf(c, tryEnd), mod));
  const names = new Set([main, ...widest].flatMap((b) => [...b].filter(([name, binding]) => scope.bindings.get(name) !== binding).map(([name]) => name)));
  // a clause's path (the try block's statements before the one that raised, the clause, finally), built when read
  const before: Scope = { bindings: new Map(scope.bindings), stars: scope.stars };
  const paths = new Map<string, Map<string, Binding>>();
  const clause = (c: number, ran: number): Map<string, Binding> => {
    const key = `${c}:${ran}`;
    let bindings = paths.get(key);
    if (!bindings) paths.set(key, (bindings = branchBindings(before, pathOf(c, ran), mod)));
    return bindings;
  };
  for (const name of names) set(name, { k: 'try', stmt, main: main.get(name), clause: (c, ran) => clause(c, ran).get(name), line: stmt.line });
}

/** A module-level `match` (`match PROFILE: case "high": SCALE = 6`): each name a case binds, by the case taken. */
function bindMatch(scope: Scope, stmt: MatchStmt, mod: ModuleRef, set: (name: string, b: Binding) => void): void {
  const cases = stmt.cases.map((c) => branchBindings(scope, c.body, mod));
  const names = new Set(cases.flatMap((b) => [...b].filter(([name, binding]) => scope.bindings.get(name) !== binding).map(([name]) => name)));
  for (const name of names) set(name, { k: 'match', stmt, cases: cases.map((b) => b.get(name)), before: scope.bindings.get(name), line: stmt.line });
}

/**
 * A module-level `if`: a name either branch binds is decided by the test when the name is read
 * (resolve.ts), never by taking one branch on trust. Class bodies keep the first branch: the class's
 * attributes are read, and undecidable branches reported, in class-body.ts.
 */
function bindBranches(scope: Scope, stmt: Extract<Stmt, { k: 'if' }>, mod: ModuleRef, set: (name: string, b: Binding) => void): void {
  const [then, orelse] = [branchBindings(scope, stmt.body, mod), branchBindings(scope, stmt.orelse, mod)];
  for (const name of new Set([...then.keys(), ...orelse.keys()])) {
    const [a, b] = [then.get(name), orelse.get(name)];
    if (a !== b) set(name, { k: 'cond', test: stmt.test, then: a, orelse: b, line: stmt.line });
  }
}

/** The bindings of the scope after one path of a statement runs (an `if` branch, a `try` path). */
function branchBindings(scope: Scope, body: readonly Stmt[], mod: ModuleRef): Map<string, Binding> {
  const inner: Scope = { bindings: new Map(scope.bindings), stars: scope.stars };
  bindAll(inner, body, mod, false);
  return inner.bindings;
}

/** Whether an expression reads the bare name anywhere (a lambda's body too). */
function mentions(e: unknown, name: string): boolean {
  if (Array.isArray(e)) return e.some((x) => mentions(x, name));
  if (e === null || typeof e !== 'object') return false;
  const node = e as { k?: unknown; id?: unknown };
  return (node.k === 'name' && node.id === name) || Object.values(e).some((x) => mentions(x, name));
}

export function isTypeChecking(test: Expr): boolean {
  return (test.k === 'name' && test.id === 'TYPE_CHECKING') || (test.k === 'attr' && test.name === 'TYPE_CHECKING');
}

function bindTarget(target: Expr, value: Expr, line: number, set: (name: string, b: Binding) => void): void {
  if (target.k === 'name') set(target.id, { k: 'expr', expr: value, line });
  else if (target.k === 'tuple' || target.k === 'list') {
    const star = target.items.findIndex((item) => item.k === 'star');
    const after = target.items.length - star - 1;
    target.items.forEach((item, i) => {
      const index = star !== -1 && i > star ? i - target.items.length : i;
      if (item.k === 'name') set(item.id, { k: 'unpack', expr: value, index, line });
      else if (item.k === 'star' && item.value.k === 'name') set(item.value.id, { k: 'unpack', expr: value, index, rest: after, line });
    });
  }
}

function bindFrom(scope: Scope, stmt: Extract<Stmt, { k: 'from' }>, mod: ModuleRef | null, set: (name: string, b: Binding) => void): void {
  const module = mod ? resolveRelative(mod.name, mod.isPackage, stmt.module, stmt.level) : stmt.level === 0 ? stmt.module : null;
  if (module === null) return;
  if (stmt.names === '*') {
    scope.stars.push({ module, line: stmt.line });
    return;
  }
  for (const n of stmt.names) set(n.alias ?? n.name, { k: 'from', module, name: n.name, line: stmt.line });
}
