import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { main } from '../../src/cli/main.js';
import type { AnnotatedArticle, RawDocument } from '../../src/model/types.js';
import { documentOutputs, runStoryLedger } from '../../src/pipeline.js';
import { buildStory } from '../../src/report/build.js';
import type { ReportStory } from '../../src/report/schema.js';
import { reportExtras } from '../../src/report/sections.js';
import { LOCKS } from '../../src/store/postgres/migrations.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import type { StoryFeatures, StoryGroup } from '../../src/stories/index.js';
import { runWorker } from '../../src/worker/loop.js';
import { SEEDS, seedFile } from '../helpers.js';
import { failOnOpenHandles, postgresAvailable, type TestDatabase, testDatabase } from '../pg-helper.js';

const skip = postgresAvailable() ? false : 'PostgreSQL binaries not found (set PG_BIN or TRIANGULATE_TEST_PG)';
failOnOpenHandles();
const mainModule = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const ECB = fileURLToPath(new URL('../../../shared/data/stories/ecbplus-dev.jsonl', import.meta.url));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Stories as comparable data: id, sorted members and the cross-check built from the store. */
async function storiesWithCrossCheck(store: PostgresStore | SqliteStore) {
  const out: { id: string; members: string[]; crossCheck: ReportStory['crossCheck'] }[] = [];
  for (const s of await store.stories()) {
    const report = await buildStory(store, s.data as StoryGroup, new Map(), reportExtras());
    out.push({ id: s.id, members: [...s.members].sort(), crossCheck: report.crossCheck });
  }
  return out;
}

async function jobRow(url: string, key: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query('SELECT status, attempts, last_error FROM jobs WHERE kind = $1 AND key = $2', ['document', key])).rows[0] as { status: string; attempts: number; last_error: string | null } | undefined;
  } finally {
    await c.end();
  }
}

describe('workers on PostgreSQL', { skip }, () => {
  let dir: string;
  let inputs: string[];
  let expected: Awaited<ReturnType<typeof storiesWithCrossCheck>>;
  let sqliteReport: string;
  const analysed: { raw: RawDocument; outputs: ReturnType<typeof documentOutputs> }[] = [];
  const grouping = (xs: { id: string; members: string[] }[]) => xs.map((x) => `${x.id}: ${[...x.members].sort().join(' ')}`).sort();
  const dbs: TestDatabase[] = [];
  const fresh = async () => {
    const db = await testDatabase();
    dbs.push(db);
    return db;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tri-workers-'));
    // the seeds and the first ECB+ articles (several events, several outlets each)
    const ecb = readFileSync(ECB, 'utf8').split('\n').filter(Boolean).slice(0, 16);
    writeFileSync(join(dir, 'ecb.jsonl'), `${ecb.join('\n')}\n`);
    inputs = [SEEDS, join(dir, 'ecb.jsonl')];
    const r = await cli(['analyze', ...inputs, '--db', join(dir, 'ref.db'), '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    sqliteReport = r.out;
    const ref = new SqliteStore(join(dir, 'ref.db'));
    expected = await storiesWithCrossCheck(ref);
    // the analysed documents, to store them again without analysing them again
    for (const id of await ref.documentIds()) {
      const annotated = (await ref.getAnnotated(id)) as AnnotatedArticle;
      analysed.push({ raw: (await ref.getRaw(id)) as RawDocument, outputs: documentOutputs({ article: annotated.article, annotated, features: (await ref.getFeatures<StoryFeatures>(id)) as StoryFeatures }) });
    }
    await ref.close();
    assert.ok(expected.length >= 3, 'several stories to compare');
  });
  after(async () => {
    for (const db of dbs) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('analyze --db postgresql:// prints the same report as with SQLite', async () => {
    const db = await fresh();
    const r = await cli(['analyze', ...inputs, '--db', db.url, '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, sqliteReport);
    const again = await cli(['analyze', ...inputs, '--db', db.url, '--format', 'json']);
    assert.deepEqual(JSON.parse(again.out).stories, JSON.parse(sqliteReport).stories, 'a second run reuses the stored documents');
    assert.match(again.err, /0 new, 21 already known/);
  });

  for (const workers of [1, 4]) {
    test(`--enqueue-only, then ${workers} worker(s): the same stories and cross-check as SQLite`, async () => {
      const db = await fresh();
      const r = await cli(['analyze', ...inputs, '--db', db.url, '--enqueue-only']);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /21 documents queued/);
      const stores = await Promise.all(Array.from({ length: workers }, () => PostgresStore.open(db.url, { poolSize: 2 })));
      try {
        const stats = await Promise.all(stores.map((s, i) => runWorker(s, { name: `w${i}`, exitWhenIdle: true, pollMs: 50 })));
        assert.equal(stats.reduce((n, s) => n + s.documents, 0), 21, 'each document processed once');
        if (workers > 1) assert.ok(stats.filter((s) => s.documents > 0).length > 1, 'the work was shared');
        assert.deepEqual(await storiesWithCrossCheck(stores[0]), expected);
        const q = await stores[0].queue.stats();
        assert.equal(q.queued + q.running + q.dead, 0);
      } finally {
        for (const s of stores) await s.close();
      }
    });
  }

  test('a worker killed with SIGKILL inside its transaction leaves no partial document; its job is retried', { timeout: 120_000 }, async () => {
    const db = await fresh();
    const r = await cli(['analyze', join(SEEDS, seedFile('001')), '--db', db.url, '--enqueue-only']);
    assert.equal(r.code, 0, r.err);
    const script = `const { main } = await import(${JSON.stringify(mainModule)}); process.exitCode = await main(process.argv.slice(1));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, 'worker', '--db', db.url], {
      env: { ...process.env, TRIANGULATE_WORKER_HOLD_IN_TX_MS: '600000' },
      stdio: 'ignore',
    });
    // connected to the test's own database: 'documents'::regclass names its table
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      // wait until the job is claimed and the worker's transaction has written document rows and is
      // holding; any open transaction would not do (the worker's start-up writes in transactions too)
      let holding = false;
      for (let i = 0; i < 1200 && !holding; i++) {
        const rows = await admin.query(
          `SELECT 1 FROM pg_stat_activity a WHERE datname = current_database() AND state = 'idle in transaction'
             AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.mode = 'RowExclusiveLock' AND l.relation = 'documents'::regclass)
             AND EXISTS (SELECT 1 FROM jobs WHERE kind = 'document' AND status = 'running')`,
        );
        holding = (rows.rowCount ?? 0) > 0;
        if (!holding) await sleep(100);
      }
      assert.ok(holding, 'the worker reached its commit');
      child.kill('SIGKILL');
      await new Promise((res) => child.once('exit', res));
      const store = await PostgresStore.open(db.url);
      try {
        assert.equal(await store.countDocuments(), 0, 'nothing of the document was committed');
        const stats = await runWorker(store, { exitWhenIdle: true, pollMs: 50 });
        assert.equal(stats.documents, 1);
        assert.equal(await store.countDocuments(), 1);
        const job = await jobRow(db.url, (await store.documentIds())[0]);
        assert.equal(job?.status, 'done');
        assert.equal(job?.attempts, 2, 'claimed twice: the killed attempt and the retry');
      } finally {
        await store.close();
      }
    } finally {
      child.kill('SIGKILL');
      await admin.end();
    }
  });

  test('a worker that loses its connections mid-transaction: the transaction is retried whole, the worker reconnects, nothing is duplicated', { timeout: 120_000 }, async () => {
    const db = await fresh();
    await cli(['analyze', join(SEEDS, seedFile('002')), '--db', db.url, '--enqueue-only']);
    const store = await PostgresStore.open(db.url);
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    process.env.TRIANGULATE_WORKER_HOLD_IN_TX_MS = '1500';
    try {
      const name = new URL(db.url).pathname.slice(1);
      const logs: string[] = [];
      const working = runWorker(store, { exitWhenIdle: true, pollMs: 50, log: (l) => logs.push(l) });
      let cut = 0;
      for (let i = 0; i < 600 && !cut; i++) {
        const holding = await admin.query(`SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND state = 'idle in transaction'`, [name]);
        if (holding.rowCount) {
          // every connection of the worker: the one in the transaction and the one holding its claim
          const rows = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
          cut = rows.rowCount ?? 0;
        }
        if (!cut) await sleep(20);
      }
      assert.ok(cut > 0, 'a transaction was cut off');
      const stats = await working;
      assert.equal(stats.documents, 1, logs.join('\n'));
      assert.equal(await store.countDocuments(), 1);
      const job = await jobRow(db.url, (await store.documentIds())[0]);
      assert.equal(job?.status, 'done');
      const counts = await store.conn.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM articles)::int + (SELECT count(*) FROM annotations)::int + (SELECT count(*) FROM story_features)::int + (SELECT count(*) FROM document_sources)::int AS n',
      );
      assert.equal(counts[0].n, 4, 'one row of each kind for the one document');
    } finally {
      delete process.env.TRIANGULATE_WORKER_HOLD_IN_TX_MS;
      await admin.end();
      await store.close();
    }
  });

  test('story runs of three processes racing over the same time windows never duplicate a story', { timeout: 180_000 }, async () => {
    const db = await fresh();
    const stores = await Promise.all([0, 1, 2].map(() => PostgresStore.open(db.url, { poolSize: 2 })));
    try {
      // two writers store alternate articles, each running the ledger after each article, while a third runs it in a loop:
      // every run's transaction is open while others write and run (without the stories lock, two would place the same articles)
      const writer = async (s: PostgresStore, part: number) => {
        for (const d of analysed.filter((_, i) => i % 2 === part)) {
          await s.saveDocument(d.raw, d.outputs);
          await runStoryLedger(s);
        }
      };
      const runs = async () => {
        for (let i = 0; i < 12; i++) await runStoryLedger(stores[2]);
      };
      await Promise.all([writer(stores[0], 0), writer(stores[1], 1), runs()]);
      await runStoryLedger(stores[2]);
      const stories = await stores[2].stories();
      assert.deepEqual(grouping(stories), grouping(expected), 'the stories and ids one process gives');
      const members = stories.flatMap((g) => g.members);
      assert.equal(new Set(members).size, members.length, 'no article in two stories');
      assert.equal(members.length, analysed.length);
      const ledger = await stores[2].conn.query<{ n: number; d: number }>('SELECT count(*)::int AS n, count(DISTINCT doc_id)::int AS d FROM story_ledger');
      assert.deepEqual(ledger[0], { n: analysed.length, d: analysed.length }, 'each article placed once in the ledger');
    } finally {
      for (const s of stores) await s.close();
    }
  });

  test('a story run cut off by a lost connection writes nothing; its job is retried and gives the same stories', { timeout: 120_000 }, async () => {
    const db = await fresh();
    const store = await PostgresStore.open(db.url);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    try {
      for (const d of analysed) await store.saveDocument(d.raw, d.outputs);
      await store.queue.requestRegroup();
      // no retry of the transaction itself: the job's retry is what this test is about
      store.conn.retries = 1;
      // another session holds the stories lock, so the worker's run waits inside its transaction
      await admin.query('SELECT pg_advisory_lock($1)', [LOCKS.stories]);
      const logs: string[] = [];
      const working = runWorker(store, { exitWhenIdle: true, pollMs: 50, log: (l) => logs.push(l) });
      let cut = 0;
      for (let i = 0; i < 600 && !cut; i++) {
        // only this test's database: the CI server is shared by test files running at the same time,
        // and another file's story run may be waiting on its own database's advisory lock
        const waiting = await admin.query(
          "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid <> pg_backend_pid()" +
            ' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())',
        );
        cut = waiting.rowCount ?? 0;
        if (!cut) await sleep(50);
      }
      assert.ok(cut > 0, 'a story run was cut off while it waited for the lock');
      assert.equal((await admin.query('SELECT count(*)::int AS n FROM stories')).rows[0].n, 0, 'nothing written by the cut-off run');
      await admin.query('SELECT pg_advisory_unlock($1)', [LOCKS.stories]);
      const stats = await working;
      assert.ok(logs.some((l) => /connection lost/.test(l)), logs.join('\n'));
      assert.equal(stats.regroups, 1);
      const job = (await admin.query("SELECT status, attempts FROM jobs WHERE kind = 'stories'")).rows[0] as { status: string; attempts: number };
      assert.deepEqual(job, { status: 'done', attempts: 2 }, 'claimed twice: the cut-off run and the retry');
      assert.deepEqual(grouping(await store.stories()), grouping(expected));
    } finally {
      await admin.end();
      await store.close();
    }
  });

  test('a job that keeps failing ends as a dead letter with its reason', { timeout: 60_000 }, async () => {
    const db = await fresh();
    const store = await PostgresStore.open(db.url);
    try {
      const raw = { id: 'e'.repeat(32), source: 'broken.json', format: 'text' as const, content: 'x', contentType: 'text' as const, encoding: 'utf-8', meta: {} };
      // a payload a worker cannot read (as written by an incompatible version)
      await store.queue.enqueueDocuments([{ raw, payload: { raw: null } }], 2);
      const stats = await runWorker(store, { exitWhenIdle: false, pollMs: 100, until: async () => (await store.queue.pending([raw.id])) === 0 });
      assert.equal(stats.retried, 1);
      assert.equal(stats.dead, 1);
      const dead = await store.queue.dead();
      assert.equal(dead.length, 1);
      assert.match(dead[0].reason ?? '', /null|undefined|Cannot read/);
      assert.equal(await store.countDocuments(), 0);
    } finally {
      await store.close();
    }
  });

  test('worker needs PostgreSQL; --enqueue-only needs PostgreSQL', async () => {
    const r = await cli(['worker', '--db', join(dir, 'x.db')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /worker needs a PostgreSQL store/);
    const e = await cli(['analyze', join(SEEDS, seedFile('001')), '--db', ':memory:', '--enqueue-only']);
    assert.equal(e.code, 1);
    assert.match(e.err, /--enqueue-only needs a PostgreSQL store/);
  });
});
