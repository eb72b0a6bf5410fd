import { canonicalOrder } from './group.js';
import { sortGroups, StoryIndex, type Vec } from './story-index.js';
import type { GroupOptions, StoryFeatures, StoryGroup } from './types.js';
import { cmpStr } from '../util/cmp.js';

/**
 * The story ledger: one grouping for batch runs, repeated runs and the server.
 *
 * Grouping is a single pass over the articles in canonical order (by time, undated last, then id:
 * `canonicalOrder`), with document frequencies counted up to each article's day, then `settle` over
 * the stories still open at the end. The ledger persists what the pass did — for each article its
 * time, its pass story, the article it copies and its vector; for each pass story its founder and
 * the day it closed — and the frequency table. A run with new (or removed) articles whose earliest
 * time is day d replays the pass from d only:
 *   1. the state at d is rebuilt from the ledger: the stories open at d with their members before d
 *      (`StoryIndex.restore`), the clock, the frequencies minus what is replayed;
 *   2. the articles from d on (old and new) and the undated ones are added again in canonical order;
 *   3. `settle` runs over the open stories.
 * Nothing before d can change (the pass never looks ahead), so this gives exactly the stories a
 * batch over all articles gives, whatever the order or batching the articles came in, with the
 * same ids: a story's id is derived from its founder, its first article in canonical order.
 * The cost is proportional to the articles from d on plus those in stories open at d, not to the
 * store: news arrives in time order, so d is recent. Exceptions (documented in README.md): a
 * back-dated article replays from its date; undated articles are replayed on every run; past
 * `maxOpenStories` open stories the least recently updated close in an order a rebuild may not
 * reproduce.
 */

/** What the ledger keeps per article. `f` is the article's features without terms (what `restore` needs). */
export interface LedgerDoc {
  id: string;
  /** Pass time: publication day, else event day; null when undated. */
  t: number | null;
  /** Publication day (the clock). */
  day: number | null;
  /** The pass story it joined or founded. */
  story: string;
  copyOf: string | null;
  vec: Vec;
  f: StoryFeatures;
}

export interface LedgerStory {
  id: string;
  founder: string;
  founderT: number | null;
  /** Clock day the story closed on in the pass; null while open. */
  closedAt: number | null;
}

/** Where the ledger lives: memory (library, benchmarks) or the store (ledger-store in src/store). */
export interface LedgerBackend {
  frequencies(): { n: number; counts: Uint32Array } | null;
  /** Ledger entries of the given articles (unknown ids are skipped). */
  docs(ids: string[]): LedgerDoc[];
  /** Articles with t ≥ d, and every undated article. */
  docsFrom(d: number): LedgerDoc[];
  /** Members with t < d of the pass stories open at d (founded before d, not closed before d). */
  openAt(d: number): LedgerDoc[];
  /** Publication days (ascending, with counts) of the articles with t < d. */
  daysBefore(d: number): [number, number][];
  /** Full features (with terms) of articles being replayed. */
  features(ids: string[]): Map<string, StoryFeatures>;
  /** Current output story of each given article (to find the stories a run replaces). */
  outputOf(ids: string[]): Set<string>;
  /** The stored output stories with these ids, as JSON text (to tell which ones a run changed). */
  outputJson(ids: string[]): Map<string, string>;
  commit(c: LedgerCommit): void;
}

export interface LedgerCommit {
  frequencies: { n: number; counts: Uint32Array };
  deleteDocs: string[];
  putDocs: LedgerDoc[];
  /** Pass stories founded at or after this time (or undated) are dropped first. */
  dropStoriesFrom: number;
  putStories: LedgerStory[];
  /** Output stories replaced by this run (dropped first), and the new ones. */
  dropOutputs: string[];
  putOutputs: StoryGroup[];
}

/** "After every dated article": the replay point of a run that changes only undated articles. */
export const END_OF_TIME = 1e9;

export interface LedgerRun {
  /** Stories this run recomputed (all of them for a first run). */
  stories: StoryGroup[];
  /** Of those, the ones that are new or differ from what was stored. */
  changed: StoryGroup[];
  /** Output story ids that no longer exist. */
  removed: string[];
  /** Articles replayed, articles rebuilt from the ledger: what the run cost. */
  replayed: number;
  restored: number;
}

export function passTime(f: StoryFeatures): number | null {
  return f.day ?? f.eventDay ?? null;
}

/**
 * Applies a run: `added` articles (an id already in the ledger is an update), `removed` ids.
 * Options must be the same for every run of one ledger.
 */
export function updateLedger(backend: LedgerBackend, run: { added: StoryFeatures[]; removed: string[] }, options: GroupOptions = {}): LedgerRun {
  const added = new Map<string, StoryFeatures>();
  for (const f of canonicalOrder(run.added.filter((x) => x && typeof x.id === 'string'))) if (!added.has(f.id)) added.set(f.id, f);
  const gone = new Set(run.removed);
  const before = backend.docs([...new Set([...added.keys(), ...gone])]);
  for (const d of before) if (!added.has(d.id)) gone.add(d.id);
  if (added.size === 0 && before.length === 0) return { stories: [], changed: [], removed: [], replayed: 0, restored: 0 };

  // the replay point: the earliest time touched, old or new
  let d = END_OF_TIME;
  for (const f of added.values()) d = Math.min(d, passTime(f) ?? END_OF_TIME);
  for (const x of before) d = Math.min(d, x.t ?? END_OF_TIME);

  const index = new StoryIndex({ ...options, now: null });
  const stored = backend.frequencies();
  index.loadFrequencies(stored?.n ?? 0, stored?.counts ?? new Uint32Array(0));
  const oldReplay = backend.docsFrom(d);
  for (const x of oldReplay) index.unobserve(x.vec.keys);

  index.restoreClock(backend.daysBefore(d));
  const open = backend.openAt(d);
  index.restore(restoreOrder(open));

  // replay: the old articles from d on (minus removed and updated ones) and the new ones
  const keep = oldReplay.filter((x) => !gone.has(x.id) && !added.has(x.id)).map((x) => x.id);
  const full = backend.features(keep);
  const replay = canonicalOrder([...keep.map((id) => full.get(id)).filter((f): f is StoryFeatures => !!f), ...added.values()]);
  const putDocs = replayPass(index, replay);

  const putStories = index.passStories();
  index.settle();
  const outputs = sortGroups(index.stories());
  const dropOutputs = backend.outputOf([...open.map((x) => x.id), ...oldReplay.map((x) => x.id), ...gone]);
  const newIds = new Set(outputs.map((g) => g.id));
  const old = backend.outputJson(outputs.map((g) => g.id));
  const changed = outputs.filter((g) => old.get(g.id) !== JSON.stringify(g));
  backend.commit({
    frequencies: index.frequencies(),
    deleteDocs: [...new Set([...oldReplay.map((x) => x.id), ...gone])],
    putDocs,
    dropStoriesFrom: d,
    putStories,
    dropOutputs: [...dropOutputs],
    putOutputs: outputs,
  });
  const removed = [...dropOutputs].filter((id) => !newIds.has(id)).sort(cmpStr);
  return { stories: outputs, changed, removed, replayed: replay.length, restored: open.length };
}

/** Stories in founding order (founder's time, then id), members in canonical order. */
function restoreOrder(docs: LedgerDoc[]) {
  const byStory = new Map<string, LedgerDoc[]>();
  for (const x of docs) {
    let m = byStory.get(x.story);
    if (!m) byStory.set(x.story, (m = []));
    m.push(x);
  }
  const key = (x: LedgerDoc) => x.t ?? END_OF_TIME;
  const stories = [...byStory.entries()].map(([id, members]) => ({ id, members: members.sort((a, b) => key(a) - key(b) || cmpStr(a.id, b.id)) }));
  stories.sort((a, b) => key(a.members[0]) - key(b.members[0]) || cmpStr(a.members[0].id, b.members[0].id));
  return stories.map((s) => ({ id: s.id, members: s.members.map((x) => ({ f: x.f, vec: x.vec, t: x.t, copyOf: x.copyOf })) }));
}

/**
 * Adds articles (in canonical order) the way the pass does: the frequencies of a time step count
 * all of its articles before any of them is placed, so articles of one day weigh each other alike.
 */
function replayPass(index: StoryIndex, replay: StoryFeatures[]): LedgerDoc[] {
  const out: LedgerDoc[] = [];
  for (let i = 0; i < replay.length; ) {
    const t = passTime(replay[i]);
    let j = i;
    while (j < replay.length && passTime(replay[j]) === t) j++;
    for (let k = i; k < j; k++) index.observe(replay[k]);
    for (let k = i; k < j; k++) {
      const f = replay[k];
      const r = index.addEntry(f);
      out.push({ id: f.id, t, day: f.day, story: r.storyId, copyOf: r.copyOf, vec: r.vec, f: { ...f, terms: [], messages: [] } });
    }
    i = j;
  }
  return out;
}
