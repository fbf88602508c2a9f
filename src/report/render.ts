// One entry point: a report in the format asked for.
import kleur from 'kleur';
import type { CheckReport, ReportFormat } from './types.js';

export interface RenderOptions {
  /** text: only the blocking findings and the summary */
  quiet?: boolean;
  /** text: paint with ANSI colours or not; absent keeps kleur's own choice (NO_COLOR, FORCE_COLOR, a TTY) */
  color?: boolean;
}

/** kleur's switch is global, so it is set for this one rendering and put back. */
function withColor(color: boolean | undefined, render: () => string): string {
  if (color === undefined) return render();
  const was = kleur.enabled;
  kleur.enabled = color;
  try {
    return render();
  } finally {
    kleur.enabled = was;
  }
}

/** Each format is loaded when asked for: a hook prints text and must not load SARIF's rule catalogue. */
export async function renderReport(report: CheckReport, format: ReportFormat, options: RenderOptions = {}): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).renderJson(report);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(report);
    case 'sarif':
      return (await import('./sarif.js')).renderSarif(report);
    case 'github':
      return (await import('./github.js')).renderGithub(report);
    case 'text': {
      const { renderText } = await import('./text.js');
      return withColor(options.color, () => renderText(report, options));
    }
  }
}
