// `# schemaguard: renamed-from <old>` and `# schemaguard: ignore[<rule-id>] <reason>` comments as Directives.
import type { Diagnostic, Directive } from '../schema/types.js';
import type { DirectiveComment } from '../python/summary.js';

const RENAMED = /^renamed-from\s+(\S+)\s*$/;
const IGNORE = /^ignore\[([^\]\s]+)\]\s*(.*)$/;

export function readDirectives(file: string, comments: readonly DirectiveComment[], diagnostics: Diagnostic[]): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const renamed = RENAMED.exec(c.text);
    const ignore = IGNORE.exec(c.text);
    if (renamed) out.push({ kind: 'renamed-from', file, line: c.line, from: renamed[1]! });
    else if (ignore) out.push({ kind: 'ignore', file, line: c.line, rule: ignore[1]!, reason: ignore[2]!.trim() || null });
    else diagnostics.push({ file, line: c.line, severity: 'warning', message: `unknown schemaguard directive: ${c.text}` });
  }
  return out;
}
