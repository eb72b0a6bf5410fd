/**
 * Integer hashing for features: every feature is a template number combined with one to four
 * small integers (word hashes, tag ids, label ids), so no string is built per feature at run time.
 */

/** 32-bit FNV-1a of a string: the identity of a word (or prefix/suffix) in feature templates. */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines a running hash with one more value (murmur3-style mixing). */
export function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche; never returns 0 (0 marks an empty slot in the feature tables). */
export function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

export const f1 = (t: number, a: number) => fin(mix(mix(0x9747b28c, t), a));
export const f2 = (t: number, a: number, b: number) => fin(mix(mix(mix(0x9747b28c, t), a), b));
export const f3 = (t: number, a: number, b: number, c: number) => fin(mix(mix(mix(mix(0x9747b28c, t), a), b), c));
export const f4 = (t: number, a: number, b: number, c: number, d: number) =>
  fin(mix(mix(mix(mix(mix(0x9747b28c, t), a), b), c), d));

/** Deterministic PRNG (mulberry32) for shuffles and exploration during training. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(xs: T[], rand: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}
