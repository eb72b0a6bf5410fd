import type { AnnotatedArticle, Span } from '../model/types.js';
import { fnv1aJoined } from './minhash.js';
import { partitionPoint } from '../util/search.js';
import { words } from './text.js';

/**
 * Rewrites of one dispatch (issue 15, "how many sources are really independent"): outlets reprint
 * a wire story cut, re-headlined and lightly edited, so the whole-text Jaccard the stories stage
 * uses for `copies` (≥ 0.6) misses most reprints: a cut copy shares most of its own text with the
 * original but little of the original's. Here one article is a rewrite of another when most of the
 * shorter one's *own* sentences appear word for word in the longer one: the share of its 5-word
 * shingles found in the other (containment, Broder 1997).
 *
 * Only narrative sentences count. A sentence carrying a quotation, or inside a quote the analysis
 * found, is left out: two outlets that quote one statement or press release share those sentences
 * and are still independent witnesses for the rest.
 */

/** Shingle length in words. */
const SHINGLE = 5;
/** Fewer narrative shingles than this in the shorter text: too little own text to call it a rewrite. */
export const MIN_SHINGLES = 20;
/** Share of the shorter text's narrative shingles found in the longer one (chosen on the ECB+ dev pairs, `scripts/eval-sources.ts`). */
export const CONTAINMENT_THRESHOLD = 0.6;
/** A shingle shared by more articles than this is indexed for the first ones only: the work stays linear. */
const POSTINGS_CAP = 24;
/** At most this many words per article are read (a hostile huge text stays cheap). */
const MAX_WORDS = 20_000;

const QUOTE_MARK = /["“”«»„]/;

/** The article's text as the dispatch test reads it. */
export interface DispatchText {
  id: string;
  text: string;
  sentences: Span[];
  /** Spans of quotations the analysis found (left out with their sentences). */
  quotes: Span[];
}

/** The dispatch test's view of an analysed article. */
export function dispatchTextOf(a: AnnotatedArticle): DispatchText {
  return { id: a.article.docId, text: a.article.text, sentences: a.sentences ?? [], quotes: (a.quotes ?? []).map((q) => q.span) };
}

/** By sentence index: whether a quotation the analysis found overlaps it (each quote placed by binary search). */
function quotedSentences(sentences: Span[], quotes: Span[]): boolean[] {
  const out = sentences.map(() => false);
  for (const q of quotes) {
    if (!q || !(q.end > q.start)) continue;
    for (let i = partitionPoint(sentences, (s) => s.end <= q.start); i < sentences.length && sentences[i].start < q.end && !out[i]; i++) out[i] = true;
  }
  return out;
}

/** Hashes of the 5-word shingles of the narrative sentences (no quotation in or over them). */
export function narrativeShingles(a: DispatchText): Set<number> {
  const out = new Set<number>();
  const text = typeof a.text === 'string' ? a.text : '';
  const sentences = [...(a.sentences ?? [])].filter((s) => s && s.end > s.start).sort((x, y) => x.start - y.start);
  const quoted = quotedSentences(sentences, a.quotes ?? []);
  let read = 0;
  for (let n = 0; n < sentences.length && read <= MAX_WORDS; n++) {
    const body = text.slice(sentences[n].start, sentences[n].end);
    if (quoted[n] || QUOTE_MARK.test(body)) continue;
    const ws = words(body).map((w) => w.word.toLowerCase());
    read += ws.length;
    for (let i = 0; i + SHINGLE <= ws.length; i++) out.add(fnv1aJoined(ws, i, i + SHINGLE));
  }
  return out;
}

/** Share of the smaller set's members found in the larger (0 when the smaller has fewer than MIN_SHINGLES). */
export function containment(a: Set<number>, b: Set<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < MIN_SHINGLES) return 0;
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / small.size;
}

/**
 * Pairs of articles whose narrative containment is at least `threshold`, with the value, in id
 * order. Candidates come from an inverted index of shingles (capped per shingle), so the work is
 * linear in the text, not quadratic in the articles.
 */
export function dispatchPairs(articles: DispatchText[], threshold = CONTAINMENT_THRESHOLD): { a: string; b: string; containment: number }[] {
  const sorted = [...articles].filter((x) => typeof x?.id === 'string').sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const shingles = sorted.map(narrativeShingles);
  const postings = new Map<number, number[]>();
  const out: { a: string; b: string; containment: number }[] = [];
  // shingles shared with each earlier article, by its index (zero again once read), and those met
  const shared = new Int32Array(sorted.length);
  const met: number[] = [];
  for (let j = 0; j < sorted.length; j++) {
    met.length = 0;
    for (const h of shingles[j]) {
      const list = postings.get(h);
      if (!list) {
        postings.set(h, [j]);
        continue;
      }
      for (const i of list) if (shared[i]++ === 0) met.push(i);
      if (list.length < POSTINGS_CAP) list.push(j);
    }
    met.sort((x, y) => x - y);
    for (const i of met) {
      const n = shared[i];
      shared[i] = 0;
      const small = Math.min(shingles[i].size, shingles[j].size);
      if (small < MIN_SHINGLES) continue;
      const c = n / small;
      if (c >= threshold) out.push({ a: sorted[i].id, b: sorted[j].id, containment: c });
    }
  }
  return out;
}

/** Rewrites of one dispatch as groups of article ids (pairs; `sourceGroups` joins them into components). */
export function dispatchGroups(articles: DispatchText[], threshold = CONTAINMENT_THRESHOLD): string[][] {
  return dispatchPairs(articles, threshold).map((p) => [p.a, p.b]);
}
