// One entry point: a report in the format asked for.
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import type { CheckReport, ReportFormat } from './types.js';

export function renderReport(report: CheckReport, format: ReportFormat, options: { quiet?: boolean } = {}): string {
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
      return renderText(report, options);
  }
}
