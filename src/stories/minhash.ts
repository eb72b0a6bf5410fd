/**
 * Near-duplicate sketches: MinHash over word shingles, with LSH banding for candidate retrieval.
 * Everything is 32-bit integer arithmetic, deterministic across runs and platforms.
 */

/** Number of hash functions in a sketch. */
export const SKETCH_SIZE = 64;
/** LSH bands × rows = SKETCH_SIZE. 16 × 4 finds pairs with Jaccard ≥ ~0.5 with high probability. */
export const BANDS = 16;
export const ROWS = SKETCH_SIZE / BANDS;

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * `fnv1a(words.slice(from, to).join(' '))` without building the string (the dispatch test hashes
 * every 5-word shingle of a story: a string per shingle was most of its time).
 */
export function fnv1aJoined(words: readonly string[], from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let j = from; j < to; j++) {
    if (j > from) h = Math.imul(h ^ 32, 0x01000193);
    const w = words[j];
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finaliser: a good 32-bit mixer. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}


/** Shingle length used for a text of `n` words (short texts use shorter shingles). */
export function shingleSize(n: number): number {
  return n >= 60 ? 5 : n >= 12 ? 3 : 1;
}

/**
 * MinHash sketch of the word shingles of a text (given as hashes of its lower-cased words), or
 * null when the text has no words.
 * One-permutation hashing (each shingle hashed once, into one of SKETCH_SIZE bins; the minimum per
 * bin kept) with rotation densification for empty bins (Shrivastava & Li, 2014): the Jaccard
 * estimate of classic MinHash at a 64th of the cost. `k` is stored with the sketch: only sketches
 * with the same `k` are comparable.
 */
export function minhash(wordHashes: number[]): { k: number; sig: number[] } | null {
  const n = wordHashes.length;
  if (n === 0) return null;
  const k = shingleSize(n);
  const EMPTY = 0xffffffff;
  const sig = new Array<number>(SKETCH_SIZE).fill(EMPTY);
  const count = Math.max(1, n - k + 1);
  for (let i = 0; i < count; i++) {
    let h = 0x9747b28c;
    for (let j = i; j < Math.min(n, i + k); j++) h = mix(h ^ wordHashes[j]);
    const bin = h & (SKETCH_SIZE - 1);
    const v = mix(h ^ 0x5bd1e995) >>> 1;
    if (v < sig[bin]) sig[bin] = v;
  }
  // densification: an empty bin takes the value of the next non-empty bin (circularly), offset by distance
  for (let b = 0; b < SKETCH_SIZE; b++) {
    if (sig[b] !== EMPTY) continue;
    for (let d = 1; d < SKETCH_SIZE; d++) {
      const v = sig[(b + d) & (SKETCH_SIZE - 1)];
      if (v !== EMPTY && v < 0x80000000) {
        sig[b] = (v + d * 0x01000193) >>> 0 | 0x80000000;
        break;
      }
    }
  }
  return { k, sig };
}

/** Order-sensitive 64-bit hash (hex) of a sequence of word hashes: the exact-copy key of a text. */
export function sequenceHash(wordHashes: number[]): string {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (const h of wordHashes) {
    a = mix(a ^ h);
    b = mix((b + h) ^ 0x5bd1e995);
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** Estimated Jaccard similarity of two sketches (0 when not comparable). */
export function jaccard(a: { k: number; sig: number[] }, b: { k: number; sig: number[] }): number {
  if (a.k !== b.k || a.sig.length !== b.sig.length) return 0;
  let same = 0;
  for (let i = 0; i < a.sig.length; i++) if (a.sig[i] === b.sig[i]) same++;
  return same / a.sig.length;
}

/** LSH band keys of a sketch (one string per band; includes k so different shingle sizes never collide). */
export function bandKeys(sketch: { k: number; sig: number[] }): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ (b * 0x01000193);
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sketch.sig[b * ROWS + r]);
    keys.push(`${sketch.k}:${b}:${h.toString(36)}`);
  }
  return keys;
}
