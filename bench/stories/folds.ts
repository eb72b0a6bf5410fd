/**
 * Folds of the ECB+ development half, fixed in advance (session 12, before any change was tried):
 * the development half's 16 topics (the odd ones) in two folds of 8 by topic number mod 4,
 *   fold 1: topics 1, 5, 9, 13, 21, 25, 29, 33 (topic ≡ 1 mod 4)
 *   fold 2: topics 3, 7, 11, 19, 23, 27, 31, 35 (topic ≡ 3 mod 4).
 * A change lands only if it raises (or keeps) both folds, UCI half A and the subsample mean: a gain
 * on one fold alone is a fit to its topics. The held-out half (even topics) is not in either fold.
 */
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
