import type { AnnotatedArticle, Article, Span } from '../model/types.js';
import { plural, spanLabel } from '../report/labels.js';
import type { Store } from '../store/index.js';
import type { StoryGroup } from '../stories/index.js';
import { inertJson } from '../util/inert.js';

// JSON.stringify escapes C0 controls; inertJson also escapes DEL, C1 and bidi controls (same JSON value).
// Text output is made inert where it is written (cli/inert-io.ts).
const json = (v: unknown) => `${inertJson(JSON.stringify(v, null, 2))}\n`;

/** The article as `triangulate extract` prints it: `body` is the clean text all spans index into. */
export function articleJson(a: Article) {
  const { text, ...rest } = a;
  return {
    title: rest.title,
    dek: rest.dek,
    body: text,
    byline: rest.byline,
    outlet: rest.outlet,
    url: rest.url,
    published: rest.published,
    modified: rest.modified,
    language: rest.language,
    dateline: rest.dateline,
    wire: rest.wire,
    attributions: rest.attributions,
    removed: rest.removed,
    blocks: rest.blocks,
    status: rest.status,
    messages: rest.messages,
    id: rest.docId,
    source: rest.source,
  };
}

export function formatArticle(a: Article, fmt: 'text' | 'json'): string {
  if (fmt === 'json') return json(articleJson(a));
  const lines: string[] = [];
  if (a.status !== 'ok') lines.push(`status: ${a.status}${a.messages.length ? ` (${a.messages.map((m) => m.message).join('; ')})` : ''}`);
  lines.push(`# ${a.title ?? '(untitled)'}`);
  if (a.dek) lines.push(`  ${a.dek}`);
  const meta: [string, string | null][] = [
    ['outlet', a.outlet],
    ['byline', a.byline.length ? a.byline.join(', ') : null],
    ['published', a.published ? `${a.published.iso} (${a.published.precision}, from ${a.published.source})` : 'unknown'],
    ['modified', a.modified ? `${a.modified.iso} (from ${a.modified.source})` : null],
    ['dateline', a.dateline],
    ['wire', a.wire],
    ['language', a.language],
    ['url', a.url],
    ['cites', a.attributions.length ? [...new Set(a.attributions.map((x) => x.name))].join(', ') : null],
  ];
  for (const [k, v] of meta) if (v) lines.push(`${k.padEnd(10)} ${v}`);
  lines.push('', a.text, '');
  if (a.removed.length) lines.push(`(${a.removed.length} boilerplate blocks removed; --format json lists them with reasons)`);
  return `${lines.join('\n')}\n`;
}

const quote = (text: string, s: Span) => JSON.stringify(text.slice(s.start, s.end));

export function formatEntities(a: AnnotatedArticle, fmt: 'text' | 'json'): string {
  if (fmt === 'json') return json({ id: a.article.docId, title: a.article.title, entities: a.entityIndex, mentions: a.entities });
  const lines = [`${a.entityIndex.length} entities, ${a.entities.length} mentions in "${a.article.title ?? '(untitled)'}"`, ''];
  for (const e of a.entityIndex) {
    const spans = a.entities.filter((m) => m.entity === e.id || m.denotes === e.id).map((m) => `${m.span.start}-${m.span.end}`);
    lines.push(`${e.type.padEnd(4)} ${e.name}  [${e.id}]  ${e.mentions}×  variants: ${e.variants.join(' | ')}`);
    lines.push(`     at ${spans.slice(0, 12).join(', ')}${spans.length > 12 ? ', …' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatAnnotations(a: AnnotatedArticle, fmt: 'text' | 'json'): string {
  const text = a.article.text;
  if (fmt === 'json') {
    return json({ id: a.article.docId, title: a.article.title, published: a.article.published, sentences: a.sentences.length, quotes: a.quotes, times: a.times, quantities: a.quantities, entities: a.entities });
  }
  const lines: string[] = [`"${a.article.title ?? '(untitled)'}" · published ${a.article.published?.iso ?? 'unknown'} · ${a.sentences.length} sentences`, ''];
  lines.push(`Quotes (${a.quotes.length})`);
  for (const q of a.quotes) {
    const who = q.speakerName ?? (q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : 'unknown speaker');
    lines.push(`  [${q.kind}] ${who}${q.cue ? ` (${q.cue.verb})` : ''}: ${quote(text, q.span)}  @${q.span.start}-${q.span.end}`);
  }
  lines.push('', `Time expressions (${a.times.length})`);
  for (const t of a.times) {
    lines.push(`  ${JSON.stringify(t.text)} → ${t.value ?? 'unresolved'} (${t.kind}${t.inferred ? ', inferred' : ''})  @${t.span.start}-${t.span.end}`);
  }
  lines.push('', `Quantities (${a.quantities.length})`);
  for (const q of a.quantities) {
    const range = q.low !== null || q.high !== null ? ` [${q.low ?? ''}..${q.high ?? ''}]` : '';
    lines.push(`  ${JSON.stringify(q.text)} → ${q.qualifier} ${q.value}${range} ${q.unit}${q.counted ? ` of ${q.counted}` : ''}  @${q.span.start}-${q.span.end}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function formatStories(store: Store, fmt: 'text' | 'json'): Promise<string> {
  const stored = await store.stories();
  const outletOf = new Map<string, string | null>();
  for (const s of stored) for (const id of s.members) outletOf.set(id, await store.outletOf(id));
  const rows = stored.map((s) => {
    const g = s.data as StoryGroup;
    const outlets = [...new Set(s.members.map((id) => outletOf.get(id)).filter((o): o is string => !!o))].sort();
    return {
      id: s.id,
      title: g.title ?? '(untitled)',
      articleCount: s.members.length,
      independentSources: g.independentSources ?? s.members.length,
      outlets,
      span: g.span ?? { start: null, end: null },
      entities: g.entities ?? [],
      places: g.places ?? [],
      members: s.members,
    };
  });
  rows.sort((a, b) => (b.span.end ?? '').localeCompare(a.span.end ?? '') || b.articleCount - a.articleCount || a.id.localeCompare(b.id));
  if (fmt === 'json') return json({ stories: rows });
  if (!rows.length) return 'No stories in the store yet: run `triangulate analyze <files>` first.\n';
  const lines = [`${rows.length} stories in ${store.path}`, ''];
  for (const r of rows) {
    lines.push(`${r.title}`);
    lines.push(`  ${plural(r.articleCount, 'article')} (${r.independentSources} independent) · ${r.outlets.join(', ') || 'outlets unknown'} · ${spanLabel(r)} · id ${r.id}`);
  }
  return `${lines.join('\n')}\n`;
}

