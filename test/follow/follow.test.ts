/**
 * Following sources against a loopback site: feeds (relative links, redirects, robots disallow,
 * 404, items without links), Atom with ETag, news sitemap, a 100,000-URL sitemap, OPML, a feed that
 * is HTML, a redirect loop, a refused connection; per-source status, nothing duplicated on the
 * next poll, every request to 127.0.0.1 only.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Follower, type RoundReport } from '../../src/follow/follower.js';
import { storeSink } from '../../src/follow/sinks.js';
import { parseInterval, readSources } from '../../src/follow/sources.js';
import { SqliteStore as Store } from '../../src/store/sqlite/store.js';
import { refusedUrl, type Site, startSite } from './follow-fixtures.js';

const FAST = { minIntervalMs: 0, backoffMs: 10, timeoutMs: 10_000, retries: 1 };
let site: Site;
before(async () => {
  site = await startSite();
});
after(async () => {
  await site.close();
});

const byUrl = (r: RoundReport, path: string) => {
  const s = r.sources.find((x) => x.url === `${site.base}${path}` || x.url.endsWith(path));
  assert.ok(s, `source ${path} reported`);
  return s;
};

describe('follow', () => {
  test('a feed: pages fetched through relative links and redirects, item content used when the page fails, polled again without duplicates', async () => {
    const store = new Store(':memory:');
    const follower = new Follower(storeSink(store), { fetch: FAST });
    const r1 = await follower.round([`${site.base}/feed.xml`]);
    const feed = byUrl(r1, '/feed.xml');
    assert.equal(feed.status, 'ok');
    assert.equal(feed.kind, 'feed');
    assert.match(feed.detail, /6 items, 6 new/);
    const sources = r1.outcomes.map((o) => `${o.status} ${o.source.replace(site.base, '')}`);
    assert.deepEqual(sources, ['new /a/1', 'new /a/2-final', 'new /private/3', 'new /missing/4', `new ${'/feed.xml'}#5`, `failed ${'/feed.xml'}#6`]);
    // the disallowed page and the 404 fell back on the item's own content, saying why
    const priv = r1.outcomes[2];
    assert.ok(priv.warnings?.some((w) => /robots\.txt.*own content is used/.test(w)));
    assert.ok(r1.outcomes[3].warnings?.some((w) => /HTTP 404.*own content is used/.test(w)));
    assert.match(r1.outcomes[5].reason ?? '', /neither a link nor content/);
    assert.ok(!site.requests.some((q) => q.path === '/private/3'));
    // the feed's pubDate dates the page it links to (which gives none of its own)
    const first = await store.getArticle(r1.outcomes[0].docId!);
    assert.equal(first?.published?.source, 'input');
    assert.equal(Date.parse(first!.published!.iso), Date.parse('2024-05-01T15:00:00Z'));
    const docs = await store.countDocuments();
    const r2 = await follower.round([`${site.base}/feed.xml`]);
    assert.equal(r2.outcomes.length, 0, 'nothing taken twice');
    assert.match(byUrl(r2, '/feed.xml').detail, /0 new/);
    assert.equal(await store.countDocuments(), docs);
    await store.close();
  });

  test('Atom with ETag (304 on the next poll), news sitemap, OPML listing feeds, per-source statuses for bad sources', async () => {
    const store = new Store(':memory:');
    const follower = new Follower(storeSink(store), { fetch: FAST });
    const refused = await refusedUrl();
    const urls = [`${site.base}/opml.xml`, `${site.base}/news-sitemap.xml`, `${site.base}/html-feed.xml`, `${site.base}/loop/a`, `${site.base}/missing/4`, refused];
    const r1 = await follower.round(urls);
    assert.equal(byUrl(r1, '/opml.xml').kind, 'opml');
    assert.match(byUrl(r1, '/opml.xml').detail, /2 feeds/);
    const atom = byUrl(r1, '/etag.xml');
    assert.equal(atom.parent, `${site.base}/opml.xml`);
    assert.equal(atom.newDocs, 1);
    assert.equal(byUrl(r1, '/refused-placeholder').status, 'error');
    assert.equal(byUrl(r1, '/news-sitemap.xml').newDocs, 1);
    const news = r1.outcomes.find((o) => o.source.endsWith('/n/1'));
    assert.equal((await store.getArticle(news!.docId!))?.published?.iso.slice(0, 16), '2024-05-03T08:00');
    // a "feed" that is a web page is read as the page it is
    assert.equal(byUrl(r1, '/html-feed.xml').kind, 'page');
    assert.equal(byUrl(r1, '/html-feed.xml').newDocs, 1);
    assert.match(byUrl(r1, '/loop/a').detail, /redirect loop/);
    assert.match(byUrl(r1, '/missing/4').detail, /HTTP 404/);
    assert.match(r1.sources.find((s) => s.url === refused)!.detail, /connection refused/);
    const r2 = await follower.round(urls);
    assert.equal(byUrl(r2, '/etag.xml').status, 'not-modified');
    assert.equal(r2.outcomes.length, 0);
    // the statuses are kept in the store for the Sources page
    const rows = await follower.state.sources();
    assert.ok(rows.some((s) => s.url.endsWith('/etag.xml') && s.status === 'not-modified' && s.totalNew === 1));
    await store.close();
  });

  test('a sitemap of 100,000 URLs: the newest few taken, the archive left out once, nothing more on the next poll', async () => {
    const store = new Store(':memory:');
    const follower = new Follower(storeSink(store), { fetch: { ...FAST, timeoutMs: 60_000 }, maxNewPerSource: 3 });
    const t0 = Date.now();
    const r1 = await follower.round([`${site.base}/huge-sitemap.xml`]);
    const s = byUrl(r1, '/huge-sitemap.xml');
    assert.match(s.detail, /100000 URLs, 3 new, 99997 older ones left out/);
    assert.equal(s.newDocs, 3);
    assert.ok(Date.now() - t0 < 120_000);
    const r2 = await follower.round([`${site.base}/huge-sitemap.xml`]);
    assert.equal(r2.outcomes.length, 0);
    await store.close();
  });

  test('never a request to another address', () => {
    for (const q of site.requests) assert.match(String(q.headers.host), /^127\.0\.0\.1:\d+$/);
  });
});

describe('follow inputs', () => {
  test('sources file: URLs, comments, bad lines reported', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'tri-follow-'));
    const file = join(dir, 'sources.txt');
    writeFileSync(file, '# desk\nhttp://127.0.0.1:1/a.xml\n\nnot a url\nhttp://127.0.0.1:1/a.xml # again\n');
    const { urls, problems } = readSources([file, 'http://127.0.0.1:1/b', join(dir, 'nope.txt')]);
    assert.deepEqual(urls, ['http://127.0.0.1:1/a.xml', 'http://127.0.0.1:1/b']);
    assert.equal(problems.length, 2);
    assert.equal(parseInterval('15m'), 900_000);
    assert.equal(parseInterval('30s'), 30_000);
    assert.equal(parseInterval('soon'), null);
  });
});

test('triangulate follow: one round into the store, a status line per source, exit 2 when every source fails', async () => {
  const { main } = await import('../../src/cli/main.js');
  const { mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const db = join(mkdtempSync(join(tmpdir(), 'tri-follow-cli-')), 't.db');
  let out = '';
  const io = { stdout: (s: string) => (out += s), stderr: (s: string) => (out += s) };
  const code = await main(['follow', `${site.base}/news-sitemap.xml`, '--db', db], io);
  assert.equal(code, 0, out);
  assert.match(out, /^ok\s+sitemap .*news-sitemap\.xml: 1 URLs, 1 new; 1 new in the store$/m);
  assert.match(out, /^\s+new\s+[0-9a-f]{12} .*\/n\/1 → story /m);
  out = '';
  assert.equal(await main(['follow', `${site.base}/news-sitemap.xml`, '--db', db], io), 0);
  assert.match(out, /1 URLs, 0 new/);
  let stories = '';
  await main(['stories', '--db', db], { stdout: (s) => (stories += s), stderr: () => {} });
  assert.match(stories, /News one/);
  out = '';
  assert.equal(await main(['follow', `${site.base}/missing/4`, '--db', db], io), 2);
  assert.match(out, /^FAILED .*missing\/4: HTTP 404/m);
  assert.equal(await main(['follow', 'x', '--every', 'soon', '--db', db], io), 1);
});

test('triangulate analyze accepts URLs next to files: a feed and an article page, a failing URL reported', async () => {
  const { main } = await import('../../src/cli/main.js');
  let err = '';
  let out = '';
  const code = await main(['analyze', `${site.base}/etag.xml`, `${site.base}/a/1`, `${site.base}/missing/4`, '--db', ':memory:', '--format', 'json'], {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  });
  assert.equal(code, 0, err);
  const report = JSON.parse(out) as { stories: { articles: { source: string; published: string | null }[] }[] };
  const sources = report.stories.flatMap((s) => s.articles.map((a) => a.source.replace(site.base, ''))).sort();
  assert.deepEqual(sources, ['/a/1', '/entries/e1']);
  assert.match(err, /missing\/4: HTTP 404/);
  assert.match(err, /3 documents: 2 new, 0 already known, 1 failed/);
});
