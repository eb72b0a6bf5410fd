/**
 * The entity tagger: a linear model over hashed features, decoded with Viterbi over BIO tags
 * (first-order transitions, BIO constraints enforced). Trained as an averaged structured
 * perceptron by scripts/train-ner.ts; shipped as models/ner.bin.gz (gzip of a small header,
 * the kept feature hashes, and sparse quantised weights), loaded lazily once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { documentFeatures, type Lexicons, NT as NT_IMPORTED, sentenceFeatures, TAGS, wordFeatures } from './features.js';
import { packageRoot } from '../../util/paths.js';
import { bioAllowed, makeViterbi } from '../learn/bio.js';
import { readModelFile, writeModelFile } from '../learn/model-file.js';

/** Local copy of the tag count (imported bindings can be accessor calls under some loaders). */
const NT: number = NT_IMPORTED;
/** Word types whose own-feature sums a tagger keeps (then it starts again): about 10 MB. */
const WORD_SUMS_MAX = 50_000;

const MAGIC = 'NER1';
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

const mapToText = (m: Map<string, string | number>) => [...m].map(([k, v]) => `${k}\t${v}`).join('\n');
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
 * The tagger: a first pass over each sentence, then (when the document model is present) a second
 * pass that also sees what the first pass decided elsewhere in the document. Both passes share one
 * open-addressing table from feature hash to a row holding both passes' quantised weights, so each
 * feature is looked up once.
 */
export class Tagger {
  readonly lex: Lexicons;
  readonly meta: Record<string, unknown>;
  /** Interleaved [key, row] pairs; key 0 marks an empty slot. */
  private readonly table: Uint32Array;
  private readonly bits: number;
  /** Row r: first-pass weights at r*2*NT, second-pass weights at r*2*NT+NT. */
  private readonly rows: Int16Array;
  private readonly scale1: number;
  private readonly scale2: number;
  private readonly trans1: Float32Array;
  private readonly trans2: Float32Array | null;
  private readonly prior: Map<string, string> | undefined;
  private readonly sums = new Map<string, Float64Array>();

  constructor(m: SerializedModel, doc: SerializedModel | null = null) {
    this.lex = m.lex;
    this.meta = m.meta;
    this.scale1 = m.scale;
    this.scale2 = doc ? doc.scale : 0;
    this.trans1 = m.trans;
    this.trans2 = doc ? doc.trans : null;
    this.prior = doc?.lex.prior;
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
    this.rows = rowsTmp.subarray(0, R * 2 * NT);
    let bits = 4;
    while (1 << bits < R * 1.6) bits++;
    this.bits = bits;
    const cap = 1 << bits;
    this.table = new Uint32Array(cap * 2);
    for (let r = 0; r < R; r++) {
      const k = keys[r];
      let s = Math.imul(k, 0x9e3779b1) >>> (32 - bits);
      while (this.table[s * 2] !== 0) s = (s + 1) & (cap - 1);
      this.table[s * 2] = k;
      this.table[s * 2 + 1] = r;
    }
  }

  get hasDocumentPass(): boolean {
    return this.trans2 !== null;
  }

  /**
   * Both passes' summed weights of a word's own features (`wordFeatures`), once per word type.
   * The weights are 16-bit integers, so the sums are exact: adding them first gives the very
   * emissions of the full feature loop.
   */
  private wordSums(word: string): Float64Array {
    let v = this.sums.get(word);
    if (!v) {
      if (this.sums.size >= WORD_SUMS_MAX) this.sums.clear();
      v = new Float64Array(2 * NT);
      this.accumulate(Uint32Array.from(wordFeatures(word, this.lex)), 0, v.subarray(0, NT), v.subarray(NT));
      this.sums.set(word, v);
    }
    return v;
  }

  /** Adds the weights of `hs` to the emission arrays (first pass to e1, second pass to e2 when given). */
  private accumulate(hs: Uint32Array, o: number, e1: Float64Array | null, e2: Float64Array | null): void {
    const table = this.table;
    const rows = this.rows;
    const mask = (1 << this.bits) - 1;
    const shift = 32 - this.bits;
    for (let q = 0; q < hs.length; q++) {
      const k = hs[q];
      let s = Math.imul(k, 0x9e3779b1) >>> shift;
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
      if (r < 0) continue;
      const ro = r * 2 * NT;
      if (e1) for (let t = 0; t < NT; t++) e1[o + t] += rows[ro + t];
      if (e2) for (let t = 0; t < NT; t++) e2[o + t] += rows[ro + NT + t];
    }
  }

  /** BIO tags (indices into TAGS) for the sentences of one document. */
  tagDocument(sentences: string[][], useDocumentPass = true): Uint8Array[] {
    const second = useDocumentPass && this.trans2 !== null;
    const em2: Float64Array[] = [];
    const first = sentences.map((words) => {
      const n = words.length;
      if (!n) {
        em2.push(new Float64Array(0));
        return new Uint8Array(0);
      }
      const feats = sentenceFeatures(words, this.lex, false);
      const e1 = new Float64Array(n * NT);
      const e2 = second ? new Float64Array(n * NT) : null;
      for (let i = 0; i < n; i++) {
        const own = this.wordSums(words[i]);
        for (let t = 0; t < NT; t++) e1[i * NT + t] = own[t];
        if (e2) for (let t = 0; t < NT; t++) e2[i * NT + t] = own[NT + t];
        this.accumulate(feats[i], i * NT, e1, e2);
      }
      if (e2) em2.push(e2);
      for (let k = 0; k < e1.length; k++) e1[k] *= this.scale1;
      return viterbi(e1, this.trans1, n);
    });
    if (!second) return first;
    const extra = documentFeatures(sentences, first, this.prior);
    return sentences.map((words, si) => {
      const n = words.length;
      if (!n) return new Uint8Array(0);
      const e2 = em2[si];
      for (let i = 0; i < n; i++) this.accumulate(extra[si][i], i * NT, null, e2);
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

export const DEFAULT_MODEL_PATH = join(packageRoot(), 'models', 'ner.bin.gz');
/** The second-pass (document) model sits beside the first: `ner.bin.gz` → `ner-doc.bin.gz`. */
export const docModelPath = (path: string) => path.replace(/\.bin\.gz$/, '-doc.bin.gz');

/** Reads a tagger from its model file and, if present, the document model beside it. */
export function readTagger(path: string): Tagger {
  const docPath = docModelPath(path);
  const doc = docPath !== path && existsSync(docPath) ? deserializeModel(readFileSync(docPath)) : null;
  return new Tagger(deserializeModel(readFileSync(path)), doc);
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
