import { renderMarkdown, renderTerminal, type TerminalOptions } from '../report/render.js';
import { type Detail, reportJson } from '../report/detail.js';
import type { Report } from '../report/schema.js';
import { reportSections } from '../report/sections.js';
import { reportHtml } from '../ui/index.js';

export type RenderFormat = 'json' | 'markdown' | 'html' | 'terminal';

/**
 * A report as a document: `json` is report.json (compact, one final newline; `options.detail`
 * 'lean' by default, 'full' keeps every annotation layer), `markdown` report.md, `html` the
 * self-contained report.html, `terminal` the text summary (`options` set colour, verbosity and
 * each document's run status).
 */
export function render(report: Report, format: RenderFormat, options: TerminalOptions & { detail?: Detail } = {}): string {
  switch (format) {
    case 'json':
      return reportJson(report, options.detail ?? 'lean');
    case 'markdown':
      return renderMarkdown(report, reportSections());
    case 'html':
      // self-contained (inline CSS and script, text escaped), drawn by the web UI's components so both
      // show a story the same way; the UI code loads only with this module, not with report/render.ts
      return reportHtml(report);
    case 'terminal':
      return renderTerminal(report, options, reportSections());
  }
}

