// Turns tree-sitter statement nodes (module, class and function bodies) into summary statements.
import type { Node } from 'web-tree-sitter';
import { convertArgs, convertExpr, convertParams, kids, textOf, typeOf, type ConvertContext } from './convert-expr.js';
import { convertMatch } from './convert-match.js';
import { parseFromImport, parseImport } from './fast-imports.js';
import { parseSimpleStatement } from './fast-parse.js';
import { FastPathError } from './fast-tokens.js';
import type { ClassDef, ExceptClause, Expr, FunctionDef, ImportName, Stmt, WithItem } from './summary.js';

/**
 * Where a block sits decides how much of its functions is summarised: a record class (`@dataclass`, a NamedTuple)
 * keeps every method, as settings objects compute names and lengths in them (`settings.table("drivers")`).
 */
type Scope = 'module' | 'class' | 'record' | 'function';

/**
 * Special methods an expression runs on a project object (operator-methods.ts): a column-spec algebra's `a | b`,
 * `sorted()` over specs, a spec called with its name, an attribute dict's `__getattr__`, an enum's `__str__` giving
 * its values as text (`Enum(*[str(s) for s in Status])`).
 */
const OPERATOR_METHODS = [
  '__str__', '__format__', '__call__', '__getattr__', '__getitem__', '__iter__', '__len__', '__neg__', '__pos__', '__invert__',
  '__lt__', '__le__', '__gt__', '__ge__', '__eq__', '__ne__',
  ...['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'matmul', 'or', 'and', 'xor', 'lshift', 'rshift'].flatMap((op) => [`__${op}__`, `__r${op}__`]),
];

/**
 * Methods whose body can shape the schema even without a decorator (TypeDecorator and UserDefinedType hooks,
 * constructors, subclass hooks, a descriptor's `__get__` giving a `__tablename__` or `__set_name__` setting a
 * column, a `__class_getitem__` making a mixin, a context manager's `__enter__` / `__exit__` around model classes).
 */
const SCHEMA_METHODS = new Set(['load_dialect_impl', 'get_col_spec', '__init__', '__new__', '__init_subclass__', '__get__', '__set_name__', '__class_getitem__', '__enter__', '__exit__', '__post_init__', ...OPERATOR_METHODS]);

/**
 * Decorators that never make a method part of the mapping: their bodies are not summarised. Not staticmethod:
 * status classes compute the values of an Enum column with one (`Enum(*[Status.to_string(s) for s in ...])`); not
 * property and cached_property, which settings objects compute lengths and names with, nor a property's setter
 * (`layout.prefix = "_News_"` runs it); not hybrid_property and its `.expression`, which read on the class give a
 * column a foreign key can name.
 */
const PLAIN_DECORATORS = new Set([
  'hybrid_method', 'validates', 'deleter',
  'comparator', 'reconstructor', 'memoize', 'cache', 'lru_cache', 'overload',
  'abstractmethod', 'override', 'listens_for', 'route', 'wraps', 'contextmanager',
]);

function decoratorName(e: Expr): string {
  const target = e.k === 'call' ? e.fn : e;
  return target.k === 'name' ? target.id : target.k === 'attr' ? target.name : '';
}

export function convertBlock(cx: ConvertContext, block: Node, scope: Scope): Stmt[] {
  const out: Stmt[] = [];
  for (const child of kids(cx, block)) {
    if (cx.hasError && child.hasError) convertBroken(cx, child, scope, out);
    else convertStatement(cx, child, scope, out);
  }
  return out;
}

/**
 * A statement holding a syntax error may have any shape (an `if` with no condition, a class with no body): what
 * cannot be converted is left out. The file's errors are reported with their lines (summarize.ts), so nothing is
 * lost silently.
 */
function convertBroken(cx: ConvertContext, node: Node, scope: Scope, out: Stmt[]): void {
  const kept = out.length;
  try {
    convertStatement(cx, node, scope, out);
  } catch {
    out.length = kept;
  }
}

function convertStatement(cx: ConvertContext, node: Node, scope: Scope, out: Stmt[]): void {
  const type = typeOf(cx, node);
  const line = node.startPosition.row + 1;
  switch (type) {
    case 'expression_statement':
      if (cx.fast && fastStatement(cx, node, line, out)) return;
      return convertExpressionStatement(cx, node, line, out);
    case 'class_definition':
      out.push(convertClass(cx, node, [], line));
      return;
    case 'function_definition':
      out.push(convertFunction(cx, node, [], scope, line));
      return;
    case 'decorated_definition':
      return convertDecorated(cx, node, scope, out);
    case 'import_statement':
      if (cx.fast && !cx.hasError && fastImport(cx, node, parseImport, line, out)) return;
      out.push({ k: 'import', names: importNames(cx, kids(cx, node)), line });
      return;
    case 'import_from_statement':
      if (cx.fast && !cx.hasError && fastImport(cx, node, parseFromImport, line, out)) return;
      out.push(convertFromImport(cx, node, line));
      return;
    case 'if_statement':
      out.push(convertIf(cx, node, scope, line));
      return;
    case 'for_statement': {
      const [target, iter] = kids(cx, node);
      const body = node.childForFieldName('body');
      const alternative = node.childForFieldName('alternative');
      const elseBlock = alternative ? kids(cx, alternative).find((c) => typeOf(cx, c) === 'block') : undefined;
      const loop: Stmt = { k: 'for', target: convertExpr(cx, target!), iter: convertExpr(cx, iter!), body: body ? convertBlock(cx, body, scope) : [], line };
      if (elseBlock) loop.orelse = convertBlock(cx, elseBlock, scope);
      out.push(loop);
      return;
    }
    case 'while_statement': {
      const [test] = kids(cx, node);
      const body = node.childForFieldName('body');
      const alternative = node.childForFieldName('alternative');
      const elseBlock = alternative ? kids(cx, alternative).find((c) => typeOf(cx, c) === 'block') : undefined;
      const loop: Stmt = { k: 'while', test: convertExpr(cx, test!), body: body ? convertBlock(cx, body, scope) : [], line };
      if (elseBlock) loop.orelse = convertBlock(cx, elseBlock, scope);
      out.push(loop);
      return;
    }
    case 'break_statement':
      out.push({ k: 'break', line });
      return;
    case 'continue_statement':
      out.push({ k: 'continue', line });
      return;
    case 'return_statement': {
      const value = kids(cx, node)[0];
      out.push({ k: 'return', value: value ? convertExpr(cx, value) : null, line });
      return;
    }
    case 'try_statement':
      out.push(convertTry(cx, node, scope, line));
      return;
    case 'with_statement':
      out.push(convertWith(cx, node, scope, line));
      return;
    case 'raise_statement': {
      const [exc] = kids(cx, node);
      out.push({ k: 'raise', exc: exc ? convertExpr(cx, exc) : null, line });
      return;
    }
    case 'match_statement':
      out.push(convertMatch(cx, node, line, (c, block) => convertBlock(c, block, scope)));
      return;
    case 'type_alias_statement': {
      const [left, right] = kids(cx, node);
      const name = left ? convertExpr(cx, left) : undefined;
      // `type Opt[T] = T | None`: the name subscripted by its parameters (`V: int` bounded, `*Ts` unpacked)
      const params = name?.k === 'sub' ? typeParams(name.index) : undefined;
      const alias = name?.k === 'sub' && params ? name.obj : name;
      if (alias?.k === 'name' && right) out.push({ k: 'typealias', name: alias.id, ...(params ? { params } : {}), value: convertExpr(cx, right), line });
      else out.push({ k: 'other', line });
      return;
    }
    case 'assert_statement': {
      const [test] = kids(cx, node);
      out.push(test ? { k: 'assert', test: convertExpr(cx, test), line } : { k: 'other', line });
      return;
    }
    case 'delete_statement': {
      const [what] = kids(cx, node);
      const targets = !what ? [] : typeOf(cx, what) === 'expression_list' ? kids(cx, what) : [what];
      out.push({ k: 'del', targets: targets.map((t) => convertExpr(cx, t)), line });
      return;
    }
    case 'future_import_statement':
      // kept: under `annotations`, SQLAlchemy resolves a class's annotations module names first
      if (cx.fast && !cx.hasError && fastImport(cx, node, parseFromImport, line, out)) return;
      out.push({ k: 'from', module: '__future__', level: 0, names: importNames(cx, kids(cx, node)), line });
      return;
    case 'nonlocal_statement':
    case 'global_statement':
      out.push({ k: type === 'global_statement' ? 'global' : 'nonlocal', names: kids(cx, node).map((n) => textOf(cx, n)), line });
      return;
    case 'comment':
    case 'pass_statement':
      return;
    default:
      out.push({ k: 'other', line });
  }
}

/** The fast path; false when it does not handle the statement (then the nodes are converted). */
function fastStatement(cx: ConvertContext, node: Node, line: number, out: Stmt[]): boolean {
  try {
    const stmt = parseSimpleStatement(cx.src, line, node.startIndex, node.endIndex);
    if (stmt) out.push(stmt);
    return true;
  } catch (error) {
    if (error instanceof FastPathError) return false;
    throw error;
  }
}

/** Imports take the fast path only in a tree without errors: the grammar has then vouched for their shape. */
function fastImport(cx: ConvertContext, node: Node, parse: typeof parseImport, line: number, out: Stmt[]): boolean {
  try {
    out.push(parse(cx.src, line, node.startIndex, node.endIndex));
    return true;
  } catch (error) {
    if (error instanceof FastPathError) return false;
    throw error;
  }
}

function convertExpressionStatement(cx: ConvertContext, node: Node, line: number, out: Stmt[]): void {
  const children = kids(cx, node);
  const first = children[0];
  if (!first) return;
  const type = typeOf(cx, first);
  if (type === 'assignment') {
    out.push(convertAssignment(cx, first, line));
  } else if (type === 'augmented_assignment') {
    const [target, value] = kids(cx, first);
    const op = first.childForFieldName('operator');
    out.push({ k: 'aug', target: convertExpr(cx, target!), op: op ? textOf(cx, op) : '?', value: convertExpr(cx, value!), line });
  } else if (type !== 'string' || children.length > 1) {
    // a bare string is a docstring: nothing to keep
    const value = children.length > 1 ? { k: 'tuple' as const, items: children.map((c) => convertExpr(cx, c)), line } : convertExpr(cx, first);
    out.push({ k: 'expr', value, line });
  }
}

function convertAssignment(cx: ConvertContext, node: Node, line: number): Stmt {
  const targets: Expr[] = [];
  let current: Node | undefined = node;
  for (;;) {
    const children: Node[] = kids(cx, current);
    targets.push(convertExpr(cx, children[0]!));
    const annNode = children[1] && typeOf(cx, children[1]) === 'type' ? children[1] : undefined;
    const valueNode = annNode ? children[2] : children[1];
    if (annNode) {
      return { k: 'ann', target: targets[0]!, ann: convertExpr(cx, annNode), value: valueNode ? convertExpr(cx, valueNode) : null, line };
    }
    if (!valueNode) return { k: 'other', line };
    if (typeOf(cx, valueNode) !== 'assignment') return { k: 'assign', targets, value: convertExpr(cx, valueNode), line };
    current = valueNode;
  }
}

function convertClass(cx: ConvertContext, node: Node, decorators: Expr[], line: number): ClassDef {
  let name = '';
  let bases: ClassDef['bases'] = [];
  let body: Stmt[] = [];
  for (const child of kids(cx, node)) {
    const type = typeOf(cx, child);
    if (type === 'identifier') name = textOf(cx, child);
    else if (type === 'argument_list') bases = convertArgs(cx, child);
    else if (type === 'block') body = convertBlock(cx, child, isRecord(decorators, bases) ? 'record' : 'class');
  }
  return { k: 'class', name, bases, decorators, body, line };
}

function isRecord(decorators: Expr[], bases: ClassDef['bases']): boolean {
  return decorators.some((d) => decoratorName(d) === 'dataclass') || bases.some((b) => decoratorName(b.value) === 'NamedTuple');
}

function convertFunction(cx: ConvertContext, node: Node, decorators: Expr[], scope: Scope, line: number): FunctionDef {
  const nameNode = node.childForFieldName('name');
  const name = nameNode ? textOf(cx, nameNode) : '';
  // a plain method cannot shape the schema: skip it whole, the bulk of many model files. Kept: one that makes a
  // Table (a constructor run at import time may call it: Nominatim's `self._postcode_table(meta, ...)`), one that
  // only returns a value (a settings object's `def table(self, name): return self.prefix + name`, a property; not
  // `__repr__` and the like), and one that sets attributes of its object (`config.init_from(...)` at import time
  // setting `self.table_prefix`, which table names read afterwards)
  const isDecorated = decorators.some((d) => !PLAIN_DECORATORS.has(decoratorName(d)));
  const isDunder = name.startsWith('__') && name.endsWith('__');
  const mayMatter = () => makesTable(cx, node) || (!isDunder && (onlyReturns(cx, node) || setsSelf(cx, node)));
  if (scope === 'class' && !isDecorated && !SCHEMA_METHODS.has(name) && !mayMatter()) {
    return { k: 'def', name, params: [], decorators, returns: null, body: null, line };
  }
  let params: FunctionDef['params'] = [];
  let body: Stmt[] = [];
  let returns: Expr | null = null;
  const outerYields = cx.yields;
  cx.yields = 0;
  for (const child of kids(cx, node)) {
    const type = typeOf(cx, child);
    if (type === 'parameters') params = convertParams(cx, child);
    else if (type === 'type') returns = convertExpr(cx, child);
    else if (type === 'block') body = convertBlock(cx, child, 'function');
  }
  const isGenerator = cx.yields > 0;
  cx.yields = outerYields;
  return { k: 'def', name, params, decorators, returns, body, line, ...(isGenerator ? { generator: true as const } : {}) };
}

function onlyReturns(cx: ConvertContext, node: Node): boolean {
  const body = node.childForFieldName('body');
  if (!body) return false;
  const statements = kids(cx, body);
  const first = statements.length === 2 && isDocstring(cx, statements[0]!) ? 1 : 0;
  return statements.length === first + 1 && typeOf(cx, statements[first]!) === 'return_statement';
}

function isDocstring(cx: ConvertContext, node: Node): boolean {
  const only = typeOf(cx, node) === 'expression_statement' ? kids(cx, node) : [];
  return only.length === 1 && typeOf(cx, only[0]!) === 'string';
}

/** One pass over the file for all its methods: a search from each method would scan the rest of the file each time. */
function makesTable(cx: ConvertContext, node: Node): boolean {
  if (!cx.tableCalls) {
    cx.tableCalls = [];
    for (let at = cx.src.indexOf('Table('); at >= 0; at = cx.src.indexOf('Table(', at + 1)) cx.tableCalls.push(at);
  }
  return cx.tableCalls.some((at) => at >= node.startIndex && at < node.endIndex);
}

function setsSelf(cx: ConvertContext, node: Node): boolean {
  if (!cx.selfSets) {
    cx.selfSets = [];
    for (const m of cx.src.matchAll(/\bself\.[A-Za-z_]\w*\s*[-+*/|&]?=(?!=)/g)) cx.selfSets.push(m.index);
  }
  return cx.selfSets.some((at) => at >= node.startIndex && at < node.endIndex);
}

function convertDecorated(cx: ConvertContext, node: Node, scope: Scope, out: Stmt[]): void {
  const decorators: Expr[] = [];
  for (const child of kids(cx, node)) {
    const type = typeOf(cx, child);
    const line = child.startPosition.row + 1;
    if (type === 'decorator') {
      const inner = kids(cx, child)[0];
      if (inner) decorators.push(convertExpr(cx, inner));
    } else if (type === 'class_definition') {
      out.push(convertClass(cx, child, decorators, line));
    } else if (type === 'function_definition') {
      out.push(convertFunction(cx, child, decorators, scope, line));
    }
  }
}

function convertIf(cx: ConvertContext, node: Node, scope: Scope, line: number): Stmt {
  const children = kids(cx, node);
  const test = convertExpr(cx, children[0]!);
  const body = children[1] ? convertBlock(cx, children[1], scope) : [];
  let orelse: Stmt[] = [];
  const rest = children.slice(2);
  for (let i = rest.length - 1; i >= 0; i--) {
    const clause = rest[i]!;
    const parts = kids(cx, clause);
    if (typeOf(cx, clause) === 'else_clause') {
      orelse = parts[0] ? convertBlock(cx, parts[0], scope) : [];
    } else {
      const clauseLine = clause.startPosition.row + 1;
      const elifBody = parts[1] ? convertBlock(cx, parts[1], scope) : [];
      orelse = [{ k: 'if', test: convertExpr(cx, parts[0]!), body: elifBody, orelse, line: clauseLine }];
    }
  }
  return { k: 'if', test, body, orelse, line };
}

/** `with` keeps its body, and the context managers it enters with their `as` targets (`with schema_scope("raw") as s:`). */
function convertWith(cx: ConvertContext, node: Node, scope: Scope, line: number): Stmt {
  const managers: WithItem[] = [];
  let body: Stmt[] = [];
  for (const child of kids(cx, node)) {
    const type = typeOf(cx, child);
    if (type === 'block') body = convertBlock(cx, child, scope);
    else if (type === 'with_clause') {
      for (const item of kids(cx, child)) {
        const value = item.childForFieldName('value');
        if (!value) continue;
        const isAs = typeOf(cx, value) === 'as_pattern';
        const [manager, alias] = isAs ? kids(cx, value) : [value];
        const target = alias ? kids(cx, alias)[0] : undefined;
        if (manager) managers.push({ manager: convertExpr(cx, manager), target: target ? convertExpr(cx, target) : null });
      }
    }
  }
  return { k: 'block', body, managers, line };
}

/** `try` keeps its main path (body, else, finally) in order, and its `except` clauses as handlers. */
function convertTry(cx: ConvertContext, node: Node, scope: Scope, line: number): Stmt {
  const body: Stmt[] = [];
  const clauses: ExceptClause[] = [];
  let tryEnd = 0;
  let finallyStart: number | undefined;
  for (const child of kids(cx, node)) {
    const type = typeOf(cx, child);
    if (type === 'block') {
      body.push(...convertBlock(cx, child, scope));
      tryEnd = body.length;
    } else if (type === 'except_clause') {
      clauses.push(convertExcept(cx, child, scope));
    } else if (type === 'else_clause' || type === 'finally_clause') {
      if (type === 'finally_clause') finallyStart = body.length;
      const block = kids(cx, child).find((c) => typeOf(cx, c) === 'block');
      if (block) body.push(...convertBlock(cx, block, scope));
    }
  }
  if (clauses.length === 0) return { k: 'block', body, line };
  return { k: 'block', body, handlers: { tryEnd, finallyStart: finallyStart ?? body.length, clauses }, line };
}

function convertExcept(cx: ConvertContext, clause: Node, scope: Scope): ExceptClause {
  let types: Expr | null = null;
  let name: string | null = null;
  let body: Stmt[] = [];
  for (const child of kids(cx, clause)) {
    const type = typeOf(cx, child);
    if (type === 'block') body = convertBlock(cx, child, scope);
    else if (type === 'as_pattern') {
      const [value, alias] = kids(cx, child);
      if (value) types = convertExpr(cx, value);
      const id = alias ? kids(cx, alias)[0] : undefined;
      name = id ? textOf(cx, id) : null;
    } else types = convertExpr(cx, child);
  }
  return { types, name, body, line: clause.startPosition.row + 1 };
}

function importNames(cx: ConvertContext, nodes: Node[]): ImportName[] {
  const names: ImportName[] = [];
  for (const child of nodes) {
    const type = typeOf(cx, child);
    if (type === 'dotted_name') names.push({ name: textOf(cx, child), alias: null });
    else if (type === 'aliased_import') {
      const [name, alias] = kids(cx, child);
      names.push({ name: textOf(cx, name!), alias: alias ? textOf(cx, alias) : null });
    }
  }
  return names;
}

function convertFromImport(cx: ConvertContext, node: Node, line: number): Stmt {
  const children = kids(cx, node);
  const moduleNode = children[0]!;
  let module = textOf(cx, moduleNode).replace(/\s+/g, '');
  let level = 0;
  if (typeOf(cx, moduleNode) === 'relative_import') {
    level = /^\.*/.exec(module)![0].length;
    module = module.slice(level);
  }
  if (children.some((c) => typeOf(cx, c) === 'wildcard_import')) return { k: 'from', module, level, names: '*', line };
  return { k: 'from', module, level, names: importNames(cx, children.slice(1)), line };
}

/** The names of a generic type alias's parameters, undefined for any it cannot name. */
function typeParams(index: Expr): string[] | undefined {
  const names = (index.k === 'tuple' ? index.items : [index]).map((p) => (p.k === 'name' ? p.id : p.k === 'other' ? /^\**\s*([A-Za-z_]\w*)/.exec(p.text)?.[1] : undefined));
  return names.every((n): n is string => n !== undefined) ? names : undefined;
}
