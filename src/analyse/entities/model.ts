/**
 * The entity tagger: a linear model over hashed features, decoded with Viterbi over BIO tags
 * (first-order transitions, BIO constraints enforced). Trained as an averaged structured
 * perceptron by scripts/train-ner.ts, which quantises each pass (`serializeModel`), merges the
 * two (`mergePasses`) and ships the run-time tables as models/entities.bin (`writeTaggerFile`,
 * a flat layout read without parsing), loaded lazily once per thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentEvidence, FeatureRows, type Lexicon, type Lexicons, NT as NT_IMPORTED, ownFeatures, sentenceRows, TAGS, type WordInfo, wordInfo } from './features.js';
import { packageRoot } from '../../util/paths.js';
import { bioAllowed, makeViterbi } from '../learn/bio.js';
import { FlatLexicon } from './flat-file.js';
import { type FlatArray, readFlatFile, writeFlatFile } from '../../util/flat-file.js';
import { readModelFile, writeModelFile } from '../learn/model-file.js';

/** Local copy of the tag count (imported bindings can be accessor calls under some loaders). */
const NT: number = NT_IMPORTED;

const MAGIC = 'NER1';
/** The magic of the run-time tables' file (models/entities.bin, src/util/flat-file.ts). */
const FLAT_MAGIC = 'NERF';
/** Row index NT of the transition table is the sentence start. */
export const START = NT;

/** allowed[prev * NT + cur]: BIO validity (I-X only after B-X or I-X). prev = START for the first token. */
export const ALLOWED: Uint8Array = bioAllowed(TAGS);

/**
 * Best tag sequence under emission scores `em` (n × NT) and transitions `tr` ((NT+1) × NT).
 * Deterministic: ties go to the lower tag index.
 */
export const viterbi = makeViterbi(NT, ALLOWED);

export interface SerializedModel {
  lex: Lexicons;
  /** Kept feature hashes, one per row. */
  keys: Uint32Array;
  /** Row weights, dense rows × NT, quantised: the weight is `q * scale`. */
  q: Int16Array;
  scale: number;
  trans: Float32Array;
  meta: Record<string, unknown>;
}

const mapToText = (m: Lexicon<string | number>) => [...m].map(([k, v]) => `${k}\t${v}`).join('\n');
const textToMap = <T>(s: string, conv: (v: string) => T) => {
  const m = new Map<string, T>();
  if (!s) return m;
  for (const line of s.split('\n')) {
    const tab = line.lastIndexOf('\t');
    m.set(line.slice(0, tab), conv(line.slice(tab + 1)));
  }
  return m;
};

/**
 * Writes the model: rows whose quantised weights are all zero are dropped, the others are stored
 * sparsely (a 16-bit tag mask per row, then int8 values scaled by a per-model factor).
 */
export function serializeModel(keys: Uint32Array, weights: Float64Array, trans: Float64Array, lex: Lexicons, meta: Record<string, unknown>): Buffer {
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
  // 16-bit quantisation; scale chosen on the 99.99th percentile magnitude so outliers clip, not the bulk.
  const mags: number[] = [];
  for (let i = 0; i < weights.length; i += 7) if (weights[i] !== 0) mags.push(Math.abs(weights[i]));
  mags.sort((a, b) => a - b);
  const clip = mags.length ? mags[Math.min(mags.length - 1, Math.floor(mags.length * 0.9999))] : 1;
  const scale = (clip || maxAbs || 1) / 32767;
  const rows = keys.length;
  const keptKeys: number[] = [];
  const masks: number[] = [];
  const vals: number[] = [];
  const q = new Int16Array(NT);
  for (let r = 0; r < rows; r++) {
    let mask = 0;
    for (let t = 0; t < NT; t++) {
      const v = Math.max(-32767, Math.min(32767, Math.round(weights[r * NT + t] / scale)));
      q[t] = v;
      if (v !== 0) mask |= 1 << t;
    }
    if (!mask) continue;
    keptKeys.push(keys[r]);
    masks.push(mask);
    for (let t = 0; t < NT; t++) if (mask & (1 << t)) vals.push(q[t]);
  }
  // Sort rows by key so the file is deterministic and delta-codable.
  const order = keptKeys.map((_, i) => i).sort((a, b) => keptKeys[a] - keptKeys[b]);
  const offs: number[] = [];
  let acc = 0;
  for (let i = 0; i < masks.length; i++) {
    offs.push(acc);
    acc += popcount(masks[i]);
  }
  const K = new Uint32Array(order.length);
  const M = new Uint16Array(order.length);
  const V = new Int16Array(vals.length);
  let vp = 0;
  let prevKey = 0;
  order.forEach((src, i) => {
    K[i] = (keptKeys[src] - prevKey) >>> 0; // delta coding compresses better
    prevKey = keptKeys[src];
    M[i] = masks[src];
    const c = popcount(masks[src]);
    for (let j = 0; j < c; j++) V[vp++] = vals[offs[src] + j];
  });
  const header = {
      tags: TAGS,
      scale,
      rows: K.length,
      vals: V.length,
      gazMaxLen: lex.gazMaxLen,
      casing: mapToText(lex.casing),
      clusters: mapToText(lex.clusters),
      gaz: mapToText(lex.gaz),
      hand: mapToText(lex.hand),
      tokGaz: mapToText(lex.tokGaz),
      prior: lex.prior ? mapToText(lex.prior) : '',
      meta,
    };
  return writeModelFile(MAGIC, header, [K, M, V, Float32Array.from(trans)]);
}

function popcount(x: number): number {
  let c = 0;
  while (x) {
    x &= x - 1;
    c++;
  }
  return c;
}

export function deserializeModel(gz: Buffer): SerializedModel {
  const { header: h, take } = readModelFile<{
    scale: number;
    rows: number;
    vals: number;
    gazMaxLen: number;
    casing: string;
    clusters: string;
    gaz: string;
    hand: string;
    tokGaz?: string;
    prior?: string;
    meta: Record<string, unknown>;
  }>(gz, MAGIC, 'an entity model');
  const K = new Uint32Array(take(h.rows * 4));
  const M = new Uint16Array(take(h.rows * 2));
  const V = new Int16Array(take(h.vals * 2));
  const trans = new Float32Array(take((NT + 1) * NT * 4));
  const q = new Int16Array(h.rows * NT);
  let key = 0;
  let vp = 0;
  for (let r = 0; r < h.rows; r++) {
    key = (key + K[r]) >>> 0;
    K[r] = key;
    const m = M[r];
    for (let t = 0; t < NT; t++) if (m & (1 << t)) q[r * NT + t] = V[vp++];
  }
  const lex: Lexicons = {
    casing: textToMap(h.casing, String),
    clusters: textToMap(h.clusters, String),
    gaz: textToMap(h.gaz, Number),
    hand: textToMap(h.hand, Number),
    tokGaz: textToMap(h.tokGaz ?? '', Number),
    prior: h.prior ? textToMap(h.prior, String) : undefined,
    gazMaxLen: h.gazMaxLen,
  };
  return { lex, keys: K, q, scale: h.scale, trans, meta: h.meta };
}

/**
 * What a tagger runs on: both passes' weights in one open-addressing table from feature hash to a
 * row holding both passes' quantised weights (so each feature is looked up once), the transition
 * tables, and the lexicons. Built from the two trained models by `mergePasses`; stored as such in
 * the model file (flat-file.ts), so loading builds nothing.
 */
export interface TaggerTables {
  lex: Lexicons;
  meta: Record<string, unknown>;
  /** The document pass's metadata (null without a document pass). */
  docMeta: Record<string, unknown> | null;
  /** Interleaved [key, row] pairs, 2^bits slots; key 0 marks an empty slot. */
  table: Uint32Array;
  bits: number;
  /** Row r: first-pass weights at r*2*NT, second-pass weights at r*2*NT+NT. */
  rows: Int16Array;
  scale1: number;
  scale2: number;
  trans1: Float32Array;
  trans2: Float32Array | null;
}

/** The run-time tables of a first-pass model and (when trained) its document pass. */
export function mergePasses(m: SerializedModel, doc: SerializedModel | null = null): TaggerTables {
  // Union of both passes' keys (each file stores its keys sorted), each with its own row.
  const a = m.keys;
  const b = doc ? doc.keys : new Uint32Array(0);
  const keys = new Uint32Array(a.length + b.length);
  const rowsTmp = new Int16Array((a.length + b.length) * 2 * NT);
  let i = 0;
  let j = 0;
  let R = 0;
  while (i < a.length || j < b.length) {
    const ka = i < a.length ? a[i] : 0xffffffff + 1;
    const kb = j < b.length ? b[j] : 0xffffffff + 1;
    const k = Math.min(ka, kb);
    keys[R] = k;
    if (ka === k) {
      for (let t = 0; t < NT; t++) rowsTmp[R * 2 * NT + t] = m.q[i * NT + t];
      i++;
    }
    if (kb === k) {
      for (let t = 0; t < NT; t++) rowsTmp[R * 2 * NT + NT + t] = doc!.q[j * NT + t];
      j++;
    }
    R++;
  }
  let bits = 4;
  while (1 << bits < R * 1.6) bits++;
  const cap = 1 << bits;
  const table = new Uint32Array(cap * 2);
  for (let r = 0; r < R; r++) {
    const k = keys[r];
    let s = Math.imul(k, 0x9e3779b1) >>> (32 - bits);
    while (table[s * 2] !== 0) s = (s + 1) & (cap - 1);
    table[s * 2] = k;
    table[s * 2 + 1] = r;
  }
  return {
    lex: { ...m.lex, prior: doc?.lex.prior },
    meta: m.meta,
    docMeta: doc ? doc.meta : null,
    table,
    bits,
    rows: rowsTmp.slice(0, R * 2 * NT),
    scale1: m.scale,
    scale2: doc ? doc.scale : 0,
    trans1: m.trans,
    trans2: doc ? doc.trans : null,
  };
}

const LEXICONS = ['casing', 'clusters', 'gaz', 'hand', 'tokGaz', 'prior'] as const;

/** The model file of a tagger's tables (flat-file.ts). */
export function writeTaggerFile(t: TaggerTables): Buffer {
  const arrays: Record<string, FlatArray> = { table: t.table, rows: t.rows, trans1: t.trans1 };
  if (t.trans2) arrays.trans2 = t.trans2;
  for (const name of LEXICONS) {
    const lexicon = t.lex[name];
    if (!lexicon) continue;
    for (const [part, a] of Object.entries(FlatLexicon.arraysOf(lexicon))) arrays[`${name}.${part}`] = a;
  }
  const header = { tags: TAGS, bits: t.bits, scale1: t.scale1, scale2: t.scale2, gazMaxLen: t.lex.gazMaxLen, meta: t.meta, docMeta: t.docMeta };
  return writeFlatFile(FLAT_MAGIC, header, arrays);
}

/** A tagger's tables from its model file: views of the file's bytes, nothing rebuilt. */
export function readTaggerFile(file: Buffer): TaggerTables {
  const { header: h, arrays } = readFlatFile<{
    tags: string[];
    bits: number;
    scale1: number;
    scale2: number;
    gazMaxLen: number;
    meta: Record<string, unknown>;
    docMeta: Record<string, unknown> | null;
  }>(file, FLAT_MAGIC, 'an entity model');
  if (h.tags.join() !== TAGS.join()) throw new Error('the entity model was trained with other tags');
  const lexicon = <V extends string | number>(name: string): FlatLexicon<V> | undefined => {
    const part = (p: string) => arrays[`${name}.${p}`] as never;
    if (!arrays[`${name}.slots`]) return undefined;
    return new FlatLexicon<V>({
      keyChars: part('keyChars'),
      keyEnds: part('keyEnds'),
      slots: part('slots'),
      numbers: part('numbers'),
      valueChars: part('valueChars'),
      valueEnds: part('valueEnds'),
    });
  };
  const empty = new Map<string, never>();
  return {
    lex: {
      casing: lexicon<string>('casing') ?? empty,
      clusters: lexicon<string>('clusters') ?? empty,
      gaz: lexicon<number>('gaz') ?? empty,
      hand: lexicon<number>('hand') ?? empty,
      tokGaz: lexicon<number>('tokGaz') ?? empty,
      prior: lexicon<string>('prior'),
      gazMaxLen: h.gazMaxLen,
    },
    meta: h.meta,
    docMeta: h.docMeta,
    table: arrays.table as Uint32Array,
    bits: h.bits,
    rows: arrays.rows as Int16Array,
    scale1: h.scale1,
    scale2: h.scale2,
    trans1: arrays.trans1 as Float32Array,
    trans2: (arrays.trans2 as Float32Array | undefined) ?? null,
  };
}

/**
 * The tagger: a first pass over each sentence, then (when the document model is present) a second
 * pass that also sees what the first pass decided elsewhere in the document.
 */
export class Tagger {
  readonly lex: Lexicons;
  readonly meta: Record<string, unknown>;
  private readonly table: Uint32Array;
  private readonly bits: number;
  private readonly rows: Int16Array;
  private readonly scale1: number;
  private readonly scale2: number;
  private readonly trans1: Float32Array;
  private readonly trans2: Float32Array | null;
  private readonly prior: Lexicon<string> | undefined;
  /** The feature rows of the sentence being tagged (refilled for each). */
  private readonly rows1 = new FeatureRows();

  constructor(t: TaggerTables) {
    this.lex = t.lex;
    this.meta = t.meta;
    this.table = t.table;
    this.bits = t.bits;
    this.rows = t.rows;
    this.scale1 = t.scale1;
    this.scale2 = t.scale2;
    this.trans1 = t.trans1;
    this.trans2 = t.trans2;
    this.prior = t.lex.prior;
  }

  get hasDocumentPass(): boolean {
    return this.trans2 !== null;
  }

  /**
   * Both passes' summed weights of a word's own features (`wordFeatures`), once per word type
   * (kept with the word's WordInfo, in its bounded cache). The weights are 16-bit integers, so
   * the sums are exact: adding them first gives the very emissions of the full feature loop.
   */
  private wordSums(info: WordInfo): Float64Array {
    if (info.sums?.of === this) return info.sums.weights;
    const v = new Float64Array(2 * NT);
    const own = Uint32Array.from(ownFeatures(info));
    const at = this.findRows(own, own.length);
    for (let q = 0; q < own.length; q++) {
      const ro = at[q];
      if (ro < 0) continue;
      for (let t = 0; t < 2 * NT; t++) v[t] += this.rows[ro + t];
    }
    info.sums = { of: this, weights: v };
    return v;
  }

  /** findRows' scratch: each feature's row offset in `rows`, grown as needed. */
  private found = new Int32Array(4096);
  /** Sum of the words touched ahead by findRows (kept only so that those loads are not dropped). */
  touched = 0;

  /**
   * The offset in `rows` of each hash of `hs[0..m)` (r * 2 * NT, or -1 when the model has no
   * weights for it), into this.found. The look-ups are memory bound (a table of millions of slots
   * read at random), so a sentence's go in sweeps whose loads do not wait on one another, which
   * the processor overlaps: every home slot touched, then the probes (now in cache), then every row
   * found touched before the sums read it.
   */
  private findRows(hs: Uint32Array, m: number): Int32Array {
    const { table, rows } = this;
    const mask = (1 << this.bits) - 1;
    const shift = 32 - this.bits;
    if (this.found.length < m) this.found = new Int32Array(2 * m);
    const at = this.found;
    let touched = 0;
    for (let q = 0; q < m; q++) {
      const s = Math.imul(hs[q], 0x9e3779b1) >>> shift;
      at[q] = s;
      touched += table[s * 2];
    }
    for (let q = 0; q < m; q++) {
      const k = hs[q];
      let s = at[q];
      let r = -1;
      for (;;) {
        const v = table[s * 2];
        if (v === k) {
          r = table[s * 2 + 1];
          break;
        }
        if (v === 0) break;
        s = (s + 1) & mask;
      }
      at[q] = r < 0 ? -1 : r * 2 * NT;
      if (r >= 0) touched += rows[r * 2 * NT];
    }
    this.touched = touched;
    return at;
  }

  /**
   * Adds the weights of each token's feature row of `fr` (a sentence's FeatureRows) to the
   * emissions (n × NT; the first pass to e1 when given, the second to e2 when given), token by
   * token, with the sentence's look-ups done together (findRows).
   */
  private accumulateRows(fr: FeatureRows, n: number, e1: Float64Array | null, e2: Float64Array | null): void {
    const rows = this.rows;
    const starts = fr.starts;
    const at = this.findRows(fr.data, starts[n]);
    for (let i = 0; i < n; i++) {
      const o = i * NT;
      for (let q = starts[i], end = starts[i + 1]; q < end; q++) {
        const ro = at[q];
        if (ro < 0) continue;
        if (e1) for (let t = 0; t < NT; t++) e1[o + t] += rows[ro + t];
        if (e2) for (let t = 0; t < NT; t++) e2[o + t] += rows[ro + NT + t];
      }
    }
  }

  /** BIO tags (indices into TAGS) for the sentences of one document. */
  tagDocument(sentences: string[][], useDocumentPass = true): Uint8Array[] {
    const second = useDocumentPass && this.trans2 !== null;
    const em2: Float64Array[] = [];
    const rows = this.rows1;
    const infos = sentences.map((words) => words.map((w) => wordInfo(w, this.lex)));
    const first = infos.map((info) => {
      const n = info.length;
      if (!n) {
        em2.push(new Float64Array(0));
        return new Uint8Array(0);
      }
      sentenceRows(info, this.lex, false, rows);
      const e1 = new Float64Array(n * NT);
      const e2 = second ? new Float64Array(n * NT) : null;
      for (let i = 0; i < n; i++) {
        const own = this.wordSums(info[i]);
        for (let t = 0; t < NT; t++) e1[i * NT + t] = own[t];
        if (e2) for (let t = 0; t < NT; t++) e2[i * NT + t] = own[NT + t];
      }
      this.accumulateRows(rows, n, e1, e2);
      if (e2) em2.push(e2);
      for (let k = 0; k < e1.length; k++) e1[k] *= this.scale1;
      return viterbi(e1, this.trans1, n);
    });
    if (!second) return first;
    const evidence = new DocumentEvidence(infos, first, this.prior);
    return infos.map((info, si) => {
      const n = info.length;
      if (!n) return new Uint8Array(0);
      const e2 = em2[si];
      evidence.sentenceRows(info, first[si], rows);
      this.accumulateRows(rows, n, null, e2);
      for (let k = 0; k < e2.length; k++) e2[k] *= this.scale2;
      return viterbi(e2, this.trans2!, n);
    });
  }

  /** BIO tags (indices into TAGS) for one sentence on its own. */
  tagIndices(words: string[]): Uint8Array {
    return this.tagDocument([words])[0];
  }

  tag(words: string[]): string[] {
    return this.tagNames(this.tagIndices(words));
  }

  /** Tag indices → tag names ("B-PER"). */
  tagNames(tags: Uint8Array): string[] {
    return [...tags].map((t) => TAGS[t]);
  }
}

/** The model file the repository ships (what `train:ner` writes by default). */
export const SHIPPED_MODEL_PATH = join(packageRoot(), 'models', 'entities.bin');
/** `TRIANGULATE_NER_MODEL` points every stage at another tagger file (to measure a retrain downstream). */
export const DEFAULT_MODEL_PATH = process.env.TRIANGULATE_NER_MODEL || SHIPPED_MODEL_PATH;

/** Reads a tagger from its model file (written by writeTaggerFile). */
export function readTagger(path: string): Tagger {
  return new Tagger(readTaggerFile(readFileSync(path)));
}

let cached: { tagger: Tagger; loadMs: number } | null = null;

/** The shipped tagger, loaded on first use and kept. */
export function loadTagger(path = DEFAULT_MODEL_PATH): Tagger {
  if (cached && path === DEFAULT_MODEL_PATH) return cached.tagger;
  const t0 = performance.now();
  const tagger = readTagger(path);
  const loadMs = performance.now() - t0;
  if (path === DEFAULT_MODEL_PATH) cached = { tagger, loadMs };
  return tagger;
}

/** Milliseconds the last default-model load took (null if not loaded yet). */
export function modelLoadMs(): number | null {
  return cached ? cached.loadMs : null;
}
