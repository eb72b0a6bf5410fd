/**
 * What a fetched source is (feed, sitemap, sitemap index, OPML, article page, JSON records), and
 * the entries it lists. Sitemaps are scanned with a pattern rather than a DOM so that a sitemap of
 * 100,000 URLs costs a linear pass, not a document tree.
 */
import { linkedom } from '../util/lazy.js';
import { provenFormat } from '../ingest/readers.js';

export type SourceKind = 'feed' | 'sitemap' | 'sitemap-index' | 'opml' | 'page' | 'records';

export interface SitemapEntry {
  url: string;
  /** news:publication_date, else lastmod (as written): the order entries are taken in. */
  date?: string;
  /** news:publication_date: the article's own publication date. */
  published?: string;
  /** news:title, when a news sitemap gives it. */
  title?: string;
}

/** The kind of a fetched body, from its content (the declared type is only a fallback). */
export function kindOf(text: string, contentType: string | null): SourceKind {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  const root = /^(?:<\?xml[^>]*>\s*)?(?:<\?xml-stylesheet[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<([\w:-]+)/.exec(head)?.[1]?.toLowerCase();
  if (root === 'urlset') return 'sitemap';
  if (root === 'sitemapindex') return 'sitemap-index';
  if (root === 'opml') return 'opml';
  const proven = provenFormat(text);
  if (proven === 'feed') return 'feed';
  if (proven === 'json' || proven === 'jsonl') return 'records';
  if (proven === 'html') return 'page';
  if (contentType && /(rss|atom)\+xml/i.test(contentType)) return 'feed';
  return 'page';
}

const decodeXml = (s: string) =>
  s
    .replace(/^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .trim();

function tag(block: string, name: string): string | undefined {
  const m = new RegExp(`<(?:[\\w-]+:)?${name}\\b[^>]*>([\\s\\S]*?)</(?:[\\w-]+:)?${name}\\s*>`, 'i').exec(block);
  return m ? decodeXml(m[1]) : undefined;
}

/** Entries of a sitemap (`<url>`) or of a sitemap index (`<sitemap>`), resolved against the sitemap's URL. */
export function sitemapEntries(text: string, base: string): SitemapEntry[] {
  const out: SitemapEntry[] = [];
  const re = /<(url|sitemap)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const loc = tag(m[2], 'loc');
    if (!loc) continue;
    let url: string;
    try {
      url = new URL(loc, base).href;
    } catch {
      continue;
    }
    const news = /<news:news\b[\s\S]*?<\/news:news>/i.exec(m[2])?.[0];
    const published = news ? tag(news, 'publication_date') : undefined;
    out.push({ url, date: published ?? tag(m[2], 'lastmod'), published, title: news ? tag(news, 'title') : undefined });
  }
  return out;
}

/** The feed URLs an OPML file lists (outlines with xmlUrl), resolved against its URL. */
export function opmlFeeds(text: string, base: string): string[] {
  const { document } = linkedom().parseHTML(`<html><body>${text.replace(/^\s*<\?xml[^>]*>/, '')}</body></html>`);
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll('outline')) as Element[]) {
    const href = el.getAttribute('xmlUrl') ?? el.getAttribute('xmlurl') ?? (el.getAttribute('type') === 'rss' ? el.getAttribute('url') : null);
    if (!href) continue;
    try {
      const u = new URL(href, base).href;
      if (!out.includes(u)) out.push(u);
    } catch {
      /* an outline with an unusable URL is left out */
    }
  }
  return out;
}

/** Newest first (dated entries before undated ones; document order among equals). */
export function newestFirst<T extends { date?: string }>(entries: T[]): T[] {
  const t = (e: T) => {
    const v = e.date ? Date.parse(e.date) : Number.NaN;
    return Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
  };
  return entries
    .map((e, i) => ({ e, i, t: t(e) }))
    .sort((a, b) => b.t - a.t || a.i - b.i)
    .map((x) => x.e);
}
