/**
 * Follow-ups weeks apart (follow-up.ts): a dated long article that finds no open story wakes the
 * closed story it follows up, and the batch and every sequence of ledger runs decide alike.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { closingPeople, DormantStories, followUpFit, followUpQuery, mayWake, sharesSignature, wakeable, type DormantMember, type DormantStory } from '../../src/stories/follow-up.js';
import { groupStories, StoryLedger, storyFeatures, type StoryFeatures, updateLedger } from '../../src/stories/index.js';
import { dormantBefore } from '../../src/stories/ledger-follow-up.js';
import { MemoryLedger } from '../../src/stories/ledger-memory.js';
import { termCounts } from '../../src/stories/story-index.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { SqliteLedger } from '../../src/store/sqlite/story-ledger.js';
import { PostgresStore } from '../../src/store/postgres/store.js';
import { PostgresLedger } from '../../src/store/postgres/story-ledger.js';
import type { Store } from '../../src/store/index.js';
import { ledgerRun } from '../../src/pipeline.js';
import { bareArticle } from '../helpers.js';
import { openTestStore, postgresAvailable } from '../pg-helper.js';
import { prng } from '../../src/util/random.js';

/** Invented reports: a vocabulary per event, people per event, one publication day each. */
const WORDS = 'harbour ferry captain collision inquiry coastguard passengers rescue hull engine storm pier tide cargo vessel harbourmaster divers lifeboat towline anchor'.split(' ');
const OTHER = 'orchard harvest frost growers cider blossom pickers apples prices cooperative market weather pruning rootstock grafting'.split(' ');

function report(id: string, day: string, people: [string, number][], words: string[], seed: number, title: string): StoryFeatures {
  const r = prng(seed);
  const sentences: string[] = [];
  for (let i = 0; i < 40; i++) sentences.push(Array.from({ length: 9 }, () => words[Math.floor(r() * words.length)]).join(' ') + '.');
  const text = sentences.join(' ') + ' ' + people.map(([p, n]) => `${p} said. `.repeat(n)).join('');
  return storyFeatures({ id, title, text, outlet: `outlet-${id}`, published: day, eventDates: [], entities: people.map(([p, n]) => ({ id: `PER:${p.toLowerCase().replace(/ /g, '_')}`, type: 'PER' as const, count: n })) });
}

/** A ferry collision reported over three days, its inquiry six weeks later, and an unrelated story in between. */
function reports(): StoryFeatures[] {
  const crew: [string, number][] = [['Mara Quint', 3], ['Ole Brandt', 2]];
  const growers: [string, number][] = [['Ines Falk', 3]];
  const out: StoryFeatures[] = [];
  for (let i = 0; i < 6; i++) out.push(report(`ferry-${i}`, `2024-03-0${1 + (i % 3)}`, crew, WORDS, i + 1, 'Ferry collision in the harbour'));
  for (let i = 0; i < 3; i++) out.push(report(`orchard-${i}`, `2024-03-2${i}`, growers, OTHER, 50 + i, 'Frost hits the orchards'));
  for (let i = 0; i < 3; i++) out.push(report(`inquiry-${i}`, `2024-04-1${1 + i}`, crew, WORDS, 100 + i, 'Inquiry into the ferry collision'));
  return out;
}

function shuffle<T>(xs: T[], seed: number): T[] {
  const r = prng(seed);
  return xs.map((x) => [r(), x] as const).sort((p, q) => p[0] - q[0]).map((p) => p[1]);
}

const storyOf = (gs: { id: string; members: string[] }[], id: string) => gs.find((g) => g.members.includes(id))?.id;

/** Ledger runs over shuffled orders and batchings (one per seed) give these stories. */
async function assertShuffledRunsGive(fs: StoryFeatures[], stories: ReturnType<typeof groupStories>, seeds: number[]): Promise<void> {
  for (const seed of seeds) {
    const order = shuffle(fs, seed);
    const ledger = new StoryLedger();
    for (let i = 0, n = 1; i < order.length; i += n, n = 1 + ((n * 5 + seed) % 4)) await ledger.update(order.slice(i, i + n));
    assert.deepEqual(ledger.stories(), stories, `seed ${seed}`);
  }
}

describe('follow-ups weeks apart', () => {
  const fs = reports();
  const batch = groupStories(fs);

  test('the inquiry six weeks later joins the collision story, which keeps its id; the unrelated story stays apart', () => {
    const ferry = storyOf(batch, 'ferry-0');
    assert.ok(ferry);
    for (const f of fs.filter((x) => x.id.startsWith('inquiry'))) assert.equal(storyOf(batch, f.id), ferry, f.id);
    assert.notEqual(storyOf(batch, 'orchard-0'), ferry);
    assert.equal(storyOf(groupStories(fs.filter((f) => !f.id.startsWith('inquiry'))), 'ferry-0'), ferry, 'the id of the story before its follow-up');
  });

  test('about other people, the same words found a story of their own', () => {
    const others = fs.map((f) => (f.id.startsWith('inquiry') ? report(f.id, `2024-04-1${1 + Number(f.id.slice(-1))}`, [['Tove Lind', 3]], WORDS, 100 + Number(f.id.slice(-1)), 'Another ferry collision') : f));
    const gs = groupStories(others);
    assert.notEqual(storyOf(gs, 'inquiry-0'), storyOf(gs, 'ferry-0'));
  });

  /** The inquiry reports `days` later, naming `people` (the ferry story's are Mara Quint, its lead, and Ole Brandt). */
  const later = (days: number, people: [string, number][]) =>
    fs.map((f) => (f.id.startsWith('inquiry') ? { ...report(f.id, `2024-04-1${1 + Number(f.id.slice(-1))}`, people, WORDS, 100 + Number(f.id.slice(-1)), 'Inquiry into the ferry collision'), day: f.day! + days } : f));

  test('more than the follow-up window after the story, no wake: by one of its people, or by both past the long window', () => {
    for (const [days, people] of [
      [120, [['Mara Quint', 3]]],
      [800, [['Mara Quint', 3], ['Ole Brandt', 2]]],
    ] as [number, [string, number][]][]) {
      const gs = groupStories(later(days, people));
      assert.notEqual(storyOf(gs, 'inquiry-0'), storyOf(gs, 'ferry-0'), `${days} days, ${people.length} people`);
    }
  });

  test('months on, a report whose own protagonists are two of the story\'s people, its lead among them, wakes it (a trial after the arrest), in the batch and in ledger runs', async () => {
    const late = later(300, [['Mara Quint', 3], ['Ole Brandt', 2], ['Kai Dorn', 2]]);
    const gs = groupStories(late);
    const ferry = storyOf(gs, 'ferry-0');
    for (const f of late.filter((x) => x.id.startsWith('inquiry'))) assert.equal(storyOf(gs, f.id), ferry, f.id);
    assert.notEqual(storyOf(gs, 'orchard-0'), ferry);
    await assertShuffledRunsGive(late, gs, [1, 2]);
  });

  test('months on, two of the story\'s people but not its lead (a team\'s next player, its coach named again): no wake', () => {
    const three = fs.map((f) => (f.id.startsWith('ferry') ? report(f.id, `2024-03-0${1 + (Number(f.id.slice(-1)) % 3)}`, [['Mara Quint', 4], ['Ole Brandt', 2], ['Pia Holm', 2]], WORDS, Number(f.id.slice(-1)) + 1, 'Ferry collision in the harbour') : f));
    const late = three.map((f) => (f.id.startsWith('inquiry') ? { ...report(f.id, '2024-04-11', [['Ole Brandt', 3], ['Pia Holm', 2]], WORDS, 100 + Number(f.id.slice(-1)), 'Inquiry into the ferry collision'), day: f.day! + 300 } : f));
    const gs = groupStories(late);
    assert.notEqual(storyOf(gs, 'inquiry-0'), storyOf(gs, 'ferry-0'));
    const named = late.map((f) => (f.id.startsWith('inquiry') ? { ...report(f.id, '2024-04-11', [['Mara Quint', 2], ['Ole Brandt', 3], ['Pia Holm', 2]], WORDS, 100 + Number(f.id.slice(-1)), 'Inquiry into the ferry collision'), day: f.day } : f));
    assert.equal(storyOf(groupStories(named), 'inquiry-0'), storyOf(groupStories(named), 'ferry-0'), 'with the lead named too, it wakes');
  });

  test('the first later report undated (placed at the event day it names): the dated ones still wake the story, in the batch and in ledger runs', async () => {
    // (its story has no published member, no time evidence: a dated follow-up looks for the story it follows up first)
    const undatedFirst = fs.map((f) => (f.id === 'inquiry-0' ? { ...f, day: null, published: null, eventDay: f.day! - 1 } : f));
    const gs = groupStories(undatedFirst);
    const ferry = storyOf(gs, 'ferry-0');
    for (const id of ['inquiry-1', 'inquiry-2']) assert.equal(storyOf(gs, id), ferry, id);
    assert.notEqual(storyOf(gs, 'orchard-0'), ferry);
    await assertShuffledRunsGive(undatedFirst, gs, [1, 2]);
  });

  test('ledger runs in any order and batching, newest first, and in time order give the batch', async () => {
    await assertShuffledRunsGive(fs, batch, [1, 2, 3]);
    const newest = new StoryLedger();
    for (const f of [...fs].sort((a, b) => b.day! - a.day! || (a.id < b.id ? 1 : -1))) await newest.update([f]);
    assert.deepEqual(newest.stories(), batch, 'newest first');
    const timeOrder = new StoryLedger();
    for (const f of [...fs].sort((a, b) => a.day! - b.day! || (a.id < b.id ? -1 : 1))) await timeOrder.update([f]);
    assert.deepEqual(timeOrder.stories(), batch, 'time order (kept pass index)');
  });

  test('removing the follow-up puts the story back as it was; a back-dated run between the two keeps the batch', async () => {
    const ledger = new StoryLedger();
    await ledger.update(fs);
    await ledger.update([], fs.filter((f) => f.id.startsWith('inquiry')).map((f) => f.id));
    assert.deepEqual(ledger.stories(), groupStories(fs.filter((f) => !f.id.startsWith('inquiry'))));
    await ledger.update(fs.filter((f) => f.id.startsWith('inquiry')));
    // an article dated between the story's closing and its follow-up replays from there (the story is on record as open)
    const between = report('orchard-9', '2024-03-25', [['Ines Falk', 3]], OTHER, 59, 'Frost again');
    await ledger.update([between]);
    assert.deepEqual(ledger.stories(), groupStories([...fs, between]));
  });

  /** Shuffled runs, then time-ordered runs, through a store's ledger: the batch stories and ids. */
  async function storeCase(open: () => Promise<{ store: Store; done: () => Promise<void> }>) {
    const shape = (gs: { id: string; members: string[] }[]) => gs.map((g) => `${g.id}:${[...g.members].sort().join(',')}`).sort();
    for (const order of [shuffle(fs, 7), [...fs].sort((a, b) => a.day! - b.day! || (a.id < b.id ? -1 : 1))]) {
      const { store, done } = await open();
      try {
        for (let i = 0, n = 2; i < order.length; i += n, n = 1 + (i % 3)) {
          for (const f of order.slice(i, i + n)) await put(store, f);
          assert.deepEqual((await ledgerRun(store)).messages, []);
        }
        assert.deepEqual(shape(await store.stories()), shape(batch));
      } finally {
        await done();
      }
    }
  }

  test('SQLite store: shuffled runs, then time-ordered runs, give the batch stories and ids', async () => {
    await storeCase(() => openTestStore('sqlite'));
  });

  test('a run reads back the members of a closed story only when the article is about its people', async () => {
    const backend = new MemoryLedger();
    const before = fs.filter((f) => !f.id.startsWith('inquiry'));
    backend.remember(before);
    await updateLedger(backend, { added: before, removed: [] });
    let read: string[] = [];
    const membersOf = backend.membersOf.bind(backend);
    backend.membersOf = async (ids) => {
      read.push(...ids);
      return membersOf(ids);
    };
    const lookUp = (f: StoryFeatures) => dormantBefore(backend, [{ f, tc: termCounts(f) }], f.day!);
    const inquiry = fs.find((f) => f.id === 'inquiry-0')!;
    const ferry = storyOf(batch, 'ferry-0')!;
    assert.deepEqual((await lookUp(inquiry)).map((x) => [x.id, [...(x.people ?? [])]]), [[ferry, ['brandt', 'quint']]]);
    assert.deepEqual(read, [ferry]);
    read = [];
    // the same words about someone else: the ferry story's people say no before its members are read
    const stranger = report('inquiry-0', '2024-04-11', [['Tove Lind', 3]], WORDS, 100, 'Another ferry collision');
    assert.deepEqual(await lookUp(stranger), []);
    assert.deepEqual(read, []);
  });

  test('SQLite store whose closed stories have no people on record (closed before migration 9): their members decide, as before', async () => {
    const { store, done } = await openTestStore('sqlite');
    try {
      for (const f of fs.filter((x) => !x.id.startsWith('inquiry'))) await put(store, f);
      await ledgerRun(store);
      const db = (store as SqliteStore).db;
      assert.ok((db.prepare("SELECT count(*) FROM story_ledger_stories WHERE people = '[\"brandt\",\"quint\"]'").pluck().get() as number) === 1);
      db.exec('UPDATE story_ledger_stories SET people = NULL');
      for (const f of fs.filter((x) => x.id.startsWith('inquiry'))) await put(store, f);
      assert.deepEqual((await ledgerRun(store)).messages, []);
      const shape = (gs: { id: string; members: string[] }[]) => gs.map((g) => `${g.id}:${[...g.members].sort().join(',')}`).sort();
      assert.deepEqual(shape(await store.stories()), shape(batch));
    } finally {
      await done();
    }
  });

  /**
   * A store whose closed stories have no people on record: the run that reads a story's members
   * writes its people back, so the next run about someone else reads none of them; the stories stay the batch's.
   */
  async function fillCase(open: () => Promise<{ store: Store; done: () => Promise<void> }>) {
    const { store, done } = await open();
    const sql = async (q: string): Promise<unknown[]> => {
      if (!(store instanceof SqliteStore)) return (store as PostgresStore).conn.query(q);
      const st = store.db.prepare(q);
      return st.reader ? st.all() : (st.run(), []);
    };
    const ledgers = [SqliteLedger.prototype, PostgresLedger.prototype];
    const membersOf = ledgers.map((p) => p.membersOf);
    const read: string[] = [];
    for (const [i, p] of ledgers.entries())
      p.membersOf = async function (this: never, ids: string[]) {
        read.push(...ids);
        return membersOf[i].call(this, ids);
      };
    try {
      const before = fs.filter((x) => !x.id.startsWith('inquiry'));
      for (const f of before) await put(store, f);
      await ledgerRun(store);
      await sql('UPDATE story_ledger_stories SET people = NULL');
      const ferry = storyOf(batch, 'ferry-0')!;
      const people = async () => (await sql(`SELECT people FROM story_ledger_stories WHERE id = '${ferry}'`)) as { people: string | null }[];
      assert.deepEqual(await people(), [{ people: null }]);
      // the same words about someone else, twice: the first run reads the ferry story's members (nothing on record) and keeps its people
      const strangers = [11, 13].map((day, i) => report(`stranger-${i}`, `2024-04-${day}`, [['Tove Lind', 3]], WORDS, 200 + i, 'Another ferry collision'));
      read.length = 0;
      await put(store, strangers[0]);
      assert.deepEqual((await ledgerRun(store)).messages, []);
      assert.ok(read.includes(ferry), 'members read while its people are not on record');
      assert.deepEqual(await people(), [{ people: '["brandt","quint"]' }]);
      read.length = 0;
      await put(store, strangers[1]);
      assert.deepEqual((await ledgerRun(store)).messages, []);
      assert.deepEqual(read, [], 'no closed story read: their people say no');
      const shape = (gs: { id: string; members: string[] }[]) => gs.map((g) => `${g.id}:${[...g.members].sort().join(',')}`).sort();
      assert.deepEqual(shape(await store.stories()), shape(groupStories([...before, ...strangers])));
    } finally {
      for (const [i, p] of ledgers.entries()) p.membersOf = membersOf[i];
      await done();
    }
  }

  test('SQLite store whose closed stories have no people on record: the run that reads their members keeps their people, the next reads none', async () => {
    await fillCase(() => openTestStore('sqlite'));
  });

  test('PostgreSQL store: the same fill', { skip: postgresAvailable() ? false : 'PostgreSQL not available', timeout: 300_000 }, async () => {
    await fillCase(() => openTestStore('postgres'));
  });

  test('PostgreSQL store: the same', { skip: postgresAvailable() ? false : 'PostgreSQL not available', timeout: 300_000 }, async () => {
    await storeCase(() => openTestStore('postgres'));
  });
});

/**
 * A story whose members include undated articles (near-copies of its reports, placed after the
 * dated pass: they join it when undated articles reopen it). The batch's closing reads a closing
 * story's members as it holds them, the ledger's look-up reads dated members only (`membersOf`):
 * the people kept at closing, and the follow-up's decision, must be the same in the batch, in
 * ledger runs in any batching, and in the store's ledger. The undated copies name someone else,
 * and outnumber the dated reports, so counting them would change the story's people.
 */
describe('a closing story with undated members', () => {
  const crew: [string, number][] = [['Mara Quint', 3], ['Ole Brandt', 2]];
  const dated = [0, 1, 2].map((i) => report(`ferry-${i}`, `2024-03-0${1 + i}`, crew, WORDS, i + 1, 'Ferry collision in the harbour'));
  // (the same words as a report, another person named: near-copies, no date)
  const copies = [0, 1, 2, 3, 4, 5, 6].map((i) => ({ ...report(`copy-${i}`, '2024-03-01', [['Tove Lind', 3]], WORDS, (i % 3) + 1, 'Ferry collision in the harbour'), day: null, published: null, eventDay: null }));
  const orchard = [0, 1, 2].map((i) => report(`orchard-${i}`, `2024-03-2${i}`, [['Ines Falk', 3]], OTHER, 50 + i, 'Frost hits the orchards'));
  const inquiry = [0, 1].map((i) => report(`inquiry-${i}`, `2024-04-1${1 + i}`, crew, WORDS, 100 + i, 'Inquiry into the ferry collision'));
  const stranger = report('stranger-0', '2024-04-20', [['Tove Lind', 3]], WORDS, 200, 'Another ferry collision');
  const all = [...dated, ...copies, ...orchard, ...inquiry, stranger];
  const batch = groupStories(all);
  const ferry = storyOf(batch, 'ferry-0')!;
  const shape = (gs: { id: string; members: string[] }[]) => gs.map((g) => `${g.id}:${[...g.members].sort().join(',')}`).sort();

  test('the scenario: undated copies are members of the story, and counted they would change its people', () => {
    assert.ok(ferry);
    assert.ok(copies.some((c) => storyOf(batch, c.id) === ferry), 'an undated copy joins the story');
    const member = (f: StoryFeatures) => ({ f, vec: { keys: termCounts(f).keys, vals: new Float32Array(termCounts(f).keys.length) }, t: f.day, copyOf: null });
    assert.deepEqual(closingPeople(dated.map(member)), ['brandt', 'quint']);
    assert.deepEqual(closingPeople([...dated, ...copies].map(member)), ['lind']);
    for (const f of inquiry) assert.equal(storyOf(batch, f.id), ferry, `${f.id} wakes the story`);
    assert.notEqual(storyOf(batch, 'stranger-0'), ferry, 'someone else founds a story of their own');
  });

  /** The people the ledger keeps for the ferry story once it has closed (before the follow-ups). */
  async function keptPeople(backend: MemoryLedger): Promise<string[] | null | undefined> {
    return (await backend.closedWithTerms(WORDS)).find((s) => s.id === ferry)?.people;
  }

  test('one run, runs in any batching, and time-ordered runs keep the dated members\' people and give the batch', async () => {
    const before = [...dated, ...copies, ...orchard];
    for (const seed of [0, 1, 2, 3]) {
      const backend = new MemoryLedger();
      const order = seed === 0 ? before : seed === 3 ? [...before].sort((a, b) => (a.day ?? 1e9) - (b.day ?? 1e9) || (a.id < b.id ? -1 : 1)) : shuffle(before, seed);
      const n = seed === 0 ? order.length : 1 + seed;
      for (let i = 0; i < order.length; i += n) {
        const run = order.slice(i, i + n);
        backend.remember(run);
        await updateLedger(backend, { added: run, removed: [] });
      }
      assert.deepEqual(await keptPeople(backend), ['brandt', 'quint'], `seed ${seed}`);
      for (const f of [...inquiry, stranger]) {
        backend.remember([f]);
        await updateLedger(backend, { added: [f], removed: [] });
      }
      assert.deepEqual(shape([...backend.outputs.values()]), shape(batch), `seed ${seed}`);
    }
  });

  test('SQLite store: the same people on record, the batch stories', async () => {
    const { store, done } = await openTestStore('sqlite');
    try {
      const db = (store as SqliteStore).db;
      for (const part of [[...dated, ...copies.slice(0, 4)], [...copies.slice(4), ...orchard], inquiry, [stranger]]) {
        for (const f of part) await put(store, f);
        assert.deepEqual((await ledgerRun(store)).messages, []);
        // (closed by the orchard reports' days, before the follow-ups wake it)
        if (part.includes(orchard[0])) assert.equal(db.prepare('SELECT people FROM story_ledger_stories WHERE id = ?').pluck().get(ferry), '["brandt","quint"]');
      }
      assert.deepEqual(shape(await store.stories()), shape(batch));
    } finally {
      await done();
    }
  });
});

/** Stores an article whose story features are `f` (a minimal document around them). */
async function put(store: Store, f: StoryFeatures) {
  const raw = { id: f.id, source: `${f.id}.txt`, format: 'text' as const, content: f.id, contentType: 'text' as const, encoding: 'utf-8', meta: {} };
  const article = bareArticle(f.id, f.id, { source: raw.source });
  const annotated = { article, sentences: [], entities: [], entityIndex: [], quotes: [], times: [], quantities: [] };
  await store.saveDocument(raw, { article, articleVersion: 'e1', annotated, annotationsVersion: 'a1', features: f, featuresVersion: 'f1' });
}

describe('follow-up evidence (follow-up.ts)', () => {
  const member = (id: string, keys: string[], people: [string, number][], day: number | null = 19000): DormantMember => ({
    f: { ...storyFeatures({ id, title: null, text: 'x', outlet: null, published: null, eventDates: [], entities: [] }), day, entities: people },
    vec: { keys, vals: new Float32Array(keys.map(() => 1 / Math.sqrt(keys.length))) },
    t: day,
    copyOf: null,
  });

  test('dormant stories are read by the people an article is about; two years for a story with two people, 90 days for one with one', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `k${i}`);
    const two: [string, number][] = [['PER:mara_quint', 3], ['PER:ole_brandt', 2]];
    const stories = new DormantStories();
    stories.set({ id: 'a', terms: [], people: new Set(['quint', 'brandt']), tMax: 19000, members: [member('a1', keys, two), member('a2', keys, two)] });
    stories.set({ id: 'b', terms: [], people: new Set(['holm']), tMax: 19000, members: [member('b1', keys, [['PER:pia_holm', 2]])] });
    stories.set({ id: 'c', terms: [], people: null, tMax: 19000, members: [member('c1', keys, [])] });
    const about = (people: [string, number][]) => ({ ...member('x', keys, people).f });
    assert.deepEqual(stories.candidates(about([['PER:ole_brandt', 2]])).map((d) => d.id), ['a', 'c']);
    assert.deepEqual(stories.candidates(about([['PER:pia_holm', 2], ['PER:mara_quint', 2]])).map((d) => d.id), ['a', 'b', 'c']);
    assert.deepEqual(stories.candidates(about([['PER:pia_holm', 1]])).map((d) => d.id), ['c'], 'named once: not a protagonist');
    stories.prune(19000 + 91);
    assert.deepEqual([stories.has('a'), stories.has('b')], [true, false]);
    stories.prune(19000 + 731);
    assert.equal(stories.has('a'), false);
    stories.delete('c');
    assert.equal(stories.size, 0);
  });
  const keys = Array.from({ length: 70 }, (_, i) => `k${i}`);

  test('only stories of dated long texts can be woken', () => {
    assert.equal(wakeable([member('a', keys, []), member('b', keys, [])]), true);
    assert.equal(wakeable([member('a', keys.slice(0, 11), []), member('b', keys.slice(0, 11), [])]), false, 'headlines');
    assert.equal(wakeable([member('a', keys.slice(0, 24), []), member('b', keys.slice(0, 24), [])]), false, 'the longest UCI headline has 24 features');
    // a short report (a lead and two paragraphs: the shortest ECB+ articles cut to three sentences have 35-50)
    assert.equal(wakeable([member('a', keys.slice(0, 36), []), member('b', keys.slice(0, 36), [])]), true, 'short reports');
    assert.equal(wakeable([member('a', keys, [], null), member('b', keys, [], null)]), false, 'undated');
    assert.equal(wakeable([member('a', keys, [])]), false, 'one article');
  });

  test('the fit is 1 for an article as alike as the members, 0 without the story\'s people, half with someone new', () => {
    const people: [string, number][] = [['PER:mara_quint', 3]];
    const s: DormantStory = { id: 's', terms: keys.slice(0, 20), people: null, tMax: 19000, members: [member('a', keys, people), member('b', keys.slice(0, 60), people)] };
    const a = member('c', keys.slice(0, 65), people);
    assert.ok(followUpFit(a.f, a.vec, s) > 0.9);
    const stranger = member('d', keys.slice(0, 65), [['PER:tove_lind', 3]]);
    assert.equal(followUpFit(stranger.f, stranger.vec, s), 0);
    // someone the story never names among the protagonists: half the fit
    const joined = member('e', keys.slice(0, 65), [...people, ['PER:tove_lind', 3]]);
    assert.ok(Math.abs(followUpFit(joined.f, joined.vec, s) - followUpFit(a.f, a.vec, s) / 2) < 1e-9);
    // someone new named twice in a report naming the story's lead thirty times (a rival he is compared with): the full fit
    const passing = member('f', keys.slice(0, 65), [['PER:mara_quint', 30], ['PER:tove_lind', 2]]);
    assert.equal(followUpFit(passing.f, passing.vec, s), followUpFit(a.f, a.vec, s));
  });

  test('a closing story keeps the people most members name (none when it cannot wake); an article may wake it only about them', () => {
    const quint: [string, number] = ['PER:mara_quint', 3];
    const ms = [member('a', keys, [quint, ['PER:ole_brandt', 1]]), member('b', keys, [['PER:mara_quint', 1]]), member('c', keys, [])];
    assert.deepEqual(closingPeople(ms), ['quint'], 'named by two of three members; brandt by one');
    assert.deepEqual(closingPeople(ms.map((m) => member(m.f.id, keys.slice(0, 11), m.f.entities))), [], 'headlines never wake');
    const story = { terms: keys.slice(0, 20), people: new Set(closingPeople(ms)) };
    const query = new Set(keys.slice(0, 20));
    assert.equal(mayWake(member('d', keys, [quint]).f, query, story), true);
    assert.equal(mayWake(member('d', keys, [['PER:mara_quint', 1]]).f, query, story), false, 'named once: not a protagonist');
    assert.equal(mayWake(member('d', keys, [['PER:tove_lind', 3]]).f, query, story), false, 'someone else');
    assert.equal(mayWake(member('d', keys, [quint]).f, new Set(['z1', 'z2']), story), false, 'signature');
    assert.equal(mayWake(member('d', keys, [['PER:tove_lind', 3]]).f, query, { ...story, people: null }), true, 'not on record: the members decide');
  });

  test('the look-up keys are the most frequent ones, by counts (ties by key)', () => {
    const q = followUpQuery({ keys: ['b', 'a', 'c'], tf: [1, 1, 2] });
    assert.deepEqual(q, ['c', 'a', 'b']);
    assert.equal(sharesSignature(['a', 'x', 'c'], new Set(q)), true);
    assert.equal(sharesSignature(['a', 'x', 'y'], new Set(q)), false);
  });
});
