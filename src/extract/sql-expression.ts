// SQL expressions of CHECK constraints (`CheckConstraint(status.in_(STAGES))`, `score >= 0`) and of index
// elements (`func.lower(email)`, `valid_until.is_(None)`, `score.desc().nulls_last()`), compiled as SQLAlchemy
// compiles them for DDL: literals inline, columns unqualified, operators grouped by precedence. Anything outside
// this subset gives undefined: a constraint keeps its source text, an index is reported unresolved.
import { quoteIdentifier } from '../schema/identifiers.js';
import { sqlLiteral } from '../schema/sql-literal.js';
import type { Dialect } from '../schema/types.js';
import type { ColumnRef, TableDraft } from './drafts.js';
import { columnName, columnOf, findColumn } from './references.js';
import { isSqlFunction, saSymbol } from './sa-names.js';
import type { Extraction } from './state.js';
import { isFloat, num, numberText, SQL_OPERATOR, type CallValue, type Value } from './values.js';
import { isRegisteredFunction, sqlFunctionText } from './sql-functions.js';
import { isTypeSubclass } from './type-names.js';

type Node =
  /** a column, a literal, a function call, text(): never grouped. `truth`: true() / false(); `type`: a column's */
  | { k: 'atom'; text: string; truth?: boolean; type?: string | undefined; asBoolean?: { column: Node; value: 0 | 1 } }
  /** `fn`: an operator MySQL spells as a function (`concat(a, b)`) */
  | { k: 'bin'; op: string; left: Node; right: Node; fn?: string; grouped?: true }
  | { k: 'list'; op: 'AND' | 'OR'; items: Node[] }
  | { k: 'not'; arg: Node }
  /** unary minus */
  | { k: 'neg'; arg: Node };

/** sqlalchemy.sql.operators._PRECEDENCE of the operators rendered here. */
const PRECEDENCE: Record<string, number> = { '*': 8, '%': 8, '%%': 8, NEG: 8, '+': 7, '-': 7, AND: 3, OR: 2, NOT: 5 };
const COMPARISON = 5;
/** operators that nest in themselves without parentheses (operators._natural_self_precedent) */
const SELF_NESTING = new Set(['+', '*', 'AND', 'OR', '||']);
const PYTHON_COMPARISONS: Record<string, string> = { '==': '=', '!=': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };
/** A comparison with its operands swapped (Python's reflected comparison methods). */
const MIRRORED: Record<string, string> = { '==': '==', '!=': '!=', '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** The class `func.<name>(...)` makes: a registered GenericFunction subclass, or a plain Function. */
function functionClass(v: Value): 'Function' | 'GenericFunction' | undefined {
  if (v.t !== 'call' || v.callee.t !== 'ext' || !isSqlFunction(v.callee.name)) return undefined;
  return isRegisteredFunction(v.callee.name.slice(v.callee.name.lastIndexOf('.') + 1)) ? 'GenericFunction' : 'Function';
}

const isLiteral = (v: Value): boolean => v.t === 'str' || v.t === 'num' || v.t === 'bigint' || v.t === 'bool' || v.t === 'none';
/** what `~` / `not_()` turns each comparison into (ColumnOperators' negations) */
const NEGATED: Record<string, string> = {
  '=': '!=', '!=': '=', '<': '>=', '>=': '<', '>': '<=', '<=': '>', IN: 'NOT IN', 'NOT IN': 'IN',
  LIKE: 'NOT LIKE', 'NOT LIKE': 'LIKE', ILIKE: 'NOT ILIKE', 'NOT ILIKE': 'ILIKE', IS: 'IS NOT', 'IS NOT': 'IS', BETWEEN: 'NOT BETWEEN', 'NOT BETWEEN': 'BETWEEN',
  '~': '!~', '!~': '~', '~*': '!~*', '!~*': '~*', REGEXP: 'NOT REGEXP', 'NOT REGEXP': 'REGEXP',
};
/** Ordering modifiers, as methods (`col.desc()`) and as functions (`sa.nulls_last(col)`): the words they append. */
const MODIFIERS: Record<string, string> = { desc: 'DESC', asc: 'ASC', nulls_first: 'NULLS FIRST', nullsfirst: 'NULLS FIRST', nulls_last: 'NULLS LAST', nullslast: 'NULLS LAST' };

interface Render {
  /** the extraction and table whose columns the expression may name; absent for an expression of no table */
  x?: Extraction;
  table?: TableDraft;
  dialect: Dialect;
}

export function expressionSql(x: Extraction, table: TableDraft, value: Value, dialect: Dialect): string | undefined {
  const node = toNode({ x, table, dialect }, value);
  return node && print(node, undefined);
}

/** A SQL expression of no table (a column's default): undefined when it names a column or is outside this subset. */
export function standaloneSql(value: Value, dialect: Dialect): string | undefined {
  const node = toNode({ dialect }, value);
  return node && print(node, undefined);
}

/** An index element: a column by its name, an expression as SQL. */
export function sqlOfRef(x: Extraction, table: TableDraft, ref: ColumnRef): string | undefined {
  if (ref.k === 'key') {
    const col = findColumn(table, ref.key);
    return col ? columnName(col) : ref.key;
  }
  if (ref.k === 'expr') return ref.text;
  const column = columnOf(x, table, ref.value);
  return column ? columnName(column) : expressionSql(x, table, ref.value, x.ctx.project.dialect);
}

function toNode(r: Render, v: Value): Node | undefined {
  switch (v.t) {
    case 'str':
    case 'num':
    case 'bigint':
    case 'bool':
    case 'none': {
      const text = literal(r.dialect, v);
      return text === undefined ? undefined : { k: 'atom', text };
    }
    case 'tablecol':
    case 'clsattr':
    case 'call': {
      const own = r.x && r.table && columnOf(r.x, r.table, v);
      if (own) return { ...column(r, columnName(own)), type: own.type?.name };
      return v.t === 'call' ? callNode(r, v) : undefined;
    }
    default:
      return undefined;
  }
}

function callNode(r: Render, v: CallValue): Node | undefined {
  const callee = v.callee;
  if (callee.t === 'call') return customOperator(r, callee, v.args);
  if (callee.t === 'attr') return callee.name === 'regexp_match' ? regexpNode(r, callee.obj, v) : methodNode(r, callee.obj, callee.name, v.args);
  if (callee.t !== 'ext') return undefined;
  if (callee.name === SQL_OPERATOR) return operatorNode(r, v.args);
  if (isSqlFunction(callee.name)) return functionNode(r, callee.name.slice(callee.name.lastIndexOf('.') + 1), v.args);
  const first = v.args[0];
  const symbol = saSymbol(callee);
  // `sa.desc("end_time")`: a string names a column here
  if (symbol && MODIFIERS[symbol] && first && v.args.length === 1) return modified(first.t === 'str' ? { k: 'atom', text: first.v } : toNode(r, first), MODIFIERS[symbol]);
  switch (symbol) {
    case 'and_':
    case 'or_':
      return listNode(r, saSymbol(callee) === 'and_' ? 'AND' : 'OR', v.args);
    case 'not_': {
      const arg = first && toNode(r, first);
      return arg && negate(r, arg);
    }
    // `func.lower(Column("email"))` in `__table_args__`: a Column of no table, spelled by its name (Polar)
    case 'column':
    case 'Column':
      return first?.t === 'str' ? column(r, first.v) : undefined;
    case 'literal_column':
    case 'text':
      return first?.t === 'str' ? { k: 'atom', text: first.v } : undefined;
    // `sa.literal("q")`, `sa.null()`, `sa.true()`: literals, inline
    case 'literal':
      return first && v.args.length === 1 ? atom(literal(r.dialect, first)) : undefined;
    case 'null':
      return v.args.length === 0 ? { k: 'atom', text: 'NULL' } : undefined;
    case 'true':
    case 'false': {
      const text = v.args.length === 0 ? sqlLiteral(symbol === 'true', r.dialect) : undefined;
      return text === undefined ? undefined : { k: 'atom', text, truth: symbol === 'true' };
    }
    default:
      return undefined;
  }
}

function operatorNode(r: Render, args: Value[]): Node | undefined {
  const [opValue, ...operands] = args;
  if (opValue?.t !== 'str') return undefined;
  const op = opValue.v;
  if (operands.length === 1) {
    const arg = toNode(r, operands[0]!);
    if (arg && op === '-') return { k: 'neg', arg };
    return op === '~' && arg ? negate(r, arg) : undefined;
  }
  const [leftValue, rightValue] = operands;
  // `0 < score`: Python asks the column, as `score > 0` (the literal's own comparison gives NotImplemented)
  // and `abs(x) != coalesce(y, 0)` asks coalesce first: a subclass of the left operand's class reflects first
  const mirrored = MIRRORED[op];
  const reflects = isLiteral(leftValue!) ? !isLiteral(rightValue!) : functionClass(leftValue!) === 'Function' && functionClass(rightValue!) === 'GenericFunction';
  if (mirrored && reflects) return operatorNode(r, [{ t: 'str', v: mirrored }, rightValue!, leftValue!]);
  const left = toNode(r, leftValue!);
  const right = toNode(r, rightValue!);
  if (!left || !right) return undefined;
  if (op === '&' || op === '|') {
    const [a, b] = [clauseNode(r, leftValue!), clauseNode(r, rightValue!)];
    return a && b && flatten(r, op === '&' ? 'AND' : 'OR', [a, b]);
  }
  if (op === '+') return addition(r, [leftValue!, rightValue!], left, right);
  if (op === '-' || op === '*') return { k: 'bin', op, left, right };
  // modulo: the `%` doubled for PostgreSQL's and MySQL's pyformat drivers, as a literal's is
  if (op === '%') return { k: 'bin', op: r.dialect === 'sqlite' ? '%' : '%%', left, right };
  const sqlOp = PYTHON_COMPARISONS[op];
  if (!sqlOp) return undefined;
  // `col == None`, `col != null()`: IS NULL / IS NOT NULL, as ColumnOperators.__eq__ makes them
  const isNull = rightValue!.t === 'none' || (rightValue!.t === 'call' && saSymbol(rightValue!.callee) === 'null' && rightValue!.args.length === 0);
  if (isNull && (op === '==' || op === '!=')) return { k: 'bin', op: op === '==' ? 'IS' : 'IS NOT', left, right };
  return { k: 'bin', op: sqlOp, left, right };
}

/**
 * `status.op("&")(FLAG)`: a custom operator, which has no precedence of its own (grouped inside any other operator,
 * `(status & 1) != 0`).
 */
function customOperator(r: Render, made: CallValue, args: Value[]): Node | undefined {
  const [symbol] = made.args;
  if (made.callee.t !== 'attr' || made.callee.name !== 'op' || made.args.length !== 1 || made.kwargs.size > 0 || symbol?.t !== 'str' || args.length !== 1) return undefined;
  const left = toNode(r, made.callee.obj);
  const right = toNode(r, args[0]!);
  // its text is written as given, `%` doubled for the pyformat drivers of PostgreSQL and MySQL
  const op = r.dialect === 'sqlite' ? symbol.v : symbol.v.replace(/%/g, '%%');
  return left && right && { k: 'bin', op, left, right, grouped: true };
}

/**
 * `a + b` as the left operand's type reads it (the right one's when the left is a Python literal): a String column
 * concatenates (`name || 'x'`, MySQL's `concat(name, 'x')`), another column adds. A string literal beside an
 * operand of a type not known here gives undefined.
 */
function addition(r: Render, values: [Value, Value], left: Node, right: Node): Node | undefined {
  const deciding = isLiteral(values[0]) ? right : left;
  // a String type (Enum is one) concatenates
  const type = deciding.k === 'atom' ? deciding.type : deciding.k === 'bin' && deciding.op === '||' ? 'String' : undefined;
  if (type !== undefined && isTypeSubclass(type, 'String')) return concatenation(r, left, right);
  if (type === undefined && values.some((v) => v.t === 'str')) return undefined;
  return { k: 'bin', op: '+', left, right };
}

/** `a || b`; MySQL's `concat(a, b)`. */
function concatenation(r: Render, left: Node, right: Node): Node {
  return { k: 'bin', op: '||', left, right, ...(r.dialect === 'mysql' ? { fn: 'concat' } : {}) };
}

function methodNode(r: Render, objValue: Value, name: string, args: Value[]): Node | undefined {
  const obj = toNode(r, objValue);
  if (!obj) return undefined;
  const [first, second] = args;
  if (MODIFIERS[name] && args.length === 0) return modified(obj, MODIFIERS[name]);
  switch (name) {
    case 'in_':
    case 'not_in':
    case 'notin_': {
      const items = first ? inList(r, first) : undefined;
      return items === undefined ? undefined : { k: 'bin', op: name === 'in_' ? 'IN' : 'NOT IN', left: obj, right: { k: 'atom', text: items } };
    }
    case 'like':
    case 'not_like':
    case 'notlike': {
      const pattern = likePattern(r, args);
      return pattern === undefined ? undefined : { k: 'bin', op: name === 'like' ? 'LIKE' : 'NOT LIKE', left: obj, right: { k: 'atom', text: pattern } };
    }
    case 'ilike':
    case 'not_ilike':
    case 'notilike': {
      const pattern = likePattern(r, args);
      if (pattern === undefined) return undefined;
      const op = name === 'ilike' ? 'ILIKE' : 'NOT ILIKE';
      // PostgreSQL's own ILIKE; elsewhere both sides lowered (the default compiler's visit_ilike_op_binary)
      if (r.dialect === 'postgresql') return { k: 'bin', op, left: obj, right: { k: 'atom', text: pattern } };
      return { k: 'bin', op: op.replace('ILIKE', 'LIKE'), left: { k: 'atom', text: `lower(${print(obj, undefined)})` }, right: { k: 'atom', text: `lower(${pattern})` } };
    }
    case 'startswith':
    case 'endswith':
    case 'contains': {
      const pattern = likePattern(r, args);
      // an operator with no precedence of its own: grouped inside any other (`(name LIKE 'a' || '%%') OR ...`)
      return pattern === undefined ? undefined : { k: 'bin', op: 'LIKE', left: obj, right: { k: 'atom', text: wildcarded(r.dialect, name, pattern) }, grouped: true };
    }
    case 'is_':
    case 'is_not':
    case 'isnot':
    {
      // `is_(None)`, and `is_(True)` as the dialect writes a boolean (`flag IS 1` on SQLite)
      const right = first?.t === 'none' || first?.t === 'bool' ? literal(r.dialect, first) : undefined;
      return right === undefined ? undefined : { k: 'bin', op: name === 'is_' ? 'IS' : 'IS NOT', left: obj, right: { k: 'atom', text: right } };
    }
    case 'concat': {
      const other = first && args.length === 1 ? toNode(r, first) : undefined;
      return other && concatenation(r, obj, other);
    }
    case 'between': {
      const low = first && toNode(r, first);
      const high = second && toNode(r, second);
      if (!low || !high || args.length !== 2) return undefined;
      return { k: 'bin', op: 'BETWEEN', left: obj, right: { k: 'atom', text: `${print(low, 'BETWEEN')} AND ${print(high, 'BETWEEN')}` } };
    }
    default:
      return undefined;
  }
}

/** The one string argument of `like()` and its kin, inline. */
function likePattern(r: Render, args: Value[]): string | undefined {
  const [first] = args;
  return first?.t === 'str' && args.length === 1 ? literal(r.dialect, first) : undefined;
}

/**
 * The LIKE pattern of `startswith` / `endswith` / `contains`: the value concatenated with '%' where it goes, as
 * SQLAlchemy builds it (`'a' || '%%'`, MySQL's `concat('a', '%%')`).
 */
function wildcarded(dialect: Dialect, method: string, pattern: string): string {
  const percent = literal(dialect, { t: 'str', v: '%' })!;
  const parts = method === 'startswith' ? [pattern, percent] : method === 'endswith' ? [percent, pattern] : [percent, pattern, percent];
  return dialect === 'mysql' ? `concat(${parts.join(', ')})` : parts.join(' || ');
}

/**
 * `col.regexp_match(pattern, flags=None)` as each dialect's compiler spells it: PostgreSQL `~` (`~*` for flags
 * "i", the flags inlined into the pattern otherwise), MySQL `REGEXP` (`REGEXP_LIKE(col, pattern, flags)`),
 * SQLite `REGEXP` (flags left out).
 */
function regexpNode(r: Render, objValue: Value, call: CallValue): Node | undefined {
  const obj = toNode(r, objValue);
  const [patternValue, flagsArg] = call.args;
  const flagsValue = flagsArg ?? call.kwargs.get('flags');
  const pattern = patternValue?.t === 'str' ? literal(r.dialect, patternValue) : undefined;
  if (!obj || pattern === undefined || call.args.length > 2) return undefined;
  if (flagsValue !== undefined && flagsValue.t !== 'none' && flagsValue.t !== 'str') return undefined;
  const flags = flagsValue?.t === 'str' && flagsValue.v !== '' ? flagsValue.v : undefined;
  const right = (text: string): Node => ({ k: 'atom', text });
  if (r.dialect === 'sqlite' || flags === undefined) return { k: 'bin', op: r.dialect === 'postgresql' ? '~' : 'REGEXP', left: obj, right: right(pattern) };
  if (r.dialect === 'mysql') return right(`REGEXP_LIKE(${print(obj, undefined)}, ${pattern}, ${literal(r.dialect, { t: 'str', v: flags })})`);
  if (flags === 'i') return { k: 'bin', op: '~*', left: obj, right: right(pattern) };
  return { k: 'bin', op: '~', left: obj, right: right(`CONCAT('(?', ${literal(r.dialect, { t: 'str', v: flags })}, ')', ${pattern})`) };
}

/** `IN ('a', 'b')` of literal values; an empty list compiles to an expression of its own, left alone. */
function inList(r: Render, v: Value): string | undefined {
  if (v.t !== 'seq' || v.items.length === 0) return undefined;
  // the list is bound with the type of its first value: after an int, Integer's processor truncates a float
  const first = v.items[0]!;
  const asInt = first.t === 'num' && !isFloat(first);
  const texts = v.items.map((item) => (item.t === 'none' ? undefined : literal(r.dialect, asInt && item.t === 'num' ? num(Math.trunc(item.v)) : item)));
  return texts.every((t) => t !== undefined) ? `(${texts.join(', ')})` : undefined;
}

function functionNode(r: Render, name: string, args: Value[]): Node | undefined {
  if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
  const texts: string[] = [];
  for (const arg of args) {
    const node = toNode(r, arg);
    if (!node) return undefined;
    texts.push(print(node, undefined));
  }
  return { k: 'atom', text: sqlFunctionText(name, texts, r.dialect) };
}

function listNode(r: Render, op: 'AND' | 'OR', args: Value[]): Node | undefined {
  if (args.length === 0) return undefined;
  const items: Node[] = [];
  for (const arg of args) {
    const node = clauseNode(r, arg);
    if (!node) return undefined;
    items.push(node);
  }
  return flatten(r, op, items);
}

/**
 * and_(and_(a, b), c) is one list, as BooleanClauseList builds it; true() is dropped from an AND and decides an OR,
 * false() the other way round.
 */
function flatten(r: Render, op: 'AND' | 'OR', items: Node[]): Node {
  // a Boolean column among them is compared with true where booleans are not native (`flag = 1`)
  const all = items.flatMap((n) => (n.k === 'list' && n.op === op ? n.items : [booleanColumn(n) && r.dialect !== 'postgresql' ? asBoolean(n, 1) : n]));
  const neutral = op === 'AND';
  const deciding = all.find((n) => n.k === 'atom' && n.truth === !neutral);
  if (deciding) return folded(r, deciding);
  const kept = all.filter((n) => !(n.k === 'atom' && n.truth === neutral));
  if (kept.length === 0) return folded(r, all[0]!);
  return kept.length === 1 ? kept[0]! : { k: 'list', op, items: kept };
}

/** An item of and_() / or_(): a Python bool is coerced to true() / false(), a constant that folds. */
function clauseNode(r: Render, v: Value): Node | undefined {
  if (v.t !== 'bool') return toNode(r, v);
  const text = sqlLiteral(v.v, r.dialect);
  return text === undefined ? undefined : { k: 'atom', text, truth: v.v };
}

/**
 * A list folded to one constant is SQLAlchemy's AsBoolean of it: no longer a constant to fold again, and compared
 * with true where booleans are not native (`true = 1`, SQLite's `1 = 1`).
 */
function folded(r: Render, constant: Node): Node {
  if (constant.k !== 'atom') return constant;
  return r.dialect === 'postgresql' ? { k: 'atom', text: constant.text } : asBoolean(constant, 1);
}

/** `score + 1 DESC`: the modifier follows its element, never grouped (UnaryExpression with a modifier). */
function modified(node: Node | undefined, words: string): Node | undefined {
  return node && { k: 'atom', text: `${print(node, undefined)} ${words}` };
}

function booleanColumn(node: Node): boolean {
  return node.k === 'atom' && node.type !== undefined && isTypeSubclass(node.type, 'Boolean') === true;
}

function asBoolean(column: Node, value: 0 | 1): Node {
  return { k: 'atom', text: `${printBare(column)} = ${value}`, asBoolean: { column, value } };
}

function negate(r: Render, node: Node): Node {
  if (node.k === 'not') return node.arg;
  // `~flag`: PostgreSQL's native boolean takes NOT; the other dialects compare with false (`flag = 0`), and its
  // negation with true (AsBoolean's is_false / is_true)
  if (booleanColumn(node) && r.dialect !== 'postgresql') return asBoolean(node, 0);
  if (node.k === 'atom' && node.asBoolean) return asBoolean(node.asBoolean.column, node.asBoolean.value === 0 ? 1 : 0);
  if (node.k === 'bin' && NEGATED[node.op]) return { ...node, op: NEGATED[node.op]! };
  return { k: 'not', arg: node };
}

function atom(text: string | undefined): Node | undefined {
  return text === undefined ? undefined : { k: 'atom', text };
}

function column(r: Render, name: string): Extract<Node, { k: 'atom' }> {
  return { k: 'atom', text: quoteIdentifier(name, r.dialect) };
}

/** A literal bind rendered inline (String / Integer / Boolean literal processors of each dialect). */
function literal(dialect: Dialect, v: Value): string | undefined {
  // a float renders as Python's str() of it (`2.0`); one in exponent form is left alone
  if (v.t === 'num' && isFloat(v)) return /[en]/.test(numberText(v)) ? undefined : numberText(v);
  if (v.t === 'bigint') return v.v.toString();
  return v.t === 'str' || v.t === 'num' || v.t === 'bool' ? sqlLiteral(v.v, dialect) : v.t === 'none' ? sqlLiteral(null, dialect) : undefined;
}

function precedenceOf(node: Node): number {
  if (node.k === 'atom') return Infinity;
  if (node.k === 'not') return PRECEDENCE.NOT!;
  if (node.k === 'neg') return PRECEDENCE.NEG!;
  if (node.k === 'bin' && node.grouped) return -Infinity;
  return PRECEDENCE[node.op] ?? COMPARISON;
}

/** The text of a node inside an operator: grouped when it binds no tighter (operators.is_precedent). */
function print(node: Node, against: string | undefined): string {
  const text = printBare(node);
  if (against === undefined || node.k === 'atom') return text;
  const own = node.k === 'not' ? 'NOT' : node.k === 'neg' ? 'NEG' : node.op;
  if (own === against && SELF_NESTING.has(own)) return text;
  return precedenceOf(node) <= (PRECEDENCE[against] ?? COMPARISON) ? `(${text})` : text;
}

/** `concat(a, b, c)`: a chain of one function-spelled operator is one call, as SQLAlchemy chains it. */
function fnOperands(node: Node): Node[] {
  if (node.k !== 'bin' || !node.fn) return [node];
  const side = (n: Node): Node[] => (n.k === 'bin' && n.fn === node.fn ? fnOperands(n) : [n]);
  return [...side(node.left), ...side(node.right)];
}

function printBare(node: Node): string {
  switch (node.k) {
    case 'atom':
      return node.text;
    case 'not':
      return `NOT ${print(node.arg, 'NOT')}`;
    case 'neg':
      return `-${print(node.arg, 'NEG')}`;
    case 'list':
      return node.items.map((item) => print(item, node.op)).join(` ${node.op} `);
    case 'bin': {
      if (node.fn) return `${node.fn}(${fnOperands(node).map(printBare).join(', ')})`;
      const text = `${print(node.left, node.op)} ${node.op} ${print(node.right, node.op)}`;
      // NOT IN is always bracketed: its empty form is `(col NOT IN (NULL) OR 1 = 1)` (SQLCompiler)
      return node.op === 'NOT IN' ? `(${text})` : text;
    }
  }
}
