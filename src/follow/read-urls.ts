/**
 * URLs as inputs of `analyze`: each URL is read once, without following state (an article page,
 * a feed's items, a sitemap's newest entries, an OPML file's feeds), politely, into read results
 * for the ordinary pipeline. A source that cannot be read becomes an error result with the reason.
 */
import type { ReadResult } from '../ingest/index.js';
import { type FetchOptions, PoliteFetcher } from './http.js';
import { NO_MEMORY, pollSource, type SourcePoll } from './poll.js';

/** The read results of each URL (in the order its source lists them), keyed by the URL as given. */
export async function readUrls(urls: string[], opts: { fetch?: FetchOptions; maxPerSource?: number } = {}): Promise<Map<string, ReadResult[]>> {
  const fetcher = new PoliteFetcher(opts.fetch);
  const limits = { maxNewPerSource: opts.maxPerSource ?? 100, maxChildren: 10 };
  const take = (p: SourcePoll, out: ReadResult[]) => {
    if (p.report.status === 'error') out.push({ kind: 'error', source: p.report.url, reason: p.report.detail });
    for (const e of p.entries) out.push(e.result);
  };
  const unique = [...new Set(urls)];
  const polls = await Promise.all(unique.map((u) => pollSource(fetcher, NO_MEMORY, u, null, limits)));
  const byUrl = new Map<string, ReadResult[]>();
  for (let i = 0; i < unique.length; i++) {
    const out: ReadResult[] = [];
    take(polls[i], out);
    for (const child of await Promise.all(polls[i].children.map((c) => pollSource(fetcher, NO_MEMORY, c, polls[i].report.url, limits)))) take(child, out);
    byUrl.set(unique[i], out);
  }
  return byUrl;
}
