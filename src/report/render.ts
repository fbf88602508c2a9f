// One entry point: a report in the format asked for.
import kleur from 'kleur';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
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

export function renderReport(report: CheckReport, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'sarif':
      return renderSarif(report);
    case 'github':
      return renderGithub(report);
    case 'text':
      return withColor(options.color, () => renderText(report, options));
  }
}
