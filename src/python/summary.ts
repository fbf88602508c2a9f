// The plain, JSON-serialisable summary of one Python module: what extraction needs, no tree-sitter objects.

/** Bumped whenever the shape or the meaning of a summary changes, so cached summaries are not reused. */
export const SUMMARY_VERSION = 40;

/** A call argument: positional (`name` absent), keyword, `*args` (star 1) or `**kwargs` (star 2). */
export interface Arg {
  name?: string;
  star?: 1 | 2;
  value: Expr;
}

/** One `for target in iter if ...` clause of a comprehension. */
export interface CompClause {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
}

/** `with manager as target:` (target null without `as`) */
export interface WithItem {
  manager: Expr;
  target: Expr | null;
}

export interface Param {
  name: string;
  star?: 1 | 2;
  default?: Expr;
}

export interface DictItem {
  /** null for a `**spread` entry */
  key: Expr | null;
  value: Expr;
}

/** A Python expression. Every node carries its 1-based line. */
export type Expr =
  | { k: 'name'; id: string; line: number }
  | { k: 'attr'; obj: Expr; name: string; line: number }
  | { k: 'call'; fn: Expr; args: Arg[]; line: number }
  | { k: 'str'; v: string; line: number }
  | { k: 'fstr'; parts: Array<string | Expr>; line: number }
  /** an f-string field with a conversion or a format spec: `{n:03d}`, `{s!r}`, `{v:{width}}` (spec a str or fstr) */
  | { k: 'fmt'; value: Expr; conv: 'r' | 's' | 'a' | null; spec: Expr | null; line: number }
  /** `v`: the bytes, one character each (latin-1) */
  | { k: 'bytes'; v: string; line: number }
  /** `float`: written as a float (`2.0`, `1e3`), which Python prints as one */
  | { k: 'num'; v: number; float?: true; line: number }
  | { k: 'const'; v: boolean | null; line: number }
  | { k: 'ellipsis'; line: number }
  | { k: 'tuple' | 'list' | 'set'; items: Expr[]; line: number }
  | { k: 'dict'; items: DictItem[]; line: number }
  | { k: 'sub'; obj: Expr; index: Expr; line: number }
  | { k: 'bin'; op: string; left: Expr; right: Expr; line: number }
  | { k: 'unary'; op: string; arg: Expr; line: number }
  | { k: 'bool'; op: 'and' | 'or'; left: Expr; right: Expr; line: number }
  | { k: 'cmp'; ops: string[]; items: Expr[]; line: number }
  | { k: 'cond'; test: Expr; body: Expr; orelse: Expr; line: number }
  | { k: 'lambda'; params: Param[]; body: Expr; line: number }
  | { k: 'star'; value: Expr; line: number }
  /** `(name := value)` */
  | { k: 'walrus'; name: string; value: Expr; line: number }
  | { k: 'slice'; lower: Expr | null; upper: Expr | null; step: Expr | null; line: number }
  /** the first `for` clause in `target`/`iter`/`ifs`; `more`, the clauses after it (`for a in A for b in B if ...`) */
  | { k: 'comp'; kind: 'list' | 'set' | 'gen' | 'dict'; elt: Expr; value?: Expr; target: Expr; iter: Expr; ifs: Expr[]; more?: CompClause[]; line: number }
  /** `yield value`, `yield from iterable` (`from`) */
  | { k: 'yield'; value: Expr | null; from: boolean; line: number }
  | { k: 'other'; type: string; text: string; line: number };

export interface ImportName {
  name: string;
  alias: string | null;
}

/** A statement at module level, in a class body, or in a function body. */
export type Stmt =
  | { k: 'import'; names: ImportName[]; line: number }
  | { k: 'from'; module: string; level: number; names: ImportName[] | '*'; line: number }
  | { k: 'assign'; targets: Expr[]; value: Expr; line: number }
  | { k: 'ann'; target: Expr; ann: Expr; value: Expr | null; line: number }
  | { k: 'aug'; target: Expr; op: string; value: Expr; line: number }
  | { k: 'expr'; value: Expr; line: number }
  | ClassDef
  | FunctionDef
  | { k: 'return'; value: Expr | null; line: number }
  | { k: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[]; line: number }
  /** `orelse`: the `else:` block, run when the loop ends without `break` (absent when there is none) */
  | { k: 'for'; target: Expr; iter: Expr; body: Stmt[]; orelse?: Stmt[]; line: number }
  /** `orelse`: the `else:` block, run when the loop ends without `break` (absent when there is none) */
  | { k: 'while'; test: Expr; body: Stmt[]; orelse?: Stmt[]; line: number }
  | { k: 'break' | 'continue'; line: number }
  /**
   * A `with` body (`managers` the context managers it enters), or a `try` statement's main path: its block, then
   * its `else:`, then its `finally:` block, in `body`; `handlers` when it has `except` clauses (a helper's code may
   * take one, evaluate-func.ts)
   */
  | { k: 'block'; body: Stmt[]; handlers?: TryHandlers; managers?: WithItem[]; line: number }
  /** `raise X(...)` (`exc` null for a bare `raise`) */
  | { k: 'raise'; exc: Expr | null; line: number }
  /** `type Name = value` (PEP 695) */
  /** `params`: a generic alias's type parameters (`type Opt[T] = T | None`) */
  | { k: 'typealias'; name: string; params?: string[]; value: Expr; line: number }
  | { k: 'match'; subject: Expr; cases: MatchCase[]; line: number }
  | { k: 'del'; targets: Expr[]; line: number }
  /** `assert test, message` */
  | { k: 'assert'; test: Expr; line: number }
  /** `nonlocal count`: the names a nested function rebinds in the function around it */
  | { k: 'nonlocal'; names: string[]; line: number }
  /** `global count`: the names a function binds in its module */
  | { k: 'global'; names: string[]; line: number }
  | { k: 'other'; line: number };

/** Where a `try` statement's parts sit in its block's body, and its `except` clauses in order. */
export interface TryHandlers {
  /** statements before this index are the `try:` block */
  tryEnd: number;
  /** statements from this index on are the `finally:` block (the `else:` block sits between) */
  finallyStart: number;
  clauses: ExceptClause[];
}

/** `except (KeyError, AttributeError) as e:`: `types` null for a bare `except:`. */
export interface ExceptClause {
  types: Expr | null;
  name: string | null;
  body: Stmt[];
  line: number;
}

/** One `case` of a match statement: its pattern, its `if` guard, its body. */
export interface MatchCase {
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
  line: number;
}

/**
 * A `case` pattern (PEP 634) in the forms helpers use: a literal or dotted name compared with `==`, a capture,
 * `_`, alternatives, `as`, a sequence (with a `*rest` item), a mapping, a class pattern; anything else is `other`.
 */
export type Pattern =
  | { p: 'value'; value: Expr }
  | { p: 'capture'; name: string }
  | { p: 'wildcard' }
  | { p: 'or'; alts: Pattern[] }
  | { p: 'as'; pattern: Pattern; name: string }
  | { p: 'seq'; items: Pattern[] }
  /** `*rest` (name null for `*_`) inside a sequence pattern */
  | { p: 'star'; name: string | null }
  /** `{"length": n, **rest}`: a mapping holding each key, its value matching the sub-pattern */
  | { p: 'mapping'; keys: Expr[]; values: Pattern[]; rest: string | null }
  /** `int(n)`, `Point(x=0)`: an isinstance test, then its positional and keyword sub-patterns */
  | { p: 'class'; cls: Expr; args: Pattern[]; kwargs: Array<{ name: string; pattern: Pattern }> }
  | { p: 'other'; text: string };

export interface ClassDef {
  k: 'class';
  name: string;
  bases: Arg[];
  decorators: Expr[];
  body: Stmt[];
  line: number;
}

export interface FunctionDef {
  k: 'def';
  name: string;
  params: Param[];
  decorators: Expr[];
  /** the return annotation (`-> Mapped[int]` on a declared_attr) */
  returns: Expr | null;
  /** null when the method was not summarised (a plain method cannot shape the schema; its params are empty too) */
  body: Stmt[] | null;
  /** a generator function: its body yields */
  generator?: true;
  line: number;
}

/** A `# schemaguard: ...` comment: the text after the colon. */
export interface DirectiveComment {
  line: number;
  text: string;
}

/** Why Python would refuse the file (a syntax error, bytes that are not UTF-8), or a warning about reading it. */
export interface SyntaxProblem {
  line: number;
  message: string;
  /** absent for an error */
  severity?: 'warning';
}

export interface ModuleSummary {
  version: number;
  body: Stmt[];
  directives: DirectiveComment[];
  errors: SyntaxProblem[];
}
