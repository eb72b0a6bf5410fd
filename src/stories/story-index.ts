import type { GroupOptions, GroupWeights, StoryFeatures, StoryGroup } from './types.js';
import { dayIso, isoDay } from './features.js';
import { addClaims, type ClaimSummary, claimsDisagree, claimSummary } from './claim-evidence.js';
import { DISAGREEMENT, distinctPeople, otherPeople, peopleOf, peopleShared, type StoryPeople } from './disagreement.js';
import { bandKeys, fnv1a, jaccard } from './minhash.js';
import { KeyTable } from './key-table.js';
import { term, words } from './text.js';
import { dayOfWeek, storyWeekday, weekdaysApart } from './weekday.js';
import { closingPeople, DormantStories, type DormantStory, FOLLOW_UP_KEYS, inTimeToWake, followUpFit, followUpQuery, latestTime, mayFollowUp, mayWake, wakeable } from './follow-up.js';
import { cmpStr } from '../util/cmp.js';
import { unionFind } from '../util/union-find.js';

/**
 * Incremental story grouping: single-pass assignment of each article to the most similar open
 * story (or a new one), with candidate retrieval through an inverted index over story centroids
 * and LSH buckets over MinHash sketches. Never compares all pairs.
 *
 * Similarity of an article to a story = cosine of the article's TF-IDF vector (content terms plus
 * entity ids) with the story centroid, gated by time: an article whose date lies outside the
 * story's time window cannot join it. The window adapts: `windowDays` around a fresh story's
 * span, growing with the story's own duration up to `maxWindowDays` (a summit stays days, a
 * long-running story may last weeks). Undated articles are not gated and do not stretch the span.
 *
 * Near-duplicates (estimated Jaccard of word shingles ≥ `copyThreshold`, or the same normalised
 * text) join the story of their original and are recorded as copies.
 *
 * Memory is bounded by the open time window: a story whose window has closed (the stream's clock,
 * the latest publication day seen, is past its end plus its window) is closed and its centroid,
 * postings and sketches are dropped; `drainClosed()` hands closed stories to the caller. A hard cap
 * (`maxOpenStories`) closes the least recently updated stories first.
 */

/**
 * Which step placed an article (`join` calls it with the article, its story and the step): set only
 * by scripts/story-decisions.ts, which attributes grouping errors to the decision that made them.
 * Null in use (one comparison per join).
 */
export type DecisionTrace = (doc: string, story: string, step: string) => void;
let decisionTrace: DecisionTrace | null = null;
export function traceDecisions(trace: DecisionTrace | null): void {
  decisionTrace = trace;
}

export const DEFAULTS: Required<Omit<GroupOptions, 'now'>> & { now: string | null } = {
  threshold: 0.15,
  // one bar for "the same event", whether an article joins a story or two stories merge
  mergeThreshold: 0.15,
  copyThreshold: 0.6,
  // five days: a trial's next session, an election's results or a verdict a few days after the first
  // reports are one event; headlines across days are held back by `timeFit`, not by the window
  windowDays: 5,
  maxWindowDays: 7,
  maxSpanDays: 60,
  now: null,
  maxOpenStories: 50_000,
  undatedWindow: 5000,
  weights: {},
};

/**
 * Features (terms, phrases, entity ids) an article must share with a story of two or more articles
 * to join it. A story of one article is joined on similarity alone.
 */
const MIN_SHARED_FEATURES = 2;
/** Stories of at most this many articles are fragments that `settle` offers to larger stories. */
const FRAGMENT_SIZE = 8;
/**
 * An undated article has no time to tell which of two similar events it reports (two arrests of
 * players of one team a month apart, two earthquakes in one region share most words), so its
 * content must speak for it: it joins a story only when it is at least this fraction as similar
 * to the story as the story's own members are expected to be (`cohesionBar`). A quarter: since
 * dated articles meet the bar too and fragments cross only by leave-one-out (`attachFragments`),
 * any bar from 0 to 0.3 gives the same development figures and 0.5 left six undated articles alone.
 * The same bar holds a follow-up weeks after its story (`wake`): there too time cannot vouch.
 */
const UNDATED_JOIN_COHESION = 0.25;
/**
 * Two stories, one of them without a dated member, merge only when their members are on average
 * at least this fraction as similar across the stories as within them (geometric mean of the
 * two within-story means): the time windows cannot vouch for the merge (`crossCohesive`).
 */
const UNDATED_MERGE_COHESION = 0.8;
/**
 * The same, when the two stories' texts name different weekdays for their events (weekday.ts): the
 * one time evidence an undated text carries says they are two events, so their members must be as
 * alike across the stories as within them. (Soft: two stories of one event that agree as a group merge anyway.)
 */
const UNDATED_MERGE_COHESION_OTHER_WEEKDAY = 1.0;
/**
 * `peopleCarryOver`: a dated story of at least `CARRY_OVER_MIN` members merging into an undated one
 * at least `CARRY_OVER_SIZE` times its size needs its people named there in at least
 * `PEOPLE_CARRY_OVER` of the share they have at home. ECB+ development half, dates dropped from
 * 30 % / 50 %: bars 0.5 / 0.6 / 0.7 / 1.0 give 0.9451 / 0.9511 / 0.9511 / 0.9438 and 0.9073 /
 * 0.9131 / 0.9143 / 0.9145 at size 1 (0.9345 / 0.9036 without; read one way only, before the
 * undated story's people were read when the dated one has none); size 1.5 and 2 gain less, any
 * size (0) less too; least members 2, 3 or 5 alike. The development half and UCI half A are unchanged.
 */
const PEOPLE_CARRY_OVER = 0.6;
/**
 * `membersAlike`: a dated story of one article merges with an undated story only when at least half
 * the undated story's members are as alike to the article (cosine) as they are to each other on
 * average (this fraction of their mean pairwise cosine). ECB+ development half, dates dropped from
 * 30 % / 50 %, B-cubed F1 (5 draws; off: 0.9612 / 0.9241): 0.9 as off, 1.0 and 1.1 0.9617 /
 * 0.9253, 1.2 0.9617 / 0.9234; 15 draws at 1.0: P and R up or equal on both (NOTES.md, session 26).
 */
const SINGLE_DATED_ALIKE = 1.0;
const ALIKE_READ = 256;
const CARRY_OVER_MIN = 3;
const CARRY_OVER_SIZE = 1;
/**
 * `undatedJoin`: an undated article joins a dated story in the pass when it fits it at least as its
 * members fit each other (`UNDATED_DATED_FIT`, relative fit 1) and this many times better than its
 * best undated story. ECB+ development half, dates dropped 30 % / 50 %, 15 draws (B-cubed F1; off:
 * 0.9524 / 0.9153): fit 1.0 and margin 1.5 / 1.2 / 1.0 give 0.9552 / 0.9547 / 0.9520 at 30 % and
 * 0.9217 / 0.9210 / 0.9192 at 50 %; fit 0.8 / 1.2 at margin 1.5: 0.9477 / 0.9534 and 0.9217 / 0.9187.
 * At margin 1.0 one undated report of a topic's other event joins the dated story (development half
 * 0.9859 -> 0.9698); at 1.5 none does on any draw (NOTES.md, session 25).
 */
const UNDATED_DATED_FIT = 1.0;
const UNDATED_DATED_MARGIN = 1.5;
/**
 * Evidence that fits the time gap. Across days, a match keeps `timeFit(gap, k)` of its similarity:
 * 1 / (1 + gap · TIME_RATE · exp(−k / TEXT_SCALE)), k the features (terms, phrases, entity ids) of
 * the side with less text. A headline's few words match any story of the same topic (a company's
 * next announcement, the next day's market report), so a day between two headlines says more than
 * their shared words: at k = 11 (a median headline) one day keeps 0.13. A long article's words,
 * names and places are evidence enough on their own: at k = 58 (the shortest tenth of ECB+
 * articles) one day keeps 0.94, at k = 111 (the median) 1.0. The windows (`allowedGap`) still bound
 * the gap. Fitted together on the UCI half A and the ECB+ development half (NOTES.md); undated
 * articles have no gap and are not penalised.
 */
const TIME_RATE = 20;
const TEXT_SCALE = 10;

function timeFit(gap: number, keys: number, w: GroupWeights): number {
  if (gap <= 0) return 1;
  return 1 / (1 + gap * w.timeRate * Math.exp(-keys / w.textScale));
}

/**
 * The fitted weights, in one place so that a bench can cross-validate them (`GroupOptions.weights`);
 * each constant above says why it has its value. `disagreement` is disagreement.ts' `DISAGREEMENT`.
 */
export const WEIGHTS: Readonly<GroupWeights> = {
  disagreement: DISAGREEMENT,
  timeRate: TIME_RATE,
  textScale: TEXT_SCALE,
  undatedJoinCohesion: UNDATED_JOIN_COHESION,
  undatedMergeCohesion: UNDATED_MERGE_COHESION,
  undatedDatedFit: UNDATED_DATED_FIT,
  undatedDatedMargin: UNDATED_DATED_MARGIN,
  attachFactor: 0.6,
};

/** Whether an article comes before another in the pass's canonical order (time, undated last, id). */
function canonicalBefore(a: { t: number | null; f: { id: string } }, b: { t: number | null; f: { id: string } }): boolean {
  const ta = a.t ?? Number.POSITIVE_INFINITY;
  const tb = b.t ?? Number.POSITIVE_INFINITY;
  return ta < tb || (ta === tb && cmpStr(a.f.id, b.f.id) < 0);
}

/** Stories without a dated member: the only ones an undated article may join in the pass. */
const undatedStory = (s: { tMin: number | null }) => s.tMin === null;

/** Mean features per member of a story. */
function meanKeys(s: { keySum: number; members: string[] }): number {
  return s.members.length > 0 ? s.keySum / s.members.length : 0;
}

/** Days between two stories' spans (0 when they overlap or either is undated). */
function spanGap(a: { tMin: number | null; tMax: number | null }, b: { tMin: number | null; tMax: number | null }): number {
  if (a.tMin === null || a.tMax === null || b.tMin === null || b.tMax === null) return 0;
  return Math.max(0, a.tMin - b.tMax, b.tMin - a.tMax);
}

/** Weight of entity features relative to content terms. */
const ENTITY_WEIGHT = 1.0;
/** Centroid terms kept per story (pruned to PRUNE_TO when it grows past MAX_CENTROID). */
const MAX_CENTROID = 600;
const PRUNE_TO = 300;
/** Query terms used for candidate retrieval, candidates scored exactly, and a posting-size cutoff. */
const QUERY_TERMS = 12;
const MAX_CANDIDATES = 8;
const MAX_POSTING_SCAN = 600;
const MERGE_QUERY_TERMS = 12;
const MERGE_CANDIDATES = 8;
/**
 * Stories kept per LSH bucket / per exact-text key: one entry (its first member with the key) per
 * open story, so that copies of copies add nothing and a bucket's content depends only on which
 * stories are open, not on the order they closed in (the ledger rebuilds it exactly, ledger.ts).
 */
const BUCKET_CAP = 32;
const DF_BITS = 21;
/**
 * Pseudo-documents that contain none of the terms, added to the collection size in the IDF: keeps
 * terms shared by every article of a small collection from weighing nothing (a prior that any
 * given word is rare), and fades out as the collection grows.
 */
export const IDF_PRIOR_DOCS = 20;
/**
 * Terms seen in fewer than this fraction of the documents weigh as if seen in that fraction: in a
 * large collection, words that occur once or twice would otherwise dominate short texts without
 * ever matching anything. No effect on small collections.
 */
const IDF_MIN_DF_FRACTION = 0.0008;

export interface Vec {
  keys: string[];
  /** Single precision: what the ledger persists is exactly what the pass used. */
  vals: Float32Array;
}

/**
 * Dot product of an article vector (its key ids, `ids[i]` the id of `vec.keys[i]`) with a
 * centroid, and how many of the vector's keys it shares.
 */
function overlapVec(ids: Int32Array, vals: Float32Array, c: Map<number, number>): { dot: number; shared: number } {
  let dot = 0;
  let shared = 0;
  for (let i = 0; i < ids.length; i++) {
    const w = c.get(ids[i]);
    if (w !== undefined) {
      dot += vals[i] * w;
      shared++;
    }
  }
  return { dot, shared };
}

/** Dot product of two centroids (walks the smaller one, in its order; `forEach`: a `for...of` over entries made a pair per entry). */
function dotMaps(a: Map<number, number>, b: Map<number, number>): number {
  const small = a.size <= b.size ? a : b;
  const large = small === a ? b : a;
  let dot = 0;
  small.forEach((v, k) => {
    const w = large.get(k);
    if (w !== undefined) dot += v * w;
  });
  return dot;
}

/** Whether candidate `a` ranks before `b`: higher running score (`partial`), then the older story. */
const ranksBefore = (a: Story, b: Story) => a.partial > b.partial || (a.partial === b.partial && a.seq < b.seq);

/**
 * The first `k` candidates by `ranksBefore`, in that order, of those `keep` accepts: what
 * `sort((a, b) => b.partial - a.partial || a.seq - b.seq).slice(0, k)` gives (stable, like the
 * sort), without sorting every candidate. The sort copied the array and boxed a number for each
 * comparison; in `refine`, which searches again for every open article each run, that was about a
 * tenth of what a ledger run allocated.
 */
function topCandidates(found: Story[], k: number, keep?: (s: Story) => boolean): Story[] {
  const out: Story[] = [];
  for (let i = 0; i < found.length; i++) {
    const s = found[i];
    if (keep && !keep(s)) continue;
    let j = out.length;
    if (j === k) {
      if (k === 0 || !ranksBefore(s, out[k - 1])) continue;
      j = k - 1;
    }
    while (j > 0 && ranksBefore(s, out[j - 1])) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = s;
  }
  return out;
}

interface DocEntry {
  f: StoryFeatures;
  story: Story;
  vec: Vec;
  /** The index's ids of `vec.keys` (`KeyIds`), held while the entry is in the index. */
  ids: Int32Array;
  /** Day used for the time gate: publication day, else event day. */
  t: number | null;
  bands: string[] | null;
}

/** What `undoSettle` puts back of a story. */
interface StorySnapshot {
  open: boolean;
  story: Pick<Story, 'members' | 'centroid' | 'norm2' | 'keySum' | 'published' | 'tMin' | 'tMax' | 'tFrom' | 'entityDocs' | 'placeDocs' | 'venueDocs' | 'copyEdges'>;
}

interface Story {
  id: string;
  seq: number;
  members: string[];
  /** Summed member weights by key id (`KeyIds`). */
  centroid: Map<number, number>;
  norm2: number;
  /** Features (vector keys) of its members, summed: how much text a member brings on average (`timeFit`). */
  keySum: number;
  /** Members with a publication day (`datedByPublication`). */
  published: number;
  /** Range of the time evidence (publication or event days) of its members. */
  tMin: number | null;
  tMax: number | null;
  /** Start of its latest episode (`recomputeSpan`): `tMin` unless a follow-up woke it. */
  tFrom: number | null;
  entityDocs: Map<string, number>;
  placeDocs: Map<string, number>;
  /** Members per venue (see venue.ts); the most common one is the story's venue. */
  venueDocs: Map<string, number>;
  copyEdges: [string, string][];
  /** Who the story is about (disagreement.ts), derived from `entityDocs` when first asked; null after any change of members. */
  people: StoryPeople | null;
  /** What its members' main event claims name per act and role (claim-evidence.ts), made when first asked; null after any change of members. */
  claims: ClaimSummary | null;
  /** Candidate retrieval's running score (`bestStoryScored`, `mergeTarget`), valid while `mark` is the search's. */
  partial: number;
  mark: number;
}

/**
 * Integer ids for the keys (terms, phrases, '@' + entity ids) of the articles an index holds: the
 * pass looks keys up in centroids and postings many times per article (candidate retrieval, exact
 * scores, refine and merge sweeps), and a string key costs a hash read and a content comparison
 * per look-up where an integer costs neither; the strings are interned once, when an article enters.
 * An id is held by every article vector in the index that has the key (`hold`, `release`) and is
 * given back once none does and no open story posts it, so the table is bounded by the open window,
 * not the vocabulary. Ids never leave the index (the ledger persists keys), so their values decide
 * nothing: ties are broken by the key string, and maps keep insertion order whatever the ids.
 */
class KeyIds implements KeyIdCache {
  private readonly byKey = new Map<string, number>();
  private keys: (string | undefined)[] = [];
  private refs = new Int32Array(1024);
  private readonly free: number[] = [];
  /** Another table's id of each key (`KeyIdCache`), -1 when not known; valid for `extOwner`'s table. */
  private ext = new Int32Array(1024).fill(-1);
  private extOwner: object | null = null;
  /** By place in the process's key table (key-table.ts, `TermCounts.refs`): the id given to the key there, plus one (0: none). */
  private byRef = new Int32Array(1024);

  /** Keys with an id now, and the ids in use at once at most so far (the length of the arrays by id). */
  get size(): { keys: number; slots: number } {
    return { keys: this.byKey.size, slots: this.keys.length };
  }

  /** The id of a key held by some article, or -1 (then no story has it). */
  id(k: string): number {
    return this.byKey.get(k) ?? -1;
  }

  key(id: number): string {
    return this.keys[id]!;
  }

  /**
   * Ids of a vector's keys, each held once more. The vector's keys become the table's strings: an
   * article's keys are fresh strings from its stored JSON, and the open window's vectors held
   * each common key once per article (and the store's key dictionary compares by content what it
   * could compare by reference).
   */
  holdAll(keys: string[], refs?: Int32Array): Int32Array {
    const out = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      // (by the key's place in the process's key table when the caller has it: the id found there
      // counts only if it still stands for this key, since ids and places are both reused)
      const ref = refs ? refs[i] : -1;
      const seen = ref >= 0 && ref < this.byRef.length ? this.byRef[ref] - 1 : -1;
      let id = seen >= 0 && this.keys[seen] === keys[i] ? seen : this.byKey.get(keys[i]);
      if (id !== undefined) keys[i] = this.keys[id]!;
      else {
        id = this.free.length > 0 ? this.free.pop()! : this.keys.length;
        this.byKey.set(keys[i], id);
        this.keys[id] = keys[i];
        if (id >= this.refs.length) {
          const grown = new Int32Array(this.refs.length * 2);
          grown.set(this.refs);
          this.refs = grown;
          const ext = new Int32Array(grown.length).fill(-1);
          ext.set(this.ext);
          this.ext = ext;
        }
      }
      this.refs[id]++;
      out[i] = id;
      if (ref >= 0 && id !== seen) this.placeOf(ref, id);
    }
    return out;
  }

  /** Keeps `id` as the id of the key at place `ref` of the process's key table. */
  private placeOf(ref: number, id: number): void {
    if (ref >= this.byRef.length) {
      const grown = new Int32Array(Math.max(ref + 1, 2 * this.byRef.length));
      grown.set(this.byRef);
      this.byRef = grown;
    }
    this.byRef[ref] = id + 1;
  }

  /** Lets go of a vector's ids; an id no article holds is given back unless `posted` says a story still has it. */
  releaseAll(ids: Int32Array, posted: (id: number) => boolean): void {
    for (let i = 0; i < ids.length; i++) if (--this.refs[ids[i]] === 0 && !posted(ids[i])) this.drop(ids[i]);
  }

  /** Gives an id back when no article holds it (a posting list just emptied). */
  dropIfUnheld(id: number): void {
    if (this.refs[id] === 0 && this.keys[id] !== undefined) this.drop(id);
  }

  private drop(id: number): void {
    this.byKey.delete(this.keys[id]!);
    this.keys[id] = undefined;
    this.ext[id] = -1;
    this.free.push(id);
  }

  recall(id: number, key: string, owner: object): number {
    return owner === this.extOwner && this.keys[id] === key ? this.ext[id] : -1;
  }

  remember(id: number, key: string, value: number, owner: object): void {
    if (owner !== this.extOwner) {
      this.ext.fill(-1);
      this.extOwner = owner;
    }
    if (this.keys[id] === key) this.ext[id] = value;
  }
}

/**
 * The index's key ids (`KeyIds`) carrying another table's id of each key: the store's key
 * dictionary (src/store/ledger-rows.ts) writes an article's vector keys as its own ids, and with the
 * index's ids of the article (`addEntry`) it reads them here instead of looking each key string up
 * a second time. An entry stands for a key, not an id: it is read back only while the index's id
 * still has that key (ids are given back and reused) and for the same table (`owner`), so a stale
 * id or another table finds nothing (-1) and the caller looks the key up.
 */
export interface KeyIdCache {
  /** What `remember` kept for index id `id`, if it still stands for `key` and `owner` kept it; else -1. */
  recall(id: number, key: string, owner: object): number;
  remember(id: number, key: string, value: number, owner: object): void;
}

const DF_MASK = (1 << DF_BITS) - 1;

/** Document frequencies in a fixed-size hashed table: bounded memory whatever the vocabulary. */
class DocFrequencies {
  counts: Uint32Array = new Uint32Array(1 << DF_BITS);
  n = 0;
  add(keys: Iterable<string>) {
    this.n++;
    for (const k of keys) this.counts[fnv1a(k) & DF_MASK]++;
  }
  /** `add` of an article's keys, hashed once already (`termCounts`). */
  addCounted(tc: TermCounts) {
    if (!tc.unique) return this.add(new Set(tc.keys));
    this.n++;
    for (let i = 0; i < tc.slots.length; i++) this.counts[tc.slots[i]]++;
  }
  remove(keys: Iterable<string>) {
    this.n = Math.max(0, this.n - 1);
    for (const k of keys) {
      const i = fnv1a(k) & DF_MASK;
      if (this.counts[i] > 0) this.counts[i]--;
    }
  }
  idf(k: string): number {
    return this.idfAt(fnv1a(k) & DF_MASK);
  }
  idfAt(slot: number): number {
    const df = Math.max(1, this.n * IDF_MIN_DF_FRACTION, this.counts[slot]);
    // (a hashed count can exceed n when keys collide; weights stay positive so every counted key is in the vector)
    return Math.max(1e-6, Math.log((this.n + IDF_PRIOR_DOCS) / df));
  }
}

/**
 * An article's vector before IDF weighting: its keys (terms, then '@' + entity ids, as
 * `featureKeys`), their log counts (entity weight included) and frequency-table slots, and whether
 * the keys are distinct (they are, for features made by `storyFeatures`). Made once per article
 * (the ledger makes it as it reads the stored features, then drops the term list: a run holds
 * thousands of articles, and their term pairs were most of what the collector copied).
 */
export interface TermCounts {
  keys: string[];
  tf: Float64Array;
  slots: Int32Array;
  /**
   * Each key's place in the process's key table (key-table.ts), for the index's key ids
   * (`KeyIds.holdAll`): a place read instead of a string hashed. Typed arrays, like `tf` and
   * `slots`: a run holds its articles' counts from the read to the placement, and the collector
   * copies a typed array without visiting its elements.
   */
  refs: Int32Array;
  unique: boolean;
}

export function termCounts(f: StoryFeatures): TermCounts {
  const n = f.terms.length + f.entities.length;
  const keys = new Array<string>(n);
  const tf = new Float64Array(n);
  const slots = new Int32Array(n);
  const refs = new Int32Array(n);
  let i = 0;
  for (const [t, c] of f.terms) {
    keys[i] = t;
    tf[i++] = 1 + Math.log(Math.max(c, 1));
  }
  for (const [e, c] of f.entities) {
    keys[i] = '@' + e;
    tf[i++] = ENTITY_WEIGHT * (1 + Math.log(Math.max(c, 1)));
  }
  KEY_TABLE.intern(keys, slots, refs);
  return { keys, tf, slots, refs, unique: distinctKeys(keys, slots) };
}

/** The process's key strings and slots (key-table.ts): every article's keys go through it once, when read. */
const KEY_TABLE = new KeyTable(DF_MASK);

/** Stamps by (part of) a key's hash, for `distinctKeys`: 1 MB, reused by every article. */
const SEEN_BITS = 18;
const seenAt = new Uint32Array(1 << SEEN_BITS);
let seenStamp = 0;

/**
 * Whether an article's keys are distinct. Keys with different hashes are different keys, so a
 * check of the hashes settles it for nearly every article (150 keys share one of 2^18 values about
 * 4 % of the time); only then are the strings compared (a Set of every article's keys was a hash
 * insert per key, on top of the look-ups the pass does anyway).
 */
function distinctKeys(keys: string[], slots: Int32Array): boolean {
  if (++seenStamp === 0xffffffff) {
    seenAt.fill(0);
    seenStamp = 1;
  }
  const mask = (1 << SEEN_BITS) - 1;
  for (let j = 0; j < slots.length; j++) {
    const h = slots[j] & mask;
    if (seenAt[h] === seenStamp) return new Set(keys).size === keys.length;
    seenAt[h] = seenStamp;
  }
  return true;
}

function featureKeys(f: StoryFeatures): string[] {
  const keys = f.terms.map(([t]) => t);
  for (const [e] of f.entities) keys.push('@' + e);
  return keys;
}

/** The id of a story founded by this article (before collisions are numbered). */
export function storyIdFor(docId: string): string {
  const a = fnv1a(docId).toString(16).padStart(8, '0');
  const b = fnv1a(docId, 0x2545f491).toString(16).padStart(8, '0');
  return `story-${a}${b}`;
}

export class StoryIndex {
  readonly options: typeof DEFAULTS;
  /** The weights in use (`WEIGHTS` unless a bench cross-validates them). */
  private readonly w: GroupWeights;
  private readonly df = new DocFrequencies();
  private readonly docs = new Map<string, DocEntry>();
  /** Open stories in least-recently-updated order (re-inserted on update). */
  private readonly open = new Map<string, Story>();
  /** Open stories whose centroid has the key, by key id (`keyIds`). */
  private readonly postings: (Set<Story> | undefined)[] = [];
  private readonly keyIds = new KeyIds();
  /** Stamp of the current candidate search (`Story.mark`). */
  private searchMark = 0;
  private readonly buckets = new Map<string, DocEntry[]>();
  private readonly exact = new Map<string, DocEntry[]>();
  private closed: StoryGroup[] = [];
  private readonly closedByDoc = new Map<string, StoryGroup>();
  private readonly usedIds = new Set<string>();
  private seq = 0;
  /** Founder of every story made by this index (for the ledger), and the clock day each closed on. */
  private readonly founded = new Map<string, { id: string; founder: string; founderT: number | null }>();
  private readonly closedAt = new Map<string, number>();
  /** Heaviest centroid features of each story when it closed: how undated articles find it again (`reopen`). */
  private readonly closedTerms = new Map<string, string[]>();
  /** Who each story is about when it closed (`closingPeople`): the follow-up look-up tests it before reading members. */
  private readonly closedPeople = new Map<string, string[]>();
  /** Closed stories a follow-up may still wake (follow-up.ts), by id. */
  private readonly dormant = new DormantStories();
  private clock: number | null = null;
  private pendingJump: number | null = null;
  private readonly nowDay: number | null;
  /** When true, documents frequencies were seeded by `observe` and `add` does not count again. */
  private seeded = false;
  /** The step now placing articles (`traceDecisions`). */
  private step = 'join';
  /** While `settleUndoably` runs: each story as it stood before settle first touched it, and each moved article's story. */
  private journal: { stories: Map<Story, StorySnapshot>; entries: Map<DocEntry, Story> } | null = null;

  constructor(options: GroupOptions = {}) {
    this.options = { ...DEFAULTS, ...stripUndefined(options) };
    this.w = { ...WEIGHTS, ...stripUndefined(this.options.weights ?? {}) };
    this.nowDay = isoDay(this.options.now);
  }

  /**
   * Counts an article's terms in the document frequencies without grouping it. Batch grouping
   * seeds the frequencies with the whole collection first, so that the first articles are
   * weighed like the last; after `observe`, `add` does not count the article again.
   */
  observe(f: StoryFeatures, tc?: TermCounts): void {
    this.seeded = true;
    if (tc) this.df.addCounted(tc);
    else this.df.add(new Set(featureKeys(f)));
  }

  /** Ids of the articles of the open stories (what a kept pass index holds: ledger.ts `KeptPass`). */
  openArticles(): string[] {
    return [...this.docs.keys()];
  }

  /** Number of open stories (in memory) and of documents in them. */
  get size(): { openStories: number; openDocs: number; closedPending: number } {
    return { openStories: this.open.size, openDocs: this.docs.size, closedPending: this.closed.length };
  }

  /** The key table (`KeyIds`, read-only): keys with an id now, and the most ids in use at once so far. */
  get keyTable(): { keys: number; slots: number } {
    return this.keyIds.size;
  }

  /** The index's key ids as a cache of another table's ids (`KeyIdCache`: the store's key dictionary at a ledger commit). */
  get keyIdCache(): KeyIdCache {
    return this.keyIds;
  }

  /** Adds an article; returns the id of the story it joined or founded. Adding a known id again is a no-op. */
  add(f: StoryFeatures): string {
    return this.addEntry(f).storyId;
  }

  /**
   * Adds an article and says what happened: the story it joined or founded, the article it is a
   * copy of (or null), its TF-IDF vector, the index's ids of the vector's keys (valid while the
   * article is in the index: `KeyIdCache`) and its features without terms (what the ledger persists
   * to rebuild the story later). `tc`: the article's `termCounts`, when the caller made them (its
   * `f.terms` may then be empty).
   */
  addEntry(f: StoryFeatures, tc?: TermCounts): { storyId: string; copyOf: string | null; vec: Vec; ids: Int32Array; lite: StoryFeatures } {
    const known = this.docs.get(f.id);
    if (known) return { storyId: known.story.id, copyOf: null, vec: known.vec, ids: known.ids, lite: known.f };
    const closedKnown = this.closedByDoc.get(f.id);
    if (closedKnown) return { storyId: closedKnown.id, copyOf: null, vec: { keys: [], vals: new Float32Array(0) }, ids: new Int32Array(0), lite: { ...f, terms: [], messages: [] } };

    const day = this.publicationDay(f);
    const t = day ?? f.eventDay;
    if (day !== null) this.advanceClock(day);

    if (!tc) tc = termCounts(f);
    if (!this.seeded) this.df.addCounted(tc);
    const { refs, ...vec } = this.vector(tc);
    // keep what later steps need, not the terms (they live on in the centroid and `vec`; the ledger's are gone already)
    const lite: StoryFeatures = f.terms?.length === 0 && f.messages?.length === 0 ? f : { ...f, terms: [], messages: [] };
    const entry: DocEntry = { f: lite, story: undefined as unknown as Story, vec, ids: this.keyIds.holdAll(vec.keys, refs), t, bands: null };

    // 1. copies: same normalised text, or a near-duplicate sketch
    let copyOf: DocEntry | null = null;
    const sameText = f.words > 0 ? this.exact.get(f.textHash) : undefined;
    if (sameText) copyOf = sameText.find((d) => this.timeCompatible(t, d.story, true)) ?? null;
    if (!copyOf && f.sketch && f.status === 'ok' && f.words >= 5) {
      entry.bands = bandKeys(f.sketch);
      let best = 0;
      const seen = new Set<string>();
      for (const key of entry.bands) {
        const bucket = this.buckets.get(key);
        if (!bucket) continue;
        for (const d of bucket) {
          if (seen.has(d.f.id)) continue;
          seen.add(d.f.id);
          if (!d.f.sketch) continue;
          const j = jaccard(f.sketch, d.f.sketch);
          if (j >= this.options.copyThreshold && j > best && this.timeCompatible(t, d.story, true)) {
            best = j;
            copyOf = d;
          }
        }
      }
    }

    // 2. otherwise the most similar open story, if similar enough
    let story: Story | null = copyOf ? copyOf.story : null;
    // (an undated article joins undated stories here, or a dated one it fits as that story's members
    // fit each other and clearly better (`undatedJoin`); `settle` merges the rest when their members
    // agree as a group, which one article's words cannot show)
    if (!story && f.status === 'ok') story = t === null ? this.undatedJoin(entry, f) : (this.bestStoryScored(entry, t, null, this.options.threshold, f)?.story ?? null);
    // (a story without a published member, founded at the event day an undated text names, is no time
    // evidence: a dated follow-up looks for the dormant story it follows up first, as it would alone)
    const joined = story;
    if (story !== null && copyOf === null && story.published === 0 && f.status === 'ok') story = this.wake(entry, tc) ?? story;
    if (!story && f.status === 'ok') story = this.wake(entry, tc);
    const woken = story !== null && story !== joined;
    if (!story) story = this.newStory(f.id, t, f.inheritsStoryId);

    this.step = copyOf ? 'copy' : woken ? 'wake' : story.members.length === 0 ? 'found' : t === null ? 'join undated' : 'join';
    this.register(entry, story, copyOf?.f.id ?? null);
    this.enforceCap();
    return { storyId: story.id, copyOf: copyOf?.f.id ?? null, vec, ids: entry.ids, lite };
  }

  /**
   * The story an article without any date joins in the pass: the undated story it fits best, unless
   * a dated story (two or more members) fits it as well as that story's members fit each other
   * (`relativeFit` ≥ `undatedDatedFit`) and `undatedDatedMargin` times better than the undated
   * story does (a one-article undated story has no cohesion to weigh it by). Why: reports that lost their date pile up with a topic's other event's undated
   * reports (the only stories they may join), and the pile then takes their dated story in
   * `settle`; their own event's dated story is the one they fit as its members do. Sizes do not
   * count (fits relative to each story's cohesion: a centroid's cosine grows with the story). With
   * no undated story to weigh against, the article founds one: a single fit is no evidence of
   * which of two similar events it tells.
   */
  private undatedJoin(entry: DocEntry, f: StoryFeatures): Story | null {
    // (one search, scored twice: the undated stories and the dated ones)
    const found = this.found(entry, null);
    const pile = this.bestAmong(found, entry, null, null, this.options.threshold, f, undatedStory);
    if (pile === null) return null;
    const dated = this.bestAmong(found, entry, null, null, this.options.threshold, f, (s) => s.published > 0 && s.members.length > 1);
    if (dated === null) return pile.story;
    const fit = (c: { story: Story; score: number }) => this.relativeFit(this.meanCosine(c.score, c.story), c.story);
    const datedFit = fit(dated);
    if (datedFit < this.w.undatedDatedFit) return pile.story;
    return pile.story.members.length > 1 && datedFit <= this.w.undatedDatedMargin * fit(pile) ? pile.story : dated.story;
  }

  /** Puts an article into a story: membership, centroid, copy link, exact-text and LSH keys. */
  private register(entry: DocEntry, story: Story, copyOf: string | null): void {
    entry.story = story;
    this.docs.set(entry.f.id, entry);
    this.join(story, entry);
    if (copyOf !== null) story.copyEdges.push([copyOf, entry.f.id]);
    if (entry.f.words > 0) pushCapped(this.exact, entry.f.textHash, entry);
    if (entry.bands) for (const key of entry.bands) pushCapped(this.buckets, key, entry);
  }

  /**
   * Rebuilds open stories as they stood at some point of a canonical-order pass (see ledger.ts):
   * stories in the order they were founded, each with its members in canonical order, their
   * persisted vectors and copy links. Nothing is searched: members go where they were.
   */
  restore(stories: { id: string; members: { f: StoryFeatures; vec: Vec; t: number | null; copyOf: string | null }[] }[]): void {
    // (a story rebuilt as it stood: no decision, `traceDecisions`)
    this.step = 'restore';
    for (const r of stories) {
      const story = this.newStory(r.members[0]?.f.id ?? r.id, r.members[0]?.t ?? null, r.members[0]?.f.inheritsStoryId);
      for (const m of r.members) {
        // (the ledger keeps its articles without terms already: no copy)
        const lite: StoryFeatures = m.f.terms?.length === 0 && m.f.messages?.length === 0 ? m.f : { ...m.f, terms: [], messages: [] };
        const bands = m.f.sketch && m.f.status === 'ok' && m.f.words >= 5 ? bandKeys(m.f.sketch) : null;
        this.register({ f: lite, story, vec: m.vec, ids: this.keyIds.holdAll(m.vec.keys), t: m.t, bands }, story, m.copyOf);
      }
    }
  }

  /**
   * Brings closed stories back so that undated articles can join them (an undated article has no
   * time to say which window it belongs to, so a story that closed before it was placed is still a
   * candidate). They keep their closing day and signature; they take no dated article.
   */
  reopen(stories: { id: string; closedAt: number; terms: string[]; people?: string[] | null; members: { f: StoryFeatures; vec: Vec; t: number | null; copyOf: string | null }[] }[]): void {
    const ids = new Set(stories.map((x) => x.id));
    this.closed = this.closed.filter((g) => !ids.has(g.id));
    for (const x of stories) for (const m of x.members) this.closedByDoc.delete(m.f.id);
    this.restore(stories);
    for (const x of stories) {
      this.closedAt.set(x.id, x.closedAt);
      this.closedTerms.set(x.id, x.terms);
      if (x.people) this.closedPeople.set(x.id, x.people);
    }
  }

  /** The `n` heaviest features of an article's vector under the current frequencies (ties: by key). */
  queryKeys(f: StoryFeatures, n: number, tc: TermCounts = termCounts(f)): string[] {
    const v = this.vector(tc);
    return v.keys
      .map((k, i) => [k, v.vals[i]] as const)
      .sort((a, b) => b[1] - a[1] || cmpStr(a[0], b[0]))
      .slice(0, n)
      .map((x) => x[0]);
  }

  /**
   * Sets the document frequencies (a ledger's persisted table); `add` then no longer counts articles
   * itself. Copied: taking the caller's table over saved nothing measurable and raised the ledger
   * stream's peak RSS from 869 to 1,155 MB at 100k (the copies are external memory, whose growth
   * makes V8 collect the old generation sooner).
   */
  loadFrequencies(n: number, counts: Uint32Array): void {
    this.seeded = true;
    this.df.n = n;
    this.df.counts.set(counts.subarray(0, this.df.counts.length));
  }

  /** The document frequency table and collection size (copied). */
  frequencies(): { n: number; counts: Uint32Array } {
    return { n: this.df.n, counts: this.df.counts.slice() };
  }

  /**
   * The document frequency table itself, not a copy: valid until the index next counts an article.
   * A ledger commit reads it once (8 MB copied per run, external memory that brought the old
   * generation's collections forward, for a read).
   */
  frequencyTable(): { n: number; counts: Uint32Array } {
    return { n: this.df.n, counts: this.df.counts };
  }

  /** Takes an article's terms out of the document frequencies (the ledger replays it). */
  unobserve(keys: string[]): void {
    this.df.remove(new Set(keys));
  }

  /**
   * Sets the stream's clock to where it stood after articles with the given publication days
   * (ascending, with counts) had been added; closes nothing. The ledger calls it before `restore`.
   */
  restoreClock(days: [number, number][]): void {
    for (const [day, count] of days) for (let i = 0; i < count; i++) this.tick(day);
  }

  /**
   * The pass stories (before `settle`): every open story and every story closed since this index
   * was made, with its founder and the clock day it closed on (null while open).
   */
  passStories(): { id: string; founder: string; founderT: number | null; closedAt: number | null; terms: string[] | null; people: string[] | null }[] {
    const out = [...this.founded.values()].map((x) => ({ ...x, closedAt: this.closedAt.get(x.id) ?? null, terms: this.closedTerms.get(x.id) ?? null, people: this.closedPeople.get(x.id) ?? null }));
    return out.filter((x) => this.open.has(x.id) || this.closedAt.has(x.id));
  }

  /**
   * Removes an article. Its weight leaves the story centroid and its copy links go; the story is
   * not re-split here (`regroup` does that). An emptied story disappears.
   */
  remove(docId: string): void {
    const entry = this.docs.get(docId);
    if (!entry) {
      const g = this.closedByDoc.get(docId);
      if (g) {
        this.closedByDoc.delete(docId);
        g.members = g.members.filter((m) => m !== docId);
        for (const c of g.copies) c.splice(0, c.length, ...c.filter((m) => m !== docId));
        g.copies = g.copies.filter((c) => c.length > 1);
        if (g.members.length === 0) this.closed = this.closed.filter((x) => x !== g);
      }
      return;
    }
    this.docs.delete(docId);
    this.dropFromBuckets(entry);
    this.detach(entry);
    this.releaseIds(entry);
    if (!this.seeded) this.df.remove(new Set(entry.vec.keys));
  }

  /**
   * Regroups the members of one open story on their own, as a batch run over just them would
   * (single pass in canonical order, copies kept together, then merges): after an article that
   * held two groups together is removed, the story splits. The largest part keeps the story's id;
   * the others become new stories. Returns the ids of the parts (the kept one first); the story's
   * id alone when it does not split, [] when it is unknown or closed.
   */
  regroup(storyId: string): string[] {
    const s = this.open.get(storyId);
    if (!s) return [];
    if (s.members.length < 2) return [s.id];
    const entries = s.members.map((m) => this.docs.get(m)!).filter(Boolean);
    entries.sort((a, b) => (a.f.day ?? Number.POSITIVE_INFINITY) - (b.f.day ?? Number.POSITIVE_INFINITY) || cmpStr(a.f.id, b.f.id));
    // copies stay together: each copy group is one unit, placed by its first member
    const copies = unionFind();
    for (const e of entries) copies.add(e.f.id);
    for (const [a, b] of s.copyEdges) if (copies.parent.has(a) && copies.parent.has(b)) copies.union(a, b);
    interface Part {
      entries: DocEntry[];
      c: Map<number, number>;
      n2: number;
    }
    const parts: Part[] = [];
    const partOf = new Map<string, Part>();
    const add = (p: Part, e: DocEntry) => {
      p.entries.push(e);
      for (let i = 0; i < e.ids.length; i++) {
        const old = p.c.get(e.ids[i]) ?? 0;
        const nv = old + e.vec.vals[i];
        p.c.set(e.ids[i], nv);
        p.n2 += nv * nv - old * old;
      }
    };
    for (const e of entries) {
      const root = copies.find(e.f.id);
      let target = partOf.get(root);
      if (!target && e.f.status === 'ok') {
        let best = this.options.threshold;
        for (const p of parts) {
          const { dot, shared } = overlapVec(e.ids, e.vec.vals, p.c);
          const cos = dot / Math.sqrt(p.n2 || 1);
          if ((shared >= MIN_SHARED_FEATURES || p.entries.length === 1) && cos >= best && (target === undefined || cos > best)) {
            best = cos;
            target = p;
          }
        }
      }
      if (!target) parts.push((target = { entries: [], c: new Map(), n2: 0 }));
      add(target, e);
      if (!partOf.has(root)) partOf.set(root, target);
    }
    // merge parts whose centroids are as similar as an article joining a story must be: the bar
    // that held them together in the pass (the merge threshold of `consolidate` is higher, and would
    // split a story whose bridge is still there)
    // (a sweep goes on after a merge instead of starting over: quadratic per sweep, not cubic)
    const bar = Math.min(this.options.threshold, this.options.mergeThreshold);
    for (let changed = true; changed && parts.length > 1; ) {
      changed = false;
      for (let i = 0; i < parts.length; i++)
        for (let j = i + 1; j < parts.length; j++) {
          if (dotMaps(parts[i].c, parts[j].c) / Math.sqrt((parts[i].n2 || 1) * (parts[j].n2 || 1)) < bar) continue;
          for (const e of parts[j].entries) add(parts[i], e);
          parts.splice(j--, 1);
          changed = true;
        }
    }
    if (parts.length === 1) return [s.id];
    // the largest part (ties: the one holding the earliest member) stays; the others move out
    parts.sort((a, b) => b.entries.length - a.entries.length || cmpStr(a.entries[0].f.id, b.entries[0].f.id));
    const ids = [s.id];
    for (const p of parts.slice(1)) {
      const moving = new Set(p.entries.map((e) => e.f.id));
      const edges = s.copyEdges.filter(([a]) => moving.has(a));
      for (const e of p.entries) this.detach(e);
      const fresh = this.newStory(p.entries[0].f.id);
      for (const e of p.entries) {
        e.story = fresh;
        this.join(fresh, e);
      }
      fresh.copyEdges.push(...edges);
      ids.push(fresh.id);
    }
    return ids;
  }

  /** Closed stories not yet drained, then open ones, sorted by (start, first member). */
  stories(): StoryGroup[] {
    const out = [...this.closed, ...[...this.open.values()].map((s) => this.summarise(s))];
    return sortGroups(out);
  }

  /** Hands over the closed stories and forgets them (the caller persists them). */
  drainClosed(): StoryGroup[] {
    const out = sortGroups(this.closed);
    for (const g of out) {
      this.founded.delete(g.id);
      this.closedAt.delete(g.id);
      this.closedTerms.delete(g.id);
      this.closedPeople.delete(g.id);
    }
    this.closed = [];
    this.closedByDoc.clear();
    // (closed stories are the caller's now: none wakes here again; the ledger reads them back, ledger-follow-up.ts)
    this.dormant.clear();
    return out;
  }

  /**
   * Merges open stories whose centroids are similar (cosine ≥ `mergeThreshold`) and whose time
   * windows meet: single-pass assignment fragments a story when its first articles share few words;
   * this repairs it. Older stories absorb younger ones (ids stay with the oldest). Rounds repeat
   * until nothing merges (at most `rounds`). Returns the number of merges.
   */
  consolidate(rounds = 4): number {
    let merges = 0;
    for (let r = 0; r < rounds; r++) {
      let changed = 0;
      const order = [...this.open.values()].sort((a, b) => a.seq - b.seq);
      for (const s of order) {
        if (!this.open.has(s.id) || s.members.length === 0) continue;
        const target = this.mergeTarget(s);
        if (target) {
          this.merge(target, s);
          changed++;
        }
      }
      merges += changed;
      if (changed === 0) break;
    }
    return merges;
  }

  /**
   * Leave-one-out similarity of each member to the rest of its story (cosine of the member's
   * vector with the centroid minus that vector), in member order.
   */
  cohesion(storyId: string): { id: string; loo: number }[] {
    const s = this.open.get(storyId);
    if (!s) return [];
    return s.members.map((m) => ({ id: m, loo: this.loo(this.docs.get(m)!, s) }));
  }

  private loo(e: DocEntry, s: Story): number {
    let dot = 0;
    let n2 = s.norm2;
    for (let i = 0; i < e.ids.length; i++) {
      const c = s.centroid.get(e.ids[i]) ?? 0;
      const v = e.vec.vals[i];
      const rest = Math.max(0, c - v);
      dot += v * rest;
      n2 += rest * rest - c * c;
    }
    return n2 > 1e-12 ? dot / Math.sqrt(n2) : 0;
  }

  /** Closes every open story (end of a batch run or of a stream). */
  closeAll(): void {
    for (const s of [...this.open.values()]) this.close(s);
  }

  // ---------------------------------------------------------------------------------------------

  private vector(tc: TermCounts): Vec & { refs: Int32Array } {
    // (the weights before and after normalising and the compacted keys go through scratch arrays
    // reused by every article: only the vector itself, of its final size, is made per article)
    const m = tc.keys.length;
    const s = vectorScratch(m);
    const vals = s.f64;
    let n = 0;
    let n2 = 0;
    for (let i = 0; i < m; i++) {
      const w = tc.tf[i] * this.df.idfAt(tc.slots[i]);
      vals[i] = w;
      if (w <= 0) continue;
      n++;
      n2 += w * w;
    }
    const norm = Math.sqrt(n2) || 1;
    const { keys, f32: weights, i32: refs } = s;
    // single precision: what the ledger persists is exactly what the pass used
    for (let i = 0, j = 0; i < m; i++) {
      if (vals[i] <= 0) continue;
      keys[j] = tc.keys[i];
      refs[j] = tc.refs[i];
      weights[j++] = vals[i] / norm;
    }
    return byWeight(keys, weights, refs, n);
  }

  private allowedGap(s: Story): number {
    const dur = s.tMin !== null && s.tMax !== null ? s.tMax - s.tMin : 0;
    return Math.min(this.options.maxWindowDays, this.options.windowDays + dur * 0.5);
  }

  private timeCompatible(t: number | null, s: Story, copy = false): boolean {
    if (t === null || s.tMin === null || s.tMax === null) return true;
    if (!this.open.has(s.id)) return false;
    const gap = Math.max(0, s.tMin - t, t - s.tMax);
    return gap <= (copy ? this.options.maxWindowDays : this.allowedGap(s));
  }

  /**
   * The story's venue: the venue most of its members with one share (ties: alphabetical), or
   * null when none of them names one.
   */
  private venueOf(s: Story): string | null {
    let best: string | null = null;
    let n = 0;
    for (const [v, c] of s.venueDocs) if (c > n || (c === n && best !== null && v < best)) [best, n] = [v, c];
    return best;
  }

  /**
   * Different venues mean different events: an article whose venue is known joins no story with
   * another known venue (a summit in Moscow and one in Beijing a year apart share most words).
   * Copies are grouped before this gate, so a syndicated copy is never split off by it. (Tried as
   * soft evidence like `otherPeople`, halving the similarity: the undated Beijing seed then joins
   * the Moscow ones, whose words it shares almost all of.)
   */
  private venueCompatible(venue: string | null | undefined, s: Story): boolean {
    if (!venue) return true;
    const sv = this.venueOf(s);
    return sv === null || sv === venue;
  }

  private bestStoryScored(e: { vec: Vec; ids: Int32Array }, t: number | null, exclude: Story | null, min: number, f: StoryFeatures | null = null, only: ((s: Story) => boolean) | null = null): { story: Story; score: number } | null {
    return this.bestAmong(this.found(e, exclude), e, t, exclude, min, f, only);
  }

  /** Open stories sharing a query term with the article, each with its partial score (`partial`), valid until the next search. */
  private found(e: { vec: Vec; ids: Int32Array }, exclude: Story | null): Story[] {
    // query terms by weight (vectors are made heaviest first: `byWeight`); candidate stories through postings
    const { vec, ids } = e;
    const order = heaviestFirst(vec);
    const mark = ++this.searchMark;
    const found: Story[] = [];
    let used = 0;
    for (let j = 0; j < order.length; j++) {
      const i = order[j];
      if (used >= QUERY_TERMS) break;
      const p = this.postings[ids[i]];
      // (a term only the article's own story holds finds no other story: not a query term, or a
      // one-article story's heaviest terms, posted to itself alone, left refine and attach blind)
      if (!p || (exclude !== null && p.size === 1 && p.has(exclude))) continue;
      used++;
      if (p.size > MAX_POSTING_SCAN) continue;
      for (const s of p) {
        const c = s.centroid.get(ids[i]) ?? 0;
        const x = (vec.vals[i] * c) / Math.sqrt(s.norm2 || 1);
        if (s.mark === mark) s.partial += x;
        else {
          s.mark = mark;
          s.partial = x;
          found.push(s);
        }
      }
    }
    return found;
  }

  /** `bestStoryScored` over the stories one search found (`found`): the article's best story among them, if any. */
  private bestAmong(found: Story[], e: { vec: Vec; ids: Int32Array }, t: number | null, exclude: Story | null, min: number, f: StoryFeatures | null, only: ((s: Story) => boolean) | null): { story: Story; score: number } | null {
    const candidates = topCandidates(found, MAX_CANDIDATES, (s) => s !== exclude && (only === null || only(s)));
    if (candidates.length === 0) return null;
    const dated = f !== null ? this.datedByPublication(f) : t !== null;
    let best: Story | null = null;
    let bestScore = min;
    for (const s of candidates) {
      if (!this.timeCompatible(t, s) || !this.venueCompatible(f?.venue, s)) continue;
      // other people than the story's (disagreement.ts): the rest must agree twice as strongly
      let score = this.score(e, t, s) * (f !== null && otherPeople(f, this.peopleOf(s)) ? this.w.disagreement : 1);
      // across the line between dated and undated, an event on another weekday (weekday.ts): the rest must agree twice as strongly
      if (f !== null && dated !== s.published > 0 && score >= this.cohesionBar(s) && weekdaysApart(this.eventWeekday(f), this.weekdayOf(s))) score *= this.w.disagreement;
      // where no date separates them, one act done by or to other named participants (claim-evidence.ts): the rest must agree twice as strongly
      if (f !== null && !(dated && s.published > 0) && f.claims && claimsDisagree(claimSummary([f.claims]), this.claimsOf(s), 1, s.members.length)) score *= this.w.disagreement;
      // (an article and a story that are not both dated by publication: time cannot vouch, the content must)
      if ((!dated || s.published === 0) && score < this.cohesionBar(s)) continue;
      if (score >= bestScore && (best === null || score > bestScore || s.seq < best.seq)) {
        best = s;
        bestScore = score;
      }
    }
    return best ? { story: best, score: bestScore } : null;
  }

  /**
   * Settles the open stories the way batch grouping does: merge fragments (`consolidate`),
   * reassign stragglers (`refine`), merge again, hand small fragments to larger stories
   * (`attachFragments`) and merge once more if any moved. Call it at the end of a run, or periodically in a
   * stream; between calls `add` gives provisional single-pass assignments.
   */
  settle(): void {
    this.step = 'merge 1';
    this.consolidate();
    this.step = 'refine';
    this.refine();
    this.step = 'weekday';
    this.rejoinByWeekday();
    this.step = 'merge 2';
    this.consolidate();
    this.step = 'attach';
    const attached = this.attachFragments();
    this.step = 'merge 3';
    if (attached > 0) this.consolidate();
    this.step = 'join';
  }

  /**
   * `settle`, keeping what it changes so that `undoSettle` can give back the pass state (the ledger
   * keeps a process's pass index between runs, ledger.ts `KeptPass`: the next run continues the
   * pass, not the settled stories). Each story is copied the first time settle touches it, so the
   * cost is that of the stories settle changes, not of the index.
   */
  settleUndoably(): void {
    this.journal = { stories: new Map(), entries: new Map() };
    this.settle();
  }

  /**
   * Puts back every story and article `settleUndoably` changed: the same members, centroids (the
   * same maps, in the same order), spans, counts and postings, and the stories merged away open
   * again. Only the least-recently-updated order of the open stories is not restored (it matters
   * past `maxOpenStories` only, where a rebuilt index does not reproduce it either: README).
   */
  undoSettle(): void {
    const j = this.journal;
    if (!j) return;
    this.journal = null;
    for (const [s, was] of j.stories) {
      for (const k of s.centroid.keys()) this.unpost(k, s);
      Object.assign(s, was.story);
      s.people = null;
      s.claims = null;
      if (!was.open) continue;
      for (const k of s.centroid.keys()) this.post(k, s);
      this.open.set(s.id, s);
      this.usedIds.add(s.id);
    }
    for (const [e, s] of j.entries) e.story = s;
  }

  /** Before settle changes a story: its state, once (see `settleUndoably`). */
  private touch(s: Story): void {
    if (!this.journal || this.journal.stories.has(s)) return;
    const { members, centroid, norm2, keySum, published, tMin, tMax, tFrom, entityDocs, placeDocs, venueDocs, copyEdges } = s;
    this.journal.stories.set(s, {
      open: this.open.get(s.id) === s,
      story: { members: [...members], centroid: new Map(centroid), norm2, keySum, published, tMin, tMax, tFrom, entityDocs: new Map(entityDocs), placeDocs: new Map(placeDocs), venueDocs: new Map(venueDocs), copyEdges: [...copyEdges] },
    });
  }

  /** Before settle moves an article: its story, once. */
  private moving(e: DocEntry): void {
    if (this.journal && !this.journal.entries.has(e)) this.journal.entries.set(e, e.story);
  }

  /**
   * Small stories (at most `maxSize` members) give their members to the most similar larger story
   * when that similarity reaches `factor × threshold`: a fragment that found no partner in the
   * single pass usually belongs to the nearest larger story (short headlines share few words with
   * any one article but more with a story's centroid). A fragment that is one copy group (a wire
   * text and its reprints) moves whole, by its original's fit (`attachCopies`); one holding copies
   * and other articles stays. Part of `settle`. Returns the number of moves.
   */
  attachFragments(maxSize = FRAGMENT_SIZE, factor = this.w.attachFactor): number {
    let moves = 0;
    const order = [...this.open.values()].sort((a, b) => a.seq - b.seq);
    // (a copy group whose best story was no larger looks again at the end: that story, a fragment
    // itself, may have joined a larger one since)
    const again: Story[] = [];
    for (const s of order) {
      if (!this.open.has(s.id) || s.members.length > maxSize) continue;
      if (s.copyEdges.length > 0) {
        // (one copy group is one source: it moves whole, as an article of one)
        if (s.copyEdges.length === s.members.length - 1) {
          const moved = this.attachCopies(s, this.options.threshold * factor);
          if (moved === 0) again.push(s);
          moves += moved;
        }
        continue;
      }
      for (const m of [...s.members]) {
        const e = this.docs.get(m);
        if (e?.f.status !== 'ok') continue;
        const other = this.fittestStory(e, s, this.options.threshold * factor);
        if (other === null || other.story.members.length <= s.members.length) continue;
        // across the line between dated and undated, time cannot vouch for the move, and a fragment
        // of several articles is a story of its own, whose members would pass the bar one at a time:
        // a member crosses only when it fits the other story better than the rest of its own, each
        // fit measured against that story's own cohesion (`relativeFit`)
        const crossing = !this.datedByPublication(e.f) !== (other.story.published === 0);
        if (crossing && s.members.length > 1 && this.relativeFit(this.meanCosine(other.score, other.story), other.story) < this.relativeFit(this.looMean(e, s), s)) continue;
        this.detach(e);
        e.story = other.story;
        this.join(other.story, e);
        moves++;
      }
    }
    for (const s of again) if (this.open.has(s.id)) moves += this.attachCopies(s, this.options.threshold * factor);
    return moves;
  }

  /**
   * The story a fragment's member should go to (`attachFragments`): the most similar one, except that
   * an article without a publication day, whose best story has dated members (or none), weighs it
   * against the best larger story of the other kind by how alike it is to each story's members
   * against how alike they are to each other (`relativeFit`), not by centroid cosine. Why: time
   * cannot tell which of a topic's two events an undated report tells, and a centroid's cosine grows
   * with the story's size, so the larger of the two (often the other event's undated reports, which
   * meet no time window and pile up) took the undated reports of the smaller dated one. Dated
   * articles keep the cosine: their stories meet inside one time window (and the size-neutral choice
   * for every article cost UCI half A 0.0017). When the best story is no larger than the article's
   * own fragment, nothing moves, as before.
   */
  private fittestStory(e: DocEntry, s: Story, min: number): { story: Story; score: number } | null {
    const best = this.bestStoryScored(e, e.t, s, min, e.f);
    if (best === null || this.datedByPublication(e.f) || best.story.members.length <= s.members.length) return best;
    const dated = best.story.published > 0;
    const alt = this.bestStoryScored(e, e.t, s, min, e.f, (x) => x.published > 0 !== dated && x.members.length > s.members.length);
    if (alt === null) return best;
    const fit = (c: { story: Story; score: number }) => this.relativeFit(this.meanCosine(c.score, c.story), c.story);
    return fit(alt) > fit(best) ? alt : best;
  }

  /**
   * A fragment that is one copy group joins the story its original fits best, its copies with it
   * (`attachFragments`). Before, copies kept a fragment out of `attachFragments`, and a merge
   * (`crossCohesive`) reads a copy pair's near-identity as a within-story cohesion the other story
   * cannot match: two reprints of an undated report stayed beside their event's story. Not into a
   * story about other people (`otherPeople`): a copy group is a story's core, and a larger story
   * of the same topic that names other protagonists is another event (disagreement.test.ts).
   */
  private attachCopies(s: Story, min: number): number {
    const e = this.docs.get(s.members[0]);
    if (e?.f.status !== 'ok') return 0;
    const other = this.bestStoryScored(e, e.t, s, min, e.f);
    // (a larger story about other people, `otherPeople`, is another event of the topic: the group keeps its own)
    if (other === null || other.story.members.length <= s.members.length || otherPeople(e.f, this.peopleOf(other.story))) return 0;
    const edges = [...s.copyEdges];
    const members = [...s.members];
    this.step = 'attach copies';
    for (const m of members) {
      const x = this.docs.get(m);
      if (!x) continue;
      this.detach(x);
      x.story = other.story;
      this.join(other.story, x);
    }
    other.story.copyEdges.push(...edges);
    this.step = 'attach';
    return members.length;
  }

  /**
   * A second look at the end of a time step: an article of the step that founded a story and is
   * still alone in it joins the open story it now fits best, if any reaches `threshold` (as it
   * would have on arrival), with every gate of the pass, when it is a long text (`FOLLOW_UP_KEYS`
   * features: its words are evidence without time; a headline's few words match any story of its
   * topic, and its second look cost UCI half A 0.0019: headlines are left to `settle`). Why: the articles of a step are placed
   * in id order, so the first report of an event may come before the story that the step's later
   * reports build, and meet only its first article (too few words in common); `refine` repairs
   * such choices only for the stories still open when the run settles, and a step's stories often
   * close before that. Dated steps only: undated articles' stories never close, and `settle`
   * reviews them every run. A story founded after the article's own (by a later article of the
   * step) comes to the article's story rather than the article to it, and one founded before takes
   * it in canonical order (`joinInOrder`): a story's founder and its members' order stay what the
   * ledger restores. Returns the articles moved and their stories, so the ledger records where they
   * are; batch and runs place a step whole.
   */
  rejoinStep(ids: string[]): Map<string, string> {
    this.step = 'rejoin';
    const moved = new Map<string, string>();
    const step = new Set(ids);
    for (const id of ids) {
      const e = this.docs.get(id);
      if (!e || e.t === null || e.story.members.length !== 1 || e.f.status !== 'ok' || e.f.inheritsStoryId !== undefined || e.vec.keys.length < FOLLOW_UP_KEYS) continue;
      const own = e.story;
      // (a story founded after its own holds only this step's later articles: a woken story, with older members, is left out)
      const other = this.bestStoryScored(e, e.t, own, this.options.threshold, e.f, (s) => s.seq < own.seq || s.members.every((m) => step.has(m)));
      if (!other) continue;
      // a story's founder stays its first member in canonical order, as the ledger names and orders
      // the stories it restores (`restore`): a story founded after this article's comes to it
      if (other.story.seq > own.seq) {
        const kept = this.merge(own, other.story);
        for (const m of kept.members) moved.set(m, kept.id);
        continue;
      }
      this.detach(e);
      e.story = other.story;
      this.joinInOrder(other.story, e);
      moved.set(id, other.story.id);
    }
    return moved;
  }

  /**
   * Joins an article to a story as a pass in canonical order would have: when a member comes after
   * it, the story is rebuilt with its members in that order (a centroid's sums, and its keys' order,
   * are those the ledger's `restore` makes).
   */
  private joinInOrder(s: Story, e: DocEntry): void {
    const entries = s.members.map((m) => this.docs.get(m)).filter((x): x is DocEntry => x !== undefined);
    if (entries.every((x) => canonicalBefore(x, e))) {
      this.join(s, e);
      return;
    }
    entries.push(e);
    entries.sort((a, b) => (canonicalBefore(a, b) ? -1 : 1));
    for (const k of s.centroid.keys()) this.unpost(k, s);
    Object.assign(s, { members: [], centroid: new Map(), norm2: 0, keySum: 0, published: 0, tMin: null, tMax: null, tFrom: null, entityDocs: new Map(), placeDocs: new Map(), venueDocs: new Map(), people: null, claims: null });
    for (const x of entries) this.join(s, x);
  }

  /**
   * Reassignment (one k-means-like sweep per round): an article that is not anchored by copies
   * moves to another open story when it is more similar to that story than to the rest of its
   * own (by `margin`), and at least `threshold` similar. Repairs early single-pass decisions taken
   * before the story had taken shape. Returns the number of moves.
   */
  refine(rounds = 2, margin = 0.02): number {
    let moves = 0;
    for (let r = 0; r < rounds; r++) {
      let changed = 0;
      const order = [...this.open.values()].sort((a, b) => a.seq - b.seq);
      for (const s of order) {
        const anchored = new Set<string>();
        for (const [a, b] of s.copyEdges) {
          anchored.add(a);
          anchored.add(b);
        }
        for (const m of [...s.members]) {
          if (anchored.has(m)) continue;
          const e = this.docs.get(m);
          if (!e || e.story !== s || e.f.status !== 'ok') continue;
          const own = s.members.length > 1 ? this.loo(e, s) : 0;
          const other = this.bestStoryScored(e, e.t, s, Math.max(this.options.threshold, own + margin), e.f);
          if (!other) continue;
          this.detach(e);
          e.story = other.story;
          this.join(other.story, e);
          changed++;
        }
      }
      moves += changed;
      if (changed === 0) break;
    }
    return moves;
  }

  /**
   * An undated report in a story with no dated member moves to the dated story whose event took
   * place on the weekday its text names ("fired on Saturday"), when that weekday is two or more days
   * from its own story's (weekday.ts). Why: in the pass an undated article may join only undated
   * stories (no time tells two similar events apart), and a topic's other event, told only by
   * undated reports, gathers a pile whose centroid any report of the topic fits (refine's centroid
   * cosine grows with the pile's size). The weekday a text names is the one time evidence it
   * carries, and a dated story's weekday is its members' event day's: it names the same day as the
   * dated story and another than the pile. The move still needs the content bars of an undated
   * join (`bestStoryScored`: the attach bar, `cohesionBar`, the people and the claims). A story
   * whose weekday is unknown gives no evidence (moving then cost the development half 0.005).
   * Returns the number of moves.
   */
  rejoinByWeekday(): number {
    let moves = 0;
    const order = [...this.open.values()].filter((s) => s.published === 0).sort((a, b) => a.seq - b.seq);
    for (const s of order) {
      const anchored = new Set(s.copyEdges.flat());
      for (const m of [...s.members]) {
        const e = this.docs.get(m);
        const named = e?.f.weekday ?? null;
        if (!e || e.story !== s || e.f.status !== 'ok' || anchored.has(m) || named === null || !weekdaysApart(named, this.weekdayOf(s))) continue;
        const other = this.bestStoryScored(e, e.t, s, this.options.threshold * this.w.attachFactor, e.f, (x) => x.published > 0 && this.weekdayOf(x) === named);
        if (!other) continue;
        this.detach(e);
        e.story = other.story;
        this.join(other.story, e);
        moves++;
      }
    }
    return moves;
  }

  /** Takes an article out of its story (centroid, counts, span); drops the story when it empties. */
  private detach(entry: DocEntry): void {
    const s = entry.story;
    this.touch(s);
    this.moving(entry);
    const docId = entry.f.id;
    s.members = s.members.filter((m) => m !== docId);
    s.people = null;
    s.claims = null;
    s.keySum -= entry.vec.keys.length;
    if (this.datedByPublication(entry.f)) s.published--;
    s.copyEdges = s.copyEdges.filter(([a, b]) => a !== docId && b !== docId);
    for (let i = 0; i < entry.ids.length; i++) {
      const k = entry.ids[i];
      const old = s.centroid.get(k);
      if (old === undefined) continue;
      const nv = old - entry.vec.vals[i];
      s.norm2 += nv * nv - old * old;
      if (nv <= 1e-9) {
        s.centroid.delete(k);
        this.unpost(k, s);
      } else s.centroid.set(k, nv);
    }
    if (s.norm2 < 1e-9) s.norm2 = recomputeNorm(s.centroid);
    for (const [e] of entry.f.entities) decrement(s.entityDocs, e);
    for (const [p] of entry.f.places) decrement(s.placeDocs, p);
    if (entry.f.venue) decrement(s.venueDocs, entry.f.venue);
    if (s.members.length === 0) {
      this.dropStory(s);
      this.usedIds.delete(s.id);
      return;
    }
    this.recomputeSpan(s);
  }

  /**
   * A story's time range (`tMin`, `tMax`) and the start of its latest *episode* (`tFrom`): its
   * dated members from the last gap between two of them (in time order) that no join can bridge
   * (`maxWindowDays`). Only a woken follow-up makes such a gap (follow-up.ts): a story woken months
   * on is open again for the window of its new report, its span for closing (`maxSpanDays`)
   * counted from there. A function of the members' times alone, so a story restored from its
   * members (the ledger) closes as the batch's.
   */
  private recomputeSpan(s: Story): void {
    const times: number[] = [];
    for (const m of s.members) {
      const t = this.docs.get(m)?.t ?? null;
      if (t !== null) times.push(t);
    }
    times.sort((a, b) => a - b);
    s.tMin = s.tMax = s.tFrom = null;
    for (const t of times) this.extendSpan(s, t);
  }

  /** Extends a story's range and episode (`recomputeSpan`) by a member's time; one before the range's end: recompute. */
  private extendSpan(s: Story, t: number): void {
    if (s.tMax !== null && t < s.tMax) {
      if (t < s.tFrom!) this.recomputeSpan(s);
      return;
    }
    if (s.tMax === null || t - s.tMax > this.options.maxWindowDays) s.tFrom = t;
    s.tMin ??= t;
    s.tMax = t;
  }

  /**
   * Whether an article carries a publication day (not in the future): only such days let time vouch
   * for grouping two sides. An event day read from an undated text is a guess (the median of the
   * dates it names, which may be those of an earlier event), so a story dated by event days alone
   * still needs its content to agree (`cohesionBar`, `crossCohesive`).
   */
  private datedByPublication(f: StoryFeatures): boolean {
    return this.publicationDay(f) !== null;
  }

  /** An article's publication day, unless it lies more than two days after the index's "now" (a wrong date). */
  private publicationDay(f: StoryFeatures): number | null {
    return f.day !== null && (this.nowDay === null || f.day <= this.nowDay + 2) ? f.day : null;
  }

  /** Mean pairwise cosine of a story's members (their vectors are unit length), or null below two members. */
  private pairwise(s: Story): number | null {
    const n = s.members.length;
    if (n < 2) return null;
    return Math.min(1, Math.max(0, (s.norm2 - n) / (n * (n - 1))));
  }

  /**
   * What an undated article must score against a story: a fraction of the cosine a member like the
   * others would reach. With n unit vectors of mean pairwise cosine rho summing to the centroid C,
   * a new one as alike scores n·rho/|C|. 0 for a story of one article (no cohesion to measure).
   */
  private cohesionBar(s: Story): number {
    const rho = this.pairwise(s);
    if (rho === null || rho <= 0) return 0;
    return this.w.undatedJoinCohesion * ((s.members.length * rho) / Math.sqrt(s.norm2));
  }

  /**
   * How alike an article is to a story's members against how alike they are to each other: its
   * mean cosine to them (`mean`) over the story's mean pairwise cosine (`pairwise`; for the
   * article's own story, with the article: a pair's member fits its own at 1). Unlike the cosine
   * with the centroid (n·mean/|C| ≈ mean·√n/√(1 + (n−1)·rho)), it does not grow with the story's
   * size: the dated reports of a coach's hiring, a fragment of three, crossed into the undated
   * story of thirteen reports of the same team firing him years later, which they fit less than
   * it fits itself and less than their own fragment does.
   */
  private relativeFit(mean: number, s: Story): number {
    const rho = this.pairwise(s);
    return rho !== null && rho > 0 ? mean / rho : mean;
  }

  /** Mean cosine of an article to a story's members, from its cosine `cos` with the centroid (n·mean/|C|). */
  private meanCosine(cos: number, s: Story): number {
    return (cos * Math.sqrt(s.norm2)) / s.members.length;
  }

  /** Mean cosine of a member to the other members of its story (at least two). */
  private looMean(e: DocEntry, s: Story): number {
    let dot = 0;
    for (let i = 0; i < e.ids.length; i++) {
      const v = e.vec.vals[i];
      dot += v * Math.max(0, (s.centroid.get(e.ids[i]) ?? 0) - v);
    }
    return dot / (s.members.length - 1);
  }

  /**
   * Whether the members of two stories are about as alike across the stories as within them:
   * mean cross cosine (centroid dot / (na·nb)) against the geometric mean of the within-story
   * means. True when neither story has two members.
   */
  private crossCohesive(a: Story, b: Story, dot: number): boolean {
    const ra = this.pairwise(a);
    const rb = this.pairwise(b);
    const within = ra === null ? rb : rb === null ? ra : Math.sqrt(ra * rb);
    if (within === null) return true;
    const cross = dot / (a.members.length * b.members.length);
    if (cross < this.w.undatedMergeCohesion * within) return false;
    if (!this.peopleCarryOver(a, b) || !this.membersAlike(a, b)) return false;
    // (the weekdays are read for a merge across the line between dated and undated, and only when they decide it)
    if (a.published > 0 === b.published > 0 || cross >= UNDATED_MERGE_COHESION_OTHER_WEEKDAY * within) return true;
    return !weekdaysApart(this.weekdayOf(a), this.weekdayOf(b));
  }

  /**
   * Whether a dated story that would merge into a larger undated one brings people the undated
   * story names too. Such a merge rests on words alone (no publication day on one side), and two
   * events of one beat (a team's two seasons, a company's two patches) share most of their words,
   * places and even some names; what a dated fragment of the second event keeps apart is its own
   * protagonists, whom few of the first event's reports name. So the people most of the dated
   * story's members name must be named by the undated story's members in a comparable share
   * (`peopleShared` ≥ `PEOPLE_CARRY_OVER`); when the dated story has no such people (a name spelt
   * several ways), the undated story's must be named in the dated one. Silent when neither has
   * such people, or the dated story has fewer than `CARRY_OVER_MIN` members or is the larger (a
   * large dated story's place is settled by time; an undated fragment merging into it is the usual,
   * right case).
   */
  private peopleCarryOver(a: Story, b: Story): boolean {
    if (a.published > 0 === b.published > 0) return true;
    const [d, u] = a.published > 0 ? [a, b] : [b, a];
    if (d.members.length < CARRY_OVER_MIN || u.members.length < CARRY_OVER_SIZE * d.members.length) return true;
    const shared = peopleShared(d.entityDocs, d.members.length, u.entityDocs, u.members.length) ?? peopleShared(u.entityDocs, u.members.length, d.entityDocs, d.members.length);
    return shared === null || shared >= PEOPLE_CARRY_OVER;
  }

  /**
   * Whether an undated story's members, most of them, are as alike to a dated story of one article
   * as to each other (`SINGLE_DATED_ALIKE`). Why: the group test (`crossCohesive`) weighs the mean
   * cross cosine against the undated story's own mean, and a pile of a topic's other event that
   * took a few of this event's reports (undated, they may join only undated stories in the pass)
   * is less alike within and more alike to the article than its own members are: the mean passes
   * where the members, one by one, do not. A dated story of two or more has its own cohesion and
   * people to weigh (`peopleCarryOver`). True when the test does not apply.
   */
  private membersAlike(a: Story, b: Story): boolean {
    if (a.published > 0 === b.published > 0) return true;
    const [d, u] = a.published > 0 ? [a, b] : [b, a];
    const rho = this.pairwise(u);
    if (d.members.length !== 1 || rho === null || rho <= 0) return true;
    // (at most ALIKE_READ members, evenly spread, and no further than the answer is known: a huge pile stays cheap)
    const step = Math.ceil(u.members.length / ALIKE_READ);
    const read = Math.ceil(u.members.length / step);
    let alike = 0;
    let unlike = 0;
    for (let i = 0; i < u.members.length && 2 * alike < read && 2 * unlike <= read; i += step) {
      const e = this.docs.get(u.members[i]);
      if (e && overlapVec(e.ids, e.vec.vals, d.centroid).dot >= SINGLE_DATED_ALIKE * rho) alike++;
      else unlike++;
    }
    return 2 * alike >= read;
  }

  /** The weekday of a story's event (weekday.ts), read from its members when asked. */
  private weekdayOf(s: Story): number | null {
    return storyWeekday(
      s.members.map((m) => {
        const f = this.docs.get(m)?.f;
        return f ? this.eventWeekday(f) : null;
      }),
      s.members.length,
    );
  }

  /**
   * The weekday of an article's event: its event day's when its dates resolve against its publication
   * day, else the weekday its text names (an undated text's event day is the median of the dates it
   * names, perhaps an earlier event's: `datedByPublication`).
   */
  private eventWeekday(f: StoryFeatures): number | null {
    return f.eventDay !== null && this.datedByPublication(f) ? dayOfWeek(f.eventDay) : (f.weekday ?? null);
  }

  /** Similarity of an article vector to a story, in 0..1, less across days the less text it rests on (`timeFit`). */
  private score(e: { vec: Vec; ids: Int32Array }, t: number | null, s: Story): number {
    const { vec, ids } = e;
    const { dot, shared } = overlapVec(ids, vec.vals, s.centroid);
    // one word in common is no evidence of one event ("place" in a headline about a bridge and in
    // forty about where to buy a game): joining a story of several articles takes two shared features
    if (shared < MIN_SHARED_FEATURES && s.members.length > 1) return 0;
    let cos = dot / Math.sqrt(s.norm2 || 1);
    if (t !== null && s.tMin !== null && s.tMax !== null) {
      const gap = Math.max(0, s.tMin - t, t - s.tMax);
      cos *= timeFit(gap, Math.min(vec.keys.length, meanKeys(s)), this.w);
    }
    return cos;
  }

  /** What the story's members' main event claims name (kept until its members change). */
  private claimsOf(s: Story): ClaimSummary {
    if (s.claims) return s.claims;
    const summary: ClaimSummary = new Map();
    for (const m of s.members) addClaims(summary, this.docs.get(m)?.f.claims);
    return (s.claims = summary);
  }

  /** Who the story is about (kept until its members change). */
  private peopleOf(s: Story): StoryPeople {
    return (s.people ??= peopleOf(s.entityDocs, s.members.length));
  }

  /** The most similar older-or-younger open story to merge `s` with, if any. */
  private mergeTarget(s: Story): Story | null {
    const terms = this.heaviest(s.centroid, MERGE_QUERY_TERMS);
    const sn = Math.sqrt(s.norm2 || 1);
    const mark = ++this.searchMark;
    const found: Story[] = [];
    for (const [k, v] of terms) {
      const p = this.postings[k];
      if (!p || p.size > MAX_POSTING_SCAN) continue;
      for (const o of p) {
        if (o === s) continue;
        const x = ((v / sn) * (o.centroid.get(k) ?? 0)) / Math.sqrt(o.norm2 || 1);
        if (o.mark === mark) o.partial += x;
        else {
          o.mark = mark;
          o.partial = x;
          found.push(o);
        }
      }
    }
    const candidates = topCandidates(found, MERGE_CANDIDATES);
    let best: Story | null = null;
    let bestScore = this.options.mergeThreshold;
    for (const o of candidates) {
      if (!this.windowsMeet(s, o)) continue;
      const sv = this.venueOf(s);
      const ov = this.venueOf(o);
      if (sv !== null && ov !== null && sv !== ov) continue;
      const dot = dotMaps(s.centroid, o.centroid);
      // stories about other people (disagreement.ts): their words must agree twice as strongly
      const otherPeople = distinctPeople(this.peopleOf(s), this.peopleOf(o));
      let cos = (dot / (sn * Math.sqrt(o.norm2 || 1))) * (otherPeople ? this.w.disagreement : 1);
      // days between the stories weigh by how much text each member brings (`timeFit`)
      cos *= timeFit(spanGap(s, o), Math.min(meanKeys(s), meanKeys(o)), this.w);
      // without a publication day on one side the windows say little, and about other people the people
      // say two events: the members must agree as a group (a centroid alone is carried across the bar by
      // one member that tells both events, a report of a team's firing and its trade)
      if ((s.published === 0 || o.published === 0 || otherPeople) && !this.crossCohesive(s, o, dot)) continue;
      if (cos > bestScore || (cos === bestScore && best !== null && o.seq < best.seq)) {
        best = o;
        bestScore = cos;
      }
    }
    return best;
  }

  private windowsMeet(a: Story, b: Story): boolean {
    if (a.tMin === null || a.tMax === null || b.tMin === null || b.tMax === null) return true;
    const gap = Math.max(0, a.tMin - b.tMax, b.tMin - a.tMax);
    return gap <= Math.max(this.allowedGap(a), this.allowedGap(b));
  }

  /** Moves every member of one story into the other; the older story (smaller seq) survives. */
  private merge(x: Story, y: Story): Story {
    const [keep, gone] = x.seq <= y.seq ? [x, y] : [y, x];
    this.touch(keep);
    this.dropStory(gone);
    this.usedIds.delete(gone.id);
    for (const m of gone.members) {
      const e = this.docs.get(m);
      if (!e) continue;
      this.moving(e);
      e.story = keep;
      this.join(keep, e);
    }
    keep.copyEdges.push(...gone.copyEdges);
    return keep;
  }

  /** A new story; its id is its founder's, or the one the founder inherits (ledger.ts `heirs`). */
  private newStory(founder: string, founderT: number | null = null, inherited?: string): Story {
    const base = typeof inherited === 'string' && inherited !== '' ? inherited : storyIdFor(founder);
    let id = base;
    for (let i = 2; this.usedIds.has(id); i++) id = `${base}-${i}`;
    this.usedIds.add(id);
    this.founded.set(id, { id, founder, founderT });
    const s: Story = {
      id,
      seq: this.seq++,
      members: [],
      centroid: new Map(),
      norm2: 0,
      keySum: 0,
      published: 0,
      tMin: null,
      tMax: null,
      tFrom: null,
      entityDocs: new Map(),
      placeDocs: new Map(),
      venueDocs: new Map(),
      copyEdges: [],
      people: null,
      claims: null,
      partial: 0,
      mark: 0,
    };
    this.open.set(id, s);
    return s;
  }

  private join(s: Story, e: DocEntry): void {
    if (decisionTrace) decisionTrace(e.f.id, s.id, this.step);
    this.touch(s);
    s.members.push(e.f.id);
    s.people = null;
    s.claims = null;
    s.keySum += e.vec.keys.length;
    if (this.datedByPublication(e.f)) s.published++;
    for (let i = 0; i < e.ids.length; i++) {
      const k = e.ids[i];
      const old = s.centroid.get(k);
      const nv = (old ?? 0) + e.vec.vals[i];
      s.centroid.set(k, nv);
      s.norm2 += nv * nv - (old ?? 0) * (old ?? 0);
      if (old === undefined) this.post(k, s);
    }
    if (s.centroid.size > MAX_CENTROID) this.prune(s);
    if (e.t !== null) this.extendSpan(s, e.t);
    for (const [x] of e.f.entities) s.entityDocs.set(x, (s.entityDocs.get(x) ?? 0) + 1);
    for (const [x] of e.f.places) s.placeDocs.set(x, (s.placeDocs.get(x) ?? 0) + 1);
    if (e.f.venue) s.venueDocs.set(e.f.venue, (s.venueDocs.get(e.f.venue) ?? 0) + 1);
    if (s.entityDocs.size > 2000) pruneCounts(s.entityDocs, 1000);
    if (s.placeDocs.size > 500) pruneCounts(s.placeDocs, 250);
    // most recently updated last
    this.open.delete(s.id);
    this.open.set(s.id, s);
  }

  private prune(s: Story): void {
    const kept = this.heaviest(s.centroid, Infinity);
    for (const [k] of kept.slice(PRUNE_TO)) {
      s.centroid.delete(k);
      this.unpost(k, s);
    }
    s.norm2 = recomputeNorm(s.centroid);
  }

  /**
   * The stream's clock is the latest publication day seen. A jump of more than a year ahead is
   * taken only once a second article confirms it (within a month of the first): one article with
   * a wrong, far-future date must not close every open story.
   */
  private advanceClock(day: number): void {
    if (!this.tick(day)) return;
    this.dormant.prune(day);
    for (const s of [...this.open.values()]) {
      if (s.tMax === null || s.tMin === null) continue;
      if (s.tMax + this.allowedGap(s) + 1 < day || day - s.tFrom! > this.options.maxSpanDays) this.close(s);
    }
  }

  /** Moves the clock for one article's day; true when it moved. A pure function of the days seen, in order. */
  private tick(day: number): boolean {
    if (this.clock !== null && day <= this.clock) return false;
    if (this.clock !== null && day > this.clock + 366) {
      if (this.pendingJump === null || Math.abs(day - this.pendingJump) > 30) {
        this.pendingJump = day;
        return false;
      }
    }
    this.pendingJump = null;
    this.clock = day;
    return true;
  }

  private enforceCap(): void {
    while (this.open.size > this.options.maxOpenStories) {
      const first = this.open.values().next().value as Story;
      this.close(first);
    }
  }

  /**
   * A closing story of dated long texts stays dormant: a follow-up may wake it (follow-up.ts).
   * Returns its people as kept with its signature (`closingPeople`: none when it cannot wake).
   */
  private keepDormant(s: Story, terms: string[]): string[] {
    if (s.published === 0 || s.members.length < 2) return [];
    const copyOf = new Map(s.copyEdges.map(([a, b]) => [b, a]));
    const entries = s.members.map((m) => this.docs.get(m)).filter((e): e is DocEntry => !!e);
    const members = entries.map((e) => ({ f: e.f, vec: e.vec, t: e.t, copyOf: copyOf.get(e.f.id) ?? null }));
    if (!wakeable(members)) return [];
    const people = closingPeople(members);
    this.dormant.set({ id: s.id, terms, people: new Set(people), tMax: latestTime(members), members });
    return people;
  }

  /**
   * Closed stories a follow-up may wake that this index did not close itself (the ledger reads them:
   * ledger-follow-up.ts). Members in canonical order.
   */
  addDormant(stories: DormantStory[]): void {
    for (const d of stories) if (!this.dormant.has(d.id) && !this.open.has(d.id)) this.dormant.set(d);
  }

  /**
   * The dormant story a dated long article that found no open story follows up, woken (open again,
   * with its members and id) for it to join; null when none fits (follow-up.ts).
   */
  private wake(entry: DocEntry, tc: TermCounts): Story | null {
    if (this.dormant.size === 0 || !mayFollowUp(entry.f) || !this.datedByPublication(entry.f) || entry.vec.keys.length < FOLLOW_UP_KEYS || entry.t === null) return null;
    const query = new Set(followUpQuery(tc));
    let best: DormantStory | null = null;
    // time cannot vouch for a pairing weeks apart, so the content must, as for an undated article:
    // the same share of the story's own cohesion (`cohesionBar`)
    let bestFit = this.w.undatedJoinCohesion;
    for (const d of this.dormant.candidates(entry.f)) {
      if (!inTimeToWake(entry.f, entry.t - d.tMax, d) || !mayWake(entry.f, query, d)) continue;
      const fit = followUpFit(entry.f, entry.vec, d);
      if (fit > bestFit) [best, bestFit] = [d, fit];
    }
    if (!best) return null;
    const id = best.id;
    this.dormant.delete(id);
    this.closed = this.closed.filter((g) => g.id !== id);
    for (const m of best.members) this.closedByDoc.delete(m.f.id);
    this.closedAt.delete(id);
    this.closedTerms.delete(id);
    this.closedPeople.delete(id);
    this.restore([{ id, members: best.members }]);
    return this.docs.get(best.members[0].f.id)?.story ?? null;
  }

  /**
   * After `restore` at a replay point d (ledger.ts): closes the restored stories the pass had closed
   * before d, which a follow-up woke later (their ledger record says open at d). A story closed
   * at a clock tick after its latest member; the clock is the last day before d, and the closing
   * test is monotone in the day, so it holds now exactly when it held at a tick before d.
   */
  closeStale(): void {
    if (this.clock === null) return;
    const day = this.clock;
    for (const s of [...this.open.values()]) {
      if (s.tMax === null || s.tMin === null || s.tMax >= day) continue;
      if (s.tMax + this.allowedGap(s) + 1 < day || day - s.tFrom! > this.options.maxSpanDays) this.close(s);
    }
  }

  private close(s: Story): void {
    this.closedAt.set(s.id, this.clock ?? Number.NEGATIVE_INFINITY);
    const terms = this.heaviest(s.centroid, SIGNATURE_TERMS).map(([k]) => this.keyIds.key(k));
    this.closedTerms.set(s.id, terms);
    this.closedPeople.set(s.id, this.keepDormant(s, terms));
    const g = this.summarise(s);
    g.closed = true;
    this.closed.push(g);
    const gone: DocEntry[] = [];
    for (const m of s.members) {
      const e = this.docs.get(m);
      if (e) {
        this.dropFromBuckets(e);
        gone.push(e);
      }
      this.docs.delete(m);
      this.closedByDoc.set(m, g);
    }
    this.dropStory(s);
    this.usedIds.delete(s.id);
    for (const e of gone) this.releaseIds(e);
  }

  /** An article leaves the index: its key ids are held once less. */
  private releaseIds(e: DocEntry): void {
    this.keyIds.releaseAll(e.ids, (id) => this.postings[id] !== undefined);
  }

  /**
   * A centroid's entries heaviest first (ties: by key), at most `n`. Keys are distinct, so the
   * order is total and a selection of the first `n` gives what sorting every entry and slicing
   * gave: `mergeTarget` and `close` ask for 12 and 20 of up to 600 entries, and the sort made a
   * pair per entry and compared key strings whenever two weights tied.
   */
  private heaviest(c: Map<number, number>, n: number): [number, number][] {
    const keys = this.keyIds;
    if (n >= c.size) return [...c.entries()].sort((a, b) => b[1] - a[1] || cmpStr(keys.key(a[0]), keys.key(b[0])));
    const top: [number, number][] = [];
    if (n <= 0) return top;
    // (whether entry (k, v) goes before entry e)
    const before = (k: number, v: number, e: [number, number]) => v > e[1] || (v === e[1] && cmpStr(keys.key(k), keys.key(e[0])) < 0);
    c.forEach((v, k) => {
      let j = top.length;
      if (j < n) top.push(top[j - 1]);
      else if (before(k, v, top[n - 1])) j = n - 1;
      else return;
      while (j > 0 && before(k, v, top[j - 1])) {
        top[j] = top[j - 1];
        j--;
      }
      top[j] = [k, v];
    });
    return top;
  }

  /** Adds a story to a key's postings. */
  private post(k: number, s: Story): void {
    let p = this.postings[k];
    if (!p) this.postings[k] = p = new Set();
    p.add(s);
  }

  /** Removes a story from a term's postings, and the term when no story is left (no growth with the vocabulary). */
  private unpost(k: number, s: Story): void {
    const p = this.postings[k];
    if (!p) return;
    p.delete(s);
    if (p.size === 0) {
      this.postings[k] = undefined;
      this.keyIds.dropIfUnheld(k);
    }
  }

  private dropStory(s: Story): void {
    this.touch(s);
    for (const k of s.centroid.keys()) this.unpost(k, s);
    s.centroid.clear();
    this.open.delete(s.id);
  }

  private dropFromBuckets(e: DocEntry): void {
    const drop = (m: Map<string, DocEntry[]>, key: string) => {
      const b = m.get(key);
      if (!b) return;
      const i = b.indexOf(e);
      if (i >= 0) b.splice(i, 1);
      if (b.length === 0) m.delete(key);
    };
    drop(this.exact, e.f.textHash);
    if (e.bands) for (const k of e.bands) drop(this.buckets, k);
  }

  private summarise(s: Story): StoryGroup {
    const entries = s.members.map((m) => this.docs.get(m)!).filter(Boolean);
    const key = (e: DocEntry) => e.f.day ?? Number.POSITIVE_INFINITY;
    entries.sort((a, b) => key(a) - key(b) || cmpStr(a.f.id, b.f.id));
    const members = entries.map((e) => e.f.id);

    // copies: connected components of copy links (a component's key is only a key: groups keep member order)
    const { add, find, union, parent } = unionFind();
    for (const m of members) add(m);
    for (const [a, b] of s.copyEdges) if (parent.has(a) && parent.has(b)) union(a, b);
    const groups = new Map<string, string[]>();
    for (const m of members) {
      const r = find(m);
      let g = groups.get(r);
      if (!g) groups.set(r, (g = []));
      g.push(m);
    }
    const copies = [...groups.values()].filter((g) => g.length > 1);
    // independent sources: copies and articles of one outlet count once
    const byOutlet = new Map<string, string>();
    for (const e of entries) {
      if (!e.f.outlet) continue;
      const o = e.f.outlet.toLowerCase();
      const first = byOutlet.get(o);
      if (first) union(first, e.f.id);
      else byOutlet.set(o, e.f.id);
    }
    const roots = new Set(members.map(find));

    // representative headline: the title whose terms weigh most in the centroid
    let title: string | null = null;
    let bestT = -1;
    for (const e of entries) {
      if (!e.f.title) continue;
      let sc = 0;
      let n = 0;
      for (const { word } of words(e.f.title)) {
        n++;
        const t = term(word);
        if (t !== null) sc += s.centroid.get(this.keyIds.id(t)) ?? 0;
      }
      const v = n > 0 ? sc / Math.sqrt(n) : 0;
      if (v > bestT + 1e-12) {
        bestT = v;
        title = e.f.title;
      }
    }
    const days = entries.map((e) => this.publicationDay(e.f)).filter((d): d is number => d !== null);
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1] || cmpStr(a[0], b[0]))
        .slice(0, n)
        .map(([id, count]) => ({ id, count }));
    return {
      id: s.id,
      members,
      copies,
      independentSources: roots.size,
      title,
      span: {
        // a loop, not Math.min(...days): spreading a story of 100,000+ days overflows the call stack
        start: days.length ? dayIso(days.reduce((m, d) => Math.min(m, d), Infinity)) : null,
        end: days.length ? dayIso(days.reduce((m, d) => Math.max(m, d), -Infinity)) : null,
      },
      entities: top(s.entityDocs, 10),
      places: top(s.placeDocs, 5),
    };
  }
}

/** A vector with its entries heaviest first (ties: by key), the order candidate retrieval reads them in. */
function byWeight(keys: string[], vals: Float32Array, refs: Int32Array, n: number): Vec & { refs: Int32Array } {
  const order = heaviestOrder(keys, vals, n);
  const out = { keys: new Array<string>(n), vals: new Float32Array(n), refs: new Int32Array(n) };
  for (let j = 0; j < n; j++) {
    out.keys[j] = keys[order[j]];
    out.vals[j] = vals[order[j]];
    out.refs[j] = refs[order[j]];
  }
  return out;
}

/**
 * Scratch arrays of `vector` and `heaviestOrder`, grown as needed and reused by every article (their
 * first n entries only are read): the per-article temporaries (weights in double and single
 * precision, keys, places, the packed sort keys) were about 30 bytes per key of garbage.
 */
interface VectorScratch {
  f64: Float64Array;
  f32: Float32Array;
  /** The bits of `f32` (the same buffer). */
  bits: Uint32Array;
  i32: Int32Array;
  keys: string[];
  packed: Float64Array;
}

let scratch: VectorScratch | null = null;

function vectorScratch(m: number): VectorScratch {
  if (scratch === null || scratch.f64.length < m) {
    const size = Math.max(256, 2 * m);
    const f32 = new Float32Array(size);
    scratch = { f64: new Float64Array(size), f32, bits: new Uint32Array(f32.buffer), i32: new Int32Array(size), keys: new Array<string>(size).fill(''), packed: new Float64Array(size) };
  }
  return scratch;
}

const INDEX_SPAN = 2 ** 20;

/**
 * Indices of the entries by descending weight, ties by key (a stable sort: equal keys keep their
 * order). Weights are positive float32s, whose bit patterns order like the weights: each entry is
 * packed into one double (reversed bits, then index) and sorted natively, and only runs of equal
 * weight are sorted by key (a comparator sort of every vector was ~4 % of a ledger run).
 */
function heaviestOrder(keys: string[], vals: Float32Array, n: number): number[] {
  const bySort = () => Array.from({ length: n }, (_, i) => i).sort((a, b) => vals[b] - vals[a] || cmpStr(keys[a], keys[b]));
  // (vals is the scratch's single-precision array, read through its bits; anything else sorts by comparison)
  const s = scratch;
  if (n >= INDEX_SPAN || s === null || vals !== s.f32) return bySort();
  const { bits, packed } = s;
  for (let i = 0; i < n; i++) {
    if (!(vals[i] > 0) || vals[i] === Infinity) return bySort();
    packed[i] = (0xffffffff - bits[i]) * INDEX_SPAN + i;
  }
  sortAscending(packed, 0, n - 1);
  const order = new Array<number>(n);
  for (let j = 0; j < n; j++) order[j] = packed[j] % INDEX_SPAN;
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && vals[order[b]] === vals[order[a]]) b++;
    if (b - a > 1) sortByKey(order, a, b, keys);
    a = b;
  }
  return order;
}

/** Merge space for `sortByKey`, reused (grown as needed). */
let mergeSpace: number[] = [];

/**
 * Sorts `order[a..b)` by key, stably (equal keys keep their order), in place: what
 * `order.slice(a, b).sort((x, y) => cmpStr(keys[x], keys[y]))` gives. Runs of equal weight are
 * common (rare terms share the floor IDF) and the sort of each copied it twice.
 */
function sortByKey(order: number[], a: number, b: number, keys: string[]): void {
  if (b - a <= 16) {
    for (let i = a + 1; i < b; i++) {
      const x = order[i];
      let j = i - 1;
      while (j >= a && keys[order[j]] > keys[x]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
    return;
  }
  const mid = (a + b) >>> 1;
  sortByKey(order, a, mid, keys);
  sortByKey(order, mid, b, keys);
  if (!(keys[order[mid - 1]] > keys[order[mid]])) return;
  // merge: the left half is copied out, the right half stays in place (an equal key from the left goes first)
  if (mergeSpace.length < mid - a) mergeSpace = new Array<number>(2 * (mid - a)).fill(0);
  for (let i = a; i < mid; i++) mergeSpace[i - a] = order[i];
  let i = 0;
  let j = mid;
  let k = a;
  const left = mid - a;
  while (i < left && j < b) order[k++] = keys[order[j]] < keys[mergeSpace[i]] ? order[j++] : mergeSpace[i++];
  while (i < left) order[k++] = mergeSpace[i++];
}

/**
 * Sorts distinct doubles in place, ascending (quicksort, insertion sort below 16 values). Any
 * correct sort gives the one order of distinct values; `Float64Array.prototype.sort` copied the
 * values into a boxed array and back, about 9 KB of garbage per article vector.
 */
function sortAscending(a: Float64Array, lo = 0, hi = a.length - 1): void {
  while (hi - lo >= 16) {
    // median of three as the pivot, then Hoare partition
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    // (the smaller side by recursion, the larger by the loop: depth stays logarithmic)
    if (j - lo < hi - i) {
      sortAscending(a, lo, j);
      lo = i;
    } else {
      sortAscending(a, i, hi);
      hi = j;
    }
  }
  for (let i = lo + 1; i <= hi; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= lo && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const x = a[i];
  a[i] = a[j];
  a[j] = x;
}

const IDENTITY = Uint32Array.from({ length: 4096 }, (_, i) => i);

/**
 * Indices of a vector's entries heaviest first (ties: by key). Vectors made here are in that order
 * already (one check, no sort); a vector persisted by an older ledger may not be.
 */
function heaviestFirst(vec: Vec): ArrayLike<number> {
  const { keys, vals } = vec;
  let sorted = keys.length <= IDENTITY.length;
  for (let i = 1; sorted && i < vals.length; i++) if (vals[i] > vals[i - 1] || (vals[i] === vals[i - 1] && cmpStr(keys[i - 1], keys[i]) > 0)) sorted = false;
  if (sorted) return IDENTITY.subarray(0, keys.length);
  return Array.from(vals, (_, i) => i).sort((a, b) => vals[b] - vals[a] || cmpStr(keys[a], keys[b]));
}

/** Features kept as a closed story's signature. */
const SIGNATURE_TERMS = 20;

function pushCapped(m: Map<string, DocEntry[]>, key: string, e: DocEntry): void {
  const b = m.get(key);
  if (!b) m.set(key, [e]);
  else if (b.length < BUCKET_CAP && !b.some((x) => x.story === e.story)) b.push(e);
}

function recomputeNorm(c: Map<number, number>): number {
  let n = 0;
  for (const v of c.values()) n += v * v;
  return n;
}

function decrement(m: Map<string, number>, k: string): void {
  const v = (m.get(k) ?? 0) - 1;
  if (v <= 0) m.delete(k);
  else m.set(k, v);
}

function pruneCounts(m: Map<string, number>, keep: number): void {
  const sorted = [...m.entries()].sort((a, b) => b[1] - a[1] || cmpStr(a[0], b[0]));
  for (const [k] of sorted.slice(keep)) m.delete(k);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Sorts stories by span start (undated last), then first member. */
export function sortGroups(groups: StoryGroup[]): StoryGroup[] {
  const k = (g: StoryGroup) => g.span.start ?? '9999';
  return [...groups].sort((a, b) => cmpStr(k(a), k(b)) || cmpStr(a.members[0] ?? '', b.members[0] ?? '') || cmpStr(a.id, b.id));
}
