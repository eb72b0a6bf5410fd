/**
 * Following on PostgreSQL keeps its memory in the database (as on SQLite): polling twice against
 * a loopback site stores nothing twice, and a new process (the store closed and reopened, a new
 * Follower) still knows every entry taken, sends the stored ETag and keeps each source's counts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Follower, type RoundReport } from '../../src/follow/follower.js';
import { storeSink } from '../../src/follow/sinks.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { type Site, startSite } from './follow-fixtures.js';
import { failOnOpenHandles, postgresAvailable, type TestDatabase, testDatabase } from '../pg-helper.js';

const skip = postgresAvailable() ? false : 'PostgreSQL binaries not found (set PG_BIN or TRIANGULATE_TEST_PG)';
failOnOpenHandles();
const FAST = { minIntervalMs: 0, backoffMs: 10, timeoutMs: 10_000, retries: 1 };

describe('follow on PostgreSQL', { skip }, () => {
  let site: Site;
  let db: TestDatabase;
  before(async () => {
    site = await startSite();
    db = await testDatabase();
  });
  after(async () => {
    await site?.close();
    await db?.drop();
  });

  const status = (r: RoundReport, path: string) => r.sources.find((s) => s.url === `${site.base}${path}`);
  const sources = () => [`${site.base}/feed.xml`, `${site.base}/opml.xml`, `${site.base}/news-sitemap.xml`];

  test('polling twice stores nothing twice; the state survives a restart', async () => {
    let store = await PostgresStore.open(db.url);
    const first = new Follower(storeSink(store), { fetch: FAST });
    const r1 = await first.round(sources());
    const taken = r1.outcomes.filter((o) => o.status === 'new').length;
    assert.ok(taken >= 6, `entries ingested on the first poll (${taken})`);
    assert.equal(status(r1, '/etag.xml')?.status, 'ok');
    const docs = await store.countDocuments();
    const seenFeed = await store.follow.seenCount(`${site.base}/feed.xml`);
    assert.equal(seenFeed, 6, 'every feed item remembered, the failed one included');

    const r2 = await first.round(sources());
    assert.equal(r2.outcomes.length, 0, 'nothing taken twice by the same process');
    assert.equal(await store.countDocuments(), docs);
    await store.close();

    // a new process: nothing in memory, everything in the database
    const etagRequests = () => site.requests.filter((q) => q.path === '/etag.xml');
    const before = etagRequests().length;
    store = await PostgresStore.open(db.url);
    const second = new Follower(storeSink(store), { fetch: FAST });
    const r3 = await second.round(sources());
    assert.equal(r3.outcomes.length, 0, 'nothing taken twice after a restart');
    assert.equal(await store.countDocuments(), docs);
    assert.equal(status(r3, '/etag.xml')?.status, 'not-modified', 'the stored ETag is sent after a restart');
    assert.equal(etagRequests()[before]?.headers['if-none-match'], '"v1"');
    assert.equal(await store.follow.seenCount(`${site.base}/feed.xml`), seenFeed);

    const rows = await store.follow.sources();
    const feed = rows.find((s) => s.url === `${site.base}/feed.xml`);
    assert.equal(feed?.kind, 'feed');
    assert.equal(feed?.lastNew, 0);
    assert.equal(feed?.totalNew, r1.sources.find((s) => s.url === `${site.base}/feed.xml`)?.newDocs);
    const atom = rows.find((s) => s.url.endsWith('/etag.xml'));
    assert.equal(atom?.etag, '"v1"');
    assert.equal(atom?.parent, `${site.base}/opml.xml`);
    assert.equal(atom?.totalNew, 1);
    assert.ok(atom?.okAt && atom.checkedAt && atom.checkedAt >= atom.okAt);
    // children listed after their parent, as on SQLite
    const order = rows.map((s) => s.url);
    assert.ok(order.indexOf(`${site.base}/opml.xml`) < order.indexOf(atom.url));
    await store.close();
  });

  test('two processes taking the same entries at once record each once', async () => {
    const a = await PostgresStore.open(db.url);
    const b = await PostgresStore.open(db.url);
    const entries = Array.from({ length: 50 }, (_, i) => ({ url: `${site.base}/race/${i}`, docId: null }));
    await Promise.all([a.follow.markSeen(entries, 'race', '2024-01-01T00:00:00Z'), b.follow.markSeen(entries.slice().reverse(), 'race', '2024-01-01T00:00:01Z')]);
    assert.equal(await a.follow.seenCount('race'), 50);
    const seen = await b.follow.seen([entries[0].url, `${site.base}/never`]);
    assert.deepEqual([...seen], [entries[0].url]);
    await a.close();
    await b.close();
  });
});
