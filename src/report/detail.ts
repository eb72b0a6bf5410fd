import type { Report, ReportArticle } from './schema.js';

/**
 * How much of each article report.json carries. `lean` (the default) keeps what a reader of the
 * cross-check needs: each article's metadata, clean text, sentences, messages and media
 * attributions; the facts, conflicts, quote ledger, timeline and brief point into that text by
 * offsets. `full` adds every annotation layer (entity mentions, quotes, time expressions,
 * quantities, the syntax tokens) and the removed boilerplate: about five times the size, for
 * tools that re-use the annotations. report.html and report.md are rendered from the full report
 * either way.
 */
export type Detail = 'lean' | 'full';

export const DETAILS: readonly Detail[] = ['lean', 'full'];

/** The article layers only `--detail full` writes. */
const FULL_ONLY = ['tokens', 'removed', 'entities', 'quotes', 'times', 'quantities'] as const;

function leanArticle(a: ReportArticle): ReportArticle {
  const out = { ...a };
  for (const k of FULL_ONLY) delete out[k];
  return out;
}

/** The report as written at the given detail. */
export function reportAtDetail(report: Report, detail: Detail): Report {
  const stories = detail === 'full' ? report.stories : report.stories.map((s) => ({ ...s, articles: s.articles.map(leanArticle) }));
  return { tool: report.tool, schemaVersion: report.schemaVersion, detail, stories, failures: report.failures, counts: report.counts };
}

/**
 * report.json as text, in chunks (one per story) handed to `write`, so a large run's report is never
 * one huge string. Compact JSON: indenting triples the size (`jq .` shows it indented).
 */
export function writeReportJson(report: Report, detail: Detail, write: (chunk: string) => void): void {
  const { stories, ...rest } = reportAtDetail(report, detail);
  // the keys in the schema's order, the stories streamed in between
  const head = JSON.stringify({ tool: rest.tool, schemaVersion: rest.schemaVersion, detail: rest.detail, stories: [] });
  write(head.slice(0, -2));
  stories.forEach((s, i) => write(`${i ? ',' : ''}${JSON.stringify(s)}`));
  const { tool: _t, schemaVersion: _v, detail: _d, ...tail } = rest;
  write(`],${JSON.stringify(tail).slice(1)}\n`);
}

/** report.json as one string (small reports, tests). */
export function reportJson(report: Report, detail: Detail): string {
  const parts: string[] = [];
  writeReportJson(report, detail, (c) => parts.push(c));
  return parts.join('');
}
