/**
 * Polite fetching with Node's fetch (undici): robots.txt honoured, per-host rate and concurrency
 * limits, conditional requests (ETag, Last-Modified), retries with exponential back-off that
 * honour Retry-After, a time limit covering the whole response, a redirect limit with loop
 * detection, a size limit enforced while reading, and a User-Agent naming the tool.
 * Never throws: every failure is a `FetchFailure` with a reason a user can act on.
 */
import { HostLimiter, sleep } from './limits.js';
import { RobotsCache } from './robots.js';

export const USER_AGENT = 'Triangulate/0.1 (news cross-checking; follows feeds and sitemaps; honours robots.txt)';

export interface FetchOptions {
  userAgent?: string;
  /** Minimum time between two requests to one host (ms, default 1000). */
  minIntervalMs?: number;
  /** Requests in flight to one host (default 1) and overall (default 6). */
  perHostConcurrency?: number;
  concurrency?: number;
  /** Time limit of one request, headers and body (ms, default 20000). */
  timeoutMs?: number;
  /** Largest body read (bytes, default 32 MiB). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Retries after 429, 5xx and dropped connections (default 3), first back-off (ms, default 1000). */
  retries?: number;
  backoffMs?: number;
  /** A Retry-After longer than this (ms, default 120000) is not waited for: the fetch fails. */
  maxRetryAfterMs?: number;
}

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchSuccess {
  ok: true;
  url: string;
  status: number;
  bytes: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

export interface FetchFailure {
  ok: false;
  url: string;
  /** True for 304 Not Modified: nothing new, not an error. */
  notModified?: boolean;
  status?: number;
  reason: string;
}

export type FetchResult = FetchSuccess | FetchFailure;

type Once = FetchSuccess | FetchFailure | { redirect: string } | { retry: string; afterMs: number | null };

/** Retry-After as milliseconds (delta-seconds or an HTTP date), or null. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no complete response within ${timeoutMs / 1000} s`;
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'connection reset';
  return err?.cause?.message ?? err?.message ?? String(e);
}

export class PoliteFetcher {
  readonly userAgent: string;
  private readonly limiter: HostLimiter;
  private readonly robots: RobotsCache;
  private readonly o: Required<Omit<FetchOptions, 'userAgent'>>;

  constructor(opts: FetchOptions = {}) {
    this.userAgent = opts.userAgent ?? USER_AGENT;
    this.o = {
      minIntervalMs: opts.minIntervalMs ?? 1000,
      perHostConcurrency: opts.perHostConcurrency ?? 1,
      concurrency: opts.concurrency ?? 6,
      timeoutMs: opts.timeoutMs ?? 20_000,
      maxBytes: opts.maxBytes ?? 32 * 1024 * 1024,
      maxRedirects: opts.maxRedirects ?? 5,
      retries: opts.retries ?? 3,
      backoffMs: opts.backoffMs ?? 1000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 120_000,
    };
    this.limiter = new HostLimiter(this.o.perHostConcurrency, this.o.minIntervalMs, this.o.concurrency);
    this.robots = new RobotsCache((url) => this.get(url, {}, false), this.userAgent);
  }

  /** Fetches a URL politely (robots.txt checked on every hop of a redirect chain). */
  fetch(url: string, validators: Validators = {}): Promise<FetchResult> {
    return this.get(url, validators, true);
  }

  private async get(url: string, validators: Validators, checkRobots: boolean): Promise<FetchResult> {
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      return { ok: false, url, reason: 'not a valid URL' };
    }
    const visited = new Set<string>();
    for (let hop = 0; ; hop++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') return { ok: false, url: current.href, reason: `unsupported scheme ${current.protocol}` };
      if (visited.has(current.href)) return { ok: false, url, reason: `redirect loop at ${current.href}` };
      if (hop > this.o.maxRedirects) return { ok: false, url, reason: `more than ${this.o.maxRedirects} redirects` };
      visited.add(current.href);
      if (checkRobots) {
        const verdict = await this.robots.check(current);
        if (!verdict.allowed) return { ok: false, url: current.href, reason: verdict.reason };
        this.limiter.setCrawlDelay(current.host, verdict.crawlDelay);
      }
      const r = await this.withRetries(current, hop === 0 ? validators : {});
      if ('redirect' in r) {
        try {
          current = new URL(r.redirect, current);
        } catch {
          return { ok: false, url: current.href, reason: `bad redirect location ${r.redirect}` };
        }
        continue;
      }
      return r;
    }
  }

  private async withRetries(url: URL, validators: Validators): Promise<FetchSuccess | FetchFailure | { redirect: string }> {
    for (let attempt = 0; ; attempt++) {
      const r = await this.limiter.run(url.host, () => this.once(url, validators));
      if (!('retry' in r)) return r;
      if (attempt >= this.o.retries) return { ok: false, url: url.href, reason: `${r.retry}; gave up after ${attempt + 1} attempts` };
      const wait = r.afterMs ?? this.o.backoffMs * 2 ** attempt;
      if (wait > this.o.maxRetryAfterMs) return { ok: false, url: url.href, reason: `${r.retry}; server asks to retry after ${Math.round(wait / 1000)} s` };
      await sleep(wait);
    }
  }

  private async once(url: URL, validators: Validators): Promise<Once> {
    const headers: Record<string, string> = { 'User-Agent': this.userAgent, Accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8' };
    if (validators.etag) headers['If-None-Match'] = validators.etag;
    if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
    let res: Response;
    try {
      res = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(this.o.timeoutMs) });
    } catch (e) {
      // only a dropped connection is worth another try: a refused one, an unknown host, a bad
      // port or a response slower than the limit would fail (or take as long) again
      const reason = networkReason(e, this.o.timeoutMs);
      return reason === 'connection reset' ? { retry: reason, afterMs: null } : { ok: false, url: url.href, reason };
    }
    const s = res.status;
    if (s >= 300 && s < 400 && s !== 304) {
      await res.body?.cancel().catch(() => undefined);
      const location = res.headers.get('location');
      return location ? { redirect: location } : { ok: false, url: url.href, status: s, reason: `HTTP ${s} without a Location` };
    }
    if (s === 304) return { ok: false, notModified: true, url: url.href, status: s, reason: 'not modified' };
    if (s === 429 || s === 500 || s === 502 || s === 503 || s === 504) {
      await res.body?.cancel().catch(() => undefined);
      return { retry: `HTTP ${s}`, afterMs: retryAfterMs(res.headers.get('retry-after')) };
    }
    if (s < 200 || s >= 300) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, url: url.href, status: s, reason: `HTTP ${s}${res.statusText ? ` ${res.statusText}` : ''}` };
    }
    const body = await this.readBody(res);
    if (typeof body === 'string') return { ok: false, url: url.href, status: s, reason: body };
    return {
      ok: true,
      url: url.href,
      status: s,
      bytes: body,
      contentType: res.headers.get('content-type'),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    };
  }

  /** The body, or the reason it could not be read whole (too large, too slow, cut). */
  private async readBody(res: Response): Promise<Uint8Array | string> {
    const max = this.o.maxBytes;
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > max) {
      await res.body?.cancel().catch(() => undefined);
      return `response of ${declared} bytes is over the ${max}-byte limit`;
    }
    if (!res.body) return new Uint8Array();
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > max) {
          await reader.cancel().catch(() => undefined);
          return `response over the ${max}-byte limit`;
        }
        chunks.push(value);
      }
    } catch (e) {
      await reader.cancel().catch(() => undefined);
      return networkReason(e, this.o.timeoutMs);
    }
    return Buffer.concat(chunks);
  }
}
