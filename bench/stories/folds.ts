/**
 * Folds of the ECB+ development half, fixed in advance (session 12, before any change was tried):
 * the development half's 16 topics (the odd ones) in two folds of 8 by topic number mod 4,
 *   fold 1: topics 1, 5, 9, 13, 21, 25, 29, 33 (topic ≡ 1 mod 4)
 *   fold 2: topics 3, 7, 11, 19, 23, 27, 31, 35 (topic ≡ 3 mod 4).
 * A change lands only if it raises (or keeps) both folds, UCI half A and the subsample mean: a gain
 * on one fold alone is a fit to its topics. The held-out half (even topics) is not in either fold.
 */
import type { ClusterScores } from '../../src/stories/metrics.js';
import type { Split } from './quality.js';

export const FOLDS = [
  { name: 'ECB+ dev fold 1 (topics 1 mod 4)', topicMod4: 1 },
  { name: 'ECB+ dev fold 2 (topics 3 mod 4)', topicMod4: 3 },
] as const;

/** The part of the development half whose topics fall in `fold` (FOLDS). */
export function foldOf(dev: Split, fold: (typeof FOLDS)[number]): Split {
  const keep = dev.ids.map((id) => parseInt(id, 10) % 4 === fold.topicMod4);
  const ids = dev.ids.filter((_, i) => keep[i]);
  return {
    name: fold.name,
    ids,
    texts: dev.texts.filter((_, i) => keep[i]),
    gold: new Map(ids.map((id) => [id, dev.gold.get(id)!])),
    features: dev.features.filter((_, i) => keep[i]),
  };
}

/**
 * The development figures a change is judged by (`npm run bench:stories -- --dev`): B-cubed F1 of
 * the development half, each fold, UCI half A, and the subsample means of the development half and
 * UCI half A. Nothing of the held-out halves is read.
 */
export function devFigures(dev: Split, uciA: Split, score: (s: Split) => ClusterScores, subsamples: (s: Split) => number): string[][] {
  const rows = [['data', 'B3 P', 'B3 R', 'B3 F1', 'subsample mean F1']];
  const row = (s: Split, sub: boolean) => {
    const b = score(s).bcubed;
    rows.push([s.name, b.precision.toFixed(4), b.recall.toFixed(4), b.f1.toFixed(4), sub ? subsamples(s).toFixed(4) : '']);
  };
  row(dev, true);
  for (const f of FOLDS) row(foldOf(dev, f), false);
  row(uciA, true);
  return rows;
}
