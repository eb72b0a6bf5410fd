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

const K = 0x9e3779b1;
const tpl = (t: number) => Math.imul(t + 0x3c6ef372, 0x85ebca6b);

/** Final avalanche; never returns 0 (0 marks an empty slot in the feature tables). */
export function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0 || 1;
}

// Template t combined with values: one multiply per value, so a feature costs a few instructions.
export const f1 = (t: number, a: number) => fin(Math.imul(tpl(t) ^ a, K));
export const f2 = (t: number, a: number, b: number) => fin(Math.imul(Math.imul(tpl(t) ^ a, K) ^ b, K));
export const f3 = (t: number, a: number, b: number, c: number) => fin(Math.imul(Math.imul(Math.imul(tpl(t) ^ a, K) ^ b, K) ^ c, K));
export const f4 = (t: number, a: number, b: number, c: number, d: number) =>
  fin(Math.imul(Math.imul(Math.imul(Math.imul(tpl(t) ^ a, K) ^ b, K) ^ c, K) ^ d, K));
