// Parses one Python file and returns its ModuleSummary; the tree is freed before returning.
import type { Node, Tree } from 'web-tree-sitter';
import { convertBlock } from './convert-stmt.js';
import { loadPythonParser, type PythonParser } from './parser.js';
import { SUMMARY_VERSION, type DirectiveComment, type ModuleSummary, type SyntaxProblem } from './summary.js';

const MAX_REPORTED_ERRORS = 5;
const DIRECTIVE_MARK = /schemaguard:/g;

export async function summarizeModule(text: string): Promise<ModuleSummary> {
  return summarizeWith(await loadPythonParser(), text);
}

/** `fast: false` converts every statement from its nodes (the reference the fast path is tested against). */
export function summarizeWith(py: PythonParser, text: string, options: { fast?: boolean } = {}): ModuleSummary {
  const tree = py.parser.parse(text);
  if (!tree) return { version: SUMMARY_VERSION, body: [], directives: [], errors: [{ line: 1, message: 'the parser gave up on this file' }] };
  try {
    const root = tree.rootNode;
    const hasError = root.hasError;
    const cx = { src: text, types: py.types, fast: options.fast ?? true, hasError };
    return {
      version: SUMMARY_VERSION,
      body: convertBlock(cx, root, 'module'),
      directives: findDirectives(py, tree, text),
      errors: hasError ? findErrors(py, root) : [],
    };
  } finally {
    tree.delete();
  }
}

/** Cheap text scan first; the query then confirms each hit is a real comment, not a string. */
function findDirectives(py: PythonParser, tree: Tree, text: string): DirectiveComment[] {
  const out: DirectiveComment[] = [];
  let row = 0;
  let scanned = 0;
  let lastRow = -1;
  for (const match of text.matchAll(DIRECTIVE_MARK)) {
    row += countNewlines(text, scanned, match.index);
    scanned = match.index;
    if (row === lastRow) continue;
    lastRow = row;
    // rows, not indices: the WASM binding passes index ranges to the query cursor unconverted
    const range = { startPosition: { row, column: 0 }, endPosition: { row: row + 1, column: 0 } };
    for (const capture of py.queries['directive-comments'].captures(tree.rootNode, range)) {
      const comment = text.slice(capture.node.startIndex, capture.node.endIndex);
      out.push({ line: capture.node.startPosition.row + 1, text: comment.replace(/^#\s*schemaguard:\s*/, '').trim() });
    }
  }
  return out;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function findErrors(py: PythonParser, root: Node): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const capture of py.queries['syntax-errors'].captures(root)) {
    if (problems.length >= MAX_REPORTED_ERRORS) break;
    problems.push({ line: capture.node.startPosition.row + 1, message: 'invalid Python syntax' });
  }
  if (problems.length === 0) {
    const missing = firstMissing(root);
    problems.push({ line: (missing ?? root).startPosition.row + 1, message: `invalid Python syntax: missing ${missing?.type ?? 'token'}` });
  }
  return problems;
}

function firstMissing(node: Node): Node | null {
  if (node.isMissing) return node;
  for (const child of node.children as Node[]) {
    if (child.hasError || child.isMissing) return firstMissing(child);
  }
  return null;
}
