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
  /** A closed story's signature (its heaviest features when it closed); null while open. */
  terms: string[] | null;
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
  /** Closed pass stories whose signature holds any of these features. */
  closedWithTerms(terms: string[]): LedgerStory[];
  /** Dated members of these pass stories. */
  membersOf(storyIds: string[]): LedgerDoc[];
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
  const undated = replay.filter((f) => passTime(f) === null);
  const putDocs = replayPass(index, replay.slice(0, replay.length - undated.length));
  const reopened: LedgerDoc[] = [];
  if (undated.length > 0) {
    for (const f of undated) index.observe(f);
    reopened.push(...reopenFor(index, backend, undated, [...open, ...putDocs], d));
    putDocs.push(...replayPass(index, undated, false));
  }

  const putStories = index.passStories();
  index.settle();
  const dropOutputs = backend.outputOf([...open, ...reopened, ...oldReplay].map((x) => x.id).concat([...gone]));
  const outputs = sortGroups([...index.stories(), ...closedAgain(backend, dropOutputs, new Set(putStories.map((x) => x.id)), options, d)]);
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
function replayPass(index: StoryIndex, replay: StoryFeatures[], observe = true): LedgerDoc[] {
  const out: LedgerDoc[] = [];
  for (let i = 0; i < replay.length; ) {
    const t = passTime(replay[i]);
    let j = i;
    while (j < replay.length && passTime(replay[j]) === t) j++;
    if (observe) for (let k = i; k < j; k++) index.observe(replay[k]);
    for (let k = i; k < j; k++) {
      const f = replay[k];
      const r = index.addEntry(f);
      out.push({ id: f.id, t, day: f.day, story: r.storyId, copyOf: r.copyOf, vec: r.vec, f: { ...f, terms: [], messages: [] } });
    }
    i = j;
  }
  return out;
}

/** Query features per undated article, closed stories reopened per article at most. */
const REOPEN_QUERY = 12;
const REOPEN_PER_ARTICLE = 4;

/**
 * Reopens the closed stories undated articles may belong to: for each undated article, the closed
 * stories whose signature shares at least two of its heaviest features (most shared first, then
 * id), at most four. Closed stories come from this run (their members among `inRun`) or from
 * earlier runs (the backend). The choice depends only on the articles and the closed stories, so
 * a batch and any sequence of runs reopen the same ones.
 */
function reopenFor(index: StoryIndex, backend: LedgerBackend, undated: StoryFeatures[], inRun: LedgerDoc[], d: number): LedgerDoc[] {
  const queries = undated.map((f) => index.queryKeys(f, REOPEN_QUERY));
  const thisRun = new Map(index.passStories().filter((x) => x.closedAt !== null && x.terms !== null).map((x) => [x.id, x as LedgerStory]));
  const candidates = new Map(thisRun);
  const founded = new Set(index.passStories().map((x) => x.id));
  for (const x of backend.closedWithTerms([...new Set(queries.flat())])) {
    // closed before this run's replay point (later ones are this run's to decide)
    if (!founded.has(x.id) && x.terms && x.founderT !== null && x.founderT < d && x.closedAt !== null && x.closedAt < d) candidates.set(x.id, x);
  }
  const byTerm = new Map<string, LedgerStory[]>();
  for (const c of candidates.values())
    for (const t of c.terms ?? []) {
      let l = byTerm.get(t);
      if (!l) byTerm.set(t, (l = []));
      l.push(c);
    }
  const chosen = new Map<string, LedgerStory>();
  for (const q of queries) {
    const shared = new Map<LedgerStory, number>();
    for (const t of q) for (const c of byTerm.get(t) ?? []) shared.set(c, (shared.get(c) ?? 0) + 1);
    const top = [...shared.entries()].filter((e) => e[1] >= 2).sort((a, b) => b[1] - a[1] || cmpStr(a[0].id, b[0].id));
    for (const [c] of top.slice(0, REOPEN_PER_ARTICLE)) chosen.set(c.id, c);
  }
  if (chosen.size === 0) return [];
  const fromRun = inRun.filter((x) => thisRun.has(x.story) && chosen.has(x.story));
  const earlier = backend.membersOf([...chosen.keys()].filter((id) => !thisRun.has(id)));
  const members = [...fromRun, ...earlier].filter((x) => x.t !== null);
  const stories = restoreOrder(members);
  index.reopen(stories.map((x) => ({ ...x, closedAt: chosen.get(x.id)!.closedAt!, terms: chosen.get(x.id)!.terms! })));
  return members;
}

/**
 * Stories closed before this run whose output changes although the pass does not revisit them: an
 * undated article that had joined one (a reopened story) was replayed elsewhere or removed. Their
 * output becomes again the closed story of their dated members, as a batch would give it.
 */
function closedAgain(backend: LedgerBackend, dropped: Set<string>, inIndex: Set<string>, options: GroupOptions, d: number): StoryGroup[] {
  const ids = [...dropped].filter((id) => !inIndex.has(id)).sort(cmpStr);
  if (ids.length === 0) return [];
  // (entries from d on are this run's: stale until the commit)
  const members = backend.membersOf(ids).filter((x) => x.t !== null && x.t < d);
  if (members.length === 0) return [];
  const scratch = new StoryIndex({ ...options, now: null });
  scratch.restore(restoreOrder(members));
  scratch.closeAll();
  return scratch.drainClosed();
}
