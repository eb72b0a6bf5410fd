import type { AnnotatedArticle } from '../model/types.js';
import { dateLabel, escapeHtml as esc, plural, spanLabel } from '../report/render.js';
import type { ReportArticle, ReportStory } from '../report/schema.js';
import type { StoryFilter } from '../store/index.js';

/**
 * Server-rendered pages of the web UI. No external assets: CSS and the page scripts are inline,
 * allowed by a per-response CSP nonce (no 'unsafe-inline'). Everything that comes from an
 * article (text, titles, outlets, URLs, quotes) is escaped; article text is never live HTML, and
 * client-side code only ever sets textContent.
 */

const CSS = `
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;background:#f6f7f9}
header.top{background:#1d2a3a;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:baseline;flex-wrap:wrap}
header.top a{color:#fff;text-decoration:none}header.top .brand{font-weight:700;font-size:18px}
header.top nav a{margin-right:16px;opacity:.85}header.top nav a:hover{opacity:1;text-decoration:underline}
.wrap{padding:16px 24px;max-width:1500px;margin:0 auto}
h1{font-size:22px;margin:4px 0 8px}h2{font-size:18px;margin:22px 0 8px;border-bottom:1px solid #dde;padding-bottom:3px}h3{font-size:15px;margin:14px 0 6px}
.meta{color:#555;font-size:13px}.muted{color:#777}
table{border-collapse:collapse;width:100%;font-size:13.5px;background:#fff}td,th{border-bottom:1px solid #e6e6ea;padding:5px 7px;text-align:left;vertical-align:top}
th{background:#f0f1f4;font-weight:600}
a{color:#1b4f9c}
.badge{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;background:#e8e8ec;margin:0 2px;white-space:nowrap}
.b-conflict{background:#ffd6d6;color:#8a1010}.b-ok{background:#d8f5d8;color:#135c13}.b-single{background:#eee;color:#444}.b-pending{background:#fff3c4}
.card{background:#fff;border:1px solid #dde;border-radius:8px;padding:10px 14px;margin:10px 0}
form.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:end;margin:8px 0 14px}
form.filters label{font-size:12px;color:#555;display:flex;flex-direction:column}
input,select,textarea,button{font:inherit}input,select{padding:4px 6px;border:1px solid #bbc;border-radius:4px}
button{padding:5px 14px;border:1px solid #1d2a3a;background:#1d2a3a;color:#fff;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#1d2a3a}
textarea{width:100%;min-height:220px;padding:8px;border:1px solid #bbc;border-radius:4px;font:13px/1.4 ui-monospace,monospace}
.grid{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);gap:24px}
#viewer{position:sticky;top:8px;max-height:calc(100vh - 24px);overflow:auto;background:#fff;border:1px solid #dde;border-radius:8px;padding:12px 16px;white-space:pre-wrap;font-size:14px}
.ev{cursor:pointer;border-bottom:1px dashed #88a;color:inherit;text-decoration:none}.ev:hover{background:#eef}
mark{background:#ffe066}.sent{background:#fff6c8}
.cite{font-size:11px;vertical-align:super;margin-left:2px}
.side{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0}.side>div{background:#fff6f0;border:1px solid #f0c8a8;border-radius:6px;padding:6px 8px;flex:1 1 220px}
.side .value{font-weight:700}
.scroll{overflow-x:auto;max-width:100%}
.statement{margin:6px 0;padding:3px 6px;border-radius:6px}.statement.grouped{background:#f3f6fc;border:1px solid #c9d3e6}
.wording{margin:4px 0 4px 10px;padding-left:8px;border-left:3px solid #c9d3e6}
.matrix td.c{text-align:center}.matrix td.yes{background:#d8f5d8}.matrix td.conf{background:#ffd6d6}
.matrix th.o{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-size:12px;max-height:180px;overflow:hidden;text-overflow:ellipsis}
.story-row td:first-child a{font-weight:600}
.live{font-size:12px;color:#1b6b1b}
.article-text{background:#fff;border:1px solid #dde;border-radius:8px;padding:14px 18px;white-space:pre-wrap;font-size:15px;line-height:1.65}
.article-text .ent{background:#dfe9ff;border-radius:2px}.article-text .ent-PER{background:#e3dcff}.article-text .ent-LOC{background:#d6f3e9}.article-text .ent-ORG{background:#ffe9c7}
.article-text .q{border-bottom:2px solid #c07a00}.article-text .tm{outline:1px solid #2f8f2f;outline-offset:-1px}.article-text .qty{text-decoration:underline 2px #b0306a}
body.hide-ent .article-text .ent{background:none}body.hide-q .article-text .q{border:0}body.hide-tm .article-text .tm{outline:0}body.hide-qty .article-text .qty{text-decoration:none}
.legend label{margin-right:14px;font-size:13px}.legend .sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin-right:3px}
.sw-ent{background:#e3dcff}.sw-q{border-bottom:2px solid #c07a00}.sw-tm{outline:1px solid #2f8f2f}.sw-qty{border-bottom:2px solid #b0306a}
details.removed pre{white-space:pre-wrap;background:#fbfbfb;border:1px solid #eee;padding:6px;font-size:13px}
.notice{background:#fff3c4;border:1px solid #e8d27a;padding:6px 10px;border-radius:6px;margin:8px 0}
.err{color:#a00}
ul.outcomes li{margin:2px 0}
`;

function layout(nonce: string, title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)} · Triangulate</title><style nonce="${nonce}">${CSS}</style></head>
<body><header class="top"><a class="brand" href="/">Triangulate</a><nav><a href="/">Stories</a><a href="/add">Add articles</a><a href="/api/openapi.json">API</a></nav></header>
<div class="wrap">${body}</div>
${script ? `<script nonce="${nonce}">${script}</script>` : ''}
</body></html>
`;
}

/** JSON inside a <script type="application/json"> element: `<` escaped so that nothing can close the element. */
function jsonScript(id: string, value: unknown): string {
  return `<script type="application/json" id="${esc(id)}">${JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}</script>`;
}

// ---- stories list -----------------------------------------------------------------------------

export interface StoryListItemView {
  id: string;
  title: string | null;
  articles: number;
  outlets: string[];
  independentSources: number;
  span: { start: string | null; end: string | null };
  updatedAt: string;
  conflicts: number | null;
  facts: number | null;
}

/** Re-fetches the fragment of the current page when the server announces a change (SSE), without reloading. */
const LIVE_SCRIPT = `
(function(){
  var target = document.getElementById('live-target');
  if(!target || !window.EventSource) return;
  var storyId = target.getAttribute('data-story');
  var status = document.getElementById('live-status');
  var timer = null;
  function refresh(){
    timer = null;
    var url = location.pathname + (location.search ? location.search + '&' : '?') + 'fragment=1';
    fetch(url, {credentials:'same-origin'}).then(function(r){ return r.ok ? r.text() : null; }).then(function(html){
      if(html === null) return;
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var fresh = doc.getElementById('live-target');
      if(!fresh) return;
      target.replaceChildren.apply(target, Array.prototype.slice.call(fresh.childNodes).map(function(n){ return document.importNode(n, true); }));
      target.setAttribute('data-version', String((+target.getAttribute('data-version') || 0) + 1));
      if(status) status.textContent = 'updated ' + new Date().toLocaleTimeString();
      document.dispatchEvent(new Event('triangulate:updated'));
    }).catch(function(){});
  }
  function schedule(){ if(!timer) timer = setTimeout(refresh, 250); }
  var es = new EventSource('/api/events');
  ['story','report','story-removed'].forEach(function(type){
    es.addEventListener(type, function(e){
      var d = {}; try { d = JSON.parse(e.data); } catch(err) {}
      if(storyId && d.storyId !== storyId) return;
      if(storyId && type === 'story-removed'){ if(status) status.textContent = 'this story was removed or merged'; return; }
      schedule();
    });
  });
  es.onopen = function(){ if(status && !status.textContent) status.textContent = 'live'; };
})();
`;

export function storiesPage(nonce: string, f: StoryFilter, list: { total: number; stories: StoryListItemView[] }, fragment: boolean): string {
  const rows = list.stories
    .map((s) => {
      const conflicts =
        s.articles < 2
          ? '<span class="badge b-single" title="one article: nothing to cross-check">–</span>'
          : s.conflicts === null
            ? '<span class="badge b-pending" title="cross-check pending or unavailable">…</span>' : s.conflicts > 0 ? `<span class="badge b-conflict">${s.conflicts}</span>` : '<span class="badge b-ok">0</span>';
      return `<tr class="story-row" data-story="${esc(s.id)}"><td><a href="/stories/${encodeURIComponent(s.id)}">${esc(s.title ?? '(untitled)')}</a><div class="meta">${esc(s.outlets.join(', ') || 'outlets unknown')}</div></td>
<td class="n-articles">${s.articles}</td><td class="n-outlets">${s.outlets.length}</td><td>${s.independentSources}</td><td class="n-conflicts">${conflicts}</td><td>${esc(spanLabel(s))}</td><td class="meta">${esc(s.updatedAt.slice(0, 19).replace('T', ' '))}</td></tr>`;
    })
    .join('\n');
  const table = list.stories.length
    ? `<table id="stories"><thead><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>Independent sources</th><th>Conflicts</th><th>Dates</th><th>Updated (UTC)</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="muted" id="no-stories">No stories${f.q || f.entity || f.outlet || f.from || f.to ? ' match these filters' : ' yet: <a href="/add">add articles</a>'}.</p>`;
  const offset = f.offset ?? 0;
  const limit = f.limit ?? 100;
  const page = (o: number) => {
    const q = new URLSearchParams();
    for (const k of ['q', 'entity', 'outlet', 'from', 'to'] as const) if (f[k]) q.set(k, f[k] as string);
    if (o > 0) q.set('offset', String(o));
    const qs = q.toString();
    return `/${qs ? `?${qs}` : ''}`;
  };
  const pager =
    list.total > limit
      ? `<p class="meta">${offset > 0 ? `<a href="${esc(page(Math.max(0, offset - limit)))}">← newer</a> ` : ''}stories ${offset + 1}–${Math.min(offset + limit, list.total)} of ${list.total}${offset + limit < list.total ? ` <a href="${esc(page(offset + limit))}">older →</a>` : ''}</p>`
      : '';
  const live = `<div id="live-target" data-version="0"><p class="meta" id="story-count">${plural(list.total, 'story', 'stories')}</p>${table}${pager}</div>`;
  if (fragment) return live;
  const v = (x: string | undefined) => esc(x ?? '');
  const body = `<h1>Stories <span class="live" id="live-status"></span></h1>
<form class="filters" method="get" action="/">
<label>Search<input name="q" value="${v(f.q)}" placeholder="words in titles and texts"></label>
<label>Entity<input name="entity" value="${v(f.entity)}" placeholder="e.g. xi jinping"></label>
<label>Outlet<input name="outlet" value="${v(f.outlet)}"></label>
<label>From<input name="from" type="date" value="${v(f.from?.slice(0, 10))}"></label>
<label>To<input name="to" type="date" value="${v(f.to?.slice(0, 10))}"></label>
<button type="submit">Filter</button> <a href="/">clear</a></form>
${live}`;
  return layout(nonce, 'Stories', body, LIVE_SCRIPT);
}

// ---- story page -------------------------------------------------------------------------------

interface Ev {
  articleId: string;
  span: { start: number; end: number };
  sentence?: { start: number; end: number };
}
type Any = Record<string, unknown>;
const arr = <T = Any>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
const str = (x: unknown, d = ''): string => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : d);

const VIEWER_SCRIPT = `
(function(){
  var texts = {};
  function load(){ var el = document.getElementById('article-texts'); try { texts = JSON.parse(el ? el.textContent : '{}'); } catch(e) { texts = {}; } }
  load();
  document.addEventListener('triangulate:updated', load);
  var viewer = document.getElementById('viewer');
  function show(id, start, end, s0, s1){
    var a = texts[id]; if(!a || !viewer) return;
    viewer.textContent = '';
    var h = document.createElement('h3'); h.textContent = a.title + ' (' + (a.outlet || 'outlet unknown') + ')'; viewer.appendChild(h);
    var link = document.createElement('a'); link.href = '/articles/' + encodeURIComponent(id); link.textContent = 'open article'; viewer.appendChild(link);
    viewer.appendChild(document.createElement('br'));
    var from = isNaN(s0) ? start : Math.min(s0, start), to = isNaN(s1) ? end : Math.max(s1, end);
    viewer.appendChild(document.createTextNode(a.text.slice(0, from)));
    var pre = document.createElement('span'); pre.className = 'sent'; pre.textContent = a.text.slice(from, start); viewer.appendChild(pre);
    var m = document.createElement('mark'); m.textContent = a.text.slice(start, end); viewer.appendChild(m);
    var post = document.createElement('span'); post.className = 'sent'; post.textContent = a.text.slice(end, to); viewer.appendChild(post);
    viewer.appendChild(document.createTextNode(a.text.slice(to)));
    m.scrollIntoView({block:'center'});
  }
  document.addEventListener('click', function(e){
    var el = e.target && e.target.closest ? e.target.closest('[data-article]') : null;
    if(!el) return;
    e.preventDefault();
    show(el.getAttribute('data-article'), +el.getAttribute('data-start'), +el.getAttribute('data-end'), +el.getAttribute('data-sstart'), +el.getAttribute('data-send'));
  });
})();
`;

/** How the story page names its articles: the outlet when known, else "article N" (N = row in the articles table). */
interface Labels {
  articles: Map<string, ReportArticle>;
  label: Map<string, string>;
  num: Map<string, number>;
}

function labelsOf(story: ReportStory): Labels {
  const articles = new Map(story.articles.map((a) => [a.id, a]));
  const label = new Map<string, string>();
  const num = new Map<string, number>();
  story.articles.forEach((a, i) => {
    num.set(a.id, i + 1);
    label.set(a.id, a.outlet ?? `article ${i + 1}`);
  });
  return { articles, label, num };
}

function outletOf(l: Labels, id: string): string {
  return l.label.get(id) ?? id.slice(0, 8);
}

function outletsOf(l: Labels, ids: unknown): string {
  return esc([...new Set(arr<string>(ids).map((id) => outletOf(l, id)))].join(', '));
}

function evLink(e: Ev, label: string, l: Labels, cls = 'ev'): string {
  const s = e.sentence ?? e.span;
  const a = l.articles.get(e.articleId);
  const who = `${outletOf(l, e.articleId)}${a?.title ? ` — ${a.title}` : ''}`;
  return `<a href="/articles/${encodeURIComponent(e.articleId)}" class="${cls}" data-article="${esc(e.articleId)}" data-start="${e.span.start | 0}" data-end="${e.span.end | 0}" data-sstart="${s.start | 0}" data-send="${s.end | 0}" title="${esc(who)} (characters ${e.span.start}–${e.span.end})">${esc(label)}</a>`;
}

/** Numbered citations [n] (n = the article's row in the articles table), one per article. */
function citations(evs: Ev[], l: Labels): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of evs) {
    if (seen.has(e.articleId)) continue;
    seen.add(e.articleId);
    out.push(evLink(e, `[${l.num.get(e.articleId) ?? '?'}]`, l, 'ev cite'));
  }
  return out.join('');
}

function statusBadge(status: string, n?: number): string {
  if (status === 'corroborated') return `<span class="badge b-ok">corroborated${n !== undefined ? ` · ${n} independent` : ''}</span>`;
  if (status === 'conflicting') return '<span class="badge b-conflict">conflicting</span>';
  return '<span class="badge b-single">single source</span>';
}

function crossCheckHtml(story: ReportStory, articles: Labels): string {
  const cc = story.crossCheck as Any | null;
  if (!cc || typeof cc !== 'object') {
    return `<div class="notice" id="no-crosscheck">No cross-check for this story${story.articleCount < 2 ? ' (it has a single article)' : ' yet'}.</div>`;
  }
  const out: string[] = [];
  const brief = arr(cc.brief);
  out.push('<h2 id="brief">Brief</h2>');
  if (brief.length) {
    out.push(`<div class="card brief">${brief.map((b) => `<p class="brief-${esc(str(b.kind))}">${esc(str(b.text))}${citations(arr<Ev>(b.citations), articles)}</p>`).join('')}</div>`);
  } else out.push('<p class="muted">No brief.</p>');

  const conflicts = arr(cc.conflicts);
  out.push(`<h2 id="conflicts">Conflicts (${conflicts.length})</h2>`);
  if (!conflicts.length) out.push('<p class="muted">The sources do not contradict each other on any value found.</p>');
  for (const c of conflicts) {
    out.push(
      `<div class="card conflict" data-kind="${esc(str(c.kind))}"><strong>${esc(str(c.slot))}</strong> <span class="badge ${c.severity === 'minor' ? 'b-single' : 'b-conflict'}">${esc(str(c.severity))}</span>${c.withinArticle ? ' <span class="badge">within one article</span>' : ''}`,
    );
    out.push('<div class="side">');
    for (const side of arr(c.sides)) {
      const evs = arr<Ev>(side.evidence);
      out.push(
        `<div><div class="value">${esc(str(side.value))}</div>${arr<string>(side.wordings)
          .map((w, i) => `<div>“${evs[i] ? evLink(evs[i], w, articles) : esc(w)}”</div>`)
          .join('')}<div class="meta">${outletsOf(articles, side.articles)}${citations(evs, articles)}</div></div>`,
      );
    }
    out.push('</div>');
    if (c.note) out.push(`<div class="meta">${esc(str(c.note))}</div>`);
    out.push('</div>');
  }

  const facts = arr(cc.facts);
  const groups: [string, string][] = [
    ['corroborated', 'Corroborated'],
    ['conflicting', 'Conflicting'],
    ['single-source', 'Single source'],
  ];
  out.push(`<h2 id="facts">Facts (${facts.length})</h2>`);
  for (const [status, label] of groups) {
    const fs = facts.filter((f) => f.status === status);
    if (!fs.length) continue;
    out.push(`<h3 class="facts-${status}">${label} (${fs.length})</h3><table class="facts"><thead><tr><th>Statement</th><th>Outlets</th><th>Sources</th></tr></thead><tbody>`);
    for (const f of fs.slice(0, 200)) {
      out.push(
        `<tr><td>${esc(str(f.statement))}${citations(arr<Ev>(f.evidence), articles)}</td><td>${outletsOf(articles, f.articles)}</td><td>${statusBadge(status, typeof f.independentSources === 'number' ? f.independentSources : undefined)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
    if (fs.length > 200) out.push(`<p class="meta">… and ${fs.length - 200} more (see the JSON report).</p>`);
  }

  const ledger = arr(cc.quoteLedger);
  out.push(`<h2 id="quotes">Quote ledger (${ledger.reduce((n, s) => n + arr(s.statements).length, 0)} statements)</h2>`);
  if (!ledger.length) out.push('<p class="muted">No quotes.</p>');
  for (const sp of ledger) {
    out.push(`<div class="card speaker"><h3>${esc(str(sp.name, str(sp.speaker, 'unattributed')))}</h3>`);
    for (const st of arr(sp.statements)) {
      const wordings = arr(st.wordings);
      const rel = str(st.relation);
      const relLabel = rel === 'variant' ? 'wording variants (translation or paraphrase)' : rel === 'truncation' ? 'one wording contains another' : rel;
      out.push(`<div class="statement${wordings.length > 1 ? ' grouped' : ''}" data-relation="${esc(rel)}">${wordings.length > 1 ? `<span class="badge">${esc(relLabel)} · ${wordings.length} wordings</span>` : ''}`);
      for (const w of wordings) {
        const evs = arr<Ev>(w.evidence);
        out.push(`<div class="wording">“${evs[0] ? evLink(evs[0], str(w.text), articles) : esc(str(w.text))}” <span class="meta">${esc(str(w.kind))} · ${outletsOf(articles, w.articles)}</span></div>`);
      }
      out.push('</div>');
    }
    out.push('</div>');
  }

  const framing = arr(cc.framing);
  if (framing.length) {
    const outlets = [...new Set(framing.flatMap((r) => arr(r.usage).map((u) => outletOf(articles, str(u.articleId)))))].sort();
    out.push(`<h2 id="framing">Framing</h2><div class="scroll"><table class="framing"><thead><tr><th>What</th>${outlets.map((o) => `<th>${esc(o)}</th>`).join('')}</tr></thead><tbody>`);
    for (const r of framing) {
      const byOutlet = new Map<string, Any[]>();
      for (const u of arr(r.usage)) {
        const o = outletOf(articles, str(u.articleId));
        const terms = byOutlet.get(o) ?? [];
        for (const t of arr(u.terms)) if (!terms.some((x) => x.term === t.term)) terms.push(t);
        byOutlet.set(o, terms);
      }
      out.push(
        `<tr><td>${esc(str(r.concept))}</td>${outlets
          .map((o) => {
            const terms = byOutlet.get(o) ?? [];
            return `<td>${terms.map((t) => { const e = arr<Ev>(t.evidence)[0]; return e ? evLink(e, str(t.term), articles) : esc(str(t.term)); }).join(', ') || '<span class="muted">—</span>'}</td>`;
          })
          .join('')}</tr>`,
      );
    }
    out.push('</tbody></table></div>');
  }

  const omissions = arr(cc.omissions);
  if (omissions.length) {
    out.push(`<h2 id="omissions">Omissions</h2><ul>`);
    for (const o of omissions.slice(0, 50)) {
      out.push(`<li>${esc(str(o.statement))} <span class="meta">(carried by ${esc(str(o.carriedBy))}; missing from ${outletsOf(articles, arr(o.missingFrom).map((m) => str(m.articleId)))})</span></li>`);
    }
    out.push('</ul>');
  }

  const timeline = arr(cc.timeline);
  out.push(`<h2 id="timeline">Timeline</h2>`);
  if (!timeline.length) out.push('<p class="muted">No dated events.</p>');
  else {
    out.push('<table class="timeline"><thead><tr><th>Date</th><th>Event</th><th>Outlets</th></tr></thead><tbody>');
    for (const t of timeline) {
      out.push(
        `<tr><td>${esc(str(t.date))}${t.inferred ? ' <span class="badge" title="dated from the story, not the article">inferred</span>' : ''}</td><td>${esc(str(t.label))}${citations(arr<Ev>(t.evidence), articles)}</td><td>${outletsOf(articles, t.articles)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  // Coverage matrix: which outlet carries which fact (conflicting and corroborated first).
  const order: Record<string, number> = { conflicting: 0, corroborated: 1, 'single-source': 2 };
  const mfacts = [...facts].sort((a, b) => (order[str(a.status)] ?? 3) - (order[str(b.status)] ?? 3)).slice(0, 60);
  const outlets = [...new Set(story.articles.map((a) => outletOf(articles, a.id)))].sort();
  if (mfacts.length && outlets.length) {
    out.push(`<h2 id="coverage">Coverage (outlets × facts)</h2><div class="scroll"><table class="matrix"><thead><tr><th>Fact</th>${outlets.map((o) => `<th class="o">${esc(o)}</th>`).join('')}</tr></thead><tbody>`);
    for (const f of mfacts) {
      const has = new Set(arr<string>(f.articles).map((id) => outletOf(articles, id)));
      const cls = f.status === 'conflicting' ? 'conf' : 'yes';
      const st = str(f.statement);
      out.push(`<tr><td>${esc(st.length > 140 ? `${st.slice(0, 139)}…` : st)}</td>${outlets.map((o) => (has.has(o) ? `<td class="c ${cls}">✓</td>` : '<td class="c"></td>')).join('')}</tr>`);
    }
    out.push('</tbody></table></div>');
    if (facts.length > mfacts.length) out.push(`<p class="meta">First ${mfacts.length} of ${facts.length} facts.</p>`);
  }
  return out.join('\n');
}

export function storyPage(nonce: string, story: ReportStory, fragment: boolean, problem: string | null = null): string {
  const articles = labelsOf(story);
  const texts: Record<string, { title: string; outlet: string | null; text: string }> = {};
  for (const a of story.articles) texts[a.id] = { title: a.title ?? '(untitled)', outlet: outletOf(articles, a.id), text: a.text };
  const articleRows = story.articles
    .map(
      (a, i) =>
        `<tr><td>${i + 1}</td><td><a href="/articles/${encodeURIComponent(a.id)}">${esc(a.title ?? '(untitled)')}</a>${a.copyOf ? ` <span class="badge">copy of ${esc(outletOf(articles, a.copyOf))}</span>` : ''}${a.wire ? ` <span class="badge">wire: ${esc(a.wire)}</span>` : ''}</td><td>${esc(a.outlet ?? 'unknown')}</td><td>${esc(a.published ? dateLabel(a) : 'undated')}</td><td class="meta">${esc(a.source)}</td></tr>`,
    )
    .join('');
  const entities = story.entities
    .slice(0, 15)
    .map((e) => `<a href="/?entity=${encodeURIComponent(e.id)}">${esc(e.name)}</a> <span class="badge">${esc(e.type)} ${e.mentions}</span>`)
    .join(' · ');
  const live = `<div id="live-target" data-story="${esc(story.id)}" data-version="0">
<h1 id="story-title">${esc(story.title)}</h1>
<p class="meta"><span id="article-count">${plural(story.articleCount, 'article')}</span> · ${plural(story.independentSources, 'independent source')} · ${esc(story.outlets.join(', ') || 'outlets unknown')} · ${esc(spanLabel(story))} · story <code>${esc(story.id)}</code> · <a href="/api/stories/${encodeURIComponent(story.id)}">JSON</a></p>
${problem ? `<div class="notice err" id="crosscheck-error">The cross-check of this story failed: ${esc(problem)}</div>` : crossCheckHtml(story, articles)}
<h2 id="articles">Articles</h2><table><thead><tr><th>#</th><th>Title</th><th>Outlet</th><th>Published</th><th>Source</th></tr></thead><tbody>${articleRows}</tbody></table>
${entities ? `<h2>Main entities</h2><p>${entities}</p>` : ''}
${jsonScript('article-texts', texts)}
</div>`;
  if (fragment) return live;
  const body = `<p class="meta"><a href="/">← stories</a> <span class="live" id="live-status"></span></p>
<div class="grid"><div>${live}</div><aside id="viewer">Click a fact, quote, citation or conflict to read its sentence in the article.</aside></div>`;
  return layout(nonce, story.title, body, VIEWER_SCRIPT + LIVE_SCRIPT);
}

// ---- article page -----------------------------------------------------------------------------

interface Layer {
  start: number;
  end: number;
  cls: string;
  title: string;
}

/** The clean text with annotation layers as nested-free segments: every boundary splits, each segment carries all covering layers. */
export function highlightText(text: string, layers: Layer[]): string {
  const valid = layers.filter((l) => l.start >= 0 && l.end <= text.length && l.end > l.start);
  const cuts = new Set<number>([0, text.length]);
  for (const l of valid) {
    cuts.add(l.start);
    cuts.add(l.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: string[] = [];
  const sorted = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  let active: Layer[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    active = active.filter((l) => l.end > a);
    while (next < sorted.length && sorted[next].start <= a) {
      if (sorted[next].end > a) active.push(sorted[next]);
      next++;
    }
    const seg = esc(text.slice(a, b));
    if (!active.length) out.push(seg);
    else {
      const cls = [...new Set(active.flatMap((l) => l.cls.split(' ')))].join(' ');
      const title = active.map((l) => l.title).join('\n');
      out.push(`<span class="${esc(cls)}" title="${esc(title)}" data-start="${a}" data-end="${b}">${seg}</span>`);
    }
  }
  return out.join('');
}

const ARTICLE_SCRIPT = `
(function(){
  document.querySelectorAll('.legend input[data-layer]').forEach(function(box){
    box.addEventListener('change', function(){ document.body.classList.toggle('hide-' + box.getAttribute('data-layer'), !box.checked); });
  });
})();
`;

export function articlePage(nonce: string, a: AnnotatedArticle, source: string, storyId: string | null): string {
  const art = a.article;
  const layers: Layer[] = [];
  for (const e of a.entities) layers.push({ start: e.span.start, end: e.span.end, cls: `ent ent-${e.type}`, title: `${e.type} ${e.denotes ?? e.entity}` });
  for (const q of a.quotes) layers.push({ start: q.span.start, end: q.span.end, cls: 'q', title: `${q.kind} quote${q.speakerName || q.speaker ? ` by ${q.speakerName ?? q.speaker}` : ''}${q.cue ? ` (${q.cue.verb})` : ''}` });
  for (const t of a.times) layers.push({ start: t.span.start, end: t.span.end, cls: 'tm', title: `time: ${t.value ?? 'unresolved'}${t.inferred ? ' (inferred)' : ''}` });
  for (const q of a.quantities) {
    const range = q.low !== null || q.high !== null ? ` [${q.low ?? '…'}, ${q.high ?? '…'}]` : '';
    layers.push({ start: q.span.start, end: q.span.end, cls: 'qty', title: `quantity: ${q.qualifier !== 'exact' && q.qualifier ? `${q.qualifier} ` : ''}${q.value} ${q.unit}${range}${q.counted ? ` ${q.counted}` : ''}` });
  }
  const safeUrl = art.url && /^https?:\/\//i.test(art.url) ? `<a href="${esc(art.url)}" rel="noopener noreferrer nofollow" target="_blank">${esc(art.url)}</a>` : art.url ? esc(art.url) : '—';
  const meta: [string, string][] = [
    ['Outlet', esc(art.outlet ?? 'unknown')],
    ['Published', art.published ? `${esc(art.published.iso)} <span class="meta">(${esc(art.published.precision)}, from ${esc(art.published.source)})</span>` : 'undated'],
    ['Byline', esc(art.byline.join(', ') || '—')],
    ['Dateline', esc(art.dateline ?? '—')],
    ['Wire', esc(art.wire ?? '—')],
    ['Language', esc(art.language ?? '—')],
    ['URL', safeUrl],
    ['Source', esc(source)],
    ['Story', storyId ? `<a href="/stories/${encodeURIComponent(storyId)}">${esc(storyId)}</a>` : '—'],
    ['Annotations', `${plural(a.sentences.length, 'sentence')}, ${plural(a.entities.length, 'entity mention')}, ${plural(a.quotes.length, 'quote')}, ${plural(a.times.length, 'time expression')}, ${plural(a.quantities.length, 'quantity', 'quantities')}`],
  ];
  if (art.attributions.length) meta.push(['Cites', esc([...new Set(art.attributions.map((x) => x.name))].join(', '))]);
  const messages = art.messages.length ? `<ul class="messages">${art.messages.map((m) => `<li class="${m.level === 'error' ? 'err' : ''}">${esc(m.level)} (${esc(m.stage)}): ${esc(m.message)}</li>`).join('')}</ul>` : '';
  const removed = art.removed.length
    ? `<details class="removed" id="removed"><summary>Removed boilerplate (${art.removed.length} blocks)</summary>${art.removed.map((r) => `<div><span class="badge">${esc(r.reason)}</span><pre>${esc(r.text)}</pre></div>`).join('')}</details>`
    : '<p class="muted">No boilerplate was removed.</p>';
  const body = `<p class="meta">${storyId ? `<a href="/stories/${encodeURIComponent(storyId)}">← story</a>` : '<a href="/">← stories</a>'}</p>
<h1 id="article-title">${esc(art.title ?? '(untitled)')}</h1>
${art.dek ? `<p class="meta">${esc(art.dek)}</p>` : ''}
<table class="article-meta">${meta.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('')}</table>
${messages}
<p class="legend"><label><input type="checkbox" data-layer="ent" checked><span class="sw sw-ent"></span>entities</label><label><input type="checkbox" data-layer="q" checked><span class="sw sw-q"></span>quotes</label><label><input type="checkbox" data-layer="tm" checked><span class="sw sw-tm"></span>times</label><label><input type="checkbox" data-layer="qty" checked><span class="sw sw-qty"></span>quantities</label></p>
<div class="article-text" id="article-text">${highlightText(art.text, layers)}</div>
<h2>Removed boilerplate</h2>
${removed}`;
  return layout(nonce, art.title ?? 'Article', body, ARTICLE_SCRIPT);
}

// ---- add articles -----------------------------------------------------------------------------

const ADD_SCRIPT = `
(function(){
  var form = document.getElementById('add-form');
  var out = document.getElementById('results');
  var affected = document.getElementById('affected');
  var tokenInput = document.getElementById('token');
  if(tokenInput){ tokenInput.value = sessionStorage.getItem('triangulate-token') || ''; }
  var watched = {};
  function el(tag, text, cls){ var e = document.createElement(tag); if(text != null) e.textContent = text; if(cls) e.className = cls; return e; }
  function typeFor(name){
    var n = (name || '').toLowerCase();
    if(/\\.html?$/.test(n)) return 'html';
    if(/\\.(jsonl|ndjson)$/.test(n)) return 'jsonl';
    if(/\\.json$/.test(n)) return 'json';
    if(/\\.(xml|rss|atom)$/.test(n)) return 'feed';
    if(/\\.(txt|text|md)$/.test(n)) return 'text';
    return '';
  }
  function post(body, source, format){
    var headers = {'Content-Type': 'application/octet-stream'};
    var tok = tokenInput ? tokenInput.value.trim() : '';
    if(tok){ headers['Authorization'] = 'Bearer ' + tok; sessionStorage.setItem('triangulate-token', tok); }
    var url = '/api/articles?source=' + encodeURIComponent(source) + (format ? '&format=' + encodeURIComponent(format) : '');
    return fetch(url, {method:'POST', headers: headers, body: body, credentials:'same-origin'}).then(function(r){
      return r.json().then(function(j){ return {ok: r.ok, status: r.status, body: j}; }, function(){ return {ok:false, status:r.status, body:{error:{message:'unreadable response'}}}; });
    });
  }
  function refreshStory(id){
    fetch('/api/stories/' + encodeURIComponent(id)).then(function(r){ return r.ok ? r.json() : null; }).then(function(s){
      var li = watched[id]; if(!li) return;
      li.textContent = '';
      if(!s){ li.appendChild(el('span', 'story ' + id + ' was removed or merged', 'muted')); return; }
      var a = el('a', s.title || '(untitled)'); a.href = '/stories/' + encodeURIComponent(id); li.appendChild(a);
      var cc = s.crossCheck;
      var conflicts = cc && cc.conflicts ? cc.conflicts.filter(function(c){ return c.severity !== 'minor'; }).length : null;
      li.appendChild(el('span', ' · ' + s.articleCount + (s.articleCount === 1 ? ' article' : ' articles') + ' · ' + s.outlets.length + ' outlets' + (conflicts === null ? '' : ' · ' + conflicts + ' conflicts'), 'meta story-stats'));
      li.setAttribute('data-articles', String(s.articleCount));
    }).catch(function(){});
  }
  function watch(id){
    if(!watched[id]){ var li = el('li'); li.setAttribute('data-story', id); li.textContent = id; affected.appendChild(li); watched[id] = li; }
    refreshStory(id);
  }
  if(window.EventSource){
    var es = new EventSource('/api/events');
    ['story','report'].forEach(function(t){ es.addEventListener(t, function(e){ try { var d = JSON.parse(e.data); if(watched[d.storyId]) refreshStory(d.storyId); } catch(err) {} }); });
    es.addEventListener('story-removed', function(e){ try { var d = JSON.parse(e.data); if(watched[d.storyId]) refreshStory(d.storyId); } catch(err) {} });
  }
  function report(source, res){
    if(!res.ok){ out.appendChild(el('li', source + ': ' + res.status + ' ' + ((res.body && res.body.error && res.body.error.message) || 'error'), 'err')); return; }
    res.body.outcomes.forEach(function(o){
      var li = el('li', null, 'outcome-' + o.status);
      li.appendChild(el('span', o.source + ': ' + o.status + (o.reason ? ' (' + o.reason + ')' : '')));
      if(o.docId && o.status !== 'failed'){ li.appendChild(document.createTextNode(' · ')); var a = el('a', 'article'); a.href = '/articles/' + encodeURIComponent(o.docId); li.appendChild(a); }
      out.appendChild(li);
      if(o.storyId) watch(o.storyId);
    });
  }
  form.addEventListener('submit', function(e){
    e.preventDefault();
    var files = Array.prototype.slice.call(document.getElementById('files').files || []);
    var text = document.getElementById('paste').value;
    var fmt = document.getElementById('format').value;
    var name = document.getElementById('source').value.trim() || 'pasted';
    var status = document.getElementById('add-status');
    var button = form.querySelector('button[type=submit]');
    button.disabled = true; status.textContent = 'adding…';
    var chain = Promise.resolve();
    files.forEach(function(f){ chain = chain.then(function(){ return f.arrayBuffer(); }).then(function(buf){ return post(buf, f.name, fmt || typeFor(f.name)); }).then(function(res){ report(f.name, res); }); });
    if(text.trim()){ chain = chain.then(function(){ return post(new Blob([text]), name, fmt); }).then(function(res){ report(name, res); }); }
    chain.catch(function(err){ out.appendChild(el('li', 'network error: ' + err, 'err')); }).then(function(){
      button.disabled = false; status.textContent = 'done';
      document.getElementById('paste').value = '';
      document.getElementById('files').value = '';
    });
  });
})();
`;

export function addPage(nonce: string, opts: { tokenRequired: boolean }): string {
  const body = `<h1>Add articles</h1>
<form id="add-form" class="card">
<p><label>Files (text, HTML, JSON, JSON Lines, RSS/Atom; several at once)<br><input type="file" id="files" multiple></label></p>
<p><label>…or paste an article (plain text with its headline first, raw HTML, a JSON record or JSON Lines)<br><textarea id="paste" spellcheck="false"></textarea></label></p>
<p class="filters"><label>Name of the pasted document <input id="source" value="pasted"></label>
<label>Format <select id="format"><option value="">detect</option><option value="text">text</option><option value="html">HTML</option><option value="json">JSON</option><option value="jsonl">JSON Lines</option><option value="feed">RSS/Atom</option></select></label>
${opts.tokenRequired ? '<label>Token <input id="token" type="password" autocomplete="off"></label>' : ''}</p>
<p><button type="submit">Add</button> <span id="add-status" class="meta"></span></p>
</form>
<h2>Results</h2><ul id="results" class="outcomes"></ul>
<h2>Affected stories <span class="live">(update live)</span></h2><ul id="affected"></ul>`;
  return layout(nonce, 'Add articles', body, ADD_SCRIPT);
}

export function notFoundPage(message: string): (nonce: string) => string {
  return (nonce) => layout(nonce, 'Not found', `<h1>Not found</h1><p>${esc(message)}</p><p><a href="/">Stories</a></p>`);
}
