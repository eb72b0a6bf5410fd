/**
 * robots.txt per origin (RFC 9309), parsed by `robots-parser`, cached for a day. A missing file
 * (4xx) allows everything; a server error or an unreachable host disallows the whole origin for
 * now (the RFC's "unreachable" rule), with the reason.
 */
import { createRequire } from 'node:module';
import type { FetchResult } from './http.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS whose bundled typings do not resolve under NodeNext: typed here
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robot;

interface Entry {
  robot: Robot | null;
  /** Set when the origin is off limits for now (robots.txt unreachable). */
  blocked: string | null;
  until: number;
}

const DAY = 24 * 3600 * 1000;
const RETRY_UNREACHABLE = 10 * 60 * 1000;

export class RobotsCache {
  private entries = new Map<string, Promise<Entry>>();

  constructor(
    private readonly get: (url: string) => Promise<FetchResult>,
    private readonly userAgent: string,
  ) {}

  private entry(origin: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached) {
      // a settled, expired entry is refreshed; a pending one is shared
      return cached.then((e) => (e.until > Date.now() ? e : this.load(origin)));
    }
    return this.load(origin);
  }

  private load(origin: string): Promise<Entry> {
    const p = (async (): Promise<Entry> => {
      const url = `${origin}/robots.txt`;
      const r = await this.get(url);
      if (r.ok) return { robot: robotsParser(url, Buffer.from(r.bytes).toString('utf8')), blocked: null, until: Date.now() + DAY };
      if (r.status !== undefined && r.status >= 400 && r.status < 500) return { robot: null, blocked: null, until: Date.now() + DAY };
      return { robot: null, blocked: `robots.txt unreachable (${r.reason}): not fetching from ${origin} for now`, until: Date.now() + RETRY_UNREACHABLE };
    })();
    this.entries.set(origin, p);
    return p;
  }

  /** Whether the URL may be fetched (with the Crawl-delay the origin asks of this tool), else the reason. */
  async check(url: URL): Promise<{ allowed: true; crawlDelay?: number } | { allowed: false; reason: string }> {
    const e = await this.entry(url.origin);
    if (e.blocked) return { allowed: false, reason: e.blocked };
    if (e.robot && e.robot.isAllowed(url.href, this.userAgent) === false) return { allowed: false, reason: 'disallowed by robots.txt' };
    return { allowed: true, crawlDelay: e.robot?.getCrawlDelay(this.userAgent) };
  }
}
