import { canonicalCompare } from './group.js';
import { DEFAULTS, type KeyIdCache, sortGroups, StoryIndex, storyIdFor, type TermCounts, termCounts, type Vec } from './story-index.js';
import type { GroupOptions, StoryFeatures, StoryGroup } from './types.js';
import { checkFeatures } from './check.js';
import { dormantBefore } from './ledger-follow-up.js';
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
 * back-dated article replays from its date; the open undated articles are replayed on every run
 * (at most about the option `undatedWindow`: past it a run seals undated stories, see `toSeal`); past
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
  /**
   * The placing index's ids of `vec.keys` (`addEntry`), when this run placed it: the commit reads
   * the store's ids of the keys through them (`LedgerCommit.keyIds`). Not persisted.
   */
  ids?: Int32Array;
  f: StoryFeatures;
  /** An undated article of a sealed story: never replayed again (see `toSeal`). */
  sealed?: boolean;
}

export interface LedgerStory {
  id: string;
  founder: string;
  founderT: number | null;
  /** Clock day the story closed on in the pass; null while open. */
  closedAt: number | null;
  /** A closed story's signature (its heaviest features when it closed); null while open. */
  terms: string[] | null;
  /**
   * Who a closed story is about (follow-up.ts `closingPeople`: the surnames most of its members
   * name; none when no follow-up can wake it), tested before its members are read
   * (ledger-follow-up.ts); null while open, or not on record (written before they were kept).
   */
  people?: string[] | null;
}

/**
 * Where the ledger lives: memory (library, benchmarks: ledger-memory.ts) or the store (each
 * back-end in src/store). Asynchronous because the PostgreSQL store is; a run's reads and its
 * commit happen in one transaction of the store (see `Store.storyLedger`).
 */
export interface LedgerBackend {
  frequencies(): Promise<{ n: number; counts: Uint32Array } | null>;
  /** Ledger entries of the given articles (unknown ids are skipped). */
  docs(ids: string[]): Promise<LedgerDoc[]>;
  /** Articles with t ≥ d, and every undated article not sealed. */
  docsFrom(d: number): Promise<LedgerDoc[]>;
  /** Unseals every sealed article of the output stories of these articles (and the articles themselves). */
  unsealStoriesOf(ids: string[]): Promise<void>;
  /** Members with t < d of the pass stories open at d (founded before d, not closed before d). */
  openAt(d: number): Promise<LedgerDoc[]>;
  /** Publication days (ascending, with counts) of the articles with t < d. */
  daysBefore(d: number): Promise<[number, number][]>;
  /** Closed pass stories whose signature holds any of these features. */
  closedWithTerms(terms: string[]): Promise<LedgerStory[]>;
  /** Dated members of these pass stories. */
  membersOf(storyIds: string[]): Promise<LedgerDoc[]>;
  /**
   * Records the people (`LedgerStory.people`) of closed stories that have none on record (closed
   * before they were kept), computed from their members by the look-up (ledger-follow-up.ts);
   * a story whose people are on record keeps them. Part of the run's transaction.
   */
  keepClosingPeople(stories: { id: string; people: string[] }[]): Promise<void>;
  /**
   * Full features (with terms) of articles being replayed, as stored (checked before use); with
   * `each`, what it makes of each one as it is read (the run keeps that, not the parsed features).
   */
  features<T = unknown>(ids: string[], each?: (stored: unknown) => T): Promise<Map<string, T>>;
  /** Current output story of each given article (to find the stories a run replaces). */
  outputOf(ids: string[]): Promise<Set<string>>;
  /** The stored output stories with these ids, as JSON text (to tell which ones a run changed). */
  outputJson(ids: string[]): Promise<Map<string, string>>;
  commit(c: LedgerCommit): Promise<void>;
  /**
   * The pass index this process kept from its own last run on this ledger (null when there is none,
   * or another process or a reset changed the ledger since: the backend checks), taken: a run that
   * fails leaves none. Optional: a backend without it rebuilds the state every run.
   */
  takeKeptPass?(): Promise<KeptPass | null>;
  /** After `commit`: keeps the run's pass index for the next run of this process (null: nothing). */
  keepPass?(k: KeptPass | null): void;
}

/**
 * The pass state at the end of a run, kept in memory by the process that ran it: the index before
 * `settle` (`settleUndoably` then `undoSettle`), after every dated article, with no undated article
 * placed. It is the state `restore` would rebuild for a next run whose replay point lies after
 * every article placed (`maxT`) — the usual case when news arrives in time order — so that run
 * continues the pass instead of reading and re-registering the open stories' members.
 */
export interface KeptPass {
  index: StoryIndex;
  /** Latest pass time of the articles placed so far. */
  maxT: number;
  /** The grouping options it was made with (a run with other options rebuilds). */
  options: string;
}

export interface LedgerCommit {
  /** The placing index's own table (`StoryIndex.frequencyTable`): read it during the commit, copy it to keep it. */
  frequencies: { n: number; counts: Uint32Array };
  deleteDocs: string[];
  putDocs: LedgerDoc[];
  /** Pass stories founded at or after this time (or undated) are dropped first. */
  dropStoriesFrom: number;
  putStories: LedgerStory[];
  /** Undated articles of `putDocs` to store sealed (never replayed again). */
  sealDocs: string[];
  /** Output stories replaced by this run (dropped first), and the new ones. */
  dropOutputs: string[];
  putOutputs: StoryGroup[];
  /**
   * Ids of the `putOutputs` that are new or differ from what is stored: only these are written
   * again (the others keep their rows); the output of every article in `putDocs` is set either way.
   */
  changedOutputs: string[];
  /** The placing index's key ids (`LedgerDoc.ids`), as a cache of the store's key ids (story-index.ts `KeyIdCache`). */
  keyIds?: KeyIdCache;
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
  /** Articles replayed, articles rebuilt from the ledger, articles of open stories continued from the kept pass index (`KeptPass`): what the run cost. */
  replayed: number;
  restored: number;
  reused: number;
  /** One line per article left out (unusable features) or changed (a date outside the sane years). */
  messages: { docId: string | null; message: string }[];
}

export function passTime(f: StoryFeatures): number | null {
  return f.day ?? f.eventDay ?? null;
}

/**
 * An article as a run places it: its checked features without the term list, and the term counts
 * made from it (`termCounts`). A run holds thousands of articles from its start to its commit; their
 * parsed term pairs were most of what the collector copied and promoted, so each article is
 * reduced as it is read (`prepare`) and only this is kept.
 */
interface Entry {
  f: StoryFeatures;
  tc: TermCounts;
}

type Prepared = { entry: Entry; note?: string } | { problem: string; id: string | null };

/** Stored features checked (`checkFeatures`) and reduced to an `Entry`; never throws. */
function prepare(x: unknown): Prepared {
  const c = checkFeatures(x);
  if ('problem' in c) {
    const id = x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : null;
    return { problem: c.problem, id };
  }
  // (an inherited story id is the ledger's to give, never the input's; the copy is the run's own)
  const { inheritsStoryId: _ignored, ...f } = c.features;
  const tc = termCounts(f);
  f.terms = [];
  return { entry: { f, tc }, note: c.note };
}

/** Usable articles, the last occurrence of an id kept, in canonical order; problems become messages. */
function usable(stored: Iterable<Prepared>, messages: LedgerRun['messages']): Entry[] {
  const out = new Map<string, Entry>();
  for (const x of stored) {
    if ('problem' in x) {
      messages.push({ docId: x.id, message: `left out of story grouping: ${x.problem}` });
      continue;
    }
    if (x.note) messages.push({ docId: x.entry.f.id, message: x.note });
    out.set(x.entry.f.id, x.entry);
  }
  return inCanonicalOrder([...out.values()]);
}

function inCanonicalOrder(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => canonicalCompare(a.f, b.f));
}

/**
 * Batch grouping: one ledger run over an empty ledger, without a backend (synchronous). The same
 * steps as `updateLedger`, which gives these stories for any sequence of runs.
 */
export function batchStories(features: StoryFeatures[], options: GroupOptions = {}): StoryGroup[] {
  const replay = usable(features.map(prepare), []);
  const index = new StoryIndex({ ...options, now: null });
  index.loadFrequencies(0, new Uint32Array(0));
  const pass = passDated(index, replay);
  if (pass.undated.length > 0) {
    const chosen = chooseReopen(index, reopenQueries(index, pass.undated), []);
    finishUndated(index, pass, chosen, []);
  }
  index.settle();
  return sortGroups(index.stories());
}

/**
 * Applies a run: `added` articles (an id already in the ledger is an update), `removed` ids.
 * Options must be the same for every run of one ledger. Added features are checked (see
 * `checkFeatures`): unusable ones are left out with a message.
 */
export async function updateLedger(backend: LedgerBackend, run: { added: unknown[]; removed: string[] }, options: GroupOptions = {}): Promise<LedgerRun> {
  return placeRun(backend, { added: run.added.map(prepare), removed: run.removed }, options);
}

/** `updateLedger` over features prepared as they were read (`prepare`). */
async function placeRun(backend: LedgerBackend, run: { added: Prepared[]; removed: string[] }, options: GroupOptions): Promise<LedgerRun> {
  const messages: LedgerRun['messages'] = [];
  const added = new Map(usable(run.added, messages).map((e) => [e.f.id, e]));
  const gone = new Set(run.removed);
  const before = await backend.docs([...new Set([...added.keys(), ...gone])]);
  for (const d of before) if (!added.has(d.id)) gone.add(d.id);
  if (added.size === 0 && before.length === 0) return { stories: [], changed: [], removed: [], replayed: 0, restored: 0, reused: 0, messages };
  // a sealed article removed or re-analysed: its story's other sealed members are replayed with it
  const unseal = before.filter((x) => x.sealed).map((x) => x.id);
  if (unseal.length > 0) await backend.unsealStoriesOf(unseal);

  // the replay point: the earliest time touched, old or new
  let d = END_OF_TIME;
  for (const e of added.values()) d = Math.min(d, passTime(e.f) ?? END_OF_TIME);
  for (const x of before) d = Math.min(d, x.t ?? END_OF_TIME);

  const optionsKey = JSON.stringify(options);
  const carried = (await backend.takeKeptPass?.()) ?? null;
  const oldReplay = await backend.docsFrom(d);
  // the kept pass index is the state at d when nothing before d changes and nothing from d on is stored
  // (undated articles may reopen closed stories, whose members before d the rebuild reads: not continued)
  const allDated = [...added.values()].every((e) => passTime(e.f) !== null);
  const continued = carried !== null && carried.options === optionsKey && before.length === 0 && allDated && d > carried.maxT && oldReplay.length === 0;
  let index: StoryIndex;
  let open: LedgerDoc[] = [];
  let openIds: string[];
  if (continued) {
    index = carried.index;
    openIds = index.openArticles();
  } else {
    index = new StoryIndex({ ...options, now: null });
    const stored = await backend.frequencies();
    index.loadFrequencies(stored?.n ?? 0, stored?.counts ?? new Uint32Array(0));
    for (const x of oldReplay) index.unobserve(x.vec.keys);
    index.restoreClock(await backend.daysBefore(d));
    open = await backend.openAt(d);
    index.restore(restoreOrder(open));
    // (a story closed before d that a follow-up woke later is on record as open at d)
    index.closeStale();
    openIds = open.map((x) => x.id);
  }

  // replay: the old articles from d on (minus removed and updated ones) and the new ones
  const keep = oldReplay.filter((x) => !gone.has(x.id) && !added.has(x.id)).map((x) => x.id);
  const kept = usable((await backend.features(keep, prepare)).values(), messages);
  const inherited = heirs(oldReplay, gone, open, new Set([...added.keys()].map(storyIdFor)));
  const replay = inCanonicalOrder([...kept, ...added.values()]).map((e) => (inherited.has(e.f.id) ? { f: { ...e.f, inheritsStoryId: inherited.get(e.f.id) }, tc: e.tc } : e));
  index.addDormant(await dormantBefore(backend, replay, d));
  const pass = passDated(index, replay);
  const reopened: LedgerDoc[] = [];
  if (pass.undated.length > 0) {
    const queries = reopenQueries(index, pass.undated);
    const founded = new Set(index.passStories().map((x) => x.id));
    // closed before this run's replay point (later ones are this run's to decide)
    const earlier = (await backend.closedWithTerms([...new Set(queries.flat())])).filter((x) => !founded.has(x.id) && x.founderT !== null && x.founderT < d && x.closedAt !== null && x.closedAt < d);
    const chosen = chooseReopen(index, queries, earlier);
    const thisRun = new Set(index.passStories().map((x) => x.id));
    const earlierMembers = await backend.membersOf([...chosen.keys()].filter((id) => !thisRun.has(id)));
    reopened.push(...finishUndated(index, pass, chosen, [...open, ...earlierMembers]));
  }

  const putStories = index.passStories();
  // (a pass with undated articles placed is not kept: the next run replays them into the dated state)
  const keepIndex = !!backend.keepPass && pass.undated.length === 0;
  if (keepIndex) index.settleUndoably();
  else index.settle();
  const dropOutputs = await backend.outputOf([...openIds, ...[...reopened, ...oldReplay].map((x) => x.id), ...gone]);
  const placed = index.stories();
  const old = await backend.outputJson([...dropOutputs]);
  const again = await closedAgain(backend, { dropped: dropOutputs, old, placed, gone }, new Set(putStories.map((x) => x.id)), options, d);
  const outputs = sortGroups([...placed, ...again]);
  const newIds = new Set(outputs.map((g) => g.id));
  for (const [id, json] of await backend.outputJson(outputs.map((g) => g.id).filter((id) => !old.has(id)))) old.set(id, json);
  const changed = outputs.filter((g) => old.get(g.id) !== JSON.stringify(g));
  if (keepIndex) index.undoSettle();
  await backend.commit({
    frequencies: index.frequencyTable(),
    deleteDocs: [...new Set([...oldReplay.map((x) => x.id), ...gone])],
    putDocs: pass.putDocs,
    sealDocs: toSeal(outputs, pass.putDocs, new Set(added.keys()), index.options.undatedWindow),
    dropStoriesFrom: d,
    putStories,
    dropOutputs: [...dropOutputs],
    putOutputs: outputs,
    changedOutputs: changed.map((g) => g.id),
    keyIds: index.keyIdCache,
  });
  if (keepIndex) {
    // (closed stories are in the ledger now; the index keeps the open ones)
    index.drainClosed();
    let maxT = continued ? carried.maxT : -Infinity;
    for (const x of pass.putDocs) if (x.t !== null && x.t > maxT) maxT = x.t;
    backend.keepPass!({ index, maxT, options: optionsKey });
  }
  const removed = [...dropOutputs].filter((id) => !newIds.has(id)).sort(cmpStr);
  return { stories: outputs, changed, removed, replayed: replay.length, restored: open.length, reused: continued ? openIds.length : 0, messages };
}

/** Articles placed per ledger run when many are pending (a first run over a big store, a large batch). */
export const CHUNK_ARTICLES = 5000;

/**
 * Which undated articles a run seals. Undated articles have no time step to close their stories
 * by, so without a bound every run would replay all of them. When more than `window` (option
 * `undatedWindow`, 5,000) undated articles are open after a run, the run seals the stories made of
 * undated articles only that took no article of this run (stories that stopped growing); if that
 * is not enough, every story made of undated articles only. A sealed article keeps its story and its place in the
 * frequencies and is never replayed (unless it or a story-mate is removed or re-analysed): later
 * articles no longer join its story or merge with it. Undated articles in a story with dated
 * members stay open (sealing them would drop them from that story when its dated part is replayed).
 * Up to `window` undated articles nothing is sealed and the stories are the batch's for any
 * order or batching; past it they depend on the runs the articles came in (README.md).
 */
function toSeal(outputs: StoryGroup[], putDocs: LedgerDoc[], added: Set<string>, window: number): string[] {
  const undated = new Set(putDocs.filter((x) => x.t === null).map((x) => x.id));
  if (undated.size <= window) return [];
  const alone = outputs.filter((g) => g.members.every((m) => undated.has(m)));
  const idle = alone.filter((g) => !g.members.some((m) => added.has(m))).flatMap((g) => g.members);
  return undated.size - idle.length > window ? alone.flatMap((g) => g.members) : idle;
}

/**
 * Places many pending articles as a sequence of ledger runs over time-ordered chunks (about
 * `chunk` articles each, cut between time steps), so that memory holds one chunk's features and
 * the stories open at its start, not every pending article: the ledger gives the same stories for
 * any batching, so the result is the one-run result. The first pass reads the pending features a
 * slice at a time for their times only. Undated articles come last, in chunks by id (each run
 * replays the open undated ones; past `undatedWindow` it seals some: see `toSeal`). `removed`
 * goes with the first chunk.
 */
export async function updateLedgerInChunks(backend: LedgerBackend, run: { pending: string[]; removed: string[] }, options: GroupOptions = {}, chunk = CHUNK_ARTICLES): Promise<LedgerRun> {
  if (run.pending.length <= chunk) return placeRun(backend, { added: [...(await backend.features(run.pending, prepare)).values()], removed: run.removed }, options);
  // (undated articles in chunks of at least the undated window: below it they are placed in one run, as before)
  const chunks = await timeChunks(backend, run.pending, chunk, Math.max(chunk, options.undatedWindow ?? DEFAULTS.undatedWindow));
  const stories = new Map<string, StoryGroup>();
  const changed = new Set<string>();
  const removed = new Set<string>();
  const total: LedgerRun = { stories: [], changed: [], removed: [], replayed: 0, restored: 0, reused: 0, messages: [] };
  for (let k = 0; k < chunks.length; k++) {
    const added = [...(await backend.features(chunks[k], prepare)).values()];
    const r = await placeRun(backend, { added, removed: k === 0 ? run.removed : [] }, options);
    for (const id of r.removed) {
      stories.delete(id);
      removed.add(id);
    }
    for (const g of r.stories) {
      stories.set(g.id, g);
      removed.delete(g.id);
    }
    for (const g of r.changed) changed.add(g.id);
    total.replayed += r.replayed;
    total.restored += r.restored;
    total.reused += r.reused;
    total.messages.push(...r.messages);
  }
  total.stories = sortGroups([...stories.values()]);
  total.changed = total.stories.filter((g) => changed.has(g.id));
  total.removed = [...removed].sort(cmpStr);
  return total;
}

/** Pending ids in canonical order (unusable features first: their run only reports them), cut into chunks between time steps (anywhere among undated ones). */
async function timeChunks(backend: LedgerBackend, ids: string[], chunk: number, undatedChunk: number): Promise<string[][]> {
  const keyed: { id: string; t: number }[] = [];
  for (let i = 0; i < ids.length; i += chunk) {
    // (only the time of each is kept, not the parsed features)
    const times = await backend.features(ids.slice(i, i + chunk), (x) => {
      const c = checkFeatures(x);
      return 'problem' in c ? -Infinity : (passTime(c.features) ?? END_OF_TIME);
    });
    for (const [id, t] of times) keyed.push({ id, t });
  }
  keyed.sort((a, b) => a.t - b.t || cmpStr(a.id, b.id));
  const out: string[][] = [];
  let cur: string[] = [];
  for (let i = 0; i < keyed.length; i++) {
    cur.push(keyed[i].id);
    const undated = keyed[i].t === END_OF_TIME;
    if (cur.length >= (undated ? undatedChunk : chunk) && (i + 1 === keyed.length || keyed[i + 1].t !== keyed[i].t || undated)) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/**
 * Which replayed articles carry a story id on: a story keeps its id when its founding article is
 * deleted. The founder's next member in canonical order (time, undated last, id) inherits the
 * story's id, and keeps it across runs (the ledger stores it with the article); a story it founds
 * in the replay takes that id. Passed on again when the heir is deleted in turn, and dropped when
 * the founder comes back (`returning`: ids of the stories the added articles would found). A story
 * founded before the replay point has members restored from before it (`open`): its founder is
 * not replayed.
 */
function heirs(oldReplay: LedgerDoc[], gone: Set<string>, open: LedgerDoc[], returning: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const x of oldReplay) {
    const id = x.f.inheritsStoryId;
    if (!gone.has(x.id) && id && !returning.has(id)) out.set(x.id, id);
  }
  const foundedBefore = new Set(open.map((x) => x.story));
  const key = (x: LedgerDoc) => x.t ?? END_OF_TIME;
  const byStory = new Map<string, LedgerDoc[]>();
  for (const x of oldReplay) {
    if (foundedBefore.has(x.story)) continue;
    let m = byStory.get(x.story);
    if (!m) byStory.set(x.story, (m = []));
    m.push(x);
  }
  for (const [story, members] of byStory) {
    members.sort((a, b) => key(a) - key(b) || cmpStr(a.id, b.id));
    if (!gone.has(members[0].id)) continue;
    const heir = members.find((x) => !gone.has(x.id));
    if (heir) out.set(heir.id, story);
  }
  return out;
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

/** What the pass did to the dated articles, and the undated ones still to place. */
interface Pass {
  putDocs: LedgerDoc[];
  undated: Entry[];
}

/** The dated articles of `replay` (canonical order), then the undated ones counted in the frequencies. */
function passDated(index: StoryIndex, replay: Entry[]): Pass {
  const undated = replay.filter((e) => passTime(e.f) === null);
  const putDocs = replayPass(index, replay.slice(0, replay.length - undated.length));
  for (const e of undated) index.observe(e.f, e.tc);
  return { putDocs, undated };
}

/**
 * Adds articles (in canonical order) the way the pass does: the frequencies of a time step count
 * all of its articles before any of them is placed, so articles of one day weigh each other alike.
 */
function replayPass(index: StoryIndex, replay: Entry[], observe = true): LedgerDoc[] {
  const out: LedgerDoc[] = [];
  for (let i = 0; i < replay.length; ) {
    const t = passTime(replay[i].f);
    let j = i;
    while (j < replay.length && passTime(replay[j].f) === t) j++;
    if (observe) for (let k = i; k < j; k++) index.observe(replay[k].f, replay[k].tc);
    for (let k = i; k < j; k++) {
      const { f, tc } = replay[k];
      const r = index.addEntry(f, tc);
      out.push({ id: f.id, t, day: f.day, story: r.storyId, copyOf: r.copyOf, vec: r.vec, ids: r.ids, f: r.lite });
    }
    // (a dated step's lone founders take a second look once the step's stories have formed: StoryIndex.rejoinStep)
    const moved = t !== null ? index.rejoinStep(out.slice(out.length - (j - i)).map((x) => x.id)) : null;
    if (moved !== null && moved.size > 0) for (let k = out.length - (j - i); k < out.length; k++) out[k].story = moved.get(out[k].id) ?? out[k].story;
    i = j;
  }
  return out;
}

/** Query features per undated article, closed stories reopened per article at most. */
const REOPEN_QUERY = 12;
const REOPEN_PER_ARTICLE = 4;

function reopenQueries(index: StoryIndex, undated: Entry[]): string[][] {
  return undated.map((e) => index.queryKeys(e.f, REOPEN_QUERY, e.tc));
}

/**
 * The closed stories undated articles may belong to: for each undated article, the closed stories
 * whose signature shares at least two of its heaviest features (most shared first, then id), at
 * most four. Closed stories come from this run (the index's) or from earlier runs (`earlier`, read
 * from the backend). The choice depends only on the articles and the closed stories, so a batch
 * and any sequence of runs reopen the same ones.
 */
function chooseReopen(index: StoryIndex, queries: string[][], earlier: LedgerStory[]): Map<string, LedgerStory> {
  const candidates = new Map(index.passStories().filter((x) => x.closedAt !== null && x.terms !== null).map((x) => [x.id, x as LedgerStory]));
  for (const x of earlier) if (!candidates.has(x.id) && x.terms) candidates.set(x.id, x);
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
  return chosen;
}

/**
 * Reopens the chosen closed stories (their members from this run's pass, or among `known`: the
 * restored open stories and what the backend holds of earlier ones) and places the undated
 * articles. Returns the reopened stories' members.
 */
function finishUndated(index: StoryIndex, pass: Pass, chosen: Map<string, LedgerStory>, known: LedgerDoc[]): LedgerDoc[] {
  const members = new Map<string, LedgerDoc>();
  for (const x of [...pass.putDocs, ...known]) if (x.t !== null && chosen.has(x.story) && !members.has(x.id)) members.set(x.id, x);
  if (members.size > 0) index.reopen(restoreOrder([...members.values()]).map((x) => ({ ...x, closedAt: chosen.get(x.id)!.closedAt!, terms: chosen.get(x.id)!.terms!, people: chosen.get(x.id)!.people })));
  pass.putDocs.push(...replayPass(index, pass.undated, false));
  return [...members.values()];
}

/**
 * Stories closed before this run whose output changes although the pass does not revisit them: an
 * undated article that had joined one (a reopened story) was replayed elsewhere or removed, or an
 * earlier run's `settle` merged one, reopened then, into a story whose output this run replaces
 * (a closed story this run does not reopen is not in the index, so its members would be in no
 * output). Their output becomes again the closed story of their dated members, as a batch would
 * give it: the members of the replaced outputs that no new output holds (and that are not removed)
 * name the pass stories to rebuild.
 */
async function closedAgain(
  backend: LedgerBackend,
  run: { dropped: Set<string>; old: Map<string, string>; placed: StoryGroup[]; gone: Set<string> },
  inIndex: Set<string>,
  options: GroupOptions,
  d: number,
): Promise<StoryGroup[]> {
  const ids = new Set([...run.dropped].filter((id) => !inIndex.has(id)));
  const held = new Set(run.placed.flatMap((g) => g.members));
  const lost: string[] = [];
  for (const id of run.dropped) {
    const json = run.old.get(id);
    if (json === undefined) continue;
    for (const m of (JSON.parse(json) as StoryGroup).members) if (!held.has(m) && !run.gone.has(m)) lost.push(m);
  }
  if (lost.length > 0) for (const x of await backend.docs(lost)) if (x.t !== null && x.t < d && !inIndex.has(x.story)) ids.add(x.story);
  if (ids.size === 0) return [];
  // (entries from d on are this run's: stale until the commit)
  const members = (await backend.membersOf([...ids].sort(cmpStr))).filter((x) => x.t !== null && x.t < d);
  if (members.length === 0) return [];
  const scratch = new StoryIndex({ ...options, now: null });
  scratch.restore(restoreOrder(members));
  scratch.closeAll();
  return scratch.drainClosed();
}
