/**
 * BIO sequence decoding shared by the trained taggers (entities, attributions): which tag may
 * follow which, and Viterbi over per-token emission scores.
 */

/** allowed[prev * nt + cur]: I-X only after B-X or I-X; row `nt` is the sentence start. */
export function bioAllowed(tags: readonly string[]): Uint8Array {
  const nt = tags.length;
  const a = new Uint8Array((nt + 1) * nt);
  for (let p = 0; p <= nt; p++) {
    for (let c = 0; c < nt; c++) {
      const ct = tags[c];
      if (ct[0] !== 'I') a[p * nt + c] = 1;
      else if (p < nt && tags[p] !== 'O' && tags[p].slice(2) === ct.slice(2)) a[p * nt + c] = 1;
    }
  }
  return a;
}

/**
 * A Viterbi decoder for `nt` tags under `allowed` (from bioAllowed): best tag sequence for
 * emissions `em` (n × nt) and transitions `tr` ((nt+1) × nt, row nt = start). Deterministic: ties
 * go to the lower tag index. Only the allowed previous tags of each tag are visited.
 */
export function makeViterbi(nt: number, allowed: Uint8Array): (em: Float64Array, tr: ArrayLike<number>, n: number) => Uint8Array {
  const start = nt;
  const predStart = new Uint8Array(nt + 1);
  const predList: number[] = [];
  for (let c = 0; c < nt; c++) {
    for (let p = 0; p < nt; p++) if (allowed[p * nt + c]) predList.push(p);
    predStart[c + 1] = predList.length;
  }
  const pred = Uint8Array.from(predList);
  // the lattice, kept across calls and grown as needed (every cell read is written first)
  let score = new Float64Array(64 * nt);
  let back = new Uint8Array(64 * nt);
  return (em, tr, n) => {
    const tags = new Uint8Array(n);
    if (n === 0) return tags;
    if (score.length < n * nt) {
      score = new Float64Array(2 * n * nt);
      back = new Uint8Array(2 * n * nt);
    }
    for (let c = 0; c < nt; c++) score[c] = allowed[start * nt + c] ? em[c] + tr[start * nt + c] : Number.NEGATIVE_INFINITY;
    for (let i = 1; i < n; i++) {
      const o = i * nt;
      const po = o - nt;
      for (let c = 0; c < nt; c++) {
        let best = Number.NEGATIVE_INFINITY;
        let arg = 0;
        const pe = predStart[c + 1];
        for (let x = predStart[c]; x < pe; x++) {
          const p = pred[x];
          const s = score[po + p] + tr[p * nt + c];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        score[o + c] = best + em[o + c];
        back[o + c] = arg;
      }
    }
    let best = Number.NEGATIVE_INFINITY;
    let arg = 0;
    const o = (n - 1) * nt;
    for (let c = 0; c < nt; c++) {
      if (score[o + c] > best) {
        best = score[o + c];
        arg = c;
      }
    }
    tags[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * nt + tags[i]];
    return tags;
  };
}
