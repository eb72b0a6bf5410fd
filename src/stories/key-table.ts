import { fnv1a } from './minhash.js';

/**
 * One string and one frequency-table slot per vector key (term, phrase, '@' + entity id) for the
 * whole process, made when an article's stored features are read (`termCounts`). Each article's
 * keys arrive as fresh strings from its stored JSON; without this table every later step paid for
 * that again: the slot's hash walked each string in JavaScript, the index's key table
 * (story-index.ts `KeyIds`) hashed and compared it by content, the store's key dictionary did the
 * same at commit, and the fresh strings lived (and were copied by the collector) from the read to
 * the placement. A key seen before now costs one native hash look-up, and the article carries the
 * table's string, whose hash later look-ups find cached and whose comparisons are by reference.
 *
 * A cache, not a decision: the slot is a pure function of the key and the string is the same
 * text, so results are the same with or without it. Bounded: past `MAX_KEYS` it starts again
 * (a vocabulary grows with the stream; the keys in use come back at once).
 */
export class KeyTable {
  private byKey = new Map<string, number>();
  private keys: string[] = [];
  private slots = new Int32Array(1024);

  constructor(
    private readonly mask: number,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  /** Keys known. */
  get size(): number {
    return this.keys.length;
  }

  /**
   * Replaces each key by the table's string and writes its slot (hash & mask), and with `refs` the
   * key's place in the table: a later look-up by place (`at`) needs no hash. A place stands for
   * its key until the table starts again, so a reader checks the string it finds there.
   */
  intern(keys: string[], slots: { [i: number]: number }, refs?: Int32Array): void {
    if (this.keys.length + keys.length > this.maxKeys) this.clear();
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j];
      let x = this.byKey.get(k);
      if (x === undefined) {
        x = this.keys.length;
        this.byKey.set(k, x);
        this.keys.push(k);
        if (x >= this.slots.length) {
          const grown = new Int32Array(this.slots.length * 2);
          grown.set(this.slots);
          this.slots = grown;
        }
        this.slots[x] = fnv1a(k) & this.mask;
      } else keys[j] = this.keys[x];
      slots[j] = this.slots[x];
      if (refs) refs[j] = x;
    }
  }

  clear(): void {
    this.byKey = new Map();
    this.keys = [];
    this.slots = new Int32Array(1024);
  }
}

/** Keys the table holds at most (about 12 MB of strings and map at most). */
const MAX_KEYS = 1 << 17;
