/** The polite fetcher against a loopback site: robots.txt, redirects, 304, Retry-After, limits, charsets. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { extractArticle } from '../../src/extract/index.js';
import { readFetched } from '../../src/follow/entries.js';
import { type FetchOptions, PoliteFetcher, retryAfterMs } from '../../src/follow/http.js';
import { refusedUrl, type Site, startSite } from './follow-fixtures.js';

const FAST: FetchOptions = { minIntervalMs: 0, backoffMs: 10, timeoutMs: 10_000, retries: 2 };
let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site.close();
});

describe('polite fetcher', () => {
  test('names the tool in User-Agent, reads robots.txt once per host and honours Disallow', async () => {
    const f = new PoliteFetcher(FAST);
    const ok = await f.fetch(`${site.base}/a/1`);
    assert.ok(ok.ok);
    const denied = await f.fetch(`${site.base}/private/3`);
    assert.equal(denied.ok, false);
    assert.match((denied as { reason: string }).reason, /robots\.txt/);
    assert.ok(!site.requests.some((r) => r.path === '/private/3'), 'the disallowed page was never requested');
    assert.equal(site.requests.filter((r) => r.path === '/robots.txt').length, 1);
    for (const r of site.requests) assert.match(r.ua ?? '', /^Triangulate\//);
  });

  test('follows a relative redirect; stops a redirect loop with a clear reason', async () => {
    const f = new PoliteFetcher(FAST);
    const r = await f.fetch(`${site.base}/a/2`);
    assert.ok(r.ok);
    assert.equal(r.url, `${site.base}/a/2-final`);
    const loop = await f.fetch(`${site.base}/loop/a`);
    assert.equal(loop.ok, false);
    assert.match((loop as { reason: string }).reason, /redirect loop/);
  });

  test('conditional request: a known ETag gives 304, reported as not modified', async () => {
    const f = new PoliteFetcher(FAST);
    const first = await f.fetch(`${site.base}/etag.xml`);
    assert.ok(first.ok);
    assert.equal(first.etag, '"v1"');
    const second = await f.fetch(`${site.base}/etag.xml`, { etag: first.etag });
    assert.equal(second.ok, false);
    assert.equal((second as { notModified?: boolean }).notModified, true);
  });

  test('429 and 503 are retried after the Retry-After the server asks for', async () => {
    let calls = 0;
    const times: number[] = [];
    site.routes.set('/busy', (_q, res) => {
      calls++;
      times.push(Date.now());
      if (calls === 1) return res.writeHead(429, { 'Retry-After': '1' }).end();
      if (calls === 2) return res.writeHead(503, { 'Retry-After': '0' }).end();
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('finally');
    });
    const f = new PoliteFetcher(FAST);
    const r = await f.fetch(`${site.base}/busy`);
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(calls, 3);
    assert.ok(times[1] - times[0] >= 950, `waited ${times[1] - times[0]} ms for Retry-After: 1`);
    site.routes.set('/busy-long', (_q, res) => res.writeHead(503, { 'Retry-After': '3600' }).end());
    const long = await f.fetch(`${site.base}/busy-long`);
    assert.equal(long.ok, false);
    assert.match((long as { reason: string }).reason, /retry after 3600 s/);
    assert.equal(retryAfterMs('120'), 120_000);
    assert.equal(retryAfterMs(new Date(Date.now() + 5000).toUTCString())! > 3000, true);
  });

  test('a page that never ends times out; an oversized one is cut off; a closed port is refused', async () => {
    const f = new PoliteFetcher({ ...FAST, timeoutMs: 400, maxBytes: 100_000, retries: 0 });
    const slow = await f.fetch(`${site.base}/slow`);
    assert.equal(slow.ok, false);
    assert.match((slow as { reason: string }).reason, /no complete response within/);
    const big = await f.fetch(`${site.base}/big`);
    assert.equal(big.ok, false);
    assert.match((big as { reason: string }).reason, /over the 100000-byte limit/);
    const refused = await f.fetch(await refusedUrl());
    assert.equal(refused.ok, false);
    assert.match((refused as { reason: string }).reason, /connection refused/);
  });

  test('per-host rate limit spaces the requests to one host', async () => {
    const f = new PoliteFetcher({ ...FAST, minIntervalMs: 150 });
    await f.fetch(`${site.base}/robots.txt`);
    const t0 = Date.now();
    await Promise.all([1, 2, 3].map(() => f.fetch(`${site.base}/a/1`)));
    assert.ok(Date.now() - t0 >= 290, `three requests took ${Date.now() - t0} ms at 150 ms spacing`);
  });

  test('charset from the header, and a header contradicted by UTF-8 bytes', async () => {
    const f = new PoliteFetcher(FAST);
    for (const [path, word] of [
      ['/latin1', 'café crème'],
      ['/wrong-charset', 'naïve résumé'],
    ]) {
      const r = await f.fetch(`${site.base}${path}`);
      assert.ok(r.ok);
      const [doc] = readFetched(r);
      assert.equal(doc.kind, 'doc');
      const a = extractArticle((doc as Extract<typeof doc, { kind: 'doc' }>).doc);
      assert.ok(a.text.includes(word), `${path}: ${a.text.slice(0, 80)}`);
      assert.ok(!a.text.includes('Ã'), `${path}: no mojibake`);
    }
  });
});
