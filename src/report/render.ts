import { inert, inertLine } from '../util/inert.js';
import type { Report, ReportArticle, ReportStory } from './schema.js';

/** "1 article", "2 articles". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

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

export function spanLabel(s: { span: { start: string | null; end: string | null } }): string {
  const { start, end } = s.span;
  if (!start && !end) return 'no dates';
  const a = (start ?? end)!.slice(0, 10);
  const b = (end ?? start)!.slice(0, 10);
  return a === b ? a : `${a} to ${b}`;
}

export interface TerminalOptions {
  color?: boolean;
  /** Run outcome per article id (new, known, updated). */
  status?: Map<string, string>;
  verbose?: boolean;
}

export function renderTerminal(report: Report, opts: TerminalOptions = {}, sections: SectionRenderers = {}): string {
  const c = (code: string, s: string) => (opts.color ? `\x1b[${code}m${s}\x1b[0m` : s);
  // every value from the inputs goes through `t`: control characters made visible, so only the colours above reach the terminal
  const t = inertLine;
  const lines: string[] = [];
  const n = report.stories.length;
  lines.push(c('1', plural(n, 'story', 'stories')));
  report.stories.forEach((s, i) => {
    lines.push('');
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
  });
  return `${lines.join('\n')}\n`;
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
  const out: string[] = ['# Triangulate report', ''];
  out.push(`${plural(report.stories.length, 'story', 'stories')} from ${plural(report.stories.reduce((n, s) => n + s.articleCount, 0), 'article')}.`);
  if (report.failures.length) {
    out.push('', '## Inputs that failed', '');
    for (const f of report.failures) out.push(`- ${mdCode(f.source)}: ${mdEscape(f.reason)}`);
  }
  for (const s of report.stories) {
    out.push('', `## ${mdEscape(s.title)}`, '');
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
  }
  // control characters made visible in the whole document (a report.md is often read with `cat`)
  return inert(`${out.join('\n')}\n`);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#1d2a3a;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px;padding:16px 24px}
section.story{background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px;margin-bottom:20px}
h2{font-size:18px;margin:4px 0}h3{font-size:15px;margin:14px 0 6px}.meta{color:#666;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
.ev{cursor:pointer;border-bottom:1px dashed #88a}.ev:hover{background:#eef}
.side{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:8px}.side>div{background:#fff6f0;border:1px solid #f0c8a8;border-radius:6px;padding:6px}
#viewer{position:sticky;top:8px;max-height:calc(100vh - 24px);overflow:auto;background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px 16px;white-space:pre-wrap}
mark{background:#ffe066}.failures{color:#a00}.badge{display:inline-block;border-radius:4px;padding:0 5px;font-size:12px;background:#eee;margin-left:4px}
.corroborated{background:#d8f5d8}.single-source{background:#eee}.conflicting{background:#ffd6d6}
`;

/** The click-to-highlight script: shows the span [start,end) of an article's text with the span marked. */
const SCRIPT = `
(function(){
  var texts = JSON.parse(document.getElementById('article-texts').textContent);
  var viewer = document.getElementById('viewer');
  function show(id, start, end){
    var a = texts[id]; if(!a){ return; }
    viewer.textContent = '';
    var h = document.createElement('h3'); h.textContent = a.title + ' (' + (a.outlet || 'outlet unknown') + ')'; viewer.appendChild(h);
    viewer.appendChild(document.createTextNode(a.text.slice(0, start)));
    var m = document.createElement('mark'); m.textContent = a.text.slice(start, end); viewer.appendChild(m);
    viewer.appendChild(document.createTextNode(a.text.slice(end)));
    m.scrollIntoView({block:'center'});
  }
  document.addEventListener('click', function(e){
    var el = e.target.closest ? e.target.closest('[data-article]') : null;
    if(!el) return;
    show(el.getAttribute('data-article'), +el.getAttribute('data-start'), +el.getAttribute('data-end'));
  });
})();
`;

/** A self-contained HTML report: inline CSS and script, no external assets; article text is always escaped. */
export function renderHtml(report: Report, sections: SectionRenderers = {}): string {
  const texts: Record<string, { title: string; outlet: string | null; text: string }> = {};
  const body: string[] = [];
  if (report.failures.length) {
    body.push('<section class="story failures"><h2>Inputs that failed</h2><ul>');
    for (const f of report.failures) body.push(`<li><code>${escapeHtml(f.source)}</code>: ${escapeHtml(f.reason)}</li>`);
    body.push('</ul></section>');
  }
  for (const s of report.stories) {
    body.push(`<section class="story" id="story-${escapeHtml(s.id)}">`);
    body.push(`<h2>${escapeHtml(s.title)}</h2>`);
    body.push(`<div class="meta">${plural(s.articleCount, 'article')} · ${plural(s.independentSources, 'independent source')} · ${escapeHtml(spanLabel(s))} · story ${escapeHtml(s.id)}</div>`);
    body.push('<h3>Articles</h3><table><tr><th>Title</th><th>Outlet</th><th>Published</th><th>Source</th></tr>');
    for (const a of s.articles) {
      texts[a.id] = { title: a.title ?? '(untitled)', outlet: a.outlet, text: a.text };
      const copy = a.copyOf ? `<span class="badge">copy of ${escapeHtml(a.copyOf.slice(0, 8))}</span>` : '';
      body.push(
        `<tr><td><span class="ev" data-article="${escapeHtml(a.id)}" data-start="0" data-end="0">${escapeHtml(a.title ?? '(untitled)')}</span>${copy}</td><td>${escapeHtml(a.outlet ?? 'unknown')}</td><td>${escapeHtml(a.published ? dateLabel(a) : 'unknown')}</td><td><code>${escapeHtml(a.source)}</code></td></tr>`,
      );
    }
    body.push('</table>');
    if (s.entities.length) {
      body.push(`<h3>Main entities</h3><p>${s.entities.slice(0, 15).map((e) => `${escapeHtml(e.name)} <span class="badge">${escapeHtml(e.type)} ${e.mentions}</span>`).join(' · ')}</p>`);
    }
    if (sections.html) body.push(sections.html(s));
    body.push('</section>');
  }
  // </script> inside JSON must not close the element.
  const json = JSON.stringify(texts).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Triangulate report</title><style>${CSS}</style></head>
<body><header><h1>Triangulate report</h1><div>${report.stories.length} stories · click any underlined item to see its sentence in the article</div></header>
<main><div>${body.join('\n')}</div><aside id="viewer">Click a fact, quote, conflict or article title to read it here.</aside></main>
<script type="application/json" id="article-texts">${json}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
