/**
 * A read-only string → string map stored as a bucket table (`weights.ts`) of key hashes → value
 * numbers, plus the list of distinct values. The model's word lists (clusters, words running text
 * writes in lower case, lemma rules and exceptions) ship this way: loading is a view on the
 * file's bytes, where parsing them as JSON objects cost more than the parser's weights.
 *
 * Keys are identified by a 32-bit hash (the table's fingerprint plus the high half kept beside the
 * value number): a word absent from the table answers for a present one about once in 4 billion /
 * (table size) lookups.
 */
import * as hash from './hash.js';
import { buildTable, bucketsFor, find, WORDS } from './weights.js';

const strHash = hash.strHash; // a local copy: imported bindings can be getter calls under tsx

/** What the lemmatiser and the casing step need of a map. */
export interface StringLookup {
  get(key: string): string | undefined;
}

const keyOf = (s: string) => strHash(s) || 1;

export class HashedStrings implements StringLookup {
  private readonly buckets: number;
  private readonly fp: Uint16Array;
  constructor(
    readonly table: Uint32Array,
    readonly values: string[],
  ) {
    this.buckets = table.length / WORDS;
    this.fp = new Uint16Array(table.buffer, table.byteOffset, table.length * 2);
  }

  /** Builds the table of `entries` (in their order; distinct values numbered by first use). */
  static of(entries: Iterable<readonly [string, string]>): HashedStrings {
    const keys: number[] = [];
    const ids: number[] = [];
    const values: string[] = [];
    const idOf = new Map<string, number>();
    for (const [k, v] of entries) {
      let id = idOf.get(v);
      if (id === undefined) idOf.set(v, (id = values.push(v) - 1));
      if (id > 0xffff) throw new Error('more than 65,536 distinct values');
      const key = keyOf(k);
      keys.push(key);
      ids.push(((key >>> 16) << 16 | id) >>> 0);
    }
    const { table } = buildTable(Uint32Array.from(keys), Uint32Array.from(ids), bucketsFor(keys.length));
    return new HashedStrings(table, values);
  }

  get(key: string): string | undefined {
    const k = keyOf(key);
    const i = find(this.fp, this.buckets, k);
    if (i < 0) return undefined;
    const v = this.table[i];
    return v >>> 16 === k >>> 16 ? this.values[v & 0xffff] : undefined;
  }
}
