/**
 * Renderers of a StoryCrossCheck: Markdown, and an HTML fragment (no external assets, article
 * content escaped) in which conflicting sentences stand side by side and every fact, quote,
 * conflict side and citation carries data-article/data-start/data-end attributes so the page
 * script can highlight the span in the article text.
 */
import type { AnnotatedArticle, Article } from '../model/types.js';
import { clean } from './text.js';
import { type Evidence, type Fact, STANDING_LABEL, type StoryCrossCheck } from './types.js';


type ArticleLike = AnnotatedArticle | Article;

function textsOf(articles: readonly ArticleLike[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of articles ?? []) {
    const art = 'article' in a ? a.article : a;
    if (art && typeof art.docId === 'string') m.set(art.docId, typeof art.text === 'string' ? art.text : '');
  }
  return m;
}

function sentenceOf(texts: Map<string, string>, e: Evidence): string {
  const t = texts.get(e.articleId);
  return t ? clean(t.slice(e.sentence.start, e.sentence.end)) : '';
}

function md(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/([*_`[\]<>#])/g, '\\$1').replace(/\s+/g, ' ').trim();
}

/** Why an article is one source with others, as the sources table says it. */
const SOURCE_REASON_LABEL: Record<NonNullable<StoryCrossCheck['sources'][number]['sourceReason']>, string> = {
  copy: 'copy',
  dispatch: 'rewrite of one dispatch',
  wire: 'same wire',
  outlet: 'same outlet',
};

/** The source group an article is in (the number of its first article) and why, or '' for a source alone. */
function sourceGroupLabel(s: StoryCrossCheck['sources'][number], num: Map<string, number>): string {
  return s.sourceReason ? `${num.get(s.sourceGroup) ?? ''} (${SOURCE_REASON_LABEL[s.sourceReason]})` : `${num.get(s.sourceGroup) ?? ''}`;
}

export function renderCrossCheckMarkdown(x: StoryCrossCheck, articles: readonly ArticleLike[]): string {
  const texts = textsOf(articles);
  const num = new Map(x.sources.map((s, i) => [s.articleId, i + 1]));
  const cite = (ev: Evidence[]) => {
    const ids = [...new Set(ev.map((e) => num.get(e.articleId) ?? 0))].sort((a, b) => a - b);
    return ids.map((i) => `[${i}]`).join('');
  };
  const L: string[] = [];
  L.push(`# Cross-check of story ${md(x.storyId)}`, '');
  L.push(`${x.sources.length} articles, ${x.independentSources} independent sources.`, '');
  L.push('| # | Outlet | Wire | Source group | Published | Article id |', '|---|---|---|---|---|---|');
  x.sources.forEach((s, i) => {
    L.push(`| ${i + 1} | ${md(s.outlet)} | ${md(s.wire ?? '')} | ${sourceGroupLabel(s, num)} | ${md(s.published ?? 'unknown')} | \`${s.articleId}\` |`);
  });
  L.push('', '## Brief', '');
  if (!x.brief.length) L.push('_Nothing is reported by more than one source._');
  for (const b of x.brief) L.push(`- _${STANDING_LABEL[b.standing]}:_ ${md(b.text)} ${cite(b.citations)}`);
  L.push('', '## Conflicts', '');
  if (!x.conflicts.length) L.push('_No conflicting values found._', '');
  for (const c of x.conflicts) {
    L.push(`### ${c.id}: ${md(c.slot)} (${c.severity === 'conflict' ? 'conflict' : 'minor discrepancy'}${c.withinArticle ? ', within one article' : ''})`, '');
    L.push(md(c.note), '');
    L.push('| Value | Outlets | Wording | Sentence |', '|---|---|---|---|');
    for (const s of c.sides) {
      const e = s.evidence[0];
      L.push(`| ${md(s.value)} | ${md(s.outlets.join(', '))} ${cite(s.evidence)} | ${md(s.wordings.join('; '))} | ${e ? md(sentenceOf(texts, e)) : ''} |`);
    }
    L.push('');
  }
  for (const e of x.evolvingFigures ?? []) {
    if (e === x.evolvingFigures[0]) L.push('## Evolving figures', '', '_Told higher in articles published later: updates as the event unfolded, not disagreements._', '');
    L.push(`### ${e.id}: ${md(e.label)}`, '', '| Published | Value | Outlets | Wording | Sentence |', '|---|---|---|---|---|');
    for (const s of e.steps) {
      const ev = s.evidence[0];
      L.push(`| ${md(s.published)} | ${md(s.value)} | ${md(s.outlets.join(', '))} ${cite(s.evidence)} | ${md(s.wordings.join('; '))} | ${ev ? md(sentenceOf(texts, ev)) : ''} |`);
    }
    L.push('');
  }
  const corroborated = x.facts.filter((f) => f.status !== 'single-source');
  L.push('## Facts reported by several articles', '');
  if (!corroborated.length) L.push('_The articles share no facts._');
  for (const f of corroborated)
    L.push(`- **${f.id}** (${f.status}, ${f.independentSources} independent of ${f.articles.length} articles${seeAlso(f)}): ${md(f.statement)} ${cite(f.evidence)}`);
  const single = x.facts.filter((f) => f.status === 'single-source');
  L.push('', `## Single-source statements (${single.length})`, '');
  for (const f of single.slice(0, 40)) L.push(`- **${f.id}** ${md(f.outlets.join(', '))}: ${md(f.statement)} ${cite(f.evidence)}`);
  if (single.length > 40) L.push(`- … ${single.length - 40} more in report.json`);
  L.push('', '## Quote ledger', '');
  if (!x.quoteLedger.length) L.push('_No quotes found._');
  for (const l of x.quoteLedger) {
    L.push(`### ${md(l.name)}`, '');
    for (const s of l.statements) {
      const tag = s.singleOutlet ? 'one outlet only' : `${s.independentSources} independent sources, ${s.relation}`;
      L.push(`- **${s.id}** (${tag})`);
      for (const w of s.wordings) L.push(`  - “${md(w.text)}” — ${md(w.outlets.join(', '))} ${cite(w.evidence)}`);
    }
    L.push('');
  }
  L.push('## Framing', '');
  if (!x.framing.length) L.push('_No differences in wording found._');
  for (const r of x.framing) {
    L.push(`### ${md(r.concept)}`, '', '| Outlet | Words used |', '|---|---|');
    for (const u of r.usage) L.push(`| ${md(u.outlet)} | ${u.terms.map((t) => `${md(t.term)} ×${t.count}`).join(', ')} |`);
    L.push('');
  }
  L.push('## Omissions', '');
  if (!x.omissions.length) L.push('_None found._');
  for (const o of x.omissions) L.push(`- ${o.factId} (${o.carriedBy} sources): ${md(o.statement)} — not in ${md(o.missingFrom.map((m) => m.outlet).join(', '))}`);
  L.push('', '## Timeline', '');
  if (!x.timeline.length) L.push('_No dated events._');
  for (const t of x.timeline) L.push(`- **${t.date}**${t.inferred ? ' (inferred)' : ''}: ${md(t.label)} — ${md(t.outlets.join(', '))} ${cite(t.evidence)}`);
  if (x.messages.some((m) => m.level !== 'info')) {
    L.push('', '## Messages', '');
    for (const m of x.messages) if (m.level !== 'info') L.push(`- ${m.level}: ${md(m.articleId ?? '')} ${md(m.message)}`);
  }
  return `${L.join('\n')}\n`;
}

function h(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function evAttrs(e: Evidence): string {
  return `data-article="${h(e.articleId)}" data-start="${e.span.start}" data-end="${e.span.end}" data-sentence-start="${e.sentence.start}" data-sentence-end="${e.sentence.end}"`;
}

/** The sentence with the evidence span marked. */
function sentenceHtml(texts: Map<string, string>, e: Evidence): string {
  const t = texts.get(e.articleId);
  if (!t) return '';
  const s = Math.max(e.sentence.start, Math.min(e.span.start, e.sentence.end));
  const en = Math.max(s, Math.min(e.span.end, e.sentence.end));
  return `${h(t.slice(e.sentence.start, s))}<mark>${h(t.slice(s, en))}</mark>${h(t.slice(en, e.sentence.end))}`;
}

export function renderCrossCheckHtml(x: StoryCrossCheck, articles: readonly ArticleLike[]): string {
  const texts = textsOf(articles);
  const num = new Map(x.sources.map((s, i) => [s.articleId, i + 1]));
  const outlet = new Map(x.sources.map((s) => [s.articleId, s.outlet]));
  const cites = (ev: Evidence[]) =>
    ev
      .map((e) => `<a href="#" class="tg-ev tg-cite" ${evAttrs(e)} title="${h(outlet.get(e.articleId) ?? e.articleId)}">[${num.get(e.articleId) ?? '?'}]</a>`)
      .join('');
  const H: string[] = [];
  H.push(`<section class="tg-crosscheck" data-story="${h(x.storyId)}">`);
  H.push(
    '<style>.tg-crosscheck .tg-sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.75rem}.tg-crosscheck .tg-side{border:1px solid #ccc;border-radius:4px;padding:.5rem}.tg-crosscheck .tg-conflict{border-left:4px solid #c0392b;padding-left:.5rem;margin:1rem 0}.tg-crosscheck .tg-minor{border-left-color:#e67e22}.tg-crosscheck .tg-evolving{border-left:4px solid #2e7d32;padding-left:.5rem;margin:1rem 0}.tg-crosscheck .tg-ev{cursor:pointer}.tg-crosscheck mark{background:#fff3a0}.tg-crosscheck table{border-collapse:collapse}.tg-crosscheck td,.tg-crosscheck th{border:1px solid #ddd;padding:.25rem .5rem;vertical-align:top}.tg-crosscheck .tg-status-corroborated{color:#1e7e34}.tg-crosscheck .tg-status-conflicting{color:#c0392b}.tg-crosscheck .tg-status-single-source{color:#777}</style>',
  );
  H.push(`<h2>Cross-check</h2><p>${x.sources.length} articles, ${x.independentSources} independent sources.</p>`);
  H.push('<table class="tg-sources"><thead><tr><th>#</th><th>Outlet</th><th>Wire</th><th>Source group</th><th>Published</th></tr></thead><tbody>');
  x.sources.forEach((s, i) => {
    H.push(`<tr data-article="${h(s.articleId)}"><td>${i + 1}</td><td>${h(s.outlet)}</td><td>${h(s.wire ?? '')}</td><td>${h(sourceGroupLabel(s, num))}</td><td>${h(s.published ?? 'unknown')}</td></tr>`);
  });
  H.push('</tbody></table>');
  H.push('<h3>Brief</h3><ol class="tg-brief">');
  for (const b of x.brief) H.push(`<li class="tg-brief-${b.kind} tg-${b.standing}"><span class="tg-standing">${STANDING_LABEL[b.standing]}</span> ${h(b.text)} ${cites(b.citations)}</li>`);
  H.push('</ol>');
  H.push('<h3>Conflicts</h3>');
  if (!x.conflicts.length) H.push('<p>No conflicting values found.</p>');
  for (const c of x.conflicts) {
    H.push(`<div class="tg-conflict${c.severity === 'minor' ? ' tg-minor' : ''}" id="${h(c.id)}"><h4>${h(c.id)}: ${h(c.slot)} <small>(${c.severity === 'conflict' ? 'conflict' : 'minor discrepancy'}${c.withinArticle ? ', within one article' : ''})</small></h4><p>${h(c.note)}</p><div class="tg-sides">`);
    for (const s of c.sides) {
      H.push(`<div class="tg-side"><strong>${h(s.value)}</strong> — ${h(s.outlets.join(', '))}`);
      for (const e of s.evidence) H.push(`<blockquote class="tg-ev" ${evAttrs(e)}>${sentenceHtml(texts, e)} <cite>${h(outlet.get(e.articleId) ?? '')}</cite></blockquote>`);
      H.push('</div>');
    }
    H.push('</div></div>');
  }
  if (x.evolvingFigures?.length) H.push('<h3>Evolving figures</h3><p>Told higher in articles published later: updates as the event unfolded, not disagreements.</p>');
  for (const e of x.evolvingFigures ?? []) {
    H.push(`<div class="tg-evolving" id="${h(e.id)}"><h4>${h(e.id)}: ${h(e.label)}</h4><ol class="tg-steps">`);
    for (const s of e.steps) {
      H.push(`<li class="tg-step"><time datetime="${h(s.published)}">${h(s.published)}</time> <strong>${h(s.value)}</strong> — ${h(s.outlets.join(', '))}`);
      for (const ev of s.evidence) H.push(`<blockquote class="tg-ev" ${evAttrs(ev)}>${sentenceHtml(texts, ev)} <cite>${h(outlet.get(ev.articleId) ?? '')}</cite></blockquote>`);
      H.push('</li>');
    }
    H.push('</ol></div>');
  }
  H.push('<h3>Facts</h3><ul class="tg-facts">');
  for (const f of x.facts) {
    const first = f.evidence[0];
    H.push(
      `<li class="tg-ev tg-status-${f.status}" id="${h(f.id)}" ${first ? evAttrs(first) : ''}><strong>${h(f.id)}</strong> [${h(f.status)}, ${f.independentSources} independent] ${h(f.statement)} ${cites(f.evidence)}</li>`,
    );
  }
  H.push('</ul>');
  H.push('<h3>Quote ledger</h3>');
  for (const l of x.quoteLedger) {
    H.push(`<h4>${h(l.name)}</h4><ul class="tg-ledger">`);
    for (const s of l.statements) {
      H.push(`<li id="${h(s.id)}">${s.singleOutlet ? '<em>one outlet only</em>' : `${s.independentSources} independent sources (${h(s.relation)})`}<ul>`);
      for (const w of s.wordings) {
        const e = w.evidence[0];
        H.push(`<li class="tg-ev" ${e ? evAttrs(e) : ''}>“${h(w.text)}” — ${h(w.outlets.join(', '))} ${cites(w.evidence)}</li>`);
      }
      H.push('</ul></li>');
    }
    H.push('</ul>');
  }
  H.push('<h3>Framing</h3>');
  for (const r of x.framing) {
    H.push(`<table class="tg-framing"><caption>${h(r.concept)}</caption><tbody>`);
    for (const u of r.usage)
      H.push(`<tr><th>${h(u.outlet)}</th><td>${u.terms.map((t) => `${h(t.term)} ×${t.count} ${cites(t.evidence.slice(0, 1))}`).join(', ')}</td></tr>`);
    H.push('</tbody></table>');
  }
  H.push('<h3>Omissions</h3><ul>');
  for (const o of x.omissions) H.push(`<li><a href="#${h(o.factId)}">${h(o.factId)}</a> (${o.carriedBy} sources) ${h(o.statement)} — not in ${h(o.missingFrom.map((m) => m.outlet).join(', '))}</li>`);
  H.push('</ul><h3>Timeline</h3><ul class="tg-timeline">');
  for (const t of x.timeline) H.push(`<li><time datetime="${h(t.date)}">${h(t.date)}</time>${t.inferred ? ' <em>(inferred)</em>' : ''} ${h(t.label)} ${cites(t.evidence)}</li>`);
  H.push('</ul></section>');
  return H.join('\n');
}

/** "; see C2, E1a2b…" for a fact a conflict or an evolving figure touches. */
function seeAlso(f: Fact): string {
  const ids = [...f.conflictIds, ...(f.evolvingIds ?? [])];
  return ids.length ? `; see ${ids.join(', ')}` : '';
}
