/**
 * Fact alignment: sentences of different articles that state the same thing are grouped into one
 * fact. Similarity is an IDF-weighted cosine over normalised content words (spelling variants and
 * inflections meet), gated by shared rare words; clusters grow by average link so one generic
 * sentence cannot chain unrelated statements together.
 */
import { cueClassOf } from '../analyse/quotes/cues.js';
import { subjectsOf } from './acts.js';
import { claimFacts } from './claim-facts.js';
import { type Claim, claimsOf } from './claims.js';
import { figureHolders, figuresOfOtherHolders, otherHolder } from './figure-holders.js';
import { isParty, type Sent, type StoryView } from './prepare.js';
import { claimTwins, dissolveCopies, sentenceCopies } from './sentence-copies.js';
import { apart, shares } from './sides.js';
import { oneActApart } from './support.js';
import { statedActs } from './syntax.js';
import { clean, cmp } from './text.js';
import { cpuClock } from '../util/cpu-clock.js';

export interface FactCluster {
  members: Sent[];
  /** Keys present in at least two member articles. */
  shared: Set<string>;
  /** Member with the highest summed similarity to the others. */
  central: Sent;
  /**
   * The facts the cluster holds, aligned claim by claim (`claims.ts`): one, the whole cluster, or
   * several when a member states two things and links outlets that tell one with those that tell
   * the other. A member may support more than one. Each with its own central sentence.
   */
  facts: { members: Sent[]; central: Sent; shared: Set<string> }[];
}

export interface Alignment {
  clusters: FactCluster[];
  /** Sentence id → cluster index (multi-article clusters only). */
  clusterOf: Map<string, number>;
  sim(a: Sent, b: Sent): number;
  /** The copy whose claims a sentence has (`claimTwins`: copies parsed, dated and quoted alike, in a large story), itself when none. */
  twin?(s: Sent): Sent;
}

/** Close wording between two sentences that state one fact where the fact clustering did not join them. */
export const SAME_FACT_SIM = 0.25;

/** Whether two sentences state one fact: one fact cluster, or close wording (SAME_FACT_SIM). */
export function statesOneFact(al: Alignment, a: Sent, b: Sent): boolean {
  const cluster = al.clusterOf.get(a.id);
  return (cluster !== undefined && cluster === al.clusterOf.get(b.id)) || al.sim(a, b) >= SAME_FACT_SIM;
}

/** Edge threshold for aligning two sentences. */
export const ALIGN_THRESHOLD = 0.3;
const MIN_KEYS = 3;
const NAME_DISCOUNT = 0.35;
/** Shared IDF mass that aligns two sentences whatever their length (about four rare words)... */
const MASS_ENOUGH = 14;
/** ...provided their cosine is at least this. */
const MASS_MIN_COS = 0.12;
/**
 * Candidate pairs through one key: a sentence meets the next POSTING_WINDOW sentences that have
 * the key (in story order), not all of them. A key's list is at most max(articles, 15% of the
 * sentences) long, so without the window the candidate work grows with the square of the story's
 * size; with it, at most POSTING_WINDOW pairs per key occurrence. A story of up to
 * POSTING_WINDOW + 1 articles and about 1,700 sentences has no longer list: every pair is met, as
 * with no window (the ECB+ stories give the same figures). In larger stories, sentences far apart in a
 * long list still meet through the rarer keys they share, or join the same fact through the
 * sentences between them.
 */
export const POSTING_WINDOW = 256;
/**
 * In a story that has lists longer than the window, a sentence reads at most this many of them
 * (its rarest): the common words of a large story (a candidate's name, "campaign") met through
 * windows of 256 gave most of the candidate work and few of the facts. Shorter lists are always
 * read, so a story with no list longer than the window meets every pair of sentences that share a key.
 */
const LONG_LISTS_READ = 2;
/**
 * In a large story (`Scorer.large`), average link does not average two clusters whose nodes make
 * more pairs than this: they are not merged. Such averages are most of a large story's link work
 * and almost never reach the merge level (923 mixed PolNeAR articles: the 339 averages of more
 * than 128 pairs, 19 % of the pairs summed, merged none; of the 1,124 of more than 64, 9 merged).
 */
const AVERAGE_PAIRS_READ = 128;
/** Doubles per sentence met in the candidate search's accumulator (see candidateEdges): seven used, a cache line each. */
const ACC = 8;
/** The candidate search's first prune: a cosine over the keys read, or their mass (less a margin far above the sums' rounding). */
const FIRST_COS = ALIGN_THRESHOLD * 0.5 * (1 - 1e-9);
const FIRST_MASS = MASS_ENOUGH * 0.6 * (1 - 1e-9);
const TITLE_WORDS = new Set(['president', 'minister', 'secretary', 'chancellor', 'leader', 'spokesman', 'spokeswoman', 'director', 'senator', 'governor', 'speaker', 'king', 'queen', 'premier']);

/**
 * How much work an alignment did (what `bench:pipeline:crosscheck` reports per story size, to see
 * which part grows faster than the story): the postings the candidate search read (`postingsRead`),
 * the pairs it met (`pairsMet`), of which it scored exactly (`pairsScored`), the edges, the
 * average-link merges, averages taken and sentence pairs they summed (`averagePairs`, of which
 * `refusedPairs` for averages under the merge level), and the similarities computed (pairs not yet cached, for the search, average
 * link, central sentences and claims, and for the later phases that ask `Alignment.sim`, which keeps
 * counting into the same object). Counting does not change the alignment.
 */
export interface AlignmentCounts {
  sentences: number;
  /** Nodes the candidate search reads: sentences, the copies of one sentence one node in a large story (`sentence-copies.ts`). */
  nodes: number;
  postingsRead: number;
  pairsMet: number;
  pairsScored: number;
  edges: number;
  merges: number;
  averages: number;
  averagePairs: number;
  refusedPairs: number;
  similarities: number;
  /** Averages a large story did not take (their clusters make more pairs than AVERAGE_PAIRS_READ): where the bound acted. */
  unaveraged: number;
  /**
   * CPU milliseconds of each part of the alignment: the story's features, weights and copies
   * (`scorer`), the candidate search (`search`), average link with each article once in a fact
   * (`link`), and the facts the clusters hold (`facts`: bridges, central sentences, claims).
   */
  cpu: { scorer: number; search: number; link: number; facts: number };
}

export const noAlignmentCounts = (): AlignmentCounts => ({ sentences: 0, nodes: 0, postingsRead: 0, pairsMet: 0, pairsScored: 0, edges: 0, merges: 0, averages: 0, averagePairs: 0, refusedPairs: 0, similarities: 0, unaveraged: 0, cpu: { scorer: 0, search: 0, link: 0, facts: 0 } });

/** `counts`, when given, receives how much work the alignment did (added to what it holds). */
export function alignFacts(story: StoryView, counts: AlignmentCounts = noAlignmentCounts()): Alignment {
  const clock = cpuClock(counts.cpu);
  const sents = story.sentences.filter((s) => s.keys.size >= MIN_KEYS);
  counts.sentences += sents.length;
  const scorer = sentenceScorer(story, sents, counts);
  counts.nodes += scorer.searched.length;
  clock('scorer');
  const edges = candidateEdges(story, scorer, counts);
  counts.edges += edges.length;
  clock('search');
  const nodes = alignmentNodes(
    sents.map((s) => scorer.ordinal.get(s)!),
    scorer,
  );
  const first = averageLink(story, nodes, edges, scorer, counts).map((c) => oncePerArticle(c, scorer));
  // sentences a fact left (another statement of an article it already holds) align again among
  // themselves: "charged with the murders" left a "bodies were found" fact in two articles and is
  // a fact of its own (the copies of one sentence left, one node)
  const left = first.flatMap((c) => c.left).map((s) => scorer.ordinal.get(s)!);
  const leftNodes = alignmentNodes(left, scorer);
  const again = averageLink(
    story,
    leftNodes,
    edges.filter((e) => leftNodes.nodeOf[e.a] >= 0 && leftNodes.nodeOf[e.b] >= 0),
    scorer,
    counts,
  ).map((c) => oncePerArticle(c, scorer));
  clock('link');
  const facts = factClusters(
    [...first, ...again].flatMap((c) => splitAtBridge(c.kept, scorer)),
    scorer,
  );
  clock('facts');
  return facts;
}

/**
 * A sentence that states two things ("protesters tried to storm parliament … and three bank
 * workers died") links the outlets that tell one with those that tell the other. When leaving out
 * one member splits the rest, by pairs that align, into groups of two articles or more each, that
 * member is such a bridge: each group is a fact of its own, and the bridge joins the one it is most
 * similar to, unless the groups would merge without it (their mean similarity reaches the merge
 * level: one statement in other words). One bridge per cluster, the first by sentence id.
 */
function splitAtBridge(c: Central, scorer: Scorer): Central[] {
  const { members, ords, artOf } = c;
  const m = members.length;
  // (larger clusters are left whole: the search is cubic in the members)
  if (m < 5 || m > 60) return [c];
  const aligned = new Uint8Array(m * m);
  for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) if (artOf[i] !== artOf[j] && scorer.simAt(ords[i], ords[j]) >= ALIGN_THRESHOLD) aligned[i * m + j] = aligned[j * m + i] = 1;
  const linked = (i: number, j: number) => aligned[i * m + j] === 1;
  let group = new Int32Array(0);
  const meanBetween = (g: number, h: number) => {
    let t = 0;
    let n = 0;
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (group[i] !== g || group[j] !== h || artOf[i] === artOf[j]) continue;
        t += scorer.simAt(ords[i], ords[j]);
        n++;
      }
    return n ? t / n : 0;
  };
  for (let v = 0; v < m; v++) {
    // groups of the others by aligned pairs, without v
    group = new Int32Array(m).fill(-1);
    let groups = 0;
    for (let i = 0; i < m; i++) {
      if (i === v || group[i] !== -1) continue;
      group[i] = groups;
      const stack = [i];
      while (stack.length) {
        const x = stack.pop()!;
        for (let y = 0; y < m; y++) {
          if (y === v || group[y] !== -1 || !linked(x, y)) continue;
          group[y] = groups;
          stack.push(y);
        }
      }
      groups++;
    }
    if (groups < 2) continue;
    const arts = Array.from({ length: groups }, () => new Set<number>());
    for (let i = 0; i < m; i++) if (i !== v) arts[group[i]].add(artOf[i]);
    const big = arts.map((a, g) => (a.size >= 2 ? g : -1)).filter((g) => g >= 0);
    if (big.length < 2) continue;
    // groups that would merge without the bridge (their mean similarity reaches the merge level)
    // tell one statement in other words
    if (big.some((g, x) => big.some((h, y) => y > x && meanBetween(g, h) >= ALIGN_THRESHOLD * 0.6))) continue;
    // the bridge joins the group it is most similar to (mean over the group's members)
    let home = big[0];
    let best = -1;
    for (const g of big) {
      let t = 0;
      let n = 0;
      for (let i = 0; i < m; i++) {
        if (group[i] !== g || artOf[i] === artOf[v]) continue;
        t += scorer.simAt(ords[i], ords[v]);
        n++;
      }
      if (n && t / n > best) {
        best = t / n;
        home = g;
      }
    }
    // members of the small groups (one article) stay with the bridge's group
    const to = (i: number) => (i === v || !big.includes(group[i]) ? home : group[i]);
    return big.map((g) => centralOf(members.filter((_, i) => to(i) === g), scorer));
  }
  return [c];
}

/** An edge between two sentences (nodes' first sentences) by ordinal, and their similarity. */
type Edge = { a: number; b: number; s: number };

/**
 * The story's features as integers, so that the millions of pair comparisons of a large story
 * read typed arrays, not sets of strings. Each distinct feature has an id; each sentence (by
 * ordinal) its feature ids in the order of its keys, then its figures and dates (sums over them keep that order, so
 * they give the same floating-point values as summing over the set) and which of them are keys.
 */
interface FeatureIds {
  count: number;
  ids: Int32Array[];
  /**
   * Sentence o's features are the stretch `start[o]..start[o + 1]` of the story's: whether each is
   * a key (`isKey`, in the order of `ids`), and in `sortedPairs` (at twice those places) its ids in
   * ascending order, each followed by where it sits in `ids` (pairs meet by merging: one array read
   * in order, not four sentence arrays).
   */
  start: Int32Array;
  isKey: Uint8Array;
  sortedPairs: Int32Array;
  /** Feature string → id. */
  idOf: Map<string, number>;
}

/** Positions a sentence's features are packed with (its ids sorted natively): more than any sentence holds. */
const SPAN = 4096;

function featureIds(sentences: Sent[]): FeatureIds {
  const idOf = new Map<string, number>();
  let total = 0;
  for (const s of sentences) total += s.keys.size + s.slots.length;
  // one buffer per array, each sentence a view on its stretch: few objects, neighbouring memory
  const flatIds = new Int32Array(total);
  const flatKey = new Uint8Array(total);
  const flatAt = new Int32Array(total);
  const ids: Int32Array[] = [];
  const start = new Int32Array(sentences.length + 1);
  const sortedPairs = new Int32Array(2 * total);
  // (each sentence's ids sorted by one native numeric sort of id * SPAN + position: a comparator
  // called per pair costs more, and the positions break ties as a stable sort would)
  let longest = 0;
  for (const s of sentences) longest = Math.max(longest, s.keys.size + s.slots.length);
  const packed = new Float64Array(longest);
  const idOfKey = (k: string) => {
    let id = idOf.get(k);
    if (id === undefined) idOf.set(k, (id = idOf.size));
    return id;
  };
  let from = 0;
  for (const s of sentences) {
    const n = s.keys.size + s.slots.length;
    const out = flatIds.subarray(from, from + n);
    const key = flatKey.subarray(from, from + n);
    let i = 0;
    for (const k of s.keys) {
      key[i] = 1;
      out[i++] = idOfKey(k);
    }
    for (const k of s.slots) out[i++] = idOfKey(k);
    const at = flatAt.subarray(from, from + n);
    if (n <= SPAN) {
      const p = packed.subarray(0, n);
      for (let j = 0; j < n; j++) p[j] = out[j] * SPAN + j;
      p.sort();
      for (let j = 0; j < n; j++) at[j] = p[j] % SPAN;
    } else {
      for (let j = 0; j < n; j++) at[j] = j;
      at.sort((x, y) => out[x] - out[y]);
    }
    for (let j = 0; j < n; j++) {
      sortedPairs[2 * (from + j)] = out[at[j]];
      sortedPairs[2 * (from + j) + 1] = at[j];
    }
    ids.push(out);
    from += n;
    start[ids.length] = from;
  }
  return { count: idOf.size, ids, start, isKey: flatKey, sortedPairs, idOf };
}

/** Similarities of sentence pairs by ordinals (i < j): open addressing over typed arrays, no garbage per pair. */
class PairCache {
  private lo: Int32Array;
  private hi: Int32Array;
  private val: Float64Array;
  private size = 0;

  /** Room for about `pairs` pairs before the table grows. */
  constructor(pairs: number) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(4096, 2 * pairs)));
    this.lo = new Int32Array(slots).fill(-1);
    this.hi = new Int32Array(slots);
    this.val = new Float64Array(slots);
  }

  private slot(i: number, j: number): number {
    const mask = this.lo.length - 1;
    // mixed so that the low bits (the slot) depend on every bit of both ordinals
    let h = Math.imul(i, 0x9e3779b1) + j;
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
    h = (h ^ (h >>> 13)) & mask;
    while (this.lo[h] !== -1 && (this.lo[h] !== i || this.hi[h] !== j)) h = (h + 1) & mask;
    return h;
  }
  /** The cached value of the pair, or undefined. */
  get(i: number, j: number): number | undefined {
    const h = this.slot(i, j);
    return this.lo[h] === -1 ? undefined : this.val[h];
  }
  set(i: number, j: number, v: number): void {
    if (2 * (this.size + 1) > this.lo.length) this.grow();
    const h = this.slot(i, j);
    if (this.lo[h] === -1) this.size++;
    this.lo[h] = i;
    this.hi[h] = j;
    this.val[h] = v;
  }
  private grow() {
    const { lo, hi, val } = this;
    this.lo = new Int32Array(lo.length * 2).fill(-1);
    this.hi = new Int32Array(lo.length * 2);
    this.val = new Float64Array(lo.length * 2);
    for (let h = 0; h < lo.length; h++) {
      if (lo[h] === -1) continue;
      const to = this.slot(lo[h], hi[h]);
      this.lo[to] = lo[h];
      this.hi[to] = hi[h];
      this.val[to] = val[h];
    }
  }
}

/** The story's key weights and the similarity of two sentences (cached per pair). */
interface Scorer {
  features: FeatureIds;
  /** By feature id: its weight, and what it adds to a pair's dot product and mass when shared. */
  weight: Float64Array;
  x2: Float64Array;
  mass: Float64Array;
  rare: Uint8Array;
  /** By sentence ordinal: the norm of its weights (0 when it has too few keys to align). */
  normAt: Float64Array;
  sim: (a: Sent, b: Sent) => number;
  /** The same similarity by sentence ordinals (what the alignment's inner loops call). */
  simAt: (i: number, j: number) => number;
  ordinal: Map<Sent, number>;
  /** By sentence ordinal: its article's number (integers compare faster than ids in the inner loops). */
  artNo: Int32Array;
  /**
   * Sentence ordinals by feature id (sentences that can align only), ascending: those of id k are
   * `postings[from[k]..from[k + 1])`. One array, not a list per feature: a large story has
   * hundreds of thousands of features. `maxDf`: the longest list the candidate search reads.
   */
  postings: Int32Array;
  from: Int32Array;
  maxDf: number;
  /** By sentence ordinal: the first sentence of its copies (itself when none, or in a small story; `copyNodes`). */
  firstOf: Int32Array;
  /** The ordinals the candidate search reads and indexes: one per node, ascending. */
  searched: number[];
  /** By sentence ordinal: the copy whose claims it has (`claimTwins`), itself when none. */
  twinOf: Int32Array;
  /** The story's sentences by ordinal. */
  all: Sent[];
  /** Whether the story is large: its candidate search reads a list longer than the window (copies are then one node, and average link bounds its work: AVERAGE_PAIRS_READ). */
  large: boolean;
}

/**
 * Which features are mostly parts of names (or titles next to names): they say who, not what; and
 * of those the discounted ones, names that recur through the story (the protagonists). By feature id
 * (every content word's key is a feature: one map lookup per word, counts in typed arrays).
 */
function nameKeys(story: StoryView, idOf: Map<string, number>): { named: Uint8Array; discounted: Uint8Array } {
  const count = idOf.size;
  const inName = new Int32Array(count);
  const seenKey = new Int32Array(count);
  for (const s of story.sentences) {
    // (a sentence's entities are in text order, as prepare fills them: their spans need no sort)
    const ents = s.entities;
    let e = 0;
    for (const t of s.tokens) {
      if (!t.content) continue;
      const id = idOf.get(t.key)!;
      seenKey[id]++;
      while (e < ents.length && ents[e].span.end + 1 < t.end) e++;
      const sp = e < ents.length ? ents[e].span : undefined;
      const named = !!sp && ((t.start >= sp.start - 1 && t.end <= sp.end + 1) || (TITLE_WORDS.has(t.norm) && sp.start >= t.end && sp.start - t.end <= 2));
      if (named) inName[id]++;
    }
  }
  const nameDf = Math.max(4, Math.floor(story.sentences.length * 0.05));
  const named = new Uint8Array(count);
  const discounted = new Uint8Array(count);
  for (let id = 0; id < count; id++) {
    named[id] = inName[id] > 0.5 * (seenKey[id] || 1) ? 1 : 0;
    discounted[id] = named[id] && seenKey[id] > nameDf ? 1 : 0;
  }
  return { named, discounted };
}

/** IDF weights of the story's keys (recurring names discounted) and the pair similarity built on them. */
function sentenceScorer(story: StoryView, sents: Sent[], counts: AlignmentCounts): Scorer {
  const all = story.sentences;
  const features = featureIds(all);
  const ordinal = new Map<Sent, number>();
  const artNo = new Int32Array(all.length);
  const artIds = new Map<string, number>();
  all.forEach((s, i) => {
    ordinal.set(s, i);
    let id = artIds.get(s.art.id);
    if (id === undefined) artIds.set(s.art.id, (id = artIds.size));
    artNo[i] = id;
  });
  // Inverted index over the sentences that can align.
  const nSent = all.length;
  const maxDf = Math.max(3, story.articles.length, Math.floor(nSent * 0.15));
  const sentOrds = sents.map((s) => ordinal.get(s)!);
  let { from, postings } = invertedIndex(features, sentOrds);
  // what one shared key adds to a pair's similarity, computed once per key (a story's pairs share
  // the same few thousand keys millions of times)
  const { named, discounted } = nameKeys(story, features.idOf);
  const weight = new Float64Array(features.count);
  const x2 = new Float64Array(features.count);
  const mass = new Float64Array(features.count);
  const rare = new Uint8Array(features.count);
  for (const [k, id] of features.idOf) {
    let x = Math.max(0, story.idf(k));
    if (discounted[id]) x *= NAME_DISCOUNT;
    weight[id] = x;
    x2[id] = x * x;
    // names say who, not what: in the mass they always count at the discount
    mass[id] = named[id] ? x * NAME_DISCOUNT : x;
    rare[id] = from[id + 1] - from[id] <= maxDf && x > 0.5 ? 1 : 0;
  }
  const normAt = new Float64Array(nSent);
  for (const s of sents) {
    const o = ordinal.get(s)!;
    let t = 0;
    for (const id of features.ids[o]) t += weight[id] * weight[id];
    normAt[o] = Math.sqrt(t);
  }
  const computeSim = pairSimilarity(features, { x2, mass, rare, named, normAt, quoted: quotedIds(all, ordinal, features.idOf), actors: new Array(nSent) });
  // room for the pairs average link asks too (a table that grows rehashes every pair it holds).
  // The candidate search's pairs are kept too: average link, the central sentences and the claims
  // ask again for about half of them (923 PolNeAR articles as one story: 57,667 of the search's
  // 106,776, of 544,457 similarities computed)
  const cache = new PairCache(16 * sents.length);
  // In a large story, the copies of a sentence are one node (their first sentence): the candidate
  // search reads only first sentences, and a pair's similarity is its first sentences'
  const large = longListRead(from, maxDf);
  const { firstOf, within, searched, twinOf } = copyNodes(all, sents, ordinal, computeSim, large);
  if (searched.length < sentOrds.length) ({ from, postings } = invertedIndex(features, searched));
  const simAt = (i: number, j: number): number => {
    if (i === j) return 1;
    const fi = firstOf[i];
    const fj = firstOf[j];
    if (fi === fj) return within[fi];
    const lo = fi < fj ? fi : fj;
    const hi = fi < fj ? fj : fi;
    let v = cache.get(lo, hi);
    if (v === undefined) {
      counts.similarities++;
      v = computeSim(all[fi], all[fj], fi, fj);
      cache.set(lo, hi, v);
    }
    return v;
  };
  // (sentence ids are unique in a story: one ordinal, one id)
  const sim = (a: Sent, b: Sent): number => (a.id === b.id ? 1 : simAt(ordinal.get(a)!, ordinal.get(b)!));
  return { features, weight, x2, mass, rare, normAt, sim, simAt, ordinal, artNo, postings, from, maxDf, firstOf, searched, twinOf, all, large };
}

/** Sentence ordinals by feature id (of the sentences `ords`, ascending): those of id k are `postings[from[k]..from[k + 1])`. */
function invertedIndex(features: FeatureIds, ords: number[]): { from: Int32Array; postings: Int32Array } {
  const from = new Int32Array(features.count + 1);
  for (const o of ords) for (const id of features.ids[o]) from[id + 1]++;
  for (let k = 0; k < features.count; k++) from[k + 1] += from[k];
  const postings = new Int32Array(from[features.count]);
  const filled = from.slice(0, features.count);
  for (const o of ords) for (const id of features.ids[o]) postings[filled[id]++] = o;
  return { from, postings };
}

/** Whether the candidate search reads a list longer than its window (a large story): lists of at most maxDf sentences are read. */
function longListRead(from: Int32Array, maxDf: number): boolean {
  for (let k = 0; k + 1 < from.length; k++) {
    const n = from[k + 1] - from[k];
    if (n > POSTING_WINDOW + 1 && n <= maxDf) return true;
  }
  return false;
}

/**
 * The alignment's nodes: by sentence ordinal, the first sentence of its copies (itself when it has
 * none), the similarity of two copies by first sentence, and the ordinals the candidate search reads
 * (first sentences, ascending). Copies are one node only in a story that reads lists longer than
 * the window (`collapse`; smaller stories are aligned sentence by sentence, as they always were),
 * and only when they align with each other (a sentence of common words only aligns with nothing).
 */
function copyNodes(all: Sent[], sents: Sent[], ordinal: Map<Sent, number>, computeSim: (a: Sent, b: Sent, i: number, j: number) => number, collapse: boolean) {
  const within = new Float64Array(all.length);
  const self = Int32Array.from(all, (_, i) => i);
  if (!collapse) return { firstOf: self, within, searched: sents.map((s) => ordinal.get(s)!), twinOf: self };
  const copies = sentenceCopies(all, sents, ordinal);
  for (const [first, members] of [...copies.members]) {
    within[first] = computeSim(all[members[0]], all[members[1]], members[0], members[1]);
    if (within[first] < ALIGN_THRESHOLD) dissolveCopies(copies, first);
  }
  const searched = sents.map((s) => ordinal.get(s)!).filter((o) => copies.firstOf[o] === o);
  return { firstOf: copies.firstOf, within, searched, twinOf: claimTwins(all, copies) };
}

/**
 * The similarity of two sentences (ordinals `oa`, `ob`): the shared features are found by merging
 * the two sorted id lists (sequential reads), then summed in the order of the sentence with fewer
 * features (keys, then figures and dates: the same floating-point sums as over the sets).
 */
function pairSimilarity(
  features: FeatureIds,
  part: { x2: Float64Array; mass: Float64Array; rare: Uint8Array; named: Uint8Array; normAt: Float64Array; quoted: Int32Array[]; actors: (Set<string> | undefined)[] },
) {
  const { ids, start, isKey, sortedPairs } = features;
  const { x2, mass: massOf, rare: rareOf, named, normAt, quoted, actors } = part;
  // by feature id, side by side: what it adds to the dot product and to the mass, and (flags) whether it is rare (1) and a name (2)
  const sums = new Float64Array(2 * x2.length);
  const flags = new Uint8Array(x2.length);
  for (let k = 0; k < x2.length; k++) {
    sums[2 * k] = x2[k];
    sums[2 * k + 1] = massOf[k];
    flags[k] = (rareOf[k] ? 1 : 0) | (named[k] ? 2 : 0);
  }
  // the people and organisations of a sentence, by ordinal, once (pairs ask millions of times)
  const actorsAt = (s: Sent, o: number) => (actors[o] ??= new Set(s.entities.filter(isParty).map((e) => e.key)));
  let longest = 1;
  for (const l of ids) longest = Math.max(longest, l.length);
  // positions of the shared features in the smaller sentence and in the other one
  const atSmall = new Int32Array(longest);
  const atLarge = new Int32Array(longest);
  const sharedId = new Int32Array(longest);
  return (a: Sent, b: Sent, oa: number, ob: number): number => {
    const aSmall = start[oa + 1] - start[oa] <= start[ob + 1] - start[ob];
    const os = aSmall ? oa : ob;
    const ol = aSmall ? ob : oa;
    const iEnd = 2 * start[os + 1];
    const jEnd = 2 * start[ol + 1];
    let m = 0;
    for (let i = 2 * start[os], j = 2 * start[ol]; i < iEnd && j < jEnd; ) {
      const x = sortedPairs[i];
      const y = sortedPairs[j];
      if (x < y) i += 2;
      else if (x > y) j += 2;
      else {
        // insertion by position in the smaller sentence (few shared features: a short shift)
        const ps = sortedPairs[i + 1];
        let q = m++;
        while (q > 0 && atSmall[q - 1] > ps) {
          atSmall[q] = atSmall[q - 1];
          atLarge[q] = atLarge[q - 1];
          sharedId[q] = sharedId[q - 1];
          q--;
        }
        atSmall[q] = ps;
        atLarge[q] = sortedPairs[j + 1];
        sharedId[q] = x;
        i += 2;
        j += 2;
      }
    }
    const keyA = start[oa];
    let dot = 0;
    let mass = 0;
    let shared = 0;
    let rare = 0;
    let what = 0;
    for (let q = 0; q < m; q++) {
      const k = sharedId[q];
      dot += sums[2 * k];
      mass += sums[2 * k + 1];
      if (isKey[keyA + (aSmall ? atSmall[q] : atLarge[q])]) {
        shared++;
        const f = flags[k];
        if (f & 1) rare++;
        if (!(f & 2)) what++;
      }
    }
    // names say who, not what: sentences that share only names ("Los Angeles County Sheriff")
    // state different things about the same people
    if (shared < 2 || rare < 1 || what < 1) return 0;
    const na = normAt[oa];
    const nb = normAt[ob];
    // Cosine over IDF weights; or, for long sentences that restate one statement among other
    // things, enough shared informative words (absolute IDF mass) with a modest cosine.
    const cos = na && nb ? dot / (na * nb) : 0;
    // two shared words align only near-identical short sentences ("health care" is not a fact)
    if (shared < 3 && cos < 0.6) return 0;
    let v = cos;
    if (cos >= MASS_MIN_COS && mass >= MASS_ENOUGH) v = Math.max(v, ALIGN_THRESHOLD + 0.01 * Math.min(5, mass - MASS_ENOUGH));
    // Different actors doing the same thing ("Roe echoed …" / "Doe echoed …") are different facts.
    if (v > 0) {
      const d = actorRelation(a, b, actorsAt(a, oa), actorsAt(b, ob));
      // (and one figure as two holders' figures: "Kasich was in second with 16 percent" / "Cruz follows Trump with 16 percent")
      if (d === 'other-subject' || otherQuotation(quoted[oa], quoted[ob]) || figuresOfOtherHolders(a, b)) v = 0;
      else if (d === 'disjoint') v *= 0.5;
    }
    return v;
  };
}

/**
 * Pairs of sentences of different articles similar enough to align: sparse accumulation over the
 * informative keys (typed arrays indexed by sentence ordinal), exact similarity only for pairs
 * that can reach the threshold. Strongest first.
 */
function candidateEdges(story: StoryView, scorer: Scorer, counts: AlignmentCounts): Edge[] {
  const { features, weight, x2: x2Of, mass: massOf, normAt, simAt, postings, from, maxDf, firstOf, searched } = scorer;
  // by node (its first sentence's ordinal): its article, or -1 when its copies are in several
  // (a pair of sentences of one article is no edge; copies in other articles make it one)
  const artOf = scorer.artNo.slice();
  for (let o = 0; o < firstOf.length; o++) if (artOf[firstOf[o]] !== scorer.artNo[o]) artOf[firstOf[o]] = -1;
  // the edges found, by sentence ordinals (lower first) and similarity
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeSim: number[] = [];
  const all = story.sentences;
  // a key's list is read when it has at most maxDf sentences (0: none to read)
  const listLength = (k: number) => {
    const n = from[k + 1] - from[k];
    return n <= maxDf ? n : 0;
  };
  const { missDot, missMass, unseenFrom, unseen } = unseenKeys(searched, scorer, listLength);
  const reach = postingReach(searched, scorer, listLength, missDot, missMass);
  // the current sentence's unseen keys, marked by id: whether a key is unseen depends only on the
  // key, so the unseen keys a pair shares are those of the other sentence's (short) unseen list
  // that are marked
  const unseenMark = new Uint8Array(features.count);
  // Per sentence met, in the order met (the t-th met holds the t-th stretch of ACC doubles: what
  // one sentence meets, about 300 on average, in a few kB the cache keeps, where stretches
  // by ordinal, in no order a cache can predict, held 1.5 MB): the dot product, mass and number of
  // features it shares with the current sentence, its norm, which every pair met reads, and what
  // the long lists read added to the three (they are also unseen keys, counted once by the bound).
  const acc = new Float64Array(ACC * all.length);
  const touched = new Int32Array(all.length);
  // whether a sentence is met yet, one byte each (most postings read are of sentences the bounds
  // keep out: 29 kB in cache), and where it is in `touched` once met
  const isMet = new Uint8Array(all.length);
  const metAt = new Int32Array(all.length);
  const longRead = new Int32Array(LONG_LISTS_READ);
  let longestIds = 0;
  for (const ids of features.ids) longestIds = Math.max(longestIds, ids.length);
  const readKeys = new Int32Array(longestIds);
  const readNbMax = new Float64Array(longestIds);
  const storyOrder = new Int32Array(longestIds);
  for (const oa of searched) {
    const artA = artOf[oa];
    let nTouched = 0;
    const nLong = rarestLongLists(features.ids[oa], listLength, longRead);
    for (let q = unseenFrom[oa]; q < unseenFrom[oa + 1]; q++) unseenMark[unseen[q]] = 1;
    const na = normAt[oa];
    const nRead = keysRead(features.ids[oa], { na: normAt[oa], missDot: missDot[oa], missMass: missMass[oa] }, weight, listLength, { longRead, nLong }, readKeys, readNbMax, storyOrder);
    for (let r = 0; r < nRead; r++) {
      const k = readKeys[r];
      const n = from[k + 1] - from[k];
      const long = n > POSTING_WINDOW + 1;
      const x = weight[k];
      const x2 = x * x;
      // (a sentence not met through the keys before this one and whose norm exceeds this cannot pass the first prune below: it is not met)
      const nbMax = readNbMax[r];
      // the sentences after this one in the key's list, at most POSTING_WINDOW of them
      const first = after(postings, from[k], from[k + 1], oa);
      const to = Math.min(from[k + 1], first + POSTING_WINDOW);
      counts.postingsRead += to - first;
      for (let p = first; p < to; p++) {
        const b = postings[p];
        if (!isMet[b]) {
          // (b's side of the bound on an edge: postingReach, read in order, first; a sentence of
          // this one's article is never met, so one met needs no second look at its article)
          // (these two bounds are prefix filtering already: an index of prefixes meets the same pairs,
          // proof in the compare NOTES, cspeed33)
          if (reach[p] < na || normAt[b] > nbMax || (artOf[b] === artA && artA !== -1)) continue;
          isMet[b] = 1;
          metAt[b] = nTouched;
          const at = ACC * nTouched;
          touched[nTouched++] = b;
          acc[at] = x2;
          acc[at + 1] = x;
          acc[at + 2] = 1;
          acc[at + 3] = normAt[b];
          acc[at + 4] = long ? x2 : 0;
          acc[at + 5] = long ? x : 0;
          acc[at + 6] = long ? 1 : 0;
          continue;
        }
        const at = ACC * metAt[b];
        acc[at] += x2;
        acc[at + 1] += x;
        acc[at + 2]++;
        if (long) {
          acc[at + 4] += x2;
          acc[at + 5] += x;
          acc[at + 6]++;
        }
      }
    }
    counts.pairsMet += nTouched;
    for (let t = 0; t < nTouched; t++) {
      const b = touched[t];
      isMet[b] = 0;
      const at = ACC * t;
      let dot = acc[at];
      let mass = acc[at + 1];
      const seen = acc[at + 2];
      const nb = acc[at + 3];
      const longDot = acc[at + 4];
      const longMass = acc[at + 5];
      const longSeen = acc[at + 6];
      if (!na || !nb) continue;
      // The keys are read rarest first, and floating-point sums in another order may differ in
      // their last bits: near the limits of the prune below, the pair's sums are taken again in
      // the sentence's key order (as they always were), so the same pairs pass it.
      if (nearLimit(dot / (na * nb), ALIGN_THRESHOLD * 0.5) || nearLimit(mass, MASS_ENOUGH * 0.6)) {
        const exact = sumsInOrder(storyOrder, nRead, oa, b, weight, postings, from);
        dot = exact.dot;
        mass = exact.mass;
      }
      // the indexed keys are most of the weight: prune pairs that cannot reach either criterion
      if (dot / (na * nb) < ALIGN_THRESHOLD * 0.5 && mass < MASS_ENOUGH * 0.6) continue;
      // a pair whose similarity cannot reach the threshold even with everything missed is no edge
      // (skipping it changes nothing; it saves most of a large story's exact similarities)
      const cosAtMost = (dot + Math.min(missDot[oa], missDot[b])) / (na * nb) + 1e-9;
      const massAtMost = mass + Math.min(missMass[oa], missMass[b]) + 1e-9;
      if (cosAtMost < ALIGN_THRESHOLD && (cosAtMost < MASS_MIN_COS || massAtMost < MASS_ENOUGH)) continue;
      // the same bound with only the unseen keys both sentences have (the long lists read are
      // among them, so what they added is taken out first): the dot product is then exact, and
      // most pairs left have common words in one sentence only
      let dotAtMost = dot - longDot;
      let massShared = mass - longMass;
      let sharedAtMost = seen - longSeen;
      for (let q = unseenFrom[b]; q < unseenFrom[b + 1]; q++) {
        const k = unseen[q];
        if (!unseenMark[k]) continue;
        dotAtMost += x2Of[k];
        massShared += massOf[k];
        sharedAtMost++;
      }
      const cosBound = dotAtMost / (na * nb) + 1e-9;
      if (cosBound < ALIGN_THRESHOLD && (cosBound < MASS_MIN_COS || massShared + 1e-9 < MASS_ENOUGH)) continue;
      // and the similarity's own gates on the shared words (features counted: at least the words)
      if (sharedAtMost < 2 || (sharedAtMost < 3 && cosBound < 0.6)) continue;
      counts.pairsScored++;
      const v = simAt(oa, b);
      if (v >= ALIGN_THRESHOLD) {
        edgeFrom.push(oa);
        edgeTo.push(b);
        edgeSim.push(v);
      }
    }
    for (let q = unseenFrom[oa]; q < unseenFrom[oa + 1]; q++) unseenMark[unseen[q]] = 0;
  }
  return strongestFirst(all, edgeFrom, edgeTo, edgeSim);
}

/**
 * The edges, strongest first, ties in the order of the sentences' ids (first the lower sentence's,
 * then the other's), as they always were. Sorted by numbers: a story of near-copies has hundreds
 * of thousands of edges with few distinct similarities (1,000 near-copies: 262,491 edges, 1,215
 * values), and comparing the ties' ids as strings was most of the sort.
 */
function strongestFirst(all: Sent[], from: number[], to: number[], sim: number[]): Edge[] {
  const rank = idRanks(all);
  const order = Int32Array.from(sim, (_, i) => i).sort((x, y) => sim[y] - sim[x] || rank[from[x]] - rank[from[y]] || rank[to[x]] - rank[to[y]]);
  return Array.from(order, (i) => ({ a: from[i], b: to[i], s: sim[i] }));
}

/** Each sentence's rank by id (`cmp`): its ordinal when the story's sentences are already in that order, as they mostly are. */
function idRanks(all: Sent[]): Int32Array {
  let inOrder = true;
  for (let i = 1; i < all.length && inOrder; i++) inOrder = cmp(all[i - 1].id, all[i].id) < 0;
  const order = inOrder ? null : all.map((_, i) => i).sort((x, y) => cmp(all[x].id, all[y].id));
  const rank = new Int32Array(all.length);
  for (let i = 0; i < all.length; i++) rank[order ? order[i] : i] = i;
  return rank;
}

/**
 * What the candidate search cannot see of a sentence: its keys left out of the postings (too
 * common) or in lists longer than the window (a pair may sit out of each other's window). A
 * pair's missed dot product and mass are at most the smaller of its two sentences' sums, which
 * bounds its similarity from above before it is computed. Those keys themselves, per sentence
 * (`unseen[unseenFrom[o]..unseenFrom[o + 1])`), with the keys of no weight (the search skips
 * them: they add nothing to the sums, but they count as shared words): whether a key is one
 * depends only on the key, so a pair shares the same ones seen from either side.
 */
function unseenKeys(searched: number[], scorer: Scorer, listLength: (k: number) => number): { missDot: Float64Array; missMass: Float64Array; unseenFrom: Int32Array; unseen: Int32Array } {
  const { features, weight, x2: x2Of, mass: massOf } = scorer;
  const n = scorer.artNo.length;
  const missDot = new Float64Array(n);
  const missMass = new Float64Array(n);
  const unseenFrom = new Int32Array(n + 1);
  const unseenIds: number[] = [];
  for (const oa of searched) {
    unseenFrom[oa] = unseenIds.length;
    for (const k of features.ids[oa]) {
      const len = listLength(k);
      if (len && len <= POSTING_WINDOW + 1 && weight[k] > 0) continue;
      missDot[oa] += x2Of[k];
      missMass[oa] += massOf[k];
      unseenIds.push(k);
    }
    unseenFrom[oa + 1] = unseenIds.length;
  }
  return { missDot, missMass, unseenFrom, unseen: Int32Array.from(unseenIds) };
}

/**
 * By posting (`postings[p]`: sentence b in key k's list), the largest norm of another sentence with
 * which b can still make an edge when the two first meet through k (the keys are read heaviest
 * first, ties by lower id, and every list of at most POSTING_WINDOW + 1 sentences is read whole:
 * such a key they share before k would have met them before). What the pair shares is then at most
 * b's keys of such lists from k on, and what the search does not see of b (`unseenKeys`); an edge's
 * cosine over it reaches MASS_MIN_COS, and ALIGN_THRESHOLD unless its mass can reach MASS_ENOUGH.
 * The bound of b's side; `keysRead` gives the other's.
 */
function postingReach(searched: number[], scorer: Scorer, listLength: (k: number) => number, missDot: Float64Array, missMass: Float64Array): Float64Array {
  const { features, weight, normAt, from } = scorer;
  const reach = new Float64Array(scorer.postings.length);
  // filled in the order invertedIndex filled the postings: sentences ascending, each in its features' order
  const filled = from.slice(0, features.count);
  let longest = 0;
  for (const o of searched) longest = Math.max(longest, features.ids[o].length);
  const order = new Int32Array(longest);
  const atRank = new Float64Array(longest);
  const rankOf = new Int32Array(longest);
  for (const o of searched) {
    const ids = features.ids[o];
    const n = ids.length;
    const byWeight = order.subarray(0, n);
    for (let j = 0; j < n; j++) byWeight[j] = j;
    byWeight.sort((x, y) => weight[ids[y]] - weight[ids[x]] || ids[x] - ids[y]);
    const nb = normAt[o];
    let dotLeft = missDot[o];
    let massLeft = missMass[o];
    for (let r = n - 1; r >= 0; r--) {
      const k = ids[byWeight[r]];
      const len = listLength(k);
      if (len && len <= POSTING_WINDOW + 1 && weight[k] > 0) {
        dotLeft += weight[k] * weight[k];
        massLeft += weight[k];
      }
      const cosNeeded = (massLeft < MASS_ENOUGH * (1 - 1e-9) ? ALIGN_THRESHOLD : MASS_MIN_COS) * (1 - 1e-9);
      atRank[r] = nb > 0 ? dotLeft / (cosNeeded * nb) : 0;
    }
    // (a feature twice, a slot written as a key, has the bound of its first place)
    for (let r = 1; r < n; r++) if (ids[byWeight[r]] === ids[byWeight[r - 1]]) atRank[r] = atRank[r - 1];
    for (let r = 0; r < n; r++) rankOf[byWeight[r]] = r;
    for (let j = 0; j < n; j++) reach[filled[ids[j]]++] = atRank[rankOf[j]];
  }
  return reach;
}

/**
 * The nodes of average link: sentences (by ordinal), the copies of one sentence one node
 * (`sentence-copies.ts`), found by its first sentence's ordinal (the ordinal edges carry).
 */
interface Nodes {
  /** By the first sentence's ordinal: its node (-1: none). */
  nodeOf: Int32Array;
  /** By node: its sentences' ordinals. */
  members: number[][];
  /** By node of two sentences or more: their article numbers, ascending (null for one sentence). */
  arts: (Int32Array | null)[];
}

function alignmentNodes(ords: number[], scorer: Scorer): Nodes {
  const { firstOf, artNo } = scorer;
  const nodeOf = new Int32Array(artNo.length).fill(-1);
  const members: number[][] = [];
  for (const o of ords) {
    const f = firstOf[o];
    let node = nodeOf[f];
    if (node === -1) {
      nodeOf[f] = node = members.length;
      members.push([]);
    }
    members[node].push(o);
  }
  const arts = members.map((m) => (m.length > 1 ? Int32Array.from(m, (o) => artNo[o]).sort() : null));
  return { nodeOf, members, arts };
}

/**
 * How many pairs of sentences of two different articles two nodes hold: every pair of their members
 * but those of one article (a node of copies holds one sentence of each of several articles).
 */
function pairsApart(nodes: Nodes, u: number, v: number, artNo: Int32Array): number {
  const au = nodes.arts[u];
  const av = nodes.arts[v];
  if (!au && !av) return artNo[nodes.members[u][0]] === artNo[nodes.members[v][0]] ? 0 : 1;
  const xs = au ?? Int32Array.of(artNo[nodes.members[u][0]]);
  const ys = av ?? Int32Array.of(artNo[nodes.members[v][0]]);
  let same = 0;
  for (let i = 0, j = 0; i < xs.length && j < ys.length; ) {
    if (xs[i] < ys[j]) i++;
    else if (xs[i] > ys[j]) j++;
    else {
      // a run of one article on each side: every pair of the two runs
      const art = xs[i];
      const i0 = i;
      const j0 = j;
      while (i < xs.length && xs[i] === art) i++;
      while (j < ys.length && ys[j] === art) j++;
      same += (i - i0) * (j - j0);
    }
  }
  return xs.length * ys.length - same;
}

/**
 * Average-link agglomeration over the edges (between nodes' first sentences), strongest first; a
 * merge needs the clusters' mean similarity over their pairs of sentences of different articles. A
 * node of copies counts as its members: one similarity, weighted by its pairs. Clusters are lists
 * of nodes; each is returned as its sentences.
 */
function averageLink(story: StoryView, nodes: Nodes, edges: Edge[], scorer: Scorer, counts: AlignmentCounts): Sent[][] {
  const { simAt, artNo } = scorer;
  const all = story.sentences;
  const { nodeOf, members } = nodes;
  // cluster of each node (-1: none yet)
  const clusterOfNode = new Int32Array(members.length).fill(-1);
  const clusters: number[][] = [];
  const clusterIdx = (o: number) => {
    const u = nodeOf[o];
    let c = clusterOfNode[u];
    if (c === -1) {
      c = clusters.length;
      clusters.push([u]);
      clusterOfNode[u] = c;
    }
    return c;
  };
  // copies are one fact of their own when nothing else joins them (as their edges to each other made them)
  for (let u = 0; u < members.length; u++) if (members[u].length > 1) clusterIdx(members[u][0]);
  const sentences = (c: number[]) => {
    let t = 0;
    for (const u of c) t += members[u].length;
    return t;
  };
  // Lance-Williams: a pair of clusters' average is a sum over their pairs of nodes, and a merge
  // appends the dropped cluster's nodes to the kept one's list, so what was summed for a pair of
  // clusters covers a prefix of each: it is kept with the lengths it covered, and the next edge
  // between the two sums only the pairs of the nodes added since (none when neither changed: a
  // pair refused stays refused). A cluster's average with a large one it meets again and again is
  // not summed anew at each of its merges.
  const n = all.length + 1;
  // by the pair's number (lo * n + hi): its entry, whose sum, count and covered lengths are below
  const entryOf = new Map<number, number>();
  const sumTotal: number[] = [];
  const sumMet: number[] = [];
  const coveredLo: number[] = [];
  const coveredHi: number[] = [];
  // entries whose clusters tell one act apart (actToldApart): never merged
  const refused = new Set<number>();
  const sumOver = (A: number[], a0: number, aEnd: number, B: number[], b0: number, into: { total: number; met: number }) => {
    counts.averagePairs += (aEnd - a0) * (B.length - b0);
    for (let i = a0; i < aEnd; i++)
      for (let j = b0; j < B.length; j++) {
        const u = A[i];
        const v = B[j];
        const apart = pairsApart(nodes, u, v, artNo);
        if (!apart) continue;
        into.total += apart === 1 ? simAt(members[u][0], members[v][0]) : apart * simAt(members[u][0], members[v][0]);
        into.met += apart;
      }
  };
  const MERGE_LEVEL = ALIGN_THRESHOLD * 0.6;
  for (const e of edges) {
    const ca = clusterIdx(e.a);
    const cb = clusterIdx(e.b);
    if (ca === cb) continue;
    const A = clusters[ca];
    const B = clusters[cb];
    if (sentences(A) + sentences(B) > 2) {
      const lo = ca < cb ? ca : cb;
      const hi = ca < cb ? cb : ca;
      const L = clusters[lo];
      const H = clusters[hi];
      const pair = lo * n + hi;
      let entry = entryOf.get(pair);
      if (entry === undefined) {
        entryOf.set(pair, (entry = sumTotal.length));
        sumTotal.push(0);
        sumMet.push(0);
        coveredLo.push(0);
        coveredHi.push(0);
      } else if (refused.has(entry) || (coveredLo[entry] === L.length && coveredHi[entry] === H.length)) continue;
      // (a large story: clusters of more pairs than this are not averaged, and never merge)
      if (scorer.large && L.length * H.length > AVERAGE_PAIRS_READ) {
        counts.unaveraged++;
        refused.add(entry);
        continue;
      }
      counts.averages++;
      const pairsBefore = counts.averagePairs;
      const acc = { total: sumTotal[entry], met: sumMet[entry] };
      // the new nodes of the lower cluster with all of the other's, then its old ones with the other's new ones
      sumOver(L, coveredLo[entry], L.length, H, 0, acc);
      sumOver(L, 0, coveredLo[entry], H, coveredHi[entry], acc);
      sumTotal[entry] = acc.total;
      sumMet[entry] = acc.met;
      coveredLo[entry] = L.length;
      coveredHi[entry] = H.length;
      let { total, met } = acc;
      // (a mean this close to the merge level is summed again in the order the pairs always were:
      // another order may differ in the last bits)
      if (met && nearLimit(total / met, MERGE_LEVEL)) {
        const inOrder = { total: 0, met: 0 };
        sumOver(A, 0, A.length, B, 0, inOrder);
        ({ total, met } = inOrder);
      }
      if (!met || total / met < MERGE_LEVEL) {
        counts.refusedPairs += counts.averagePairs - pairsBefore;
        continue;
      }
      // (a refusal stands: the clusters only grow, and the pair that tells the act apart stays in them)
      if (actToldApart(nodes, A, B, all, artNo)) {
        refused.add(entry);
        continue;
      }
    } else if (actToldApart(nodes, A, B, all, artNo)) continue;
    counts.merges++;
    // merge smaller index into larger for determinism: keep the lower index
    const [keep, drop] = ca < cb ? [ca, cb] : [cb, ca];
    for (const u of clusters[drop]) clusterOfNode[u] = keep;
    clusters[keep] = clusters[keep].concat(clusters[drop]);
    clusters[drop] = [];
  }
  return clusters.map((c) => c.flatMap((u) => members[u].map((o) => all[o])));
}

/**
 * Whether two clusters hold sentences of different articles that tell one act to other patients or
 * on other days (`oneActApart`, claim by claim): a lead that states the main act plainly ("The
 * Saints have placed X on injured reserve") is close to every sentence that elaborates it, and
 * raises the average enough to join a cluster of another placement; the two placements stay two.
 * (A node of copies is read by its first sentence: copies make the same claims.)
 */
function actToldApart(nodes: Nodes, A: number[], B: number[], all: Sent[], artNo: Int32Array): boolean {
  for (const u of A) {
    // (u's claims once for all of B: a cluster is read against every node of the other, and more
    // than once while average link grows them)
    let ca: readonly Claim[] | null = null;
    for (const v of B) {
      if (!pairsApart(nodes, u, v, artNo)) continue;
      ca ??= claimsOf(all[nodes.members[u][0]]);
      const cb = claimsOf(all[nodes.members[v][0]]);
      for (const x of ca) for (const y of cb) if (oneActApart(x, y)) return true;
    }
  }
  return false;
}

/**
 * An article counts once in a fact: of its sentences in a cluster, the one closest to the
 * cluster's central sentence stays, and another stays only when it restates that one (similar at
 * the alignment threshold: an article that tells the arrest twice). The others state something
 * else of the same story ("the bodies were found" / "he is charged with the murders") that average
 * link let in because the article's sentences are never compared with each other; they are `left`.
 */
function oncePerArticle(cluster: Sent[], scorer: Scorer): { kept: Central; left: Sent[] } {
  const c = centralOf(cluster, scorer);
  const { members, ords, artOf, central } = c;
  if (members.length < 3) return { kept: c, left: [] };
  const ci = members.indexOf(central);
  const closeness = members.map((_, i) => (i === ci ? Infinity : scorer.simAt(ords[i], ords[ci])));
  const bestOf = new Map<number, number>();
  members.forEach((_, i) => {
    const b = bestOf.get(artOf[i]);
    if (b === undefined || closeness[i] > closeness[b]) bestOf.set(artOf[i], i);
  });
  if (bestOf.size === members.length) return { kept: c, left: [] };
  const stays = members.map((_, i) => bestOf.get(artOf[i]) === i || scorer.simAt(ords[i], ords[bestOf.get(artOf[i])!]) >= ALIGN_THRESHOLD);
  if (!stays.includes(false)) return { kept: c, left: [] };
  const pick = <T>(xs: T[]) => xs.filter((_, i) => stays[i]);
  return { kept: { members: pick(members), ords: pick(ords), artOf: pick(artOf), central }, left: members.filter((_, i) => !stays[i]) };
}

/** A cluster's members (sorted by id), their ordinals and article numbers, and its most central sentence. */
interface Central {
  members: Sent[];
  ords: number[];
  artOf: number[];
  central: Sent;
}

/** The member with the highest summed similarity to the other articles' members (ties: the shorter). */
function centralOf(cluster: Sent[], scorer: Scorer): Central {
  const { simAt, ordinal } = scorer;
  const members = [...cluster].sort((x, y) => cmp(x.id, y.id));
  let central = members[0];
  let best = -1;
  // by ordinal and article number: a large fact's members meet each other millions of times
  const ords = members.map((s) => ordinal.get(s)!);
  const artNo = new Map<string, number>();
  const artOf = members.map((s) => {
    let k = artNo.get(s.art.id);
    if (k === undefined) artNo.set(s.art.id, (k = artNo.size));
    return k;
  });
  if (artNo.size < 2) return { members, ords, artOf, central };
  for (let i = 0; i < members.length; i++) {
    const s = members[i];
    let t = 0;
    for (let j = 0; j < members.length; j++) if (j !== i && artOf[j] !== artOf[i]) t += simAt(ords[i], ords[j]);
    if (t > best + 1e-9 || (Math.abs(t - best) <= 1e-9 && s.span.end - s.span.start < central.span.end - central.span.start)) {
      best = t;
      central = s;
    }
  }
  return { members, ords, artOf, central };
}

/** Clusters that span two articles or more, with the keys their articles share and their most central sentence. */
function factClusters(clusters: Central[], scorer: Scorer): Alignment {
  const { sim } = scorer;
  const out: FactCluster[] = [];
  for (const c of clusters) {
    const { members, central } = c;
    if (members.length < 2) continue;
    const arts = new Set(members.map((s) => s.art.id));
    if (arts.size < 2) continue;
    const shared = sharedKeys(members);
    out.push({ members, shared, central, facts: claimSplit(c, scorer) ?? [{ members, central, shared }] });
  }
  out.sort((x, y) => cmp(x.members[0].id, y.members[0].id));
  const clusterOf = new Map<string, number>();
  out.forEach((c, i) => {
    for (const s of c.members) clusterOf.set(s.id, i);
  });
  const { all, ordinal, twinOf } = scorer;
  return { clusters: out, clusterOf, sim, twin: (s) => all[twinOf[ordinal.get(s) ?? -1]] ?? s };
}

/** Keys present in at least two of the sentences' articles. */
export function sharedKeys(members: Sent[]): Set<string> {
  const shared = new Set<string>();
  // (most clusters of a large story are one sentence: nothing shared, nothing to count)
  if (members.length < 2) return shared;
  // each key's first article, null once a second one has it (in the order the keys are first met)
  const firstArt = new Map<string, string | null>();
  for (const s of members)
    for (const k of s.keys) {
      const a = firstArt.get(k);
      if (a === undefined) firstArt.set(k, s.art.id);
      else if (a !== null && a !== s.art.id) firstArt.set(k, null);
    }
  for (const [k, a] of firstArt) if (a === null) shared.add(k);
  return shared;
}

/** The cluster's facts aligned claim by claim (`claims.ts` claimFacts); null when it is one fact. */
function claimSplit(c: Central, scorer: Scorer): FactCluster['facts'] | null {
  const { members, ords, artOf } = c;
  const { features, weight } = scorer;
  const groups = claimFacts(
    // (copies parsed alike are read once: the first one's claims stand for the others')
    ords.map((o) => scorer.all[scorer.twinOf[o]]),
    artOf,
    (i, j) => scorer.simAt(ords[i], ords[j]),
    (v) => v >= ALIGN_THRESHOLD,
    ALIGN_THRESHOLD * 0.6,
    (k) => weight[features.idOf.get(k) ?? -1] ?? 0,
  );
  if (!groups) return null;
  return groups.map((g) => {
    const part = centralOf(
      g.members.map((i) => members[i]),
      scorer,
    );
    // (a fact split off a member's compound statement is shown by a member that states only it, when one does)
    return { members: part.members, central: g.shown >= 0 ? members[g.shown] : part.central, shared: sharedKeys(part.members) };
  });
}

/**
 * Writes into `keys` the keys whose lists a sentence (of norm `na`) reads, the heaviest (rarest)
 * first, and into `inOrder` the same keys in the order of its features: lists of at most maxDf
 * sentences, a long one only when it is among the rarest (the first `nLong` of `longRead`), keys
 * of some weight; returns how many. Read rarest first, the weight left after a key falls fast, so
 * `nbMax` below lets fewer sentences in through the common keys read last (923 articles as one
 * story: 16.2 M -> 11.8 M pairs met, the same 106,776 exact similarities; 1,000 near-copies
 * 16.5 M -> 12.2 M, 367,354). Into `nbMax`, per key, the
 * largest norm of another sentence that can still pass the candidate search's first prune (a
 * cosine over the keys met of ALIGN_THRESHOLD / 2, or a mass of MASS_ENOUGH * 0.6) when it is
 * first met through this key: the keys from this one on add at most their sums to the pair's dot
 * product and mass, so a sentence of larger norm cannot reach the cosine; when they can reach the
 * mass, any norm may (Infinity). The sums are taken from the end, another order than the pairs':
 * the margin of 1e-9 is far above their rounding.
 */
function keysRead(ids: Int32Array, a: { na: number; missDot: number; missMass: number }, weight: Float64Array, listLength: (k: number) => number, long: { longRead: Int32Array; nLong: number }, keys: Int32Array, nbMax: Float64Array, inOrder: Int32Array): number {
  let m = 0;
  for (const k of ids) {
    const n = listLength(k);
    if (!n || weight[k] <= 0) continue;
    if (n > POSTING_WINDOW + 1) {
      let chosen = false;
      for (let q = 0; q < long.nLong; q++) if (long.longRead[q] === k) chosen = true;
      if (!chosen) continue;
    }
    inOrder[m] = k;
    // insertion by weight, heaviest first (ties: lower id)
    let q = m++;
    while (q > 0 && (weight[keys[q - 1]] < weight[k] || (weight[keys[q - 1]] === weight[k] && keys[q - 1] > k))) {
      keys[q] = keys[q - 1];
      q--;
    }
    keys[q] = k;
  }
  const { na } = a;
  let dotLeft = 0;
  let massLeft = 0;
  for (let r = m - 1; r >= 0; r--) {
    const x = weight[keys[r]];
    dotLeft += x * x;
    massLeft += x;
    const firstPrune = massLeft < FIRST_MASS ? dotLeft / (FIRST_COS * na) : Infinity;
    // an edge's cosine, over every feature the pair shares, reaches MASS_MIN_COS, and
    // ALIGN_THRESHOLD unless its mass reaches MASS_ENOUGH; what it shares is at most this key on and
    // what the search does not see of the sentence
    const massAtMost = massLeft + a.missMass;
    const cosNeeded = (massAtMost < MASS_ENOUGH * (1 - 1e-9) ? ALIGN_THRESHOLD : MASS_MIN_COS) * (1 - 1e-9);
    nbMax[r] = Math.min(firstPrune, (dotLeft + a.missDot) / (cosNeeded * na));
  }
  return m;
}

/**
 * Writes into `out` the sentence's keys with lists longer than the window, at most
 * LONG_LISTS_READ of them, the shortest lists first (ties: lower id); returns how many.
 */
function rarestLongLists(ids: Int32Array, listLength: (k: number) => number, out: Int32Array): number {
  let m = 0;
  for (const k of ids) {
    const n = listLength(k);
    if (n <= POSTING_WINDOW + 1) continue;
    // insertion into the short sorted list of the best so far
    let q = m < out.length ? m++ : m;
    if (q === out.length && !longerList(out[q - 1], k, n, listLength)) continue;
    if (q === out.length) q--;
    while (q > 0 && longerList(out[q - 1], k, n, listLength)) {
      out[q] = out[q - 1];
      q--;
    }
    out[q] = k;
  }
  return m;
}

/** Whether key `j`'s list ranks after key `k`'s (of length `n`): longer, or as long and a higher id. (A function, not a closure per key: this runs for every key of every sentence.) */
function longerList(j: number, k: number, n: number, listLength: (k: number) => number): boolean {
  const l = listLength(j);
  return l > n || (l === n && j > k);
}

/** Index of the first entry of the ascending stretch `l[lo..hi)` greater than `x` (hi when none). */
function after(l: Int32Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (l[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a sum is so close to a limit that the order it was summed in may decide which side it is on. */
function nearLimit(v: number, limit: number): boolean {
  return Math.abs(v - limit) <= 1e-9 * Math.max(1, limit);
}

/**
 * A pair's dot product and mass over the keys the candidate search read, summed in the sentence's
 * key order `keys[0..n)` (that of the story's features): a key counts when the other sentence `b`
 * is in its window, the POSTING_WINDOW sentences after `oa` in the key's list.
 */
function sumsInOrder(keys: Int32Array, n: number, oa: number, b: number, weight: Float64Array, postings: Int32Array, from: Int32Array): { dot: number; mass: number } {
  let dot = 0;
  let mass = 0;
  for (let r = 0; r < n; r++) {
    const k = keys[r];
    const first = after(postings, from[k], from[k + 1], oa);
    const at = after(postings, from[k], from[k + 1], b) - 1;
    if (at < first || postings[at] !== b || at - first >= POSTING_WINDOW) continue;
    const x = weight[k];
    dot += x * x;
    mass += x;
  }
  return { dot, mass };
}

/** Span of the shared words inside a member sentence (the whole sentence when nothing is shared). */
export function sharedSpan(s: Sent, shared: Set<string>): { start: number; end: number } {
  // the first shared word from the start, the last from the end (no list of the words between)
  const isShared = (t: Sent['tokens'][number]) => t.content && shared.has(t.key);
  const toks = s.tokens;
  let first = 0;
  while (first < toks.length && !isShared(toks[first])) first++;
  let last = toks.length - 1;
  while (last > first && !isShared(toks[last])) last--;
  if (last <= first) return { ...s.span };
  return { start: toks[first].start, end: toks[last].end };
}

/**
 * By sentence ordinal: the ids of the keys of the words it quotes directly (inside quotation marks,
 * as analyse read them), ascending; empty for a sentence that quotes no one.
 */
function quotedIds(sentences: Sent[], at: Map<Sent, number>, idOf: Map<string, number>): Int32Array[] {
  const none = new Int32Array(0);
  const out: Int32Array[] = new Array<Int32Array>(sentences.length).fill(none);
  const keys = new Map<number, Set<number>>();
  const arts = new Set<Sent['art']>();
  for (const s of sentences) arts.add(s.art);
  for (const a of arts)
    for (const q of a.quotes) {
      const o = at.get(q.sent);
      if (o === undefined || q.quote.kind !== 'direct') continue;
      let set = keys.get(o);
      if (!set) keys.set(o, (set = new Set()));
      for (const p of q.quote.parts?.length ? q.quote.parts : [q.quote.span])
        for (const t of q.sent.tokens) if (t.content && t.start >= p.start && t.end <= p.end) set.add(idOf.get(t.key)!);
    }
  for (const [o, set] of keys) out[o] = Int32Array.from(set).sort();
  return out;
}

/**
 * Both sentences quote someone and the quotations share no word: two things said, however alike
 * the attributions ("'It was horrible to see,' said Roe, managing editor" / "'That woman just
 * died,' said managing editor Jane Roe"). By the ascending ids of their quoted words.
 */
function otherQuotation(qa: Int32Array, qb: Int32Array): boolean {
  if (!qa.length || !qb.length) return false;
  for (let i = 0, j = 0; i < qa.length && j < qb.length; ) {
    if (qa[i] === qb[j]) return false;
    if (qa[i] < qb[j]) i++;
    else j++;
  }
  return true;
}

/**
 * Both sentences name people/organisations and share none of them, or both have subjects (named
 * before the verb) and the subjects differ: "Trump said … Clinton" is not "Clinton said … Trump".
 */
function actorRelation(a: Sent, b: Sent, ka: Set<string>, kb: Set<string>): 'disjoint' | 'other-subject' | 'ok' {
  if (!ka.size || !kb.size) return 'ok';
  if (!shares(kb, ka)) return 'disjoint';
  return apart(subjectsOf(a), subjectsOf(b)) ? 'other-subject' : 'ok';
}

const isCue = (lemma: string) => cueClassOf(lemma) !== null;

const ACTS = new WeakMap<Sent, Set<string> | null>();
/** The acts a sentence states by the parse (verbs, not light verbs or verbs of attribution); null without a parse. Once per sentence. */
export function actsOf(s: Sent): Set<string> | null {
  let acts = ACTS.get(s);
  if (acts === undefined) ACTS.set(s, (acts = statedActs(s, isCue)));
  return acts;
}

/**
 * Whether `s` states the act of `central` (whose acts are `acts`): one of its verbs is one of the
 * central's, or the act is told by the same word as a noun in the other ("calling them deeply
 * destabilizing" / "is deeply destabilising"), or it gives the central's value (the same day, the
 * same figure) with another verb ("The fire broke out on 21 July" / "The blaze started on 21
 * July"), or it states no act of its own (a description: "Roe was the mother of 12 children").
 * "He cited tents and blankets as the most needed items" does not state "We have distributed the
 * tents and blankets".
 */
export function sameStatement(s: Sent, central: Sent, acts: Set<string> | null): boolean {
  if (!acts?.size) return true;
  const own = actsOf(s);
  if (!own?.size) return true;
  for (const a of own) if (acts.has(a) || central.keys.has(a)) return true;
  for (const a of acts) if (s.keys.has(a)) return true;
  return sameValue(s, central);
}

/** Two sentences give one value: a day or time resolved alike, or a figure of one unit and value ("on 21 July", "$160 million"). */
function sameValue(a: Sent, b: Sent): boolean {
  // resolved when the article is dated, else as analyse read it ("Sunday", "5:30 p.m.")
  const timeKey = (t: Sent['times'][number]) => t.resolved ?? t.value ?? (t.anchor || clean(t.text).toLowerCase());
  const times = new Set(b.times.map(timeKey));
  if (a.times.some((t) => times.has(timeKey(t)))) return true;
  // (a figure two holders give is two facts: "Kasich's 16 percent" is not "Cruz's 16 percent")
  return a.quantities.some((q, i) => b.quantities.some((o, j) => o.unit === q.unit && o.value === q.value && !otherHolder(figureHolders(a)[i], figureHolders(b)[j])));
}
