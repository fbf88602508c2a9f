// `match` statements (PEP 634) to summary statements: the subject, and each case's pattern, guard and body.
import type { Node } from 'web-tree-sitter';
import { convertExpr, kids, textOf, typeOf, type ConvertContext } from './convert-expr.js';
import type { Expr, MatchCase, Pattern, Stmt } from './summary.js';

const LITERALS = new Set(['string', 'concatenated_string', 'integer', 'float', 'none', 'true', 'false']);

/** `convertBlock` of convert-stmt.ts, passed in: the two modules would otherwise import each other. */
type BlockConverter = (cx: ConvertContext, block: Node) => Stmt[];

export function convertMatch(cx: ConvertContext, node: Node, line: number, convertBlock: BlockConverter): Stmt {
  const children = kids(cx, node);
  const block = children.find((c) => typeOf(cx, c) === 'block');
  const subjects = children.filter((c) => c !== block).map((c) => convertExpr(cx, c));
  const subject: Expr = subjects.length === 1 ? subjects[0]! : { k: 'tuple', items: subjects, line };
  const cases: MatchCase[] = [];
  for (const clause of block ? kids(cx, block) : []) {
    if (typeOf(cx, clause) !== 'case_clause') continue;
    const parts = kids(cx, clause);
    const patterns = parts.filter((c) => typeOf(cx, c) === 'case_pattern').map((c) => casePattern(cx, c));
    const guard = parts.find((c) => typeOf(cx, c) === 'if_clause');
    const guardExpr = guard ? kids(cx, guard)[0] : undefined;
    const body = parts.find((c) => typeOf(cx, c) === 'block');
    cases.push({
      // `case 1, 2:` is an open sequence pattern
      pattern: patterns.length === 1 ? patterns[0]! : { p: 'seq', items: patterns },
      guard: guardExpr ? convertExpr(cx, guardExpr) : null,
      body: body ? convertBlock(cx, body) : [],
      line: clause.startPosition.row + 1,
    });
  }
  return { k: 'match', subject, cases, line };
}

/** A case_pattern: `_`, a negative number (`-1`), or the one pattern it wraps. */
function casePattern(cx: ConvertContext, node: Node): Pattern {
  const parts = node.children as Node[];
  if (parts.length === 1 && !parts[0]!.isNamed) return textOf(cx, parts[0]!) === '_' ? { p: 'wildcard' } : other(cx, node);
  return alternative(cx, parts) ?? other(cx, node);
}

/** One alternative of a union, as its nodes: a pattern, or `-` and a number. */
function alternative(cx: ConvertContext, parts: Node[]): Pattern | undefined {
  if (parts.length === 2 && textOf(cx, parts[0]!) === '-' && LITERALS.has(typeOf(cx, parts[1]!))) {
    const number = convertExpr(cx, parts[1]!);
    return { p: 'value', value: { k: 'unary', op: '-', arg: number, line: number.line } };
  }
  return parts.length === 1 ? pattern(cx, parts[0]!) : undefined;
}

function pattern(cx: ConvertContext, node: Node): Pattern {
  const type = typeOf(cx, node);
  if (LITERALS.has(type)) return { p: 'value', value: convertExpr(cx, node) };
  switch (type) {
    case 'case_pattern':
      return casePattern(cx, node);
    case 'dotted_name': {
      const names = kids(cx, node).map((n) => textOf(cx, n));
      if (names.length === 1) return { p: 'capture', name: names[0]! };
      const line = node.startPosition.row + 1;
      let value: Expr = { k: 'name', id: names[0]!, line };
      for (const name of names.slice(1)) value = { k: 'attr', obj: value, name, line };
      return { p: 'value', value };
    }
    case 'union_pattern': {
      const alts: Pattern[] = [];
      let group: Node[] = [];
      for (const child of [...(node.children as Node[]), null]) {
        if (child && !(textOf(cx, child) === '|' && !child.isNamed)) {
          group.push(child);
          continue;
        }
        const alt = alternative(cx, group);
        if (!alt) return other(cx, node);
        alts.push(alt);
        group = [];
      }
      return { p: 'or', alts };
    }
    case 'as_pattern': {
      const [inner, name] = kids(cx, node);
      return inner && name ? { p: 'as', pattern: pattern(cx, inner), name: textOf(cx, name) } : other(cx, node);
    }
    case 'tuple_pattern':
    case 'list_pattern': {
      const items = kids(cx, node);
      // `("a" | "b")` without a comma groups a pattern: it is no sequence
      const isGroup = type === 'tuple_pattern' && items.length === 1 && !(node.children as Node[]).some((c) => !c.isNamed && textOf(cx, c) === ',');
      return isGroup ? pattern(cx, items[0]!) : { p: 'seq', items: items.map((c) => pattern(cx, c)) };
    }
    case 'dict_pattern': {
      const keys: Expr[] = [];
      const values: Pattern[] = [];
      let rest: string | null = null;
      for (const item of kids(cx, node)) {
        const itemType = typeOf(cx, item);
        if (itemType === 'splat_pattern') rest = kids(cx, item)[0] ? textOf(cx, kids(cx, item)[0]!) : null;
        else if (itemType === 'case_pattern') values.push(casePattern(cx, item));
        else {
          const key = pattern(cx, item);
          if (key.p !== 'value') return other(cx, node);
          keys.push(key.value);
        }
      }
      return keys.length === values.length ? { p: 'mapping', keys, values, rest } : other(cx, node);
    }
    case 'class_pattern': {
      const [name, ...rest] = kids(cx, node);
      const cls = name ? pattern(cx, name) : undefined;
      if (cls?.p !== 'value' && cls?.p !== 'capture') return other(cx, node);
      const args: Pattern[] = [];
      const kwargs: Array<{ name: string; pattern: Pattern }> = [];
      for (const item of rest) {
        const keyword = kids(cx, item)[0];
        if (keyword && typeOf(cx, keyword) === 'keyword_pattern') {
          const [key, value] = kids(cx, keyword);
          if (!key || !value) return other(cx, node);
          kwargs.push({ name: textOf(cx, key), pattern: pattern(cx, value) });
        } else {
          args.push(pattern(cx, item));
        }
      }
      const line = node.startPosition.row + 1;
      return { p: 'class', cls: cls.p === 'value' ? cls.value : { k: 'name', id: cls.name, line }, args, kwargs };
    }
    case 'splat_pattern': {
      const name = kids(cx, node)[0];
      return { p: 'star', name: name && textOf(cx, name) !== '_' ? textOf(cx, name) : null };
    }
    default:
      return other(cx, node);
  }
}

function other(cx: ConvertContext, node: Node): Pattern {
  return { p: 'other', text: textOf(cx, node).slice(0, 120) };
}
