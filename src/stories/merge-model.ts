/**
 * Settle's story-against-story merge as a fitted model (issue 17, experiment): a logistic
 * regression over what `mergeTarget` reads of two open stories (`StoryIndex.mergeFeatures`), in
 * place of the hand-set group test (`crossCohesive`: mean cross cosine ≥ 0.8 × the within-story
 * means, 1.0 across weekdays) where that test applies — one side without a publication day, or the
 * two about other people. Fitted out of the rules' own merge candidates on the ECB+ development
 * half with publication days dropped (scripts/train-story-merges.ts). Not the default:
 * `GroupOptions.merge` 'rules' is.
 */

/** The features, in the order `StoryIndex.mergeFeatures` gives them. */
export const MERGE_FEATURES = [
  'cosine', // the merge's centroid cosine, after the people and time factors
  'log-cohesion-ratio', // log(mean cross cosine / geometric mean of the within-story means); 0 when neither has two members
  'no-within', // neither story has two members
  'log-smaller', // log of the smaller story's articles
  'log-larger', // log of the larger story's articles
  'both-undated', // neither story has a member with a publication day
  'other-people', // the stories are about other people (disagreement.ts)
  'other-weekday', // their event weekdays are two or more days apart (weekday.ts)
  'log-keys', // log(mean features per member of the side with less text) / 5
  'cross', // mean cross cosine
] as const;

export interface MergeModel {
  bias: number;
  weights: Float64Array;
}

export function mergeLogit(model: MergeModel, x: ArrayLike<number>): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) z += model.weights[i] * x[i];
  return z;
}

/**
 * Logistic regression by Newton's method (iteratively reweighted least squares), an L2 penalty on
 * the weights (not the bias), row weights: deterministic, no step size to choose.
 */
export function fitLogistic(xs: ArrayLike<number>[], ys: ArrayLike<number>, l2 = 1, rowWeights: ArrayLike<number> | null = null, iterations = 40): MergeModel {
  const d = (xs[0]?.length ?? 0) + 1;
  const beta = new Float64Array(d);
  const at = (x: ArrayLike<number>, j: number) => (j === 0 ? 1 : x[j - 1]);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(d);
    const hess = Array.from({ length: d }, () => new Float64Array(d));
    for (let j = 1; j < d; j++) {
      grad[j] = -l2 * beta[j];
      hess[j][j] = l2;
    }
    xs.forEach((x, i) => {
      let z = 0;
      for (let j = 0; j < d; j++) z += beta[j] * at(x, j);
      const p = 1 / (1 + Math.exp(-z));
      const rw = rowWeights ? rowWeights[i] : 1;
      const w = rw * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j < d; j++) {
        grad[j] += rw * (ys[i] - p) * at(x, j);
        for (let k = 0; k <= j; k++) hess[j][k] += w * at(x, j) * at(x, k);
      }
    });
    for (let j = 0; j < d; j++) for (let k = j + 1; k < d; k++) hess[j][k] = hess[k][j];
    const step = solve(hess, grad);
    let moved = 0;
    for (let j = 0; j < d; j++) {
      beta[j] += step[j];
      moved = Math.max(moved, Math.abs(step[j]));
    }
    if (moved < 1e-9) break;
  }
  return { bias: beta[0], weights: beta.slice(1) };
}

/** Solves A x = b by Gaussian elimination with partial pivoting. */
function solve(a: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const m = a.map((r, i) => Float64Array.from([...r, b[i]]));
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const piv = m[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / piv;
      if (f !== 0) for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / (m[r][r] || 1e-12);
  }
  return x;
}
