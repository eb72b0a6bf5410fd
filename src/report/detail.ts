import { writeJson } from './json-stream.js';
import type { ReportStream } from './build.js';
import type { Report, ReportArticle, ReportStory } from './schema.js';

/**
 * How much of each article report.json carries. `lean` (the default) keeps what a reader of the
 * cross-check needs: each article's metadata, clean text, sentences, messages and media
 * attributions; the facts, conflicts, quote ledger, timeline and brief point into that text by
 * offsets. `full` adds every annotation layer (entity mentions, quotes, time expressions,
 * quantities, the syntax tokens) and the removed boilerplate: about five times the size, for
 * tools that re-use the annotations. report.html, report.md and the terminal text use only what
 * lean keeps, so they are the same whichever detail the report was built at (report/build.ts
 * builds it at the detail asked for, to hold a large story without its layers).
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

/** Articles at lean detail, made one at a time as they are written. */
async function* leanArticles(articles: AsyncIterable<ReportArticle> | ReportArticle[]): AsyncGenerator<ReportArticle> {
  for await (const a of articles) yield leanArticle(a);
}

/** A report's stories at lean detail, made one at a time as they are written. */
async function* leanStories(stories: AsyncIterable<ReportStory> | ReportStory[]): AsyncGenerator<ReportStory> {
  for await (const s of stories) yield { ...s, articles: leanArticles(s.articles) as unknown as ReportArticle[] };
}

/**
 * report.json as text, in chunks handed to `write` (json-stream.ts: article by article), so a
 * large run's report is never one huge string. Compact JSON: indenting triples the size (`jq .`
 * shows it indented). The same bytes as `reportJson`. A streamed report (report/build.ts
 * `streamReport`) is written story by story as its stories are built, never held whole.
 */
export async function writeReportJson(report: Report | ReportStream, detail: Detail, write: (chunk: string) => void): Promise<void> {
  const stories = detail === 'full' ? report.stories : leanStories(report.stories);
  await writeJson({ tool: report.tool, schemaVersion: report.schemaVersion, detail, stories, failures: report.failures, counts: report.counts }, write);
  write('\n');
}

/** report.json as one string (small reports, tests). */
export function reportJson(report: Report, detail: Detail): string {
  return `${JSON.stringify(reportAtDetail(report, detail))}\n`;
}
