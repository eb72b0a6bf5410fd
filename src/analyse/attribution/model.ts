/**
 * The attribution tagger: per sentence, BIO tags for the cue (CUE), the source (SRC) and the content
 * (CON) of attributions, from a linear model over hashed features (features.ts) decoded with Viterbi
 * (first-order transitions, BIO constraints enforced). Trained as an averaged structured perceptron
 * by scripts/train-attrib.ts on PolNeAR train; shipped as models/attrib.bin.gz (gzip of a JSON
 * header with the cue lexicon, the kept feature hashes delta-coded, int16 weights), loaded lazily
 * once. The same layout as the entity tagger's model (src/analyse/entities/model.ts), for 7 tags.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { CueLexicon } from './features.js';

export const TAGS = ['O', 'B-CUE', 'I-CUE', 'B-SRC', 'I-SRC', 'B-CON', 'I-CON'] as const;
export const NT = 7;
export const START = NT;
const MAGIC = 'ATR1';

/** allowed[prev * NT + cur]: I-X only after B-X or I-X; prev = START at the sentence start. */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((NT + 1) * NT);
  for (let p = 0; p <= NT; p++)
    for (let c = 0; c < NT; c++) {
      const ct = TAGS[c];
      if (ct[0] !== 'I') a[p * NT + c] = 1;
      else if (p < NT && TAGS[p] !== 'O' && TAGS[p].slice(2) === ct.slice(2)) a[p * NT + c] = 1;
    }
  return a;
})();

/** Best tag sequence under emissions `em` (n × NT) and transitions `tr` ((NT+1) × NT); ties to the lower tag. */
export function viterbi(em: Float64Array, tr: ArrayLike<number>, n: number): Uint8Array {
  const tags = new Uint8Array(n);
  if (n === 0) return tags;
  const score = new Float64Array(n * NT);
  const back = new Uint8Array(n * NT);
  for (let c = 0; c < NT; c++) score[c] = ALLOWED[START * NT + c] ? em[c] + tr[START * NT + c] : Number.NEGATIVE_INFINITY;
  for (let i = 1; i < n; i++) {
    const o = i * NT;
    const po = o - NT;
    for (let c = 0; c < NT; c++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < NT; p++) {
        if (!ALLOWED[p * NT + c]) continue;
        const s = score[po + p] + tr[p * NT + c];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[o + c] = best + em[o + c];
      back[o + c] = arg;
    }
  }
  let best = Number.NEGATIVE_INFINITY;
  let arg = 0;
  const o = (n - 1) * NT;
  for (let c = 0; c < NT; c++)
    if (score[o + c] > best) {
      best = score[o + c];
      arg = c;
    }
  tags[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * NT + tags[i]];
  return tags;
}

/**
 * Writes the model: feature rows whose quantised weights are all zero are dropped; keys sorted and
 * delta-coded; weights int16 with one scale (clipped at the 99.99th percentile magnitude).
 */
export function serializeAttributionModel(keys: Uint32Array, weights: Float64Array, trans: Float64Array, lex: CueLexicon, meta: Record<string, unknown>): Buffer {
  const mags: number[] = [];
  for (let i = 0; i < weights.length; i += 5) if (weights[i] !== 0) mags.push(Math.abs(weights[i]));
  mags.sort((a, b) => a - b);
  const clip = mags.length ? mags[Math.min(mags.length - 1, Math.floor(mags.length * 0.9999))] : 1;
  const scale = (clip || 1) / 32767;
  const order = [...keys.keys()].sort((a, b) => keys[a] - keys[b]);
  const K: number[] = [];
  const V: number[] = [];
  let prev = 0;
  const row = new Int16Array(NT);
  for (const r of order) {
    let any = false;
    for (let t = 0; t < NT; t++) {
      row[t] = Math.max(-32767, Math.min(32767, Math.round(weights[r * NT + t] / scale)));
      if (row[t] !== 0) any = true;
    }
    if (!any) continue;
    K.push((keys[r] - prev) >>> 0);
    prev = keys[r];
    for (let t = 0; t < NT; t++) V.push(row[t]);
  }
  const header = Buffer.from(
    JSON.stringify({ tags: TAGS, scale, rows: K.length, lexicon: [...lex].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)), meta }),
    'utf8',
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length);
  const body = Buffer.concat([
    Buffer.from(MAGIC),
    len,
    header,
    Buffer.from(Uint32Array.from(K).buffer),
    Buffer.from(Int16Array.from(V).buffer),
    Buffer.from(Float32Array.from(trans).buffer),
  ]);
  return gzipSync(body, { level: 9 });
}

/** The trained tagger: an open-addressing table from feature hash to a row of NT weights. */
export class AttributionTagger {
  readonly lex: CueLexicon;
  readonly meta: Record<string, unknown>;
  private readonly table: Uint32Array;
  private readonly bits: number;
  private readonly rows: Int16Array;
  private readonly scale: number;
  private readonly trans: Float32Array;

  constructor(gz: Buffer) {
    const buf = gunzipSync(gz);
    if (buf.subarray(0, 4).toString() !== MAGIC) throw new Error('not an attribution model file');
    const hlen = buf.readUInt32LE(4);
    const h = JSON.parse(buf.subarray(8, 8 + hlen).toString('utf8')) as {
      scale: number;
      rows: number;
      lexicon: [string, number][];
      meta: Record<string, unknown>;
    };
    let p = 8 + hlen;
    const take = (bytes: number) => {
      const b = new Uint8Array(bytes);
      b.set(buf.subarray(p, p + bytes));
      p += bytes;
      return b.buffer;
    };
    const K = new Uint32Array(take(h.rows * 4));
    this.rows = new Int16Array(take(h.rows * NT * 2));
    this.trans = new Float32Array(take((NT + 1) * NT * 4));
    this.scale = h.scale;
    this.lex = new Map(h.lexicon);
    this.meta = h.meta;
    let bits = 4;
    while (1 << bits < h.rows * 1.6) bits++;
    this.bits = bits;
    const cap = 1 << bits;
    this.table = new Uint32Array(cap * 2);
    let key = 0;
    for (let r = 0; r < h.rows; r++) {
      key = (key + K[r]) >>> 0;
      let s = Math.imul(key, 0x9e3779b1) >>> (32 - bits);
      while (this.table[s * 2] !== 0) s = (s + 1) & (cap - 1);
      this.table[s * 2] = key;
      this.table[s * 2 + 1] = r;
    }
  }

  /** Tag indices (into TAGS) for one sentence given its token features. */
  tag(feats: Uint32Array[]): Uint8Array {
    const n = feats.length;
    const em = new Float64Array(n * NT);
    const table = this.table;
    const rows = this.rows;
    const mask = (1 << this.bits) - 1;
    const shift = 32 - this.bits;
    for (let i = 0; i < n; i++) {
      const hs = feats[i];
      const o = i * NT;
      for (let q = 0; q < hs.length; q++) {
        const k = hs[q];
        let s = Math.imul(k, 0x9e3779b1) >>> shift;
        for (;;) {
          const v = table[s * 2];
          if (v === k) {
            const ro = table[s * 2 + 1] * NT;
            for (let t = 0; t < NT; t++) em[o + t] += rows[ro + t];
            break;
          }
          if (v === 0) break;
          s = (s + 1) & mask;
        }
      }
    }
    for (let k = 0; k < em.length; k++) em[k] *= this.scale;
    return viterbi(em, this.trans, n);
  }
}

export const DEFAULT_ATTRIBUTION_MODEL = join(dirname(fileURLToPath(import.meta.url)), '../../../models/attrib.bin.gz');

let cached: AttributionTagger | null | undefined;

/** The shipped tagger, loaded on first use and kept; null when the model file is missing or unreadable. */
export function loadAttributionTagger(path = DEFAULT_ATTRIBUTION_MODEL): AttributionTagger | null {
  if (path === DEFAULT_ATTRIBUTION_MODEL && cached !== undefined) return cached;
  let tagger: AttributionTagger | null = null;
  try {
    if (existsSync(path)) tagger = new AttributionTagger(readFileSync(path));
  } catch {
    tagger = null;
  }
  if (path === DEFAULT_ATTRIBUTION_MODEL) cached = tagger;
  return tagger;
}
