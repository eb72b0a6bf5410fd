import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readBytes } from '../../src/ingest/index.js';
import { ingestResults, updateStories } from '../../src/pipeline.js';
import { createServer, type TriangulateServer } from '../../src/server/app.js';
import type { LiveEvent } from '../../src/server/live.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { seedFiles, seedText } from '../helpers.js';
import { failOnOpenHandles, postgresAvailable, type TestDatabase, testDatabase } from '../pg-helper.js';

const skip = postgresAvailable() ? false : 'PostgreSQL binaries not found (set PG_BIN or TRIANGULATE_TEST_PG)';
failOnOpenHandles();

/** The seeds posted one by one to a server, then the API read back: stories, search, a report, the pages. */
async function visit(server: TriangulateServer) {
  await server.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = server.app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const outcomes: string[] = [];
  for (const f of seedFiles()) {
    const r = await fetch(`${base}/api/articles?source=${f}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: seedText(f.slice(0, 3)) });
    const body = (await r.json()) as { outcomes: { status: string }[] };
    outcomes.push(`${r.status} ${body.outcomes[0].status}`);
  }
  const stories = (await (await fetch(`${base}/api/stories`)).json()) as { total: number; stories: { id: string; articles: number; title: string }[] };
  const search = (await (await fetch(`${base}/api/search?q=kremlin`)).json()) as { articles: { docId: string; storyId: string }[] };
  const biggest = stories.stories.slice().sort((a, b) => b.articles - a.articles || (a.id < b.id ? -1 : 1))[0];
  // while a story is rebuilt its previous report is served (X-Report-Status: updating): wait for the current one
  let res = await fetch(`${base}/api/stories/${biggest.id}`);
  for (const t0 = Date.now(); res.status === 200 && res.headers.get('x-report-status') === 'updating' && Date.now() - t0 < 120_000; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    res = await fetch(`${base}/api/stories/${biggest.id}`);
  }
  const report = (await res.json()) as { articleCount: number; crossCheck: unknown };
  const page = await fetch(`${base}/stories/${biggest.id}`);
  const health = (await (await fetch(`${base}/api/health`)).json()) as { documents: number; stories: number };
  return {
    outcomes,
    stories: stories.stories.map((s) => ({ id: s.id, articles: s.articles, title: s.title })).sort((a, b) => (a.id < b.id ? -1 : 1)),
    search: search.articles.map((a) => a.docId).sort(),
    report: { articleCount: report.articleCount, crossCheck: report.crossCheck },
    page: page.status,
    health: { documents: health.documents, stories: health.stories },
  };
}

describe('serve --db postgresql://', { skip }, () => {
  let db: TestDatabase;
  before(async () => {
    db = await testDatabase();
  });
  after(async () => {
    await db?.drop();
  });

  test('the same API answers as over SQLite', { timeout: 300_000 }, async () => {
    const pgServer = await createServer({ db: db.url });
    const sqliteServer = await createServer({ store: new SqliteStore(':memory:') });
    try {
      const overPg = await visit(pgServer);
      const overSqlite = await visit(sqliteServer);
      assert.deepEqual(overPg.outcomes, ['201 new', '201 new', '201 new', '201 new', '201 new']);
      assert.ok(overPg.search.length > 0, 'full-text search finds articles');
      assert.deepEqual(overPg, overSqlite);
    } finally {
      await pgServer.close();
      await sqliteServer.close();
      await sqliteServer.store.close();
    }
  });

  test('several servers on one database share one set of stories: concurrent posts never make two stories of one event', { timeout: 300_000 }, async () => {
    const shared = await testDatabase();
    const servers = await Promise.all([createServer({ db: shared.url }), createServer({ db: shared.url })]);
    try {
      const bases: string[] = [];
      for (const s of servers) bases.push(await s.app.listen({ host: '127.0.0.1', port: 0 }));
      // every seed posted to both servers at once, the two servers alternating which gets it first
      const files = seedFiles();
      await Promise.all(
        files.flatMap((f, i) =>
          [0, 1].map((k) => fetch(`${bases[(i + k) % 2]}/api/articles?source=${f}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: seedText(f.slice(0, 3)) })),
        ),
      );
      for (const s of servers) await s.live.idle();
      const stories = async (base: string) =>
        ((await (await fetch(`${base}/api/stories`)).json()) as { stories: { id: string; articles: number }[] }).stories.map((s) => `${s.id}:${s.articles}`).sort();
      // a server notices the other's last writes through its store watch
      const until = Date.now() + 30_000;
      while (Date.now() < until && (await stories(bases[0])).join() !== (await stories(bases[1])).join()) await new Promise((r) => setTimeout(r, 200));
      const a = await stories(bases[0]);
      assert.deepEqual(await stories(bases[1]), a, 'both servers list the same stories');
      // every document once, in exactly one story, grouped as one process groups them
      const store = servers[0].store;
      const grouped = (await store.stories()).map((g) => [...g.members].sort().join()).sort();
      const docs = await store.documentIds();
      assert.equal(docs.length, files.length);
      assert.equal(grouped.join(',').split(',').length, docs.length, 'each document in one story');
      const alone = new SqliteStore(':memory:');
      for (const f of files) await ingestResults(alone, readBytes(f, Buffer.from(seedText(f.slice(0, 3))), 'text'));
      const expected = (await updateStories(alone)).map((g) => [...g.members].sort().join()).sort();
      await alone.close();
      assert.deepEqual(grouped, expected, 'the stories one process gives');
    } finally {
      for (const s of servers) await s.close();
      await shared.drop();
    }
  });
  test("a server announces the stories another server's posts went into", { timeout: 300_000 }, async () => {
    const shared = await testDatabase();
    const [a, b] = await Promise.all([createServer({ db: shared.url }), createServer({ db: shared.url })]);
    try {
      const heard: LiveEvent[] = [];
      b.live.on('event', (e: LiveEvent) => heard.push(e));
      const base = await a.app.listen({ host: '127.0.0.1', port: 0 });
      const f = seedFiles()[0];
      const r = (await (await fetch(`${base}/api/articles?source=${f}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: seedText(f.slice(0, 3)) })).json()) as {
        outcomes: { storyId: string | null }[];
      };
      const storyId = r.outcomes[0].storyId;
      assert.ok(storyId, 'server A placed the article');
      // server B places nothing itself (A's run did): it hears of the story through its store watch
      const until = Date.now() + 120_000;
      while (Date.now() < until && !heard.some((e) => e.type === 'story' && e.storyId === storyId)) await new Promise((res) => setTimeout(res, 200));
      assert.deepEqual(
        heard.filter((e) => e.storyId === storyId),
        [{ type: 'story', storyId, articles: 1 }],
      );
    } finally {
      await a.close();
      await b.close();
      await shared.drop();
    }
  });
});
