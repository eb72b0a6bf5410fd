/**
 * Fact alignment: sentences of different articles that state the same thing are grouped into one
 * fact. Similarity is an IDF-weighted cosine over normalised content words (spelling variants and
 * inflections meet), gated by shared rare words; clusters grow by average link so one generic
 * sentence cannot chain unrelated statements together.
 */
import { subjectsOf } from './acts.js';
import type { Sent, StoryView } from './prepare.js';
import { cmp } from './text.js';

export interface FactCluster {
  members: Sent[];
  /** Keys present in at least two member articles. */
  shared: Set<string>;
  /** Member with the highest summed similarity to the others. */
  central: Sent;
}

export interface Alignment {
  clusters: FactCluster[];
  /** Sentence id → cluster index (multi-article clusters only). */
  clusterOf: Map<string, number>;
  sim(a: Sent, b: Sent): number;
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
 * before (the ECB+ stories give the same figures). In larger stories, sentences far apart in a
 * long list still meet through the rarer keys they share, or join the same fact through the
 * sentences between them.
 */
export const POSTING_WINDOW = 256;
const TITLE_WORDS = new Set(['president', 'minister', 'secretary', 'chancellor', 'leader', 'spokesman', 'spokeswoman', 'director', 'senator', 'governor', 'speaker', 'king', 'queen', 'premier']);

export function alignFacts(story: StoryView): Alignment {
  const sents = story.sentences.filter((s) => s.keys.size >= MIN_KEYS);
  const scorer = sentenceScorer(story, sents);
  const clusters = averageLink(candidateEdges(story, sents, scorer), scorer.sim);
  return factClusters(clusters, scorer.sim);
}

type Edge = { a: Sent; b: Sent; s: number };

/** What one shared key adds to a pair's similarity. */
interface KeyPart {
  x2: number;
  mass: number;
  rare: boolean;
}

/** The story's key weights and the similarity of two sentences (cached per pair). */
interface Scorer {
  w: (k: string) => number;
  partOf: (k: string) => KeyPart;
  norm: Map<string, number>;
  sim: (a: Sent, b: Sent) => number;
  ordinal: Map<Sent, number>;
  /** Sentences by key, and the longest list the candidate search reads. */
  index: Map<string, Sent[]>;
  maxDf: number;
}

/** IDF weights of the story's keys (recurring names discounted) and the pair similarity built on them. */
function sentenceScorer(story: StoryView, sents: Sent[]): Scorer {
  // Words that are mostly parts of names (or titles next to names) say who, not what: discounted.
  const inName = new Map<string, number>();
  const seenKey = new Map<string, number>();
  for (const s of story.sentences) {
    const spans = s.entities.map((e) => e.span).sort((x, y) => x.start - y.start);
    let e = 0;
    for (const t of s.tokens) {
      if (!t.content) continue;
      seenKey.set(t.key, (seenKey.get(t.key) ?? 0) + 1);
      while (e < spans.length && spans[e].end + 1 < t.end) e++;
      const sp = spans[e];
      const named = !!sp && ((t.start >= sp.start - 1 && t.end <= sp.end + 1) || (TITLE_WORDS.has(t.norm) && sp.start >= t.end && sp.start - t.end <= 2));
      if (named) inName.set(t.key, (inName.get(t.key) ?? 0) + 1);
    }
  }
  const isName = (k: string) => (inName.get(k) ?? 0) > 0.5 * (seenKey.get(k) ?? 1);
  // only names that recur through the story (the protagonists) are discounted
  const nameDf = Math.max(4, Math.floor(story.sentences.length * 0.05));
  const weight = new Map<string, number>();
  const norm = new Map<string, number>();
  const w = (k: string) => {
    let v = weight.get(k);
    if (v === undefined) {
      v = Math.max(0, story.idf(k));
      if ((inName.get(k) ?? 0) > 0.5 * (seenKey.get(k) ?? 1) && (seenKey.get(k) ?? 0) > nameDf) v *= NAME_DISCOUNT;
      weight.set(k, v);
    }
    return v;
  };
  for (const s of sents) {
    let t = 0;
    for (const k of s.feats) t += w(k) * w(k);
    norm.set(s.id, Math.sqrt(t));
  }
  // Inverted index over informative keys only.
  const nSent = story.sentences.length;
  const maxDf = Math.max(3, story.articles.length, Math.floor(nSent * 0.15));
  const index = new Map<string, Sent[]>();
  for (const s of sents)
    for (const k of s.feats) {
      let l = index.get(k);
      if (!l) index.set(k, (l = []));
      l.push(s);
    }
  const simCache = new Map<number, number>();
  const ordinal = new Map<Sent, number>();
  story.sentences.forEach((s, i) => {
    ordinal.set(s, i);
  });
  const nAll = story.sentences.length;
  const pairKey = (a: Sent, b: Sent) => {
    const i = ordinal.get(a)!;
    const j = ordinal.get(b)!;
    return i < j ? i * nAll + j : j * nAll + i;
  };
  // what one shared key adds to a pair's similarity, computed once per key (a story's pairs share
  // the same few thousand keys millions of times)
  const parts = new Map<string, KeyPart>();
  const partOf = (k: string): KeyPart => {
    let r = parts.get(k);
    if (!r) {
      const x = w(k);
      // names say who, not what: in the mass they always count at the discount
      r = { x2: x * x, mass: isName(k) ? x * NAME_DISCOUNT : x, rare: (index.get(k)?.length ?? 0) <= maxDf && x > 0.5 };
      parts.set(k, r);
    }
    return r;
  };
  const computeSim = (a: Sent, b: Sent): number => {
    let dot = 0;
    let mass = 0;
    let shared = 0;
    let rare = 0;
    const small = a.feats.size <= b.feats.size ? a.feats : b.feats;
    const large = small === a.feats ? b.feats : a.feats;
    for (const k of small)
      if (large.has(k)) {
        const r = partOf(k);
        dot += r.x2;
        mass += r.mass;
        if (a.keys.has(k)) {
          shared++;
          if (r.rare) rare++;
        }
      }
    if (shared < 2 || rare < 1) return 0;
    const na = norm.get(a.id)!;
    const nb = norm.get(b.id)!;
    // Cosine over IDF weights; or, for long sentences that restate one statement among other
    // things, enough shared informative words (absolute IDF mass) with a modest cosine.
    const cos = na && nb ? dot / (na * nb) : 0;
    // two shared words align only near-identical short sentences ("health care" is not a fact)
    if (shared < 3 && cos < 0.6) return 0;
    let v = cos;
    if (cos >= MASS_MIN_COS && mass >= MASS_ENOUGH) v = Math.max(v, ALIGN_THRESHOLD + 0.01 * Math.min(5, mass - MASS_ENOUGH));
    // Different actors doing the same thing ("Roe echoed …" / "Doe echoed …") are different facts.
    if (v > 0) {
      const d = actorRelation(a, b);
      if (d === 'other-subject') v = 0;
      else if (d === 'disjoint') v *= 0.5;
    }
    return v;
  };
  const sim = (a: Sent, b: Sent): number => {
    if (a.id === b.id) return 1;
    const k = pairKey(a, b);
    let v = simCache.get(k);
    if (v === undefined) {
      v = computeSim(a, b);
      simCache.set(k, v);
    }
    return v;
  };
  return { w, partOf, norm, sim, ordinal, index, maxDf };
}

/**
 * Pairs of sentences of different articles similar enough to align: sparse accumulation over the
 * informative keys (typed arrays indexed by sentence ordinal), exact similarity only for pairs
 * that can reach the threshold. Strongest first.
 */
function candidateEdges(story: StoryView, sents: Sent[], scorer: Scorer): Edge[] {
  const { w, partOf, norm, sim, ordinal, index, maxDf } = scorer;
  const edges: Edge[] = [];
  const all = story.sentences;
  const artOf = new Int32Array(all.length);
  const artIds = new Map<string, number>();
  all.forEach((s, i) => {
    let id = artIds.get(s.art.id);
    if (id === undefined) artIds.set(s.art.id, (id = artIds.size));
    artOf[i] = id;
  });
  const postings = new Map<string, Int32Array>();
  for (const [k, l] of index) if (l.length <= maxDf) postings.set(k, Int32Array.from(l.map((x) => ordinal.get(x)!)));
  // What the candidate search cannot see of a sentence: its keys left out of the postings (too
  // common) or in lists longer than the window (a pair may sit out of each other's window). A
  // pair's missed dot product and mass are at most the smaller of its two sentences' sums, which
  // bounds its similarity from above before it is computed.
  const missDot = new Float64Array(all.length);
  const missMass = new Float64Array(all.length);
  for (const a of sents) {
    const oa = ordinal.get(a)!;
    for (const k of a.feats) {
      const l = postings.get(k);
      if (l && l.length <= POSTING_WINDOW + 1) continue;
      const r = partOf(k);
      missDot[oa] += r.x2;
      missMass[oa] += r.mass;
    }
  }
  const normAt = new Float64Array(all.length);
  for (const a of sents) normAt[ordinal.get(a)!] = norm.get(a.id)!;
  const accDot = new Float64Array(all.length);
  const accMass = new Float64Array(all.length);
  const touched: number[] = [];
  for (const a of sents) {
    const oa = ordinal.get(a)!;
    const artA = artOf[oa];
    for (const k of a.feats) {
      const l = postings.get(k);
      if (!l) continue;
      const x = w(k);
      if (x <= 0) continue;
      const x2 = x * x;
      // the sentences after this one in the key's list, at most POSTING_WINDOW of them
      const from = after(l, oa);
      const to = Math.min(l.length, from + POSTING_WINDOW);
      for (let p = from; p < to; p++) {
        const b = l[p];
        if (artOf[b] === artA) continue;
        if (accMass[b] === 0) touched.push(b);
        accDot[b] += x2;
        accMass[b] += x;
      }
    }
    const na = normAt[oa];
    for (const b of touched) {
      const dot = accDot[b];
      const mass = accMass[b];
      accDot[b] = 0;
      accMass[b] = 0;
      const sb = all[b];
      const nb = normAt[b];
      if (!na || !nb) continue;
      // the indexed keys are most of the weight: prune pairs that cannot reach either criterion
      if (dot / (na * nb) < ALIGN_THRESHOLD * 0.5 && mass < MASS_ENOUGH * 0.6) continue;
      // a pair whose similarity cannot reach the threshold even with everything missed is no edge
      // (skipping it changes nothing; it saves most of a large story's exact similarities)
      const cosAtMost = (dot + Math.min(missDot[oa], missDot[b])) / (na * nb) + 1e-9;
      const massAtMost = mass + Math.min(missMass[oa], missMass[b]) + 1e-9;
      if (cosAtMost < ALIGN_THRESHOLD && (cosAtMost < MASS_MIN_COS || massAtMost < MASS_ENOUGH)) continue;
      const v = sim(a, sb);
      if (v >= ALIGN_THRESHOLD) edges.push({ a, b: sb, s: v });
    }
    touched.length = 0;
  }
  edges.sort((x, y) => y.s - x.s || cmp(x.a.id, y.a.id) || cmp(x.b.id, y.b.id));

  return edges;
}

/** Average-link agglomeration over the edges, strongest first; a merge needs the clusters' mean similarity. */
function averageLink(edges: Edge[], sim: Scorer['sim']): Sent[][] {
  const clusterOfSent = new Map<string, number>();
  const clusters: Sent[][] = [];
  const clusterIdx = (s: Sent) => {
    let c = clusterOfSent.get(s.id);
    if (c === undefined) {
      c = clusters.length;
      clusters.push([s]);
      clusterOfSent.set(s.id, c);
    }
    return c;
  };
  for (const e of edges) {
    const ca = clusterIdx(e.a);
    const cb = clusterIdx(e.b);
    if (ca === cb) continue;
    const A = clusters[ca];
    const B = clusters[cb];
    if (A.length + B.length > 2) {
      let total = 0;
      let n = 0;
      for (const x of A)
        for (const y of B) {
          if (x.art.id === y.art.id) continue;
          total += sim(x, y);
          n++;
        }
      if (!n || total / n < ALIGN_THRESHOLD * 0.6) continue;
    }
    // merge smaller index into larger for determinism: keep the lower index
    const [keep, drop] = ca < cb ? [ca, cb] : [cb, ca];
    for (const s of clusters[drop]) clusterOfSent.set(s.id, keep);
    clusters[keep] = clusters[keep].concat(clusters[drop]);
    clusters[drop] = [];
  }
  return clusters;
}

/** Clusters that span two articles or more, with the keys their articles share and their most central sentence. */
function factClusters(clusters: Sent[][], sim: Scorer['sim']): Alignment {
  const out: FactCluster[] = [];
  for (const c of clusters) {
    if (c.length < 2) continue;
    const arts = new Set(c.map((s) => s.art.id));
    if (arts.size < 2) continue;
    const members = [...c].sort((x, y) => cmp(x.id, y.id));
    const keyArts = new Map<string, Set<string>>();
    for (const s of members)
      for (const k of s.keys) {
        let set = keyArts.get(k);
        if (!set) keyArts.set(k, (set = new Set()));
        set.add(s.art.id);
      }
    const shared = new Set([...keyArts].filter(([, v]) => v.size >= 2).map(([k]) => k));
    let central = members[0];
    let best = -1;
    for (const s of members) {
      let t = 0;
      for (const o of members) if (o !== s && o.art.id !== s.art.id) t += sim(s, o);
      if (t > best + 1e-9 || (Math.abs(t - best) <= 1e-9 && s.span.end - s.span.start < central.span.end - central.span.start)) {
        best = t;
        central = s;
      }
    }
    out.push({ members, shared, central });
  }
  out.sort((x, y) => cmp(x.members[0].id, y.members[0].id));
  const clusterOf = new Map<string, number>();
  out.forEach((c, i) => {
    for (const s of c.members) clusterOf.set(s.id, i);
  });
  return { clusters: out, clusterOf, sim };
}

/** Index of the first entry of the ascending list `l` greater than `x`. */
function after(l: Int32Array, x: number): number {
  let lo = 0;
  let hi = l.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (l[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Span of the shared words inside a member sentence (the whole sentence when nothing is shared). */
export function sharedSpan(s: Sent, shared: Set<string>): { start: number; end: number } {
  const toks = s.tokens.filter((t) => t.content && shared.has(t.key));
  if (toks.length < 2) return { ...s.span };
  return { start: toks[0].start, end: toks[toks.length - 1].end };
}

const ACTORS = new WeakMap<Sent, Set<string>>();

/** Keys of the people and organisations a sentence names (once per sentence: pairs ask millions of times). */
function actorsOf(s: Sent): Set<string> {
  let v = ACTORS.get(s);
  if (!v) ACTORS.set(s, (v = new Set(s.entities.filter((e) => e.type === 'PER' || e.type === 'ORG').map((e) => e.key))));
  return v;
}

/**
 * Both sentences name people/organisations and share none of them, or both have subjects (named
 * before the verb) and the subjects differ: "Trump said … Clinton" is not "Clinton said … Trump".
 */
function actorRelation(a: Sent, b: Sent): 'disjoint' | 'other-subject' | 'ok' {
  const ka = actorsOf(a);
  const kb = actorsOf(b);
  if (!ka.size || !kb.size) return 'ok';
  let common = false;
  for (const k of kb) if (ka.has(k)) common = true;
  if (!common) return 'disjoint';
  const sa = subjectsOf(a);
  const sb = subjectsOf(b);
  return sa.size > 0 && sb.size > 0 && ![...sa].some((k) => sb.has(k)) ? 'other-subject' : 'ok';
}
