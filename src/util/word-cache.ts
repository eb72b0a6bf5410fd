/**
 * A per-word-type memo with a bounded number of entries, for the taggers' caches of what a word
 * form contributes (its features, its summed weights). News streams bring an endless supply of
 * one-off forms (numbers, codes, misspellings), so an unbounded memo grows with the input; this
 * one keeps at most `2 × limit` entries.
 *
 * Two generations: new entries go into `young`; when it holds `limit` entries it becomes `old`
 * and the previous `old` is dropped. A hit in `old` moves the entry back to `young`, so the words
 * in use (the common vocabulary) survive every turnover and only forms not seen for a while are
 * recomputed: the behaviour of an LRU at the cost of two Map look-ups on a miss.
 */
export class WordCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(word: string): V | undefined {
    const v = this.young.get(word);
    if (v !== undefined) return v;
    const aged = this.old.get(word);
    if (aged !== undefined) this.set(word, aged);
    return aged;
  }

  set(word: string, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(word, value);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  /** Entries held (at most twice the limit; a word can be counted in both generations). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
