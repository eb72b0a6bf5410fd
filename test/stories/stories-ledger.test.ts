/**
 * One grouping everywhere: the library (batch and incremental), `analyze` runs and the server give
 * the same stories, with the same ids, for the same articles in any order or batching.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { readFile } from '../../src/ingest/index.js';
import { processDocument } from '../../src/pipeline.js';
import { startServer } from '../../src/server/testing.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { groupStories, MemoryLedger, StoryLedger, storyFeatures, type StoryFeatures, type StoryGroup, updateLedgerInChunks } from '../../src/stories/index.js';
import { passTime } from '../../src/stories/ledger.js';
import { ledgerRun } from '../../src/pipeline.js';
import { openStore, type Store } from '../../src/store/index.js';
import { bareArticle, SEEDS, seedFiles } from '../helpers.js';
import { withinCpu } from '../util/cpu-bound.js';
import { openTestStore, postgresAvailable, testDatabase } from '../pg-helper.js';
import { prng } from '../../src/util/random.js';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';

const ECB = new URL('../../../shared/data/stories/ecbplus-dev.jsonl', import.meta.url);
const ecbRows = readFileSync(ECB, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; title: string; text: string; event: string; url?: string });

/** Deterministic shuffle (mulberry32). */
function shuffle<T>(xs: T[], seed: number): T[] {
  const r = prng(seed);
  return xs.map((x) => [r(), x] as const).sort((p, q) => p[0] - q[0]).map((p) => p[1]);
}

/** Stories as comparable text: id and sorted members. */
const shape = (gs: { id: string; members: string[] }[]) => gs.map((g) => `${g.id}:${[...g.members].sort().join(',')}`).sort();

/** ECB+ articles of a few topics, some dated (by a day derived from the event, so dates are realistic per event), some not. */
function ecbFeatures(topics: number[]): StoryFeatures[] {
  return ecbRows
    .filter((r) => topics.includes(parseInt(r.id, 10)))
    .map((r, i) =>
      storyFeatures({
        id: r.id,
        title: r.title,
        text: r.text,
        outlet: null,
        url: r.url ?? null,
        published: i % 3 === 0 ? null : `20${r.event.endsWith('plus') ? '13' : '08'}-0${1 + (parseInt(r.id, 10) % 9)}-1${i % 4}`,
        eventDates: [],
        entities: [],
      }),
    );
}

describe('story ledger (library)', () => {
  const fs = ecbFeatures([1, 2, 3, 4, 5, 6]);
  const batch = groupStories(fs);

  test('incremental runs in any order and batching give the batch stories and ids', async () => {
    assert.ok(batch.length > 3 && batch.length < fs.length, `${batch.length} stories`);
    for (const seed of [1, 2, 3, 4]) {
      const order = shuffle(fs, seed);
      const ledger = new StoryLedger();
      for (let i = 0, n = 1; i < order.length; i += n, n = 1 + ((n * 7 + seed) % 23)) await ledger.update(order.slice(i, i + n));
      assert.deepEqual(ledger.stories(), batch, `seed ${seed}`);
    }
  });

  test('a closed story that an earlier run merged into another (reopened by undated articles) is not lost when a later run replaces that output', async () => {
    // (at a merge bar as low as the join's, topic 1's earlier event, closed, was merged with a back-dated
    // report's story; the next run's undated article did not reopen it and its twelve members were in no story)
    const options = { mergeThreshold: 0.15 };
    const expected = groupStories(fs, options);
    for (const seed of [11, 30]) {
      const order = shuffle(fs, seed);
      const ledger = new StoryLedger(options);
      for (let i = 0, k = 0, n = 4; i < order.length; i += n, k++, n = 1 + ((n * 7 + k) % 13)) await ledger.update(order.slice(i, i + n));
      assert.deepEqual(shape(ledger.stories()), shape(expected), `seed ${seed}`);
    }
  });

  test('one article at a time, newest first (every run back-dated) still gives the batch', async () => {
    const ledger = new StoryLedger();
    const byTime = [...fs].sort((a, b) => (b.day ?? 1e9) - (a.day ?? 1e9) || (a.id < b.id ? 1 : -1));
    for (const f of byTime) await ledger.update([f]);
    assert.deepEqual(ledger.stories(), batch);
  });

  test('removing articles gives the batch over the rest; re-adding restores it', async () => {
    const ledger = new StoryLedger();
    await ledger.update(fs);
    const gone = fs.filter((_, i) => i % 5 === 0).map((f) => f.id);
    const run = await ledger.update([], gone);
    // (the same stories; one whose founder went keeps its id, where a fresh batch names it anew)
    const noId = (gs: StoryGroup[]) => gs.map((g) => JSON.stringify({ ...g, id: undefined }));
    assert.deepEqual(noId(ledger.stories()), noId(groupStories(fs.filter((f) => !gone.includes(f.id)))));
    assert.ok(run.replayed < fs.length + 1);
    await ledger.update(fs.filter((f) => gone.includes(f.id)));
    assert.deepEqual(ledger.stories(), batch);
  });

  test('a run of new articles on the latest day replays that day only, not the whole collection', async () => {
    const days = [...new Set(fs.map((f) => f.day).filter((d): d is number => d !== null))].sort((a, b) => a - b);
    const last = days[days.length - 1];
    const early = fs.filter((f) => f.day !== null && f.day < last);
    const late = fs.filter((f) => f.day === last);
    const ledger = new StoryLedger();
    await ledger.update(early);
    const run = await ledger.update(late);
    assert.equal(run.replayed, late.length, 'only the new day is replayed (no undated articles here)');
    assert.deepEqual(ledger.stories(), groupStories([...early, ...late]));
  });
});

/**
 * News in time order: each run's articles come after every article placed before, so a process
 * continues its kept pass index (`KeptPass`) instead of rebuilding the open stories. After every
 * run the stories, ids and records must be the batch's over the articles so far.
 */
describe('runs in time order continue the kept pass index', () => {
  const dated = ecbFeatures([1, 2, 3, 4, 5, 6, 7, 8]).map((f, i) => (passTime(f) === null ? { ...f, day: 14000 + (i % 40) } : f));
  const days = [...new Set(dated.map((f) => passTime(f)!))].sort((a, b) => a - b);
  /** Runs of one to three days each, in time order. */
  const runs = (() => {
    const out: StoryFeatures[][] = [];
    for (let i = 0, n = 1; i < days.length; i += n, n = 1 + (i % 3)) out.push(dated.filter((f) => passTime(f)! >= days[i] && passTime(f)! < (days[i + n] ?? Infinity)));
    return out;
  })();

  test('library: every run equals the batch so far, and later runs reuse the open stories', async () => {
    const ledger = new StoryLedger();
    let reused = 0;
    const so: StoryFeatures[] = [];
    for (const part of runs) {
      so.push(...part);
      const run = await ledger.update(part);
      assert.equal(run.restored, 0, 'nothing rebuilt from the ledger');
      reused += run.reused;
      assert.deepEqual(ledger.stories(), groupStories(so), `after ${so.length} articles`);
    }
    assert.ok(reused > 0, 'the kept pass index was continued');
  });

  test('SQLite store: the same, and another process\'s run in between is noticed (rebuilt, same stories)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tri-kept-'));
    const path = join(dir, 'store.db');
    const a = await openStore(path);
    const b = await openStore(path);
    try {
      let reused = 0;
      const so: StoryFeatures[] = [];
      for (const [k, part] of runs.entries()) {
        so.push(...part);
        // every fifth run by the other handle: the first handle's kept index is no longer the ledger's
        const store = k % 5 === 4 ? b : a;
        for (const f of part) await put(store, f, f.id);
        const run = await ledgerRun(store);
        assert.deepEqual(run.messages, []);
        reused += run.reused;
        if (k % 5 === 0 && k > 0) assert.equal(run.reused, 0, 'after the other handle ran, the ledger is rebuilt');
        // (the queue of what to place is emptied by the run that places it: no store-sized queue)
        assert.equal((store as SqliteStore).db.prepare('SELECT count(*) FROM story_ledger_queue').pluck().get(), 0);
        assert.deepEqual(await storedAs(store), batchAs(groupStories(so)), `after ${so.length} articles`);
      }
      assert.ok(reused > 0, 'the kept pass index was continued');
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Stores an article whose story features are `f` (a minimal document around them). */
async function put(store: Store, f: unknown, id: string, featuresVersion = 'f1') {
  const raw = { id, source: `${id}.txt`, format: 'text' as const, content: id, contentType: 'text' as const, encoding: 'utf-8', meta: {} };
  const article = bareArticle(id, id, { source: raw.source });
  const annotated = { article, sentences: [], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] };
  await store.saveDocument(raw, { article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features: f, featuresVersion });
}

/** The stored stories as the batch gives them: ids, members and the saved grouping records. */
async function storedAs(store: Store) {
  const stories = await store.stories();
  return { shape: shape(stories), data: stories.map((s) => s.data).sort((a, b) => ((a as StoryGroup).id < (b as StoryGroup).id ? -1 : 1)) };
}
const batchAs = (gs: StoryGroup[]) => ({ shape: shape(gs), data: JSON.parse(JSON.stringify([...gs].sort((a, b) => (a.id < b.id ? -1 : 1)))) as unknown[] });
/** The same without story ids (a story whose founder was deleted keeps its id; a fresh batch names it anew). */
const withoutIds = (x: { data: unknown[] }) =>
  x.data.map((d) => JSON.stringify({ ...(d as StoryGroup), id: undefined })).sort();

/**
 * The store's ledger (both back-ends): articles stored in shuffled batches, one ledger run after
 * each, give the batch stories and records; so do deletions, re-analysed articles and bad features.
 */
async function storeLedgerCase(open: () => Promise<{ store: Store; done: () => Promise<void> }>) {
  const fs = ecbFeatures([1, 2, 3, 4, 5, 6]);
  const batch = batchAs(groupStories(fs));
  for (const seed of [5, 6]) {
    const { store, done } = await open();
    try {
      const order = shuffle(fs, seed);
      for (let i = 0, n = 3; i < order.length; i += n, n = 1 + ((n * 5 + seed) % 17)) {
        for (const f of order.slice(i, i + n)) await put(store, f, f.id);
        const run = await ledgerRun(store);
        assert.deepEqual(run.messages, []);
      }
      assert.deepEqual(await storedAs(store), batch, `seed ${seed}`);
      if (seed !== 5) continue;

      // deletions: the batch over the rest; a story keeps its id when its founder goes
      const before = await store.stories();
      const gone = fs.filter((_, i) => i % 4 === 1);
      for (const f of gone) await store.deleteDocument(f.id);
      // (what a run must look at comes from the queue the store's triggers fill, not a scan)
      const queued = () => store.storyLedger(async (l) => ({ pending: await l.pending(), orphans: await l.orphans() }));
      assert.deepEqual(await queued(), { pending: [], orphans: gone.map((f) => f.id).sort() });
      await ledgerRun(store);
      assert.deepEqual(await queued(), { pending: [], orphans: [] });
      const rest = fs.filter((f) => !gone.includes(f));
      assert.deepEqual(withoutIds(await storedAs(store)), withoutIds(batchAs(groupStories(rest))));
      const goneIds = new Set(gone.map((f) => f.id));
      const after = new Map((await store.stories()).map((s) => [[...s.members].sort().join(','), s.id]));
      let founderGone = 0;
      for (const p of before) {
        const left = p.members.filter((m) => !goneIds.has(m)).sort().join(',');
        // (unchanged stories, and stories that only lost articles, founder or not)
        if (left === '' || !after.has(left)) continue;
        if (goneIds.has((p.data as StoryGroup).members[0])) founderGone++;
        assert.equal(after.get(left), p.id, `story ${p.id} renamed after deletions`);
      }
      assert.ok(founderGone > 0, 'some story lost its founder');

      // a re-analysed article (new features version) is placed again with its new features
      const moved = { ...rest[3], day: (rest[3].day ?? 15000) + 40, published: null };
      await put(store, moved, moved.id, 'f2');
      assert.deepEqual(await queued(), { pending: [moved.id], orphans: [] });
      await ledgerRun(store);
      const now = rest.map((f) => (f.id === moved.id ? moved : f));
      assert.deepEqual(withoutIds(await storedAs(store)), withoutIds(batchAs(groupStories(now))));

      // features that cannot be used: left out with a message, the rest untouched
      await put(store, { id: 'broken', terms: 'not a list' }, 'broken');
      const run = await ledgerRun(store);
      assert.ok(run.messages.some((m) => m.docId === 'broken' && /left out of story grouping/.test(m.message)), JSON.stringify(run.messages));
      assert.deepEqual(withoutIds(await storedAs(store)), withoutIds(batchAs(groupStories(now))));
      assert.equal(await store.storyOf('broken'), null);
      assert.deepEqual(await queued(), { pending: ['broken'], orphans: [] });
    } finally {
      await done();
    }
  }
}

describe("the store's story ledger", () => {
  test('SQLite: any batching of stored articles gives the batch stories, ids and records', async () => {
    await storeLedgerCase(() => openTestStore('sqlite'));
  });

  test('PostgreSQL: the same', { skip: postgresAvailable() ? false : 'PostgreSQL not available', timeout: 300_000 }, async () => {
    await storeLedgerCase(() => openTestStore('postgres'));
  });
});

describe('one grouping through the CLI, the server and the library', () => {
  test('the same files give the same stories and ids in analyze runs, server posts and groupStories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tri-ledger-'));
    try {
      // the seeds and a few ECB+ articles of one topic (two similar events), as plain-text files
      const files = seedFiles().map((f) => join(SEEDS, f));
      for (const r of ecbRows.filter((x) => parseInt(x.id, 10) === 4).slice(0, 8)) {
        const p = join(dir, `${r.id}.txt`);
        writeFileSync(p, `${r.title}\n\n${r.text}\n`);
        files.push(p);
      }
      // library
      const features = files.flatMap((f) => readFile(f)).flatMap((r) => (r.kind === 'doc' ? [processDocument(r.doc).features] : []));
      const lib = shape(groupStories(features));

      // CLI: two analyze runs over two halves, in two different splits and orders
      const cli = (batches: string[][]) => {
        const db = join(dir, `cli-${Math.random().toString(36).slice(2)}.db`);
        return (async () => {
          for (const b of batches) {
            const d = join(dir, `in-${Math.random().toString(36).slice(2)}`);
            mkdirSync(d);
            for (const f of b) writeFileSync(join(d, f.split('/').pop()!), readFileSync(f));
            const code = await main(['analyze', '--db', db, '--quiet', d], { stdout: () => {}, stderr: () => {} });
            assert.equal(code, 0);
          }
          const store = new SqliteStore(db);
          try {
            return shape(await store.stories());
          } finally {
            await store.close();
          }
        })();
      };
      const shuffled = shuffle(files, 9);
      assert.deepEqual(await cli([shuffled.slice(0, 5), shuffled.slice(5)]), lib);
      assert.deepEqual(await cli([files.slice(7), files.slice(0, 7)]), lib);

      // server: posted one by one in another order
      const t = await startServer();
      try {
        for (const f of shuffle(files, 4)) {
          const r = await fetch(`${t.base}/api/articles?source=${encodeURIComponent(f.split('/').pop()!)}`, { method: 'POST', body: readFileSync(f), headers: { 'content-type': 'text/plain' } });
          assert.ok(r.ok, String(r.status));
        }
        await t.server.live.idle();
        assert.deepEqual(shape(await t.server.store.stories()), lib);
      } finally {
        await t.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('stories under bad input', () => {
  const article = (id: string, text: string, extra: Partial<Parameters<typeof storyFeatures>[0]> = {}) =>
    storyFeatures({ id, title: null, text, outlet: null, published: null, eventDates: [], entities: [], ...extra }, { now: '2026-01-01' });

  test('undated articles only: grouped by content, the same in any batching', async () => {
    const fs = ecbFeatures([7, 8]).map((f) => ({ ...f, day: null, published: null }));
    const batch = groupStories(fs);
    const ledger = new StoryLedger();
    for (const part of [fs.slice(0, 10), fs.slice(10)]) await ledger.update(part);
    assert.deepEqual(ledger.stories(), batch);
    assert.ok(batch.every((g) => g.span.start === null));
  });

  test('a date in the future is reported and treated as unknown', () => {
    const f = article('future', 'The council approved the new budget for the harbour district after a long debate on Monday.', { published: '2031-05-01' });
    assert.equal(f.day, null);
    assert.ok(f.messages.some((m) => /future/.test(m.message)));
    assert.equal(groupStories([f]).length, 1);
  });

  test('identical texts from ten outlets: one story, one copy group, one independent source', () => {
    const text = 'Flooding closed the main bridge of the river town on Tuesday. Officials said repairs would take weeks and that traffic would be diverted through the northern districts.';
    const fs = Array.from({ length: 10 }, (_, i) => article(`copy-${i}`, text, { outlet: `Outlet ${i}`, published: '2025-03-04' }));
    const [g, ...rest] = groupStories(shuffle(fs, 3));
    assert.equal(rest.length, 0);
    assert.equal(g.members.length, 10);
    assert.equal(g.copies.length, 1);
    assert.equal(g.independentSources, 1);
  });

  test('a one-word article is its own story with a clear status', () => {
    const one = article('one', 'Breaking');
    assert.equal(one.status, 'too-short');
    assert.ok(one.messages.length > 0);
    const fs = [one, ...ecbFeatures([9]).slice(0, 5)];
    assert.ok(groupStories(fs).some((g) => g.members.length === 1 && g.members[0] === 'one'));
  });

  test('ten thousand articles on one event: one story, no quadratic blow-up (bounded CPU time)', () => {
    const base = ecbRows.find((r) => parseInt(r.id, 10) === 10)!;
    const words = base.text.split(/\s+/);
    const fs: StoryFeatures[] = [];
    for (let i = 0; i < 10_000; i++) {
      // each report drops a different slice of the text
      const cutAt = (i * 7919) % Math.max(1, words.length - 20);
      const text = [...words.slice(0, cutAt), ...words.slice(cutAt + 10)].join(' ');
      fs.push(storyFeatures({ id: `ev-${String(i).padStart(5, '0')}`, title: base.title, text, outlet: `o${i % 50}`, published: `2025-06-0${1 + (i % 3)}`, eventDates: [], entities: [] }));
    }
    // all pairs would be 50M similarity computations; this takes seconds
    const groups = withinCpu(120_000, () => groupStories(fs), 'grouping 10,000 articles');
    assert.ok(groups.length <= 3, `${groups.length} stories`);
    assert.ok(groups[0].members.length >= 9_900);
  });

  test('a URL with no domain names no outlet and breaks nothing', () => {
    const f = article('nodomain', 'The museum reopened its east wing on Saturday after two years of renovation work.', { url: 'http://127.0.0.1/article/1' });
    assert.equal(f.outlet, null);
    const g = article('file', 'The museum reopened its east wing on Saturday after two years of renovation work.', { url: 'file:///tmp/a.html', outlet: 'FOX' });
    assert.equal(g.outlet, 'Fox News');
    assert.equal(groupStories([f, g]).length, 1);
  });

  test('the stories of the analyze path and of groupStories are the same records', async () => {
    const fs = ecbFeatures([11]);
    const ledger = new StoryLedger();
    const run = await ledger.update(fs);
    const groups: StoryGroup[] = groupStories(fs);
    assert.deepEqual([...run.stories].sort((a, b) => (a.id < b.id ? -1 : 1)), [...groups].sort((a, b) => (a.id < b.id ? -1 : 1)));
  });
});

describe('story ids when the founding article is deleted', () => {
  const text = (n: number) =>
    `Engineers at the Varnholt reservoir opened the spillway gates on day ${n} after the dam on the river Quellen rose above its flood mark. Varnholt officials said the spillway release would lower the reservoir by two metres and the Quellen valley towns were told to expect high water.`;
  const article = (id: string, day: string, n: number) =>
    storyFeatures({ id, title: `Varnholt dam spillway opened as Quellen reservoir rises (${n})`, text: text(n), outlet: null, published: day, eventDates: [], entities: [] });
  const a = article('dam-a', '2026-03-02', 1);
  const b = article('dam-b', '2026-03-03', 2);
  const c = article('dam-c', '2026-03-04', 3);
  const d = article('dam-d', '2026-03-05', 4);

  test('the story keeps its id when its founder goes, and again when the next founder goes', async () => {
    const ledger = new StoryLedger();
    await ledger.update([a, b, c, d]);
    const [story] = ledger.stories();
    assert.deepEqual(story.members, ['dam-a', 'dam-b', 'dam-c', 'dam-d']);
    await ledger.update([], ['dam-a']);
    assert.deepEqual(shape(ledger.stories()), [`${story.id}:dam-b,dam-c,dam-d`]);
    await ledger.update([], ['dam-b']);
    assert.deepEqual(shape(ledger.stories()), [`${story.id}:dam-c,dam-d`]);
    // a later run that replays the heir (a new article before it) keeps the id too
    await ledger.update([article('dam-e', '2026-03-04', 5)]);
    assert.equal(ledger.stories().length, 1);
    assert.equal(ledger.stories()[0].id, story.id);
  });

  test('input features cannot claim an id: a fresh batch names the story after its founder', () => {
    const claimed = { ...b, inheritsStoryId: 'story-claimed' };
    const [story] = groupStories([claimed, c, d]);
    assert.notEqual(story.id, 'story-claimed');
    assert.deepEqual(story.members, ['dam-b', 'dam-c', 'dam-d']);
  });

});

describe('decoded ledger rows kept between runs (LedgerDocCache)', () => {
  test('SQLite: two processes taking turns on one store give the batch stories (each trusts its rows only while the ledger is its own)', async () => {
    const fs = ecbFeatures([1, 2, 3, 4, 5, 6]);
    const batch = batchAs(groupStories(fs));
    const dir = mkdtempSync(join(tmpdir(), 'tri-ledger-cache-'));
    const a = await openStore(join(dir, 'store.db'));
    const b = await openStore(join(dir, 'store.db'));
    const fresh = () => new SqliteStore(join(dir, 'store.db'));
    const restoredBy = async (store: Store, d: number) => {
      const docs = await store.storyLedger((l) => l.openAt(d));
      if (store !== a && store !== b) await store.close();
      return docs.map((x) => JSON.stringify({ ...x, sealed: !!x.sealed, f: JSON.parse(JSON.stringify(x.f)), vec: { keys: x.vec.keys, vals: [...x.vec.vals] } })).sort();
    };
    const days = [...new Set(fs.map((f) => f.day).filter((x): x is number => x !== null))].sort((x, y) => x - y).filter((_, i, all) => i % Math.ceil(all.length / 6) === 0);
    try {
      // shuffled batches (back-dated ones rewrite rows the other handle has decoded), runs alternating
      // between the handles, and each handle sometimes twice in a row (its rows still valid)
      const order = shuffle(fs, 11);
      for (let i = 0, k = 0, n = 4; i < order.length; i += n, k++, n = 1 + ((n * 7 + k) % 13)) {
        const s = k % 3 === 2 ? b : a;
        for (const f of order.slice(i, i + n)) await put(s, f, f.id);
        assert.deepEqual((await ledgerRun(s)).messages, []);
        // what each handle restores is what a fresh handle reads from the store
        for (const d of days) assert.deepEqual(await restoredBy(a, d), await restoredBy(fresh(), d), `batch ${k}, day ${d}`);
      }
      assert.deepEqual(await storedAs(a), batch);
      // a deletion through one handle: the other's next run reads the ledger again
      await b.deleteDocument(fs[0].id);
      await ledgerRun(a);
      // (members only: a story whose founder went keeps its id, a fresh batch names it anew)
      const members = (gs: { members: string[] }[]) => gs.map((g) => [...g.members].sort().join(',')).sort();
      assert.deepEqual(members(await a.stories()), members(groupStories(fs.slice(1))));
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a run over many pending articles (time-ordered chunks)', () => {
  test('SQLite: one run placing every stored article in small chunks gives the batch stories, ids and records', async () => {
    const fs = ecbFeatures([1, 2, 3, 4, 5, 6]);
    const batch = batchAs(groupStories(fs));
    for (const chunkArticles of [5, 17]) {
      const store = await openStore(':memory:');
      try {
        for (const f of shuffle(fs, chunkArticles)) await put(store, f, f.id);
        await put(store, { id: 'broken', terms: 'not a list' }, 'broken');
        const run = await ledgerRun(store, { chunkArticles });
        assert.deepEqual(run.messages.map((m) => m.docId), ['broken']);
        // time-ordered chunks: no article is replayed twice, and later chunks restore the stories open at their start
        assert.equal(run.replayed, fs.length);
        assert.ok(run.restored > 0, 'several runs');
        assert.deepEqual(await storedAs(store), batch, `chunks of ${chunkArticles}`);
        assert.deepEqual(shape(run.stories), batch.shape);
      } finally {
        await store.close();
      }
    }
  });
});

describe('chunked runs past the open-story cap (the documented corner)', () => {
  test('every article is placed once and the result is deterministic; the batch is not promised', async () => {
    const fs = ecbFeatures([1, 2, 3, 4]);
    const options = { maxOpenStories: 2 };
    const runChunked = async (chunk: number) => {
      const backend = new MemoryLedger();
      backend.remember(fs);
      const run = await updateLedgerInChunks(backend, { pending: shuffle(fs, chunk).map((f) => f.id), removed: [] }, options, chunk);
      return run.stories;
    };
    const a = await runChunked(6);
    const b = await runChunked(6);
    assert.deepEqual(shape(a), shape(b));
    for (const stories of [a, await runChunked(11)]) {
      const members = stories.flatMap((g) => g.members).sort();
      assert.deepEqual(members, fs.map((f) => f.id).sort());
    }
  });
});

/**
 * Undated articles past the undated window: a run leaving more open undated articles than the
 * window seals undated stories that stopped growing (else all of them), and later runs do not
 * replay them. The documented corner: past the window, stories depend on the runs articles came in.
 */
describe('undated articles past the undated window (sealed stories)', () => {
  const fs = ecbFeatures([7, 8, 9, 10]).map((f) => ({ ...f, day: null, eventDay: null, published: null }));
  const options = { undatedWindow: 8 };
  const BATCH = 5;
  const batches = () => Array.from({ length: Math.ceil(fs.length / BATCH) }, (_, k) => fs.slice(k * BATCH, (k + 1) * BATCH));
  /** Every article in exactly one story. */
  const partitionOf = (gs: StoryGroup[], ids: string[]) => assert.deepEqual(gs.flatMap((g) => g.members).sort(), [...ids].sort());

  test('library: a run replays at most the window and its own articles; one story per article; deterministic; removal', async () => {
    assert.ok(fs.length > 3 * options.undatedWindow, `${fs.length} articles`);
    const runAll = async () => {
      const ledger = new StoryLedger(options);
      const replayed: number[] = [];
      for (const b of batches()) replayed.push((await ledger.update(b)).replayed);
      return { ledger, replayed };
    };
    const a = await runAll();
    for (const r of a.replayed) assert.ok(r <= options.undatedWindow + BATCH, `replayed ${r}`);
    partitionOf(a.ledger.stories(), fs.map((f) => f.id));
    assert.deepEqual((await runAll()).ledger.stories(), a.ledger.stories());
    // (without the window every run replays every undated article so far)
    const unbounded = new StoryLedger();
    let last = 0;
    for (const b of batches()) last = (await unbounded.update(b)).replayed;
    assert.equal(last, fs.length);

    // removing an article of a sealed story: its story-mates are replayed, the rest stays
    const gone = fs[1].id;
    await a.ledger.update([], [gone]);
    partitionOf(a.ledger.stories(), fs.map((f) => f.id).filter((id) => id !== gone));
  });

  /** The same runs through a store's ledger give the memory ledger's stories (both back-ends keep sealed rows alike). */
  async function storeCase(store: Store) {
    const memory = new StoryLedger(options);
    const run = () => store.storyLedger(async (l) => updateLedgerInChunks(l, { pending: await l.pending(), removed: await l.orphans() }, options));
    for (const b of batches()) {
      for (const f of b) await put(store, f, f.id);
      const r = await run();
      const m = await memory.update(b);
      assert.equal(r.replayed, m.replayed);
    }
    assert.deepEqual((await storedAs(store)).shape, shape(memory.stories()));
    await store.deleteDocument(fs[1].id);
    await run();
    await memory.update([], [fs[1].id]);
    assert.deepEqual((await storedAs(store)).shape, shape(memory.stories()));
  }

  test('SQLite: the store keeps sealed articles as the memory ledger does', async () => {
    const { store, done } = await openTestStore('sqlite');
    try {
      await storeCase(store);
    } finally {
      await done();
    }
  });

  test('PostgreSQL: the same', { skip: postgresAvailable() ? false : 'PostgreSQL not available', timeout: 300_000 }, async () => {
    const { store, done } = await openTestStore('postgres');
    try {
      await storeCase(store);
    } finally {
      await done();
    }
  });
});

describe('a store from before the key dictionary (SQLite migration 6)', () => {
  test('its ledger is emptied by the migration and rebuilt by the next run: the batch stories', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tri-ledger-v5-'));
    try {
      const path = join(dir, 'old.db');
      // a version-5 store whose ledger holds rows in the old encoding (keys joined in one text column, dense frequencies)
      const old = new Database(path);
      for (const m of MIGRATIONS.slice(0, 5)) old.exec(m);
      old.pragma('user_version = 5');
      old.prepare("INSERT INTO story_ledger (doc_id, t, day, story, copy_of, keys, vals, lite) VALUES ('gone', 1, 1, 's', NULL, 'a\u0001b', x'0000803f0000803f', '{}')").run();
      old.prepare("INSERT INTO story_ledger_meta (key, value) VALUES ('df', ?)").run(Buffer.alloc(64));
      old.close();
      const store = new SqliteStore(path);
      try {
        assert.equal(store.db.prepare('SELECT count(*) FROM story_ledger').pluck().get(), 0);
        const fs = ecbFeatures([1, 2]);
        for (const f of fs) await put(store, f, f.id);
        await ledgerRun(store);
        assert.deepEqual(await storedAs(store), batchAs(groupStories(fs)));
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * A store from before the packed ledger rows (migration 8 of both back-ends): its rows hold the
 * features as JSON in `lite`. The migration keeps them; later runs read them (restoring open
 * stories, replaying back-dated ones) beside the packed rows they write, and give the batch.
 */
describe('a store from before the packed ledger rows (migration 8)', () => {
  const fs = shuffle(ecbFeatures([1, 2, 3, 4]), 8);
  const half = Math.floor(fs.length / 2);

  /** The first half placed, then its ledger rows rewritten as the code before migration 8 wrote them (`downgrade`: the JSON of each row's features). */
  async function oldStore(store: Store, downgrade: (rows: { ids: string[]; lite: string[] }) => Promise<void>) {
    try {
      for (const f of fs.slice(0, half)) await put(store, f, f.id);
      await ledgerRun(store);
      const docs = await store.storyLedger((l) => l.docs(fs.map((f) => f.id)));
      assert.equal(docs.length, half);
      await downgrade({ ids: docs.map((x) => x.id), lite: docs.map((x) => JSON.stringify(x.f)) });
    } finally {
      await store.close();
    }
  }

  async function laterRuns(store: Store, countOld: () => Promise<number>) {
    assert.equal(await countOld(), half, 'the old rows are kept, in their JSON form');
    // the rest in three runs, each from a fresh start of the ledger (no kept pass index: the old rows are read)
    const step = Math.ceil((fs.length - half) / 3);
    for (let i = half; i < fs.length; i += step) {
      for (const f of fs.slice(i, i + step)) await put(store, f, f.id);
      const run = await ledgerRun(store);
      // (read, not rebuilt: a row that could not be read would empty the ledger and place everything again)
      assert.deepEqual(run.messages, []);
      assert.ok(run.restored + run.replayed > step, `${run.restored} restored, ${run.replayed} replayed`);
    }
    assert.deepEqual(await storedAs(store), batchAs(groupStories(fs)));
  }

  test('SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tri-ledger-v7-'));
    try {
      const path = join(dir, 'old.db');
      const old = new SqliteStore(path);
      await oldStore(old, async (rows) => {
        const up = old.db.prepare('UPDATE story_ledger SET lite = ?, packed = NULL WHERE doc_id = ?');
        rows.ids.forEach((id, i) => up.run(rows.lite[i], id));
        old.db.exec('ALTER TABLE story_ledger DROP COLUMN packed');
        old.db.exec('ALTER TABLE story_ledger_stories DROP COLUMN people');
        old.db.pragma('user_version = 7');
      });
      const store = new SqliteStore(path);
      try {
        assert.equal(store.db.pragma('user_version', { simple: true }), MIGRATIONS.length);
        await laterRuns(store, async () => store.db.prepare("SELECT count(*) FROM story_ledger WHERE packed IS NULL AND lite <> ''").pluck().get() as number);
        assert.ok((store.db.prepare('SELECT count(*) FROM story_ledger WHERE packed IS NOT NULL').pluck().get() as number) > 0);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('PostgreSQL', { skip: postgresAvailable() ? false : 'PostgreSQL not available', timeout: 300_000 }, async () => {
    const db = await testDatabase();
    const pool = new (await import('pg')).default.Pool({ connectionString: db.url, max: 1 });
    try {
      await oldStore(await openStore(db.url), async (rows) => {
        await pool.query('UPDATE story_ledger l SET lite = u.lite, packed = NULL FROM unnest($1::text[], $2::text[]) AS u(id, lite) WHERE l.doc_id = u.id', [rows.ids, rows.lite]);
        await pool.query('ALTER TABLE story_ledger DROP COLUMN packed');
        await pool.query('ALTER TABLE story_ledger_stories DROP COLUMN people');
        await pool.query('UPDATE triangulate_schema SET version = 7');
      });
      const store = await openStore(db.url);
      try {
        await laterRuns(store, async () => Number(((await pool.query("SELECT count(*) AS n FROM story_ledger WHERE packed IS NULL AND lite <> ''")).rows[0] as { n: string }).n));
        assert.ok(Number(((await pool.query('SELECT count(*) AS n FROM story_ledger WHERE packed IS NOT NULL')).rows[0] as { n: string }).n) > 0);
      } finally {
        await store.close();
      }
    } finally {
      await pool.end();
      await db.drop();
    }
  });
});
