/**
 * Run-time weight tables, laid out so that the model file *is* the table: loading is a view on
 * the file's bytes, with nothing to decompress, parse or insert.
 *
 * A table is an array of 64-byte buckets (one cache line) of 10 slots. A feature key (a 32-bit
 * hash, `hash.ts`) picks its bucket with its high bits and is stored as its low 16 bits, the
 * fingerprint; it lives in that bucket or, when full, the next one with room, and a flag on a
 * bucket says a search must go on past it. So a lookup, found or not, usually reads one cache
 * line. An absent feature whose fingerprint matches one in its bucket (about 1 in 6,500) reads
 * that feature's weights: noise far below what pruning removes.
 *
 * Two kinds of value:
 * - `MoveWeights` (the parser's three moves): the value holds two int16 weights, those of LEFT and
 *   RIGHT minus that of SHIFT. Adding the same number to every move's score never changes which
 *   move wins, so the differences are all the parser needs.
 * - `SparseWeights` (tagger, labeller: many classes, few non-zero per feature): the value is
 *   `count << 24 | first`, pointing into parallel arrays of class ids and int16 weights.
 */
import type { Scorer } from './perceptron.js';

/** Slots per bucket: 10 (16-bit fingerprint, 32-bit value) pairs and a flag fill 64 bytes. */
export const SLOTS = 10;
/** Words (uint32) per bucket: fingerprints in words 0–4, the flag in word 5, values in 6–15. */
export const WORDS = 16;
const VALUES = 6;
const FLAG = 2 * 5; // in 16-bit units

/** The bucket a key hashes to (its high bits, multiply-shift onto [0, buckets)). */
const home = (key: number, buckets: number) => Math.floor(((key >>> 0) * buckets) / 4294967296);
/** The key's 16-bit fingerprint (its low bits), never 0: 0 marks an empty slot. */
const fingerprint = (key: number) => key & 0xffff || 1;

/** Buckets for `rows` keys at a load factor of about 0.8. */
export const bucketsFor = (rows: number) => Math.max(1, Math.ceil(rows / (SLOTS * 0.8)));

/**
 * Builds the bucket array of `keys` → `values`, inserting in row order (deterministic; earlier
 * rows, the features training met first, get the nearer slots). A key whose fingerprint is
 * already on its probe path would be shadowed by that key and is dropped; `kept[r]` says which
 * rows made it (a few in a million).
 */
export function buildTable(keys: Uint32Array, values: Uint32Array, buckets: number): { table: Uint32Array; kept: Uint8Array } {
  if (keys.length > buckets * SLOTS) throw new Error('more keys than slots');
  const table = new Uint32Array(buckets * WORDS);
  const fp = new Uint16Array(table.buffer);
  const kept = new Uint8Array(keys.length);
  for (let r = 0; r < keys.length; r++) {
    const f = fingerprint(keys[r]);
    let b = home(keys[r], buckets);
    for (;;) {
      let s = 0;
      while (s < SLOTS && fp[b * 32 + s] !== 0 && fp[b * 32 + s] !== f) s++;
      if (s < SLOTS && fp[b * 32 + s] === f) break; // shadowed: dropped
      if (s < SLOTS) {
        fp[b * 32 + s] = f;
        table[b * WORDS + VALUES + s] = values[r];
        kept[r] = 1;
        break;
      }
      fp[b * 32 + FLAG] = 1; // a key homed here or earlier went on: searches must go on too
      b = b + 1 === buckets ? 0 : b + 1;
    }
  }
  return { table, kept };
}

/** Index in the table of the value of `key` searched from bucket `b`, or -1 when absent. */
function findFrom(fp: Uint16Array, buckets: number, b: number, key: number): number {
  const f = fingerprint(key);
  for (;;) {
    const o = b * 32;
    for (let s = 0; s < SLOTS; s++) if (fp[o + s] === f) return b * WORDS + VALUES + s;
    if (fp[o + FLAG] === 0) return -1;
    b = b + 1 === buckets ? 0 : b + 1;
  }
}

/** Index in the table (viewed as `fp`) of the value of `key`, or -1 when the key is absent. */
export const find = (fp: Uint16Array, buckets: number, key: number) => findFrom(fp, buckets, home(key, buckets), key);

/**
 * The home buckets of `feats[0..n)` into `homes`, touching each: the loads are independent, so
 * the processor fetches many cache lines at once, and the search that follows finds them in
 * cache. (A feature costs a cache miss otherwise: the tables are far larger than the caches.)
 * Returns a sum of what was read, which callers keep so the loads are not optimised away.
 */
function prefetch(fp: Uint16Array, buckets: number, feats: Uint32Array, n: number, homes: Int32Array): number {
  let touched = 0;
  for (let f = 0; f < n; f++) {
    const b = home(feats[f], buckets);
    homes[f] = b;
    touched += fp[b * 32];
  }
  return touched;
}

/** What the scorers share: the table, its 16-bit view, and the scratch of home buckets. */
abstract class BucketScorer {
  protected readonly buckets: number;
  protected readonly fp: Uint16Array;
  protected homes = new Int32Array(256);
  /** Sum of prefetched fingerprints (only so that the prefetching loads are kept). */
  touched = 0;
  constructor(readonly table: Uint32Array) {
    this.buckets = table.length / WORDS;
    this.fp = new Uint16Array(table.buffer, table.byteOffset, table.length * 2);
  }
  protected prefetch(feats: Uint32Array, n: number): Int32Array {
    if (n > this.homes.length) this.homes = new Int32Array(n * 2);
    this.touched = prefetch(this.fp, this.buckets, feats, n, this.homes);
    return this.homes;
  }
}

/** The parser's moves: SHIFT scores 0, LEFT and RIGHT the sums of their differences. */
export class MoveWeights extends BucketScorer implements Scorer {
  readonly classes = 3;
  score(feats: Uint32Array, n: number, out: Float32Array): void {
    const { table: t, fp, buckets } = this;
    const homes = this.prefetch(feats, n);
    let left = 0;
    let right = 0;
    for (let f = 0; f < n; f++) {
      const i = findFrom(fp, buckets, homes[f], feats[f]);
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
export class SparseWeights extends BucketScorer implements Scorer {
  constructor(
    readonly classes: number,
    table: Uint32Array,
    readonly cls: Uint8Array,
    readonly q: Int16Array,
  ) {
    super(table);
  }
  score(feats: Uint32Array, n: number, out: Float32Array): void {
    const { table, fp, buckets, cls, q } = this;
    const homes = this.prefetch(feats, n);
    // Found rows first (touching their entries, the same trick a second time), then their sums.
    const found = homes;
    let m = 0;
    let touched = 0;
    for (let f = 0; f < n; f++) {
      const i = findFrom(fp, buckets, homes[f], feats[f]);
      if (i < 0) continue;
      const v = table[i];
      found[m++] = v;
      touched += cls[v & 0xffffff] + q[v & 0xffffff];
    }
    this.touched += touched;
    for (let j = 0; j < m; j++) {
      const v = found[j];
      const from = v & 0xffffff;
      const to = from + (v >>> 24);
      for (let e = from; e < to; e++) out[cls[e]] += q[e];
    }
  }
}
