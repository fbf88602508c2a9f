// Turns tree-sitter expression nodes into the plain expression tree of summary.ts.
import type { Node } from 'web-tree-sitter';
import { numberLiteral } from './number-literal.js';
import { bytesValue, splitLiteral, stringValue, unescapePython } from './string-literal.js';
import type { Arg, CompClause, DictItem, Expr, Param } from './summary.js';

/** What every converter needs: the source text and the grammar's type names by id. */
export interface ConvertContext {
  src: string;
  types: readonly string[];
  /** parse simple statements from their text (fast-parse.ts) instead of walking their nodes */
  fast: boolean;
  /** the tree has an error somewhere (then only expression statements take the fast path) */
  hasError: boolean;
  /** where the source has `Table(`, found on first need (a plain method that makes a table keeps its body) */
  tableCalls?: number[];
  /** where the source assigns an attribute of `self` (`self.prefix = ...`), found on first need */
  selfSets?: number[];
  /** the `yield` expressions converted in the function being converted (it is a generator when any) */
  yields?: number;
}

const OTHER_TEXT_LIMIT = 120;

export function typeOf(cx: ConvertContext, node: Node): string {
  return cx.types[node.typeId] ?? 'ERROR';
}

/** Extras that may sit anywhere between a node's children. */
const EXTRAS = new Set(['comment', 'line_continuation']);

/**
 * An extra starts with `#` or `\`; the source character rules most nodes out without asking the WASM side for a
 * type (a call per node, a third of the tree walk), and the type confirms the rest.
 */
function isExtra(cx: ConvertContext, node: Node): boolean {
  const c = cx.src.charCodeAt(node.startIndex);
  return (c === 35 || c === 92) && EXTRAS.has(typeOf(cx, node));
}

/** Named children without extras (comments, backslash continuations). */
export function kids(cx: ConvertContext, node: Node): Node[] {
  const all = node.namedChildren as Node[];
  for (const child of all) {
    if (isExtra(cx, child)) return all.filter((c) => !isExtra(cx, c));
  }
  return all;
}

export function textOf(cx: ConvertContext, node: Node): string {
  return cx.src.slice(node.startIndex, node.endIndex);
}

function other(cx: ConvertContext, node: Node, type: string, line: number): Expr {
  const end = Math.min(node.endIndex, node.startIndex + OTHER_TEXT_LIMIT);
  return { k: 'other', type, text: cx.src.slice(node.startIndex, end), line };
}

export function convertExpr(cx: ConvertContext, node: Node): Expr {
  const type = typeOf(cx, node);
  const line = node.startPosition.row + 1;
  switch (type) {
    case 'identifier':
      return { k: 'name', id: textOf(cx, node), line };
    case 'attribute': {
      const [obj, name] = kids(cx, node);
      return starOutside(convertExpr(cx, obj!), line, (base, at) => ({ k: 'attr', obj: base, name: name ? textOf(cx, name) : '', line: at }));
    }
    case 'call': {
      const [fn, argList] = kids(cx, node);
      const args = argList && typeOf(cx, argList) === 'argument_list' ? convertArgs(cx, argList) : [];
      if (argList && typeOf(cx, argList) === 'generator_expression') args.push({ value: convertExpr(cx, argList) });
      return starOutside(convertExpr(cx, fn!), line, (base, at) => ({ k: 'call', fn: base, args, line: at }));
    }
    case 'string':
      return convertString(cx, node, line);
    case 'concatenated_string':
      // each part's fields carry the line of the part they are written in, as the fast path gives them
      return joinStrings(kids(cx, node).map((s) => convertString(cx, s, s.startPosition.row + 1)), line);
    case 'integer':
    case 'float':
      return convertNumber(cx, node, line);
    case 'true':
    case 'false':
      return { k: 'const', v: type === 'true', line };
    case 'none':
      return { k: 'const', v: null, line };
    case 'ellipsis':
      return { k: 'ellipsis', line };
    case 'named_expression': {
      const [name, value] = kids(cx, node);
      return name && value ? { k: 'walrus', name: textOf(cx, name), value: convertExpr(cx, value), line } : other(cx, node, type, line);
    }
    case 'parenthesized_expression': {
      const inner = kids(cx, node)[0];
      return inner ? convertExpr(cx, inner) : other(cx, node, type, line);
    }
    case 'type':
    case 'type_parameter':
    case 'generic_type':
    case 'union_type':
      return convertTypeNode(cx, node, type, line);
    case 'tuple':
    case 'expression_list':
    case 'pattern_list':
    case 'tuple_pattern':
      return { k: 'tuple', items: kids(cx, node).map((c) => convertExpr(cx, c)), line };
    case 'list':
    case 'list_pattern':
      return { k: 'list', items: kids(cx, node).map((c) => convertExpr(cx, c)), line };
    case 'set':
      return { k: 'set', items: kids(cx, node).map((c) => convertExpr(cx, c)), line };
    case 'dictionary':
      return { k: 'dict', items: kids(cx, node).map((c) => convertDictItem(cx, c)), line };
    case 'subscript': {
      const [obj, ...index] = kids(cx, node);
      const idx = index.length === 1 ? convertExpr(cx, index[0]!) : { k: 'tuple' as const, items: index.map((c) => convertExpr(cx, c)), line };
      return starOutside(convertExpr(cx, obj!), line, (base, at) => ({ k: 'sub', obj: base, index: idx, line: at }));
    }
    case 'list_splat':
    case 'list_splat_pattern':
      return { k: 'star', value: convertExpr(cx, kids(cx, node)[0]!), line };
    case 'slice':
      return convertSlice(cx, node, line);
    default:
      return convertOperator(cx, node, type, line);
  }
}

/**
 * The grammar reads `[*d.keys()]` (and a starred target, `*a.b[0] = ...`) as `(*d).keys()`: a star found at the base
 * of an attribute, call or subscript is moved back out around it, as Python reads it.
 */
function starOutside(base: Expr, line: number, wrap: (base: Expr, line: number) => Expr): Expr {
  // the chain starts where its first operand does, not at the star
  return base.k === 'star' ? { k: 'star', value: wrap(base.value, base.value.line), line: base.line } : wrap(base, line);
}

function convertOperator(cx: ConvertContext, node: Node, type: string, line: number): Expr {
  switch (type) {
    case 'binary_operator':
    case 'boolean_operator': {
      const [left, right] = kids(cx, node);
      const op = node.childForFieldName('operator');
      const opText = op ? textOf(cx, op) : '?';
      if (type === 'boolean_operator') {
        return { k: 'bool', op: opText === 'and' ? 'and' : 'or', left: convertExpr(cx, left!), right: convertExpr(cx, right!), line };
      }
      return { k: 'bin', op: opText, left: convertExpr(cx, left!), right: convertExpr(cx, right!), line };
    }
    case 'unary_operator':
    case 'not_operator': {
      const op = type === 'not_operator' ? 'not' : textOf(cx, node.childForFieldName('operator')!);
      return { k: 'unary', op, arg: convertExpr(cx, kids(cx, node)[0]!), line };
    }
    case 'comparison_operator': {
      const ops = (node.children as Node[]).filter((c) => !c.isNamed).map((c) => textOf(cx, c).replace(/\s+/g, ' '));
      return { k: 'cmp', ops, items: kids(cx, node).map((c) => convertExpr(cx, c)), line };
    }
    case 'conditional_expression': {
      const [body, test, orelse] = kids(cx, node);
      return { k: 'cond', test: convertExpr(cx, test!), body: convertExpr(cx, body!), orelse: convertExpr(cx, orelse!), line };
    }
    case 'yield': {
      cx.yields = (cx.yields ?? 0) + 1;
      const [value] = kids(cx, node);
      return { k: 'yield', value: value ? convertExpr(cx, value) : null, from: /^yield\s+from\b/.test(textOf(cx, node)), line };
    }
    case 'lambda': {
      const params = node.childForFieldName('parameters');
      const body = node.childForFieldName('body');
      return { k: 'lambda', params: params ? convertParams(cx, params) : [], body: convertExpr(cx, body!), line };
    }
    case 'list_comprehension':
    case 'set_comprehension':
    case 'generator_expression':
    case 'dictionary_comprehension':
      return convertComprehension(cx, node, type, line);
    default:
      return other(cx, node, type, line);
  }
}

function convertTypeNode(cx: ConvertContext, node: Node, type: string, line: number): Expr {
  const children = kids(cx, node);
  if (type === 'type') return children.length === 1 ? convertExpr(cx, children[0]!) : other(cx, node, type, line);
  if (type === 'type_parameter') {
    const items = children.map((c) => convertExpr(cx, c));
    return items.length === 1 ? items[0]! : { k: 'tuple', items, line };
  }
  // `Callable[[str], str] | None`: the same `|` as in an expression
  if (type === 'union_type') {
    const operands = children.flatMap((c) => unionOperands(convertExpr(cx, c)));
    if (operands.length < 2) return other(cx, node, type, line);
    return operands.slice(1).reduce((left, right) => ({ k: 'bin', op: '|', left, right, line }), operands[0]!);
  }
  // generic_type: `Mapped[int]` written in an annotation
  const [name, params] = children;
  if (!name || !params) return other(cx, node, type, line);
  return { k: 'sub', obj: convertExpr(cx, name), index: convertExpr(cx, params), line };
}

/** tree-sitter may nest `A | B | C` to the right; Python evaluates it from the left. */
function unionOperands(e: Expr): Expr[] {
  return e.k === 'bin' && e.op === '|' ? [...unionOperands(e.left), ...unionOperands(e.right)] : [e];
}

/** `a:b:c` with any part left out: the colons say which part each expression is. */
function convertSlice(cx: ConvertContext, node: Node, line: number): Expr {
  const parts: Array<Expr | null> = [null, null, null];
  let at = 0;
  for (const child of node.children as Node[]) {
    if (!child.isNamed) {
      if (textOf(cx, child) === ':') at++;
    } else if (!isExtra(cx, child) && at < 3) {
      parts[at] = convertExpr(cx, child);
    }
  }
  return { k: 'slice', lower: parts[0]!, upper: parts[1]!, step: parts[2]!, line };
}

export function convertArgs(cx: ConvertContext, argList: Node): Arg[] {
  const args: Arg[] = [];
  for (const child of kids(cx, argList)) {
    const type = typeOf(cx, child);
    if (type === 'keyword_argument') {
      const [name, value] = kids(cx, child);
      args.push({ name: textOf(cx, name!), value: convertExpr(cx, value!) });
    } else if (type === 'list_splat' || type === 'dictionary_splat') {
      args.push({ star: type === 'list_splat' ? 1 : 2, value: convertExpr(cx, kids(cx, child)[0]!) });
    } else {
      args.push({ value: convertExpr(cx, child) });
    }
  }
  return args;
}

function convertDictItem(cx: ConvertContext, node: Node): DictItem {
  const [a, b] = kids(cx, node);
  if (typeOf(cx, node) === 'pair') return { key: convertExpr(cx, a!), value: convertExpr(cx, b!) };
  return { key: null, value: convertExpr(cx, a ?? node) };
}

function convertNumber(cx: ConvertContext, node: Node, line: number): Expr {
  const text = textOf(cx, node);
  const n = numberLiteral(text);
  if (!n) return other(cx, node, /[jJ]$/.test(text) ? 'complex' : 'number', line);
  return n.isFloat ? { k: 'num', v: n.v, float: true, line } : { k: 'num', v: n.v, line };
}

function convertString(cx: ConvertContext, node: Node, line: number): Expr {
  const text = textOf(cx, node);
  const { prefix } = splitLiteral(text);
  if (prefix.includes('b')) return { k: 'bytes', v: bytesValue(text), line };
  if (!prefix.includes('f')) return { k: 'str', v: stringValue(text), line };
  const isRaw = prefix.includes('r');
  const parts: Array<string | Expr> = [];
  for (const child of kids(cx, node)) {
    const type = typeOf(cx, child);
    if (type === 'string_content') {
      const body = textOf(cx, child).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      parts.push(isRaw ? body : unescapePython(body));
    } else if (type === 'interpolation') {
      parts.push(...convertInterpolation(cx, child, isRaw, line));
    }
  }
  return { k: 'fstr', parts: mergeStrings(parts), line };
}

/** `{value!conv:spec}`; `{x=}` is the expression's text then its repr (or its formatted value, with a spec). */
function convertInterpolation(cx: ConvertContext, node: Node, isRaw: boolean, line: number): Array<string | Expr> {
  const [inner, ...rest] = kids(cx, node);
  if (!inner) return [{ k: 'other', type: 'interpolation', text: '', line }];
  const value = convertExpr(cx, inner);
  const convNode = rest.find((c) => typeOf(cx, c) === 'type_conversion');
  const specNode = rest.find((c) => typeOf(cx, c) === 'format_specifier');
  const equals = (node.children as Node[]).find((c) => !c.isNamed && c.type === '=');
  const spec = specNode ? convertFormatSpec(cx, specNode, isRaw, line) : null;
  const written = convNode ? (textOf(cx, convNode).slice(1) as 'r' | 's' | 'a') : null;
  const conv = written ?? (equals && !spec ? 'r' : null);
  const field: Expr = conv || spec ? { k: 'fmt', value, conv, spec, line } : value;
  // `{n = :>5}` shows `n = ` as written, whitespace included, up to the conversion or spec
  const shownEnd = (convNode ?? specNode)?.startIndex ?? node.endIndex - 1;
  return equals ? [cx.src.slice(node.startIndex + 1, shownEnd), field] : [field];
}

/** The spec after `:`: literal text, with `{...}` fields of its own (`{v:{width}.{precision}f}`). */
function convertFormatSpec(cx: ConvertContext, node: Node, isRaw: boolean, line: number): Expr {
  const parts: Array<string | Expr> = [];
  let at = node.startIndex + 1;
  const literal = (end: number): void => {
    const text = cx.src.slice(at, end);
    parts.push(isRaw ? text : unescapePython(text));
  };
  for (const field of kids(cx, node)) {
    literal(field.startIndex);
    const [inner] = kids(cx, field);
    parts.push(inner ? convertExpr(cx, inner) : { k: 'other', type: 'format_expression', text: '', line });
    at = field.endIndex;
  }
  literal(node.endIndex);
  const merged = mergeStrings(parts);
  if (merged.length === 0) return { k: 'str', v: '', line };
  return merged.length === 1 && typeof merged[0] === 'string' ? { k: 'str', v: merged[0], line } : { k: 'fstr', parts: merged, line };
}

/** Adjacent literal runs are one part (tree-sitter may split a run), empty runs are none. */
export function mergeStrings(parts: Array<string | Expr>): Array<string | Expr> {
  const out: Array<string | Expr> = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else if (p !== '') out.push(p);
  }
  return out;
}

/** Adjacent literals concatenate; bytes join only bytes (a mix does not compile). */
export function joinStrings(parts: Expr[], line: number): Expr {
  if (parts.length === 1) return parts[0]!;
  if (parts.every((p) => p.k === 'str')) return { k: 'str', v: parts.map((p) => (p.k === 'str' ? p.v : '')).join(''), line };
  if (parts.every((p) => p.k === 'bytes')) return { k: 'bytes', v: parts.map((p) => (p.k === 'bytes' ? p.v : '')).join(''), line };
  const out: Array<string | Expr> = [];
  for (const p of parts) {
    if (p.k === 'str') out.push(p.v);
    else if (p.k === 'fstr') out.push(...p.parts);
    else return p;
  }
  return { k: 'fstr', parts: mergeStrings(out), line };
}

function convertComprehension(cx: ConvertContext, node: Node, type: string, line: number): Expr {
  const children = kids(cx, node);
  const kind: 'list' | 'set' | 'dict' | 'gen' = type === 'list_comprehension' ? 'list' : type === 'set_comprehension' ? 'set' : type === 'dictionary_comprehension' ? 'dict' : 'gen';
  // each `if` belongs to the `for` before it
  const clauses: CompClause[] = [];
  for (const c of children.slice(1)) {
    const clause = typeOf(cx, c);
    if (clause === 'for_in_clause') {
      const [target, iter] = kids(cx, c);
      if (!target || !iter) return other(cx, node, type, line);
      clauses.push({ target: convertExpr(cx, target), iter: convertExpr(cx, iter), ifs: [] });
    } else if (clause === 'if_clause' && clauses.length > 0) clauses.at(-1)!.ifs.push(convertExpr(cx, kids(cx, c)[0]!));
    else return other(cx, node, type, line);
  }
  const [first, ...more] = clauses;
  if (!first) return other(cx, node, type, line);
  const head = children[0]!;
  const base = { k: 'comp' as const, kind, ...first, ...(more.length > 0 ? { more } : {}), line };
  if (kind === 'dict') {
    const [key, value] = kids(cx, head);
    return { ...base, elt: convertExpr(cx, key!), value: convertExpr(cx, value!) };
  }
  return { ...base, elt: convertExpr(cx, head) };
}

export function convertParams(cx: ConvertContext, node: Node): Param[] {
  const params: Param[] = [];
  for (const child of kids(cx, node)) {
    const type = typeOf(cx, child);
    if (type === 'identifier') params.push({ name: textOf(cx, child) });
    else if (type === 'default_parameter' || type === 'typed_default_parameter') {
      const name = child.childForFieldName('name');
      const value = child.childForFieldName('value');
      params.push({ name: name ? textOf(cx, name) : '', ...(value ? { default: convertExpr(cx, value) } : {}) });
    } else if (type === 'typed_parameter') {
      const inner = kids(cx, child)[0];
      if (inner) params.push(...convertParams(cx, child).slice(0, 1));
    } else if (type === 'list_splat_pattern' || type === 'dictionary_splat_pattern') {
      const inner = kids(cx, child)[0];
      params.push({ name: inner ? textOf(cx, inner) : '', star: type === 'list_splat_pattern' ? 1 : 2 });
    }
  }
  return params;
}
