import { inert, inertLine } from '../util/inert.js';
import { plural, spanLabel } from './labels.js';
import type { ReportStream } from './build.js';
import type { Report, ReportArticle, ReportStory } from './schema.js';

// the labels live apart from the renderers so the CLI's start-up does not load the web UI
export { plural, spanLabel } from './labels.js';

/** Renderers for the parts other stages own (the cross-check sections). */
export interface SectionRenderers {
  markdown?: (story: ReportStory) => string;
  html?: (story: ReportStory) => string;
  terminal?: (story: ReportStory) => string;
}

export function dateLabel(a: Pick<ReportArticle, 'published' | 'publishedInfo'>): string {
  if (!a.published) return 'undated';
  const p = a.publishedInfo?.precision;
  if (p === 'minute' || p === 'second' || p === 'hour') return a.published.replace('T', ' ').replace(/:\d\d(?:\.\d+)?(?=[+\-Z]|$)/, (m) => (p === 'second' ? m : ''));
  return a.published.slice(0, 10);
}

export interface TerminalOptions {
  color?: boolean;
  /** Run outcome per article id (new, known, updated). */
  status?: Map<string, string>;
  verbose?: boolean;
}

export function renderTerminal(report: Report, opts: TerminalOptions = {}, sections: SectionRenderers = {}): string {
  const lines = [terminalHeading(report.stories.length, opts)];
  report.stories.forEach((s, i) => lines.push(terminalStory(s, i, opts, sections)));
  return `${lines.join('\n')}\n`;
}

/**
 * The terminal text written story by story (a streamed report, report/build.ts `streamReport`):
 * the same text as `renderTerminal`, handed to `write` a story at a time.
 */
export async function writeTerminal(report: ReportStream, write: (chunk: string) => void, opts: TerminalOptions = {}, sections: SectionRenderers = {}): Promise<void> {
  write(terminalHeading(report.storyCount, opts));
  let i = 0;
  for await (const s of report.stories) write(`\n${terminalStory(s, i++, opts, sections)}`);
  write('\n');
}

const colour = (opts: TerminalOptions) => (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);

/** The first line of the terminal text: how many stories follow. */
function terminalHeading(stories: number, opts: TerminalOptions): string {
  return colour(opts)('1', plural(stories, 'story', 'stories'));
}

/** One story of the terminal text (the `i`th), after the blank line that separates it. */
function terminalStory(s: ReportStory, i: number, opts: TerminalOptions, sections: SectionRenderers): string {
  const c = colour(opts);
  // every value from the inputs goes through `t`: control characters made visible, so only the colours above reach the terminal
  const t = inertLine;
  const lines: string[] = [''];
  lines.push(c('1', `${i + 1}. ${t(s.title)}`));
  const indep = s.independentSources !== s.articleCount ? `, ${s.independentSources} independent` : '';
  lines.push(`   ${plural(s.articleCount, 'article')}${indep} · ${s.outlets.length ? t(s.outlets.join(', ')) : 'outlets unknown'} · ${t(spanLabel(s))} · id ${t(s.id)}`);
  for (const a of s.articles) {
    const status = opts.status?.get(a.id) ?? 'stored';
    const copy = a.copyOf ? c('2', ` (copy of ${t(a.copyOf.slice(0, 8))})`) : '';
    lines.push(`   - ${t(a.title ?? '(untitled)')}${copy}`);
    lines.push(c('2', `     ${t(a.outlet ?? 'outlet unknown')} · ${t(dateLabel(a))} · ${t(status)} · ${t(a.source)}`));
  }
  if (sections.terminal) {
    const extra = inert(sections.terminal(s));
    if (extra.trim()) lines.push(...extra.replace(/\n+$/, '').split('\n').map((l) => `   ${l}`));
  }
  return lines.join('\n');
}

/**
 * Inline Markdown text: punctuation that would start markup (emphasis, links, code, inline HTML,
 * a table cell's end) backslash-escaped, and a newline (which could start a heading, a list or an
 * HTML block) turned into a space.
 */
const mdEscape = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([\\`*_[\]<>|&!#~])/g, '\\$1');

/**
 * A code span holding any text: backslashes do not escape inside code spans, so the fence is one
 * backtick longer than the longest run of backticks inside (CommonMark 6.1), padded with spaces
 * when the text starts or ends with a backtick. In a table cell, `|` is escaped as GFM requires
 * even inside code. Content of a code span is never HTML.
 */
export function mdCode(s: string, inTable = false): string {
  let text = s.replace(/[\r\n]+/g, ' ');
  if (inTable) text = text.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim()) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function renderMarkdown(report: Report, sections: SectionRenderers = {}): string {
  const articles = report.stories.reduce((n, s) => n + s.articleCount, 0);
  const parts = [markdownHeading(report.stories.length, articles, report.failures), ...report.stories.map((s) => markdownStory(s, sections))];
  // control characters made visible in the whole document (a report.md is often read with `cat`)
  return inert(`${parts.join('\n')}\n`);
}

/**
 * report.md written story by story (a streamed report, report/build.ts `streamReport`): the
 * text of `renderMarkdown`, handed to `write` a story at a time. Its heading counts the articles
 * the stories hold as grouped (`articleCount`): those of the stories built, unless one of them
 * could not be built.
 */
export async function writeMarkdown(report: ReportStream, write: (chunk: string) => void, sections: SectionRenderers = {}): Promise<void> {
  write(inert(markdownHeading(report.storyCount, report.articleCount, report.failures)));
  for await (const s of report.stories) write(inert(`\n${markdownStory(s, sections)}`));
  write('\n');
}

/** The title of report.md, how many stories and articles it holds, and the inputs that failed. */
function markdownHeading(stories: number, articles: number, failures: Report['failures']): string {
  const out: string[] = ['# Triangulate report', ''];
  out.push(`${plural(stories, 'story', 'stories')} from ${plural(articles, 'article')}.`);
  if (failures.length) {
    out.push('', '## Inputs that failed', '');
    for (const f of failures) out.push(`- ${mdCode(f.source)}: ${mdEscape(f.reason)}`);
  }
  return out.join('\n');
}

/** One story of report.md, after the blank line that separates it. */
function markdownStory(s: ReportStory, sections: SectionRenderers): string {
  const out: string[] = [''];
  out.push(`## ${mdEscape(s.title)}`, '');
  out.push(`Story ${mdCode(s.id)} · ${plural(s.articleCount, 'article')} · ${plural(s.independentSources, 'independent source')} · ${mdEscape(spanLabel(s))}`, '');
  out.push('| Article | Outlet | Published | Source |', '| --- | --- | --- | --- |');
  for (const a of s.articles) {
    const title = mdEscape(a.title ?? '(untitled)') + (a.copyOf ? ` (copy of ${mdCode(a.copyOf.slice(0, 8), true)})` : '');
    const pub = a.published ? mdEscape(`${dateLabel(a)} (${a.publishedInfo?.source ?? 'input'})`) : 'unknown';
    out.push(`| ${title} | ${mdEscape(a.outlet ?? 'unknown')} | ${pub} | ${mdCode(a.source, true)} |`);
  }
  if (s.entities.length) {
    out.push('', '**Main entities:** ' + s.entities.slice(0, 12).map((e) => `${mdEscape(e.name)} (${mdEscape(e.type)}, ${e.mentions})`).join(', '));
  }
  if (sections.markdown) out.push('', sections.markdown(s).trim());
  return out.join('\n');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}
