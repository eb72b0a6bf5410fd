import type { AnnotatedArticle } from '../model/types.js';
import { plural } from '../report/render.js';
import { type PageContext, Page } from './layout.js';
import { safeHttpUrl } from './render.js';
import { ARTICLE_SCRIPT } from './scripts.js';

export interface Layer {
  start: number;
  end: number;
  cls: string;
  title: string;
}

export interface Segment {
  start: number;
  end: number;
  layers: Layer[];
}

/** The text cut at every layer boundary; each segment carries all the layers covering it (no nesting needed). */
export function segments(length: number, layers: Layer[]): Segment[] {
  const valid = layers.filter((l) => l.start >= 0 && l.end <= length && l.end > l.start);
  const points = [...new Set([0, length, ...valid.flatMap((l) => [l.start, l.end])])].sort((a, b) => a - b);
  const sorted = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let active: Layer[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    active = active.filter((l) => l.end > a);
    while (next < sorted.length && sorted[next].start <= a) {
      if (sorted[next].end > a) active.push(sorted[next]);
      next++;
    }
    out.push({ start: a, end: points[i + 1], layers: [...active] });
  }
  return out;
}

export function Highlighted({ text, layers }: { text: string; layers: Layer[] }) {
  return (
    <>
      {segments(text.length, layers).map((s) =>
        s.layers.length ? (
          <span class={[...new Set(s.layers.flatMap((l) => l.cls.split(' ')))].join(' ')} title={s.layers.map((l) => l.title).join('\n')} data-start={s.start} data-end={s.end}>
            {text.slice(s.start, s.end)}
          </span>
        ) : (
          text.slice(s.start, s.end)
        ),
      )}
    </>
  );
}

function layersOf(a: AnnotatedArticle): Layer[] {
  const layers: Layer[] = [];
  for (const e of a.entities) layers.push({ start: e.span.start, end: e.span.end, cls: `ent ent-${e.type}`, title: `${e.type} ${e.denotes ?? e.entity}` });
  for (const q of a.quotes) layers.push({ start: q.span.start, end: q.span.end, cls: 'q', title: `${q.kind} quote${q.speakerName || q.speaker ? ` by ${q.speakerName ?? q.speaker}` : ''}${q.cue ? ` (${q.cue.verb})` : ''}` });
  for (const t of a.times) layers.push({ start: t.span.start, end: t.span.end, cls: 'tm', title: `time: ${t.value ?? 'unresolved'}${t.inferred ? ' (inferred)' : ''}` });
  for (const q of a.quantities) {
    const range = q.low !== null || q.high !== null ? ` [${q.low ?? '…'}, ${q.high ?? '…'}]` : '';
    layers.push({ start: q.span.start, end: q.span.end, cls: 'qty', title: `quantity: ${q.qualifier !== 'exact' && q.qualifier ? `${q.qualifier} ` : ''}${q.value} ${q.unit}${range}${q.counted ? ` ${q.counted}` : ''}` });
  }
  return layers;
}

/** A URL as a link only when it is http(s); anything else (javascript:, data:) stays text. */
export function UrlText({ url }: { url: string | null }) {
  const safe = safeHttpUrl(url);
  if (safe)
    return (
      <a href={safe} rel="noopener noreferrer nofollow" target="_blank">
        {url}
      </a>
    );
  return <>{url ?? '—'}</>;
}

export function ArticlePage({ ctx, a, source, storyId }: { ctx: PageContext; a: AnnotatedArticle; source: string; storyId: string | null }) {
  const art = a.article;
  const meta: [string, preact.ComponentChildren][] = [
    ['Outlet', art.outlet ?? 'unknown'],
    ['Published', art.published ? <>{art.published.iso} <span class="meta">({art.published.precision}, from {art.published.source})</span></> : 'undated'],
    ['Byline', art.byline.join(', ') || '—'],
    ['Dateline', art.dateline ?? '—'],
    ['Wire', art.wire ?? '—'],
    ['Language', art.language ?? '—'],
    ['URL', <UrlText url={art.url} />],
    ['Source', source],
    ['Story', storyId ? <a href={`/stories/${encodeURIComponent(storyId)}`}>{storyId}</a> : '—'],
    ['Annotations', `${plural(a.sentences.length, 'sentence')}, ${plural(a.entities.length, 'entity mention')}, ${plural(a.quotes.length, 'quote')}, ${plural(a.times.length, 'time expression')}, ${plural(a.quantities.length, 'quantity', 'quantities')}`],
  ];
  if (art.attributions.length) meta.push(['Cites', [...new Set(art.attributions.map((x) => x.name))].join(', ')]);
  const layers: [string, string][] = [
    ['ent', 'entities'],
    ['q', 'quotes'],
    ['tm', 'times'],
    ['qty', 'quantities'],
  ];
  return (
    <Page ctx={ctx} title={art.title ?? 'Article'} scripts={[ARTICLE_SCRIPT]}>
      <p class="meta">{storyId ? <a href={`/stories/${encodeURIComponent(storyId)}`}>← story</a> : <a href="/">← stories</a>}</p>
      <h1 id="article-title">{art.title ?? '(untitled)'}</h1>
      {art.dek && <p class="meta">{art.dek}</p>}
      <table class="article-meta stack">
        {meta.map(([k, v]) => (
          <tr>
            <th>{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </table>
      {art.messages.length > 0 && (
        <ul class="messages">
          {art.messages.map((m) => (
            <li class={m.level === 'error' ? 'err' : ''}>{`${m.level} (${m.stage}): ${m.message}`}</li>
          ))}
        </ul>
      )}
      <p class="legend">
        {layers.map(([k, label]) => (
          <label>
            <input type="checkbox" data-layer={k} checked />
            <span class={`sw sw-${k}`} />
            {label}
          </label>
        ))}
      </p>
      <div class="article-text" id="article-text">
        <Highlighted text={art.text} layers={layersOf(a)} />
      </div>
      <h2>Removed boilerplate</h2>
      {art.removed.length ? (
        <details class="removed" id="removed">
          <summary>Removed boilerplate ({plural(art.removed.length, 'block')})</summary>
          {art.removed.map((r) => (
            <div>
              <span class="badge">{r.reason}</span>
              <pre>{r.text}</pre>
            </div>
          ))}
        </details>
      ) : (
        <p class="muted">No boilerplate was removed.</p>
      )}
    </Page>
  );
}

export function NotFoundPage({ ctx, message }: { ctx: PageContext; message: string }) {
  return (
    <Page ctx={ctx} title="Not found">
      <h1>Not found</h1>
      <p>{message}</p>
      <p>
        <a href="/">Stories</a>
      </p>
    </Page>
  );
}
