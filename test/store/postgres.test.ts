import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { AnnotatedArticle, RawDocument } from '../../src/model/types.js';
import { openStore } from '../../src/store/index.js';
import { Connection } from '../../src/store/postgres/connect.js';
import { migrate, PG_SCHEMA_VERSION } from '../../src/store/postgres/migrations.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { tsQuery } from '../../src/store/postgres/queries.js';
import { bareArticle, SEEDS } from '../helpers.js';
import { failOnOpenHandles, postgresAvailable, type TestDatabase, testDatabase } from '../pg-helper.js';

const skip = postgresAvailable() ? false : 'PostgreSQL binaries not found (set PG_BIN or TRIANGULATE_TEST_PG)';
failOnOpenHandles();

function doc(n: number, text = `Story number ${n} about the harbour.`): { raw: RawDocument; annotated: AnnotatedArticle } {
  const id = n.toString(16).padStart(32, '0');
  const raw: RawDocument = { id, source: `d${n}.txt`, format: 'text', content: text, contentType: 'text', encoding: 'utf-8', meta: {} };
  const article = bareArticle(id, text, { source: raw.source, title: `Title ${n}`, outlet: n % 2 ? 'Odd Times' : 'Even Post' });
  return { raw, annotated: { article, sentences: [{ start: 0, end: text.length }], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] } };
}

const outputs = (d: ReturnType<typeof doc>, features: unknown = { id: d.raw.id }) => ({
  article: d.annotated.article,
  articleVersion: 'e1',
  annotated: d.annotated,
  annotationsVersion: 'a1',
  features,
  featuresVersion: 'f1',
});

describe('PostgreSQL store', { skip }, () => {
  let db: TestDatabase;
  let store: PostgresStore;
  before(async () => {
    db = await testDatabase();
    store = await PostgresStore.open(db.url);
  });
  after(async () => {
    await store?.close();
    await db?.drop();
  });

  test('documents round-trip; stage versions; sources', async () => {
    const d = doc(1);
    await store.saveDocument(d.raw, outputs(d));
    assert.equal(await store.hasDocument(d.raw.id), true);
    assert.deepEqual(await store.stageVersions(d.raw.id), { article: 'e1', annotations: 'a1', features: 'f1' });
    assert.deepEqual(await store.getAnnotated(d.raw.id), d.annotated);
    assert.deepEqual(await store.getRaw(d.raw.id), d.raw);
    assert.equal(await store.outletOf(d.raw.id), 'Odd Times');
    assert.equal(await store.sourceOf(d.raw.id), 'd1.txt');
    await store.addSource(d.raw.id, 'copy.txt');
    assert.equal(await store.countDocuments(), 1);
    assert.deepEqual(await store.stageVersions('f'.repeat(32)), { article: undefined, annotations: undefined, features: undefined });
  });

  test('a failure inside a document write leaves nothing partial', async () => {
    const d = doc(2);
    const bad = { toJSON: () => { throw new Error('boom'); } };
    await assert.rejects(store.saveDocument(d.raw, outputs(d, bad)), /boom/);
    // a failure the database raises mid-transaction, after the documents row is written (a NOT NULL column)
    await assert.rejects(store.saveDocument(d.raw, { ...outputs(d), featuresVersion: null as unknown as string }));
    assert.equal(await store.hasDocument(d.raw.id), false);
    assert.equal(await store.getArticle(d.raw.id), null);
  });

  test('stories, membership, reports, full-text search with tsvector', async () => {
    const a = doc(3, 'Lava reached the harbour of Grindavik overnight.');
    const b = doc(4, 'Fishermen moved boats out of the harbour.');
    await store.saveDocument(a.raw, outputs(a));
    await store.saveDocument(b.raw, outputs(b));
    await store.replaceStories([{ id: 's1', members: [a.raw.id, b.raw.id], data: { title: 'Harbour', span: { start: '2024-01-01', end: '2024-01-02' }, entities: [{ id: 'grindavik' }] } }]);
    assert.equal(await store.storyOf(a.raw.id), 's1');
    await store.saveStoryReport('s1', 'k', { ok: true });
    assert.deepEqual(await store.getStoryReport('s1', 'k'), { ok: true });
    assert.equal(await store.storyReportKey('s1'), 'k');
    const hits = await store.searchArticles('lava harb*');
    assert.deepEqual(hits.map((h) => h.docId), [a.raw.id]);
    assert.deepEqual(await store.searchArticles('"); DROP TABLE stories; --'), [], 'operators and quotes never reach the query');
    const list = await store.listStories({ q: 'fishermen', outlet: 'even post', entity: 'grindavik', from: '2024-01-01', to: '2024-12-31' });
    assert.equal(list.total, 1);
    assert.deepEqual(list.stories[0].outlets, ['Even Post', 'Odd Times']);
    assert.equal((await store.listStories({ q: 'volcano' })).total, 0);
    assert.equal(await store.deleteDocument(a.raw.id), true);
    assert.equal(await store.storyOf(a.raw.id), null);
    assert.equal(await store.getStoryReport('s1', 'k'), null, 'the story report goes with a member');
  });

  test('tsQuery quotes every word as a lexeme', () => {
    assert.equal(tsQuery("Xi's visit*"), "('xi' <-> 's') & 'visit':*");
    assert.equal(tsQuery('& | ! ( )'), null);
  });

  test('regrouping is serialised: concurrent regroups give one grouping, no duplicate story', async () => {
    const other = await PostgresStore.open(db.url);
    try {
      const compute = (tag: string) => (features: unknown[], previous: { id: string; members: string[] }[]) => {
        const ids = (features as { id: string }[]).map((f) => f.id).sort();
        // a new story id per caller: without the lock, both writes would interleave into two stories
        const id = previous.find((p) => p.members.length)?.id ?? `story-${tag}`;
        return [{ id, members: ids, data: { title: tag } }];
      };
      await store.replaceStories([]);
      await Promise.all([store.regroup(compute('a')), other.regroup(compute('b')), store.regroup(compute('c'))]);
      const stories = await store.stories();
      assert.equal(stories.length, 1, JSON.stringify(stories));
      assert.equal(stories[0].members.length, await store.countDocuments());
    } finally {
      await other.close();
    }
  });

  test('a dropped connection is retried', async () => {
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await store.countDocuments();
      const dbName = new URL(db.url).pathname.slice(1);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName]);
      assert.equal(typeof (await store.countDocuments()), 'number');
      const d = doc(9);
      await store.saveDocument(d.raw, outputs(d));
      assert.equal(await store.hasDocument(d.raw.id), true);
    } finally {
      await admin.end();
    }
  });
});

describe('PostgreSQL schema and connections', { skip }, () => {
  test('20 processes-worth of connections migrating one new database at once: one schema, no failure', async () => {
    const db = await testDatabase();
    try {
      const opened = await Promise.allSettled(Array.from({ length: 20 }, () => PostgresStore.open(db.url, { poolSize: 1 })));
      const failed = opened.filter((o) => o.status === 'rejected');
      assert.deepEqual(failed, []);
      for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
      const s = await PostgresStore.open(db.url);
      assert.equal(await s.schemaVersion(), PG_SCHEMA_VERSION);
      await s.close();
    } finally {
      await db.drop();
    }
  });

  test('a database of an older schema is migrated in place, its data kept; a newer one is refused untouched', async () => {
    const db = await testDatabase();
    try {
      const conn = new Connection(db.url);
      await migrate(conn, 1);
      const d = doc(5);
      await conn.query("INSERT INTO documents (id, source, format, content_type, encoding, content, meta, added_at) VALUES ($1, 'x', 'text', 'text', 'utf-8', 'x', '{}', 'now')", [d.raw.id]);
      await conn.end();
      const s = await PostgresStore.open(db.url);
      assert.equal(await s.schemaVersion(), PG_SCHEMA_VERSION);
      assert.equal(await s.hasDocument(d.raw.id), true);
      await s.conn.query('UPDATE triangulate_schema SET version = 99');
      await s.close();
      await assert.rejects(PostgresStore.open(db.url), /schema version 99 is newer than this triangulate/);
    } finally {
      await db.drop();
    }
  });

  test('a wrong URL, a refused connection and a missing database are clear errors', async () => {
    await assert.rejects(openStore('postgresql://u:secret@[nope/x'), (e: Error) => /not a valid PostgreSQL URL/.test(e.message) && !e.message.includes('secret'));
    await assert.rejects(openStore('postgresql://u@127.0.0.1/'), /no database named/);
    const c = new Connection('postgresql://u@127.0.0.1:1/x');
    c.retries = 1;
    await assert.rejects(c.query('SELECT 1'), /connection refused/);
    await c.end();
    const db = await testDatabase();
    const missing = new URL(db.url);
    missing.pathname = '/no_such_db';
    await assert.rejects(openStore(missing.toString()), /database does not exist/);
    await db.drop();
  });
});

test('every command given a wrong PostgreSQL URL or a refused connection says so in one line, exit 1, password hidden', { timeout: 120_000 }, async () => {
  const { main } = await import('../../src/cli/main.js');
  const refused = 'postgresql://u:secret@127.0.0.1:1/x';
  const cases: [string[], RegExp][] = [
    [['worker', '--db', refused], /cannot open the store .*connection refused \(is the server running\?\)/],
    [['migrate', '--db', refused], /cannot migrate .*connection refused/],
    [['analyze', SEEDS, '--db', refused], /cannot open the store .*connection refused/],
    [['worker', '--db', 'postgresql://u:secret@[nope/x'], /not a valid PostgreSQL URL/],
  ];
  for (const [argv, expected] of cases) {
    let err = '';
    const code = await main(argv, { stdout: () => undefined, stderr: (s) => (err += s) });
    assert.equal(code, 1, argv.join(' '));
    assert.match(err, expected);
    assert.equal(err.trim().split('\n').length, 1, err);
    assert.ok(!err.includes('secret'), err);
  }
});
