/**
 * The shipped tagger's file (`models/entities.bin`): the run-time tables themselves, laid out so
 * that loading is reading the file and taking typed-array views of it. No decompression, no JSON
 * word lists turned into Maps, no hash table rebuilt: the gzip + JSON layout cost 150-250 ms per
 * process (and per worker thread), this one a few.
 *
 * Layout: the 4-byte magic, the byte length of a small JSON header, the header, then the arrays
 * the header lists, each at an 8-byte-aligned offset. The lexicons (casing, clusters,
 * gazetteers, name-type prior) are `FlatLexicon`s: their keys' UTF-16 code units back to back, an
 * open-addressing table of entry numbers, and the values (numbers, or strings like the keys).
 */
import { hash } from './features.js';
import type { Lexicon } from './features.js';

const MAGIC = 'NERF';

/** One array of the file: its name, element type and length (elements). */
interface ArrayEntry {
  name: string;
  type: 'u16' | 'u32' | 'i16' | 'i32' | 'f32';
  length: number;
}

const CTORS = { u16: Uint16Array, u32: Uint32Array, i16: Int16Array, i32: Int32Array, f32: Float32Array } as const;
type Typed = Uint16Array | Uint32Array | Int16Array | Int32Array | Float32Array;
const typeOf = (a: Typed): ArrayEntry['type'] =>
  a instanceof Uint16Array ? 'u16' : a instanceof Uint32Array ? 'u32' : a instanceof Int16Array ? 'i16' : a instanceof Int32Array ? 'i32' : 'f32';

/** Writes a header and named arrays (see the layout above). */
export function writeFlatFile(header: Record<string, unknown>, arrays: Record<string, Typed>): Buffer {
  const entries: ArrayEntry[] = Object.entries(arrays).map(([name, a]) => ({ name, type: typeOf(a), length: a.length }));
  const json = Buffer.from(JSON.stringify({ ...header, arrays: entries }), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC), Buffer.alloc(4), json];
  parts[1].writeUInt32LE(json.length);
  let size = 8 + json.length;
  for (const a of Object.values(arrays)) {
    const pad = (8 - (size % 8)) % 8;
    parts.push(Buffer.alloc(pad), Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    size += pad + a.byteLength;
  }
  return Buffer.concat(parts);
}

/** Reads a file written by writeFlatFile: the header and views of the arrays (no copy). */
export function readFlatFile<H>(file: Buffer, what: string): { header: H; arrays: Record<string, Typed> } {
  if (file.length < 8 || file.subarray(0, 4).toString() !== MAGIC) throw new Error(`not ${what} file`);
  // typed-array views need aligned offsets: copy in the (unusual) case the buffer is not 8-aligned
  const buf = file.byteOffset % 8 === 0 ? file : Buffer.from(new Uint8Array(file));
  const hlen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.subarray(8, 8 + hlen).toString('utf8')) as H & { arrays: ArrayEntry[] };
  const arrays: Record<string, Typed> = {};
  let p = 8 + hlen;
  for (const e of header.arrays) {
    p += (8 - (p % 8)) % 8;
    const C = CTORS[e.type];
    if (p + e.length * C.BYTES_PER_ELEMENT > buf.length) throw new Error(`${what} file is truncated`);
    arrays[e.name] = new C(buf.buffer as ArrayBuffer, buf.byteOffset + p, e.length);
    p += e.length * C.BYTES_PER_ELEMENT;
  }
  return { header, arrays };
}

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
