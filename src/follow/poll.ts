/**
 * One poll of the followed sources: each source is fetched (conditionally), recognised (feed,
 * sitemap, sitemap index, OPML, article page, JSON records), and what it lists that was never
 * taken before is fetched and read; OPML files and sitemap indexes add their feeds and sitemaps as
 * sources of their own. Every source gets a status line; a bad source never stops the others.
 */
import { parseFeedItems, type ReadResult } from '../ingest/index.js';
import { kindOf, newestFirst, opmlFeeds, type SourceKind, sitemapEntries } from './discover.js';
import { feedEntry, pageEntry, readFetched } from './entries.js';
import type { PoliteFetcher } from './http.js';
import type { FollowMemory } from './state.js';

export interface SourceReport {
  url: string;
  kind: SourceKind | null;
  status: 'ok' | 'not-modified' | 'error';
  detail: string;
  parent: string | null;
}

/** An entry to ingest: the key it is remembered by, the source that listed it, the document. */
export interface Entry {
  key: string;
  source: string;
  result: ReadResult;
}

export interface SourcePoll {
  report: SourceReport;
  entries: Entry[];
  /** Feeds of an OPML file, sitemaps of a sitemap index: polled next, with this source as parent. */
  children: string[];
  validators: { etag: string | null; lastModified: string | null };
  /** Entry URLs left out on purpose (older than the first poll's window of a big sitemap). */
  baseline: string[];
}

export interface PollLimits {
  /** Entries taken from one source per poll (default 30), newest first. */
  maxNewPerSource: number;
  /** Sitemaps of one sitemap index followed (default 10, newest first). */
  maxChildren: number;
}

/** What polling needs to remember: a source's validators, and the entries already taken. */
export type PollMemory = Pick<FollowMemory, 'source' | 'seen'>;

/** No memory: every entry is new, no conditional request (one-off reads such as `analyze URL`). */
export const NO_MEMORY: PollMemory = { source: async () => null, seen: async () => new Set() };

/** The items whose key was never taken, in their order. */
async function unseen<T>(state: PollMemory, items: T[], key: (x: T) => string): Promise<T[]> {
  const seen = await state.seen(items.map(key));
  return items.filter((x) => !seen.has(key(x)));
}

export async function pollSource(fetcher: PoliteFetcher, state: PollMemory, url: string, parent: string | null, limits: PollLimits): Promise<SourcePoll> {
  const prior = await state.source(url);
  const empty = { etag: null, lastModified: null };
  const done = (status: SourceReport['status'], detail: string, kind: SourceKind | null, rest: Partial<SourcePoll> = {}): SourcePoll => ({
    report: { url, kind, status, detail, parent },
    entries: [],
    children: [],
    validators: empty,
    baseline: [],
    ...rest,
  });
  const r = await fetcher.fetch(url, { etag: prior?.etag, lastModified: prior?.lastModified });
  if (!r.ok) return r.notModified ? done('not-modified', 'not modified since the last poll', (prior?.kind as SourceKind) ?? null) : done('error', r.reason, (prior?.kind as SourceKind) ?? null);
  const validators = { etag: r.etag, lastModified: r.lastModified };
  const text = Buffer.from(r.bytes.subarray(0, 1 << 20)).toString('utf8');
  const kind = kindOf(text, r.contentType);
  if (parent && (kind === 'opml' || kind === 'sitemap-index')) return done('error', `a nested ${kind} is not followed (only one level below ${parent})`, kind, { validators });
  switch (kind) {
    case 'opml':
    case 'sitemap-index': {
      const full = Buffer.from(r.bytes).toString('utf8');
      const children = kind === 'opml' ? opmlFeeds(full, r.url) : newestFirst(sitemapEntries(full, r.url)).map((e) => e.url);
      const taken = kind === 'opml' ? children : children.slice(0, limits.maxChildren);
      const more = children.length - taken.length;
      return done(children.length ? 'ok' : 'error', `${children.length} ${kind === 'opml' ? 'feeds' : 'sitemaps'}${more ? `, the ${taken.length} newest followed` : ''}`, kind, { children: taken, validators });
    }
    case 'feed':
      return pollFeed(fetcher, state, url, r.url, Buffer.from(r.bytes).toString('utf8'), limits, done, validators);
    case 'sitemap':
      return pollSitemap(fetcher, state, url, Buffer.from(r.bytes).toString('utf8'), r.url, prior === null, limits, done, validators);
    default: {
      // an article page, or JSON records: taken once (a changed page is not a new article)
      const results = readFetched(r);
      const all = results.map((result, i) => ({ key: results.length > 1 ? `${url}#${i + 1}` : url, source: url, result }));
      const entries = await unseen(state, all, (e) => e.key);
      const detail = entries.length ? `${kind === 'records' ? `${results.length} records` : 'article page'}, ${entries.length} to read` : 'already taken';
      return done('ok', detail, kind, { entries, validators });
    }
  }
}

type Done = (status: SourceReport['status'], detail: string, kind: SourceKind | null, rest?: Partial<SourcePoll>) => SourcePoll;

async function pollFeed(fetcher: PoliteFetcher, state: PollMemory, url: string, finalUrl: string, text: string, limits: PollLimits, done: Done, validators: SourcePoll['validators']): Promise<SourcePoll> {
  const feed = parseFeedItems(text);
  if ('error' in feed) return done('error', feed.error, 'feed', { validators });
  const resolve = (href?: string) => {
    try {
      return href ? new URL(href, finalUrl).href : null;
    } catch {
      return null;
    }
  };
  const keyed = feed.items
    .map((item, i) => ({ item, i, link: resolve(item.link) }))
    .map((x) => ({ ...x, key: x.link ?? (x.item.guid ? `${url}#guid:${x.item.guid}` : `${url}#item:${x.item.title ?? ''}:${x.item.published ?? ''}:${(x.item.body ?? '').slice(0, 200)}`) }));
  const fresh = await unseen(state, keyed, (x) => x.key);
  const taken = fresh.slice(0, limits.maxNewPerSource);
  const results = await Promise.all(taken.map((x) => feedEntry(fetcher, url, x.i, x.item, x.link, feed.channelTitle)));
  const noLink = feed.items.filter((it) => !resolve(it.link)).length;
  const detail = [`${feed.items.length} items`, `${taken.length} new`, fresh.length > taken.length ? `${fresh.length - taken.length} left for the next poll` : '', noLink ? `${noLink} without a link` : '']
    .filter(Boolean)
    .join(', ');
  return done(feed.items.length ? 'ok' : 'error', feed.items.length ? detail : 'feed has no items', 'feed', {
    entries: taken.map((x, k) => ({ key: x.key, source: url, result: results[k] })),
    validators,
  });
}

async function pollSitemap(fetcher: PoliteFetcher, state: PollMemory, url: string, text: string, finalUrl: string, firstPoll: boolean, limits: PollLimits, done: Done, validators: SourcePoll['validators']): Promise<SourcePoll> {
  const all = sitemapEntries(text, finalUrl);
  const fresh = newestFirst(await unseen(state, all, (e) => e.url));
  const taken = fresh.slice(0, limits.maxNewPerSource);
  // a first poll follows a site from now on: the older part of its archive is left out, once
  const baseline = firstPoll ? fresh.slice(taken.length).map((e) => e.url) : [];
  const results = await Promise.all(taken.map((e) => pageEntry(fetcher, e.url, { published: e.published, title: e.title })));
  const rest = fresh.length - taken.length;
  const detail = [`${all.length} URLs`, `${taken.length} new`, rest ? (firstPoll ? `${rest} older ones left out (first poll)` : `${rest} left for the next poll`) : ''].filter(Boolean).join(', ');
  return done(all.length ? 'ok' : 'error', all.length ? detail : 'sitemap lists no URLs', 'sitemap', {
    entries: taken.map((e, k) => ({ key: e.url, source: url, result: results[k] })),
    validators,
    baseline,
  });
}
