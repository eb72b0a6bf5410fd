/**
 * Training of the tagger: averaged perceptron, greedy decoding during training (the model sees its
 * own previous tags, as at run time), fixed shuffles; and jackknifing, which tags each fold of the
 * training set with a tagger trained on the other folds so the parser trains on realistic tags.
 */
import { prng, shuffle } from '../../util/random.js';
import { argmax, TrainedWeights } from './perceptron.js';
import { START_TAG, TAGGER_FEATURES, tagFeatures, tagSentence, type TaggerModel } from './tagger.js';
import type { WordAtoms } from './words.js';

export interface TagExample {
  atoms: WordAtoms;
  gold: Int32Array;
  /** For the second-pass tagger: first-pass tags from a tagger that did not see the sentence. */
  first?: Int32Array;
}

/** Words (as written) seen ≥ 20 times with one tag ≥ 97 % of the time. */
export function buildTagDict(examples: TagExample[], classes: number): Map<number, number> {
  const counts = new Map<number, Int32Array>();
  examples.forEach((ex) => {
    for (let i = 0; i < ex.atoms.n; i++) {
      let c = counts.get(ex.atoms.form[i]);
      if (!c) counts.set(ex.atoms.form[i], (c = new Int32Array(classes)));
      c[ex.gold[i]]++;
    }
  });
  const dict = new Map<number, number>();
  for (const [w, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    let total = 0;
    let best = 0;
    for (let t = 0; t < classes; t++) {
      total += c[t];
      if (c[t] > c[best]) best = t;
    }
    if (total >= 20 && c[best] / total >= 0.97) dict.set(w, best);
  }
  return dict;
}


export function tagAccuracy(m: TaggerModel, examples: TagExample[]): number {
  let ok = 0;
  let all = 0;
  for (const ex of examples) {
    const t = tagSentence(m, ex.atoms, ex.first);
    for (let i = 0; i < t.length; i++) if (t[i] === ex.gold[i]) ok++;
    all += t.length;
  }
  return all ? ok / all : 0;
}

/**
 * Trains for up to `epochs`, keeping the averaged weights of the epoch that tags `heldOut` best
 * (a slice of the training data, not the evaluation set). Returns the trained weights and the
 * per-epoch accuracies on the held-out slice.
 */
export function trainTagger(
  examples: TagExample[],
  tags: string[],
  tagDict: Map<number, number>,
  opts: { epochs: number; seed: number; heldOut?: TagExample[]; log?: (s: string) => void },
): { model: TaggerModel; trained: TrainedWeights; averaged: Float32Array; history: number[] } {
  const C = tags.length;
  const w = new TrainedWeights(C);
  const feats = new Uint32Array(TAGGER_FEATURES);
  const scores = new Float32Array(C);
  const rand = prng(opts.seed);
  const order = examples.map((_, i) => i);
  const history: number[] = [];
  let best: Float32Array | null = null;
  let bestAcc = -1;
  for (let e = 0; e < opts.epochs; e++) {
    shuffle(order, rand);
    for (const idx of order) {
      const { atoms, gold, first } = examples[idx];
      let p1 = START_TAG;
      let p2 = START_TAG;
      for (let i = 0; i < atoms.n; i++) {
        let guess = tagDict.get(atoms.form[i]) ?? -1;
        if (guess < 0) {
          const k = tagFeatures(atoms, i, p1, p2, feats, first);
          scores.fill(0);
          w.score(feats, k, scores);
          guess = argmax(scores, C);
          w.update(feats, k, gold[i], guess);
        }
        w.tick();
        p2 = p1;
        p1 = guess;
      }
    }
    if (opts.heldOut) {
      const f = w.averaged();
      const acc = tagAccuracy({ tags, weights: w.withWeights(f), tagDict }, opts.heldOut);
      history.push(acc);
      opts.log?.(`  tagger epoch ${e + 1}: held-out accuracy ${acc.toFixed(4)} (${w.table.size} feature rows)`);
      if (acc > bestAcc) {
        bestAcc = acc;
        best = f;
      }
    }
  }
  const averaged = best ?? w.averaged();
  return { model: { tags, weights: w.withWeights(averaged), tagDict }, trained: w, averaged, history };
}

/**
 * The second pass's `sure`: the smallest first-pass margin (among the held-out words' margins at
 * the 95th, 90th, … 5th percentile) from which skipping the second look costs at most `tolerance`
 * of held-out accuracy, both passes chained as at run time. Returns the margin and the share of
 * scored words the second pass then skips.
 */
export function chooseSure(first: TaggerModel, second: TaggerModel, heldOut: TagExample[], tolerance = 0.0001): { sure: number; skipped: number; accuracy: number } {
  const runs = heldOut.map((ex) => {
    const margins = new Float32Array(ex.atoms.n);
    return { ex, margins, first: tagSentence(first, ex.atoms, undefined, margins) };
  });
  const accuracy = (sure: number) => {
    let ok = 0;
    let all = 0;
    for (const r of runs) {
      const t = tagSentence({ ...second, sure }, r.ex.atoms, r.first, r.margins);
      for (let i = 0; i < t.length; i++) if (t[i] === r.ex.gold[i]) ok++;
      all += t.length;
    }
    return all ? ok / all : 0;
  };
  const scored = runs.flatMap((r) => [...r.margins].filter((m) => m !== Infinity)).sort((a, b) => a - b);
  const full = accuracy(Infinity);
  let best = { sure: Infinity, skipped: 0, accuracy: full };
  for (let q = 0.95; q > 0.04 && scored.length; q -= 0.05) {
    const sure = scored[Math.floor(q * scored.length)];
    const acc = accuracy(sure);
    if (acc < full - tolerance) break;
    best = { sure, skipped: scored.filter((m) => m >= sure).length / scored.length, accuracy: acc };
  }
  return best;
}
