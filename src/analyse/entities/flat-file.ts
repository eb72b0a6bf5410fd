/**
 * The lexicons of the entity tagger's file (`models/entities.bin`, a flat file: src/util/flat-file.ts)
 * as run-time tables: the casing, clusters, gazetteers and name-type prior are `FlatLexicon`s, their
 * keys' UTF-16 code units back to back, an open-addressing table of entry numbers, and the values
 * (numbers, or strings like the keys). Nothing is turned into a Map on load.
 */
import { hash } from './features.js';
import type { Lexicon } from './features.js';

/** FNV-1a of a key (the features' hash) spread over a table of 2^bits slots. */
const slotOf = (key: string, bits: number) => Math.imul(hash(key), 0x9e3779b1) >>> (32 - bits);

/** The arrays of one lexicon in the file (prefixed by its name). */
export interface FlatLexiconArrays {
  keyChars: Uint16Array;
  keyEnds: Uint32Array;
  slots: Uint32Array;
  /** Numeric values, or (for string values) their code units and ends like the keys'. */
  numbers?: Int32Array;
  valueChars?: Uint16Array;
  valueEnds?: Uint32Array;
}

/**
 * A read-only string-keyed lexicon over flat arrays: `get` hashes the key, probes the table and
 * compares code units; nothing is decoded until asked for. Iterates in the order it was written.
 */
export class FlatLexicon<V extends string | number> implements Lexicon<V> {
  private readonly bits: number;

  constructor(private readonly a: FlatLexiconArrays) {
    this.bits = Math.log2(a.slots.length);
  }

  get size(): number {
    return this.a.keyEnds.length;
  }

  get(key: string): V | undefined {
    const { keyChars, keyEnds, slots } = this.a;
    const mask = slots.length - 1;
    for (let s = slotOf(key, this.bits); ; s = (s + 1) & mask) {
      const e = slots[s];
      if (e === 0) return undefined;
      const start = e === 1 ? 0 : keyEnds[e - 2];
      const end = keyEnds[e - 1];
      if (end - start !== key.length) continue;
      let i = 0;
      while (i < key.length && keyChars[start + i] === key.charCodeAt(i)) i++;
      if (i === key.length) return this.value(e - 1);
    }
  }

  private value(i: number): V {
    if (this.a.numbers) return this.a.numbers[i] as V;
    const ends = this.a.valueEnds!;
    return decode(this.a.valueChars!, i ? ends[i - 1] : 0, ends[i]) as V;
  }

  *[Symbol.iterator](): IterableIterator<[string, V]> {
    const ends = this.a.keyEnds;
    for (let i = 0; i < ends.length; i++) yield [decode(this.a.keyChars, i ? ends[i - 1] : 0, ends[i]), this.value(i)];
  }

  /** The arrays of `map` as a FlatLexicon (for writing the model file). */
  static arraysOf(map: Lexicon<string | number>): FlatLexiconArrays {
    const entries = [...map];
    const keys = packStrings(entries.map(([k]) => k));
    let bits = 4;
    while (1 << bits < entries.length * 2) bits++;
    const slots = new Uint32Array(1 << bits);
    entries.forEach(([k], i) => {
      let s = slotOf(k, bits);
      while (slots[s] !== 0) s = (s + 1) & (slots.length - 1);
      slots[s] = i + 1;
    });
    const numeric = entries.every(([, v]) => typeof v === 'number');
    if (numeric && entries.length) return { keyChars: keys.chars, keyEnds: keys.ends, slots, numbers: Int32Array.from(entries, ([, v]) => v as number) };
    const values = packStrings(entries.map(([, v]) => String(v)));
    return { keyChars: keys.chars, keyEnds: keys.ends, slots, valueChars: values.chars, valueEnds: values.ends };
  }
}

function packStrings(strings: string[]): { chars: Uint16Array; ends: Uint32Array } {
  const ends = new Uint32Array(strings.length);
  let total = 0;
  strings.forEach((s, i) => (ends[i] = total += s.length));
  const chars = new Uint16Array(total);
  let p = 0;
  for (const s of strings) for (let i = 0; i < s.length; i++) chars[p++] = s.charCodeAt(i);
  return { chars, ends };
}

function decode(chars: Uint16Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(chars[i]);
  return s;
}
