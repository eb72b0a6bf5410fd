/**
 * The attribution tagger: per sentence, BIO tags for the cue (CUE), the source (SRC) and the content
 * (CON) of attributions, from a linear model over hashed features (features.ts) decoded with Viterbi
 * (first-order transitions, BIO constraints enforced). Trained as an averaged structured perceptron
 * by scripts/train-attrib.ts on PolNeAR train; shipped as models/attrib.bin, the flat container of
 * src/util/flat-file.ts (magic ATRF): a JSON header with the cue lexicon, the weight scale and the
 * training metadata, then the run-time tables of the weights themselves (WeightTables: one int16
 * row per feature and where each hash bucket's rows start), the transitions and the word clusters
 * (a FlatLexicon). Loading is reading the file and taking views of it (no gunzip, no table
 * rebuilt), lazily, once per thread. At run time the tagger looks up as few weights per token as it
 * can: the sums of a word's own features are kept per word form (WordSums), those of the closed
 * features (features.ts closedHashes) in a small table summed at load, those of the features of the
 * nearest cue at a distance once per sentence for all the tokens that share them (Feats.sides).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOSED_COUNT, closedHashes, type Clusters, type CueLexicon, type DocInfo, type Feats, FACTS_STRIDE, NEAR, SIDE_WIDTH, stackFeatures, SUMS_AT, wordL, wordNear, wordR, wordU, type WordSums } from './features.js';
import { packageRoot } from '../../util/paths.js';
import { bioAllowed, makeViterbi } from '../learn/bio.js';
import { type FlatArray, readFlatFile, writeFlatFile } from '../../util/flat-file.js';
import { FlatLexicon } from '../entities/flat-file.js';

export const TAGS = ['O', 'B-CUE', 'I-CUE', 'B-SRC', 'I-SRC', 'B-CON', 'I-CON'] as const;
export const NT = 7;
export const START = NT;
const MAGIC = 'ATRF';

/** allowed[prev * NT + cur]: I-X only after B-X or I-X; prev = START at the sentence start. */
export const ALLOWED: Uint8Array = bioAllowed(TAGS);

/** Best tag sequence under emissions `em` (n × NT) and transitions `tr` ((NT+1) × NT); ties to the lower tag. */
export const viterbi = makeViterbi(NT, ALLOWED);

/**
 * One trained pass quantised: feature rows whose quantised weights are all zero dropped; weights
 * int16 with one scale (clipped at the 99.99th percentile magnitude).
 */
export interface QuantisedPass {
  /** Feature hashes, ascending. */
  keys: Uint32Array;
  /** Per row, which of the NT quantised weights are not zero (bit t: tag t). */
  masks: Uint8Array;
  /** The non-zero weights, row by row. */
  vals: Int16Array;
  scale: number;
}

/** Quantises trained weights (row r of `weights` holds the NT weights of feature hash keys[r]). */
export function quantise(keys: Uint32Array, weights: Float64Array): QuantisedPass {
  const mags: number[] = [];
  for (let i = 0; i < weights.length; i += 5) if (weights[i] !== 0) mags.push(Math.abs(weights[i]));
  mags.sort((a, b) => a - b);
  const clip = mags.length ? mags[Math.min(mags.length - 1, Math.floor(mags.length * 0.9999))] : 1;
  const scale = (clip || 1) / 32767;
  const order = [...keys.keys()].sort((a, b) => keys[a] - keys[b]);
  const K: number[] = [];
  const M: number[] = [];
  const V: number[] = [];
  const row = new Int16Array(NT);
  for (const r of order) {
    let mask = 0;
    for (let t = 0; t < NT; t++) {
      row[t] = Math.max(-32767, Math.min(32767, Math.round(weights[r * NT + t] / scale)));
      if (row[t] !== 0) mask |= 1 << t;
    }
    if (!mask) continue;
    K.push(keys[r]);
    M.push(mask);
    for (let t = 0; t < NT; t++) if (row[t] !== 0) V.push(row[t]);
  }
  return { keys: Uint32Array.from(K), masks: Uint8Array.from(M), vals: Int16Array.from(V), scale };
}

/** Writes a trained pass as a model file (its lexicon and clusters are empty for a second pass). */
export function serializeAttributionModel(
  keys: Uint32Array,
  weights: Float64Array,
  trans: Float64Array,
  lex: CueLexicon,
  clusters: Clusters,
  meta: Record<string, unknown>,
): Buffer {
  const q = quantise(keys, weights);
  return writeAttributionFile({ lex, clusters, meta, scale: q.scale, trans: Float32Array.from(trans), tables: weightTables(q) });
}

/** What one model file holds (one pass). */
export interface AttributionFile {
  lex: CueLexicon;
  clusters: Clusters;
  meta: Record<string, unknown>;
  /** The weights' quantisation step. */
  scale: number;
  /** (NT+1) × NT transition scores; row NT is the sentence start. */
  trans: Float32Array;
  tables: WeightTables;
}

const byKey = <V>(a: [string, V], b: [string, V]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The model file: the header (the cue lexicon, about 2,000 words, sorted), then the weight tables,
 * the transitions and the word clusters (about 16,000) as a FlatLexicon sorted by word, so that
 * loading builds nothing but the small lexicon's Map. A pure function of its input.
 */
export function writeAttributionFile(m: AttributionFile): Buffer {
  const header = { tags: TAGS, scale: m.scale, lexicon: [...m.lex].sort(byKey), meta: m.meta };
  const clusters: Record<string, FlatArray> = {};
  const sorted = new Map([...m.clusters].sort(byKey));
  for (const [part, a] of Object.entries(FlatLexicon.arraysOf(sorted))) clusters[`clusters.${part}`] = a;
  return writeFlatFile(MAGIC, header, { starts: m.tables.starts, rows: m.tables.rows, trans: m.trans, ...clusters });
}

/** A model file read: views of its bytes (tables, transitions, clusters), a Map for the cue lexicon. */
export function readAttributionFile(file: Buffer): AttributionFile {
  const { header: h, arrays: a } = readFlatFile<{ tags: string[]; scale: number; lexicon: [string, number][]; meta: Record<string, unknown> }>(
    file,
    MAGIC,
    'an attribution model',
  );
  if (h.tags.join() !== TAGS.join()) throw new Error('the attribution model was trained with other tags');
  const trans = a.trans as Float32Array;
  const tables = { starts: a.starts as Uint32Array, rows: a.rows as Int16Array };
  if (!trans || trans.length !== (NT + 1) * NT || !tables.starts || tables.starts.length !== BUCKETS + 1 || !tables.rows || tables.starts[BUCKETS] !== tables.rows.length)
    throw new Error("the attribution model's tables are damaged");
  // each bucket's rows lie inside the rows (a damaged file must not read past them)
  for (let b = 0; b < BUCKETS; b++) if (tables.starts[b] > tables.starts[b + 1] || tables.starts[b] % ROW !== 0) throw new Error("the attribution model's tables are damaged");
  const part = (name: string) => a[`clusters.${name}`] as never;
  const clusters = a['clusters.slots']
    ? new FlatLexicon<string>({ keyChars: part('keyChars'), keyEnds: part('keyEnds'), slots: part('slots'), valueChars: part('valueChars'), valueEnds: part('valueEnds') })
    : new Map<string, string>();
  return { lex: new Map(h.lexicon), clusters, meta: h.meta, scale: h.scale, trans, tables };
}

/** Int16 words per row: the low 16 bits of the feature hash, then its NT weights (16 bytes). */
const ROW = 8;
/** Buckets by the hash's high 17 bits; with the low 16 bits in the row the whole hash is checked. */
const BUCKET_SHIFT = 15;
const BUCKETS = 2 ** (32 - BUCKET_SHIFT);

/**
 * The weights of one pass as stored and used, looked up by feature hash: `rows` holds one row per
 * feature in hash order (the hash's low 16 bits, then its NT weights), and the rows of bucket b
 * (the hash's high 17 bits; 1.4 rows on average) are rows[starts[b] .. starts[b + 1]) (int16
 * offsets). A look-up reads two places: the bucket's start, then its one or two rows. No empty
 * rows are stored: the 190,000 features of the shipped model are 3 MB, loaded as they are.
 */
export interface WeightTables {
  starts: Uint32Array;
  rows: Int16Array;
}

/** The tables of a quantised pass, in one sequential pass over its sorted hashes. */
export function weightTables({ keys, masks, vals }: QuantisedPass): WeightTables {
  const starts = new Uint32Array(BUCKETS + 1);
  const rows = new Int16Array(keys.length * ROW);
  let v = 0;
  for (let r = 0; r < keys.length; r++) {
    if (r > 0 && keys[r] <= keys[r - 1]) throw new Error('weightTables: feature hashes must ascend');
    starts[(keys[r] >>> BUCKET_SHIFT) + 1] += ROW;
    const x = r * ROW;
    rows[x] = keys[r] & 0xffff;
    for (let t = 0, m = masks[r]; t < NT; t++) if (m & (1 << t)) rows[x + 1 + t] = vals[v++];
  }
  for (let b = 0; b < BUCKETS; b++) starts[b + 1] += starts[b];
  return { starts, rows };
}

/** Where the weights of feature hash `k` (unsigned) begin in `rows`, or -1 when the model has none. */
function weightsAt({ starts, rows }: WeightTables, k: number): number {
  const low = (k << 16) >> 16; // the low 16 bits as stored (int16)
  const b = k >>> BUCKET_SHIFT;
  for (let x = starts[b], end = starts[b + 1]; x < end; x += ROW) if (rows[x] === low) return x + 1;
  return -1;
}

/**
 * The trained tagger: the first pass, and when its file ships, a second pass that also sees the
 * first pass's tags around each token (stackFeatures). Each pass's weights are the WeightTables of
 * its file, loaded once (loadAttributionTagger).
 */
export class AttributionTagger implements WordSums {
  readonly lex: CueLexicon;
  readonly clusters: Clusters;
  readonly meta: Record<string, unknown>;
  private readonly one: WeightTables;
  private readonly two: WeightTables | null;
  private readonly scale1: number;
  private readonly scale2: number;
  private readonly trans1: Float32Array;
  private readonly trans2: Float32Array | null;
  /** The first pass's weight sums of wordL before a sentence's first token and of wordR after its last. */
  private readonly edgeL = new Int32Array(NT);
  private readonly edgeR = new Int32Array(NT);
  /** The first pass's weights of each closed feature (features.ts closedHashes), NT per row. */
  private readonly closedSums: Int32Array;

  /** From the first pass's model file and, when it ships, the second pass's. */
  constructor(file: Buffer, stack: Buffer | null = null) {
    const a = readAttributionFile(file);
    const b = stack ? readAttributionFile(stack) : null;
    this.lex = a.lex;
    this.clusters = a.clusters;
    this.meta = a.meta;
    this.scale1 = a.scale;
    this.scale2 = b ? b.scale : 0;
    this.trans1 = a.trans;
    this.trans2 = b ? b.trans : null;
    this.one = a.tables;
    this.two = b ? b.tables : null;
    this.sum(wordL(11, 11, 9), this.edgeL, 0);
    this.sum(wordR(13, 13, 9), this.edgeR, 0);
    const hashes = closedHashes();
    this.closedSums = new Int32Array(hashes.length * NT);
    for (let r = 0; r < hashes.length; r++) this.sum([hashes[r]], this.closedSums, r * NT);
  }

  /** Adds the first pass's weights of features `fs` to out[o..o+NT-1] (int32 values, also in a Uint32Array). */
  private sum(fs: number[], out: Int32Array | Uint32Array, o: number): void {
    const { rows } = this.one;
    for (const f of fs) {
      const x = weightsAt(this.one, f >>> 0);
      if (x < 0) continue;
      for (let t = 0; t < NT; t++) out[o + t] = (out[o + t] | 0) + rows[x + t];
    }
  }

  /**
   * WordSums: the first pass's sums of the weights of a word's wordU, wordL and wordR features and
   * of its wordNear features for each capped distance on each side, from its facts at f[o..], into
   * out[p..p+(3+2*NEAR)*NT-1]. Only for a tagger without a second pass (whose
   * weights of these features differ): the caller checks `stacked`.
   */
  wordSums(f: Uint32Array, o: number, out: Uint32Array, p: number): void {
    out.fill(0, p, p + (3 + 2 * NEAR) * NT);
    this.sum(wordU(f, o), out, p);
    this.sum(wordL(f[o], f[o + 1], f[o + 4]), out, p + NT);
    this.sum(wordR(f[o], f[o + 1], f[o + 4]), out, p + 2 * NT);
    for (let d = 0; d < NEAR; d++) {
      this.sum(wordNear(f, o, 0, d), out, p + (3 + d) * NT);
      this.sum(wordNear(f, o, 1, d), out, p + (3 + NEAR + d) * NT);
    }
  }

  get stacked(): boolean {
    return this.trans2 !== null;
  }

  /** findRows' scratch: where each feature's weights begin, grown as needed. */
  private found = new Int32Array(64 * 16);
  /** Sum of the first words of the rows touched ahead (kept only so that those loads are not dropped). */
  touched = 0;

  /**
   * Where the weights of each hash keys[0..m-1] begin in `pass.rows` (-1: no weights, or hash 0),
   * into this.found. The look-ups are memory bound (the tables are 3 MB, read at random), so they go
   * in three sweeps whose loads do not wait on one another, which the processor overlaps: every
   * bucket's start, then every bucket's first row, then the search in rows now in cache.
   */
  private findRows(pass: WeightTables, keys: Uint32Array, m: number): Int32Array {
    const { rows: w, starts } = pass;
    if (this.found.length < m) this.found = new Int32Array(2 * m);
    const at = this.found;
    for (let q = 0; q < m; q++) {
      const k = keys[q];
      at[q] = k === 0 ? -1 : starts[k >>> BUCKET_SHIFT];
    }
    let touched = 0;
    for (let q = 0; q < m; q++) if (at[q] >= 0) touched += w[at[q]];
    this.touched = touched;
    for (let q = 0; q < m; q++) {
      let x = at[q];
      if (x < 0) continue;
      const k = keys[q];
      const low = (k << 16) >> 16; // the low 16 bits as stored (int16)
      const last = starts[(k >>> BUCKET_SHIFT) + 1];
      while (x < last && w[x] !== low) x += ROW;
      at[q] = x === last ? -1 : x + 1;
    }
    return at;
  }

  /** Adds the weights of each token's features in `pass` to `e` (n × NT). Each token's sums are kept in locals and stored once. */
  private accumulate(f: Feats, pass: WeightTables, e: Int32Array): void {
    const w = pass.rows;
    const { n, stride, data } = f;
    const at = this.findRows(pass, data, n * stride);
    for (let i = 0; i < n; i++) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0;
      const end = (i + 1) * stride;
      for (let q = i * stride; q < end; q++) {
        const x = at[q];
        if (x < 0) continue;
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

  /** Adds to e1 (n × NT) the first pass's weights of each token's closed features (rows of closedSums). */
  private addClosedSums(closed: Uint16Array, n: number, e1: Int32Array): void {
    const w = this.closedSums;
    for (let i = 0; i < n; i++) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0;
      for (let c = i * CLOSED_COUNT, end = c + CLOSED_COUNT; c < end; c++) {
        const x = closed[c] * NT;
        a0 += w[x];
        a1 += w[x + 1];
        a2 += w[x + 2];
        a3 += w[x + 3];
        a4 += w[x + 4];
        a5 += w[x + 5];
        a6 += w[x + 6];
      }
      const o = i * NT;
      e1[o] += a0;
      e1[o + 1] += a1;
      e1[o + 2] += a2;
      e1[o + 3] += a3;
      e1[o + 4] += a4;
      e1[o + 5] += a5;
      e1[o + 6] += a6;
    }
  }

  /** tagScored's first-pass emissions when asked to reuse them, grown as needed. */
  private em1 = new Float64Array(64 * NT);
  /** tagScored's first-pass sums (n × NT int32), grown as needed. */
  private sums1 = new Int32Array(64 * NT);
  /** Weight sums of the cue-context rows of one sentence (Feats.sideHashes), NT per row; grown as needed. */
  private sideSums = new Int32Array(64 * NT);

  /**
   * Adds to e1 (n × NT) the first pass's weights of each token's cue-context features: each row of
   * feats.sideHashes is looked up once, then each token adds its left and its right row.
   */
  private addSideSums(feats: Feats, e1: Int32Array): void {
    const { sides, sideHashes, sideRows, n } = feats;
    if (!sides || !sideHashes) return;
    if (this.sideSums.length < sideRows * NT) this.sideSums = new Int32Array(2 * sideRows * NT);
    const w = this.sideSums;
    w.fill(0, 0, sideRows * NT);
    const at = this.findRows(this.one, sideHashes, sideRows * SIDE_WIDTH);
    const rows = this.one.rows;
    for (let r = 0; r < sideRows; r++) {
      for (let c = r * SIDE_WIDTH, end = c + SIDE_WIDTH; c < end; c++) {
        const x = at[c];
        if (x < 0) continue;
        for (let t = 0; t < NT; t++) w[r * NT + t] += rows[x + t];
      }
    }
    for (let i = 0; i < n; i++) {
      const l = sides[2 * i] * NT;
      const r = sides[2 * i + 1] * NT;
      const o = i * NT;
      for (let t = 0; t < NT; t++) e1[o + t] += w[l + t] + w[r + t];
    }
  }

  /**
   * Adds to e1 (n × NT) each token's first-pass sums of its word's features (wordU, and wordNear at
   * the token's capped distances to the nearest cues, `near`), of the word
   * before (wordL) and of the word after (wordR), from the rows of the document's word facts.
   */
  private addWordSums(info: DocInfo, lo: number, hi: number, near: Uint8Array, e1: Int32Array): void {
    const { facts, rows } = info;
    const n = hi - lo;
    const { edgeL, edgeR } = this;
    for (let i = 0; i < n; i++) {
      const o = i * NT;
      const u = rows[lo + i] * FACTS_STRIDE + SUMS_AT;
      const nl = u + (3 + near[2 * i]) * NT;
      const nr = u + (3 + NEAR + near[2 * i + 1]) * NT;
      for (let t = 0; t < NT; t++) e1[o + t] += (facts[u + t] | 0) + (facts[nl + t] | 0) + (facts[nr + t] | 0);
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
   * features, the closed features and the cue-context features out (their rows are in feats.closed
   * and feats.sides) and their sums are added here. With `reuse`, the first pass's emissions are
   * written into a buffer kept across calls (valid until the next call): the caller reads them at
   * once, and a fresh array per sentence is a buffer outside the heap, costly to make and to collect.
   */
  tagScored(feats: Feats, info: DocInfo, lo: number, hi: number, reuse = false): { tags: Uint8Array; em: Float64Array } {
    const n = feats.n;
    // the first pass's integer sums, in a buffer kept across sentences (em1 below is the caller's)
    if (this.sums1.length < n * NT) this.sums1 = new Int32Array(2 * n * NT);
    const a1 = this.sums1.subarray(0, n * NT);
    a1.fill(0);
    const a2 = this.trans2 ? new Int32Array(n * NT) : null;
    if (info.sums !== null) {
      if (info.sums !== this || a2) throw new Error('attribution: word sums of another tagger, or of a stacked one');
      if (!feats.closed || !feats.near || !feats.sides) throw new Error('attribution: features written without the word sums');
      this.addWordSums(info, lo, hi, feats.near, a1);
      this.addClosedSums(feats.closed, n, a1);
      this.addSideSums(feats, a1);
    }
    this.accumulate(feats, this.one, a1);
    if (a2 && this.two) this.accumulate(feats, this.two, a2);
    if (reuse && this.em1.length < n * NT) this.em1 = new Float64Array(2 * n * NT);
    const em1 = reuse ? this.em1.subarray(0, n * NT) : new Float64Array(n * NT);
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
export const DEFAULT_ATTRIBUTION_MODEL = process.env.TRIANGULATE_ATTRIB_MODEL || join(packageRoot(), 'models', 'attrib.bin');
/** The second (stacked) pass sits beside the first: `attrib.bin` → `attrib-stack.bin`. */
export const stackModelPath = (path: string): string => path.replace(/(\.bin)?$/, '-stack.bin');

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
