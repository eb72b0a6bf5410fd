/**
 * From fetched bytes to documents: a page as the ingest stage reads it (charset decided first, the
 * listing's date, title and outlet passed as hints), and a feed item whose page cannot be used
 * falling back on the item's own content.
 */
import { extractArticle } from '../extract/index.js';
import { type FeedItem, type Format, feedItemToDoc, type ReadResult, readBytes } from '../ingest/index.js';
import { normaliseCharset } from './charset.js';
import type { FetchResult, PoliteFetcher } from './http.js';

/** What a listing (feed item, news sitemap entry) says about an entry's page. */
export interface EntryHints {
  published?: string;
  title?: string;
  outlet?: string;
}

function declaredFormat(contentType: string | null): Format | null {
  const t = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (t === 'application/json') return 'json';
  if (t === 'application/rss+xml' || t === 'application/atom+xml') return 'feed';
  if (t === 'text/plain') return 'text';
  return null;
}

/** The documents of a fetched body, read like a file (the content decides the format). */
export function readFetched(r: Extract<FetchResult, { ok: true }>, hints: EntryHints = {}): ReadResult[] {
  const { bytes, note } = normaliseCharset(r.bytes, r.contentType);
  const results = readBytes(r.url, bytes, declaredFormat(r.contentType));
  for (const x of results) {
    if (x.kind !== 'doc') continue;
    const meta = x.doc.meta;
    meta.url ??= r.url;
    if (hints.published) {
      const d = new Date(hints.published);
      meta.published ??= Number.isNaN(d.getTime()) ? hints.published : d.toISOString();
    }
    if (hints.title) meta.title ??= hints.title;
    if (hints.outlet) meta.outlet ??= hints.outlet;
    if (note) x.warnings.push(note);
  }
  return results;
}

/** Why a page gives no usable article, or null when it does. */
function unusable(results: ReadResult[]): string | null {
  const doc = results.find((x) => x.kind === 'doc');
  if (!doc || doc.kind !== 'doc') {
    const err = results.find((x) => x.kind === 'error');
    return err && err.kind === 'error' ? err.reason : 'nothing to read';
  }
  const a = extractArticle(doc.doc);
  if (a.status !== 'ok') return a.messages.find((m) => m.level === 'error')?.message ?? 'no article body found';
  return null;
}

/** A page listed by a sitemap or linked from an article list: the page's document, or why not. */
export async function pageEntry(fetcher: PoliteFetcher, url: string, hints: EntryHints): Promise<ReadResult> {
  const r = await fetcher.fetch(url);
  if (!r.ok) return { kind: 'error', source: url, reason: r.reason };
  const results = readFetched(r, hints);
  const why = unusable(results);
  if (why) return { kind: 'error', source: r.url, reason: why };
  return results.find((x) => x.kind === 'doc')!;
}

/**
 * A feed item: its linked page when that page fetches and extracts, else the item's own content
 * (with a warning saying why), else an error naming both problems.
 */
export async function feedEntry(fetcher: PoliteFetcher, feedUrl: string, index: number, item: FeedItem, link: string | null, channelTitle?: string): Promise<ReadResult> {
  const fallback = () => feedItemToDoc(feedUrl, `#${index + 1}`, item, channelTitle, 'utf-8', link ?? undefined);
  if (!link) {
    const own = fallback();
    return own.kind === 'doc' ? own : { kind: 'error', source: `${feedUrl}#${index + 1}`, reason: 'feed item has neither a link nor content' };
  }
  const page = await pageEntry(fetcher, link, { published: item.published, title: item.title, outlet: channelTitle });
  if (page.kind === 'doc') return page;
  const own = fallback();
  if (own.kind !== 'doc') return { kind: 'error', source: link, reason: `${page.reason}; the feed item has no content of its own` };
  own.doc.source = link;
  own.warnings.push(`page ${link}: ${page.reason}; the feed item's own content is used`);
  return own;
}
