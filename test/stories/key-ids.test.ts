/**
 * The story index's key table (`KeyIds` in story-index.ts, issue 17): each term/entity key gets an
 * integer id when an article enters, and the id is given back when no open article holds the key
 * and no open story posts it. These tests feed a long synthetic stream of INVENTED articles (made-up
 * words, a new vocabulary every day) and check that the table follows the open window, not the
 * vocabulary; that recycled ids decide nothing (the ledger's contract, stories README: an index
 * rebuilt at day d from the stories open at d, the frequencies and the clock, then replaying from d,
 * places every article as the index that ran the whole stream); and that a key given back and met
 * again scores against open stories only.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalOrder, type StoryFeatures, type StoryGroup, StoryIndex, storyFeatures } from '../../src/stories/index.js';
import { storyIdFor, termCounts, type Vec } from '../../src/stories/story-index.js';

const DAYS = 200;
const STORIES_PER_DAY = 4;
const COMMON = 30;
/** The day whose first story comes back, in the same words, on `ECHO_DAY`. */
const ECHOED_DAY = 3;
const ECHO_DAY = 100;

/** A deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The n-th invented word: three consonant-vowel syllables ("bakelo"), none a real word or stop word. */
function invented(n: number): string {
  const c = 'bdfgklmnprstvz';
  const v = 'aeiou';
  let out = '';
  for (let i = 0; i < 3; i++) {
    const x = n % 70;
    n = Math.floor(n / 70);
    out += c[x % 14] + v[Math.floor(x / 14)];
  }
  return out;
}

interface Vocabulary {
  words: string[];
  name: string;
}

let nextWord = COMMON;
const fresh = () => invented(nextWord++);
const common = Array.from({ length: COMMON }, (_, i) => invented(i));
const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

function isoOf(day: number): string {
  return new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** One article of a story: eight of its words, its (invented) protagonist twice, and some everyday and one-off words. */
function article(id: string, day: number, v: Vocabulary, r: () => number, everyday: boolean): StoryFeatures {
  const pick = (n: number) => [...v.words].sort(() => r() - 0.5).slice(0, n);
  const own = pick(8);
  const other = everyday ? [0, 1, 2, 3].map(() => common[Math.floor(r() * COMMON)]) : pick(4);
  const once = everyday ? [fresh(), fresh(), fresh()] : pick(3);
  const text = [
    `${v.name} said the ${own[0]} ${own[1]} ${other[0]} near the ${own[2]}.`,
    `The ${own[3]} ${once[0]} ${other[1]} and ${own[4]} ${own[5]} ${once[1]}.`,
    `Later ${v.name} ${own[6]} the ${other[2]} ${own[7]} ${other[3]} ${once[2]}.`,
  ].join(' ');
  return storyFeatures({ id, title: `${own[0]} ${own[1]} ${own[2]} ${own[3]}`, text, outlet: null, published: isoOf(day), eventDates: [], entities: [] });
}

/** A brief: three of a story's words and an everyday one, what the pass may leave alone and settle hands to its story. */
function brief(id: string, day: number, v: Vocabulary, r: () => number): StoryFeatures {
  const w = [...v.words].sort(() => r() - 0.5).slice(0, 3);
  const text = `${w[0]} ${w[1]} ${common[Math.floor(r() * COMMON)]} ${w[2]}.`;
  return storyFeatures({ id, title: null, text, outlet: null, published: isoOf(day), eventDates: [], entities: [] });
}

/**
 * The stream: each day four new stories (two articles that day, one the next), each with words
 * of its own, the last two sharing five words with the story before them (events alike), the
 * last one with a brief the next day; on `ECHO_DAY` two articles in the words of a story that
 * closed long ago.
 */
function stream(): { articles: StoryFeatures[]; echoed: string[] } {
  const r = random(17);
  const out: StoryFeatures[] = [];
  let echoedVocabulary: Vocabulary | null = null;
  let previous: Vocabulary | null = null;
  for (let day = 0; day < DAYS; day++) {
    for (let k = 0; k < STORIES_PER_DAY; k++) {
      const alike = k >= 2 ? previous!.words.slice(0, 5) : [];
      const v: Vocabulary = { words: [...alike, ...Array.from({ length: 12 - alike.length }, fresh)], name: `${cap(fresh())} ${cap(fresh())}` };
      previous = v;
      if (day === ECHOED_DAY && k === 0) echoedVocabulary = v;
      out.push(article(`d${day}-s${k}-a0`, day, v, r, true), article(`d${day}-s${k}-a1`, day, v, r, true));
      if (day + 1 < DAYS) out.push(article(`d${day + 1}-s${k}-a2`, day + 1, v, r, true));
      if (day + 1 < DAYS && k === STORIES_PER_DAY - 1) out.push(brief(`d${day + 1}-s${k}-b`, day + 1, v, r));
    }
    if (day === ECHO_DAY) for (const i of [0, 1]) out.push(article(`d${day}-echo-a${i}`, day, echoedVocabulary!, r, false));
  }
  return { articles: canonicalOrder(out), echoed: [`d${ECHOED_DAY}-s0-a0`, `d${ECHOED_DAY}-s0-a1`, `d${ECHOED_DAY + 1}-s0-a2`] };
}

const { articles, echoed } = stream();
const days = [...new Set(articles.map((f) => f.day!))];

interface Placed {
  story: string;
  copyOf: string | null;
  vec: Vec;
  lite: StoryFeatures;
}

/** What an index rebuilt at a day starts from (what the ledger persists): see `rebuild`. */
interface Snapshot {
  /** Publication day (days since 1970) of the first article replayed. */
  day: number;
  open: string[];
  frequencies: { n: number; counts: Uint32Array };
  closedBefore: Set<string>;
}

/** Keys of the open articles' vectors: what the key table must hold, no more. */
function openKeys(index: StoryIndex, placed: Map<string, Placed>): Set<string> {
  const out = new Set<string>();
  for (const id of index.openArticles()) for (const k of placed.get(id)!.vec.keys) out.add(k);
  return out;
}

/**
 * The whole stream through one index (the pass: as the ledger runs it), with snapshots before the
 * given days of the stream. `keptPass`: after each day, settle and give the pass state back
 * (`settleUndoably`, `undoSettle`: a process keeping its pass index between runs, ledger.ts
 * `KeptPass`), so that settle's moves and merges take ids in and out too. `removeEvery`: every so
 * many days the oldest open article is deleted (`remove`).
 */
function whole(snapshotDays: number[], { keptPass = false, removeEvery = 0 } = {}) {
  const index = new StoryIndex();
  const placed = new Map<string, Placed>();
  const snapshots: Snapshot[] = [];
  const table: { keys: number; slots: number; open: number; settled: boolean }[] = [];
  const vocabulary = new Set<string>();
  for (const [i, day] of days.entries()) {
    if (snapshotDays.includes(i)) {
      snapshots.push({ day, open: index.openArticles(), frequencies: index.frequencies(), closedBefore: new Set(index.stories().filter((g) => g.closed).map((g) => g.id)) });
    }
    for (const f of articles.filter((x) => x.day === day)) {
      const r = index.addEntry(f);
      // (copied: the index interns the key strings of the vector it keeps)
      placed.set(f.id, { story: r.storyId, copyOf: r.copyOf, vec: { keys: [...r.vec.keys], vals: r.vec.vals.slice() }, lite: r.lite });
      for (const k of r.vec.keys) vocabulary.add(k);
    }
    if (removeEvery > 0 && i % removeEvery === removeEvery - 1) index.remove(index.openArticles()[0]);
    let settled = true;
    if (keptPass) {
      index.settleUndoably();
      settled = index.keyTable.keys === openKeys(index, placed).size;
      index.undoSettle();
    }
    table.push({ ...index.keyTable, open: openKeys(index, placed).size, settled });
  }
  return { index, placed, snapshots, table, vocabulary };
}

/**
 * A fresh index at a snapshot's day, as the ledger rebuilds one (`StoryIndex.restore`): the
 * frequencies and clock before that day, the stories open then with their members' vectors, then
 * the articles from that day on replayed in canonical order. Its ids are fresh: none recycled.
 */
function rebuild(s: Snapshot, placed: Map<string, Placed>) {
  const index = new StoryIndex();
  index.loadFrequencies(s.frequencies.n, s.frequencies.counts);
  const clock = new Map<number, number>();
  for (const f of articles) if (f.day! < s.day) clock.set(f.day!, (clock.get(f.day!) ?? 0) + 1);
  index.restoreClock([...clock.entries()].sort((a, b) => a[0] - b[0]));
  const byStory = new Map<string, string[]>();
  for (const id of s.open) {
    const story = placed.get(id)!.story;
    byStory.set(story, [...(byStory.get(story) ?? []), id]);
  }
  const order = canonicalOrder(s.open.map((id) => placed.get(id)!.lite)).map((f) => f.id);
  const rank = new Map(order.map((id, i) => [id, i]));
  const stories = [...byStory.entries()]
    .map(([id, members]) => ({ id, members: members.sort((a, b) => rank.get(a)! - rank.get(b)!) }))
    .sort((a, b) => rank.get(a.members[0])! - rank.get(b.members[0])!)
    .map(({ id, members }) => ({
      id,
      members: members.map((m) => {
        const p = placed.get(m)!;
        return { f: p.lite, vec: { keys: [...p.vec.keys], vals: p.vec.vals.slice() }, t: p.lite.day, copyOf: p.copyOf };
      }),
    }));
  index.restore(stories);
  const decisions = new Map<string, { story: string; copyOf: string | null }>();
  for (const f of articles.filter((x) => x.day! >= s.day)) {
    index.observe(f, termCounts(f));
    const r = index.addEntry(f);
    decisions.set(f.id, { story: r.storyId, copyOf: r.copyOf });
  }
  return { index, decisions };
}

const after = (gs: StoryGroup[], s: Snapshot) => gs.filter((g) => !s.closedBefore.has(g.id));

describe('StoryIndex key table (KeyIds)', () => {
  it('stays bounded by the open window over 200 days of new words, and holds exactly the open articles\' keys (through settle, its undoing and deletions)', () => {
    const run = whole([], { keptPass: true, removeEvery: 5 });
    const { table, vocabulary, index } = run;
    table.forEach((t, day) => assert.equal(t.keys, t.open, `day ${day}: keys with an id vs keys of the open articles`));
    table.forEach((t, day) => assert.ok(t.settled, `day ${day}, settled: keys with an id vs keys of the open articles`));
    const early = table[19];
    const late = table[DAYS - 1];
    const earlyMax = Math.max(...table.slice(10, 20).map((t) => t.keys));
    assert.ok(vocabulary.size > 15 * late.slots, `the stream's vocabulary (${vocabulary.size}) dwarfs the table (${late.slots} slots)`);
    assert.ok(late.keys <= 1.15 * earlyMax, `keys after 200 days ${late.keys} vs at most ${earlyMax} on days 10-19`);
    assert.ok(late.slots <= 1.15 * early.slots, `slots after 200 days ${late.slots} vs ${early.slots} after 20`);
    index.settle();
    assert.equal(index.keyTable.keys, openKeys(index, run.placed).size, 'after settle');
    index.closeAll();
    assert.equal(index.keyTable.keys, 0, 'every id given back once every story closed');
  });

  it('decides nothing: an index that recycled ids all stream long (settling and undoing daily) places every article as one rebuilt with fresh ids at a later day', () => {
    const windows = [60, ECHO_DAY, 150, DAYS - 1];
    const run = whole(windows, { keptPass: true });
    assert.equal(run.snapshots.length, windows.length);
    const rebuilt = run.snapshots.map((s) => ({ s, ...rebuild(s, run.placed) }));
    let signed = 0;
    for (const { s, index, decisions } of rebuilt) {
      assert.ok(decisions.size > 0);
      for (const [id, d] of decisions) assert.deepEqual(d, { story: run.placed.get(id)!.story, copyOf: run.placed.get(id)!.copyOf }, `${id}, rebuilt at day ${s.day}`);
      assert.deepEqual(index.stories(), after(run.index.stories(), s), `pass stories, rebuilt at day ${s.day}`);
      assert.equal(index.keyTable.keys, run.index.keyTable.keys, `the same open keys, rebuilt at day ${s.day}`);
      // founders, closing days and signatures (the heaviest features at closing, ties by key: what reopens a story for an undated article)
      const ours = index.passStories();
      const theirs = new Map(run.index.passStories().map((x) => [x.id, x]));
      signed += ours.filter((x) => x.terms !== null).length;
      for (const x of ours) assert.deepEqual(x, theirs.get(x.id), `pass story ${x.id}, rebuilt at day ${s.day}`);
    }
    assert.ok(signed > 10, `${signed} stories closed after a rebuild`);
    run.index.settle();
    for (const { s, index } of rebuilt) {
      index.settle();
      assert.deepEqual(index.stories(), after(run.index.stories(), s), `settled stories, rebuilt at day ${s.day}`);
    }
  });

  it('gives a key back when its story closes; met again, it gets an id and scores against the open stories only', () => {
    const run = whole([ECHO_DAY]);
    assert.equal(run.snapshots.length, 1);
    const [s] = run.snapshots;
    const echo = [0, 1].map((i) => `d${ECHO_DAY}-echo-a${i}`);
    const echoKeys = new Set(echo.flatMap((id) => run.placed.get(id)!.vec.keys));
    const before = new Set<string>();
    for (const id of s.open) for (const k of run.placed.get(id)!.vec.keys) before.add(k);
    // (the sentence frame's own words, 'near', 'later', are in every article: always held)
    const originals = new Set(echoed.flatMap((id) => run.placed.get(id)!.vec.keys));
    const givenBack = [...echoKeys].filter((k) => !before.has(k) && originals.has(k));
    assert.ok(givenBack.length >= 10, `${givenBack.length} of ${echoKeys.size} keys of the echo were the echoed story's and held by no open article`);
    assert.equal(run.table[ECHO_DAY - 1].keys, run.table[ECHO_DAY - 1].open, 'so they had no id: the table holds the open articles\' keys only');
    // the story of those words, long closed, is untouched; the first article back founds a story, the second joins it
    const old = run.index.stories().find((g) => g.members.includes(echoed[0]))!;
    assert.deepEqual(old.members, echoed, 'the echoed story was one story of three');
    assert.equal(old.closed, true);
    assert.equal(run.placed.get(echo[0])!.story, storyIdFor(echo[0]));
    assert.equal(run.placed.get(echo[1])!.story, storyIdFor(echo[0]));
    assert.deepEqual(run.index.stories().find((g) => g.members.includes(echo[0]))!.members, echo);
    // and scores as an index that never gave an id back would score them
    const fresh = rebuild(s, run.placed);
    for (const id of echo) assert.deepEqual(fresh.decisions.get(id), { story: storyIdFor(echo[0]), copyOf: null });
  });

  it("carries another table's ids (KeyIdCache: the store's key dictionary) only while an index id stands for the same key", () => {
    // a store dictionary stand-in: ids given in first-seen order, never reused
    const storeIds = new Map<string, number>();
    const owner = {};
    const index = new StoryIndex();
    const cache = index.keyIdCache;
    let recalled = 0;
    let stale = 0;
    const seen = new Map<number, string>();
    for (const f of articles) {
      const r = index.addEntry(f);
      assert.equal(r.ids.length, r.vec.keys.length);
      for (let j = 0; j < r.ids.length; j++) {
        const key = r.vec.keys[j];
        const kept = cache.recall(r.ids[j], key, owner);
        if (kept >= 0) {
          recalled++;
          assert.equal(kept, storeIds.get(key), `${key}: the id kept for it`);
        } else {
          if (!storeIds.has(key)) storeIds.set(key, storeIds.size);
          cache.remember(r.ids[j], key, storeIds.get(key)!, owner);
        }
        // an index id met before under another key: recycled, and what was kept for the old key is not read for it
        if (seen.has(r.ids[j]) && seen.get(r.ids[j]) !== key) {
          stale++;
          assert.equal(cache.recall(r.ids[j], seen.get(r.ids[j])!, owner), -1);
        }
        seen.set(r.ids[j], key);
      }
      assert.equal(cache.recall(r.ids[0] ?? 0, r.vec.keys[0] ?? '', {}), -1, 'another table reads nothing');
    }
    // (a new vocabulary every day: most keys are met on one day only)
    assert.ok(recalled > 10_000, `${recalled} keys read from the index, ${storeIds.size} looked up`);
    assert.ok(stale > 100, `${stale} recycled ids met`);
  });
});
