// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff.
import type { Finding } from '../engine/types.js';
import type { CheckReport } from './types.js';

const LEVEL = { block: 'error', warn: 'warning', info: 'notice' } as const;

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions (escaping rules)
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

function annotation(f: Finding): string {
  const props = [`title=${escapeProperty(`schemaguard ${f.ruleId}`)}`];
  if (f.source !== null) props.unshift(`file=${escapeProperty(f.source.file)}`, `line=${f.source.line}`);
  const status = f.suppressed !== null ? ' (suppressed)' : f.overridden ? ' (overridden)' : '';
  // a silenced finding must not look like what failed the job: suppressed is a notice, overridden a warning
  const level = f.suppressed !== null ? 'notice' : f.overridden ? 'warning' : LEVEL[f.severity];
  return `::${level} ${props.join(',')}::${escapeData(`${f.message}${status}\n${f.help}`)}`;
}

export function renderGithub(report: CheckReport): string {
  const lines = report.verdict.findings.map(annotation);
  lines.push(`schemaguard: ${report.verdict.blocked ? 'blocked' : 'passed'} (${report.verdict.findings.length} findings)`);
  return `${lines.join('\n')}\n`;
}
