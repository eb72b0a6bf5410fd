/**
 * Part-of-speech tagger: a greedy left-to-right averaged perceptron in the design of Honnibal's
 * tagger. Each class is a joint "UPOS|XPOS" pair (e.g. "PROPN|NNP"), so the two tag sets always
 * agree. Frequent words that are nearly always one tag in the treebank take it from a tag
 * dictionary without scoring.
 */
import * as hash from './hash.js';
import * as perceptron from './perceptron.js';
import type { Scorer } from './perceptron.js';

// Local copies: under some loaders (tsx) imported bindings are getter calls, which would not inline.
const f1 = hash.f1;
const f2 = hash.f2;
const f3 = hash.f3;
const argmax = perceptron.argmax;
import { SparseWeights } from './weights.js';
import type { WordAtoms } from './words.js';
import { WordCache } from '../../util/word-cache.js';

export const TAGGER_FEATURES = 50;
const NONE = 0x5bd1e995; // the value of a missing neighbour
const START_TAG = 0x7fff;

/**
 * Feature hashes of token `i` given the two previous predicted tags; returns the count. In the
 * second pass, `first` holds the first pass's tags, which give the tags to the right. The word's
 * own templates first, then its context's (what training and float-weight inference read).
 */
export function tagFeatures(a: WordAtoms, i: number, p1: number, p2: number, out: Uint32Array, first?: Int32Array): number {
  return contextFeatures(a, i, p1, p2, out, first, wordFeatures(a, i, out));
}

/**
 * The templates of `tagFeatures` that read only the word itself (form, affixes, shapes,
 * clusters): their weights add up to the same scores wherever the word stands, so inference sums
 * them once per word type (`WordSums`). Returns the count.
 */
export function wordFeatures(a: WordAtoms, i: number, out: Uint32Array): number {
  let k = 0;
  out[k++] = f1(0, 0);
  out[k++] = f1(1, a.lower[i]);
  out[k++] = f1(2, a.form[i]);
  for (let j = 0; j < 4; j++) out[k++] = f1(3 + j, a.suf[i * 4 + j]);
  for (let j = 0; j < 4; j++) out[k++] = f1(7 + j, a.pre[i * 4 + j]);
  out[k++] = f1(11, a.shape[i]);
  out[k++] = f1(12, a.longShape[i]);
  out[k++] = f1(32, a.c4[i]);
  out[k++] = f1(33, a.c8[i]);
  out[k++] = f1(34, a.cAll[i]);
  return k;
}

/**
 * The other templates of `tagFeatures` (neighbours, previous tags, first-pass tags), written from
 * `out[at]`; with `wordFeatures`, the same set. Returns the count written so far (at + its own).
 */
export function contextFeatures(a: WordAtoms, i: number, p1: number, p2: number, out: Uint32Array, first?: Int32Array, at = 0): number {
  const n = a.n;
  const lw = a.lower[i];
  const prev = i > 0 ? a.lower[i - 1] : NONE;
  const prev2 = i > 1 ? a.lower[i - 2] : NONE;
  const next = i + 1 < n ? a.lower[i + 1] : NONE;
  const next2 = i + 2 < n ? a.lower[i + 2] : NONE;
  let k = at;
  out[k++] = f1(13, p1);
  out[k++] = f1(14, p2);
  out[k++] = f2(15, p1, p2);
  out[k++] = f2(16, p1, lw);
  out[k++] = f1(17, prev);
  out[k++] = f1(18, prev2);
  out[k++] = f1(19, next);
  out[k++] = f1(20, next2);
  out[k++] = f1(21, i > 0 ? a.suf[(i - 1) * 4 + 2] : NONE);
  out[k++] = f1(22, i + 1 < n ? a.suf[(i + 1) * 4 + 2] : NONE);
  out[k++] = f1(23, i + 1 < n ? a.shape[i + 1] : NONE);
  out[k++] = f1(24, i > 0 ? a.shape[i - 1] : NONE);
  out[k++] = f2(25, prev, lw);
  out[k++] = f2(26, lw, next);
  out[k++] = f2(27, p1, a.suf[i * 4 + 2]);
  out[k++] = f2(28, i === 0 ? 1 : 0, a.shape[i]);
  out[k++] = f1(29, i + 1 < n ? a.suf[(i + 1) * 4 + 1] : NONE);
  out[k++] = f2(30, p1, next);
  out[k++] = f3(31, p1, lw, next);
  out[k++] = f1(35, i + 1 < n ? a.c8[i + 1] : NONE);
  out[k++] = f1(36, i > 0 ? a.c8[i - 1] : NONE);
  out[k++] = f2(37, p1, a.c8[i]);
  if (first) {
    const n1 = i + 1 < n ? first[i + 1] : START_TAG;
    const n2 = i + 2 < n ? first[i + 2] : START_TAG;
    out[k++] = f1(38, first[i]);
    out[k++] = f1(39, n1);
    out[k++] = f2(40, n1, n2);
    out[k++] = f2(41, p1, n1);
    out[k++] = f2(42, lw, n1);
    out[k++] = f2(43, first[i], n1);
    out[k++] = f3(44, p1, first[i], n1);
    out[k++] = f2(45, a.suf[i * 4 + 2], n1);
  }
  return k;
}

/** Word types summed per scorer: a WordCache of two generations of this many (at most 50,000 forms, about 20 MB). */
const WORD_SUMS_LIMIT = 25_000;

/**
 * Per word type (its form as written), the scores its `wordFeatures` add. Only for the run-time
 * tables (`SparseWeights`), whose weights are 16-bit integers: sums of a few dozen of them are
 * exact in a Float32Array in any order, so adding the cached sum gives the very scores of the full
 * feature set (training's float weights would not).
 */
class WordSums {
  private readonly sums = new WordCache<Float32Array>(WORD_SUMS_LIMIT);
  private feats = new Uint32Array(TAGGER_FEATURES);
  constructor(private readonly weights: Scorer) {}

  of(a: WordAtoms, word: string, i: number): Float32Array {
    let v = this.sums.get(word);
    if (!v) {
      v = new Float32Array(this.weights.classes);
      this.weights.score(this.feats, wordFeatures(a, i, this.feats), v);
      this.sums.set(word, v);
    }
    return v;
  }
}

const wordSumsOf = new WeakMap<Scorer, WordSums>();

/** The per-word-type sums of a run-time scorer; null for training's weights. */
function wordSums(weights: Scorer): WordSums | null {
  if (!(weights instanceof SparseWeights)) return null;
  let w = wordSumsOf.get(weights);
  if (!w) wordSumsOf.set(weights, (w = new WordSums(weights)));
  return w;
}

export interface TaggerModel {
  /** Joint class names "UPOS|XPOS". */
  tags: string[];
  weights: Scorer;
  /** Word (as written) hash → tag, for frequent words that (almost) always take one tag. */
  tagDict: Map<number, number>;
  /**
   * Second pass only: the first pass's margin (best score minus the runner-up's, in the first
   * tagger's units) from which its tag stands without a second look. Chosen in training as the
   * smallest that does not cost held-out accuracy: the second pass changes almost nothing the first
   * was sure of, and skipping those words saves most of its time. Infinity: revise every word.
   */
  sure?: number;
}

/**
 * Greedy decoding; returns joint tag ids. With `first` (the tags of a first pass), the model is
 * the second-pass tagger, which also sees the tags to the right. `margins` carries each word's
 * first-pass margin: the first pass writes it (Infinity for words of the tag dictionary), the
 * second pass reads it to skip the words the first pass was sure of (`m.sure`). With `forms` (the
 * words as written) and the run-time tables, each word type's own templates are summed once
 * (`WordSums`): the same scores, fewer table lookups.
 */
export function tagSentence(m: TaggerModel, a: WordAtoms, first?: Int32Array, margins?: Float32Array, forms?: readonly string[]): Int32Array {
  const out = new Int32Array(a.n);
  const feats = new Uint32Array(TAGGER_FEATURES);
  const C = m.tags.length;
  const scores = new Float32Array(C);
  const sure = first && margins ? (m.sure ?? Infinity) : Infinity;
  const sums = forms ? wordSums(m.weights) : null;
  let p1 = START_TAG;
  let p2 = START_TAG;
  for (let i = 0; i < a.n; i++) {
    let t = m.tagDict.get(a.form[i]) ?? -1;
    if (t < 0 && margins && first && margins[i] >= sure) t = first[i];
    if (t < 0) {
      if (sums && forms) {
        scores.set(sums.of(a, forms[i], i));
        m.weights.score(feats, contextFeatures(a, i, p1, p2, feats, first), scores);
      } else {
        scores.fill(0);
        m.weights.score(feats, tagFeatures(a, i, p1, p2, feats, first), scores);
      }
      t = argmax(scores, C);
      if (margins && !first) margins[i] = scores[t] - runnerUp(scores, C, t);
    } else if (margins && !first) margins[i] = Infinity;
    out[i] = t;
    p2 = p1;
    p1 = t;
  }
  return out;
}

/** The highest score other than class `best`'s. */
function runnerUp(scores: Float32Array, classes: number, best: number): number {
  let v = -Infinity;
  for (let c = 0; c < classes; c++) if (c !== best && scores[c] > v) v = scores[c];
  return v;
}

export { START_TAG };
