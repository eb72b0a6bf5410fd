import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { isLoopback, serveCommand } from '../../src/server/cli.js';
import type { SqliteStore } from '../../src/store/sqlite/store.js';
import { PostArticlesJson } from '../../src/server/schemas.js';
import { startServer } from '../../src/server/testing.js';
import { SEEDS, seedFile, seedFiles, seedText } from '../helpers.js';

const seed = (prefix: string) => ({ name: seedFile(prefix), text: seedText(prefix) });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON responses are checked field by field
type Json = Record<string, any>;

async function post(base: string, body: string | Buffer, contentType: string, query = '', headers: Record<string, string> = {}) {
  const r = await fetch(`${base}/api/articles${query}`, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { 'content-type': contentType, ...headers } });
  return { status: r.status, body: (await r.json()) as Json, headers: r.headers };
}

async function getJson(url: string) {
  const r = await fetch(url);
  return { status: r.status, body: (await r.json()) as Json, headers: r.headers };
}

/** A story's report once it is current (while it is rebuilt, the previous one is served, marked `X-Report-Status: updating`). */
async function currentReport(url: string, timeoutMs = 60_000) {
  const t0 = Date.now();
  for (;;) {
    const r = await getJson(url);
    if (r.status !== 200 || r.headers.get('x-report-status') === 'current' || Date.now() - t0 > timeoutMs) return r;
    assert.equal(r.headers.get('x-report-status'), 'updating');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Sends `total` bytes of body in 1 MiB chunks until the server answers; resolves with the status (or the socket error). */
function bigUpload(url: string, total: number, chunked: boolean): Promise<{ status: number | null; error: string | null; sent: number }> {
  return new Promise((resolve) => {
    const u = new URL(url);
    let sent = 0;
    let done = false;
    const finish = (status: number | null, error: string | null) => {
      if (done) return;
      done = true;
      resolve({ status, error, sent });
    };
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    if (!chunked) headers['content-length'] = String(total);
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers }, (res) => {
      res.resume();
      finish(res.statusCode ?? null, null);
      req.destroy();
    });
    req.on('error', (e) => finish(null, (e as NodeJS.ErrnoException).code ?? e.message));
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    const pump = () => {
      while (!done && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!done && sent >= total) req.end();
    };
    pump();
  });
}

describe('HTTP API on a real loopback server', () => {
  let t: Awaited<ReturnType<typeof startServer>>;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startServer();
  });
  after(async () => {
    await t.stop();
  });

  test('posting the seeds as plain text stores them and groups them into stories', async () => {
    for (const name of seedFiles()) {
      const r = await post(t.base, readFileSync(SEEDS + name), 'text/plain; charset=utf-8', `?source=${encodeURIComponent(name)}`);
      assert.equal(r.status, 201, JSON.stringify(r.body));
      assert.equal(r.body.outcomes.length, 1);
      const o = r.body.outcomes[0];
      assert.equal(o.status, 'new');
      assert.equal(o.source, name);
      assert.match(o.docId, /^[0-9a-f]{32}$/);
      assert.ok(o.storyId, 'the article joined a story');
      assert.deepEqual(r.body.stories, [o.storyId]);
      ids[name.slice(0, 3)] = o.docId;
    }
    assert.equal((await t.server.store.countDocuments()), 5);
    const list = await getJson(`${t.base}/api/stories`);
    assert.equal(list.status, 200);
    const members = list.body.stories.reduce((n: number, s: Json) => n + s.articles, 0);
    assert.equal(members, 5, 'every seed is in exactly one story');
    // membership is persisted
    const rows = (t.server.store as SqliteStore).db.prepare('SELECT count(*) AS n FROM story_members').get() as { n: number };
    assert.equal(rows.n, 5);
  });

  test('posting the same article again is known, not duplicated', async () => {
    const s = seed('001');
    const r = await post(t.base, s.text, 'text/plain', '?source=again.txt');
    assert.equal(r.status, 200);
    assert.equal(r.body.outcomes[0].status, 'known');
    assert.equal(r.body.outcomes[0].docId, ids['001']);
    assert.equal((await t.server.store.countDocuments()), 5);
  });

  test("a story's report holds its articles with their text and annotations", async () => {
    const storyId = (await t.server.store.storyOf(ids['003']));
    assert.ok(storyId);
    const r = await currentReport(`${t.base}/api/stories/${storyId}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.id, storyId);
    const a = r.body.articles.find((x: Json) => x.id === ids['003']);
    assert.ok(a, 'the Business Standard article is in its story');
    assert.equal(a.outlet, 'Business Standard');
    assert.match(a.text, /seven-hour-long talks/);
    assert.equal(r.body.articleCount, r.body.articles.length);
    // conditional GET: the ETag is the cache key of the story's membership
    const etag = r.headers.get('etag');
    assert.ok(etag);
    const again = await fetch(`${t.base}/api/stories/${storyId}`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('an article with its extraction and annotations', async () => {
    const r = await getJson(`${t.base}/api/articles/${ids['003']}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.extraction.outlet, 'Business Standard');
    assert.equal(r.body.extraction.published.iso.slice(0, 10), '2025-05-09');
    assert.ok(r.body.extraction.removed.length > 0, 'boilerplate kept aside');
    assert.ok(r.body.annotations.sentences.length > 5);
    const text: string = r.body.extraction.text;
    const q = r.body.annotations.quantities.find((x: Json) => /seven-hour/.test(text.slice(x.span.start, x.span.end)));
    assert.ok(q, 'the seven-hour duration is annotated with offsets into the clean text');
    assert.equal(r.body.storyId, (await t.server.store.storyOf(ids['003'])));
  });

  test('stories: full-text search (FTS5), outlet, entity and date filters', async () => {
    const golden = await getJson(`${t.base}/api/stories?q=${encodeURIComponent('Golden Dome')}`);
    assert.equal(golden.status, 200);
    assert.ok(golden.body.total >= 1);
    const story003 = await t.server.store.storyOf(ids['003']);
    assert.ok(golden.body.stories.some((s: Json) => s.id === story003));
    const harbin = await getJson(`${t.base}/api/stories?q=Harbin`);
    assert.deepEqual(
      harbin.body.stories.map((s: Json) => s.id),
      [(await t.server.store.storyOf(ids['002']))],
      'only the story of the 2024 visit mentions Harbin',
    );
    const none = await getJson(`${t.base}/api/stories?q=${encodeURIComponent('zzyzx quokka')}`);
    assert.equal(none.body.total, 0);
    // operators in the query are words, not FTS syntax
    const weird = await getJson(`${t.base}/api/stories?q=${encodeURIComponent('"Xi" OR NEAR( * -')}`);
    assert.equal(weird.status, 200);
    const outlet = await getJson(`${t.base}/api/stories?outlet=${encodeURIComponent('business standard')}`);
    assert.deepEqual(
      outlet.body.stories.map((s: Json) => s.id),
      [(await t.server.store.storyOf(ids['003']))],
    );
    const entity = await getJson(`${t.base}/api/stories?entity=${encodeURIComponent('xi')}`);
    assert.ok(entity.body.total >= 1);
    const noEntity = await getJson(`${t.base}/api/stories?entity=${encodeURIComponent('angela merkel')}`);
    assert.equal(noEntity.body.total, 0);
    const may2025 = await getJson(`${t.base}/api/stories?from=2025-05-01&to=2025-05-31`);
    const of003 = await t.server.store.storyOf(ids['003']);
    assert.ok(may2025.body.stories.some((s: Json) => s.id === of003));
    const y2030 = await getJson(`${t.base}/api/stories?from=2030-01-01`);
    assert.equal(y2030.body.total, 0);
    const articles = await getJson(`${t.base}/api/search?q=Harbin`);
    assert.deepEqual(
      articles.body.articles.map((a: Json) => a.docId),
      [ids['002']],
    );
  });

  test('JSON posts: one record, an array, {"articles": [...]}, and JSON Lines', async () => {
    const rec = { id: 'wire-1', title: 'Council approves budget', text: 'The city council approved the 2026 budget on Monday after a four-hour debate. The mayor said the vote was "a good day for the city".', outlet: 'Town Crier', published: '2026-01-12' };
    const one = await post(t.base, JSON.stringify(rec), 'application/json');
    assert.equal(one.status, 201);
    assert.equal(one.body.outcomes[0].source, 'wire-1');
    const arr = await post(t.base, JSON.stringify([rec, { ...rec, id: 'wire-2', text: `${rec.text} Two members voted against it.` }]), 'application/json');
    assert.equal(arr.status, 201);
    assert.deepEqual(
      arr.body.outcomes.map((o: Json) => o.status),
      ['known', 'new'],
    );
    const env = await post(t.base, JSON.stringify({ articles: [{ ...rec, id: 'wire-3', text: `${rec.text} The budget totals 12 million euros.` }] }), 'application/json');
    assert.equal(env.body.outcomes[0].status, 'new');
    const jsonl = [1, 2].map((i) => JSON.stringify({ ...rec, id: `jl-${i}`, text: `${rec.text} Line ${i} adds a detail about roads number ${i}.` })).join('\n');
    const lines = await post(t.base, jsonl, 'application/x-ndjson');
    assert.equal(lines.status, 201);
    assert.deepEqual(
      lines.body.outcomes.map((o: Json) => o.source),
      ['jl-1', 'jl-2'],
    );
    const html = await post(
      t.base,
      '<!doctype html><html><head><title>Port reopens</title><meta property="og:site_name" content="Harbour News"></head><body><nav>Home | World</nav><article><h1>Port reopens after storm</h1><p>The port of Example reopened on Tuesday after a storm closed it for three days, the harbour master said.</p><p>Ships queued outside for more than 20 hours.</p></article><footer>© 2026 Harbour News</footer></body></html>',
      'text/html',
      '?source=port.html',
    );
    assert.equal(html.status, 201);
    const art = await getJson(`${t.base}/api/articles/${html.body.outcomes[0].docId}`);
    assert.match(art.body.extraction.text, /Ships queued outside/);
    assert.doesNotMatch(art.body.extraction.text, /Home \| World/);
  });

  test('bad input: malformed JSON, invalid records, unknown media types: 4xx JSON errors, nothing stored', async () => {
    const before = (await t.server.store.countDocuments());
    const bad = await post(t.base, '{"title": "x", "text": "unterminated', 'application/json');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.status, 400);
    assert.equal(typeof bad.body.error.message, 'string');
    const invalid = await post(t.base, JSON.stringify({ title: 'no text' }), 'application/json');
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.code, 'invalid_request');
    const emptyArr = await post(t.base, '[]', 'application/json');
    assert.equal(emptyArr.status, 400);
    const media = await post(t.base, 'x', 'image/png');
    assert.equal(media.status, 415);
    const empty = await post(t.base, '', 'text/plain');
    assert.ok(empty.status === 400 || empty.status === 200, `empty body: ${empty.status}`);
    if (empty.status === 200) assert.equal(empty.body.outcomes[0].status, 'failed');
    const badQuery = await post(t.base, 'text', 'text/plain', '?format=exe');
    assert.equal(badQuery.status, 400);
    const badLimit = await getJson(`${t.base}/api/stories?limit=0`);
    assert.equal(badLimit.status, 400);
    const badDate = await getJson(`${t.base}/api/stories?from=yesterday`);
    assert.equal(badDate.status, 400);
    assert.equal((await t.server.store.countDocuments()), before);
  });

  test('a 100 MB body is refused with 413 (declared or chunked) and the server keeps serving', async () => {
    const before = (await t.server.store.countDocuments());
    const declared = await bigUpload(`${t.base}/api/articles?source=huge.txt`, 100 * 1024 * 1024, false);
    assert.equal(declared.status, 413, JSON.stringify(declared));
    const chunked = await bigUpload(`${t.base}/api/articles?source=huge2.txt`, 100 * 1024 * 1024, true);
    assert.ok(chunked.status === 413 || chunked.error === 'ECONNRESET' || chunked.error === 'EPIPE', JSON.stringify(chunked));
    assert.ok(chunked.sent < 100 * 1024 * 1024, 'the server stopped reading at the limit');
    const health = await getJson(`${t.base}/api/health`);
    assert.equal(health.status, 200);
    assert.equal((await t.server.store.countDocuments()), before);
  });

  test('unknown ids: 404 JSON; malformed ids: 400', async () => {
    const s = await getJson(`${t.base}/api/stories/story-doesnotexist`);
    assert.equal(s.status, 404);
    assert.equal(s.body.error.code, 'not_found');
    const a = await getJson(`${t.base}/api/articles/${'0'.repeat(32)}`);
    assert.equal(a.status, 404);
    const d = await fetch(`${t.base}/api/articles/${'0'.repeat(32)}`, { method: 'DELETE' });
    assert.equal(d.status, 404);
    const bad = await getJson(`${t.base}/api/articles/${encodeURIComponent('../../etc/passwd')}`);
    assert.ok(bad.status === 400 || bad.status === 404);
    const route = await getJson(`${t.base}/api/nothing-here`);
    assert.equal(route.status, 404);
    assert.equal(route.body.error.status, 404);
  });

  test('concurrent posts of the same article: one is new, the rest known, one copy stored', async () => {
    const text = 'Dockworkers end strike\n\nDockworkers at the port of Example ended a nine-day strike on Friday after the union accepted a 6 percent pay rise, the union said. "We got what we came for," said union leader Maria Lopez.';
    const before = (await t.server.store.countDocuments());
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => post(t.base, text, 'text/plain', `?source=strike-${i}.txt`)));
    const statuses = results.map((r) => r.body.outcomes[0].status).sort();
    assert.deepEqual(statuses, ['known', 'known', 'known', 'known', 'known', 'known', 'known', 'new']);
    assert.equal(new Set(results.map((r) => r.body.outcomes[0].docId)).size, 1);
    assert.equal(new Set(results.map((r) => r.body.outcomes[0].storyId)).size, 1);
    assert.equal(await t.server.store.countDocuments(), before + 1);
    const docId = results[0].body.outcomes[0].docId;
    const members = (t.server.store as SqliteStore).db.prepare('SELECT count(*) AS n FROM story_members WHERE doc_id = ?').get(docId) as { n: number };
    assert.equal(members.n, 1);
  });

  test('a client that disconnects mid-upload leaves no partial write', async () => {
    const before = (await t.server.store.countDocuments());
    const body = Buffer.from(`${seed('004').text}\n`.repeat(3));
    await new Promise<void>((resolve, reject) => {
      const sock = connect(t.port, '127.0.0.1', () => {
        sock.write(`POST /api/articles?source=cut.txt HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`);
        sock.write(body.subarray(0, Math.floor(body.length / 2)), () => {
          sock.destroy();
          resolve();
        });
      });
      sock.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 300));
    await t.server.live.idle();
    assert.equal((await t.server.store.countDocuments()), before);
    const health = await getJson(`${t.base}/api/health`);
    assert.equal(health.status, 200);
    assert.equal(health.body.documents, before);
  });

  test('deleting an article recomputes its story; deleting the last one removes the story', async () => {
    const storyId = (await t.server.store.storyOf(ids['004']))!;
    const before = await getJson(`${t.base}/api/stories/${storyId}`);
    const n = before.body.articleCount;
    const d = await fetch(`${t.base}/api/articles/${ids['004']}`, { method: 'DELETE' });
    assert.equal(d.status, 200);
    const db = (await d.json()) as Json;
    assert.equal(db.storyId, storyId);
    assert.deepEqual(db.splitInto, [], 'the other Moscow reports still hold together');
    const after = await getJson(`${t.base}/api/stories/${storyId}`);
    if (n > 1) {
      assert.equal(after.status, 200);
      assert.equal(after.body.articleCount, n - 1);
      assert.ok(!after.body.articles.some((a: Json) => a.id === ids['004']));
    } else assert.equal(after.status, 404);
    assert.equal((await getJson(`${t.base}/api/articles/${ids['004']}`)).status, 404);
    const search = await getJson(`${t.base}/api/search?q=${encodeURIComponent('Kremlin readout')}`);
    assert.ok(!search.body.articles.some((a: Json) => a.docId === ids['004']), 'the FTS index forgot it');
    // a one-article story disappears with its article
    const solo = await post(t.base, 'Volcano erupts in Iceland\n\nA volcano erupted on the Reykjanes peninsula in Iceland on Sunday, the meteorological office said, sending lava towards the town of Grindavik.', 'text/plain', '?source=volcano.txt');
    const soloStory = solo.body.outcomes[0].storyId;
    assert.equal((await getJson(`${t.base}/api/stories/${soloStory}`)).body.articleCount, 1);
    const del = (await (await fetch(`${t.base}/api/articles/${solo.body.outcomes[0].docId}`, { method: 'DELETE' })).json()) as Json;
    assert.equal(del.storyRemoved, true);
    assert.equal((await getJson(`${t.base}/api/stories/${soloStory}`)).status, 404);
  });

  test('OpenAPI document generated from the request schemas', async () => {
    const r = await getJson(`${t.base}/api/openapi.json`);
    assert.equal(r.status, 200);
    assert.equal(r.body.openapi, '3.1.0');
    const postOp = r.body.paths['/api/articles'].post;
    assert.ok(postOp.requestBody.content['application/json']);
    assert.ok(postOp.requestBody.content['text/html']);
    // the documented JSON body is the schema Fastify validates with
    const documented = postOp.requestBody.content['application/json'].schema;
    assert.equal(documented.anyOf.length, PostArticlesJson.anyOf.length);
    assert.deepEqual(documented.anyOf[1].maxItems, PostArticlesJson.anyOf[1].maxItems);
    const listParams = r.body.paths['/api/stories'].get.parameters.map((p: Json) => p.name).sort();
    assert.deepEqual(listParams, ['entity', 'from', 'limit', 'offset', 'outlet', 'q', 'to']);
    assert.ok(r.body.paths['/api/stories/{id}'].get.parameters.some((p: Json) => p.name === 'id' && p.in === 'path'));
    assert.ok(r.body.paths['/api/articles/{id}'].delete.security);
    assert.ok(r.body.components.schemas.Story, 'the report schema is a component');
  });

  test('UI pages: CSP with a nonce and no unsafe-inline; article text is escaped', async () => {
    const payload = 'Attack test\n\nThe mayor said <script>window.__pwned=1</script> and <img src=x onerror="window.__pwned=2"> in a statement on Monday, linking <a href="javascript:window.__pwned=3">here</a>.';
    const r = await post(t.base, payload, 'text/plain', '?source=%3Cscript%3Ealert(1)%3C%2Fscript%3E.txt');
    const id = r.body.outcomes[0].docId;
    const page = await fetch(`${t.base}/articles/${id}`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /default-src 'none'/);
    const html = await page.text();
    assert.ok(!html.includes('<script>window.__pwned'), 'no live script from the article');
    assert.ok(!html.includes('<img src=x'), 'no live img from the article');
    assert.match(html, /&lt;script(&gt;|>)window\.__pwned=1&lt;\/script(&gt;|>)/, 'shown as text (`>` needs no escaping in text)');
    assert.ok(!html.includes('<script>alert(1)'), 'the source name is escaped too');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const home = await fetch(`${t.base}/?q=${encodeURIComponent('"><script>alert(1)</script>')}`);
    const homeHtml = await home.text();
    assert.ok(!homeHtml.includes('<script>alert(1)'), 'the search box value is escaped');
    for (const path of ['/', '/add', `/stories/${(await t.server.store.storyOf(ids['003']))}`]) {
      const p = await fetch(`${t.base}${path}`);
      assert.equal(p.status, 200, path);
      assert.match(p.headers.get('content-security-policy') ?? '', /'nonce-/);
    }
    assert.equal((await fetch(`${t.base}/stories/nope`)).status, 404);
    // a fresh nonce per response, also for cached story pages, and the page's script carries it
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const p = await fetch(`${t.base}/stories/${(await t.server.store.storyOf(ids['003']))}`);
      const nonce = /'nonce-([^']+)'/.exec(p.headers.get('content-security-policy') ?? '')?.[1];
      assert.ok(nonce);
      const body = await p.text();
      assert.ok(body.includes(`<script nonce="${nonce}">`));
      assert.ok(!body.includes('nonce-slot-'));
      nonces.push(nonce);
    }
    assert.notEqual(nonces[0], nonces[1]);
  });
});

describe('writes need the token; cross-site writes are refused', () => {
  let t: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    t = await startServer({ token: 's3cret-token-123' });
  });
  after(async () => {
    await t.stop();
  });
  const text = 'Bridge closed\n\nThe old bridge over the river was closed on Wednesday after inspectors found cracks, the transport ministry said.';

  test('no token, a wrong token: 401 before the body is read; the right token: 201; reads stay open', async () => {
    const none = await post(t.base, text, 'text/plain');
    assert.equal(none.status, 401);
    assert.equal(none.body.error.code, 'unauthorized');
    assert.match(none.headers.get('www-authenticate') ?? '', /Bearer/);
    const wrong = await post(t.base, text, 'text/plain', '', { authorization: 'Bearer nope' });
    assert.equal(wrong.status, 401);
    const big = await bigUpload(`${t.base}/api/articles`, 100 * 1024 * 1024, false);
    assert.ok(big.status === 401 || big.status === 413, `unauthenticated huge upload: ${JSON.stringify(big)}`);
    assert.equal((await t.server.store.countDocuments()), 0);
    const ok = await post(t.base, text, 'text/plain', '', { authorization: 'Bearer s3cret-token-123' });
    assert.equal(ok.status, 201);
    const del = await fetch(`${t.base}/api/articles/${ok.body.outcomes[0].docId}`, { method: 'DELETE' });
    assert.equal(del.status, 401);
    assert.equal((await getJson(`${t.base}/api/stories`)).status, 200);
  });

  test('requests addressed to another host name are refused (DNS rebinding)', async () => {
    const statusFor = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: t.port, path: '/api/stories', headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    assert.equal(await statusFor('rebind.evil.example'), 403);
    assert.equal(await statusFor(`rebind.evil.example:${t.port}`), 403);
    assert.equal(await statusFor(`localhost:${t.port}`), 200);
    assert.equal(await statusFor(`[::1]:${t.port}`), 200);
    assert.equal(await statusFor(`127.0.0.1:${t.port}`), 200);
  });

  test('a write from another origin is refused even with the token', async () => {
    const r = await post(t.base, text, 'text/plain', '', { authorization: 'Bearer s3cret-token-123', origin: 'http://evil.example' });
    assert.equal(r.status, 403);
  });
});

describe('restart and the serve command', () => {
  test('stories and their ids survive a restart (the index is rebuilt from stored features)', async () => {
    const t = await startServer();
    for (const p of ['000', '001', '003']) await post(t.base, seed(p).text, 'text/plain', `?source=${p}.txt`);
    const listed = (await getJson(`${t.base}/api/stories`)).body.stories as Json[];
    const before = listed.map((s) => [s.id, s.articles]);
    for (const s of listed) await getJson(`${t.base}/api/stories/${s.id}`); // builds and caches the reports
    const counts = (await getJson(`${t.base}/api/stories`)).body.stories.map((s: Json) => [s.id, s.conflicts]);
    assert.ok(counts.some(([, c]: [string, number | null]) => c !== null), 'conflict counts once the reports are built');
    await t.stop(false);
    const again = await startServer({ dir: t.dir });
    const afterList = (await getJson(`${again.base}/api/stories`)).body.stories as Json[];
    assert.deepEqual(
      afterList.map((s) => [s.id, s.articles]),
      before,
    );
    assert.deepEqual(
      afterList.map((s) => [s.id, s.conflicts]),
      counts,
      'conflict counts come from the cached reports right after the restart',
    );
    assert.equal(again.server.live.pendingReports, 0, 'fresh cached reports are not rebuilt');
    // a new article joins the persisted story
    const r = await post(again.base, seed('004').text, 'text/plain', '?source=004.txt');
    assert.equal(r.status, 201);
    await again.stop();
  });

  test('`triangulate serve` listens on loopback, serves, and exits 0 on SIGTERM after finishing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tri-serve-cli-'));
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const code = `import('./src/cli/main.ts').then((m) => m.main(['serve', '--port', '0', '--db', ${JSON.stringify(join(dir, 'cli.db'))}])).then((c) => { process.exitCode = c; });`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d) => {
        out += d;
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (c) => reject(new Error(`exited early (${c}): ${err}`)));
    });
    const h = await getJson(`${address}/api/health`);
    assert.equal(h.status, 200);
    const r = await post(address, seed('003').text, 'text/plain', '?source=003.txt');
    assert.equal(r.status, 201);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    child.kill('SIGTERM');
    assert.equal(await exit, 0, err);
    assert.match(err, /SIGTERM, closing/);
    rmSync(dir, { recursive: true, force: true });
  });

  test('serve refuses a non-loopback address without a token', async () => {
    const err: string[] = [];
    const code = await serveCommand({ host: '0.0.0.0', port: '0', db: ':memory:' }, { stdout: () => undefined, stderr: (s) => err.push(s) });
    assert.equal(code, 1);
    assert.match(err.join(''), /--token is required/);
    const badPort = await serveCommand({ port: 'http' }, { stdout: () => undefined, stderr: () => undefined });
    assert.equal(badPort, 1);
    assert.equal(isLoopback('127.0.0.1'), true);
    assert.equal(isLoopback('::1'), true);
    assert.equal(isLoopback('localhost'), true);
    assert.equal(isLoopback('0.0.0.0'), false);
    assert.equal(isLoopback('192.168.1.4'), false);
  });
});

describe('incremental stories', () => {
  test('a new article recomputes only the story it joins; events name that story only', async () => {
    const t = await startServer();
    try {
      for (const p of ['000', '001', '003']) await post(t.base, seed(p).text, 'text/plain', `?source=${p}.txt`);
      const volcano = await post(
        t.base,
        'Volcano erupts in Iceland\n\nA volcano erupted on the Reykjanes peninsula in Iceland on Sunday, the meteorological office said, sending lava towards the town of Grindavik. About 4,000 residents were evacuated.',
        'text/plain',
        '?source=volcano.txt',
      );
      const other = volcano.body.outcomes[0].storyId as string;
      const xi = (await t.server.store.storyOf((await t.server.store.documentRows()).find((d) => d.source === '003.txt')!.id))!;
      assert.notEqual(other, xi);
      // the reports as they stand once built (a report being rebuilt is served marked updating)
      const current = async (id: string) => {
        for (let i = 0; ; i++) {
          const res = await fetch(`${t.base}/api/stories/${id}`);
          if (res.headers.get('x-report-status') !== 'updating' || i >= 600) return (await res.json()) as Json;
          await new Promise((r) => setTimeout(r, 100));
        }
      };
      const xiBefore = await current(xi);
      await current(other);
      const row = (id: string) => (t.server.store as SqliteStore).db.prepare("SELECT key, data FROM story_reports WHERE story_id = ? AND kind = 'story'").get(id) as { key: string; data: string };
      const updated = (id: string) => ((t.server.store as SqliteStore).db.prepare('SELECT updated_at FROM stories WHERE id = ?').get(id) as { updated_at: string }).updated_at;
      const otherReport = row(other);
      const otherUpdated = updated(other);
      const xiKey = row(xi).key;

      // listen to the event stream while the fourth article of the visit arrives
      const ac = new AbortController();
      const events: { type: string; storyId: string }[] = [];
      const stream = await fetch(`${t.base}/api/events`, { signal: ac.signal });
      const reading = (async () => {
        const reader = stream.body!.getReader();
        let buf = '';
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buf += Buffer.from(value).toString('utf8');
            let i: number;
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, i);
              buf = buf.slice(i + 2);
              const data = block.split('\n').find((l) => l.startsWith('data: '));
              if (data) events.push(JSON.parse(data.slice(6)));
            }
          }
        } catch {
          /* aborted */
        }
      })();
      const r = await post(t.base, seed('004').text, 'text/plain', '?source=004.txt');
      assert.equal(r.body.outcomes[0].storyId, xi, 'the article joins the story of the visit');
      assert.deepEqual(r.body.stories, [xi]);
      for (let i = 0; i < 100 && !events.some((e) => e.type === 'report' && e.storyId === xi); i++) await new Promise((res) => setTimeout(res, 50));
      ac.abort();
      await reading;
      assert.ok(events.some((e) => e.type === 'story' && e.storyId === xi), JSON.stringify(events));
      assert.ok(events.some((e) => e.type === 'report' && e.storyId === xi), 'the story report was rebuilt in the background');
      assert.ok(events.every((e) => e.storyId === xi), `only the joined story changes: ${JSON.stringify(events)}`);
      // the other story's report and row are untouched; the joined story's report was rebuilt
      assert.deepEqual(row(other), otherReport);
      assert.equal(updated(other), otherUpdated);
      assert.notEqual(row(xi).key, xiKey);
      const xiAfter = (await getJson(`${t.base}/api/stories/${xi}`)).body;
      assert.equal(xiAfter.articleCount, xiBefore.articleCount + 1);
    } finally {
      await t.stop();
    }
  });
});
