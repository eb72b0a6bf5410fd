/**
 * The attribution tagger: per sentence, BIO tags for the cue (CUE), the source (SRC) and the content
 * (CON) of attributions, from a linear model over hashed features (features.ts) decoded with Viterbi
 * (first-order transitions, BIO constraints enforced). Trained as an averaged structured perceptron
 * by scripts/train-attrib.ts on PolNeAR train; shipped as models/attrib.bin.gz (gzip of a JSON
 * header with the cue lexicon and word clusters, the kept feature hashes delta-coded, a tag mask per
 * row and its non-zero int16 weights; the same file layout as the entity tagger's model,
 * src/analyse/entities/model.ts, for 7 tags), loaded lazily once into one flat array of weights
 * (WeightIndex).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Clusters, type CueLexicon, type DocInfo, type Feats, FACTS_STRIDE, stackFeatures, SUMS_AT, wordL, wordR, wordU, type WordSums } from './features.js';
import { packageRoot } from '../../util/paths.js';
import { bioAllowed, makeViterbi } from '../learn/bio.js';
import { readModelFile, writeModelFile } from '../learn/model-file.js';

export const TAGS = ['O', 'B-CUE', 'I-CUE', 'B-SRC', 'I-SRC', 'B-CON', 'I-CON'] as const;
export const NT = 7;
export const START = NT;
const MAGIC = 'ATR2';

/** allowed[prev * NT + cur]: I-X only after B-X or I-X; prev = START at the sentence start. */
export const ALLOWED: Uint8Array = bioAllowed(TAGS);

/** Best tag sequence under emissions `em` (n × NT) and transitions `tr` ((NT+1) × NT); ties to the lower tag. */
export const viterbi = makeViterbi(NT, ALLOWED);

/**
 * Writes the model: feature rows whose quantised weights are all zero are dropped; keys sorted and
 * delta-coded; weights int16 with one scale (clipped at the 99.99th percentile magnitude).
 */
export function serializeAttributionModel(
  keys: Uint32Array,
  weights: Float64Array,
  trans: Float64Array,
  lex: CueLexicon,
  clusters: Clusters,
  meta: Record<string, unknown>,
): Buffer {
  const mags: number[] = [];
  for (let i = 0; i < weights.length; i += 5) if (weights[i] !== 0) mags.push(Math.abs(weights[i]));
  mags.sort((a, b) => a - b);
  const clip = mags.length ? mags[Math.min(mags.length - 1, Math.floor(mags.length * 0.9999))] : 1;
  const scale = (clip || 1) / 32767;
  const order = [...keys.keys()].sort((a, b) => keys[a] - keys[b]);
  const K: number[] = [];
  const M: number[] = [];
  const V: number[] = [];
  let prev = 0;
  const row = new Int16Array(NT);
  for (const r of order) {
    let mask = 0;
    for (let t = 0; t < NT; t++) {
      row[t] = Math.max(-32767, Math.min(32767, Math.round(weights[r * NT + t] / scale)));
      if (row[t] !== 0) mask |= 1 << t;
    }
    if (!mask) continue;
    K.push((keys[r] - prev) >>> 0);
    M.push(mask);
    prev = keys[r];
    for (let t = 0; t < NT; t++) if (row[t] !== 0) V.push(row[t]);
  }
  const header = {
      tags: TAGS,
      scale,
      rows: K.length,
      vals: V.length,
      lexicon: [...lex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      clusters: [...clusters].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      meta,
    };
  return writeModelFile(MAGIC, header, [Uint32Array.from(K), Uint8Array.from(M), Int16Array.from(V), Float32Array.from(trans)]);
}

interface ParsedPass {
  lex: CueLexicon;
  clusters: Clusters;
  meta: Record<string, unknown>;
  /** Feature hashes, ascending. */
  keys: Uint32Array;
  /** Per row, which of the NT quantised weights are not zero (bit t: tag t). */
  masks: Uint8Array;
  /** The non-zero weights, row by row. */
  vals: Int16Array;
  scale: number;
  trans: Float32Array;
}

function parsePass(gz: Buffer): ParsedPass {
  const { header: h, take } = readModelFile<{
    scale: number;
    rows: number;
    vals: number;
    lexicon: [string, number][];
    clusters?: [string, string][];
    meta: Record<string, unknown>;
  }>(gz, MAGIC, 'an attribution model');
  const K = new Uint32Array(take(h.rows * 4));
  const M = new Uint8Array(take(h.rows));
  const V = new Int16Array(take(h.vals * 2));
  const trans = new Float32Array(take((NT + 1) * NT * 4));
  let key = 0;
  for (let r = 0; r < h.rows; r++) {
    key = (key + K[r]) >>> 0;
    K[r] = key;
  }
  return { lex: new Map(h.lexicon), clusters: new Map(h.clusters ?? []), meta: h.meta, keys: K, masks: M, vals: V, scale: h.scale, trans };
}

/** Int16 words per row: the low 16 bits of the feature hash, then its NT weights (16 bytes). */
const ROW = 8;
/** Rows per bucket: one 64-byte cache line. */
const BUCKET_ROWS = 4;
/** Int16 words per bucket. */
const BUCKET = ROW * BUCKET_ROWS;
/** Buckets by the hash's high 17 bits; with the low 16 bits in the row the whole hash is checked. */
const BUCKET_SHIFT = 15;

/**
 * The weights of one pass in one flat Int16Array, looked up by feature hash. Bucket b (the hash's
 * high 17 bits) is a 64-byte line of four rows: the hash's low 16 bits, then its NT weights. The
 * features of a bucket fill its rows in hash order; rows left empty are all zero, so that a hash
 * with low bits 0 that meets one adds nothing, as for a feature the model does not have. The few
 * features of a bucket past its fourth (about 1% of 190,000) sit in overflow rows after the buckets,
 * found through `overflow` (hash → row), looked at only when the bucket is `full`. Built in one
 * sequential pass over the sorted hashes of the file; a look-up reads one cache line.
 */
class WeightIndex {
  readonly rows: Int16Array;
  readonly full: Uint8Array;
  readonly overflow = new Map<number, number>();

  /** From the file's sorted hashes, each row's mask of non-zero weights and those weights in row order (ParsedPass). */
  constructor({ keys, masks, vals }: Pick<ParsedPass, 'keys' | 'masks' | 'vals'>) {
    const buckets = 2 ** (32 - BUCKET_SHIFT);
    const count = new Uint32Array(buckets);
    let extra = 0;
    for (let r = 0; r < keys.length; r++) if (++count[keys[r] >>> BUCKET_SHIFT] > BUCKET_ROWS) extra++;
    const rows = new Int16Array(buckets * BUCKET + extra * ROW);
    const full = new Uint8Array(buckets);
    let next = buckets * BUCKET;
    let v = 0;
    count.fill(0);
    for (let r = 0; r < keys.length; r++) {
      const b = keys[r] >>> BUCKET_SHIFT;
      let x: number;
      if (count[b] < BUCKET_ROWS) x = b * BUCKET + count[b]++ * ROW;
      else {
        full[b] = 1;
        x = next;
        next += ROW;
        this.overflow.set(keys[r], x);
      }
      rows[x] = keys[r] & 0xffff;
      for (let t = 0, m = masks[r]; t < NT; t++) if (m & (1 << t)) rows[x + 1 + t] = vals[v++];
    }
    this.rows = rows;
    this.full = full;
  }

  /** Where the weights of feature hash `k` (unsigned) begin in `rows`, or -1 when the model has none. */
  at(k: number): number {
    const low = (k << 16) >> 16; // the low 16 bits as stored (int16)
    const b = k >>> BUCKET_SHIFT;
    for (let x = b * BUCKET; x < (b + 1) * BUCKET; x += ROW) if (this.rows[x] === low) return x + 1;
    const o = this.full[b] ? this.overflow.get(k) : undefined;
    return o === undefined ? -1 : o + 1;
  }
}

/**
 * The trained tagger: the first pass, and when its file ships, a second pass that also sees the
 * first pass's tags around each token (stackFeatures). Each pass's weights are one WeightIndex,
 * loaded once (loadAttributionTagger).
 */
export class AttributionTagger implements WordSums {
  readonly lex: CueLexicon;
  readonly clusters: Clusters;
  readonly meta: Record<string, unknown>;
  private readonly one: WeightIndex;
  private readonly two: WeightIndex | null;
  private readonly scale1: number;
  private readonly scale2: number;
  private readonly trans1: Float32Array;
  private readonly trans2: Float32Array | null;
  /** The first pass's weight sums of wordL before a sentence's first token and of wordR after its last. */
  private readonly edgeL = new Int32Array(NT);
  private readonly edgeR = new Int32Array(NT);

  constructor(gz: Buffer, stack: Buffer | null = null) {
    const a = parsePass(gz);
    const b = stack ? parsePass(stack) : null;
    this.lex = a.lex;
    this.clusters = a.clusters;
    this.meta = a.meta;
    this.scale1 = a.scale;
    this.scale2 = b ? b.scale : 0;
    this.trans1 = a.trans;
    this.trans2 = b ? b.trans : null;
    this.one = new WeightIndex(a);
    this.two = b ? new WeightIndex(b) : null;
    this.sum(wordL(11, 11, 9), this.edgeL, 0);
    this.sum(wordR(13, 13, 9), this.edgeR, 0);
  }

  /** Adds the first pass's weights of features `fs` to out[o..o+NT-1] (int32 values, also in a Uint32Array). */
  private sum(fs: number[], out: Int32Array | Uint32Array, o: number): void {
    const { rows } = this.one;
    for (const f of fs) {
      const x = this.one.at(f >>> 0);
      if (x < 0) continue;
      for (let t = 0; t < NT; t++) out[o + t] = (out[o + t] | 0) + rows[x + t];
    }
  }

  /**
   * WordSums: the first pass's sums of the weights of a word's wordU, wordL and wordR features,
   * from its facts at f[o..], into out[p..p+3*NT-1]. Only for a tagger without a second pass (whose
   * weights of these features differ): the caller checks `stacked`.
   */
  wordSums(f: Uint32Array, o: number, out: Uint32Array, p: number): void {
    out.fill(0, p, p + 3 * NT);
    this.sum(wordU(f, o), out, p);
    this.sum(wordL(f[o], f[o + 1], f[o + 4]), out, p + NT);
    this.sum(wordR(f[o], f[o + 1], f[o + 4]), out, p + 2 * NT);
  }

  get stacked(): boolean {
    return this.trans2 !== null;
  }

  /**
   * Adds the weights of each token's features in `pass` to `e` (n × NT). Each token's sums are kept
   * in locals and stored once; the look-up (WeightIndex.at) is written out here, as this is the
   * tagger's hot loop.
   */
  private accumulate(f: Feats, pass: WeightIndex, e: Int32Array): void {
    const { rows: w, full, overflow } = pass;
    const { n, stride, data } = f;
    for (let i = 0; i < n; i++) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0;
      const end = (i + 1) * stride;
      for (let q = i * stride; q < end; q++) {
        const k = data[q];
        if (k === 0) continue;
        // WeightIndex.at, written out: the four rows of the bucket, then the overflow
        const low = (k << 16) >> 16;
        const b = k >>> BUCKET_SHIFT;
        let x = b * BUCKET;
        if (w[x] !== low && w[(x += ROW)] !== low && w[(x += ROW)] !== low && w[(x += ROW)] !== low) {
          const o = full[b] ? overflow.get(k) : undefined;
          if (o === undefined) continue;
          x = o;
        }
        x++;
        a0 += w[x];
        a1 += w[x + 1];
        a2 += w[x + 2];
        a3 += w[x + 3];
        a4 += w[x + 4];
        a5 += w[x + 5];
        a6 += w[x + 6];
      }
      const o = i * NT;
      e[o] += a0;
      e[o + 1] += a1;
      e[o + 2] += a2;
      e[o + 3] += a3;
      e[o + 4] += a4;
      e[o + 5] += a5;
      e[o + 6] += a6;
    }
  }

  /**
   * Adds to e1 (n × NT) each token's first-pass sums of its word's features (wordU), of the word
   * before (wordL) and of the word after (wordR), from the rows of the document's word facts.
   */
  private addWordSums(info: DocInfo, lo: number, hi: number, e1: Int32Array): void {
    const { facts, rows } = info;
    const n = hi - lo;
    const { edgeL, edgeR } = this;
    for (let i = 0; i < n; i++) {
      const o = i * NT;
      const u = rows[lo + i] * FACTS_STRIDE + SUMS_AT;
      for (let t = 0; t < NT; t++) e1[o + t] += facts[u + t] | 0;
      if (i > 0) {
        const l = rows[lo + i - 1] * FACTS_STRIDE + SUMS_AT + NT;
        for (let t = 0; t < NT; t++) e1[o + t] += facts[l + t] | 0;
      } else for (let t = 0; t < NT; t++) e1[o + t] += edgeL[t];
      if (i + 1 < n) {
        const r = rows[lo + i + 1] * FACTS_STRIDE + SUMS_AT + 2 * NT;
        for (let t = 0; t < NT; t++) e1[o + t] += facts[r + t] | 0;
      } else for (let t = 0; t < NT; t++) e1[o + t] += edgeR[t];
    }
  }

  /**
   * Tags (into TAGS) of tokens lo..hi-1 with the emission scores (n × NT) they were decoded from.
   * When `info` carries this tagger's word sums (documentInfo's `sums`), `feats` left the word
   * features out and their sums are added here.
   */
  tagScored(feats: Feats, info: DocInfo, lo: number, hi: number): { tags: Uint8Array; em: Float64Array } {
    const n = feats.n;
    const a1 = new Int32Array(n * NT);
    const a2 = this.trans2 ? new Int32Array(n * NT) : null;
    if (info.sums !== null) {
      if (info.sums !== this || a2) throw new Error('attribution: word sums of another tagger, or of a stacked one');
      this.addWordSums(info, lo, hi, a1);
    }
    this.accumulate(feats, this.one, a1);
    if (a2 && this.two) this.accumulate(feats, this.two, a2);
    const em1 = new Float64Array(n * NT);
    for (let k = 0; k < em1.length; k++) em1[k] = a1[k] * this.scale1;
    const tags1 = viterbi(em1, this.trans1, n);
    if (!a2 || !this.trans2 || !this.two) return { tags: tags1, em: em1 };
    this.accumulate(stackFeatures(info, lo, hi, tags1), this.two, a2);
    const em2 = new Float64Array(n * NT);
    for (let k = 0; k < em2.length; k++) em2[k] = a2[k] * this.scale2;
    return { tags: viterbi(em2, this.trans2, n), em: em2 };
  }
}

/** The shipped model; `TRIANGULATE_ATTRIB_MODEL` points elsewhere (model development: a model trained with a holdout). */
export const DEFAULT_ATTRIBUTION_MODEL = process.env.TRIANGULATE_ATTRIB_MODEL || join(packageRoot(), 'models', 'attrib.bin.gz');
/** The second (stacked) pass sits beside the first: `attrib.bin.gz` → `attrib-stack.bin.gz`. */
export const stackModelPath = (path: string): string => path.replace(/\.bin\.gz$/, '-stack.bin.gz');

let cached: AttributionTagger | null | undefined;

/** The shipped tagger, loaded on first use and kept; null when the model file is missing or unreadable. */
export function loadAttributionTagger(path = DEFAULT_ATTRIBUTION_MODEL): AttributionTagger | null {
  if (path === DEFAULT_ATTRIBUTION_MODEL && cached !== undefined) return cached;
  let tagger: AttributionTagger | null = null;
  try {
    const stack = stackModelPath(path);
    if (existsSync(path)) tagger = new AttributionTagger(readFileSync(path), existsSync(stack) ? readFileSync(stack) : null);
  } catch {
    tagger = null;
  }
  if (path === DEFAULT_ATTRIBUTION_MODEL) cached = tagger;
  return tagger;
}
