/**
 * Run-time weight tables, laid out so that the model file *is* the table: loading is a view on
 * the file's bytes, with nothing to decompress, parse or insert.
 *
 * A table is an array of 64-byte buckets (one cache line): 8 feature keys, then 8 values. A key
 * lives in the bucket its hash picks, or the next one with room (buckets probed in order), so a
 * lookup usually reads one cache line. Keys are feature hashes (`hash.ts`), never 0; 0 marks an
 * empty slot, which also ends a search for an absent key.
 *
 * Two kinds of value:
 * - `MoveWeights` (the parser's three moves): the value holds two int16 weights, those of LEFT and
 *   RIGHT minus that of SHIFT. Adding the same number to every move's score never changes which
 *   move wins, so the differences are all the parser needs.
 * - `SparseWeights` (tagger, labeller: many classes, few non-zero per feature): the value is
 *   `count << 24 | first`, pointing into parallel arrays of class ids and int16 weights.
 */
import type { Scorer } from './perceptron.js';

export const SLOTS = 8;
/** Words (uint32) per bucket: 8 keys and 8 values, 64 bytes. */
export const WORDS = 2 * SLOTS;

/** The bucket a key hashes to: multiply-shift onto [0, buckets), so any bucket count works. */
const home = (key: number, buckets: number) => Math.floor(((key >>> 0) * buckets) / 4294967296);

/** Buckets for `rows` keys at a load factor of about 0.85. */
export const bucketsFor = (rows: number) => Math.max(1, Math.ceil(rows / (SLOTS * 0.85)));

/** Builds the bucket array of `keys` → `values` (insertion in row order, so deterministic). */
export function buildTable(keys: Uint32Array, values: Uint32Array, buckets: number): Uint32Array {
  if (keys.length > buckets * SLOTS) throw new Error('more keys than slots');
  const t = new Uint32Array(buckets * WORDS);
  for (let r = 0; r < keys.length; r++) {
    let b = home(keys[r], buckets);
    for (;;) {
      const o = b * WORDS;
      let s = 0;
      while (s < SLOTS && t[o + s] !== 0) s++;
      if (s < SLOTS) {
        t[o + s] = keys[r];
        t[o + SLOTS + s] = values[r];
        break;
      }
      b = b + 1 === buckets ? 0 : b + 1;
    }
  }
  return t;
}

/** Index in `t` of the value of `key`, or -1 when the key is absent. */
function find(t: Uint32Array, buckets: number, key: number): number {
  let b = home(key, buckets);
  for (;;) {
    const o = b * WORDS;
    for (let s = 0; s < SLOTS; s++) {
      const k = t[o + s];
      if (k === key) return o + SLOTS + s;
      if (k === 0) return -1;
    }
    b = b + 1 === buckets ? 0 : b + 1;
  }
}

/** The parser's moves: SHIFT scores 0, LEFT and RIGHT the sums of their differences. */
export class MoveWeights implements Scorer {
  readonly classes = 3;
  private readonly buckets: number;
  constructor(readonly table: Uint32Array) {
    this.buckets = table.length / WORDS;
  }
  score(feats: Uint32Array, n: number, out: Float32Array): void {
    const t = this.table;
    const buckets = this.buckets;
    let left = 0;
    let right = 0;
    for (let f = 0; f < n; f++) {
      const i = find(t, buckets, feats[f]);
      if (i < 0) continue;
      const v = t[i];
      left += (v << 16) >> 16;
      right += v >> 16;
    }
    out[1] += left;
    out[2] += right;
  }
}

/** Many classes: each present feature adds its few (class, weight) entries. */
export class SparseWeights implements Scorer {
  private readonly buckets: number;
  constructor(
    readonly classes: number,
    readonly table: Uint32Array,
    readonly cls: Uint8Array,
    readonly q: Int16Array,
  ) {
    this.buckets = table.length / WORDS;
  }
  score(feats: Uint32Array, n: number, out: Float32Array): void {
    const { table, buckets, cls, q } = this;
    for (let f = 0; f < n; f++) {
      const i = find(table, buckets, feats[f]);
      if (i < 0) continue;
      const v = table[i];
      const from = v & 0xffffff;
      const to = from + (v >>> 24);
      for (let e = from; e < to; e++) out[cls[e]] += q[e];
    }
  }
}
